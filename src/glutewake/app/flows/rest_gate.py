"""Before a session: when the standing advice is to rest, say so and ask `y` to go on anyway."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from glutewake.app.views.home import rest_gate_title

if TYPE_CHECKING:
    from textual.app import App

    from glutewake.app.services.coach import Coach


def unless_resting(app: App[Any], coach: Coach, start: Callable[[], None]) -> None:
    """Run `start` at once, or, when the standing advice says rest, only after the user says `y`."""
    advice = coach.today_facts().advice  # the core rule, on every record it rests on
    if advice.level != "rest":
        start()
        return
    from glutewake.app.screens.confirm import ConfirmScreen

    def answered(yes: bool | None) -> None:
        if yes:
            start()
        else:
            app.notify("No session started. Rest well.", title="Resting")

    app.push_screen(
        ConfirmScreen(
            rest_gate_title(advice),
            f"{advice.reason}\n\nTraining through this can make it worse. Go on only if "
            "a doctor or physical therapist has told you it is fine, and stop at any sharp "
            "pain. When things change, do a new symptom check (c).",
            yes="start the session anyway",
            no="not now",
        ),
        answered,
    )
