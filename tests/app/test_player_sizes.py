"""The player read from across a room: block sizes measured on the drawn screen at five sizes.

The rep number (or a countdown) is the largest block of glyphs on the screen; the cue
is in block letters at every size, shortened to its key word when it does not fit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from glutewake.app.screens.player import PlayerScreen
from glutewake.app.views.player import PlayerView
from tests.blocks import block_rows
from tests.helpers import FakeClock

from .helpers import acknowledge, make_app, screen_text

SIZES = [(80, 24), (100, 30), (120, 40), (160, 45), (200, 50)]
# Rows the rep number must take at least (DESIGN: "Who uses it"); elsewhere a quarter.
NUMBER_AT_LEAST = {(80, 24): 5, (120, 40): 9, (200, 50): 12}
# Beginner at 1 s a count: prepare 10 s, reps of in 2 / out 2 / lower 2, switch at 70, a
# change of position at 150, the first stretch from 155; advanced: prepare 10 s, reps of
# in 2 / out 2 / hold 2 / up 2.
MOMENTS = {
    "inhale": ("beginner", (41.0,)),
    "exhale": ("beginner", (43.0,)),
    "hold": ("advanced", (38.5,)),
    "switch": ("beginner", (71.2,)),
    "paused": ("beginner", (43.0, "space")),
    "change of position": ("beginner", (151.0,)),
    "stretch countdown": ("beginner", (160.0,)),
}


async def drawn(data_dir: Path, size: tuple[int, int], moment: str) -> tuple[str, PlayerView]:
    phase, steps = MOMENTS[moment]
    acknowledge(data_dir, phase=phase)
    clock = FakeClock()
    app = make_app(data_dir, clock=clock)
    app.bell = lambda: None  # type: ignore[method-assign]
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        for step in steps:
            if isinstance(step, str):
                await pilot.press(step)
            else:
                clock.advance(step)
                assert isinstance(app.screen, PlayerScreen)
                app.screen.tick()
            await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen) and app.screen.shown is not None
        return screen_text(app), app.screen.shown


def cue_height(text: str, view: PlayerView) -> int:
    return max(block_rows(text, form) for form in view.cue_forms)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("moment", list(MOMENTS))
async def test_the_number_is_the_largest_block_and_the_cue_is_in_block_letters(
    data_dir: Path, size: tuple[int, int], moment: str
) -> None:
    text, view = await drawn(data_dir, size, moment)
    width, height = size
    number = block_rows(text, view.big_number)
    cue = cue_height(text, view)
    label = (
        max(block_rows(text, word) for word in (view.big_label, view.side) if word.isupper() or "/" in word)
        if (view.side or "/" in view.big_label)
        else 0
    )
    assert number >= NUMBER_AT_LEAST.get(size, 0), f"{moment}: number {number} rows\n{text}"
    assert number >= height / 4, f"{moment}: number {number} rows, less than a quarter\n{text}"
    assert cue >= 3, f"{moment}: cue {cue} rows\n{text}"
    if size != (80, 24):
        assert cue >= 5, f"{moment}: cue {cue} rows at {width}×{height}\n{text}"
    assert number > cue and number > label, f"{moment}: number {number}, cue {cue}, label {label}\n{text}"
    # The whole cue stays readable in words under the block letters.
    assert " ".join(view.cue.split()) in " ".join(text.split())


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_side_is_a_word_beside_the_number(data_dir: Path, size: tuple[int, int]) -> None:
    text, view = await drawn(data_dir, size, "inhale")
    assert view.side == "LEFT" and view.big_label == "/ 10"
    assert block_rows(text, "LEFT") >= 3 or "LEFT" in text
    assert block_rows(text, "/ 10") >= 3 or "/ 10" in text


async def test_a_cue_too_wide_is_drawn_as_its_key_word(data_dir: Path) -> None:
    text, view = await drawn(data_dir, (80, 24), "exhale")
    assert view.cue == "BREATHE OUT · RAISE THE LEG"
    assert block_rows(text, "BREATHE OUT · RAISE THE LEG") == 0
    assert block_rows(text, "RAISE THE LEG") == 3
    text, view = await drawn(data_dir, (60, 20), "exhale")
    assert block_rows(text, "RAISE") == 3 and block_rows(text, "RAISE THE LEG") == 0
