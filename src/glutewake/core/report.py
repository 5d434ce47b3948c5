"""The report for a physical therapist: the last N calendar weeks of the journal, in figures.

Pure: the journal, the current phase and today go in; a `Report` of plain numbers
(`core/report_model.py`) comes out, which `core/report_html.py` and `core/report_md.py` turn
into a page. The advice each symptom check gave is the core's standing advice as it stood at
that check: the report never decides advice itself.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from glutewake.core.advice import StandingAdvice, standing_advice
from glutewake.core.frozen import replace
from glutewake.core.records import Journal, Session, SymptomCheck
from glutewake.core.report_model import (
    DEFAULT_WEEKS,
    MAX_WEEKS,
    ONE_DAY,
    CheckRow,
    MorningRow,
    PhaseSwitch,
    ProgrammeSpan,
    Report,
    SideReps,
    Totals,
    Week,
)
from glutewake.core.state import DEFAULT_PHASE
from glutewake.core.streaks import done_days, rest_days

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    from collections.abc import Iterable

    from glutewake.core.state import PhaseChange


class BadWeeks(ValueError):
    """A number of weeks outside 1 to MAX_WEEKS."""


def check_weeks(weeks: int) -> int:
    """`weeks` when it is 1 to MAX_WEEKS, else BadWeeks naming the range."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise BadWeeks(f"--weeks must be 1 to {MAX_WEEKS}, got {weeks}")
    return weeks


def build_report(
    journal: Journal,
    phase: str,
    today: dt.date,
    weeks: int = DEFAULT_WEEKS,
    phase_changes: Iterable[PhaseChange] = (),
) -> Report:
    """The report of the `weeks` calendar weeks ending with the week of `today`; `phase` is
    the phase now and `phase_changes` the state's switches of phase (`Store.read_state`)."""
    check_weeks(weeks)
    first = today - dt.timedelta(days=today.weekday() + 7 * (weeks - 1))
    in_period = _in_period(journal, first, today)
    started = _first_record_day(journal)
    done = done_days(journal)
    rest = rest_days(journal)
    switches = phase_switches(journal, phase_changes)
    switched = tuple(s for s in switches if first <= s.day <= today)
    earlier = [s for s in switches if s.day < first]
    rows = tuple(
        replace(
            _week(in_period, monday, today, started, done, rest),
            phase_switches=tuple(s for s in switched if monday <= s.day <= monday + 6 * ONE_DAY),
        )
        for monday in (first + dt.timedelta(days=7 * n) for n in range(weeks))
    )
    checks = tuple(
        CheckRow(check, advice_at(journal, check), journal.check_day(check))
        for check in in_period.symptom_checks
    )
    session_days = sorted({journal.session_day(s) for s in journal.sessions})
    mornings = tuple(MorningRow(m, _session_before(session_days, m.day)) for m in in_period.morning_checks)
    return Report(
        today=today,
        first_day=first,
        phase=phase,
        weeks=rows,
        totals=_totals(rows),
        programmes=_spans(in_period),
        checks=checks,
        mornings=mornings,
        advice_now=advice_today(journal, today),
        journal_empty=started is None,
        phase_switches=switched,
        phase_before=earlier[-1].phase if earlier else switched[0].before if switched else phase,
    )


def phase_switches(journal: Journal, changes: Iterable[PhaseChange]) -> list[PhaseSwitch]:
    """Every change of phase, oldest first, each dated with the user's day start. A record
    naming the phase already in force (a switch recorded on two machines) changes nothing; the
    first phase is beginner, where every user starts."""
    switches: list[PhaseSwitch] = []
    current = DEFAULT_PHASE
    for change in sorted(changes, key=lambda c: (c.at, c.id)):
        if change.phase != current:
            switches.append(PhaseSwitch(journal.day_of(change.at), change.phase, current))
            current = change.phase
    return switches


def advice_at(journal: Journal, check: SymptomCheck) -> StandingAdvice:
    """The standing advice as it stood when `check` was taken: the core's rule on the records
    up to that moment."""
    return standing_advice(as_of(journal, check.at), journal.check_day(check))


def advice_today(journal: Journal, today: dt.date) -> StandingAdvice:
    """The standing advice today: the same call home, `status` and `history --json` make."""
    return standing_advice(journal, today)


def as_of(journal: Journal, moment: dt.datetime) -> Journal:
    """The records that existed at `moment`: checks and sessions up to it, morning answers
    dated up to its day."""
    return replace(
        journal,
        sessions=tuple(s for s in journal.sessions if s.started_at <= moment),
        symptom_checks=tuple(c for c in journal.symptom_checks if c.at <= moment),
        morning_checks=tuple(m for m in journal.morning_checks if m.day <= journal.day_of(moment)),
    )


def _in_period(journal: Journal, first: dt.date, last: dt.date) -> Journal:
    def inside(day: dt.date) -> bool:
        return first <= day <= last

    return replace(
        journal,
        sessions=tuple(s for s in journal.sessions if inside(journal.session_day(s))),
        rest_days=tuple(r for r in journal.rest_days if inside(r.day)),
        activities=tuple(a for a in journal.activities if inside(a.day)),
        symptom_checks=tuple(c for c in journal.symptom_checks if inside(journal.check_day(c))),
        morning_checks=tuple(
            sorted((m for m in journal.morning_checks if inside(m.day)), key=lambda m: m.day)
        ),
    )


def _session_before(session_days: list[dt.date], day: dt.date) -> dt.date | None:
    """The last of the sorted `session_days` before `day`: the session a morning answer of
    `day` compares with."""
    index = bisect_left(session_days, day)
    return session_days[index - 1] if index else None


def _first_record_day(journal: Journal) -> dt.date | None:
    days = [
        *(journal.session_day(s) for s in journal.sessions),
        *(r.day for r in journal.rest_days),
        *(a.day for a in journal.activities),
        *(journal.check_day(c) for c in journal.symptom_checks),
        *(m.day for m in journal.morning_checks),
    ]
    return min(days, default=None)


def _week(
    journal: Journal,
    monday: dt.date,
    today: dt.date,
    started: dt.date | None,
    done: set[dt.date],
    rest: set[dt.date],
) -> Week:
    sunday = monday + 6 * ONE_DAY
    days = [monday + n * ONE_DAY for n in range(7)]
    counted = [
        day
        for day in days
        if started is not None
        and started <= day
        and (day < today or (day == today and (day in done or day in rest)))
    ]
    sessions = [s for s in journal.sessions if monday <= journal.session_day(s) <= sunday]
    activities = [a for a in journal.activities if monday <= a.day <= sunday]
    minutes: dict[str, int] = {}
    for activity in activities:
        minutes[activity.kind] = minutes.get(activity.kind, 0) + activity.minutes
    completed_days = {journal.session_day(s) for s in sessions if s.status == "completed"}
    checks = [c for c in journal.symptom_checks if monday <= journal.check_day(c) <= sunday]
    return Week(
        monday=monday,
        days=len(counted),
        done=sum(1 for day in counted if day in done),
        rest=sum(1 for day in days if day in rest and day <= today),
        completed=sum(1 for s in sessions if s.status == "completed"),
        partial=sum(1 for s in sessions if s.status == "partial"),
        left=_reps(sessions, "left"),
        right=_reps(sessions, "right"),
        both=_reps(sessions, None),
        pains_after=tuple(s.pain_after for s in sessions if s.pain_after is not None),
        minutes_by_kind=tuple(sorted(minutes.items(), key=lambda item: (-item[1], item[0]))),
        active_days=len(completed_days | {a.day for a in activities}),
        run_during=max((c.pain_during_run for c in checks), default=None),
        run_after=max((c.pain_after_run for c in checks), default=None),
        pains_during=tuple(s.pain_during for s in sessions if s.pain_during is not None),
        mornings=tuple(m for m in journal.morning_checks if monday <= m.day <= sunday),
    )


def _reps(sessions: Iterable[Session], side: str | None) -> SideReps:
    """Reps and target of the sets with reps (a stretch is held once: its target is 1)."""
    sets = [x for s in sessions for x in s.sets if x.target > 1 and x.side == side]
    return SideReps(sum(x.reps for x in sets), sum(x.target for x in sets))


def _add(a: SideReps, b: SideReps) -> SideReps:
    return SideReps(a.done + b.done, a.target + b.target)


def _totals(weeks: tuple[Week, ...]) -> Totals:
    left = right = both = SideReps()
    for week in weeks:
        left, right, both = _add(left, week.left), _add(right, week.right), _add(both, week.both)
    return Totals(
        days=sum(w.days for w in weeks),
        done=sum(w.done for w in weeks),
        rest=sum(w.rest for w in weeks),
        completed=sum(w.completed for w in weeks),
        partial=sum(w.partial for w in weeks),
        left=left,
        right=right,
        both=both,
        activity_minutes=sum(minutes for w in weeks for _, minutes in w.minutes_by_kind),
    )


def _spans(journal: Journal) -> tuple[ProgrammeSpan, ...]:
    spans: dict[tuple[str, str], ProgrammeSpan] = {}
    for session in journal.sessions:
        key = (session.programme, session.phase)
        span = spans.get(key)
        day = journal.session_day(session)
        if span is None:
            spans[key] = ProgrammeSpan(session.programme, session.phase, 1, day, day)
        else:
            spans[key] = replace(span, sessions=span.sessions + 1, last=max(span.last, day))
    return tuple(sorted(spans.values(), key=lambda s: (s.first, s.programme, s.phase)))
