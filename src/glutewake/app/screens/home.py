"""Home: phase, today's plan and its length, streak, the last symptom check, the keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.widgets import Static

from glutewake.app.keys import Key, bindings_for, keys_for
from glutewake.app.messages import SavedDataChanged
from glutewake.app.screens.coach_screen import CoachScreen
from glutewake.app.views.home import interrupted_words, minutes, plan_lines
from glutewake.app.widgets.key_line import KeyLine
from glutewake.app.widgets.read_only_banner import ReadOnlyBanner
from glutewake.app.widgets.title_bar import TitleBar
from glutewake.core.advice import day_label
from glutewake.core.wording import counted
from glutewake.errors import UserError

if TYPE_CHECKING:
    from glutewake.app.services.coach import TodayFacts
    from glutewake.core.advice import StandingAdvice
    from glutewake.core.records import Session
    from glutewake.core.settings import Profile


# From this many rows home also says where `r` goes on in a whole sentence.
ROOM_FOR_INTERRUPTED = 24


class HomeScreen(CoachScreen[None]):
    """What today holds, refreshed whenever the screen comes back into view."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("home")

    resumable = False
    """Whether today holds an interrupted session to go on with (`r resume`), as last read."""

    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]

    def compose(self) -> ComposeResult:
        self.set_class(self.coach.read_only, "-read-only")
        yield TitleBar(today=self.coach.today())
        if self.coach.read_only:
            yield ReadOnlyBanner(self.coach.problems)
        with Vertical(id="home-body"):
            with Horizontal(id="status"):
                yield Static(id="phase")
                yield Static(id="streak")
            yield Static(id="plan")
            yield Static(id="interrupted", markup=False)
            yield Static(id="last-check")
            yield Static(id="last-check-reason", markup=False)
            yield Static(
                "Stop if anything hurts sharply, and see a doctor or physical therapist before you go on.",
                id="caution",
                markup=False,
            )
        yield KeyLine(self._keys(), id="keys")

    def on_saved_data_changed(self, message: SavedDataChanged) -> None:
        self.refresh_facts()

    def on_screen_resume(self) -> None:
        # Also sent when home is first shown, so this is the first read too.
        self.refresh_facts()
        # What changed while another screen was on top (a streak line grown from "1 day" to
        # "2 days") was laid out for a screen not shown: lay home out again, or in a real
        # terminal the streak keeps its old width and wraps.
        self.refresh(layout=True)

    def refresh_facts(self) -> None:
        """Read the profile and today's facts again (a few months, not the whole journal)
        and redraw every panel."""
        coach = self.coach
        profile = coach.profile()
        facts = coach.today_facts()
        journal = facts.journal
        interrupted = coach.resumable_session(journal)
        self.resumable = interrupted is not None
        self.query_one(TitleBar).show_day(coach.today())
        self._show_interrupted(profile, interrupted)
        self._show_phase(profile)
        self._show_streak(facts)
        self._show_plan(profile)
        self._show_check(facts.advice)
        self.query_one("#keys", KeyLine).keys = self._keys(self.resumable)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume_session":
            return self.resumable
        return True

    def _keys(self, resumable: bool = False) -> tuple[Key, ...]:
        shown = [key for key in keys_for("home") if key.action != "app.resume_session"]
        if resumable:
            resume = next(k for k in keys_for("home") if k.action == "app.resume_session")
            shown.insert(1, resume)
        help_key = keys_for("everywhere")[0]
        return (*shown[:-1], help_key, shown[-1])

    def _show_phase(self, profile: Profile) -> None:
        self.query_one("#phase", Static).update(f"[b]PHASE[/b]  [b $accent]{profile.phase.upper()}[/]")

    def _show_streak(self, facts: TodayFacts) -> None:
        if facts.today_done:
            today = "[b]done[/b] ✓"
        else:
            today = "[b]interrupted[/b] · r goes on" if self.resumable else "not done yet"
        self.query_one("#streak", Static).update(
            f"streak  [b]{counted(facts.streak.current, 'day')}[/b]   "
            f"longest  [b]{counted(facts.streak.longest, 'day')}[/b]\n"
            f"today   {today}"
        )

    def on_resize(self) -> None:
        self._fit_interrupted()

    def _fit_interrupted(self) -> None:
        # The whole sentence when there is room; the status line says it in two words anyway.
        line = self.query_one("#interrupted", Static)
        line.display = self.resumable and self.size.height >= ROOM_FOR_INTERRUPTED

    def _show_interrupted(self, profile: Profile, record: Session | None) -> None:
        line = self.query_one("#interrupted", Static)
        self._fit_interrupted()
        if record is None:
            line.update("")
            return
        line.update(interrupted_words(record, self.coach.timeline_played(profile, record)))

    def _show_plan(self, profile: Profile) -> None:
        plan = self.query_one("#plan", Static)
        try:
            timeline = self.coach.timeline(profile)
        except UserError as error:
            plan.update(f"[b]Today's session[/b]\n  cannot be prepared: {escape(str(error))}")
            return
        seconds = timeline.count_seconds
        pace = f" · {seconds:g} s per count" if seconds != 1 else ""
        heading = Text.from_markup(
            f"[b]Today's session[/b]  {escape(timeline.programme.name)} · "
            f"{minutes(timeline.total_seconds)}{pace}"
        )
        # Each line a grid of two columns, so a line that wraps (the stretches on a narrow
        # window) goes on under its own words rather than back at the margin.
        rows = []
        for name, what in plan_lines(timeline):
            row = Table.grid(padding=(0, 0, 0, 2))
            row.add_column(no_wrap=True)
            row.add_column(style="dim")
            row.add_row(f"  {name}", what)
            rows.append(row)
        plan.update(Group(heading, *rows))

    def _show_check(self, advice: StandingAdvice) -> None:
        panel = self.query_one("#last-check", Static)
        reason = self.query_one("#last-check-reason", Static)
        check = advice.check
        when = "none yet" if advice.check_day is None else day_label(advice.check_day)
        level = "" if advice.level is None else f" · [b]{advice.word}[/b]"
        panel.update(f"[b]Last check[/b]  {when}{level}")
        hint = " Press c to record how your hip feels; the advice helps you pick a phase."
        reason.update(advice.reason + (hint if check is None else ""))
