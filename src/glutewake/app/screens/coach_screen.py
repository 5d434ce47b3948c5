"""The base of every screen that shows or changes the user's data: it is given the `Coach`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.screen import Screen

from glutewake.app.messages import save
from glutewake.app.services.coach import Coach

Result = TypeVar("Result")
ScreenResult = TypeVar("ScreenResult")


class CoachScreen(Screen[ScreenResult]):
    """A screen built with the app's `Coach` (services passed in, never fetched from the app)."""

    def __init__(self, coach: Coach) -> None:
        super().__init__()
        self.coach = coach

    def save(self, change: Callable[[], Result]) -> Result | None:
        """Run one store write through `messages.save`: a notice on refusal, `DataSaved` on success."""
        return save(self, change)
