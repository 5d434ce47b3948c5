"""The player's top line keeps the exercise's name at every size from 60×20 to 200×50, also
beside a notice (muted, nothing being saved, read-only): the app's name, the phase, the time
left and the set give way first."""

from __future__ import annotations

from pathlib import Path

import pytest

from glutewake.app.screens.player import PlayerScreen
from tests.helpers import FakeClock

from .helpers import acknowledge, make_app, screen_text

SIZES = [(60, 20), (80, 24), (120, 40), (200, 50)]
# Beginner at 1 s a count: reps from 10 s, the switch at 70, the first stretch from 155;
# advanced: the wall mini squat's reps from 10 s.
MOMENTS = {
    "abduction": ("beginner", 41.0, "side-lying hip abduction"),
    "switch": ("beginner", 71.2, "side-lying hip abduction"),
    "stretch": ("beginner", 160.0, "kneeling hip flexor stretch"),
    "squat": ("advanced", 38.5, "wall mini squat"),
}
NOTICES = ("none", "muted", "not saved", "read-only")


async def top_line(data_dir: Path, size: tuple[int, int], moment: str, notice: str) -> str:
    phase, seconds, _ = MOMENTS[moment]
    acknowledge(data_dir, phase=phase)
    if notice == "read-only":
        month = data_dir / "journal" / "2026-11.toml"
        month.parent.mkdir(parents=True, exist_ok=True)
        month.write_text("schema = 1\n\n[[sessions]\nid = 'x'\n")
    clock = FakeClock()
    app = make_app(data_dir, clock=clock)
    app.bell = lambda: None  # type: ignore[method-assign]
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        if notice == "read-only":  # it asks first: nothing will be saved
            await pilot.pause()
            await pilot.press("y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayerScreen)
        clock.advance(seconds)
        screen.tick()
        await pilot.pause()
        if notice == "muted":
            await pilot.press("m")
        elif notice == "not saved":
            screen.post_message(PlayerScreen.Unsaved("the disk is full"))
        await pilot.pause()
        line = screen_text(app).splitlines()[0]
        if notice != "none":  # the notice keeps at least its first words
            assert {"muted": "muted", "not saved": "NOT SAVED", "read-only": "READ-ONLY"}[notice] in line
        return line


@pytest.mark.parametrize("notice", NOTICES)
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("moment", list(MOMENTS))
async def test_the_top_line_keeps_the_exercise_name(
    data_dir: Path, size: tuple[int, int], moment: str, notice: str
) -> None:
    line = await top_line(data_dir, size, moment, notice)
    name = MOMENTS[moment][2]
    assert name in line, f"{moment} at {size} with {notice}: {line!r}"
    if notice == "none" and size != (60, 20):
        assert "left" in line, line  # with room, the time left is there too
