"""The `p` key: beginner ↔ advanced, asking first when the advice says not yet."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from glutewake.app.messages import save
from glutewake.app.views.home import why_not_advanced

if TYPE_CHECKING:
    from textual.app import App

    from glutewake.app.services.coach import Coach


def switch_phase(app: App[Any], coach: Coach) -> None:
    """Go back to beginner at once; go up to advanced at once only if the standing advice says so."""
    if coach.profile().phase == "advanced":
        _set(app, coach, "beginner")
        return
    advice = coach.today_facts().advice  # the core rule, on every record it rests on
    if advice.level == "advanced":
        _set(app, coach, "advanced")
        return
    from glutewake.app.screens.confirm import ConfirmScreen

    def answered(yes: bool | None) -> None:
        if yes:
            _set(app, coach, "advanced")
        else:
            app.notify("You are still in the beginner phase.", title="Phase unchanged")

    app.push_screen(
        ConfirmScreen(
            "Switch to the advanced phase?",
            why_not_advanced(advice),
            yes="switch to advanced anyway",
            no="stay with beginner",
        ),
        answered,
    )


def _set(app: App[Any], coach: Coach, phase: str) -> None:
    if save(app, lambda: coach.set_phase(phase)) is not None:
        app.notify(f"You are now in the {phase} phase.", title=f"Phase: {phase.upper()}")
