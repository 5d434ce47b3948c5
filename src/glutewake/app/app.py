"""The Textual application: one screen stack, one action per thing the user can do."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import App
from textual.binding import BindingType
from textual.command import Provider
from textual.geometry import Size
from textual.screen import Screen

from glutewake.app.keys import bindings_for
from glutewake.app.messages import DataSaved, SavedDataChanged, save
from glutewake.app.screens.coach_screen import CoachScreen
from glutewake.app.services.coach import Coach


def _coach_commands() -> type[Provider]:
    # Imported on first use of the palette: keeps the command palette off the start-up path.
    from glutewake.app.commands import CoachCommands

    return CoachCommands


class GlutewakeApp(App[None]):
    """The full-screen coach. Build it with `glutewake.app.create_app`."""

    TITLE = "glutewake"
    CSS_PATH = "styles/glutewake.tcss"
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("everywhere")
    COMMANDS: ClassVar = {_coach_commands}

    def __init__(self, coach: Coach) -> None:
        self.coach = coach
        self.crash_report: str | None = None
        """What to tell the user on exit after an unexpected error (the traceback is logged)."""
        super().__init__()

    def get_default_screen(self) -> Screen[None]:
        from glutewake.app.screens.home import HomeScreen

        return HomeScreen(self.coach)

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, lambda _screen: self.guard_size())
        self.guard_size()
        self.show_store_notes()
        profile = self.coach.profile()
        if profile.settings.theme in self.available_themes:
            self.theme = profile.settings.theme
        if profile.acknowledged_on is None:
            from glutewake.app.screens.first_run import FirstRunScreen

            self.push_screen(FirstRunScreen(self.coach))
        elif self.coach.morning_question_due():
            from glutewake.app.screens.morning import MorningScreen

            self.push_screen(MorningScreen(self.coach))

    def on_resize(self, event: events.Resize) -> None:
        # Runs before Textual's own handler has taken the new size: use the event's.
        self.guard_size(event.size)

    def guard_size(self, size: Size | None = None) -> None:
        """Below the smallest size that works, every screen says so instead of breaking."""
        from glutewake.app.widgets.too_small import guard

        if not self.screen_stack:  # the app is closing: the last screen has gone
            return
        guard(self.screen, size or self.size)

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

    @on(DataSaved)
    def _read_again(self) -> None:
        """A change reached the store: every open screen showing saved data reads it again."""
        self.show_store_notes()
        for screen in self.screen_stack:
            screen.post_message(SavedDataChanged())

    def show_store_notes(self) -> None:
        """Each note the store left (the data folder made private) as a notification, once."""
        while self.coach.notes:
            self.notify(self.coach.notes.pop(0).removeprefix("note: "), timeout=10)

    def action_start_session(self) -> None:
        from glutewake.app.flows.rest_gate import unless_resting
        from glutewake.app.flows.start import start_session

        unless_resting(self, self.coach, lambda: start_session(self, self.coach))

    def action_resume_session(self) -> None:
        from glutewake.app.flows.rest_gate import unless_resting
        from glutewake.app.flows.start import resume_session

        unless_resting(self, self.coach, lambda: resume_session(self, self.coach))

    def action_symptom_check(self) -> None:
        from glutewake.app.screens.symptom_check import SymptomCheckScreen

        self._open(SymptomCheckScreen)

    def action_history(self) -> None:
        from glutewake.app.screens.history import HistoryScreen

        self._open(HistoryScreen)

    def action_switch_phase(self) -> None:
        from glutewake.app.flows.phase import switch_phase

        switch_phase(self, self.coach)

    def action_settings(self) -> None:
        from glutewake.app.screens.settings import SettingsScreen

        self._open(SettingsScreen)

    def action_change_theme(self) -> None:
        """The palette's theme list (Textual's own, but the theme chosen is saved, as in settings)."""
        from textual.command import CommandPalette

        from glutewake.app.commands import theme_commands

        self.push_screen(
            CommandPalette(providers=[theme_commands(self.pick_theme)], placeholder="Search for themes…")
        )

    def pick_theme(self, name: str) -> None:
        """Use the theme `name` now and save it, so the next start opens with it too."""
        self.theme = name
        save(self, lambda: self.coach.change_settings(theme=name))

    def action_help(self) -> None:
        from glutewake.app.screens.help import HelpScreen

        self._open(HelpScreen)

    async def action_back(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()

    def _open(self, screen_type: type[CoachScreen[None]]) -> None:
        if not isinstance(self.screen, screen_type):
            self.push_screen(screen_type(self.coach))
