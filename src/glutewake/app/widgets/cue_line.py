"""The biggest thing on the player: the cue, in block letters when there is room.

Three sizes, the largest that fits: block letters (three rows a line, at most two
lines) when `big` is set, letter-spaced capitals, or the plain words.
"""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from glutewake.app.widgets import big_font

MAX_BIG_LINES = 2
# From this many rows of terminal a screen draws its cue in block letters.
BIG_CUE_HEIGHT = 36


def is_loud(word: str) -> bool:
    """A word in capitals (or a number or sign): spaced out or drawn in block letters."""
    return word == word.upper()


def letter_spaced(words: str) -> str:
    """`BREATHE IN` → `B R E A T H E   I N`: wider, so it reads from across a room.

    Only words in capitals are spaced out; a lowercase hint stays as it is.
    """
    line = ""
    loud_before = False
    for word in words.split():
        loud = is_loud(word)
        if line:
            line += "   " if loud or loud_before else " "
        line += " ".join(word) if loud else word
        loud_before = loud
    return line


def split_hint(words: str) -> tuple[str, str]:
    """`PAUSED — space to go on` → (`PAUSED`, `space to go on`): capitals, then the hint."""
    parts = words.split()
    loud = 0
    while loud < len(parts) and is_loud(parts[loud]):
        loud += 1
    head = parts[:loud]
    # A dash that only joined the capitals to the hint is dropped with it.
    if loud < len(parts) and head and not head[-1].isalnum():
        head = head[:-1]
    return " ".join(head), " ".join(parts[loud:])


def centred(rows: list[str], width: int) -> list[str]:
    """Rows padded to sit in the middle of `width`, all moved by the same amount."""
    widest = max((len(row) for row in rows), default=0)
    left = " " * max(0, (width - widest) // 2)
    return [left + row for row in rows]


def block_rows(words: str, width: int) -> list[str] | None:
    """The cue in block letters within `width`, or None when it cannot be drawn so."""
    head, hint = split_hint(words)
    if not head or not big_font.fits(head):
        return None
    lines = big_font.wrap(head, width)
    if lines is None or len(lines) > MAX_BIG_LINES:
        return None
    rows: list[str] = []
    for number, line in enumerate(lines):
        if number:
            rows.append("")
        rows += centred(big_font.render(line), width)
    if hint:
        rows += ["", *centred([hint], width)]
    return rows


class CueLine(Widget):
    """The cue, centred, as large as the space allows."""

    DEFAULT_CSS = """
    CueLine { height: auto; width: 1fr; text-style: bold; }
    """

    cue: reactive[str] = reactive("", layout=True)
    """The cue in capitals, e.g. `BREATHE OUT · RAISE THE LEG`."""
    big: reactive[bool] = reactive(False, layout=True)
    """Whether block letters may be used (the screen is tall enough)."""

    def rows(self, width: int) -> list[str]:
        if self.big:
            drawn = block_rows(self.cue, width)
            if drawn is not None:
                return drawn
        spaced = letter_spaced(self.cue)
        if len(spaced) <= width:
            return centred([spaced], width)
        return centred(textwrap.wrap(self.cue, max(1, width)) or [""], width)

    def render(self) -> Text:
        return Text("\n".join(self.rows(self.content_size.width)), no_wrap=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows(width))
