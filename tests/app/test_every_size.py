"""Every screen from the smallest window up to a large one: home, history, the symptom check,
settings, help, the questions and forms over them, and a few moments of a session, at 60×20,
80×24, 120×40 and 200×50. Nothing is clipped by its container, no text widget is taller
than its box, and no words are cut short with an ellipsis the app did not write itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.app.screen_states import STATES, WRITTEN_ELLIPSES, squash, visit

SIZES = [(60, 20), (80, 24), (120, 40), (200, 50)]
SCREENS = [
    "first run",
    "home",
    "home, resumable",
    "home, read-only",
    "home, told to rest",
    "settings",
    "help",
    "palette",
    "morning question",
    "phase question",
    "rest question",
    "symptom check form",
    "symptom check, rest",
    "symptom check, spread",
    "history",
    "history, weeks",
    "history, pain",
    "log activity",
    "log rest day",
    "breathe out",
    "stretch",
    "finished",
]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("name", SCREENS)
async def test_every_screen_at_every_size(data_dir: Path, name: str, size: tuple[int, int]) -> None:
    _, text, _, clipped = await visit(data_dir, STATES[name], size)
    assert "make the window" not in text
    assert clipped == [], f"{name}: cut off at {size}\n{text}"
    assert "…" not in re.sub(WRITTEN_ELLIPSES, "", squash(text)), f"{name}: text cut with … at {size}\n{text}"
