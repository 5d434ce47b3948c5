"""Programmes: what a session holds, parsed from the TOML format users also write.

A programme file is TOML text; this module parses and validates it but never
opens a file (the caller passes the text and a name to quote in errors).
"""

from __future__ import annotations

from glutewake.core.cue_names import REP_CUES
from glutewake.core.fields import FieldError, Fields
from glutewake.core.frozen import field, frozen
from glutewake.core.records import SIDES
from glutewake.core.settings import PHASES
from glutewake.core.toml_errors import toml_error_line
from glutewake.errors import ProgrammeError

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    import tomllib
    from collections.abc import Callable
    from typing import Any, TypeVar

    T = TypeVar("T")

    from glutewake.core.cue_names import CueWord

PROGRAMME_SCHEMA = 2
# Schema 1 files (glutewake 1.0) still load: they measure everything in counts.
KNOWN_SCHEMAS = (1, 2)


COUNTS = "counts"
SECONDS = "seconds"
# A length may name a setting instead of a number, so one file follows the user's settings.
# Each setting has its unit: a breath is counted, a stretch hold and a rest are timed.
LENGTH_SETTINGS = {
    "breath": (COUNTS, "counts_per_breath"),
    "stretch": (SECONDS, "stretch_hold_seconds"),
    "rest": (SECONDS, "rest_seconds"),
}
MAX_LENGTH = 600
BLOCK_TYPES = ("prepare", "exercise", "stretch", "rest")


@frozen
class Length:
    """How long a step lasts: a number of counts or of seconds, or the setting it follows."""

    value: int | str
    unit: str = COUNTS

    @property
    def setting(self) -> str | None:
        """The settings field this length follows, when it names one."""
        return LENGTH_SETTINGS[self.value][1] if isinstance(self.value, str) else None


@frozen
class Beat:
    """One part of a repetition: a cue held for some counts, with its words."""

    cue: CueWord
    counts: Length
    text: str


@frozen
class Block:
    """One entry of a programme: a lead-in, an exercise, a stretch or a rest."""

    type: str
    length: Length = Length(0)
    text: str = ""
    exercise: str = ""
    name: str = ""
    group: str = ""
    sides: tuple[str, ...] = ()
    reps: int = 0
    reminder: str = ""
    position: dict[str, str] = field(default_factory=dict)
    """How to lie or stand for each working leg ("" for an exercise without sides), or how to
    get into a stretch; shown during the countdown in front of it and, for reps, throughout."""
    change_sides: str = ""
    """How to change over between a stretch's sides."""
    pattern: tuple[Beat, ...] = ()

    def position_for(self, side: str | None) -> str:
        return self.position.get(side or "", self.position.get("", ""))


@frozen
class Programme:
    """A parsed, valid programme."""

    name: str
    title: str
    blocks: tuple[Block, ...]
    phase: str | None = None
    description: str = ""

    @property
    def exercise_names(self) -> tuple[str, ...]:
        """Distinct exercise and stretch names, in order."""
        seen: dict[str, None] = {}
        for block in self.blocks:
            if block.type in ("exercise", "stretch"):
                seen.setdefault(block.name, None)
        return tuple(seen)


@frozen
class Problem:
    """One thing wrong with a programme file, located by line where possible."""

    line: int | None
    message: str

    def render(self, source: str) -> str:
        where = f"{source}, line {self.line}" if self.line else source
        return f"{where}: {self.message}"


class ProgrammeFileError(ProgrammeError):
    """A programme file with problems; the message is the first, `problems` holds all."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(problems[0].render(source) + more)


def parse_programme(
    text: str, source: str, loads: Callable[[str], dict[str, Any]] | None = None
) -> Programme:
    """Parse and validate programme TOML; raise ProgrammeFileError listing every problem.
    `loads` reads the TOML text (the store's parsed-TOML cache), else tomllib does."""
    if loads is None:
        import tomllib

        loads = tomllib.loads
    try:
        document = loads(text)
    except ValueError as error:  # tomllib.TOMLDecodeError is one; tomllib is loaded by then
        import tomllib

        if not isinstance(error, tomllib.TOMLDecodeError):
            raise
        raise ProgrammeFileError(source, [_decode_problem(error, text)]) from None
    checker = _Checker(text)
    programme = checker.programme(document)
    if checker.problems or programme is None:
        raise ProgrammeFileError(source, checker.problems)
    return programme


def _decode_problem(error: tomllib.TOMLDecodeError, text: str) -> Problem:
    """tomllib's message carries the line ("at line L, column C" or "at end of document")."""
    line, reason = toml_error_line(error, text)
    return Problem(line, f"not valid TOML: {reason}")


class _Locator:
    """Finds the line of a key inside the n-th [[blocks]] table (tomllib keeps no lines)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.block_starts = [
            number
            for number, line in enumerate(self.lines, start=1)
            if line.strip().replace(" ", "") == "[[blocks]]"
        ]

    def line(self, block: int | None, key: str | None = None, nth: int = 0) -> int | None:
        if block is None:
            start, end = 1, (self.block_starts[0] if self.block_starts else len(self.lines) + 1)
        elif block < len(self.block_starts):
            start = self.block_starts[block]
            later = self.block_starts[block + 1 :]
            end = later[0] if later else len(self.lines) + 1
        else:
            return None
        if key is None:
            return start
        hits = [
            number
            for number in range(start, end)
            if self.lines[number - 1].strip().split("=")[0].strip() == key
        ]
        if nth < len(hits):
            return hits[nth]
        return start if block is not None else None


class _Checker:
    """Validates the parsed document, collecting every problem rather than stopping at one."""

    def __init__(self, text: str) -> None:
        self.where = _Locator(text)
        self.problems: list[Problem] = []

    def fail(self, block: int | None, key: str | None, message: str, nth: int = 0) -> None:
        self.problems.append(Problem(self.where.line(block, key, nth), message))

    def read(self, read: Callable[[], T], default: T) -> T:
        """One field read by `core.fields`; a refusal is noted at its line and `default` stands in."""
        try:
            return read()
        except FieldError as error:
            path = error.path  # () for the file, ("blocks", n) or ("blocks", n, "pattern", nth)
            block = path[1] if len(path) > 1 else None
            nth = path[3] if len(path) > 3 else 0
            assert block is None or isinstance(block, int)
            assert isinstance(nth, int)
            self.fail(block, error.key, error.reason, nth)
            return default

    def programme(self, document: dict[str, Any]) -> Programme | None:
        top = Fields(document)
        schema = document.get("schema")
        if isinstance(schema, bool) or schema not in KNOWN_SCHEMAS:
            self.fail(
                None,
                "schema",
                f"expected schema = {PROGRAMME_SCHEMA} (or 1, the older layout), found {schema!r}",
            )
        name: str = self.read(lambda: top.text("name"), "")
        title = self.words(top, "title") or name
        phase = self.read(lambda: top.text("phase", choices=PHASES, optional=True), None)
        raw_blocks = document.get("blocks")
        if not isinstance(raw_blocks, list) or not raw_blocks:
            self.fail(None, None, "expected at least one [[blocks]] table")
            return None
        blocks = [self.block(top, index, raw) for index, raw in enumerate(raw_blocks)]
        if not any(b is not None and b.type in ("exercise", "stretch") for b in blocks):
            self.fail(None, None, "expected at least one exercise or stretch block")
        if self.problems:
            return None
        return Programme(
            name=name,
            title=title,
            blocks=tuple(b for b in blocks if b is not None),
            phase=phase,
            description=self.words(top, "description"),
        )

    def words(self, table: Fields, key: str) -> str:
        """Optional text shown as it is written ("" when it is missing)."""
        value: str | None = self.read(lambda: table.value(key, str, "text", optional=True), None)
        return value or ""

    def length(self, raw: dict[str, Any], block: int, nth: int = 0, *, beat: bool = False) -> Length:
        """`counts = N` or `seconds = N` (1-600), or the name of a setting; exactly one of them."""
        given = [key for key in (COUNTS, SECONDS) if key in raw]
        if beat and SECONDS in given:
            self.fail(
                block, SECONDS, "a repetition's beats are measured in counts: use counts, not seconds", nth
            )
            return Length(1)
        if len(given) != 1:
            found = "both" if given else "neither"
            self.fail(block, given[0] if given else None, f"expected counts or seconds, found {found}", nth)
            return Length(1)
        key = given[0]
        value = raw[key]
        names = [name for name, (unit, _) in LENGTH_SETTINGS.items() if key == COUNTS or unit == SECONDS]
        if isinstance(value, str) and value in names:
            # A named setting carries its own unit (`counts = "stretch"` of 1.0 files is timed too).
            return Length(value, LENGTH_SETTINGS[value][0])
        if isinstance(value, bool) or not (isinstance(value, int) and 1 <= value <= MAX_LENGTH):
            self.fail(
                block,
                key,
                f"expected `{key}` to be a whole number 1-{MAX_LENGTH} or one of "
                f"{', '.join(repr(name) for name in names)}, found {value!r}",
                nth,
            )
            return Length(1)
        return Length(value, key)

    def block(self, top: Fields, index: int, raw: Any) -> Block | None:
        table = self.read(lambda: top.within(raw, "blocks", index), None)
        if table is None:
            return None
        kind = self.read(lambda: table.text("type", choices=BLOCK_TYPES), None)
        if kind is None:
            return None
        if kind in ("prepare", "rest"):
            return Block(type=kind, length=self.length(raw, index), text=self.words(table, "text"))
        sides = self.sides(raw.get("sides", []), index)
        common = {
            "type": kind,
            "exercise": self.read(lambda: table.text("exercise"), ""),
            "name": self.read(lambda: table.text("name"), ""),
            "text": self.words(table, "text"),
            "sides": sides,
        }
        if kind == "stretch":
            how = self.words(table, "position")
            return Block(
                **common,
                length=self.length(raw, index),
                group=self.read(lambda: table.text("group"), ""),
                position={"": how} if how else {},
                change_sides=self.words(table, "change_sides"),
            )
        reps: int = self.read(lambda: table.number("reps", 1, 100), 1)
        position = raw.get("position", {})
        if isinstance(position, str):
            position = {"": position}  # the same set-up for every side (or none)
        elif not isinstance(position, dict) or not all(
            isinstance(v, str) and k in SIDES for k, v in position.items()
        ):
            self.fail(index, "position", 'expected `position` to be text, or to map "left"/"right" to text')
            position = {}
        return Block(
            **common,
            reps=reps,
            reminder=self.words(table, "reminder"),
            position=dict(position),
            pattern=self.pattern(table, raw.get("pattern"), index),
        )

    def sides(self, value: Any, index: int) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(side in SIDES for side in value):
            self.fail(index, "sides", f'expected `sides` to be a list of "left"/"right", found {value!r}')
            return ()
        if len(set(value)) != len(value):
            self.fail(index, "sides", f"expected each of `sides` once, found {value!r}")
        return tuple(value)

    def pattern(self, block: Fields, value: Any, index: int) -> tuple[Beat, ...]:
        if not isinstance(value, list) or not value:
            self.fail(index, "pattern", "expected at least one [[blocks.pattern]] beat")
            return ()
        beats = []
        for nth, raw in enumerate(value):
            beat = self.read(lambda: block.within(raw, "pattern", nth), None)  # noqa: B023 (called at once)
            if beat is None:
                continue
            cue = self.read(lambda: beat.text("cue", choices=REP_CUES), None)  # noqa: B023
            if cue is None:
                continue
            counts = self.length(raw, index, nth, beat=True)
            beats.append(Beat(cue, counts, self.words(beat, "text")))
        return tuple(beats)
