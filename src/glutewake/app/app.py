"""The Textual application: one screen stack, one action per thing the user can do."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, TypeVar

from textual.app import App
from textual.command import Provider
from textual.reactive import var
from textual.screen import Screen

from glutewake.app.keys import bindings_for
from glutewake.app.services.coach import Coach
from glutewake.errors import UserError

Result = TypeVar("Result")


def _coach_commands() -> type[Provider]:
    # Imported on first use of the palette: keeps the command palette off the start-up path.
    from glutewake.app.commands import CoachCommands

    return CoachCommands


class GlutewakeApp(App[None]):
    """The full-screen coach. Build it with `glutewake.app.create_app`."""

    TITLE = "glutewake"
    CSS_PATH = "styles/glutewake.tcss"
    BINDINGS: ClassVar = bindings_for("everywhere")
    COMMANDS: ClassVar = {_coach_commands}

    data_version: var[int] = var(0)
    """Bumped after every saved change, so screens showing saved data redraw."""

    def __init__(self, coach: Coach) -> None:
        self.coach = coach
        self.crash_report: str | None = None
        """What to tell the user on exit after an unexpected error (the traceback is logged)."""
        super().__init__()

    def get_default_screen(self) -> Screen[None]:
        from glutewake.app.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        profile = self.coach.profile()
        if profile.settings.theme in self.available_themes:
            self.theme = profile.settings.theme
        if profile.acknowledged_on is None:
            from glutewake.app.screens.first_run import FirstRunScreen

            self.push_screen(FirstRunScreen())

    def _handle_exception(self, error: Exception) -> None:
        # Textual would print a traceback (with locals) on exit; instead the traceback goes to
        # a crash log and `crash_report` names it, for the CLI to print once the terminal is
        # back. Closing still unmounts every screen, so the player keeps the reps done. The
        # first error is kept as Textual keeps it, so Pilot tests still see it raised.
        from glutewake.crash import debugging, report_crash

        if debugging(self.coach.environ):
            super()._handle_exception(error)
            return
        report = report_crash(error, self.coach.store.data_dir)
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
            self.crash_report = report
            self.panic()

    def save(self, change: Callable[[], Result]) -> Result | None:
        """Run one store write; a refusal or failure becomes a notification, never a traceback."""
        try:
            result = change()
        except UserError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=8)
            return None
        self.data_version += 1
        return result

    def action_start_session(self) -> None:
        from glutewake.app.flows.rest_gate import unless_resting
        from glutewake.app.flows.start import start_session

        unless_resting(self, lambda: start_session(self))

    def action_resume_session(self) -> None:
        from glutewake.app.flows.start import resume_session

        resume_session(self)

    def action_symptom_check(self) -> None:
        from glutewake.app.screens.symptom_check import SymptomCheckScreen

        self._open(SymptomCheckScreen)

    def action_history(self) -> None:
        from glutewake.app.screens.history import HistoryScreen

        self._open(HistoryScreen)

    def action_switch_phase(self) -> None:
        from glutewake.app.flows.phase import switch_phase

        switch_phase(self)

    def action_settings(self) -> None:
        from glutewake.app.screens.settings import SettingsScreen

        self._open(SettingsScreen)

    def action_help(self) -> None:
        from glutewake.app.screens.help import HelpScreen

        self._open(HelpScreen)

    def action_back(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()

    def _open(self, screen_type: type[Screen[None]]) -> None:
        if not isinstance(self.screen, screen_type):
            self.push_screen(screen_type())
