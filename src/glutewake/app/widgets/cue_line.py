"""The cue in block letters, shortened to its key word when the window is narrow.

The largest form of the cue that fits is drawn in block letters at the largest scale
allowed (`scale`), with the whole phrase in plain words on the line under it. When no
form can be drawn (a glyph the font lacks, a word wider than the window), the cue is
letter-spaced capitals, or the plain words.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from glutewake.app.widgets import big_font


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


def centred(rows: list[str] | tuple[str, ...], width: int) -> list[str]:
    """Rows padded to sit in the middle of `width`, all moved by the same amount."""
    widest = max((len(row) for row in rows), default=0)
    left = " " * max(0, (width - widest) // 2)
    return [left + row for row in rows]


def largest_block(forms: tuple[str, ...], scale: int, width: int) -> tuple[str, int] | None:
    """The (form, scale) drawn: the largest scale first, then the longest form that fits."""
    for size in range(scale, 0, -1):
        for form in forms:
            if big_font.fits(form) and big_font.width(form, size) <= width:
                return form, size
    return None


@lru_cache(maxsize=64)
def cue_rows(cue: str, forms: tuple[str, ...], scale: int, width: int) -> tuple[tuple[str, ...], int]:
    """(rows, block rows): the cue drawn within `width`; block rows are the first, drawn big.

    The block part is always `big_font.rows(scale)` tall, so a shorter form or a smaller
    fallback scale does not move what is below it.
    """
    width = max(1, width)
    chosen = largest_block(forms, scale, width) if scale > 0 else None
    if chosen is None:
        spaced = letter_spaced(cue)
        if len(spaced) <= width:
            return tuple(centred([spaced], width)), 0
        return tuple(centred(textwrap.wrap(cue, width) or [""], width)), 0
    form, size = chosen
    tall = big_font.rows(scale)
    drawn = big_font.render(form, size)
    above = (tall - len(drawn)) // 2
    block = [""] * above + centred(drawn, width) + [""] * (tall - len(drawn) - above)
    phrase = centred(textwrap.wrap(cue, width) or [""], width)
    return (*block, *phrase), tall


class CueLine(Widget):
    """The cue, centred, as large as the space allows."""

    DEFAULT_CSS = """
    CueLine { height: auto; width: 1fr; }
    CueLine > .cue-line--block { text-style: bold; }
    CueLine > .cue-line--phrase { text-style: bold; }
    """
    COMPONENT_CLASSES = {"cue-line--block", "cue-line--phrase"}

    cue: reactive[str] = reactive("", layout=True)
    """The whole cue in capitals, e.g. `BREATHE OUT · RAISE THE LEG`, shown in plain words."""
    forms: reactive[tuple[str, ...]] = reactive((), layout=True)
    """The cue for block letters, longest first, e.g. (`BREATHE OUT · RAISE THE LEG`, `RAISE`)."""
    scale: reactive[int] = reactive(1, layout=True)
    """The largest block-letter scale allowed (0: no block letters)."""

    def rows(self, width: int) -> tuple[tuple[str, ...], int]:
        return cue_rows(self.cue, self.forms or (self.cue,), self.scale, width)

    @property
    def block_scale(self) -> int:
        """The scale the block letters are drawn at now (0 when there are none)."""
        chosen = largest_block(self.forms or (self.cue,), self.scale, self.content_size.width)
        return chosen[1] if chosen and self.scale else 0

    def render(self) -> Text:
        rows, tall = self.rows(self.content_size.width)
        block = self.get_component_rich_style("cue-line--block", partial=True)
        phrase = self.get_component_rich_style("cue-line--phrase", partial=True)
        return Text("\n", no_wrap=True).join(
            Text(row, style=block if number < tall else phrase, no_wrap=True)
            for number, row in enumerate(rows)
        )

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows(width)[0])
