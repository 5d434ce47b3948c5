"""The report's sections on what was felt: pain per week, the morning-after answers and the
symptom checks with the advice they gave."""

from __future__ import annotations

from glutewake.core.advice import REST_PAIN, REST_PAIN_DURING, REST_WORSE_MORNINGS
from glutewake.core.advice_basis import MORNING_WINDOW_DAYS
from glutewake.core.frozen import replace
from glutewake.core.records import COMPARED
from glutewake.core.report_model import DEFAULT_WEEKS
from glutewake.core.report_words import DASH, Section, Table, value, week_label, yes

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    from glutewake.core.report_model import Report


def pain_section(report: Report) -> Section:
    rows = tuple(
        (
            week_label(w),
            value(w.run_during),
            value(w.run_after),
            value(w.highest_pain_during),
            value(w.highest_pain_after),
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


def morning_sections(report: Report) -> tuple[Section, ...]:
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
        return (label, str(sum(said)), *map(str, said), value(pain))

    rows = tuple(
        cells(week_label(w), tuple(w.mornings_said(c) for c in COMPARED), w.highest_morning_pain)
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
                    value(row.check.pain),
                )
                for row in report.mornings
            ),
            (False, False, False, True),
        ),
        columns=3,
    )
    return weekly, listed


def checks_section(report: Report) -> Section:
    if not report.checks:
        return Section("checks", "Symptom checks", ("No symptom check in this period.",))
    rows = tuple(
        (
            row.day.isoformat(),
            str(row.check.pain_during_run),
            str(row.check.pain_after_run),
            yes(row.check.wobbly_gait),
            yes(row.check.weight_on_one_hip),
            ", ".join(row.check.spread) or "none",
            yes(row.check.cleared_for_exercise),
            yes(row.check.cleared_for_advanced),
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
