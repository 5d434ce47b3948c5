"""The journal's rows: every record of the history as an entry with its cells, the filters
and the orders of the table (no Textual here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from glutewake.core.records import Activity, Journal, MorningCheck, RestDay, Session, SymptomCheck


@dataclass(frozen=True, order=True)
class Cell:
    """A table cell that shows `text` and sorts by `order` (so dates sort as dates)."""

    order: tuple[object, ...]
    text: str = field(compare=False)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, order=True)
class Details(Cell):
    """The details cell: its parts joined with ` · `, as many as fit the column (the first
    always), so a narrow window drops whole parts and never cuts one in the middle."""

    parts: tuple[str, ...] = field(default=(), compare=False)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(fitted(self.parts, options.max_width), no_wrap=True, overflow="ellipsis", end="")


def fitted(parts: tuple[str, ...], width: int) -> str:
    """`parts` joined with ` · `, stopping before the first that would pass `width`."""
    shown = ""
    for part in parts:
        joined = f"{shown} · {part}" if shown else part
        if shown and len(joined) > width:
            break
        shown = joined
    return shown


EntryKind = Literal["session", "activity", "rest", "check", "morning"]
Record = Session | Activity | RestDay | SymptomCheck | MorningCheck


@dataclass(frozen=True)
class Filter:
    """Which entries the journal shows: a name for the title and the kinds it keeps."""

    name: str
    kinds: frozenset[EntryKind]
    noun: tuple[str, str]

    def next(self) -> Filter:
        return FILTERS[(FILTERS.index(self) + 1) % len(FILTERS)]


FILTERS = (
    Filter(
        "every entry", frozenset(("session", "activity", "rest", "check", "morning")), ("entry", "entries")
    ),
    Filter("rehab sessions", frozenset(("session",)), ("session", "sessions")),
    Filter("activities and rest days", frozenset(("activity", "rest")), ("entry", "entries")),
    Filter("checks and morning answers", frozenset(("check", "morning")), ("entry", "entries")),
)
EVERYTHING = FILTERS[0]


@dataclass(frozen=True)
class Entry:
    """One row of the journal: the record, what kind it is, and its cells."""

    id: str
    kind: EntryKind
    day: dt.date
    record: Record
    cells: tuple[Cell, ...]


COLUMNS = (
    ("date", "date"),
    ("what", "entry"),
    ("details", "details"),
    ("pain", "pain"),
    ("morning", "morning"),
)
# Widths of every column but the details, which takes what the window leaves.
WIDTHS = {"date": 10, "what": 13, "pain": 4, "morning": 8}
DETAILS_MIN = 24
KIND_ORDER: dict[EntryKind, int] = {"session": 0, "activity": 1, "rest": 2, "check": 3, "morning": 4}
MORNING_ORDER = {"better": 0, "same": 1, "worse": 2}
NO_PAIN = " –"


def _cells(
    moment: dt.datetime, kind: EntryKind, what: str, parts: tuple[str, ...], pain: int | None, morning: str
) -> tuple[Cell, ...]:
    newest = -moment.timestamp()
    return (
        Cell((moment.timestamp(),), f"{moment:%Y-%m-%d}"),
        Cell((KIND_ORDER[kind], what, newest), what),
        Details((KIND_ORDER[kind], newest), " · ".join(parts), parts),
        Cell((-1 if pain is None else pain, newest), NO_PAIN if pain is None else f"{pain:>2}"),
        Cell((MORNING_ORDER.get(morning.split(" ")[0], -1), newest), morning),
    )


def _midday(day: dt.date, tz: dt.tzinfo | None) -> dt.datetime:
    """The moment a day-long record sorts at: after the morning, before an evening session."""
    return dt.datetime.combine(day, dt.time(12), tz)


def session_entry(session: Session, morning: MorningCheck | None = None) -> Entry:
    """`rehab session · beginner · completed · reps 20/20 · stretches 8/8 · logged`, the pain
    after it, and the answer of the morning after (how the hip was, and its pain if given)."""
    exercise = [s for s in session.sets if s.target > 1]
    stretches = [s for s in session.sets if s.target <= 1]
    parts = [session.programme, session.status]
    if exercise:
        parts.append(f"reps {sum(s.reps for s in exercise)}/{sum(s.target for s in exercise)}")
    if session.pain_during is not None:
        parts.append(f"it hurt {session.pain_during}")
    if stretches:
        parts.append(f"stretches {sum(s.reps for s in stretches)}/{len(stretches)}")
    if session.source == "log":
        parts.append("logged from the command line")
    cells = _cells(
        session.started_at,
        "session",
        "rehab session",
        tuple(parts),
        session.pain_after,
        morning_words(morning),
    )
    return Entry(session.id, "session", session.day, session, cells)


def activity_entry(activity: Activity, tz: dt.tzinfo | None) -> Entry:
    """`swimming · 40 min`."""
    cells = _cells(
        _midday(activity.day, tz), "activity", activity.kind, (f"{activity.minutes} min",), None, "–"
    )
    return Entry(activity.id, "activity", activity.day, activity, cells)


def rest_entry(rest: RestDay, tz: dt.tzinfo | None) -> Entry:
    parts = ("a day off", "keeps the streak going")
    cells = _cells(_midday(rest.day, tz), "rest", "rest day", parts, None, "–")
    return Entry(rest.id, "rest", rest.day, rest, cells)


def check_entry(check: SymptomCheck) -> Entry:
    """`symptom check · advice: beginner · running pain 4 during, 5 after · wobbly gait`."""
    parts = [
        f"advice: {ADVICE_WORDS[check.advice]}",
        f"running pain {check.pain_during_run} during, {check.pain_after_run} after",
    ]
    if check.wobbly_gait:
        parts.append("wobbly gait")
    if check.weight_on_one_hip:
        parts.append("weight on one hip")
    if check.spread:
        parts.append("spread to " + ", ".join(check.spread))
    cells = _cells(check.at, "check", "symptom check", tuple(parts), None, "–")
    return Entry(check.id, "check", check.at.date(), check, cells)


def morning_entry(morning: MorningCheck, tz: dt.tzinfo | None) -> Entry:
    """`morning after · worse than before the last session · pain 6`."""
    parts = [
        f"{morning.compared} than before the last session"
        if morning.compared != "same"
        else "the same as before the last session"
    ]
    if morning.pain is not None:
        parts.append(f"pain {morning.pain}")
    moment = dt.datetime.combine(morning.day, dt.time(6), tz)
    cells = _cells(moment, "morning", "morning after", tuple(parts), None, "–")
    return Entry(morning.id, "morning", morning.day, morning, cells)


ADVICE_WORDS = {
    "rest": "rest and see a professional",
    "beginner": "beginner",
    "advanced": "ready for advanced",
}


def entries_newest_first(journal: Journal) -> tuple[Entry, ...]:
    """Every record of the journal as a row, newest first. Day-long records (activities,
    rest days) sit at midday, morning answers at six, in the sessions' time zone."""
    tz = journal.sessions[-1].started_at.tzinfo if journal.sessions else None
    if tz is None and journal.symptom_checks:
        tz = journal.symptom_checks[-1].at.tzinfo
    mornings = mornings_after(journal)
    entries = [
        *(session_entry(s, mornings.get(s.day)) for s in journal.sessions),
        *(activity_entry(a, tz) for a in journal.activities),
        *(rest_entry(r, tz) for r in journal.rest_days),
        *(check_entry(c) for c in journal.symptom_checks),
        *(morning_entry(m, tz) for m in journal.morning_checks),
    ]
    entries.sort(key=lambda e: e.cells[0].order, reverse=True)
    return tuple(entries)


def morning_words(morning: MorningCheck | None) -> str:
    """`worse 6`, `better`, or `–` when the morning after was not answered."""
    if morning is None:
        return "–"
    return morning.compared if morning.pain is None else f"{morning.compared} {morning.pain}"


def mornings_after(journal: Journal) -> dict[dt.date, MorningCheck]:
    """Each session day's morning-after answer (the answer dated the next day), by session day."""
    return {m.day - dt.timedelta(days=1): m for m in journal.morning_checks}


# For each column: how each direction reads (ascending, descending), and the first direction.
ORDER_WORDS: dict[str, tuple[str, str]] = {
    "date": ("oldest first", "newest first"),
    "what": ("entries by kind", "entries by kind, reversed"),
    "details": ("entries by kind", "entries by kind, reversed"),
    "pain": ("least pain after first", "most pain after first"),
    "morning": ("better mornings first", "worse mornings first"),
}
FIRST_DESCENDING = {"date", "pain", "morning"}


@dataclass(frozen=True)
class SortOrder:
    """One way to order the journal: a column and a direction."""

    column: str
    descending: bool

    @property
    def words(self) -> str:
        return ORDER_WORDS[self.column][self.descending]

    def next(self) -> SortOrder:
        """The order after this one for the sort key (`s`), round the useful few."""
        position = SORT_CYCLE.index(self) if self in SORT_CYCLE else -1
        return SORT_CYCLE[(position + 1) % len(SORT_CYCLE)]

    def reversed(self) -> SortOrder:
        return SortOrder(self.column, not self.descending)

    @staticmethod
    def by(column: str) -> SortOrder:
        """A column's first order: newest and most pain first; the rest ascending."""
        return SortOrder(column, column in FIRST_DESCENDING)

    def clicked(self, column: str) -> SortOrder:
        """Clicking a header sorts by it, or reverses the order when it is already the one."""
        return self.reversed() if column == self.column else SortOrder.by(column)


NEWEST_FIRST = SortOrder("date", True)
SORT_CYCLE = (
    NEWEST_FIRST,
    SortOrder("date", False),
    SortOrder("pain", True),
    SortOrder("morning", True),
    SortOrder("what", False),
)


def narrow_cells(entry: Entry) -> tuple[Cell, ...]:
    """An entry's date, what it is, and its details with the pain and the morning after them."""
    date, what, details, pain, morning = entry.cells
    extra = []
    if str(pain) != NO_PAIN:
        extra.append(f"pain after {str(pain).strip()}")
    if str(morning) != "–":
        extra.append(f"morning {morning}")
    assert isinstance(details, Details)
    parts = (*details.parts[:2], *extra, *details.parts[2:])
    return (date, what, Details(details.order, " · ".join(parts), parts))
