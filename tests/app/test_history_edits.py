"""History's `d` deletes the selected entry after asking; `e` corrects a session's pains."""

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
    table = screen.query_one("#history-journal", DataTable)
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


async def choose_first(pilot, what: str) -> None:  # type: ignore[no-untyped-def]
    """Move the journal's cursor to the first row saying `what` (`rehab session`, …)."""
    table = pilot.app.screen.query_one("#history-journal", DataTable)
    row = next(i for i in range(table.row_count) if str(table.get_row_at(i)[1]) == what)
    table.move_cursor(row=row)
    await pilot.pause()


async def test_d_deletes_any_kind_of_entry_it_is_on(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await choose_first(pilot, "rest day")
        await pilot.press("d", "y")
        await settle(pilot)
        assert history.read_journal().rest_days == ()
        await choose_first(pilot, "swimming")
        await pilot.press("d", "y")
        await settle(pilot)
        assert [a.kind for a in history.read_journal().activities] == ["cycling"]
        table = screen.query_one(DataTable)
        assert "swimming" not in {str(table.get_row_at(i)[1]) for i in range(table.row_count)}


async def test_d_asks_then_deletes_the_selected_session(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    before = len(history.read_journal().sessions)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await choose_first(pilot, "rehab session")
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
        table = screen.query_one("#history-journal", DataTable)
        sessions = [i for i in range(table.row_count) if str(table.get_row_at(i)[1]) == "rehab session"]
        assert len(sessions) == before - 1, "the journal is read again"
        assert any(n.message.startswith("Deleted the ") for n in app._notifications)


async def test_e_corrects_the_selected_sessions_pains(data_dir: Path, history: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("e")  # on the swim, the newest entry
        assert app.screen is screen
        assert any(n.message.startswith("Only a rehab session") for n in app._notifications)
        await choose_first(pilot, "rehab session")
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
        await choose_first(pilot, "rehab session")
        await pilot.press("e")
        app.screen.query_one("#pain-after", Input).value = "12"
        await pilot.pause()
        app.screen.query_one("#pain-after", Input).focus()
        await pilot.press("enter")
        assert isinstance(app.screen, EditPainForm), "an out-of-range pain is named, not saved"
