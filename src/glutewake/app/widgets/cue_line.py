"""The biggest line on the player: the cue, letter-spaced when there is room."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


def letter_spaced(words: str) -> str:
    """`BREATHE IN` → `B R E A T H E   I N`: wider, so it reads from across a room.

    Only words in capitals are spaced out; a lowercase hint stays as it is.
    """
    line = ""
    loud_before = False
    for word in words.split():
        loud = word == word.upper()
        if line:
            line += "   " if loud or loud_before else " "
        line += " ".join(word) if loud else word
        loud_before = loud
    return line


class CueLine(Widget):
    """The cue word, centred; spaced out when it fits the width, plain when it does not."""

    DEFAULT_CSS = """
    CueLine { height: auto; width: 1fr; text-align: center; text-style: bold; }
    """

    cue: reactive[str] = reactive("", layout=True)
    """The cue in capitals, e.g. `BREATHE OUT · RAISE THE LEG`."""

    def render(self) -> Text:
        spaced = letter_spaced(self.cue)
        fits = len(spaced) <= self.content_size.width
        return Text(spaced if fits else self.cue, justify="center")
