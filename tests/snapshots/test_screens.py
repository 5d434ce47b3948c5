"""SVG snapshots of the app's own screens at 80×24 and 120×40, with time frozen.

Update after a deliberate change with `pytest tests/snapshots --snapshot-update`, then
open the report or the SVGs and check them by eye before committing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from glutewake.core.settings import Settings
from glutewake.store import Store
from tests.app.helpers import TODAY, acknowledge, make_app, session, symptom_check
from tests.snapshots.sizes import SIZES


@pytest.fixture
def lived_in(data_dir: Path) -> Path:
    """Three days in a row done, yesterday's check said beginner.

    The voice command names a program no machine has, so the settings' voice note is the
    same everywhere.
    """
    store: Store = acknowledge(data_dir, settings=Settings(voice_command="no-such-voice"))
    for back in (0, 1, 2, 5):
        store.save_session(session(TODAY - dt.timedelta(days=back)))
    store.add_symptom_check(symptom_check("beginner", spread=("achilles",)))
    return data_dir


@pytest.mark.parametrize("size", SIZES)
def test_first_run(snap_compare, data_dir: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(data_dir), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare, lived_in: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(lived_in), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_settings(snap_compare, lived_in: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(lived_in), press=["comma"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, lived_in: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(lived_in), press=["question_mark"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_phase_switch_question(snap_compare, lived_in: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(lived_in), press=["p"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_morning_question(snap_compare, data_dir: Path, size: tuple[int, int]) -> None:
    # The day after a session, before it was answered: worse chosen, a pain of 6 typed.
    store: Store = acknowledge(data_dir, morning_asked_on=None)
    store.save_session(session(TODAY - dt.timedelta(days=1)))
    assert snap_compare(make_app(data_dir), press=["w", "6"], terminal_size=size)
