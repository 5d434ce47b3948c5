"""The names of the files in `journal/`: which month or state they hold, which device wrote
them, and whether a sync tool made them as a conflict copy.

- `YYYY-MM.DEVICE.toml`: one month of the records one machine wrote (DEVICE is that
  machine's id, 16 hex digits, see `store/device.py`).
- `state.DEVICE.toml`: the state one machine recorded (phase switches, the first-run
  acknowledgement, `day_starts_at`), kept apart from the months so that reading today's
  phase never reads years of history.
- `YYYY-MM.toml`: the single-file layout of glutewake before per-device files; read as
  before, and moved into this machine's own file when that month is next written (or by
  `glutewake repair`).
- Conflict copies of any of those, as sync tools name them: Syncthing's
  `NAME.sync-conflict-DATE-TIME-BY.toml`, Dropbox's `NAME (… conflicted copy …).toml`, and
  `NAME.toml.orig` (merge tools; taken only when `NAME.toml` is one of ours). They are read
  and merged like the file they copy; `glutewake repair` folds them into this machine's
  own files and removes them.

Every other name (sync tools' own files, our temporary files, notes a user keeps there) is
not a journal file and is left alone.
"""

from __future__ import annotations

from glutewake.core.frozen import frozen

TYPE_CHECKING = False
if TYPE_CHECKING:
    from glutewake.core.journal import Month

# Read with string methods: a regular expression compiled at import costs every command's start.
_HEX = frozenset("0123456789abcdef")
_ENDINGS = (".toml", ".toml.orig", ".toml\n", ".toml.orig\n")  # the old pattern's `$` took a final "\n"
_SYNC = ".sync-conflict-"


def is_device(text: str) -> bool:
    """Whether `text` is a device id: 16 hex digits, lower case."""
    return len(text) == 16 and _HEX.issuperset(text)


@frozen
class JournalName:
    """What a file name in `journal/` says about the file."""

    name: str
    month: Month | None
    """(year, month) of a month file; None for a state file."""
    device: str | None
    """The id of the machine that wrote it; None for the single-file layout."""
    conflict: bool
    """A sync tool's conflict copy (or a merge tool's `.orig`) of the file `primary` names."""
    primary: str
    """The name of the file this one is (or copies)."""


def parse_name(name: str) -> JournalName | None:
    """What `name` is, or None when it is not one of the journal's files."""
    try:
        return _PARSED[name]
    except KeyError:  # each name is worked out once a process: a command lists the folder often
        parsed = _PARSED[name] = _parse(name)
        return parsed


_PARSED: dict[str, JournalName | None] = {}


def _parse(name: str) -> JournalName | None:
    found = _split(name)
    if found is None:
        return None
    year, number, device, conflict, orig = found
    if conflict and orig:
        return None  # a copy of a copy: not a name any tool makes from ours
    month = None
    if year is not None:
        month = (int(year), int(number))
        if not 1 <= month[1] <= 12:
            return None
    elif device is None:
        return None  # a state file always names its device
    stem = f"{year}-{number}" if month else "state"
    primary = f"{stem}.{device}.toml" if device else f"{stem}.toml"
    return JournalName(name, month, device, bool(conflict or orig), primary)


def _split(name: str) -> tuple[str | None, str, str | None, str, bool] | None:
    """`YYYY-MM` or `state`, then `.DEVICE`, a conflict copy's mark and `.toml` or `.toml.orig`:
    (year, month, device, conflict mark, orig), or None when `name` is not made like that."""
    year: str | None = None
    number = ""
    if name[4:5] == "-" and name[:4].isdecimal() and name[5:7].isdecimal() and len(name) > 7:
        year, number, rest = name[:4], name[5:7], name[7:]
    elif name.startswith("state"):
        rest = name[5:]
    else:
        return None
    device = None
    if rest[:1] == "." and is_device(rest[1:17]):
        device, rest = rest[1:17], rest[17:]
    if rest in _ENDINGS:  # most names: no conflict copy
        return year, number, device, "", rest.startswith(".toml.orig")
    if rest.startswith(_SYNC):  # Syncthing: NAME.sync-conflict-DATE-TIME-BY.toml
        ending = next((e for e in _ENDINGS if rest.endswith(e)), None)
        if ending is None or "/" in rest:
            return None
        return year, number, device, rest[: len(rest) - len(ending)], ending.startswith(".toml.orig")
    opened = rest.lstrip()  # Dropbox: NAME (… conflicted copy …).toml
    close = opened.find(")")
    inside, ending = opened[1:close], opened[close + 1 :]
    if not opened.startswith("(") or close < 0 or "/" in inside or "(" in inside or ending not in _ENDINGS:
        return None
    if "conflicted copy" not in inside:
        return None
    return year, number, device, rest[: len(rest) - len(ending)], ending.startswith(".toml.orig")


def month_name(month: Month, device: str | None) -> str:
    """The file of `month` that `device` writes (None: the single-file layout's)."""
    year, number = month
    return f"{year:04d}-{number:02d}.{device}.toml" if device else f"{year:04d}-{number:02d}.toml"


def state_name(device: str) -> str:
    """The state file `device` writes."""
    return f"state.{device}.toml"


def reading_order(names: list[JournalName]) -> list[JournalName]:
    """The files of one month (or of the state) in the order they are merged, so that every
    machine merges the same files alike: conflict copies first, then the single-file layout,
    then each device's own file; a record in several files keeps the last one's version
    (unless a rule for its kind says otherwise)."""
    return sorted(names, key=lambda n: (not n.conflict, n.device is not None, n.device or "", n.name))
