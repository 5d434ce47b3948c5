"""Every cue's sound in turn, named as it plays: `glutewake sound` and the settings screen.

No Textual here: the command line plays it with a plain clock and sleep, the settings
screen with timers.
"""

from __future__ import annotations

from dataclasses import dataclass

from glutewake.core.cue_names import CUES
from glutewake.core.cues import FINISH_RINGS, RINGS
from glutewake.core.sound_schedule import CUE_SOUNDS
from glutewake.core.tones import PLAY_ORDER, VOICINGS, Sound

# Seconds from one sound to the next: room to hear each on its own.
TONE_GAP = 0.9
BELL_GAP = 1.5


@dataclass(frozen=True)
class DemoItem:
    """One sound of the demo: when (seconds from its start), what to call it, what to play."""

    delay: float
    label: str
    sound: Sound | None = None
    rings: int = 0


def sounds_in_use() -> tuple[Sound, ...]:
    """The sounds a session can make, in the order a session makes them."""
    used = {CUE_SOUNDS[cue] for cue in CUES} | {Sound.HOLD_TICK, Sound.STRETCH_END, Sound.FINISH}
    return tuple(sound for sound in PLAY_ORDER if sound in used)


def tone_demo() -> tuple[DemoItem, ...]:
    return tuple(
        DemoItem(index * TONE_GAP, f"{VOICINGS[sound].name} — {VOICINGS[sound].what}", sound=sound)
        for index, sound in enumerate(sounds_in_use())
    )


def bell_demo() -> tuple[DemoItem, ...]:
    """The bell patterns: cues grouped by how many rings they get."""
    groups: dict[int, list[str]] = {}
    for cue, rings in RINGS.items():
        groups.setdefault(rings, []).append(VOICINGS[CUE_SOUNDS[str(cue)]].name)
    groups.setdefault(FINISH_RINGS, []).append(VOICINGS[Sound.FINISH].name)
    words = {1: "one ring", 2: "two rings", 3: "three rings"}
    return tuple(
        DemoItem(index * BELL_GAP, f"{words.get(rings, f'{rings} rings')}: {', '.join(names)}", rings=rings)
        for index, (rings, names) in enumerate(sorted(groups.items()))
    )
