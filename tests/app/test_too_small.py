"""The smallest window: every screen works at it, and below it says how big to make the window.

The minimum was measured by opening every state of the 80×24 check at smaller sizes: at
60×20 the player, its finished screen, home, settings, help, the symptom check and the
questions have nothing cut off. A few screens of other parts still need more room
(`NEEDS_MORE_ROOM`, measured); they are listed so this test fails once they fit too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from glutewake.app.screens.player import PlayerScreen
from glutewake.app.widgets.stage_plan import MIN_HEIGHT, MIN_WIDTH
from glutewake.app.widgets.too_small import TooSmall
from glutewake.store import Store
from tests.app.screen_states import STATES, visit

from .helpers import acknowledge, make_app, screen_text
from .player_helpers import rig

MINIMUM = (MIN_WIDTH, MIN_HEIGHT)
# Measured: the smallest size at which each fits (width×height).
NEEDS_MORE_ROOM = {
    "home, read-only": "80×23",
    "history": "66×22",
    "log activity": "64×20",
    "log rest day": "64×20",
}


@pytest.mark.parametrize("name", list(STATES))
async def test_every_screen_fits_the_smallest_window(data_dir: Path, name: str) -> None:
    app, _, svg, clipped = await visit(data_dir, STATES[name], MINIMUM)
    assert "make the window" not in svg
    if name in NEEDS_MORE_ROOM:
        assert clipped, f"{name} fits at {MIN_WIDTH}×{MIN_HEIGHT} now: take it off NEEDS_MORE_ROOM"
    else:
        assert clipped == [], f"{name}: cut off at {MIN_WIDTH}×{MIN_HEIGHT}"


def message(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("size", [(59, 19), (59, 30), (100, 19)])
async def test_below_the_minimum_home_says_how_big_to_make_the_window(
    data_dir: Path, size: tuple[int, int]
) -> None:
    acknowledge(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        width, height = size
        assert message(screen_text(app)) == [
            f"make the window at least {MIN_WIDTH}×{MIN_HEIGHT}",
            f"it is {width}×{height} now",
        ]
        await pilot.resize_terminal(*MINIMUM)
        await pilot.pause()
        assert not app.screen.query(TooSmall)
        assert "PHASE  BEGINNER" in screen_text(app)


async def test_the_message_covers_a_question_over_a_screen_too(data_dir: Path) -> None:
    acknowledge(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert message(screen_text(app))[0] == f"make the window at least {MIN_WIDTH}×{MIN_HEIGHT}"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "make the window" not in screen_text(app)


async def test_a_session_keeps_its_clock_while_the_window_is_too_small(data_dir: Path, store: Store) -> None:
    r = rig(data_dir, store)
    async with r.app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        r.advance(11.0)  # the prepare is 10 s
        before = r.view
        await pilot.resize_terminal(59, 19)
        await pilot.pause()
        assert "it is 59×19 now" in screen_text(r.app)
        r.advance(12.0)
        assert not r.player.engine.paused  # type: ignore[union-attr]
        assert r.view.big_number == str(int(before.big_number) + 2)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        text = screen_text(r.app)
        assert "make the window" not in text and isinstance(r.app.screen, PlayerScreen)
        assert f"set 1 of 10 · {r.view.where.split(' · ')[1]}" in text
