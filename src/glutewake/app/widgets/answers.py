"""Keyboard-only answers for the symptom check: a 0–10 pain scale, yes / no, and ticks.

Each is one focus stop. ←/→ change the answer, space toggles, and the chosen answer is
always shown in brackets as well as highlighted, so it never depends on colour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from glutewake.app.keys import bindings_for, typed_digit

# A "1" followed by a "0" within this many seconds means 10.
TEN_WINDOW = 1.5
PAIN_MAX = 10


class Answer(Widget, can_focus=True):
    """The shared behaviour: left/right and space bindings, and the chosen-answer style."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("check answer")
    COMPONENT_CLASSES: ClassVar = {"answer--chosen", "answer--cursor"}
    DEFAULT_CSS = """
    Answer { width: auto; height: 1; }
    Answer > .answer--chosen { text-style: bold; }
    Answer:focus > .answer--chosen { text-style: bold reverse; }
    Answer:focus > .answer--cursor { text-style: underline; }
    """

    def action_choose(self, step: int) -> None:
        """Move the answer one step left (-1) or right (+1)."""

    def action_toggle_answer(self) -> None:
        """Flip the answer (yes ↔ no, ticked ↔ not)."""

    def styles_for(self) -> tuple[Style, Style]:
        return (
            self.get_component_rich_style("answer--chosen", partial=True),
            self.get_component_rich_style("answer--cursor", partial=True),
        )

    @staticmethod
    def join(parts: Sequence[tuple[str, Style]], gap: str) -> Text:
        text = Text(no_wrap=True, end="")
        for index, (word, style) in enumerate(parts):
            if index:
                text.append(gap)
            text.append(word, style)
        return text


class PainScale(Answer):
    """`0 1 2 3 [4] 5 6 7 8 9 10`: digits set it (1 then 0 quickly is 10), ←/→ step it."""

    value: reactive[int] = reactive(0)
    """The pain chosen, 0–10."""

    def __init__(self, value: int = 0, *, clock: Callable[[], float], id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(PainScale.value, value)
        self.clock = clock
        self._one_typed_at: float | None = None

    def render(self) -> Text:
        chosen, _ = self.styles_for()
        return self.join(
            [(f"[{n}]", chosen) if n == self.value else (str(n), Style()) for n in range(11)],
            " ",
        )

    def action_choose(self, step: int) -> None:
        self._one_typed_at = None
        self.value = max(0, min(PAIN_MAX, self.value + step))

    def on_key(self, event: events.Key) -> None:
        digit = typed_digit(event)
        if digit is None:
            return
        event.stop()
        now = self.clock()
        one_just_typed = self._one_typed_at is not None and now - self._one_typed_at <= TEN_WINDOW
        if digit == "0" and one_just_typed and self.value == 1:
            self.value = PAIN_MAX
            self._one_typed_at = None
            return
        self.value = int(digit)
        self._one_typed_at = now if digit == "1" else None

    def on_blur(self) -> None:
        self._one_typed_at = None


class YesNo(Answer):
    """`[yes]  no`: ←/→ pick, space flips, y and n answer directly."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("check yes no")

    value: reactive[bool] = reactive(False)
    """True for yes."""

    def __init__(self, value: bool = False, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(YesNo.value, value)

    def render(self) -> Text:
        chosen, _ = self.styles_for()
        return self.join(
            [
                ("[yes]", chosen) if self.value else (" yes ", Style()),
                (" no ", Style()) if self.value else ("[no]", chosen),
            ],
            " ",
        )

    def action_choose(self, step: int) -> None:
        self.value = step < 0

    def action_toggle_answer(self) -> None:
        self.value = not self.value

    def action_answer(self, yes: bool) -> None:
        self.value = yes


class PlaceTicks(Answer):
    """`[x] knees  [ ] Achilles …`: ←/→ move the cursor, space ticks the place under it."""

    ticked: reactive[frozenset[str]] = reactive(frozenset)
    """The places ticked."""
    cursor: reactive[int] = reactive(0)
    """Index of the place under the cursor."""

    def __init__(
        self, places: Sequence[tuple[str, str]], ticked: Sequence[str] = (), *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.places = tuple(places)
        self.set_reactive(PlaceTicks.ticked, frozenset(ticked))

    @property
    def value(self) -> tuple[str, ...]:
        """The ticked places, in the order shown."""
        return tuple(place for place, _ in self.places if place in self.ticked)

    DEFAULT_CSS = "PlaceTicks { height: auto; max-width: 100%; }"
    GAP = "  "

    def _lines(self, width: int) -> list[list[tuple[str, Style]]]:
        """The places, as many to a line as `width` holds (a place is never split)."""
        chosen, cursor = self.styles_for()
        lines: list[list[tuple[str, Style]]] = [[]]
        used = 0
        for index, (place, name) in enumerate(self.places):
            box = "[x]" if place in self.ticked else "[ ]"
            style = chosen if place in self.ticked else Style()
            if index == self.cursor:
                style = style + cursor
            word = f"{box} {name}"
            if lines[-1] and used + len(self.GAP) + len(word) > width:
                lines.append([])
                used = 0
            used += (len(self.GAP) if lines[-1] else 0) + len(word)
            lines[-1].append((word, style))
        return lines

    def render(self) -> Text:
        width = self.content_size.width or 200
        return Text("\n").join(self.join(line, self.GAP) for line in self._lines(width))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return sum(len(name) + 4 for _, name in self.places) + len(self.GAP) * (len(self.places) - 1)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def action_choose(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(self.places)

    def action_toggle_answer(self) -> None:
        place = self.places[self.cursor][0]
        self.ticked = self.ticked ^ {place}
