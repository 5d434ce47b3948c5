"""The safety note shown before the very first session; Enter acknowledges it once."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from glutewake.app.keys import bindings_for, keys_for
from glutewake.app.screens.coach_screen import CoachScreen
from glutewake.app.widgets.key_line import KeyLine
from glutewake.app.widgets.title_bar import TitleBar

INTRO = (
    "glutewake talks you through a home exercise programme for the gluteus medius, the muscle on "
    "the outside of your hip that stops your pelvis sagging to one side, and writes down what you "
    "did. Think of it as a coach who keeps time and count, not a clinician: it cannot examine you, "
    "it never says what is wrong, and its advice comes only from the answers you give it."
)
RULES = (
    "Nobody who has seen your hip picked these exercises for you. Show them to a physical "
    "therapist or doctor first, and begin only once they agree.",
    "Stop at once if a movement brings sharp pain, and have it looked at before the next session.",
    "A pain of 6 or more during a session ends it: rest, and see a professional before you go on.",
    "Keep to the beginner phase until your hip has settled and the person treating it says you "
    "are ready for more.",
    "Pain that moves on to your knees, Achilles tendon, calves or feet means: see a professional, "
    "do not push through.",
)


def bullets(lines: tuple[str, ...]) -> Table:
    """Bulleted lines that wrap under their own text, not under the bullet."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=1)
    table.add_column()
    for line in lines:
        table.add_row("•", line)
    return table


class FirstRunScreen(CoachScreen[None]):
    """Shown until acknowledged; the date of acknowledgement is stored in settings.toml."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("first run")

    def compose(self) -> ComposeResult:
        yield TitleBar("before you start", today=self.coach.today())
        with VerticalScroll(id="first-run-body"):
            yield Static("Before you start", id="first-run-heading")
            yield Static(INTRO, id="first-run-intro", markup=False)
            yield Static(bullets(RULES), id="first-run-rules")
        yield KeyLine(keys_for("first run"), id="keys")

    def action_acknowledge(self) -> None:
        if self.save(self.coach.acknowledge) is None:
            self.app.notify("You will see this note again next time.", title="Not saved")
        self.dismiss()
