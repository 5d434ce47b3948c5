"""One centred message over any screen while the window is smaller than the app needs.

The screen underneath keeps running (a session keeps its clock and its sounds) and
shows again, as it is by then, as soon as the window is big enough.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from glutewake.app.widgets.stage_plan import MIN_HEIGHT, MIN_WIDTH


def too_small_words(size: Size) -> str:
    return f"make the window at least {MIN_WIDTH}×{MIN_HEIGHT}\n\nit is {size.width}×{size.height} now"


def is_too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TooSmall(Static):
    """`make the window at least 60×20`, covering the whole screen."""

    DEFAULT_CSS = """
    TooSmall {
        overlay: screen;
        position: absolute;
        offset: 0 0;
        width: 100vw;
        height: 100vh;
        background: $background;
        color: $foreground;
        text-style: bold;
        content-align: center middle;
        text-align: center;
    }
    """


def guard(screen: Screen[object], size: Size) -> None:
    """Show or hide the message on `screen` for a window of `size`."""
    found = screen.query_children(TooSmall)
    if not is_too_small(size):
        found.remove()
        return
    words = too_small_words(size)
    if found:
        found.first().update(words)
    else:
        screen.mount(TooSmall(words, markup=False))
