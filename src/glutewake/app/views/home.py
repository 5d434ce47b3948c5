"""Words for home's panels and the questions around it, from core results (no Textual here).

The advice itself is decided in the core (`glutewake.core.advice.standing_advice`); this
module only puts it into the words each place shows.
"""

from __future__ import annotations

from itertools import groupby

from glutewake.core.advice import StandingAdvice, day_label
from glutewake.core.records import Session
from glutewake.core.session_record import fits, resume_point
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


def why_not_advanced(advice: StandingAdvice) -> str:
    """Why the standing advice does not yet point to the advanced phase, in plain words."""
    wait = (
        "The advanced phase (wall mini squats) waits until your hip has settled and the "
        "physical therapist or doctor treating it agrees you are ready."
    )
    if advice.level == "rest":
        return (
            f"The advice now is to rest and see a professional. {advice.reason} Please talk to "
            "your doctor or physical therapist before you make the exercises harder."
        )
    if advice.check is None:
        return f"{advice.reason} {wait} A symptom check (c on the home screen) helps you judge where you are."
    return f"The advice now is to stay with the beginner phase. {advice.reason} {wait}"


def rest_gate_title(advice: StandingAdvice) -> str:
    """The heading of the question before a session while the advice is to rest."""
    if advice.check is None:
        return f"The advice now: {advice.word}"
    return f"Since your check of {day_label(advice.check.at.date())}: {advice.word}"


def interrupted_words(record: Session, timeline: Timeline | None = None) -> str:
    """Home's plain line about today's interrupted session, and where `r` goes on (named
    as `timeline`, the programme it was played from, names it)."""
    set_number, rep = resume_point(record)
    target = record.sets[set_number - 1] if record.sets else None
    when = f"{record.started_at:%H:%M}"
    if target is None:
        return f"Interrupted session today (started {when}): press r to go on with it."
    named = timeline is not None and fits(record, timeline)
    name = timeline.sets[set_number - 1].name if named and timeline else target.exercise.replace("-", " ")
    side = f", {target.side} side" if target.side else ""
    where = f"rep {rep} of the {name}{side}" if target.target > 1 else f"the {name}{side}"
    return f"Interrupted session today (started {when}): press r to go on at {where}."
