"""The `h` question during a session: how much does it hurt, 0 to 10?"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Digits, Static

from glutewake.app.screens.finished import typed_pain


class PainQuestion(ModalScreen[int | None]):
    """Digits make the number, enter gives it, escape goes back without one."""

    def __init__(self) -> None:
        super().__init__()
        self.pain = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="pain-question"):
            yield Static("It hurts: how much, right now?", id="confirm-title", markup=False)
            yield Static(
                "0 is no pain at all, 10 the worst you can imagine. The session is paused.",
                id="confirm-text",
                markup=False,
            )
            with Horizontal(id="hurt-row"):
                yield Digits("", id="hurt")
                yield Static("/ 10", id="hurt-scale", markup=False)
            yield Static(
                "[b $accent]0–10[/] how much     [b $accent]enter[/] that's it     "
                "[b $accent]esc[/] back to the session",
                id="confirm-keys",
            )

    def on_mount(self) -> None:
        # Notices still on screen would cover the question and its keys at 80x24.
        self.app.clear_notifications()

    def on_key(self, event: events.Key) -> None:
        # Every key is the question's, so nothing else (help, palette) slips in between.
        event.stop()
        event.prevent_default()
        if event.character is not None and len(event.character) == 1 and event.character.isdigit():
            self.pain = typed_pain(self.pain, event.character)
            self.query_one("#hurt", Digits).update(self.pain)
        elif event.key == "backspace":
            self.pain = ""
            self.query_one("#hurt", Digits).update("")
        elif event.key == "enter" and self.pain:
            self.dismiss(int(self.pain))
        elif event.key == "escape":
            self.dismiss(None)
