"""The report's words, shared by the HTML and the Markdown page so both say the same.

`sections(report)` turns a `Report` into titled sections of sentences and tables of strings
(`report_practice.py` the ones on what was done, `report_symptoms.py` on what was felt);
`report_html.py` draws them with charts, `report_md.py` as Markdown tables.
"""

from __future__ import annotations

from glutewake.core.report_practice import (
    activities_section,
    adherence_section,
    programme_section,
    reps_section,
)
from glutewake.core.report_symptoms import checks_section, morning_sections, pain_section
from glutewake.core.report_words import Figure, Section, day_words, short_day
from glutewake.core.wording import counted

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    from glutewake.core.report_model import Report

NO_CHECK = "No symptom check yet"


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
    # The day the phase now began, when that was in the period.
    switch = next((s for s in report.phase_switches[-1:] if s.phase == report.phase), None)
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
            f"phase now: {report.phase}" + (f" since {short_day(switch.day)}" if switch else ""),
        ),
    )


def sections(report: Report) -> tuple[Section, ...]:
    """Every section of a report with records in its period, in page order."""
    return (
        programme_section(report),
        adherence_section(report),
        reps_section(report),
        pain_section(report),
        *morning_sections(report),
        checks_section(report),
        activities_section(report),
    )
