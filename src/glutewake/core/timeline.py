"""A programme compiled into steps measured in counts: the session's score."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from glutewake.core.programme import COUNT_SETTINGS, Block, Counts, Cue, Programme
from glutewake.core.settings import Settings


@dataclass(frozen=True)
class Step:
    """One cue held for some counts. `set` is the set the step belongs to or leads into."""

    cue: Cue
    counts: int
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

    @property
    def is_rep(self) -> bool:
        return self.rep is not None


@dataclass(frozen=True)
class SetInfo:
    """A set: one exercise on one side (or a stretch), with its target repetitions."""

    number: int
    exercise: str
    name: str
    side: str | None
    target: int
    first_step: int
    kind: str


@dataclass(frozen=True)
class Timeline:
    """The steps of a session, where each starts, and its sets."""

    programme: Programme
    steps: tuple[Step, ...]
    sets: tuple[SetInfo, ...]
    count_seconds: float

    def __post_init__(self) -> None:
        starts = (0, *accumulate(step.counts for step in self.steps))
        object.__setattr__(self, "_starts", starts)

    @property
    def starts(self) -> tuple[int, ...]:
        """Start of each step in counts, plus the total at the end."""
        return self._starts  # type: ignore[attr-defined, no-any-return]

    @property
    def total_counts(self) -> int:
        return self.starts[-1]

    @property
    def total_seconds(self) -> float:
        return self.total_counts * self.count_seconds

    def step_start_seconds(self, index: int) -> float:
        return self.starts[index] * self.count_seconds

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
                    "seconds": round(step.counts * self.count_seconds, 6),
                    "text": step.text,
                }
                for step in self.steps
            ],
        }


def resolve_counts(counts: Counts, settings: Settings) -> int:
    """A block's counts: a number as written, or the value of the setting it names."""
    if isinstance(counts, str):
        value: int = getattr(settings, COUNT_SETTINGS[counts])
        return value
    return counts


def compile_timeline(programme: Programme, settings: Settings) -> Timeline:
    """Expand every block into steps: reps into beats, sides into sets with a switch between."""
    builder = _Builder(programme, settings)
    for index, block in enumerate(programme.blocks):
        builder.add(block, programme.blocks[index + 1 :])
    return Timeline(programme, tuple(builder.steps), tuple(builder.sets), settings.count_seconds)


class _Builder:
    def __init__(self, programme: Programme, settings: Settings) -> None:
        self.settings = settings
        self.steps: list[Step] = []
        self.sets: list[SetInfo] = []

    def counts(self, counts: Counts) -> int:
        return resolve_counts(counts, self.settings)

    def open_set(self, block: Block, side: str | None, target: int) -> int:
        number = len(self.sets) + 1
        first = len(self.steps)
        # Lead-in steps (prepare, switch, rest) just before this set belong to it.
        while first > 0 and self.steps[first - 1].set == number:
            first -= 1
        self.sets.append(SetInfo(number, block.exercise, block.name, side, target, first, block.type))
        return number

    def add(self, block: Block, later: tuple[Block, ...]) -> None:
        if block.type in ("prepare", "rest"):
            self.lead_in(block, later)
        elif block.type == "stretch":
            for side in block.sides or (None,):
                number = self.open_set(block, side, 1)
                self.steps.append(self.stretch_step(block, side, number))
        else:
            for turn, side in enumerate(block.sides or (None,)):
                if turn > 0:
                    self.switch(block, side)
                number = self.open_set(block, side, block.reps)
                self.reps(block, side, number)

    def lead_in(self, block: Block, later: tuple[Block, ...]) -> None:
        counts = self.counts(block.counts)
        upcoming = next((b for b in later if b.type in ("exercise", "stretch")), None)
        if counts == 0:
            return
        if upcoming is None:
            exercise, name, number, side = "", "", max(len(self.sets), 1), None
        else:
            exercise, name, number = upcoming.exercise, upcoming.name, len(self.sets) + 1
            side = upcoming.sides[0] if upcoming.sides else None
        cue = Cue.PREPARE if block.type == "prepare" else Cue.REST
        default = "Get ready" if cue is Cue.PREPARE else "Rest"
        position = upcoming.position.get(side, "") if upcoming and side else ""
        self.steps.append(
            Step(cue, counts, block.text or default, number, exercise, name, side, position=position)
        )

    def switch(self, block: Block, side: str | None) -> None:
        counts = self.settings.rest_between_sides_counts
        position = block.position.get(side, "") if side else ""
        text = f"Switch sides: {position}" if position else "Switch sides"
        self.steps.append(
            Step(
                Cue.SWITCH,
                counts,
                text,
                len(self.sets) + 1,
                block.exercise,
                block.name,
                side,
                position=position,
            )
        )

    def reps(self, block: Block, side: str | None, number: int) -> None:
        position = block.position.get(side, "") if side else ""
        for rep in range(1, block.reps + 1):
            for beat in block.pattern:
                self.steps.append(
                    Step(
                        beat.cue,
                        self.counts(beat.counts),
                        beat.text or str(beat.cue).title(),
                        number,
                        block.exercise,
                        block.name,
                        side,
                        rep,
                        block.reps,
                        block.reminder,
                        position,
                    )
                )

    def stretch_step(self, block: Block, side: str | None, number: int) -> Step:
        where = f" · {side}" if side else ""
        return Step(
            Cue.STRETCH,
            self.counts(block.counts),
            f"Stretch: {block.name}{where}",
            number,
            block.exercise,
            block.name,
            side,
            detail=block.text,
            reminder=block.group,
        )
