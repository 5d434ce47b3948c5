"""The report's words and tables, shared by the HTML and the Markdown page so both say the same.

`sections(report)` turns a `Report` into titled sections of sentences and tables of strings;
`report_html.py` draws them with charts, `report_md.py` as Markdown tables.
"""

from __future__ import annotations

from glutewake.core.advice import MORNING_WINDOW_DAYS, REST_PAIN, REST_PAIN_DURING, REST_WORSE_MORNINGS
from glutewake.core.frozen import frozen, replace
from glutewake.core.records import COMPARED
from glutewake.core.report import (
    ADHERENCE_RULE,
    DEFAULT_WEEKS,
    PARTIAL_RULE,
    REPS_RULE,
    Report,
    SideReps,
    Week,
    day_words,
)
from glutewake.core.wording import counted

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    from typing import Literal

    ChartKind = Literal["adherence", "reps", "pain", "morning"]

TITLE = "Home exercise report: gluteus medius"
PHASE_WORDS = {
    "beginner": "side-lying hip abduction, ten repetitions with each leg, then the daily stretches",
    "advanced": "wall mini squat, ten repetitions, then the daily stretches",
}
NO_CHECK = "No symptom check yet"
DASH = "–"


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
        *_mornings(report),
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
    return Section(
        "adherence",
        "Adherence per week",
        chart="adherence",
        table=table,
        after=(ADHERENCE_RULE, PARTIAL_RULE),
    )


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
            _value(w.highest_pain_during),
            _value(w.highest_pain_after),
            str(len(w.pains_after)),
        )
        for w in report.weeks
    )
    table = Table(
        (
            "week of",
            "during running",
            "after running",
            "during sessions",
            "pain now, after sessions",
            "pain now answers",
        ),
        rows,
        (False, True, True, True, True, True),
    )
    return Section(
        "pain",
        "Pain, 0 to 10 (highest each week)",
        (
            "During and after running come from the symptom checks; during sessions is the highest "
            'answer given with "it hurts" while a session played; pain now is asked at its end.',
        ),
        chart="pain",
        table=table,
        after=(
            f"{DASH} means nothing was reported that week. In the app's rule, {REST_PAIN} or more "
            f"means rest ({REST_PAIN_DURING} or more during a session, which also ends it).",
        ),
    )


MORNING_QUESTION = (
    "On the first start of a day after a day with a session, the app asks how the hip is this "
    "morning compared with before the last session: better, same or worse, and the pain 0 to 10 "
    f"if the user wants to give it ({DASH} when not)."
)
MORNING_RULE = (
    f"In the app's rule, one worse morning within {MORNING_WINDOW_DAYS} days keeps the advice at "
    f"beginner; {REST_WORSE_MORNINGS} worse mornings, or a morning pain of {REST_PAIN} or more "
    "in the latest answer, mean rest."
)


def _mornings(report: Report) -> tuple[Section, ...]:
    """The morning-after answers per week (with a chart) and, for a period of up to
    DEFAULT_WEEKS weeks, one by one (a longer period summarises them by week)."""
    if not report.mornings:
        return (
            Section(
                "morning",
                "The morning after sessions",
                (MORNING_QUESTION, "No morning-after answer in this period."),
            ),
        )

    def cells(label: str, said: tuple[int, ...], pain: int | None) -> tuple[str, ...]:
        return (label, str(sum(said)), *map(str, said), _value(pain))

    rows = tuple(
        cells(_week_label(w), tuple(w.mornings_said(c) for c in COMPARED), w.highest_morning_pain)
        for w in report.weeks
    )
    answers = [row.check for row in report.mornings]
    total = cells(
        "total",
        tuple(sum(1 for m in answers if m.compared == c) for c in COMPARED),
        max((m.pain for m in answers if m.pain is not None), default=None),
    )
    weekly = Section(
        "morning",
        "The morning after sessions",
        (MORNING_QUESTION,),
        chart="morning",
        table=Table(
            ("week of", "answers", *COMPARED, "highest pain"),
            (*rows, total),
            (False, True, True, True, True, True),
        ),
        after=(MORNING_RULE,),
    )
    if len(report.weeks) > DEFAULT_WEEKS:
        return (
            replace(
                weekly,
                after=(
                    *weekly.after,
                    f"A report of up to {DEFAULT_WEEKS} weeks also lists each answer with its date.",
                ),
            ),
        )
    listed = Section(
        "morning-answers",
        "Morning-after answers, one by one",
        table=Table(
            ("morning of", "after the session of", "compared", "pain"),
            tuple(
                (
                    row.check.day.isoformat(),
                    row.after.isoformat() if row.after is not None else DASH,
                    row.check.compared,
                    _value(row.check.pain),
                )
                for row in report.mornings
            ),
            (False, False, False, True),
        ),
        columns=3,
    )
    return weekly, listed


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _checks(report: Report) -> Section:
    if not report.checks:
        return Section("checks", "Symptom checks", ("No symptom check in this period.",))
    rows = tuple(
        (
            row.day.isoformat(),
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
        long_last=True,
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
