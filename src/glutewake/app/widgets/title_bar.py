"""The top line of every screen: where you are on the left, today's date on the right."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static


class TitleBar(Horizontal):
    """`glutewake · Settings                              Wednesday 25 November`."""

    DEFAULT_CSS = """
    TitleBar { height: 1; width: 1fr; background: $panel; color: $foreground; }
    TitleBar > #where { width: 1fr; text-style: bold; padding: 0 1; }
    TitleBar > #date { width: auto; padding: 0 1; }
    """

    def __init__(self, where: str = "", *, today: dt.date) -> None:
        super().__init__()
        self.where = where
        self.today = today

    def compose(self) -> ComposeResult:
        title = f"glutewake · {self.where}" if self.where else "glutewake"
        yield Static(title, id="where", markup=False)
        yield Static(self._day_words(self.today), id="date", markup=False)

    def show_day(self, today: dt.date) -> None:
        """Name another day (the day changed, or the hour a day starts did)."""
        if today != self.today:
            self.today = today
            self.query_one("#date", Static).update(self._day_words(today))

    @staticmethod
    def _day_words(day: dt.date) -> str:
        return f"{day:%A} {day.day} {day:%B}"
