"""The player's one line of notices in its header (never a notice over the player)."""

from __future__ import annotations

from textual.timer import Timer
from textual.widgets import Static


class NoteLine(Static):
    """A passing note for some seconds, then the lasting one again; hidden when both are empty."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.lasting = ""
        """A note that stays (nothing is being saved); passing notes give way to it."""
        self.passing: Timer | None = None

    def say(self, text: str, *, seconds: float | None = None, lasting: bool = False) -> None:
        """Show `text`: for `seconds`, then the lasting note again; `lasting` replaces that one."""
        if lasting:
            self.lasting = text
        if self.passing is not None:
            self.passing.stop()
            self.passing = None
        if seconds is not None:
            self.passing = self.set_timer(seconds, lambda: self.say(self.lasting))
        shown = text or self.lasting
        self.update(shown)
        self.display = bool(shown)
