"""Every key, generated from the key registry, grouped by where it works."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from glutewake.app.keys import SCOPES, bindings_for, keys_for
from glutewake.app.widgets.key_line import KeyLine
from glutewake.app.widgets.title_bar import TitleBar

# Two columns, so the whole list fits an 80×24 terminal without scrolling.
COLUMNS = (("everywhere", "home", "settings", "screen"), ("player", "history", "morning"))


def scope_table(scope: str) -> Group:
    """One scope's heading and its keys, each with what it does."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, width=6)
    table.add_column()
    for key in keys_for(scope):
        table.add_row(Text(key.shown_key, style="bold"), key.tooltip)
    return Group(Text(SCOPES[scope], style="bold underline"), table)


class HelpScreen(Screen[None]):
    """Keys by screen; the command palette (ctrl+p) reaches the same actions by name."""

    BINDINGS: ClassVar = bindings_for("screen")

    def compose(self) -> ComposeResult:
        yield TitleBar("help")
        with Horizontal(id="help-columns"):
            for scopes in COLUMNS:
                with Vertical(classes="help-column"):
                    for scope in scopes:
                        yield Static(scope_table(scope), classes="help-scope")
        yield Static(
            "Press ctrl+p and type a few letters to find any action by name.",
            id="help-palette",
            markup=False,
        )
        yield KeyLine(keys_for("screen"), id="keys")
