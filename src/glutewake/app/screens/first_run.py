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
    "glutewake paces a home programme for the gluteus medius, the muscle on the side of your "
    "hip that keeps your pelvis level, and keeps a record of what you did. It is a coach, not a "
    "clinician: it cannot examine you or diagnose anything, and its advice only reflects what "
    "you tell it."
)
RULES = (
    "Before your first session, ask a doctor or physical therapist whether these exercises "
    "suit you, and wait for their go-ahead.",
    "Stop straight away if you feel sharp pain, and have it checked before you carry on.",
    "Move up to the advanced phase only once your symptoms have eased and your doctor or "
    "physical therapist agrees.",
    "If trouble spreads to your knees, Achilles tendon, calves or feet, see a professional.",
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
