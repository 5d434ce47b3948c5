"""User settings and profile state, with their allowed ranges and the one check of a typed value."""

from __future__ import annotations

import datetime as dt

from glutewake.core.days import DEFAULT_DAY_START, EARLIEST_DAY_START, LATEST_DAY_START
from glutewake.core.frozen import field, field_names, frozen, replace
from glutewake.errors import UserError

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from typing import Any

PHASES = ("beginner", "advanced")


class SettingOutOfRange(UserError):
    """A setting value outside its allowed range or of the wrong type."""


@frozen
class Range:
    """Inclusive bounds of a numeric setting."""

    low: float
    high: float


# Bounds for every numeric setting; the CLI, the settings screen and the store share them.
RANGES: dict[str, Range] = {
    "count_seconds": Range(0.05, 10.0),
    "counts_per_breath": Range(1, 8),
    "stretch_hold_seconds": Range(5, 120),
    "rest_seconds": Range(1, 120),
    "transition_seconds": Range(0, 30),
    "volume": Range(0, 100),
    "day_starts_at": Range(EARLIEST_DAY_START, LATEST_DAY_START),
}
# What a session sounds like: synthesised tones through the sound output (falling back to
# the bell when there is none), the terminal bell, or nothing.
SOUND_CHOICES = ("tones", "bell", "off")
CHOICES: dict[str, tuple[str, ...]] = {"sound": SOUND_CHOICES}

# The colour themes Textual ships (the settings screen offers these; a test keeps them in step).
THEMES = (
    "ansi-dark",
    "ansi-light",
    "atom-one-dark",
    "atom-one-light",
    "catppuccin-frappe",
    "catppuccin-latte",
    "catppuccin-macchiato",
    "catppuccin-mocha",
    "dracula",
    "flexoki",
    "gruvbox",
    "monokai",
    "nord",
    "rose-pine",
    "rose-pine-dawn",
    "rose-pine-moon",
    "solarized-dark",
    "solarized-light",
    "textual-dark",
    "textual-light",
    "tokyo-night",
)


@frozen
class Settings:
    """How a session is paced and sounds.

    Repetitions are measured in counts of `count_seconds`; stretch holds, rests and the
    time to change position are in seconds, whatever the count pace.
    """

    count_seconds: float = 1.0
    counts_per_breath: int = 2
    stretch_hold_seconds: int = 30
    rest_seconds: int = 10
    transition_seconds: int = 5
    sound: str = "tones"
    volume: int = 80
    spoken_cues: bool = False
    voice_command: str = ""
    day_starts_at: int = DEFAULT_DAY_START
    """The hour (0-6) a day starts: what is done before it counts for the day before."""
    theme: str = "textual-dark"

    def __post_init__(self) -> None:
        for name, bounds in RANGES.items():
            check_in_range(name, getattr(self, name), bounds)
        for name, choices in CHOICES.items():
            check_choice(name, getattr(self, name), choices)
        for name in ("volume", "day_starts_at"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise SettingOutOfRange(f"{name} must be a whole number, got {value!r}")

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
    return field_names(Settings)


def setting_type(name: str) -> type:
    """The Python type a setting holds (float, int, bool or str)."""
    if name in setting_names():
        return type(getattr(Settings(), name))
    raise SettingOutOfRange(f"unknown setting {name!r} (expected one of {', '.join(setting_names())})")


ON_WORDS = {"on": True, "true": True, "yes": True, "off": False, "false": False, "no": False}


def parse_setting(name: str, text: str, label: str | None = None) -> float | int | bool | str:
    """The value typed for setting `name`, checked as the settings screen checks it.

    `label` is how the message names the setting (the screen's label; the key by default).
    Raises SettingOutOfRange with one plain sentence naming what is wrong.
    """
    kind = setting_type(name)
    said = label or name
    text = text.strip()
    if kind is bool:
        if text.lower() not in ON_WORDS:
            raise SettingOutOfRange(f"{said} must be on or off, got {text!r}")
        return ON_WORDS[text.lower()]
    if kind is str:
        if name in CHOICES and text not in CHOICES[name]:
            raise SettingOutOfRange(f"{said} must be one of {', '.join(CHOICES[name])}, got {text!r}")
        if name == "theme" and text not in THEMES:
            raise SettingOutOfRange(f"{said} must be one of {', '.join(THEMES)}, got {text!r}")
        if any(ord(char) < 32 for char in text):
            raise SettingOutOfRange(f"{said} must be plain text without control characters")
        return text
    try:
        value: float | int = int(text) if kind is int else float(text)
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise SettingOutOfRange(f"{said} must be {what}, got {text!r}") from None
    check_in_range(said, value, RANGES[name])
    return value


@frozen
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
