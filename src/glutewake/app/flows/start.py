"""The `s` and `r` keys: start today's session, or go on with today's interrupted one."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from glutewake.app.services.record_keeper import RecordKeeper
from glutewake.core.session_record import fits, resume_set, start_record
from glutewake.core.timeline import Timeline, compile_timeline
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
    _play(app, coach, timeline, record, profile, start_set=1)


def resume_session(app: App[Any], coach: Coach) -> None:
    """Go on with today's interrupted session from the start of the set it stopped in."""
    record = coach.resumable_session(coach.today_facts().journal)
    if record is None:
        app.notify("There is no unfinished session from today to go on with.", title="Nothing to resume")
        return
    profile = coach.profile()
    timeline = timeline_for(coach, profile, record)
    if timeline is None:
        app.notify(
            f"Today's unfinished session played the programme {record.programme!r}, which "
            "cannot be prepared the same way now. Press s to start a new session.",
            title="Cannot resume",
            severity="warning",
            timeout=8,
        )
        return
    _play(app, coach, timeline, record, profile, start_set=resume_set(record))


def timeline_for(coach: Coach, profile: Profile, record: Session) -> Timeline | None:
    """The timeline `record` was played from: today's plan, or the built-in it names."""
    from glutewake.programmes import BUILTIN_NAMES, load_programme

    candidates: list[Timeline] = []
    with suppress(UserError):
        candidates.append(coach.timeline(profile))
    if record.programme in BUILTIN_NAMES:
        candidates.append(compile_timeline(load_programme(record.programme), coach.settings(profile)))
    return next((timeline for timeline in candidates if fits(record, timeline)), None)


def _play(
    app: App[Any], coach: Coach, timeline: Timeline, record: Session, profile: Profile, *, start_set: int
) -> None:
    from glutewake.app.screens.finished import FinishedScreen
    from glutewake.app.screens.player import PlayerScreen

    if any(isinstance(screen, PlayerScreen | FinishedScreen) for screen in app.screen_stack):
        app.notify("A session is already under way.", title="Session")
        return
    keeper = RecordKeeper(coach.save_session, _failure_notice(app), coach.store.data_dir)
    keeper.keep(record)
    settings = coach.settings(profile)
    app.push_screen(PlayerScreen(coach, timeline, record, keeper, start_set=start_set, settings=settings))


def _failure_notice(app: App[Any]) -> Callable[[UserError], None]:
    """Tell the user once per session that saving failed. Runs on the saving thread:
    `notify` only posts a message (thread-safe), so the saver never waits for the screen."""
    told: set[str] = set()

    def show(error: UserError) -> None:
        if str(error) in told:
            return
        told.add(str(error))
        app.notify(
            f"{error}. The session goes on, but is not being recorded.",
            title="Not saved",
            severity="error",
            timeout=10,
        )

    return show
