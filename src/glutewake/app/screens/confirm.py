"""Questions over a screen: `Question`, their base, and the yes/no question (`y` says yes, any
other key says no)."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from glutewake.app.keys import bindings_for, key_with_id

YES = key_with_id("glutewake.confirm.yes")
OTHER = key_with_id("glutewake.confirm.other")
Answer = TypeVar("Answer")


class Question(ModalScreen[Answer]):
    """A question over the screen. Its own keys are priority bindings; every other key goes to
    `other_key` and no further, so nothing else (help, palette) can slip in between."""

    def on_mount(self) -> None:
        # Notices still on screen would cover the question and its keys at 80x24.
        self.app.clear_notifications()

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.other_key(event)

    def other_key(self, event: events.Key) -> None:
        """A key that is none of the question's own."""


class ConfirmScreen(Question[bool]):
    """Explains, then asks; dismisses with True only for `y`."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("confirm")

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
                f"[b $accent]{YES.shown_key}[/] {self.yes}     [b $accent]{OTHER.description}[/] {self.no}",
                id="confirm-keys",
            )

    def other_key(self, event: events.Key) -> None:
        self.dismiss(False)  # any key but `y` says no

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
