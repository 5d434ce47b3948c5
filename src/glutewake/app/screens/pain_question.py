"""The `h` question during a session: how much does it hurt, 0 to 10?"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from glutewake.app.keys import bindings_for, keys_for, typed_digit
from glutewake.app.screens.confirm import Question
from glutewake.app.screens.finished import typed_pain


class PainQuestion(Question[int | None]):
    """Digits make the number, enter gives it, escape goes back without one."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("hurts")

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
                "     ".join(
                    f"[b $accent]{key.shown_key}[/] {key.description}"
                    for key in keys_for("hurts")
                    if key.show
                ),
                id="confirm-keys",
            )

    def other_key(self, event: events.Key) -> None:
        digit = typed_digit(event)
        if digit is not None:
            self.pain = typed_pain(self.pain, digit)
            self.query_one("#hurt", Digits).update(self.pain)

    def action_clear_pain(self) -> None:
        self.pain = ""
        self.query_one("#hurt", Digits).update("")

    def action_give(self) -> None:
        if self.pain:
            self.dismiss(int(self.pain))

    def action_back(self) -> None:
        self.dismiss(None)
