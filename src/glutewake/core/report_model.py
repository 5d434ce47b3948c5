"""What the report holds: the period's weeks, totals, programmes, checks and morning answers,
as plain numbers and records (`core/report.py` builds it from the journal; the text modules
turn it into words)."""

from __future__ import annotations

import datetime as dt

from glutewake.core.frozen import frozen

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    from glutewake.core.advice import StandingAdvice
    from glutewake.core.records import Compared, MorningCheck, SymptomCheck

DEFAULT_WEEKS = 6
MAX_WEEKS = 520  # ten years: longer than any rehabilitation, short enough to stay one file
ONE_DAY = dt.timedelta(days=1)


@frozen
class SideReps:
    """Repetitions done and the target, for one working leg (or both, for the squat)."""

    done: int = 0
    target: int = 0


@frozen
class PhaseSwitch:
    """A change of phase: to `phase` on `day` (the day its moment counts for, with the user's
    day start), from `before`."""

    day: dt.date
    phase: str
    before: str


@frozen
class Week:
    """One calendar week, Monday to Sunday, of the report."""

    monday: dt.date
    days: int
    """Days of this week that count: from the first record, up to today (see ADHERENCE_RULE)."""
    done: int
    rest: int
    completed: int
    partial: int
    left: SideReps
    right: SideReps
    both: SideReps
    """Reps of exercises without a side (the wall mini squat: both legs at once)."""
    pains_after: tuple[int, ...]
    """The "pain now" answers at the end of this week's sessions, in order."""
    minutes_by_kind: tuple[tuple[str, int], ...]
    active_days: int
    """Days with a completed session or another activity."""
    run_during: int | None = None
    """The highest pain during running in this week's symptom checks."""
    run_after: int | None = None
    """The highest pain after running in this week's symptom checks."""
    pains_during: tuple[int, ...] = ()
    """The "it hurts" answers of this week's sessions (each session's highest), in order."""
    mornings: tuple[MorningCheck, ...] = ()
    """The morning-after answers dated this week, oldest first."""
    phase_switches: tuple[PhaseSwitch, ...] = ()
    """The changes of phase dated this week, oldest first."""

    @property
    def sunday(self) -> dt.date:
        return self.monday + 6 * ONE_DAY

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of exercise done this week, the rehabilitation sessions first."""
        rehab = ("rehab sessions",) if self.completed else ()
        return (*rehab, *(kind for kind, _ in self.minutes_by_kind))

    @property
    def highest_pain_after(self) -> int | None:
        return max(self.pains_after, default=None)

    @property
    def highest_pain_during(self) -> int | None:
        return max(self.pains_during, default=None)

    def mornings_said(self, compared: Compared) -> int:
        """How many of this week's morning-after answers said `compared`."""
        return sum(1 for m in self.mornings if m.compared == compared)

    @property
    def highest_morning_pain(self) -> int | None:
        return max((m.pain for m in self.mornings if m.pain is not None), default=None)


@frozen
class CheckRow:
    """One symptom check, with the advice the core's rule gave at that moment and its reason."""

    check: SymptomCheck
    advice: StandingAdvice
    day: dt.date
    """The day the check counts for, with the user's day start."""


@frozen
class MorningRow:
    """One morning-after answer and the day of the session it looks back to (the last
    session on an earlier day; None when there is none)."""

    check: MorningCheck
    after: dt.date | None


@frozen
class ProgrammeSpan:
    """When the sessions of one programme, played in one phase, were done in the period."""

    programme: str
    phase: str
    sessions: int
    first: dt.date
    last: dt.date


@frozen
class Totals:
    """The period's headline figures."""

    days: int
    done: int
    rest: int
    completed: int
    partial: int
    left: SideReps
    right: SideReps
    both: SideReps
    activity_minutes: int

    @property
    def done_percent(self) -> int | None:
        return round(100 * self.done / self.days) if self.days else None


@frozen
class Report:
    """Everything the report page shows, as numbers and records."""

    today: dt.date
    first_day: dt.date
    phase: str
    weeks: tuple[Week, ...]
    totals: Totals
    programmes: tuple[ProgrammeSpan, ...]
    checks: tuple[CheckRow, ...]
    mornings: tuple[MorningRow, ...]
    """The morning-after answers dated in the period, oldest first."""
    advice_now: StandingAdvice
    """The standing advice today, as home and `glutewake status` give it."""
    journal_empty: bool
    phase_switches: tuple[PhaseSwitch, ...] = ()
    """The changes of phase dated in the period, oldest first."""
    phase_before: str = ""
    """The phase at the start of the period (before its first change)."""

    @property
    def last_day(self) -> dt.date:
        return self.today

    def phase_on(self, day: dt.date) -> str:
        """The phase at the end of `day`, a day of the period."""
        return next((s.phase for s in reversed(self.phase_switches) if s.day <= day), self.phase_before)

    @property
    def empty(self) -> bool:
        """Nothing recorded in the period (the page says so instead of showing empty tables)."""
        totals = self.totals
        return not (
            totals.completed
            or totals.partial
            or totals.rest
            or totals.activity_minutes
            or self.checks
            or self.mornings
        )
