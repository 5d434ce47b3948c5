"""The report's words and tables, shared by the HTML and the Markdown page so both say the same.

`sections(report)` turns a `Report` into titled sections of sentences and tables of strings;
`report_html.py` draws them with charts, `report_md.py` as Markdown tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from glutewake.core.report import (
    ADHERENCE_RULE,
    REPS_RULE,
    Report,
    SideReps,
    Week,
    day_words,
)
from glutewake.core.wording import counted

ChartKind = Literal["adherence", "reps", "pain"]
TITLE = "Home exercise report: gluteus medius"
PHASE_WORDS = {
    "beginner": "side-lying hip abduction, ten repetitions with each leg, then the daily stretches",
    "advanced": "wall mini squat, ten repetitions, then the daily stretches",
}
NO_CHECK = "No symptom check yet"
DASH = "–"


@dataclass(frozen=True)
class Table:
    """A table of strings; `numeric` says which columns hold numbers (set right-aligned)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]


@dataclass(frozen=True)
class Section:
    """One part of the page: a heading, sentences, a chart (drawn only in HTML) and a table."""

    id: str
    title: str
    paragraphs: tuple[str, ...] = ()
    chart: ChartKind | None = None
    table: Table | None = None
    after: tuple[str, ...] = ()
    """Sentences below the table (how a figure is counted)."""


@dataclass(frozen=True)
class Figure:
    """One headline figure: what, the number, and a line under it."""

    label: str
    value: str
    detail: str


def subtitle(report: Report) -> str:
    """Who the page is for."""
    return (
        "For a physical therapist or doctor: what the person exercising recorded in glutewake, "
        "a home exercise coach."
    )


def period(report: Report) -> str:
    weeks = counted(len(report.weeks), "calendar week")
    return f"{weeks}: {day_words(report.first_day)} to {day_words(report.last_day)} (made that day)."


def empty_message(report: Report) -> str:
    if report.journal_empty:
        return (
            "There is nothing recorded yet: no session, rest day, activity or symptom check. "
            "Once sessions are done in glutewake (or logged with `glutewake log`), this report "
            "shows them week by week."
        )
    return (
        f"Nothing was recorded in these {counted(len(report.weeks), 'week')}. Earlier records "
        "exist: a longer period (`glutewake report --weeks N`) shows them."
    )


def figures(report: Report) -> tuple[Figure, ...]:
    """The figures at the top of the page, readable at a glance."""
    totals = report.totals
    percent = totals.done_percent
    advice = report.advice_now
    reps_detail = f"of {totals.left.target} · {totals.right.target} target"
    if totals.both.target:
        reps_detail += f"; both legs {totals.both.done} of {totals.both.target}"
    return (
        Figure(
            "Days done",
            f"{totals.done} of {totals.days}",
            f"{percent} % of the days counted" if percent is not None else "no days counted yet",
        ),
        Figure(
            "Sessions",
            f"{totals.completed} completed",
            f"{counted(totals.partial, 'partial session')}, {counted(totals.rest, 'rest day')}",
        ),
        Figure("Reps left · right leg", f"{totals.left.done} · {totals.right.done}", reps_detail),
        Figure(
            "Advice today",
            advice.word.capitalize() if advice.level is not None else NO_CHECK,
            f"phase now: {report.phase}",
        ),
    )


def sections(report: Report) -> tuple[Section, ...]:
    """Every section of a report with records in its period, in page order."""
    return (
        _programme(report),
        _adherence(report),
        _reps(report),
        _pain(report),
        _checks(report),
        _activities(report),
    )


def _week_label(week: Week) -> str:
    return f"{week.monday.isoformat()}"


def _programme(report: Report) -> Section:
    phase = report.phase
    words = PHASE_WORDS.get(phase, "")
    paragraphs = [f"Current phase: {phase}" + (f" ({words})." if words else ".")]
    rows = tuple(
        (span.programme, span.phase, str(span.sessions), span.first.isoformat(), span.last.isoformat())
        for span in report.programmes
    )
    paragraphs.append(
        "Changes of phase are not dated in the journal yet; each session records the programme "
        "and the phase it was done in, so the table shows when each was done."
    )
    table = (
        Table(("programme", "phase", "sessions", "first", "last"), rows, (False, False, True, False, False))
        if rows
        else None
    )
    return Section("programme", "Programme and phase", tuple(paragraphs), table=table)


def _adherence(report: Report) -> Section:
    rows = tuple(
        (
            _week_label(w),
            str(w.done),
            str(w.days),
            _percent(w.done, w.days),
            str(w.rest),
            str(w.completed),
            str(w.partial),
        )
        for w in report.weeks
    )
    t = report.totals
    total = (
        "total",
        str(t.done),
        str(t.days),
        _percent(t.done, t.days),
        str(t.rest),
        str(t.completed),
        str(t.partial),
    )
    table = Table(
        ("week of", "days done", "of days", "done %", "rest days", "completed", "partial"),
        (*rows, total),
        (False, True, True, True, True, True, True),
    )
    return Section("adherence", "Adherence per week", chart="adherence", table=table, after=(ADHERENCE_RULE,))


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else DASH


def _reps(report: Report) -> Section:
    both = report.totals.both.target > 0
    headers = ["week of", "left leg", "left target", "right leg", "right target"]
    if both:
        headers += ["both legs", "both target"]

    def cells(label: str, left: SideReps, right: SideReps, squat: SideReps) -> tuple[str, ...]:
        row = [label, str(left.done), str(left.target), str(right.done), str(right.target)]
        if both:
            row += [str(squat.done), str(squat.target)]
        return tuple(row)

    rows = tuple(cells(_week_label(w), w.left, w.right, w.both) for w in report.weeks)
    t = report.totals
    table = Table(
        tuple(headers),
        (*rows, cells("total", t.left, t.right, t.both)),
        (False, *[True] * (len(headers) - 1)),
    )
    after = [REPS_RULE]
    if both:
        after.append(
            "The wall mini squat works both legs at once: its repetitions are counted once, as both legs."
        )
    return Section("reps", "Repetitions per working leg", chart="reps", table=table, after=tuple(after))


def _value(value: int | None) -> str:
    return DASH if value is None else str(value)


def _pain(report: Report) -> Section:
    rows = tuple(
        (
            _week_label(w),
            _value(w.run_during),
            _value(w.run_after),
            _value(w.highest_pain_after),
            str(len(w.pains_after)),
        )
        for w in report.weeks
    )
    table = Table(
        ("week of", "during running", "after running", "pain now, after sessions", "answers"),
        rows,
        (False, True, True, True, True),
    )
    return Section(
        "pain",
        "Pain, 0 to 10 (highest each week)",
        (
            "During and after running come from the symptom checks; pain now is asked at the end "
            "of a session.",
        ),
        chart="pain",
        table=table,
        after=(f"{DASH} means nothing was reported that week. 7 or more means rest in the app's rule.",),
    )


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _checks(report: Report) -> Section:
    if not report.checks:
        return Section("checks", "Symptom checks", ("No symptom check in this period.",))
    rows = tuple(
        (
            row.check.at.date().isoformat(),
            str(row.check.pain_during_run),
            str(row.check.pain_after_run),
            _yes(row.check.wobbly_gait),
            _yes(row.check.weight_on_one_hip),
            ", ".join(row.check.spread) or "none",
            _yes(row.check.cleared_for_exercise),
            _yes(row.check.cleared_for_advanced),
            row.advice.word.capitalize(),
            row.advice.reason,
        )
        for row in report.checks
    )
    table = Table(
        (
            "date",
            "pain during running",
            "pain after running",
            "wobbly gait",
            "weight on one hip",
            "spread to",
            "cleared to exercise",
            "cleared for advanced",
            "advice",
            "why",
        ),
        rows,
        (False, True, True, False, False, False, False, False, False, False),
    )
    advice = report.advice_now
    paragraphs: tuple[str, ...] = ()
    if advice.level is not None:
        paragraphs = (f"Advice today: {advice.word.capitalize()}. {advice.reason}",)
    return Section(
        "checks",
        "Symptom checks and the advice they gave",
        paragraphs,
        table=table,
        after=(
            "The advice is the app's own rule applied to what was reported; it is not a clinical judgement.",
        ),
    )


def _activities(report: Report) -> Section:
    rows = tuple(
        (
            _week_label(w),
            str(w.active_days),
            str(len(w.kinds)),
            ", ".join(f"{kind} {minutes} min" for kind, minutes in w.minutes_by_kind) or "none",
        )
        for w in report.weeks
    )
    table = Table(("week of", "active days", "kinds", "other activities"), rows, (False, True, True, False))
    minutes = report.totals.activity_minutes
    return Section(
        "activities",
        "Other activities and variety",
        (
            f"{minutes} minutes of other activities in the period."
            if minutes
            else "No other activity was logged in the period.",
        ),
        table=table,
        after=(
            "Active days hold a completed session or another activity; kinds counts the rehabilitation "
            "sessions as one kind.",
        ),
    )
