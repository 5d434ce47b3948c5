"""After a session: what was done, and a quick "pain now, 0–10" stored with it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from glutewake.app.keys import bindings_for, key_with_id, typed_digit
from glutewake.app.messages import DataSaved
from glutewake.app.screens.coach_screen import CoachScreen
from glutewake.app.views.finished import finished_heading, outcome_line
from glutewake.app.views.player import clock_time
from glutewake.app.widgets.cue_line import CueLine
from glutewake.app.widgets.key_line import KeyLine
from glutewake.app.widgets.stage_plan import stage_plan
from glutewake.app.widgets.title_bar import TitleBar
from glutewake.core.session_record import STOP_PAIN, tally, with_pain

if TYPE_CHECKING:
    from glutewake.app.services.coach import Coach
    from glutewake.app.services.record_keeper import RecordKeeper
    from glutewake.core.records import Session
    from glutewake.core.timeline import Timeline

SAVE = key_with_id("glutewake.finished.save")
SKIP = key_with_id("glutewake.finished.skip")
DIGITS = key_with_id("glutewake.finished.digits")


def typed_pain(before: str, digit: str) -> str:
    """The number after typing `digit`: `1` then `0` makes 10; anything past 10 starts over."""
    candidate = before + digit
    if before and before != "0" and int(candidate) <= 10:
        return candidate
    return digit


class FinishedScreen(CoachScreen[None]):
    """The summary; digits then Enter store "pain now" as `pain_after`, Escape skips."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("finished")
    CSS_PATH = "../styles/player.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]

    def __init__(
        self,
        coach: Coach,
        record: Session,
        timeline: Timeline,
        keeper: RecordKeeper,
        *,
        seconds: float,
        ended_early: bool,
    ) -> None:
        super().__init__(coach)
        self.record = record
        self.timeline = timeline
        self.keeper = keeper
        self.seconds = seconds
        self.ended_early = ended_early
        self.pain = ""
        self.leaving = False
        self.heading_forms = finished_heading(record, ended_early=ended_early)
        self.heading = self.heading_forms[0]

    def compose(self) -> ComposeResult:
        yield TitleBar(self.timeline.programme.name, today=self.coach.today())
        with Vertical(id="finished-body"):
            partial = self.record.status != "completed"
            yield CueLine(id="finished-heading", classes="-early" if partial else "")
            yield Static(self.summary(), id="finished-summary", markup=False)
            yield Static(
                "How does your hip feel right now? 0 is no pain at all, 10 the worst you can imagine.",
                id="pain-question",
                markup=False,
            )
            with Horizontal(id="pain-row"):
                yield Digits("", id="pain")
                yield Static("/ 10   type a number, then enter", id="pain-hint", markup=False)
        yield KeyLine((DIGITS, SAVE, SKIP), id="keys")

    def on_mount(self) -> None:
        heading = self.query_one("#finished-heading", CueLine)
        heading.cue, heading.forms = self.heading, self.heading_forms
        self.on_resize()

    def on_resize(self) -> None:
        # The headline as big as the player's cue at this size.
        self.query_one("#finished-heading", CueLine).scale = stage_plan(*self.size).cue_scale

    def summary(self) -> str:
        record = self.record
        counted = tally(record, self.timeline)
        read_only = self.coach.read_only
        lines = [outcome_line(record, counted, ended_early=self.ended_early, read_only=read_only)]
        if counted.target:
            lines.append(f"reps        {counted.reps} of {counted.target}")
        if counted.stretches:
            lines.append(f"stretches   {counted.stretches_done} of {counted.stretches}")
        lines.append(f"time        {clock_time(self.seconds)}")
        stopped = record.pain_during is not None and record.pain_during >= STOP_PAIN
        if record.status == "partial" and not read_only and not stopped:
            lines.append("press r on the home screen to go on with it today")
        return "\n".join(lines)

    def on_key(self, event: events.Key) -> None:
        digit = typed_digit(event)
        if digit is not None:
            event.stop()
            self.pain = typed_pain(self.pain, digit)
            self.query_one("#pain", Digits).update(self.pain)

    def action_clear_pain(self) -> None:
        self.pain = ""
        self.query_one("#pain", Digits).update("")

    def action_save_pain(self) -> None:
        self.leave(int(self.pain) if self.pain else None)

    def action_skip_pain(self) -> None:
        self.leave(None)

    def leave(self, pain: int | None) -> None:
        if self.leaving:
            return
        self.leaving = True
        if pain is not None:
            self.record = with_pain(self.record, pain)
            self.keeper.keep(self.record)
        self.write_then_go_home()

    @work(thread=True, exclusive=True, group="finish")
    def write_then_go_home(self) -> None:
        # Home reads the journal as it comes back: let the last write land first.
        self.keeper.close()
        self.app.call_from_thread(self.go_home)

    def on_unmount(self) -> None:
        # Closing the app from here still writes what is pending.
        self.keeper.close()

    def go_home(self) -> None:
        # The saving thread wrote the record: home reads it again.
        self.app.post_message(DataSaved())
        self.app.pop_screen()
