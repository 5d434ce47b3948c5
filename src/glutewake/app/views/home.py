"""Words for home's panels, computed from core records (no Textual here)."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from glutewake.core.advice import REST_PAIN, Advice, Answers, advise
from glutewake.core.records import Journal, SymptomCheck
from glutewake.core.timeline import SetInfo, Timeline


def plan_lines(timeline: Timeline) -> list[tuple[str, str]]:
    """One (name, what) line per exercise, and one for all the stretches together."""
    groups = [list(sets) for _, sets in groupby(timeline.sets, key=lambda s: s.exercise)]
    lines = [(sets[0].name, _sides(sets)) for sets in groups if sets[0].kind != "stretch"]
    stretched = [b.group or b.name for b in timeline.programme.blocks if b.type == "stretch"]
    if stretched:
        lines.append(("daily stretches", " · ".join(dict.fromkeys(stretched))))
    return lines


def _sides(sets: list[SetInfo]) -> str:
    parts = [f"{s.target} {s.side}" if s.side else f"{s.target} reps" for s in sets]
    return " · switch · ".join(parts)


def minutes(seconds: float) -> str:
    """A session length as people say it: `9 min`, or `40 s` when under a minute."""
    if seconds < 60:
        return f"{round(seconds)} s"
    return f"{round(seconds / 60)} min"


def check_facts(check: SymptomCheck) -> str:
    """What the user reported, in plain words: the facts the advice rests on."""
    cleared = "cleared" if check.cleared_for_exercise else "not cleared"
    parts = [f"{cleared} for exercise"]
    if check.cleared_for_advanced:
        parts.append("cleared for the advanced phase")
    parts.append(f"pain during running {check.pain_during_run}, after {check.pain_after_run}")
    if check.spread:
        parts.append("problems spreading to " + ", ".join(check.spread))
    return "; ".join(parts)


def day_label(day: dt.date) -> str:
    """`24 Nov`: short enough for a panel heading."""
    return f"{day.day} {day:%b}"


def why_not_advanced(journal: Journal, check: SymptomCheck | None) -> str:
    """Why the advice does not yet point to the advanced phase, in plain words."""
    wait = (
        "The advanced phase (wall mini squats) is meant for when your symptoms have eased "
        "and your doctor or physical therapist has said yes to it."
    )
    if check is None:
        return (
            f"You have not done a symptom check yet. {wait} "
            "A symptom check (c on the home screen) helps you judge where you are."
        )
    when = day_label(check.at.date())
    advice = current_advice(journal, check)
    reason = advice.full_reason
    if advice.level == "rest":
        return (
            f"Your last symptom check ({when}) said to rest and see a professional. "
            f"{reason} Please talk to your doctor or physical therapist before you make "
            "the exercises harder."
        )
    return f"Your last symptom check ({when}) said to stay with the beginner phase. {reason} {wait}"


def last_check(journal: Journal) -> SymptomCheck | None:
    """The most recent symptom check, or None before the first."""
    return max(journal.symptom_checks, key=lambda check: check.at, default=None)


def advice_of(journal: Journal, check: SymptomCheck) -> Advice:
    """The advice `check` gave, with its reason: the rule applied again to what was stored.

    The journal keeps the level, not the sentence; if the rule now reads the facts
    differently, the stored level stands and its reason is the reported facts.
    """
    earlier = [c for c in journal.symptom_checks if c.at < check.at]
    advice = advise(answers_of(check), earlier, pain_now_between(journal, None, check.at))
    if advice.level == check.advice:
        return advice
    return Advice(check.advice, check_facts(check) + ".")


def current_advice(journal: Journal, check: SymptomCheck) -> Advice:
    """The advice `check` gave, turned to rest when a session since ended with pain now of 7+.

    The rule counts the last session's "pain now"; one recorded after the check counts too.
    """
    since = pain_now_between(journal, check.at, None)
    if since is None or since < REST_PAIN or check.advice == "rest":
        return advice_of(journal, check)
    earlier = [c for c in journal.symptom_checks if c.at < check.at]
    return advise(answers_of(check), earlier, since)


def answers_of(check: SymptomCheck) -> Answers:
    """The answers a stored check was given."""
    return Answers(
        check.pain_during_run,
        check.pain_after_run,
        check.wobbly_gait,
        check.weight_on_one_hip,
        check.spread,
        check.cleared_for_exercise,
        check.cleared_for_advanced,
    )


def pain_now_between(journal: Journal, after: dt.datetime | None, before: dt.datetime | None) -> int | None:
    """The "pain now" of the latest session started in (after, before) that recorded one."""
    pains = [
        s.pain_after
        for s in journal.sessions
        if s.pain_after is not None
        and (after is None or s.started_at > after)
        and (before is None or s.started_at < before)
    ]
    return pains[-1] if pains else None
