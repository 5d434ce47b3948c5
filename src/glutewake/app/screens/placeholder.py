"""Honest stand-ins for screens that are not built yet; each is replaced by its own issue."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from glutewake.app.keys import bindings_for, keys_for
from glutewake.app.widgets.key_line import KeyLine
from glutewake.app.widgets.title_bar import TitleBar

WHAT_IT_WILL_DO: dict[str, str] = {}


class PlaceholderScreen(Screen[None]):
    """`The symptom check is not built yet` — says so plainly, records nothing."""

    BINDINGS: ClassVar = bindings_for("screen")

    def __init__(self, feature: str) -> None:
        super().__init__()
        self.feature = feature

    def compose(self) -> ComposeResult:
        yield TitleBar(self.feature)
        with Vertical(id="placeholder-body"):
            yield Static(
                f"The {self.feature} is not built yet.\n\n"
                f"When it is, {WHAT_IT_WILL_DO[self.feature]}. "
                "Nothing was started or recorded.",
                id="placeholder-text",
                markup=False,
            )
        yield KeyLine(keys_for("screen"), id="keys")
