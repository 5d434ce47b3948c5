"""The player's one line of notices in its header (never a notice over the player)."""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer
from textual.widgets import Static


class NoteLine(Static):
    """A passing note for some seconds, then the lasting one again; hidden when both are empty.

    `changed` hears each note as it comes up, so the line around it can make room for it.
    """

    def __init__(self, changed: Callable[[str], None], *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.changed = changed
        self.lasting = ""
        """A note that stays (nothing is being saved); passing notes give way to it."""
        self.showing = ""
        """The note up now, passing or lasting."""
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
        self.showing = text or self.lasting
        self.changed(self.showing)

    def fit(self, columns: int | None = None) -> None:
        """Show the note in `columns` at most (None: as wide as it is); hidden with no room."""
        self.update(self.showing)
        self.styles.max_width = columns
        self.display = bool(self.showing and columns != 0)
