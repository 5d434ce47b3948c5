"""The session engine: where a session is at any moment, derived from a clock.

Nothing here counts timer ticks. Playback is a list of timestamped segments
(start, pause, resume, skip, back each open or close one); the position at a
time t is computed from them, so a late or missed redraw never drifts.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Callable, Sequence

from glutewake.core.cue_names import Cue
from glutewake.core.frozen import frozen
from glutewake.core.timeline import BETWEEN, SetInfo, Step, Timeline

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from glutewake.core.cue_names import CueWord

Clock = Callable[[], float]
# Float sums of count lengths may land a hair short of a boundary.
EPSILON = 1e-9
# `b` pressed again within this many seconds goes back one more set.
BACK_AGAIN_SECONDS = 2.0


@frozen
class Segment:
    """A stretch of uninterrupted playback: from `offset` (seconds into the timeline) at `began`."""

    began: float
    offset: float
    ended: float | None = None

    def offset_at(self, now: float, total: float) -> float:
        until = now if self.ended is None else min(now, self.ended)
        return min(total, self.offset + max(0.0, until - self.began))


@frozen
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


@frozen
class CueChanged:
    """A new step began (ring the bell, speak the cue)."""

    position: Position


@frozen
class RepCompleted:
    """A repetition of `set_number` finished; `reps` is that set's new total (save now)."""

    set_number: int
    reps: int


@frozen
class SessionFinished:
    """The last step ended."""

    position: Position


Notice = CueChanged | RepCompleted | SessionFinished


def breath_fill(cue: CueWord, fraction: float) -> float:
    """How full the breath bar is: fills while breathing in, empties while breathing out."""
    if cue == Cue.INHALE:
        return fraction
    if cue == Cue.EXHALE:
        return 1.0 - fraction
    return 0.0


class Engine:
    """Plays a timeline against a clock; pause, resume, next set and back are timestamped.

    `start_step` (or the start of `start_set`) is where playback begins; `already` holds,
    per set, the repetitions done before (a resumed session): they count as played.
    `starts_at` is the clock time the first step begins (default now; a moment later lets the
    first cue's sound be handed to the audio device ahead, like every other).
    """

    def __init__(
        self,
        timeline: Timeline,
        clock: Clock = time.monotonic,
        *,
        start_set: int = 1,
        start_step: int | None = None,
        already: Sequence[int] = (),
        starts_at: float | None = None,
    ):
        if not timeline.steps:
            raise ValueError("a timeline needs at least one step")
        self.timeline = timeline
        self.clock = clock
        self.total = timeline.total_seconds
        self._starts = list(timeline.starts)
        self._rep_ends = self._find_rep_ends()
        self._already = self._already_played(already)
        offset = self._set_start(start_set) if start_step is None else self._starts[start_step]
        began = clock() if starts_at is None else starts_at
        self.segments: list[Segment] = [Segment(began, offset)]
        self._seen_step: int | None = None
        self._seen_segments = 0
        self._seen_reps: tuple[int, ...] = self._reps_completed(clock())
        self._finished_told = False
        self._last_back: tuple[float, int] | None = None

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
        """Go forward, never past a set that has not begun.

        From a rest: to the start of the set after it (its get-ready countdown). From a
        get-ready countdown: to what it leads into (the set's first repetition or hold).
        From a set's repetitions or hold: to the start of the next set; after the last
        set, to the end.
        """
        self._jump(self.next_set_offset(self.position()))

    def next_set_offset(self, position: Position) -> float:
        """Where `n` goes from `position` (see `next_set`)."""
        if position.finished:
            return self.total
        index, steps = position.step_index, self.timeline.steps
        info = position.set
        if steps[index].cue in BETWEEN or index < info.first_step:
            if info.first_step > index:
                return self._starts[info.first_step]
            following = self._following_set(index)
            return self._set_start(following) if following else self.total
        if steps[index].gets_ready:
            end = index
            while end < len(steps) and steps[end].gets_ready:
                end += 1
            return self._starts[end]
        following = self._following_set(index)
        return self._set_start(following) if following else self.total

    def back_to_set_start(self) -> None:
        """Back to the start of the current set; pressed again within two seconds, to the
        start of the one before. From a rest, the current set is the one just done."""
        now = self.clock()
        position = self.at(now)
        number = self._current_set(position)
        if self._last_back is not None:
            pressed, landed = self._last_back
            if now - pressed <= BACK_AGAIN_SECONDS and number == landed:
                number = max(1, landed - 1)
        self._last_back = (now, number)
        self._jump(self._set_start(number))

    def _current_set(self, position: Position) -> int:
        index, info = position.step_index, position.set
        if position.finished:
            return len(self.timeline.sets)
        if self.timeline.steps[index].cue in BETWEEN or index < info.first_step:
            return max(1, info.number - 1) if index < info.first_step else info.number
        return info.number

    def _following_set(self, index: int) -> int | None:
        """The first set that starts after step `index`, if any."""
        for info in self.timeline.sets:
            if info.first_step > index:
                return info.number
        return None

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

    def played_seconds(self, now: float | None = None) -> float:
        """How long the session has been playing (pauses not counted, nor any time after
        it reached its end)."""
        moment = self.clock() if now is None else now
        played = 0.0
        for segment in self.segments:
            if segment.began > moment:
                break
            until = moment if segment.ended is None else min(moment, segment.ended)
            played += min(max(0.0, until - segment.began), max(0.0, self.total - segment.offset))
        return played

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
            if step.is_rep and last_beat or step.cue == Cue.STRETCH:
                ends.append((step.set, self._starts[index + 1]))
        return ends

    def _already_played(self, already: Sequence[int]) -> set[int]:
        """The repetition ends of the first `already[n]` repetitions of each set."""
        marked: set[int] = set()
        seen = [0] * len(self.timeline.sets)
        for index, (number, _) in enumerate(self._rep_ends):
            if number - 1 < len(already) and seen[number - 1] < already[number - 1]:
                marked.add(index)
            seen[number - 1] += 1
        return marked

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
        for index in played | self._already:
            done[self._rep_ends[index][0] - 1] += 1
        return tuple(done)
