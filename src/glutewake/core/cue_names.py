"""The cues of a step: what the body does, the words `plan --json` writes as `cue`.

Plain strings (`CueWord` to mypy), not an enum: `enum` would cost every command that
loads a programme about 5 ms of its start.
"""

from __future__ import annotations

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from typing import Final, Literal, TypeAlias

    CueWord: TypeAlias = Literal[
        "prepare", "inhale", "exhale", "hold", "return", "switch", "rest", "stretch", "transition"
    ]


class Cue:
    """What the body does during a step; the `plan --json` contract's `cue` values."""

    PREPARE: Final = "prepare"
    INHALE: Final = "inhale"
    EXHALE: Final = "exhale"
    HOLD: Final = "hold"
    RETURN: Final = "return"
    SWITCH: Final = "switch"
    REST: Final = "rest"
    STRETCH: Final = "stretch"
    TRANSITION: Final = "transition"


CUES: tuple[CueWord, ...] = (
    Cue.PREPARE,
    Cue.INHALE,
    Cue.EXHALE,
    Cue.HOLD,
    Cue.RETURN,
    Cue.SWITCH,
    Cue.REST,
    Cue.STRETCH,
    Cue.TRANSITION,
)

# The beats a repetition is made of, in a programme file's `beats`.
REP_CUES: tuple[CueWord, ...] = (Cue.INHALE, Cue.EXHALE, Cue.HOLD, Cue.RETURN)
