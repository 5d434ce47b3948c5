"""User settings and profile state, with their allowed ranges."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Any

from glutewake.errors import UserError

PHASES = ("beginner", "advanced")


class SettingOutOfRange(UserError):
    """A setting value outside its allowed range or of the wrong type."""


@dataclass(frozen=True)
class Range:
    """Inclusive bounds of a numeric setting."""

    low: float
    high: float


# Bounds for every numeric setting; the CLI, the settings screen and the store share them.
RANGES: dict[str, Range] = {
    "count_seconds": Range(0.05, 10.0),
    "counts_per_breath": Range(1, 8),
    "stretch_hold_counts": Range(5, 120),
    "rest_between_sides_counts": Range(1, 60),
    "volume": Range(0, 100),
}
# What a session sounds like: synthesised tones through the sound output (falling back to
# the bell when there is none), the terminal bell, or nothing.
SOUND_CHOICES = ("tones", "bell", "off")
CHOICES: dict[str, tuple[str, ...]] = {"sound": SOUND_CHOICES}


@dataclass(frozen=True)
class Settings:
    """How a session is paced and sounds. Every duration is in counts, except `count_seconds`."""

    count_seconds: float = 1.0
    counts_per_breath: int = 2
    stretch_hold_counts: int = 30
    rest_between_sides_counts: int = 5
    sound: str = "tones"
    volume: int = 80
    spoken_cues: bool = False
    voice_command: str = ""
    theme: str = "textual-dark"

    def __post_init__(self) -> None:
        for name, bounds in RANGES.items():
            check_in_range(name, getattr(self, name), bounds)
        for name, choices in CHOICES.items():
            check_choice(name, getattr(self, name), choices)
        if not isinstance(self.volume, int) or isinstance(self.volume, bool):
            raise SettingOutOfRange(f"volume must be a whole number, got {self.volume!r}")

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with `changes` applied, validated like any other Settings."""
        return replace(self, **changes)


def check_in_range(name: str, value: object, bounds: Range) -> None:
    """Raise SettingOutOfRange unless `value` is a number within `bounds`."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SettingOutOfRange(f"{name} must be a number, got {value!r}")
    if not bounds.low <= value <= bounds.high:
        raise SettingOutOfRange(
            f"{name} must be between {_fmt(bounds.low)} and {_fmt(bounds.high)}, got {_fmt(value)}"
        )


def check_choice(name: str, value: object, choices: tuple[str, ...]) -> None:
    """Raise SettingOutOfRange unless `value` is one of `choices`."""
    if value not in choices:
        raise SettingOutOfRange(f"{name} must be one of {', '.join(choices)}, got {value!r}")


def _fmt(value: float) -> str:
    return f"{value:g}"


def setting_names() -> tuple[str, ...]:
    """The names of every setting, in display order."""
    return tuple(f.name for f in fields(Settings))


@dataclass(frozen=True)
class Profile:
    """Everything in settings.toml: the settings plus the user's state."""

    settings: Settings = field(default_factory=Settings)
    phase: str = "beginner"
    acknowledged_on: dt.date | None = None
    morning_asked_on: dt.date | None = None
    """The day the morning-after question was last shown on this machine (answered or not)."""

    def __post_init__(self) -> None:
        if self.phase not in PHASES:
            raise UserError(f"phase must be one of {', '.join(PHASES)}, got {self.phase!r}")
