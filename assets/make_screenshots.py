"""Make the README's screenshots: home, player, symptom check and history, as SVG.

    .venv/bin/python assets/make_screenshots.py [--output DIR]

Each screenshot is the app itself (built by `glutewake.app.create_app`) on a temporary
data dir filled through the store, with the date frozen at Wednesday 25 November 2026,
07:30 (UTC+1) and a fake session clock, so running it twice gives identical files.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

from textual.pilot import Pilot

from glutewake.app import create_app
from glutewake.app.app import GlutewakeApp
from glutewake.core.records import Session, SetRecord, SymptomCheck
from glutewake.core.settings import Settings
from glutewake.store import Store

SIZE = (100, 30)
TZ = dt.timezone(dt.timedelta(hours=1))
NOW = dt.datetime(2026, 11, 25, 7, 30, tzinfo=TZ)
TODAY = NOW.date()
NAMES = ("home", "player", "symptom-check", "history")
Drive = Callable[[Pilot[None], "FakeClock"], Awaitable[None]]


class FakeClock:
    """The session clock: it moves only when the script says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _ids() -> Callable[[], str]:
    # Fixed record ids: the data dir (and so every screen) is the same on every run.
    count = iter(range(1, 1000))
    return lambda: f"screenshot-{next(count):04d}"


def _session(
    day: dt.date, record_id: str, *, advanced: bool = False, pain_after: int | None = None
) -> Session:
    started = dt.datetime.combine(day, dt.time(7, 15), TZ)
    if advanced:
        sets: tuple[SetRecord, ...] = (SetRecord("wall-mini-squat", None, 10, 10),)
    else:
        sets = (
            SetRecord("side-lying-hip-abduction", "left", 10, 10),
            SetRecord("side-lying-hip-abduction", "right", 10, 10),
        )
    return Session(
        id=record_id,
        programme="advanced" if advanced else "beginner",
        phase="advanced" if advanced else "beginner",
        started_at=started,
        status="completed",
        source="app",
        sets=sets,
        ended_at=started + dt.timedelta(minutes=7),
        pain_after=pain_after,
    )


def _check(
    at: dt.datetime, record_id: str, during: int, after: int, *, wobbly: bool, advice: str
) -> SymptomCheck:
    return SymptomCheck(
        id=record_id,
        at=at,
        pain_during_run=during,
        pain_after_run=after,
        wobbly_gait=wobbly,
        weight_on_one_hip=False,
        spread=(),
        cleared_for_exercise=True,
        cleared_for_advanced=False,
        advice=advice,  # type: ignore[arg-type]
    )


def seed(data_dir: Path) -> None:
    """Four weeks of practice: most mornings done, a rest day, a swim, two symptom checks and
    this week's morning-after answers (today's among them, so no question covers home)."""
    next_id = _ids()
    store = Store(data_dir)
    store.update_profile(
        lambda profile: replace(
            profile,
            acknowledged_on=TODAY - dt.timedelta(days=30),
            morning_asked_on=TODAY,
            # A speech program no machine has: the settings' voice note is the same everywhere.
            settings=replace(Settings(), voice_command="no-such-voice"),
        )
    )
    missed = {27, 26, 19, 12, 4}  # days back with nothing done
    rest = 8
    pains = [4, 3, 3, 2, 3, 2, 2, 1]
    for back in range(28, 0, -1):
        if back in missed or back == rest:
            continue
        pain = pains[back % len(pains)] if back % 3 == 0 else None
        store.save_session(_session(TODAY - dt.timedelta(days=back), next_id(), pain_after=pain))
    store.add_rest_day(TODAY - dt.timedelta(days=rest))
    store.add_activity(TODAY - dt.timedelta(days=4), "swimming", 30)
    store.add_symptom_check(
        _check(NOW - dt.timedelta(days=21), next_id(), 6, 7, wobbly=True, advice="beginner")
    )
    store.add_symptom_check(
        _check(NOW - dt.timedelta(days=2), next_id(), 3, 4, wobbly=False, advice="beginner")
    )
    for back, compared, pain in ((5, "same", 3), (3, "better", None), (2, "same", 2), (0, "better", 1)):
        store.add_morning_check(TODAY - dt.timedelta(days=back), compared, pain)  # type: ignore[arg-type]


async def _home(pilot: Pilot[None], clock: FakeClock) -> None:
    await pilot.pause()


async def _player(pilot: Pilot[None], clock: FakeClock) -> None:
    from glutewake.app.screens.player import PlayerScreen

    await pilot.press("s")
    # Beginner at 1 s a count: prepare 10 s, then in 2 / out 2 / lower 2 a rep; rep 7, exhaling.
    clock.now += 10 + 6 * 6 + 3.2
    screen = pilot.app.screen
    assert isinstance(screen, PlayerScreen), f"the player did not open: {screen!r}"
    screen.tick()
    await pilot.pause()


async def _symptom_check(pilot: Pilot[None], clock: FakeClock) -> None:
    # Pain 2 during and 3 after running, steady gait, even weight, no spread, cleared to
    # exercise but not yet for the advanced phase; enter saves and shows the advice.
    await pilot.press(
        "c", "2", "down", "3", "down", "n", "down", "n", "down", "down", "y", "down", "n", "enter"
    )
    await pilot.pause()


async def _history(pilot: Pilot[None], clock: FakeClock) -> None:
    await pilot.press("h")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


DRIVES: dict[str, Drive] = {
    "home": _home,
    "player": _player,
    "symptom-check": _symptom_check,
    "history": _history,
}


async def shoot(name: str, output: Path, scratch: Path) -> Path:
    """Seed a fresh data dir, drive the app to `name` and save `output/name.svg`."""
    data_dir = scratch / name
    seed(data_dir)
    clock = FakeClock()
    app: GlutewakeApp = create_app(data_dir, clock=clock, now=lambda: NOW, environ={}, count_seconds=1.0)
    app.bell = lambda: None  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await DRIVES[name](pilot, clock)
        app.save_screenshot(filename=f"{name}.svg", path=str(output))
    return output / f"{name}.svg"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--output",
        type=Path,
        default=Path(__file__).resolve().parent,
        metavar="DIR",
        help="where to write the SVG files (default: assets/)",
    )
    args = parser.parse_args(argv)
    output: Path = args.output
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="glutewake-screenshots-") as scratch:
        for name in NAMES:
            path = asyncio.run(shoot(name, output, Path(scratch)))
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
