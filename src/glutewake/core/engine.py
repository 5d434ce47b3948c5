"""The session engine: where a session is at any moment, derived from a clock.

Nothing here counts timer ticks. Playback is a list of timestamped segments
(start, pause, resume, skip, back each open or close one); the position at a
time t is computed from them, so a late or missed redraw never drifts.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from glutewake.core.programme import Cue
from glutewake.core.timeline import SetInfo, Step, Timeline

Clock = Callable[[], float]
# Float sums of count lengths may land a hair short of a boundary.
EPSILON = 1e-9


@dataclass(frozen=True)
class Segment:
    """A stretch of uninterrupted playback: from `offset` (seconds into the timeline) at `began`."""

    began: float
    offset: float
    ended: float | None = None

    def offset_at(self, now: float, total: float) -> float:
        until = now if self.ended is None else min(now, self.ended)
        return min(total, self.offset + max(0.0, until - self.began))


@dataclass(frozen=True)
class Position:
    """Everything the player shows at one moment."""

    step_index: int
    step: Step
    set: SetInfo
    fraction: float
    breath: float
    elapsed: float
    remaining: float
    step_remaining: float
    progress: float
    paused: bool
    finished: bool
    reps_completed: tuple[int, ...]

    @property
    def rep(self) -> int | None:
        return self.step.rep

    @property
    def side(self) -> str | None:
        return self.step.side


@dataclass(frozen=True)
class CueChanged:
    """A new step began (ring the bell, speak the cue)."""

    position: Position


@dataclass(frozen=True)
class RepCompleted:
    """A repetition of `set_number` finished; `reps` is that set's new total (save now)."""

    set_number: int
    reps: int


@dataclass(frozen=True)
class SessionFinished:
    """The last step ended."""

    position: Position


Notice = CueChanged | RepCompleted | SessionFinished


def breath_fill(cue: Cue, fraction: float) -> float:
    """How full the breath bar is: fills while breathing in, empties while breathing out."""
    if cue is Cue.INHALE:
        return fraction
    if cue is Cue.EXHALE:
        return 1.0 - fraction
    return 0.0


class Engine:
    """Plays a timeline against a clock; pause, resume, next set and back are timestamped."""

    def __init__(
        self,
        timeline: Timeline,
        clock: Clock = time.monotonic,
        *,
        start_set: int = 1,
        starts_at: float | None = None,
    ):
        """`starts_at`: the clock time the first step begins (default now; a moment later lets
        the first cue's sound be handed to the audio device ahead, like every other)."""
        if not timeline.steps:
            raise ValueError("a timeline needs at least one step")
        self.timeline = timeline
        self.clock = clock
        self.total = timeline.total_seconds
        self._starts = [timeline.step_start_seconds(i) for i in range(len(timeline.steps) + 1)]
        self._rep_ends = self._find_rep_ends()
        began = clock() if starts_at is None else starts_at
        self.segments: list[Segment] = [Segment(began, self._set_start(start_set))]
        self._seen_step: int | None = None
        self._seen_segments = 0
        self._seen_reps: tuple[int, ...] = tuple(0 for _ in timeline.sets)
        self._finished_told = False

    # -- events -----------------------------------------------------------------

    @property
    def paused(self) -> bool:
        return self.segments[-1].ended is not None

    def pause(self) -> None:
        """Stop the clock of the session; the position freezes."""
        if not self.paused:
            last = self.segments[-1]
            self.segments[-1] = Segment(last.began, last.offset, self.clock())

    def resume(self) -> None:
        """Go on from where the pause froze the session."""
        if self.paused:
            now = self.clock()
            self.segments.append(Segment(now, self._offset_now(now)))

    def toggle_pause(self) -> None:
        if self.paused:
            self.resume()
        else:
            self.pause()

    def next_set(self) -> None:
        """Jump to the start of the next set (past the last one: the end)."""
        current = self.at(self.clock()).set.number
        target = self._set_start(current + 1) if current < len(self.timeline.sets) else self.total
        self._jump(target)

    def back_to_set_start(self) -> None:
        """Go back to the start of the current set (its lead-in included)."""
        self._jump(self._set_start(self.at(self.clock()).set.number))

    def _jump(self, offset: float) -> None:
        now = self.clock()
        was_paused = self.paused
        last = self.segments[-1]
        if not was_paused:
            self.segments[-1] = Segment(last.began, last.offset, now)
        self.segments.append(Segment(now, offset, now if was_paused else None))

    # -- where are we -------------------------------------------------------------

    def at(self, now: float) -> Position:
        """The position at clock time `now` (not before the last event)."""
        offset = self._offset_now(now)
        finished = offset >= self.total - EPSILON
        if finished:
            offset = self.total
        index = min(bisect_right(self._starts, offset + EPSILON) - 1, len(self.timeline.steps) - 1)
        step = self.timeline.steps[index]
        length = self._starts[index + 1] - self._starts[index]
        into = min(length, max(0.0, offset - self._starts[index]))
        fraction = 1.0 if finished else (into / length if length else 1.0)
        return Position(
            step_index=index,
            step=step,
            set=self.timeline.sets[step.set - 1],
            fraction=fraction,
            breath=breath_fill(step.cue, fraction),
            elapsed=offset,
            remaining=max(0.0, self.total - offset),
            step_remaining=max(0.0, length - into),
            progress=offset / self.total if self.total else 1.0,
            paused=self.paused,
            finished=finished,
            reps_completed=self._reps_completed(now),
        )

    def position(self) -> Position:
        return self.at(self.clock())

    def poll(self) -> list[Notice]:
        """What happened since the last poll: new cue, finished repetitions, the end."""
        position = self.position()
        notices: list[Notice] = []
        for number, (before, after) in enumerate(
            zip(self._seen_reps, position.reps_completed, strict=True), start=1
        ):
            if after > before:
                notices.append(RepCompleted(number, after))
        jumped = len(self.segments) != self._seen_segments and not position.paused
        if not position.finished and (position.step_index != self._seen_step or jumped):
            notices.append(CueChanged(position))
        if position.finished and not self._finished_told:
            self._finished_told = True
            notices.append(SessionFinished(position))
        if not position.paused:
            self._seen_segments = len(self.segments)
        self._seen_step = position.step_index
        self._seen_reps = position.reps_completed
        return notices

    # -- helpers ----------------------------------------------------------------

    def _offset_now(self, now: float) -> float:
        return self.segments[-1].offset_at(now, self.total)

    def _set_start(self, number: int) -> float:
        sets = self.timeline.sets
        number = max(1, min(number, len(sets)))
        return self._starts[sets[number - 1].first_step]

    def _find_rep_ends(self) -> list[tuple[int, float]]:
        """(set number, end offset) of every repetition, in order."""
        ends: list[tuple[int, float]] = []
        steps = self.timeline.steps
        for index, step in enumerate(steps):
            following = steps[index + 1] if index + 1 < len(steps) else None
            last_beat = following is None or following.rep != step.rep or following.set != step.set
            if step.is_rep and last_beat or step.cue is Cue.STRETCH:
                ends.append((step.set, self._starts[index + 1]))
        return ends

    def _reps_completed(self, now: float) -> tuple[int, ...]:
        """Per set, how many distinct repetitions have been played to their end."""
        played: set[int] = set()
        for segment in self.segments:
            if segment.began > now:
                break
            reached = segment.offset_at(now, self.total)
            played.update(
                index
                for index, (_, end) in enumerate(self._rep_ends)
                if segment.offset < end <= reached + EPSILON
            )
        done = [0] * len(self.timeline.sets)
        for index in played:
            done[self._rep_ends[index][0] - 1] += 1
        return tuple(done)
