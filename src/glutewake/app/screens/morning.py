"""The morning-after question over home: better, same or worse than before the last session,
and the pain this morning if the user likes. Asked once a day; escape skips it until tomorrow.

The answer goes to the journal through the coach; the standing advice (core) counts it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Static

from glutewake.app.keys import bindings_for, keys_for, typed_digit
from glutewake.app.messages import save
from glutewake.app.screens.finished import typed_pain
from glutewake.app.services.coach import Coach
from glutewake.app.widgets.key_line import KeyLine
from glutewake.core.morning import QUESTION
from glutewake.core.records import COMPARED, Compared

WHY = (
    "Pain or stiffness the morning after says most about whether a session was too much. "
    "Your answer guides the advice on home."
)
PAIN_PROMPT = "Pain this morning, if you like: type 0–10"
NUDGE = "Press b (better), s (same) or w (worse) first, then enter."


class MorningScreen(ModalScreen[None]):
    """b / s / w choose, digits give the pain, enter saves, escape skips until tomorrow."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("morning")

    compared: reactive[Compared | None] = reactive(None)
    """The answer chosen so far."""
    pain: reactive[str] = reactive("")
    """The pain typed so far ("" for none, else 0-10)."""

    def __init__(self, coach: Coach) -> None:
        super().__init__()
        self.coach = coach

    def compose(self) -> ComposeResult:
        with Vertical(id="morning-box"):
            yield Static(QUESTION, id="morning-question", markup=False)
            yield Static(id="morning-choices")
            yield Static(id="morning-pain")
            yield Static(WHY, id="morning-why", markup=False)
            yield KeyLine(tuple(key for key in keys_for("morning") if key.show), id="morning-keys")

    def on_mount(self) -> None:
        # Notices still on screen would cover the question and its keys at 80x24.
        self.app.clear_notifications()

    def watch_compared(self) -> None:
        text = Text()
        for word in COMPARED:
            chosen = word == self.compared
            label = f"{word[0]} {word}"  # the key is the word's first letter
            text.append(f"[{label}]" if chosen else f" {label} ", "bold reverse" if chosen else "")
            text.append("  ")
        self.query_one("#morning-choices", Static).update(text)

    def watch_pain(self) -> None:
        shown = f"[{self.pain}]" if self.pain else "–"
        self.query_one("#morning-pain", Static).update(Text.assemble(PAIN_PROMPT, "   ", (shown, "bold")))

    def action_answer(self, compared: Compared) -> None:
        self.compared = compared

    def action_clear_pain(self) -> None:
        self.pain = ""

    def on_key(self, event: events.Key) -> None:
        digit = typed_digit(event)
        if digit is not None:
            event.stop()
            self.pain = typed_pain(self.pain, digit)

    def action_save(self) -> None:
        compared = self.compared
        if compared is None:
            why = self.query_one("#morning-why", Static)
            why.update(NUDGE)
            why.add_class("-nudge")
            return
        pain = int(self.pain) if self.pain else None
        answer = save(self, lambda: self.coach.answer_morning(compared, pain))
        if answer is not None:
            said = "" if answer.pain is None else f", pain {answer.pain}"
            self.notify(f"Noted: {answer.compared}{said}.", title="This morning")
        self.dismiss()

    def action_skip(self) -> None:
        save(self, self.coach.morning_asked)
        self.dismiss()
