"""The `s` and `r` keys: start today's session, or go on with today's interrupted one.

Both go through the same gates: the advice (`flows.rest_gate`, in the app's actions) and,
in read-only mode, a question saying that nothing will be saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from glutewake.app.screens.player import PlayerScreen
from glutewake.app.services.record_keeper import RecordKeeper
from glutewake.core.session_record import resume_point, start_record
from glutewake.core.timeline import Timeline
from glutewake.errors import UserError

if TYPE_CHECKING:
    from textual.app import App

    from glutewake.app.services.coach import Coach
    from glutewake.core.records import Session
    from glutewake.core.settings import Profile


def start_session(app: App[Any], coach: Coach) -> None:
    """Play today's programme from the start, as a new record saved as partial right away."""
    profile = coach.profile()
    try:
        timeline = coach.timeline(profile)
    except UserError as error:
        app.notify(str(error), title="Cannot start the session", severity="error", timeout=8)
        return
    record = start_record(timeline, phase=profile.phase, started_at=coach.now())
    _play(app, coach, timeline, record, profile, start_step=0)


def resume_session(app: App[Any], coach: Coach) -> None:
    """Go on with today's interrupted session at the repetition it stopped in, after a short
    get-ready countdown (at a set's first repetition, the set's own countdown)."""
    record = coach.resumable_session(coach.today_facts().journal)
    if record is None:
        app.notify("There is no unfinished session from today to go on with.", title="Nothing to resume")
        return
    profile = coach.profile()
    timeline = coach.timeline_played(profile, record)
    if timeline is None:
        app.notify(
            f"Today's unfinished session played the programme {record.programme!r}, which "
            "cannot be prepared the same way now. Press s to start a new session.",
            title="Cannot resume",
            severity="warning",
            timeout=8,
        )
        return
    set_number, rep = resume_point(record)
    resumed, start_step = timeline.resume_at(set_number, rep)
    _play(app, coach, resumed, record, profile, start_step=start_step)


def _play(
    app: App[Any], coach: Coach, timeline: Timeline, record: Session, profile: Profile, *, start_step: int
) -> None:
    from glutewake.app.screens.finished import FinishedScreen

    if any(isinstance(screen, PlayerScreen | FinishedScreen) for screen in app.screen_stack):
        app.notify("A session is already under way.", title="Session")
        return
    if not coach.read_only:
        _open_player(app, coach, timeline, record, profile, start_step)
        return
    from glutewake.app.screens.confirm import ConfirmScreen

    def answered(yes: bool | None) -> None:
        if yes:
            _open_player(app, coach, timeline, record, profile, start_step)

    app.push_screen(
        ConfirmScreen(
            "Nothing will be saved",
            "A data file could not be read (see home), so glutewake is read-only this run: "
            "you can follow the session, but its reps, its pain scores and its place in your "
            "streak will not be kept. To keep them, fix the file first (home says how).",
            yes="play it anyway, without saving",
            no="back to home",
        ),
        answered,
    )


def _open_player(
    app: App[Any], coach: Coach, timeline: Timeline, record: Session, profile: Profile, start_step: int
) -> None:
    player: list[PlayerScreen] = []
    keeper = RecordKeeper(coach.save_session, _failure_notice(app, coach, player), coach.store.data_dir)
    settings = coach.settings(profile)
    screen = PlayerScreen(coach, timeline, record, keeper, start_step=start_step, settings=settings)
    player.append(screen)
    keeper.keep(record)
    app.push_screen(screen)


def _failure_notice(app: App[Any], coach: Coach, player: list[PlayerScreen]) -> Callable[[UserError], None]:
    """Tell the user once per problem that saving failed: in the player's header while it
    plays (never a notice over it), else as a notice. Runs on the saving thread: both only
    post a message (thread-safe), so the saver never waits for the screen."""
    told: set[str] = set()

    def show(error: UserError) -> None:
        if str(error) in told:
            return
        told.add(str(error))
        playing = next((screen for screen in player if not screen.over), None)
        if playing is not None:
            playing.post_message(PlayerScreen.Unsaved(str(error)))
            return
        if coach.read_only:
            return  # said before the session started, and on the finished screen
        app.notify(
            f"{error}. The session goes on, but is not being recorded.",
            title="Not saved",
            severity="error",
            timeout=10,
        )

    return show
