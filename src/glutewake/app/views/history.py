"""Words and rows for the history screen, computed from core records (no Textual here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from glutewake.core.history import WeekVariety
from glutewake.core.records import Journal, MorningCheck, Session
from glutewake.core.trend import Direction, direction
from glutewake.core.wording import counted

CALENDAR_WEEKS = 12
PAIN_POINTS = 12  # the most recent values a pain trend shows


def calendar_start(today: dt.date, weeks: int = CALENDAR_WEEKS) -> dt.date:
    """The Monday the calendar begins on: `weeks` calendar weeks ending with today's."""
    return today - dt.timedelta(days=today.weekday() + 7 * (weeks - 1))


def day_words(day: dt.date) -> str:
    """`Tue 24 Nov 2026`: how the screen names a day in a sentence."""
    return f"{day:%a} {day.day} {day:%b %Y}"


# -- sessions table ----------------------------------------------------------------------
@dataclass(frozen=True, order=True)
class Cell:
    """A table cell that shows `text` and sorts by `order` (so dates sort as dates)."""

    order: tuple[object, ...]
    text: str = field(compare=False)

    def __str__(self) -> str:
        return self.text


COLUMNS = (
    ("date", "date"),
    ("programme", "programme"),
    ("status", "status"),
    ("source", "from"),
    ("reps", "reps"),
    ("stretches", "stretch"),
    ("pain", "pain after"),
    ("morning", "morning"),
)


def session_cells(session: Session, morning: MorningCheck | None = None) -> tuple[Cell, ...]:
    """One table row: date, programme, status, source, reps done of the target over every
    set (as `glutewake history` counts them), stretches, pain after, and the answer of the
    morning after (how the hip was, and its pain if given).

    Every cell but the date sorts by its value and then newest first."""
    newest = -session.started_at.timestamp()
    exercise = [s for s in session.sets if s.target > 1]
    stretches = [s for s in session.sets if s.target <= 1]
    reps = f"{sum(s.reps for s in exercise)}/{sum(s.target for s in exercise)}" if exercise else "–"
    stretched = f"{sum(s.reps for s in stretches)}/{sum(s.target for s in stretches)}" if stretches else "–"
    done = sum(s.reps for s in exercise) / max(1, sum(s.target for s in exercise))
    pain = session.pain_after
    return (
        Cell((session.started_at.timestamp(),), f"{session.started_at:%Y-%m-%d}"),
        Cell((session.programme, newest), session.programme),
        Cell((session.status, newest), session.status),
        Cell((session.source, newest), session.source),
        Cell((done, newest), reps),
        Cell((len(stretches), newest), stretched),
        Cell((-1 if pain is None else pain, newest), " –" if pain is None else f"{pain:>2}"),
        Cell((MORNING_ORDER.get(morning.compared, -1) if morning else -1, newest), morning_words(morning)),
    )


MORNING_ORDER = {"better": 0, "same": 1, "worse": 2}


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
    "programme": ("programme A to Z", "programme Z to A"),
    "status": ("completed first", "partial first"),
    "source": ("in the app first", "logged first"),
    "reps": ("fewest reps first", "most reps first"),
    "stretches": ("fewest stretches first", "most stretches first"),
    "pain": ("least pain after first", "most pain after first"),
    "morning": ("better mornings first", "worse mornings first"),
}
FIRST_DESCENDING = {"date", "pain", "morning"}


@dataclass(frozen=True)
class SortOrder:
    """One way to order the sessions table: a column and a direction."""

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
    SortOrder("reps", False),
    SortOrder("status", True),
    SortOrder("programme", False),
    SortOrder("source", True),
)


# -- pain trend --------------------------------------------------------------------------
@dataclass(frozen=True)
class PainSeries:
    """The most recent pain scores (0-10) of one kind, oldest first."""

    label: str
    values: tuple[int, ...]
    empty: str

    @property
    def trend(self) -> Direction:
        """`falling`, `rising`, `steady` or `up and down`: the core's reading of every value."""
        return direction(self.values)


def pain_series(journal: Journal, points: int = PAIN_POINTS) -> tuple[PainSeries, ...]:
    """Pain while and after running (symptom checks) and after sessions, latest `points`."""
    checks = sorted(journal.symptom_checks, key=lambda c: c.at)[-points:]
    sessions = [s for s in journal.sessions if s.pain_after is not None][-points:]
    return (
        PainSeries("pain while running", tuple(c.pain_during_run for c in checks), "no symptom check yet"),
        PainSeries("pain after running", tuple(c.pain_after_run for c in checks), "no symptom check yet"),
        PainSeries("pain after sessions", tuple(s.pain_after or 0 for s in sessions), "no pain score yet"),
    )


# -- this week's variety -----------------------------------------------------------------
def variety_line(week: WeekVariety) -> str:
    """`4 active days · rehab 3 · swimming 30 min · elliptical 20 min`."""
    parts = [counted(week.days_active, "active day")]
    if week.rehab_sessions:
        parts.append(f"rehab {week.rehab_sessions}")
    parts += [
        f"{kind} {minutes} min"
        for kind, minutes in sorted(week.minutes_by_kind.items(), key=lambda item: (-item[1], item[0]))
    ]
    return " · ".join(parts)


def variety_nudge(week: WeekVariety) -> str:
    """A word of encouragement when the week held one kind of exercise or none."""
    kinds = list(week.minutes_by_kind)
    if week.rehab_sessions and not kinds:
        return (
            "Only the rehab session so far this week. A swim, a ride or the elliptical "
            "on another day helps your hips recover."
        )
    if not week.rehab_sessions and len(kinds) == 1:
        return (
            f"Only {kinds[0]} so far this week. Add the rehab session, or another kind "
            "of exercise, for a more varied week."
        )
    if not week.rehab_sessions and not kinds:
        return "Nothing yet this week. Press l to log an activity, R for a rest day."
    return ""
