"""The report's sections on what was done: the programme and phase, adherence, repetitions
per working leg and the other activities."""

from __future__ import annotations

from glutewake.core.report_words import Section, Table, day_words, percent, short_day, week_label

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    from glutewake.core.report_model import Report, SideReps, Week

PHASE_WORDS = {
    "beginner": "side-lying hip abduction, ten repetitions with each leg, then the daily stretches",
    "advanced": "wall mini squat, ten repetitions, then the daily stretches",
}
ADHERENCE_RULE = (
    "A day is done when it holds a completed session. Days are counted from the first "
    "record on, up to today; today counts once it is done or marked as rest."
)
PARTIAL_RULE = (
    "A session is completed when every exercise set reached its target; one skipped or cut "
    "short (or ended because it hurt) leaves it partial, and a partial session does not make "
    "a day done. Skipped stretches do not decide it."
)
REPS_RULE = (
    "Repetitions of the strengthening exercises (stretches not included), per working leg, "
    "of the target of the sessions started that week."
)


def programme_section(report: Report) -> Section:
    phase = report.phase
    words = PHASE_WORDS.get(phase, "")
    paragraphs = [f"Current phase: {phase}" + (f" ({words})." if words else ".")]
    rows = tuple(
        (span.programme, span.phase, str(span.sessions), span.first.isoformat(), span.last.isoformat())
        for span in report.programmes
    )
    paragraphs.append(
        f"{phase_history(report)} Each session records the programme and the phase it was done in, "
        "so the table shows when each was done."
    )
    table = (
        Table(("programme", "phase", "sessions", "first", "last"), rows, (False, False, True, False, False))
        if rows
        else None
    )
    return Section("programme", "Programme and phase", tuple(paragraphs), table=table)


def phase_history(report: Report) -> str:
    """When the phase changed in the period, in a sentence: the latest change first."""
    if not report.phase_switches:
        return "No change of phase was recorded in this period."
    *earlier, last = report.phase_switches
    words = f"Phase: {last.phase} since {day_words(last.day)} ({last.before} before)"
    if not earlier:
        return f"{words}."
    steps = ", then ".join(f"{s.phase} on {day_words(s.day)}" for s in earlier)
    return f"{words}; earlier in this period it went from {report.phase_before} to {steps}."


def adherence_section(report: Report) -> Section:
    phases = bool(report.phase_switches)  # then a column gives each week's phase

    def cells(label: str, done: int, days: int, rest: int, completed: int, partial: int) -> tuple[str, ...]:
        return (label, str(done), str(days), percent(done, days), str(rest), str(completed), str(partial))

    rows = tuple(
        (*cells(week_label(w), w.done, w.days, w.rest, w.completed, w.partial), *_phase_cell(report, w))
        for w in report.weeks
    )
    t = report.totals
    total = (*cells("total", t.done, t.days, t.rest, t.completed, t.partial), *([""] if phases else []))
    headers = ("week of", "days done", "of days", "done %", "rest days", "completed", "partial")
    table = Table(
        (*headers, *(["phase"] if phases else [])),
        (*rows, total),
        (False, True, True, True, True, True, True, *([False] if phases else [])),
    )
    return Section(
        "adherence",
        "Adherence per week",
        chart="adherence",
        table=table,
        after=(ADHERENCE_RULE, PARTIAL_RULE),
    )


def _phase_cell(report: Report, week: Week) -> tuple[str, ...]:
    """The adherence row's phase cell when the period holds a change of phase: the week's
    changes, else the phase in force; no cell otherwise."""
    if not report.phase_switches:
        return ()
    if week.phase_switches:
        return (", ".join(f"{s.phase} from {short_day(s.day)}" for s in week.phase_switches),)
    return (report.phase_on(week.sunday),)


def reps_section(report: Report) -> Section:
    both = report.totals.both.target > 0
    headers = ["week of", "left leg", "left target", "right leg", "right target"]
    if both:
        headers += ["both legs", "both target"]

    def cells(label: str, left: SideReps, right: SideReps, squat: SideReps) -> tuple[str, ...]:
        row = [label, str(left.done), str(left.target), str(right.done), str(right.target)]
        if both:
            row += [str(squat.done), str(squat.target)]
        return tuple(row)

    rows = tuple(cells(week_label(w), w.left, w.right, w.both) for w in report.weeks)
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


def activities_section(report: Report) -> Section:
    rows = tuple(
        (
            week_label(w),
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
