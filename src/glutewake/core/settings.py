"""User settings and profile state, with their allowed ranges."""

from __future__ import annotations

import datetime as dt

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
    "stretch_hold_counts": Range(5, 120),
    "rest_between_sides_counts": Range(1, 60),
}


@frozen
class Settings:
    """How a session is paced and sounds. Every duration is in counts, except `count_seconds`."""

    count_seconds: float = 1.0
    counts_per_breath: int = 2
    stretch_hold_counts: int = 30
    rest_between_sides_counts: int = 5
    bell: bool = True
    spoken_cues: bool = False
    voice_command: str = ""
    theme: str = "textual-dark"

    def __post_init__(self) -> None:
        for name, bounds in RANGES.items():
            check_in_range(name, getattr(self, name), bounds)

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


def _fmt(value: float) -> str:
    return f"{value:g}"


def setting_names() -> tuple[str, ...]:
    """The names of every setting, in display order."""
    return field_names(Settings)


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
