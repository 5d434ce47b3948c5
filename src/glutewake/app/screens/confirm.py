"""A yes/no question: `y` says yes, any other key says no."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    """Explains, then asks; dismisses with True only for `y`."""

    def __init__(self, title: str, explanation: str, *, yes: str, no: str) -> None:
        super().__init__()
        self.title_text = title
        self.explanation = explanation
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.title_text, id="confirm-title", markup=False)
            yield Static(self.explanation, id="confirm-text", markup=False)
            yield Static(
                f"[b $accent]y[/] {self.yes}     [b $accent]any other key[/] {self.no}",
                id="confirm-keys",
            )

    def on_mount(self) -> None:
        # Notices still on screen would cover the question and its keys at 80x24.
        self.app.clear_notifications()

    def on_key(self, event: events.Key) -> None:
        # Every key answers, so nothing else (help, palette) can slip in between.
        event.stop()
        event.prevent_default()
        self.dismiss(event.key == "y")
