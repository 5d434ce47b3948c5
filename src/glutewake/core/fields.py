"""One reader for the tables of our files: journal months, imports and programmes.

`Fields` wraps one parsed table (TOML or JSON) and reads it field by field: its type (a
bool is never a number, a date and time is never a date), its range, its length, text
without control characters or line separators, its choices, dates. A field that is
missing or wrong raises `FieldError`, which carries the path to the field; each file's
reader turns that path into its own way of saying where (a line of a TOML file, a
`sessions[0].sets[2]` of an export).
"""

from __future__ import annotations

import datetime as dt

from glutewake.errors import UserError

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar

    T = TypeVar("T")

    FieldPath = tuple[str | int, ...]

MOMENT_EXAMPLE = "2026-11-24T07:30:00+01:00"
DAY_EXAMPLE = "2026-11-24"


class FieldError(ValueError):
    """A field that is missing or wrong: `path` leads to its table, `key` names the field
    (None when the fault is the table's own), `reason` is one sentence naming the field."""

    def __init__(self, path: FieldPath, key: str | None, reason: str) -> None:
        self.path = path
        self.key = key
        self.reason = reason
        super().__init__(f"{dotted(path)}: {reason}" if path else reason)


def dotted(path: FieldPath) -> str:
    """`("sessions", 0, "sets", 2)` as `sessions[0].sets[2]`, the way an export's places are named."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def table_name(path: FieldPath) -> str:
    """The name of the list or table a path ends in (`sets` for `sessions[0].sets[2]`)."""
    return next((part for part in reversed(path) if isinstance(part, str)), "the file")


class Fields:
    """One table of a parsed file, read and checked one field at a time.

    `dates_as_text`: dates and times are ISO text (JSON), not TOML's own date values; a
    date and time given as text must carry its offset.
    """

    def __init__(self, table: Any, path: FieldPath = (), *, dates_as_text: bool = False) -> None:
        if not isinstance(table, dict):
            found = repr(table)[:80]
            raise FieldError(
                path, None, f"expected each record in `{table_name(path)}` to be a table, found {found}"
            )
        self.table: dict[str, Any] = table
        self.path = path
        self.dates_as_text = dates_as_text

    def __contains__(self, key: str) -> bool:
        return self.table.get(key) is not None

    def fail(self, key: str | None, reason: str) -> FieldError:
        return FieldError(self.path, key, reason)

    def only(self, allowed: tuple[str, ...]) -> None:
        """Refuse a key this table does not hold (a typing slip would otherwise be lost)."""
        for key in self.table:
            if key not in allowed:
                raise self.fail(key, f"unknown key `{key}` (expected one of {', '.join(allowed)})")

    def value(self, key: str, kind: type | tuple[type, ...], what: str, *, optional: bool = False) -> Any:
        """The field's value if it is of `kind` (`what` says it in words); None when it is
        missing and `optional`. JSON's null counts as missing."""
        value = self.table.get(key)
        if value is None:
            if optional:
                return None
            raise self.fail(None, f"a record in `{table_name(self.path)}` has no `{key}`")
        kinds = kind if isinstance(kind, tuple) else (kind,)
        wrong_bool = isinstance(value, bool) and bool not in kinds
        wrong_date = type(value) is dt.datetime and dt.date in kinds and dt.datetime not in kinds
        if wrong_bool or wrong_date or not isinstance(value, kinds):
            raise self.fail(key, f"expected `{key}` to be {what}, found {value!r}")
        return value

    def rule(self, key: str, check: Callable[[], T]) -> T:
        """A rule from elsewhere in core (`log_entry`), its refusal named at this field."""
        try:
            return check()
        except UserError as error:
            raise self.fail(key, str(error)) from None

    def text(
        self,
        key: str,
        *,
        choices: tuple[str, ...] = (),
        optional: bool = False,
        longest: int | None = None,
        printable: bool = False,
    ) -> Any:
        """Non-empty text: one of `choices` when given, at most `longest` characters, and when
        `printable` without control characters or line separators (U+2028 and friends)."""
        value = self.value(key, str, "text", optional=optional)
        if value is None:
            return None
        if choices and value not in choices:
            raise self.fail(key, f"expected `{key}` to be one of {', '.join(choices)}, found {value!r}")
        if not value.strip():
            raise self.fail(key, f"expected `{key}` to be non-empty text")
        if longest is not None and len(value) > longest:
            raise self.fail(key, f"expected `{key}` to be at most {longest} characters, found {len(value)}")
        if printable and not value.isprintable():
            raise self.fail(
                key,
                f"expected `{key}` to be printable text (no control characters or line breaks), "
                f"found {value[:80]!r}",
            )
        return value

    def number(self, key: str, low: int, high: int, *, optional: bool = False, whole: bool = True) -> Any:
        """A number from `low` to `high`; a whole one unless `whole` is False."""
        what = f"a whole number {low}-{high}" if whole else f"a number {low}-{high}"
        value = self.value(key, int if whole else (int, float), what, optional=optional)
        if value is not None and not low <= value <= high:
            raise self.fail(key, f"expected `{key}` to be {what}, found {value!r}")
        return value

    def flag(self, key: str) -> bool:
        """true or false."""
        value: bool = self.value(key, bool, "true or false")
        return value

    def moment(self, key: str, *, optional: bool = False) -> Any:
        """A date and time; a TOML one written without an offset takes the local one, a text
        one must carry its offset."""
        what = f"a date and time like {MOMENT_EXAMPLE}"
        if not self.dates_as_text:
            value = self.value(key, dt.datetime, what, optional=optional)
            return value if value is None or value.tzinfo else value.astimezone()
        text = self.value(key, str, what, optional=optional)
        if text is None:
            return None
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            what = f"a date and time with an offset like {MOMENT_EXAMPLE}"
            raise self.fail(key, f"expected `{key}` to be {what}, found {text!r}")
        return moment

    def day(self, key: str) -> dt.date:
        """A date (no time of day)."""
        what = f"a date like {DAY_EXAMPLE}"
        if not self.dates_as_text:
            value: dt.date = self.value(key, dt.date, what)
            return value
        return day_from_text(self.value(key, str, what), self.path, key)

    def choices(self, key: str, allowed: tuple[str, ...], *, optional: bool = False) -> tuple[str, ...]:
        """A list whose every item is one of `allowed`."""
        items = self.value(key, list, "a list", optional=optional) or []
        for item in items:
            if item not in allowed:
                raise self.fail(key, f"expected `{key}` to hold only {', '.join(allowed)}, found {item!r}")
        return tuple(items)

    def tables(self, key: str, *, most: int | None = None, optional: bool = True) -> list[Fields]:
        """The list of tables under `key` (none when it is missing and `optional`), at most `most`."""
        items = self.value(key, list, "a list of tables", optional=optional) or []
        if most is not None and len(items) > most:
            raise self.fail(key, f"expected at most {most} in `{key}`, found {len(items)}")
        return [self.within(item, key, index) for index, item in enumerate(items)]

    def within(self, table: Any, key: str, index: int) -> Fields:
        """The `index`-th table of the list under `key`, read the same way as this one."""
        return Fields(table, (*self.path, key, index), dates_as_text=self.dates_as_text)


def day_from_text(value: Any, path: FieldPath, key: str | None = None) -> dt.date:
    """A date written YYYY-MM-DD as text (an export's), its fault named at `path`."""
    try:
        if isinstance(value, str) and len(value) == 10:
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    named = f"`{key}` to be " if key else ""
    raise FieldError(path, key, f"expected {named}a date like {DAY_EXAMPLE}, found {value!r}")
