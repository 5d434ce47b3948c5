"""The session player: what to do now, readable from a mat two metres away.

Everything drawn is derived from the engine's position at the clock's time; the
interval timer only asks for a redraw. Each finished repetition updates the
session record, which the `RecordKeeper` saves off the event loop.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from glutewake.app.keys import bindings_for, keys_for
from glutewake.app.playback.cue_sounds import CueSounds
from glutewake.app.screens.coach_screen import CoachScreen
from glutewake.app.screens.player_questions import ask_end_early, ask_how_much_it_hurts
from glutewake.app.views.player import PlayerView, player_view, top_line
from glutewake.app.widgets.key_line import KeyLine
from glutewake.app.widgets.meter import Meter
from glutewake.app.widgets.note_line import NoteLine
from glutewake.app.widgets.stage import Stage
from glutewake.app.widgets.stage_plan import stage_plan
from glutewake.core.engine import CueChanged, Engine, Position, RepCompleted, SessionFinished
from glutewake.core.session_record import finish, record_reps, with_played

if TYPE_CHECKING:
    from glutewake.app.services.coach import Coach
    from glutewake.app.services.record_keeper import RecordKeeper
    from glutewake.core.records import Session
    from glutewake.core.settings import Settings
    from glutewake.core.timeline import Step, Timeline

REDRAWS_PER_SECOND = 15
# A change in any of these can change which lines fit.
LAYOUT_FIELDS = ("working", "how", "reminder", "next", "kind")
PLAYING_KEYS = keys_for("player")
# While paused, space goes on: the key line says so.
PAUSED_KEYS = tuple(
    replace(key, description="go on") if key.action == "pause" else key for key in PLAYING_KEYS
)


class PlayerScreen(CoachScreen[None]):
    """Plays `timeline` from `start_set` (or `start_step`), growing `record` as repetitions
    finish. A resumed record's reps count as done and its playing time carries on."""

    class Unsaved(Message):
        """Saving failed (posted from the saving thread): say so in the header, once."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("player")
    CSS_PATH = "../styles/player.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def __init__(
        self,
        coach: Coach,
        timeline: Timeline,
        record: Session,
        keeper: RecordKeeper,
        *,
        start_set: int = 1,
        start_step: int | None = None,
        settings: Settings,
    ) -> None:
        super().__init__(coach)
        self.timeline = timeline
        self.record = record
        self.keeper = keeper
        self.start_set = start_set
        self.start_step = start_step
        self.settings = settings
        self.played_before = record.played_seconds or 0.0
        """Playing time of the earlier parts of a resumed session."""
        self.over = False
        """The session has ended here (finished, or the app is closing)."""
        self.sounds: CueSounds | None = None
        self.engine: Engine | None = None
        self.shown: PlayerView | None = None
        self.timer: Timer | None = None
        self.boundary: Timer | None = None
        self.boundary_for: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="player-top"):
            yield Static(id="player-heading", markup=False)
            yield NoteLine(self.note_changed, id="player-note")
            yield Static(id="player-where", markup=False)
        yield Stage(id="stage")
        with Horizontal(id="player-bottom"):
            yield Meter("session", label_width=9, word_width=5, id="session")
            yield Static(id="bell", markup=False)
        yield KeyLine(PLAYING_KEYS, id="keys")

    def on_resize(self) -> None:
        if self.shown is not None:
            self.fit_stage(self.shown)
            self.fit_top_line(self.shown)

    def fit_stage(self, view: PlayerView) -> None:
        """Fit the window: block scales from its size, then the lines that give way."""
        width, height = self.size
        keys = self.query_one("#keys", KeyLine)
        plan = stage_plan(width, height, keys.get_content_height(self.size, self.size, width))
        self.query_one(Stage).fit(view, plan)

    def fit_top_line(self, view: PlayerView) -> None:
        note = self.query_one(NoteLine)
        heading, note_columns, where = top_line(view, self.size.width, note.showing)
        self.query_one("#player-heading", Static).update(heading)
        note.fit(note_columns)
        place = self.query_one("#player-where", Static)
        place.update(where)
        place.display = bool(where)  # its padding would take the name's last columns

    def on_mount(self) -> None:
        coach = self.coach
        clock = coach.clock
        # The sound output opens (once per session) before the session's clock starts, so
        # the first cue is not lost while the device wakes up.
        self.sounds = CueSounds.open(
            self.settings, coach.environ, lambda: self.app.bell(), coach.open_tones, clock
        )
        self.engine = Engine(
            self.timeline,
            clock,
            start_set=self.start_set,
            start_step=self.start_step,
            already=[record.reps for record in self.record.sets],
            starts_at=clock() + self.sounds.lead(clock()),
        )
        self.note("")
        if self.coach.read_only:
            self.note("READ-ONLY · nothing is being saved", lasting=True)
        self.tick()
        self.timer = self.set_interval(1 / REDRAWS_PER_SECOND, self.tick)

    # -- the beat ----------------------------------------------------------------------

    def tick(self) -> None:
        """Ask the engine what happened since the last tick, react, then redraw."""
        engine = self.engine
        if engine is None:
            return
        finished: Position | None = None
        reps_done = False
        for notice in engine.poll():
            if isinstance(notice, CueChanged):
                self.announce(notice.position.step)
            elif isinstance(notice, RepCompleted):
                reps_done = True
            elif isinstance(notice, SessionFinished):
                finished = notice.position
        if self.sounds is not None:
            now = engine.clock()
            self._tell(self.sounds.follow(engine, now))
            self.sounds.tick(now)
        position = engine.position()
        if reps_done and finished is None:
            self.record = self.played(record_reps(self.record, position.reps_completed, self.coach.now()))
            self.keeper.keep(self.record)
        if finished is not None:
            self.finish(finished, ended_early=False)
            return
        self.redraw(position)
        self.wake_at_next_cue(engine, position)

    def wake_at_next_cue(self, engine: Engine, position: Position) -> None:
        """One extra redraw right when the step ends, so a cue is never a frame late."""
        key = (position.step_index, len(engine.segments))
        if position.paused or key == self.boundary_for:
            return
        if self.boundary is not None:
            self.boundary.stop()
        self.boundary_for = key
        # A hair past the boundary, so the engine already answers with the next step.
        self.boundary = self.set_timer(position.step_remaining + 0.001, self.tick)

    @property
    def muted(self) -> bool:
        return self.sounds is not None and self.sounds.muted

    @property
    def sound_word(self) -> str:
        return self.sounds.state if self.sounds is not None else ""

    def announce(self, step: Step) -> None:
        """Make a new cue heard: its bell pattern and, when on, its words spoken."""
        if self.sounds is None or self.engine is None:
            return
        self._tell(self.sounds.cue(step, step.seconds, self.engine.clock()))

    def _tell(self, note: str | None) -> None:
        if note:
            self.note(note, seconds=8)

    def played(self, record: Session) -> Session:
        """`record` with the playing time of every part so far."""
        seconds = self.engine.played_seconds() if self.engine is not None else 0.0
        return with_played(record, self.played_before, seconds)

    # -- the header's one line of notices ------------------------------------------------
    def note(self, text: str, *, seconds: float | None = None, lasting: bool = False) -> None:
        """Show `text` in the header's line of notices (see `NoteLine.say`)."""
        self.query_one(NoteLine).say(text, seconds=seconds, lasting=lasting)

    def note_changed(self, note: str) -> None:
        if self.shown is not None:
            self.fit_top_line(self.shown)  # the name keeps its place beside the notice
        else:
            self.query_one(NoteLine).fit()

    def on_player_screen_unsaved(self, message: Unsaved) -> None:
        if self.coach.read_only:
            return  # the header already says nothing is being saved
        self.note(f"NOT SAVED · {message.reason}", lasting=True)

    def redraw(self, position: Position) -> None:
        """Bring the widgets up to date, touching only what changed (keeps CPU low)."""
        view = player_view(
            position,
            self.timeline,
            sound=self.sound_word,
            title=f"glutewake · {self.timeline.programme.name.upper()}",
        )
        before = self.shown
        if view == before:
            return
        self.shown = view

        def changed(name: str) -> bool:
            return before is None or getattr(before, name) != getattr(view, name)

        stage = self.query_one(Stage)
        stage.show_words(view, changed)
        if changed("bell"):
            self.query_one("#bell", Static).update(view.bell)
        if any(changed(name) for name in LAYOUT_FIELDS):
            self.fit_stage(view)
        if changed("heading") or changed("where"):
            self.fit_top_line(view)
        if changed("kind"):
            self.query_one("#keys", KeyLine).keys = PAUSED_KEYS if view.kind == "paused" else PLAYING_KEYS
        stage.show_breath(view)
        session = self.query_one("#session", Meter)
        session.fraction = round(view.progress, 3)
        session.word = f"{round(view.progress * 100)}%"
        if changed("kind") or changed("bell"):
            self.set_class(self.muted, "-muted")
            stage.show_state(view.kind)

    # -- keys --------------------------------------------------------------------------

    def action_pause(self) -> None:
        if self.engine is not None:
            self.engine.toggle_pause()
            self.tick()

    def action_next_set(self) -> None:
        if self.engine is not None:
            self.engine.next_set()
            self.tick()

    def action_back_set(self) -> None:
        if self.engine is not None:
            self.engine.back_to_set_start()
            self.tick()

    def action_mute(self) -> None:
        if self.sounds is None:
            return
        self.sounds.toggle_mute()
        word = self.sounds.state
        self.note(f"{word} for this session" if self.muted else word, seconds=2)
        self.shown = None
        self.tick()

    def action_end_session(self) -> None:
        ask_end_early(self)

    def action_it_hurts(self) -> None:
        ask_how_much_it_hurts(self)

    def on_screen_suspend(self) -> None:
        # Help, the palette or a question covers the player: time stops until space.
        if self.engine is not None:
            self.engine.pause()

    def on_unmount(self) -> None:
        # The app is closing mid-session (ctrl+q): keep what was done, and let it land.
        self.over = True
        if self.engine is not None:
            position = self.engine.position()
            self.record = self.played(record_reps(self.record, position.reps_completed, self.coach.now()))
            self.engine = None
            self.keeper.keep(self.record)
            self.keeper.close()
        if self.sounds is not None:
            self.sounds.close()

    # -- the end -----------------------------------------------------------------------

    def finish(self, position: Position, *, ended_early: bool, stopped: bool = False) -> None:
        """Save the record, `completed` by the completion rule (always `partial` when
        `stopped` because it hurt), and show the summary."""
        from glutewake.app.screens.finished import FinishedScreen

        if self.engine is None:
            return
        self.over = True
        for timer in (self.timer, self.boundary):
            if timer is not None:
                timer.stop()
        now = self.coach.now()
        ended = finish(self.record, self.timeline, position.reps_completed, now, stopped=stopped)
        self.record = self.played(ended)
        self.keeper.keep(self.record)
        seconds = self.record.played_seconds or 0.0
        sounds, self.sounds = self.sounds, None
        if sounds is not None and not ended_early:
            clock = self.engine.clock()
            self._tell(sounds.finished(clock, completed=self.record.status == "completed"))
            # The player leaves the screen now: the app rings the rest of the pattern, and
            # the sound output stays open until the closing chord has played.
            for delay in sounds.take_due(clock):
                self.app.set_timer(delay, self.app.bell)
            self.app.set_timer(sounds.linger(clock) + 0.2, sounds.close)
        elif sounds is not None:
            sounds.close()
        self.engine = None
        self.app.switch_screen(
            FinishedScreen(
                self.coach,
                self.record,
                self.timeline,
                self.keeper,
                seconds=seconds,
                ended_early=ended_early,
            )
        )
