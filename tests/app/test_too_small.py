"""The smallest window: every screen works at it, and below it says how big to make the window.

The minimum was measured by opening every state of the 80×24 check at smaller sizes:
at 60×20 nothing is cut off; one column or row less and something is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from glutewake.app.screens.player import PlayerScreen
from glutewake.app.widgets.stage_plan import MIN_HEIGHT, MIN_WIDTH
from glutewake.app.widgets.too_small import TooSmall
from tests.conftest import FakeClock

from .conftest import acknowledge, make_app, screen_text
from .test_fits_80x24 import STATES, visit

MINIMUM = (MIN_WIDTH, MIN_HEIGHT)


@pytest.mark.parametrize("name", list(STATES))
async def test_every_screen_fits_the_smallest_window(data_dir: Path, name: str) -> None:
    app, svg, clipped = await visit(data_dir, STATES[name], MINIMUM)
    assert clipped == [], f"{name}: cut off at {MIN_WIDTH}×{MIN_HEIGHT}"
    assert "make the window" not in svg
