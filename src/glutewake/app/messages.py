"""Messages up: what screens, flows and worker threads tell the app, and the one way to save.

Screens and flows never touch the App class: they change data through the `Coach` they
were given, by `save(...)`, which posts `DataSaved` to the app; the app then tells every
open screen that shows saved data to read it again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.app import App
from textual.message import Message
from textual.widget import Widget

from glutewake.errors import UserError

Result = TypeVar("Result")


class DataSaved(Message):
    """A change reached the store: screens showing saved data read it again."""


class SavedDataChanged(Message):
    """Sent by the app to each open screen after `DataSaved`; it does not bubble back up."""

    bubble = False


def save(where: App[Any] | Widget, change: Callable[[], Result]) -> Result | None:
    """Run one store write; a refusal or failure becomes a notification, never a traceback.

    On success `DataSaved` goes straight to the app, so it arrives even when the screen that
    saved is dismissed at once.
    """
    try:
        result = change()
    except UserError as error:
        where.notify(str(error), title="Not saved", severity="error", timeout=8)
        return None
    where.app.post_message(DataSaved())
    return result
