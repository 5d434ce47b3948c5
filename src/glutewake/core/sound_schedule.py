"""When each cue's sound plays: the session's score of sounds, placed on the session clock.

`score(timeline)` lists every sound of a session by its offset into the timeline: the cue
sound at the start of each step, a tick at each further count of a hold, a "let go" sound
just before a stretch ends, the chord at the end. `due(engine, score, now)` turns the part
of it that lies just ahead into clock times, from the engine's segments (never by counting
ticks), so a player can hand sounds to the device before they fall due and each starts on
time even when a redraw is late. Paused: nothing is due. After a pause, skip or back the
engine has a new segment, so what was pending for the old one is no longer due, and the
cue in force where the segment starts sounds at its start.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from glutewake.core.cue_names import Cue
from glutewake.core.engine import EPSILON, Engine
from glutewake.core.timeline import Step, Timeline
from glutewake.core.tones import Sound

CUE_SOUNDS: dict[str, Sound] = {
    "prepare": Sound.PREPARE,
    "inhale": Sound.BREATHE_IN,
    "exhale": Sound.EFFORT,
    "hold": Sound.HOLD_TICK,
    "return": Sound.LOWER,
    "switch": Sound.SWITCH,
    "rest": Sound.REST,
    "stretch": Sound.STRETCH_START,
    "transition": Sound.TRANSITION,
}
# The "let go" sound starts this long before a stretch ends (it is over before the next cue).
STRETCH_END_LEAD = 0.6
# ... and only in a stretch long enough to hold both its start and end sounds apart.
STRETCH_END_MIN = 1.5
# Sounds are handed over this far ahead; a redraw late by less than this loses nothing.
HORIZON = 1.0
# A sound that fell due this recently still plays (at once); older ones are dropped.
LATE = 0.1


@dataclass(frozen=True)
class Cued:
    """A sound `offset` seconds into the timeline, made by step `step` (its `index`-th)."""

    offset: float
    sound: Sound
    step: int


@dataclass(frozen=True)
class Planned:
    """A sound to start at clock time `at`; `key` tells the same planned sound apart."""

    at: float
    sound: Sound
    key: tuple[int, int]


def cue_sound(step: Step) -> Sound:
    return CUE_SOUNDS[str(step.cue)]


def step_sounds(step: Step, seconds: float) -> tuple[tuple[float, Sound], ...]:
    """The sounds of one step lasting `seconds`, as (seconds into the step, sound)."""
    if step.cue == Cue.HOLD:
        counts = step.counts or 1  # a hold in seconds (no counts) ticks once, at its start
        count = seconds / counts
        return tuple((n * count, Sound.HOLD_TICK) for n in range(counts))
    if step.cue == Cue.STRETCH and seconds >= STRETCH_END_MIN:
        return ((0.0, Sound.STRETCH_START), (seconds - STRETCH_END_LEAD, Sound.STRETCH_END))
    return ((0.0, cue_sound(step)),)


def score(timeline: Timeline) -> tuple[Cued, ...]:
    """Every sound of the session in order, ending with the chord at the very end."""
    cued: list[Cued] = []
    for index, step in enumerate(timeline.steps):
        start = timeline.step_start_seconds(index)
        seconds = timeline.step_start_seconds(index + 1) - start
        cued.extend(Cued(start + at, sound, index) for at, sound in step_sounds(step, seconds))
    cued.append(Cued(timeline.total_seconds, Sound.FINISH, len(timeline.steps)))
    return tuple(cued)


class Score:
    """A timeline's sounds, searchable by offset."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.cued = score(timeline)
        self.offsets = [cued.offset for cued in self.cued]

    def lead_in(self, offset: float) -> Sound:
        """The sound of the cue in force at `offset` (for a segment that starts mid-step)."""
        starts = [self.timeline.step_start_seconds(i) for i in range(len(self.timeline.steps))]
        index = max(0, bisect_left(starts, offset + EPSILON) - 1)
        return cue_sound(self.timeline.steps[index])

    def due(
        self, engine: Engine, now: float, horizon: float = HORIZON, late: float = LATE
    ) -> tuple[Planned, ...]:
        """The sounds from `late` seconds ago to `horizon` ahead, at their clock times."""
        if engine.paused:
            return ()
        number = len(engine.segments) - 1
        segment = engine.segments[-1]
        # Offsets as the segment's clock runs, not capped at the end: once the session is
        # over, its chord is due only for the first `late` seconds, like any other sound.
        low = segment.offset + max(0.0, now - late - segment.began) - EPSILON
        high = segment.offset + max(0.0, now + horizon - segment.began) + EPSILON
        planned: list[Planned] = []
        first = bisect_left(self.offsets, low)
        # A segment that starts between two sounds (a resume mid-step) opens with the cue in
        # force there, right at its start.
        fresh = segment.began >= now - late
        on_a_sound = first < len(self.offsets) and abs(self.offsets[first] - segment.offset) <= EPSILON
        if fresh and not on_a_sound and segment.offset < engine.total - EPSILON:
            planned.append(Planned(segment.began, self.lead_in(segment.offset), (number, -1)))
        for index in range(first, len(self.cued)):
            cued = self.cued[index]
            if cued.offset > high:
                break
            planned.append(Planned(segment.began + cued.offset - segment.offset, cued.sound, (number, index)))
        return tuple(planned)


class Tones(Protocol):
    """Where planned sounds go: an open sound output (the app's, or a test's stand-in)."""

    @property
    def description(self) -> str: ...

    def plan(self, planned: Iterable[Planned]) -> None:
        """What should play from now on (replaces what is still pending)."""

    def hush(self) -> None:
        """Drop what is pending and fade out what plays."""

    def failure(self, now: float) -> str | None:
        """Why the output stopped working, or None."""

    def seconds_left(self, now: float) -> float:
        """How long until everything planned has played."""

    def queued(self, now: float) -> float:
        """How far past `now` the sound already handed to the device reaches."""

    def close(self) -> None: ...


class ToneOpener(Protocol):
    """Opens a sound output at a volume on a clock; raises if it cannot (the app's raises
    `AudioUnavailable`)."""

    def __call__(self, volume: int, clock: Callable[[], float]) -> Tones: ...
