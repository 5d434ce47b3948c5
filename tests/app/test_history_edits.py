"""History's `d` deletes the selected session after asking; `e` corrects its pains."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from glutewake.app.screens.confirm import ConfirmScreen
from glutewake.app.screens.log_forms import EditPainForm
from glutewake.store import Store

from .helpers import make_app
from .history_helpers import open_history, settle, write_history


@pytest.fixture
def history(store: Store) -> Store:
    write_history(store)
    return store


def selected_id(screen) -> str:  # type: ignore[no-untyped-def]
    table = screen.query_one("#history-sessions", DataTable)
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


async def test_d_asks_then_deletes_the_selected_session(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    before = len(history.read_journal().sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        chosen = selected_id(screen)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # any other key keeps it
        await settle(pilot)
        assert app.screen is screen and len(history.read_journal().sessions) == before
        await pilot.press("d")
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert chosen not in {s.id for s in history.read_journal().sessions}
        assert len(history.read_journal().sessions) == before - 1
        table = screen.query_one("#history-sessions", DataTable)
        assert table.row_count == before - 1, "the table reads the journal again"
        assert any(n.message.startswith("Deleted the ") for n in app._notifications)


async def test_e_corrects_the_selected_sessions_pains(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        chosen = selected_id(screen)
        await pilot.press("e")
        assert isinstance(app.screen, EditPainForm)
        app.screen.query_one("#pain-after", Input).value = "7"
        app.screen.query_one("#pain-during", Input).value = ""
        await pilot.pause()
        app.screen.query_one("#pain-after", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        edited = next(s for s in history.read_journal().sessions if s.id == chosen)
        assert (edited.pain_after, edited.pain_during) == (7, None)
        await pilot.press("e")
        app.screen.query_one("#pain-after", Input).value = "12"
        await pilot.pause()
        app.screen.query_one("#pain-after", Input).focus()
        await pilot.press("enter")
        assert isinstance(app.screen, EditPainForm), "an out-of-range pain is named, not saved"
