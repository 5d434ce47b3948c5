"""The middle of the player: the cue, the big number, how to lie or stand, the breath bar and
what comes next, coloured by what the body does now."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from glutewake.app.views.player import PlayerView
from glutewake.app.widgets.big_count import BigCount
from glutewake.app.widgets.cue_line import CueLine
from glutewake.app.widgets.meter import Meter
from glutewake.app.widgets.stage_plan import StagePlan, fill

# The view's lines about the exercise, each shown as it is in the widget of that id.
ABOUT_FIELDS = ("working", "how", "reminder")
# The stage's class for each kind of step (`-inhale`, …), which its colours follow.
STATE_CLASSES = (
    "inhale",
    "exhale",
    "hold",
    "return",
    "prepare",
    "switch",
    "rest",
    "stretch",
    "transition",
    "paused",
    "finished",
)


class Stage(Vertical):
    """Shows a `PlayerView`; the lines that give way come and go as the window allows."""

    def compose(self) -> ComposeResult:
        yield CueLine(id="cue")
        yield BigCount(id="big-number")
        with Vertical(id="about"):
            for name in ABOUT_FIELDS:
                yield Static(id=name, markup=False)
        yield Meter("breath", id="breath")
        yield Static(id="next", markup=False)

    def fit(self, view: PlayerView, plan: StagePlan) -> None:
        """Block scales from the plan, then the lines that give way and the air between."""
        self.query_one("#cue", CueLine).scale = plan.cue_scale
        self.query_one("#big-number", BigCount).scale = plan.number_scale
        texts = {
            "working": view.working,
            "how": view.how,
            "reminder": view.reminder,
            "next": f"next  {view.next}",
        }
        needs = {name: len(textwrap.wrap(text, plan.inner_width)) for name, text in texts.items()}
        room = fill(plan, needs, breath=view.breath is not None)
        for name in ("working", "how", "reminder", "next"):
            self.query_one(f"#{name}", Static).display = name in room.shown
        self.query_one("#about").display = bool(room.shown & {"working", "how", "reminder"})
        cue = self.query_one("#cue", CueLine)
        cue.styles.padding = (room.band, 0)
        after_cue, after_number, before_breath, after_breath = room.gaps
        cue.styles.margin = (0, 0, after_cue, 0)
        self.query_one("#big-number", BigCount).styles.margin = (0, 0, after_number, 0)
        self.query_one("#breath", Meter).styles.margin = (before_breath, 0, after_breath, 0)

    def show_words(self, view: PlayerView, changed: Callable[[str], bool]) -> None:
        """The cue, the big number and the lines whose view fields `changed`."""
        for name in ABOUT_FIELDS:
            if changed(name):
                self.query_one(f"#{name}", Static).update(getattr(view, name))
        if changed("cue") or changed("cue_forms"):
            cue = self.query_one("#cue", CueLine)
            cue.cue, cue.forms = view.cue, view.cue_forms
        if changed("big_number") or changed("big_label") or changed("side"):
            count = self.query_one("#big-number", BigCount)
            count.number = view.big_number
            loud = view.big_label.startswith("/")
            count.loud = (view.big_label, view.side) if loud else (view.side,)
            count.quiet = () if loud else (view.big_label,)
        if changed("next"):
            self.query_one("#next", Static).update(f"next  {view.next}")

    def show_breath(self, view: PlayerView) -> None:
        breath = self.query_one("#breath", Meter)
        breath.display = view.breath is not None
        breath.fraction = round(view.breath or 0.0, 3)
        breath.word = view.breath_word

    def show_state(self, kind: str) -> None:
        for state in STATE_CLASSES:
            self.set_class(state == kind, f"-{state}")
