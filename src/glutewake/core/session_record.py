"""The record of a session being played: created partial, grown after every repetition.

Pure functions over `Session` and `Timeline`; the player calls them and hands the
result to the store. A resumed session keeps its id, and a set's count only ever
grows: the stored reps and the newly played ones merge by taking the larger.

The completion rule: a session is `completed` only when every exercise set reached its
target. Stretches held or skipped are counted and shown, but never decide it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from glutewake.core.records import Session, SetRecord, new_id
from glutewake.core.timeline import Timeline

PAIN_RANGE = range(0, 11)
# "It hurts" above the pain-monitoring model's acceptable 5 ends the session.
STOP_PAIN = 6


def start_record(
    timeline: Timeline, *, phase: str, started_at: dt.datetime, id: str | None = None
) -> Session:
    """A new `partial` app session with every set of the timeline at zero reps."""
    return Session(
        id=id or new_id(),
        programme=timeline.programme.name,
        phase=phase,
        started_at=started_at,
        status="partial",
        source="app",
        sets=tuple(SetRecord(s.exercise, s.side, 0, s.target) for s in timeline.sets),
    )


def fits(session: Session, timeline: Timeline) -> bool:
    """Whether `session` was recorded from this timeline (same sets in the same order)."""
    return session.programme == timeline.programme.name and [
        (r.exercise, r.side, r.target) for r in session.sets
    ] == [(s.exercise, s.side, s.target) for s in timeline.sets]


def record_reps(session: Session, reps_completed: Sequence[int], at: dt.datetime) -> Session:
    """The session with each set's reps raised to what was played (never lowered, capped
    at the target); `ended_at` becomes the time of this update."""
    if len(reps_completed) != len(session.sets):
        raise ValueError(f"expected reps for {len(session.sets)} sets, got {len(reps_completed)}")
    sets = tuple(
        replace(record, reps=min(record.target, max(record.reps, played)))
        for record, played in zip(session.sets, reps_completed, strict=True)
    )
    return replace(session, sets=sets, ended_at=at)


def with_played(session: Session, before: float, seconds: float) -> Session:
    """The session with its playing time: the earlier parts' `before` plus this part's."""
    return replace(session, played_seconds=round(before + seconds, 1))


def exercise_sets_done(session: Session, timeline: Timeline) -> bool:
    """The completion rule: every exercise set reached its target (stretches do not count).

    A record that does not fit the timeline is judged by all of its sets."""
    if fits(session, timeline):
        return all(
            record.reps >= record.target
            for record, info in zip(session.sets, timeline.sets, strict=True)
            if info.is_exercise
        )
    return all(record.reps >= record.target for record in session.sets)


def finish(
    session: Session,
    timeline: Timeline,
    reps_completed: Sequence[int],
    at: dt.datetime,
    *,
    stopped: bool = False,
) -> Session:
    """The session as it ends at `at`: `completed` when every exercise set reached its target,
    else `partial`; always `partial` when `stopped` (it hurt too much to go on)."""
    ended = record_reps(session, reps_completed, at)
    done = not stopped and exercise_sets_done(ended, timeline)
    return replace(ended, status="completed" if done else "partial")


def with_pain(session: Session, pain: int | None) -> Session:
    """The session with the "pain now" answer (0–10), or none when skipped."""
    _check_pain(pain)
    return replace(session, pain_after=pain)


def with_pain_during(session: Session, pain: int) -> Session:
    """The session with an "it hurts" answer (0–10): the highest given is kept."""
    _check_pain(pain)
    before = session.pain_during
    return replace(session, pain_during=pain if before is None else max(before, pain))


def _check_pain(pain: int | None) -> None:
    if pain is not None and pain not in PAIN_RANGE:
        raise ValueError(f"pain must be between 0 and 10, got {pain}")


def resume_point(session: Session) -> tuple[int, int]:
    """(set, repetition) to go on from: the repetition after the last one saved.

    That is in the last set with reps recorded when it is unfinished, else at the start
    of the set after it; past the last set, the first set short of its target; at the
    start when nothing was done."""
    last = 0
    for number, record in enumerate(session.sets, start=1):
        if record.reps > 0:
            last = number
    if last == 0:
        return 1, 1
    record = session.sets[last - 1]
    if record.reps < record.target:
        return last, record.reps + 1
    if last < len(session.sets):
        return last + 1, 1
    short = next((n for n, r in enumerate(session.sets, start=1) if r.reps < r.target), None)
    if short is None:
        return last, 1
    return short, session.sets[short - 1].reps + 1


def resume_set(session: Session) -> int:
    """The set `resume_point` goes on in."""
    return resume_point(session)[0]


@dataclass(frozen=True)
class Tally:
    """What a session added up to: sets finished, exercise reps and stretches done."""

    sets_done: int
    sets: int
    reps: int
    target: int
    stretches_done: int
    stretches: int
    completed: bool = False
    """The completion rule's answer: every exercise set reached its target."""


def tally(session: Session, timeline: Timeline) -> Tally:
    """Count the sets that reached their target, the reps and the stretches held."""
    kinds = [s.kind for s in timeline.sets] if fits(session, timeline) else []
    is_stretch = [index < len(kinds) and kinds[index] == "stretch" for index in range(len(session.sets))]
    pairs = list(zip(session.sets, is_stretch, strict=True))
    return Tally(
        sets_done=sum(1 for r in session.sets if r.reps >= r.target),
        sets=len(session.sets),
        reps=sum(r.reps for r, stretch in pairs if not stretch),
        target=sum(r.target for r, stretch in pairs if not stretch),
        stretches_done=sum(r.reps for r, stretch in pairs if stretch),
        stretches=sum(1 for _, stretch in pairs if stretch),
        completed=exercise_sets_done(session, timeline),
    )
