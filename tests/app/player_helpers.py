"""Driving the player in Pilot tests: a fake clock through the factory, ticks on demand."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from glutewake.app.app import GlutewakeApp
from glutewake.app.screens.player import PlayerScreen
from glutewake.app.views.player import PlayerView
from glutewake.core.records import Session
from glutewake.store import Store
from tests.helpers import FakeClock

from .helpers import make_app


@dataclass
class Rig:
    """The app under test, its fake clock, and what it rang and saved."""

    app: GlutewakeApp
    clock: FakeClock
    store: Store
    bells: list[float] = field(default_factory=list)
    saved: list[Session] = field(default_factory=list)

    @property
    def player(self) -> PlayerScreen:
        screen = self.app.screen
        assert isinstance(screen, PlayerScreen), f"expected the player, found {screen!r}"
        return screen

    @property
    def view(self) -> PlayerView:
        self.player.tick()
        view = self.player.shown
        assert view is not None
        return view

    def advance(self, seconds: float) -> None:
        """Move the clock on and let the player see it, as its timer would."""
        self.clock.advance(seconds)
        if isinstance(self.app.screen, PlayerScreen):
            self.app.screen.tick()

    def written(self) -> Session:
        """The session as the store holds it, once pending saves have landed."""
        sessions = self.store.read_journal().sessions
        assert sessions, "nothing saved"
        return sessions[-1]


def rig(data_dir: Path, store: Store, **options: Any) -> Rig:
    """An app on `data_dir` with a fake clock; bells and saves are recorded."""
    clock = FakeClock()
    app = make_app(data_dir, clock=clock, **options)
    result = Rig(app, clock, store)
    app.bell = lambda: result.bells.append(clock.now)  # type: ignore[method-assign]
    real_save: Callable[[Session], None] = app.coach.save_session

    def save(session: Session) -> None:
        real_save(session)
        result.saved.append(session)

    app.coach.save_session = save  # type: ignore[method-assign]
    return result


async def settle(pilot: Pilot[None], rig: Rig) -> None:
    """Let saves land and screens change before looking."""
    screen = rig.app.screen
    keeper = getattr(screen, "keeper", None)
    if keeper is not None:
        assert keeper.flush()
    await rig.app.workers.wait_for_complete()
    await pilot.pause()


@asynccontextmanager
async def playing(
    data_dir: Path, store: Store, after: float = 0.0, **options: Any
) -> AsyncIterator[tuple[Rig, Pilot[None]]]:
    """Today's session started with `s` on a fresh 80×24 app, its clock `after` seconds on."""
    r = rig(data_dir, store, **options)
    async with r.app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        if after:
            r.advance(after)
        yield r, pilot


async def leave_finished(pilot: Pilot[None], rig: Rig) -> Session:
    """Escape from the finished screen without a pain score; the session as it was saved."""
    await pilot.press("escape")
    await settle(pilot, rig)
    return rig.written()
