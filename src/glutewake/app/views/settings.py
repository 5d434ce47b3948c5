"""The settings form's fields and words: labels, the ranges shown beside them, the sound
choices, on / off (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass

from glutewake.core.settings import RANGES, parse_setting


@dataclass(frozen=True)
class NumberField:
    """One numeric setting as the form shows it."""

    name: str
    label: str
    whole: bool

    def parse(self, text: str) -> object:
        """The typed value, checked as `glutewake settings KEY VALUE` checks it."""
        return parse_setting(self.name, text, self.label)

    @property
    def hint(self) -> str:
        bounds = RANGES[self.name]
        return f"{bounds.low:g}–{bounds.high:g}"


NUMBER_FIELDS = (
    NumberField("count_seconds", "seconds per count", whole=False),
    NumberField("counts_per_breath", "counts per breath in or out", whole=True),
    NumberField("stretch_hold_seconds", "stretch hold, in seconds", whole=True),
    NumberField("rest_seconds", "rest, in seconds", whole=True),
    NumberField("transition_seconds", "change of position, in seconds", whole=True),
)

VOLUME = NumberField("volume", "volume", whole=True)

SOUND_OPTIONS = {
    "tones": "tones (own sounds)",
    "bell": "terminal bell",
    "off": "off",
}


def on_off(value: bool) -> str:
    return "on" if value else "off"


def override_note(count_seconds: float | None) -> str:
    """What the note under the form says about this run's `--count-seconds`, if any."""
    if count_seconds is None:
        return "Saved settings apply to your next session and to home's session length."
    return (
        f"This run uses {count_seconds:g} s per count (--count-seconds); the seconds per count "
        "saved here apply when you start glutewake without it."
    )
