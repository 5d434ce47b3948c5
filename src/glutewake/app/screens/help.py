"""Every key, generated from the key registry, grouped by where it works."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from glutewake.app.keys import KEYS, SCOPES, bindings_for, keys_for
from glutewake.app.screens.coach_screen import CoachScreen
from glutewake.app.widgets.key_line import KeyLine
from glutewake.app.widgets.title_bar import TitleBar

# Two columns of headings (each names one or more scopes of the key registry): the whole
# list fits 120×40 at once and scrolls at 80×24.
COLUMNS = (
    ("Everywhere", "Home", "Before you start", "During a session", "Morning question", "Other screens"),
    ("After a session", "Symptom check", "History", "Settings"),
)


def heading_table(heading: str) -> Group:
    """One heading and the keys of every scope under it, each with what it does."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, width=6)
    table.add_column()
    for key in KEYS:
        if SCOPES[key.scope] == heading:
            table.add_row(Text(key.shown_key, style="bold"), key.tooltip)
    return Group(Text(heading, style="bold underline"), table)


class HelpScreen(CoachScreen[None]):
    """Keys by screen; the command palette (ctrl+p) reaches the same actions by name."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("screen")

    def compose(self) -> ComposeResult:
        yield TitleBar("help", today=self.coach.today())
        with VerticalScroll(id="help-scroll"), Horizontal(id="help-columns"):
            for headings in COLUMNS:
                with Vertical(classes="help-column"):
                    for heading in headings:
                        yield Static(heading_table(heading), classes="help-scope")
        yield Static(
            "Press ctrl+p and type a few letters to find any action by name.",
            id="help-palette",
            markup=False,
        )
        yield KeyLine(keys_for("screen"), id="keys")
