"""A programme compiled into timed steps: the session's score.

Repetitions are measured in counts (so `count_seconds` sets their pace); stretch holds,
rests and the countdowns to change position are measured in seconds.
"""

from __future__ import annotations

from itertools import accumulate

from glutewake.core.cue_names import Cue
from glutewake.core.frozen import frozen, replace
from glutewake.core.programme import COUNTS, Block, Length, Programme
from glutewake.core.settings import Settings

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from typing import Any

    from glutewake.core.cue_names import CueWord

# Countdowns to get into position: a set starts with them (n and b land there).
GET_READY = (Cue.PREPARE, Cue.SWITCH, Cue.TRANSITION)
# Steps between sets that belong to neither (a rest comes before the next set's start).
BETWEEN = (Cue.REST,)
# The get-ready countdown played before the repetition a resumed session goes on with.
RESUME_SECONDS = 5.0
# How a change of position between a stretch's sides begins its text.
CHANGE_SIDES = "Change sides"


@frozen
class Step:
    """One cue for some time. `set` is the set the step belongs to or leads into.

    `counts` is the number of counts of a step measured in counts (a beat of a
    repetition, or a lead-in a programme file gives in counts), None for a timed one.
    """

    cue: CueWord
    seconds: float
    text: str
    set: int
    exercise: str
    name: str
    side: str | None = None
    rep: int | None = None
    reps: int | None = None
    reminder: str = ""
    position: str = ""
    detail: str = ""
    counts: int | None = None

    @property
    def is_rep(self) -> bool:
        return self.rep is not None

    @property
    def gets_ready(self) -> bool:
        """A countdown to get into position (prepare, switch sides, change of position)."""
        return self.cue in GET_READY


@frozen
class SetInfo:
    """A set: one exercise on one side (or a stretch), with its target repetitions.

    `first_step` is where the set starts (its get-ready countdown, when it has one);
    `body_step` its first repetition or hold.
    """

    number: int
    exercise: str
    name: str
    side: str | None
    target: int
    first_step: int
    kind: str
    body_step: int = 0

    @property
    def is_exercise(self) -> bool:
        """A set of repetitions (not a stretch): the completion rule counts these."""
        return self.kind != "stretch"


@frozen
class Timeline:
    """The steps of a session, where each starts (in seconds), and its sets."""

    __slots__ = ("_starts",)
    programme: Programme
    steps: tuple[Step, ...]
    sets: tuple[SetInfo, ...]
    count_seconds: float

    def __post_init__(self) -> None:
        starts = (0.0, *accumulate(step.seconds for step in self.steps))
        object.__setattr__(self, "_starts", starts)

    @property
    def starts(self) -> tuple[float, ...]:
        """Start of each step in seconds, plus the total at the end."""
        return self._starts  # type: ignore[attr-defined, no-any-return]

    @property
    def total_seconds(self) -> float:
        return self.starts[-1]

    def step_start_seconds(self, index: int) -> float:
        return self.starts[index]

    def plan_document(self) -> dict[str, Any]:
        """The `plan NAME --json` contract."""
        return {
            "programme": self.programme.name,
            "count_seconds": self.count_seconds,
            "total_seconds": round(self.total_seconds, 6),
            "steps": [
                {
                    "exercise": step.exercise,
                    "side": step.side,
                    "set": step.set,
                    "rep": step.rep,
                    "cue": str(step.cue),
                    "counts": step.counts,
                    "seconds": round(step.seconds, 6),
                    "text": step.text,
                }
                for step in self.steps
            ],
        }

    def rep_step(self, set_number: int, rep: int) -> int:
        """The index of the first step of repetition `rep` of a set (its hold for a stretch)."""
        info = self.sets[set_number - 1]
        for index in range(info.body_step, len(self.steps)):
            step = self.steps[index]
            if step.set == set_number and (step.rep == rep or (step.rep is None and not step.gets_ready)):
                return index
        return info.body_step

    def resume_at(self, set_number: int, rep: int) -> tuple[Timeline, int]:
        """The timeline to go on with at repetition `rep` of a set, and the step to start at.

        At a set's first repetition the set's own get-ready countdown leads in; further in, a
        short get-ready countdown is put in front of the repetition.
        """
        info = self.sets[set_number - 1]
        index = self.rep_step(set_number, rep)
        if index == info.body_step and info.first_step < info.body_step:
            return self, info.first_step
        step = self.steps[index]
        count = f"rep {rep} of {step.reps}" if step.rep is not None else step.name
        ready = Step(
            Cue.PREPARE,
            RESUME_SECONDS,
            f"Get ready to go on: {count}",
            set_number,
            step.exercise,
            step.name,
            step.side,
            position=step.position,
            detail=step.position or step.name,
        )
        steps = (*self.steps[:index], ready, *self.steps[index:])
        return replace(self, steps=steps, sets=_locate_sets(steps, self.sets)), index


def length_seconds(length: Length, settings: Settings) -> tuple[float, int | None]:
    """A length in seconds, and in counts when it is counted: a number as written, or the
    value of the setting it names."""
    value = length.value
    if isinstance(value, str):
        value = int(getattr(settings, length.setting or ""))
    if length.unit == COUNTS:
        return value * settings.count_seconds, value
    return float(value), None


def compile_timeline(programme: Programme, settings: Settings) -> Timeline:
    """Expand every block into steps: reps into beats, sides into sets with a switch between,
    a change of position before each stretch and between its sides."""
    builder = _Builder(settings)
    for index, block in enumerate(programme.blocks):
        builder.add(block, programme.blocks[index + 1 :])
    steps = tuple(builder.steps)
    return Timeline(programme, steps, _locate_sets(steps, builder.sets), settings.count_seconds)


def _locate_sets(steps: tuple[Step, ...], sets: list[SetInfo] | tuple[SetInfo, ...]) -> tuple[SetInfo, ...]:
    """Each set with where it starts (its get-ready countdowns) and where its body begins."""
    located = []
    for info in sets:
        body = next(
            i
            for i, s in enumerate(steps)
            if s.set == info.number and not s.gets_ready and s.cue not in BETWEEN
        )
        first = body
        while first > 0 and steps[first - 1].set == info.number and steps[first - 1].gets_ready:
            first -= 1
        located.append(replace(info, first_step=first, body_step=body))
    return tuple(located)


class _Builder:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.steps: list[Step] = []
        self.sets: list[SetInfo] = []

    def open_set(self, block: Block, side: str | None, target: int) -> int:
        number = len(self.sets) + 1
        self.sets.append(SetInfo(number, block.exercise, block.name, side, target, 0, block.type))
        return number

    def add(self, block: Block, later: tuple[Block, ...]) -> None:
        if block.type in ("prepare", "rest"):
            self.lead_in(block, later)
        elif block.type == "stretch":
            for turn, side in enumerate(block.sides or (None,)):
                self.transition(block, side, changing=turn > 0)
                number = self.open_set(block, side, 1)
                self.steps.append(self.stretch_step(block, side, number))
        else:
            for turn, side in enumerate(block.sides or (None,)):
                if turn > 0:
                    self.switch(block, side)
                number = self.open_set(block, side, block.reps)
                self.reps(block, side, number)

    def lead_in(self, block: Block, later: tuple[Block, ...]) -> None:
        seconds, counts = length_seconds(block.length, self.settings)
        upcoming = next((b for b in later if b.type in ("exercise", "stretch")), None)
        if seconds == 0:
            return
        if upcoming is None:
            exercise, name, number, side = "", "", max(len(self.sets), 1), None
        else:
            exercise, name, number = upcoming.exercise, upcoming.name, len(self.sets) + 1
            side = upcoming.sides[0] if upcoming.sides else None
        cue: CueWord = Cue.PREPARE if block.type == "prepare" else Cue.REST
        default = "Get ready" if cue == Cue.PREPARE else "Rest"
        position = upcoming.position_for(side) if upcoming and upcoming.type == "exercise" else ""
        self.steps.append(
            Step(
                cue,
                seconds,
                block.text or default,
                number,
                exercise,
                name,
                side,
                position=position,
                counts=counts,
            )
        )

    def switch(self, block: Block, side: str | None) -> None:
        position = block.position_for(side)
        text = f"Switch sides: {position}" if position else "Switch sides"
        self.steps.append(
            Step(
                Cue.SWITCH,
                float(self.settings.rest_seconds),
                text,
                len(self.sets) + 1,
                block.exercise,
                block.name,
                side,
                position=position,
            )
        )

    def transition(self, block: Block, side: str | None, *, changing: bool) -> None:
        """Time to get into a stretch (or change to its other side), naming it and how."""
        seconds = float(self.settings.transition_seconds)
        if seconds == 0:
            return
        if changing:
            text = f"{CHANGE_SIDES}: {block.name}"
            how = block.change_sides or "change over to the other side"
        else:
            text = f"Get into position: {block.name}"
            how = block.position_for(side) or block.text
        self.steps.append(
            Step(
                Cue.TRANSITION,
                seconds,
                text,
                len(self.sets) + 1,
                block.exercise,
                block.name,
                side,
                reminder=block.group,
                position=how,
            )
        )

    def reps(self, block: Block, side: str | None, number: int) -> None:
        position = block.position_for(side)
        for rep in range(1, block.reps + 1):
            for beat in block.pattern:
                seconds, counts = length_seconds(beat.counts, self.settings)
                self.steps.append(
                    Step(
                        beat.cue,
                        seconds,
                        beat.text or str(beat.cue).title(),
                        number,
                        block.exercise,
                        block.name,
                        side,
                        rep,
                        block.reps,
                        block.reminder,
                        position,
                        counts=counts,
                    )
                )

    def stretch_step(self, block: Block, side: str | None, number: int) -> Step:
        where = f" · {side}" if side else ""
        seconds, counts = length_seconds(block.length, self.settings)
        return Step(
            Cue.STRETCH,
            seconds,
            f"Stretch: {block.name}{where}",
            number,
            block.exercise,
            block.name,
            side,
            detail=block.text,
            reminder=block.group,
            counts=counts,
        )
