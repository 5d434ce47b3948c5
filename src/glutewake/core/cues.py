"""What the user hears at each cue: a bell pattern per cue kind and the words to speak."""

from __future__ import annotations

import re

from glutewake.core.cue_names import Cue
from glutewake.core.timeline import Step

# One ring to breathe in, two on the effort, three to change position (switch sides, get
# into a stretch) or finish.
RINGS: dict[str, int] = {
    Cue.PREPARE: 1,
    Cue.INHALE: 1,
    Cue.EXHALE: 2,
    Cue.HOLD: 2,
    Cue.RETURN: 1,
    Cue.SWITCH: 3,
    Cue.REST: 1,
    Cue.STRETCH: 2,
    Cue.TRANSITION: 3,
}
FINISH_RINGS = 3
RING_GAP = 0.18
# Rings must end within this share of the step, so they never smear into the next cue.
RING_SHARE = 0.6

NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)


def ring_times(rings: int, step_seconds: float) -> tuple[float, ...]:
    """When to ring, in seconds after the cue starts; fewer rings when the step is short."""
    room = step_seconds * RING_SHARE
    fits = max(1, min(rings, int(room // RING_GAP) + 1))
    return tuple(round(n * RING_GAP, 6) for n in range(fits))


def rings_for(step: Step) -> int:
    return RINGS[step.cue]


def number_word(number: int) -> str:
    """`3` → "three" (plain digits past twenty)."""
    return NUMBER_WORDS[number] if 0 <= number < len(NUMBER_WORDS) else str(number)


def phrase_for(step: Step) -> str:
    """The words to speak when `step` begins: the cue, and the rep's number on the inhale."""
    if step.cue == Cue.HOLD:
        return "hold " + ", ".join(number_word(n) for n in range(1, (step.counts or 0) + 1))
    if step.cue == Cue.SWITCH:
        return "switch sides"
    if step.cue == Cue.STRETCH:
        side = f", {step.side}" if step.side else ""
        return f"stretch, {step.name}{side}"
    words = re.sub(r"\s*[·:]\s*", ", ", step.text).lower()
    if step.cue == Cue.TRANSITION and step.side:
        return f"{words}, {step.side} side"
    first_beat = step.rep is not None and step.cue == Cue.INHALE
    return f"{number_word(step.rep or 0)}, {words}" if first_beat else words


FINISHED_PHRASE = "session complete, well done"
PARTIAL_PHRASE = "end of the session, kept as partial"
