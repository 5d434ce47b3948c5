"""Every screen at 80×24: no widget cut off by its container, key phrases whole, and with
NO_COLOR the same words on a screen drawn in greys only.

A widget is cut off when the compositor clips its region (its container is too small) or
when a text widget's content is taller than its box. Scrolling lists (the sessions table,
the palette's list) are meant to scroll and are not counted.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from tests.app.screen_states import NO_COLOR_STATES, STATES, WRITTEN_ELLIPSES, squash, visit


@pytest.mark.parametrize("name", list(STATES))
async def test_every_screen_fits_80_by_24(data_dir: Path, name: str) -> None:
    state = STATES[name]
    _, text, _, clipped = await visit(data_dir, state)
    assert clipped == [], f"{name}: cut off at 80×24\n{text}"
    for phrase in state.phrases:
        assert squash(phrase) in squash(text), f"{name}: {phrase!r} not shown whole\n{text}"
    assert "…" not in re.sub(WRITTEN_ELLIPSES, "", squash(text)), f"{name}: text cut with …"


def colours(svg: str) -> set[str]:
    # The window's three traffic-light dots are the screenshot frame, not the app.
    return set(re.findall(r"#[0-9a-f]{6}", svg)) - {"#ff5f57", "#febc2e", "#28c840"}


def grey(colour: str) -> bool:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return max(red, green, blue) - min(red, green, blue) <= 8


@pytest.mark.parametrize("name", NO_COLOR_STATES)
async def test_no_color_draws_in_greys_with_every_word(
    data_dir: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    state = STATES[name]
    app, text, svg, _ = await visit(data_dir, state)
    assert app.no_color
    assert [colour for colour in colours(svg) if not grey(colour)] == []
    shown = squash(text)
    for phrase in state.phrases:
        assert squash(phrase) in shown, f"{name}: {phrase!r} missing with NO_COLOR"


def test_without_no_color_the_screen_has_colour(data_dir: Path) -> None:
    # The check above can fail: the same screens are in colour when NO_COLOR is unset.

    _, _, svg, _ = asyncio.run(visit(data_dir, STATES["breathe out"]))
    assert [colour for colour in colours(svg) if not grey(colour)]
