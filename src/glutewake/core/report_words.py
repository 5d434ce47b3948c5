"""The report's building blocks and the words every part of it uses: the tables, sections and
figures the HTML and the Markdown page both draw, dates in words, the title and the note."""

from __future__ import annotations

import datetime as dt

from glutewake.core.frozen import frozen

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    from typing import Literal

    from glutewake.core.report_model import Week

    ChartKind = Literal["adherence", "reps", "pain", "morning"]

TITLE = "Home exercise report: gluteus medius"
NOTE = (
    "glutewake is an exercise coach, not a clinician: it records what its user did and "
    "reported, and applies its own simple rule to suggest a phase. It does not diagnose, "
    "and its advice has not been clinically tested. Please judge these figures yourself."
)
DASH = "–"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@frozen
class Table:
    """A table of strings; `numeric` says which columns hold numbers (set right-aligned)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    long_last: bool = False
    """The last column holds sentences: the HTML page sets each as a line of its own under
    the row's other cells, across the table."""


@frozen
class Section:
    """One part of the page: a heading, sentences, a chart (drawn only in HTML) and a table."""

    id: str
    title: str
    paragraphs: tuple[str, ...] = ()
    chart: ChartKind | None = None
    table: Table | None = None
    after: tuple[str, ...] = ()
    """Sentences below the table (how a figure is counted)."""
    columns: int = 1
    """A long list of short rows may be set in up to this many columns side by side (HTML)."""


@frozen
class Figure:
    """One headline figure: what, the number, and a line under it."""

    label: str
    value: str
    detail: str


def day_words(day: dt.date) -> str:
    """`Wed 25 Nov 2026`, the same in every locale."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def short_day(day: dt.date) -> str:
    """`25 Nov`, for chart labels and week headings."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def week_label(week: Week) -> str:
    """A week's row label: the date of its Monday."""
    return f"{week.monday.isoformat()}"


def value(number: int | None) -> str:
    """A number, or a dash for nothing reported."""
    return DASH if number is None else str(number)


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else DASH


def yes(flag: bool) -> str:
    return "yes" if flag else "no"
