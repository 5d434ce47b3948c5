"""Checks for what a user logs by hand (`glutewake log` and the history screen's forms).

One set of rules for both, so a day or a number refused on the command line is refused
in the app too. Each check names the field as the caller shows it (`--date`, `date`).
"""

from __future__ import annotations

import datetime as dt

from glutewake.core.records import COMPARED, MAX_ACTIVITY_MINUTES
from glutewake.errors import UserError

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from glutewake.core.records import Compared, Journal

# The rules as regular expressions, for the record (and the tests): the checks below test
# the same characters with str methods, since loading `re` costs every command's start.
KIND_PATTERN = r"[^\W_][\w' -]{0,39}"
ID_PATTERN = r"[0-9A-Za-z_-]{1,64}"
ID_CHARACTERS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-")
MAX_KIND_LENGTH = 40
EARLIEST_YEAR = 1900


def parse_day(text: str | None, today: dt.date, *, name: str = "the date") -> dt.date:
    """A day written YYYY-MM-DD, not after `today`, not before 1900; None means today."""
    if text is None:
        return today
    try:
        if len(text) != 10:
            raise ValueError
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{name} must be a day like 2026-11-24, got {text!r}") from None
    return check_day(day, today, name=name)


def check_day(day: dt.date, today: dt.date, *, name: str = "the date") -> dt.date:
    """A recorded day: not after `today`, not before 1900 (what `log` and `import` both allow)."""
    if day > today:
        raise UserError(f"{name} {day.isoformat()} is in the future; log what was done, up to today")
    if day.year < EARLIEST_YEAR:
        raise UserError(f"{name} {day.isoformat()} is too long ago")
    return day


def check_rest_day(day: dt.date, journal: Journal) -> dt.date:
    """A day that can be a rest day: one without a completed session (a session stopped early
    does not count; a completed one makes the day a training day, never a rest day). A
    session's day is the one it counts for, with the journal's day start."""
    if any(journal.session_day(s) == day and s.status == "completed" for s in journal.sessions):
        raise UserError(
            f"{day.isoformat()} already holds a completed session, so it cannot be a rest day "
            "(delete that session first if it was logged by mistake)"
        )
    return day


def check_id(text: str, *, name: str = "the id") -> str:
    """A record id: 1 to 64 letters, digits, `-` or `_` (what glutewake writes is 32 hex digits)."""
    if not (1 <= len(text) <= 64 and ID_CHARACTERS.issuperset(text)):
        raise UserError(f"{name} must be 1-64 letters, digits, - or _, got {text[:80]!r}")
    return text


def parse_minutes(text: str, *, name: str = "minutes") -> int:
    """Minutes as a whole number from 1 to `MAX_ACTIVITY_MINUTES`."""
    try:
        minutes = int(text.strip())
    except ValueError:
        raise UserError(f"{name} must be a whole number 1-{MAX_ACTIVITY_MINUTES}, got {text!r}") from None
    if not 1 <= minutes <= MAX_ACTIVITY_MINUTES:
        raise UserError(f"{name} must be 1-{MAX_ACTIVITY_MINUTES} (a day at most), got {minutes}")
    return minutes


def activity_kind(text: str, *, name: str = "the activity") -> str:
    """An activity kind: a word or two of letters, digits, spaces or hyphens, in lower case."""
    kind = " ".join(text.split()).lower()
    if not _is_kind(kind):
        raise UserError(
            f"{name} must be a word or two such as swimming (letters, digits, spaces, "
            f"hyphens; up to 40), got {text!r}"
        )
    return kind


def _is_kind(kind: str) -> bool:
    """KIND_PATTERN, without underscores: a letter or digit (any script: `\\w` is what
    str.isalnum() accepts, and `_`), then up to 39 of those, apostrophes, spaces or hyphens."""
    return (
        0 < len(kind) <= MAX_KIND_LENGTH
        and kind[0].isalnum()
        and all(c.isalnum() or c in "' -" for c in kind)
    )


def parse_compared(text: str, *, name: str = "the answer") -> Compared:
    """A morning-after answer: better, same or worse."""
    for word in COMPARED:
        if text.strip().lower() == word:
            return word
    raise UserError(f"{name} must be one of {', '.join(COMPARED)}, got {text!r}")


def parse_pain(text: str, *, name: str = "the pain") -> int:
    """A pain score as a whole number from 0 to 10."""
    try:
        pain = int(text.strip())
    except ValueError:
        raise UserError(f"{name} must be a whole number 0-10, got {text!r}") from None
    if not 0 <= pain <= 10:
        raise UserError(f"{name} must be 0-10, got {pain}")
    return pain
