"""The record of a session being played: created partial, grown after every repetition.

Pure functions over `Session` and `Timeline`; the player calls them and hands the
result to the store. A resumed session keeps its id, and a set's count only ever
grows: the stored reps and the newly played ones merge by taking the larger.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from glutewake.core.records import Session, SetRecord, new_id
from glutewake.core.timeline import Timeline

PAIN_RANGE = range(0, 11)


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


def complete(session: Session, reps_completed: Sequence[int], at: dt.datetime) -> Session:
    """The session marked `completed` at `at`, with the reps played so far."""
    return replace(record_reps(session, reps_completed, at), status="completed")


def with_pain(session: Session, pain: int | None) -> Session:
    """The session with the "pain now" answer (0–10), or none when skipped."""
    if pain is not None and pain not in PAIN_RANGE:
        raise ValueError(f"pain must be between 0 and 10, got {pain}")
    return replace(session, pain_after=pain)


def resume_set(session: Session) -> int:
    """The set to go on from: the last set with reps recorded if it is unfinished, else
    the one after it (the first set when nothing was done; never past the last)."""
    last = 0
    for number, record in enumerate(session.sets, start=1):
        if record.reps > 0:
            last = number
    if last == 0:
        return 1
    if session.sets[last - 1].reps < session.sets[last - 1].target:
        return last
    return min(last + 1, len(session.sets))


@dataclass(frozen=True)
class Tally:
    """What a session added up to: sets finished, exercise reps and stretches done."""

    sets_done: int
    sets: int
    reps: int
    target: int
    stretches_done: int
    stretches: int


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
    )
