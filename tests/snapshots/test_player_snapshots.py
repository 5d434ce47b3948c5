"""SVG snapshots of the session player and its finished screen, with a fake clock.

Update after a deliberate change with
`pytest tests/snapshots/test_player_snapshots.py --snapshot-update`, then open the
SVGs and check them by eye before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from glutewake.app.screens.player import PlayerScreen
from tests.app.helpers import acknowledge, make_app
from tests.helpers import FakeClock
from tests.snapshots.sizes import SIZES

RunBefore = Callable[[Pilot[None]], Awaitable[None]]


def moments(clock: FakeClock, *steps: float | str) -> RunBefore:
    """Press `s`, then for each step advance the clock (a number) or press a key (text)."""

    async def run(pilot: Pilot[None]) -> None:
        await pilot.press("s")
        for step in steps:
            if isinstance(step, str):
                await pilot.press(step)
            else:
                clock.advance(step)
                screen = pilot.app.screen
                if isinstance(screen, PlayerScreen):
                    screen.tick()
        await pilot.pause()

    return run


CASES = {
    # Beginner at 1 s a count: prepare 10 s, then in 2 / out 2 / lower 2 per rep; a 10 s
    # switch and a 10 s rest; a 5 s change of position before each stretch.
    "inhale": ("beginner", (10 + 6 * 5 + 1.0,)),
    "exhale": ("beginner", (10 + 6 * 5 + 2.8,)),
    "switch": ("beginner", (10 + 6 * 10 + 1.2,)),
    "paused": ("beginner", (10 + 6 * 2 + 2.5, "space")),
    "transition": ("beginner", (10 + 60 + 10 + 60 + 10 + 1.5,)),
    "it hurts": ("beginner", (10 + 6 * 2 + 2.5, "h", "7")),
    # Advanced: prepare 10 s, then in 2 / out 2 / hold 2 / up 2 per rep.
    "hold": ("advanced", (10 + 8 * 3 + 4 + 1.5,)),
    "finished": ("beginner", (7 * 60 + 15, "4")),
    "skipped through": ("beginner", ("n",) * 20),
    # The first stretch's hold counting down (it begins at 155 s).
    "stretch countdown": ("beginner", (160.0,)),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("moment", list(CASES))
def test_player(snap_compare, data_dir: Path, moment: str, size: tuple[int, int]) -> None:
    phase, steps = CASES[moment]
    acknowledge(data_dir, phase=phase)
    clock = FakeClock()
    app = make_app(data_dir, clock=clock)
    app.bell = lambda: None  # type: ignore[method-assign]
    assert snap_compare(app, run_before=moments(clock, *steps), terminal_size=size)


def test_too_small(snap_compare, data_dir: Path) -> None:
    acknowledge(data_dir)
    clock = FakeClock()
    app = make_app(data_dir, clock=clock)
    app.bell = lambda: None  # type: ignore[method-assign]
    assert snap_compare(app, run_before=moments(clock, 6.0), terminal_size=(59, 19))
