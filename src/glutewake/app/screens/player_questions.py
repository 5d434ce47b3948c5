"""The two questions a session can ask over the player: end it early? and how much does it hurt?

Each pauses the session while it is open and goes on afterwards unless the answer ends it.
They act on the player through `Playing`, what they need of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from glutewake.app.screens.confirm import ConfirmScreen
from glutewake.app.screens.pain_question import PainQuestion
from glutewake.app.views.finished import end_early_explanation
from glutewake.core.session_record import STOP_PAIN, record_reps, tally, with_pain_during

if TYPE_CHECKING:
    from textual.app import App

    from glutewake.app.services.coach import Coach
    from glutewake.app.services.record_keeper import RecordKeeper
    from glutewake.core.engine import Engine, Position
    from glutewake.core.records import Session
    from glutewake.core.timeline import Timeline

HURTS_BUT_GOES_ON = (
    "Up to 5 is usually thought acceptable during exercise, as long as it settles by the next "
    "morning. Go on gently, or end here. Stop at once if it turns sharp, and press h again if "
    "it gets worse."
)


class Playing(Protocol):
    """What the questions need of the player."""

    coach: Coach
    engine: Engine | None
    record: Session
    keeper: RecordKeeper
    timeline: Timeline

    @property
    def app(self) -> App[object]: ...

    def tick(self) -> None: ...

    def finish(self, position: Position, *, ended_early: bool, stopped: bool = False) -> None: ...


def paused_for_question(player: Playing) -> tuple[Engine, bool] | None:
    """Pause the session while a question is open: its engine and whether it was paused
    already (None when the session is over)."""
    engine = player.engine
    if engine is None:
        return None
    was_paused = engine.paused
    engine.pause()
    player.tick()
    return engine, was_paused


def go_on(player: Playing, was_paused: bool) -> None:
    """After a question that did not end the session: on as it was before it."""
    if not was_paused and player.engine is not None:
        player.engine.resume()
    player.tick()


def ask_end_early(player: Playing) -> None:
    """Ask before ending; paused while asking, going on unless the answer is `y`."""
    paused = paused_for_question(player)
    if paused is None:
        return
    engine, was_paused = paused

    def answered(end: bool | None) -> None:
        if end:
            player.finish(engine.position(), ended_early=True)
        else:
            go_on(player, was_paused)

    coach = player.coach
    so_far = record_reps(player.record, engine.position().reps_completed, coach.now())
    player.app.push_screen(
        ConfirmScreen(
            "End the session now?",
            end_early_explanation(so_far, tally(so_far, player.timeline), read_only=coach.read_only),
            yes="end it here",
            no="carry on",
        ),
        answered,
    )


def ask_how_much_it_hurts(player: Playing) -> None:
    """Pause and ask how much it hurts: 6 or more stops the session, less asks go on or end."""
    paused = paused_for_question(player)
    if paused is None:
        return
    was_paused = paused[1]

    def go_on_or_end(end: bool | None) -> None:
        if end and player.engine is not None:
            player.finish(player.engine.position(), ended_early=True)
        else:
            go_on(player, was_paused)

    def answered(pain: int | None) -> None:
        if pain is None or player.engine is None:
            go_on(player, was_paused)
            return
        player.record = with_pain_during(player.record, pain)
        if pain >= STOP_PAIN:
            player.finish(player.engine.position(), ended_early=True, stopped=True)
            return
        player.keeper.keep(player.record)
        player.app.push_screen(
            ConfirmScreen(
                f"It hurts {pain} of 10: noted with this session",
                HURTS_BUT_GOES_ON,
                yes="end the session here",
                no="go on",
            ),
            go_on_or_end,
        )

    player.app.push_screen(PainQuestion(), answered)
