"""One key of the app: what it does, where, how help and the palette name it, and the Textual
`Binding` it becomes (the one place a `Binding` is made)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding


@dataclass(frozen=True)
class Key:
    """One key: what it does, where, and (when `command` is set) its palette entry."""

    key: str
    action: str
    description: str
    tooltip: str
    id: str
    scope: str
    display: str = ""
    command: str = ""
    show: bool = True
    priority: bool = False
    bound: bool = True
    """False for a key only shown (typed digits, or enter again once the advice is shown)."""

    @property
    def shown_key(self) -> str:
        """The key as the user types it: `,` rather than `comma`."""
        return self.display or self.key

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.description,
            show=self.show,
            priority=self.priority,
            key_display=self.display or None,
            tooltip=self.tooltip,
            id=self.id,
        )


def typed_digit(event: events.Key) -> str | None:
    """The digit a key press types, for the display-only `0–10` keys a screen's `on_key` reads."""
    character = event.character
    return character if character is not None and len(character) == 1 and character.isdigit() else None
