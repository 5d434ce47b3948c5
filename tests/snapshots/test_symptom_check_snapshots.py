"""SVG snapshots of the symptom check at 80×24: the form, each advice level, the rest question.

Time is frozen (25 Nov 2026, 09:00). Update after a deliberate change with
`pytest tests/snapshots/test_symptom_check_snapshots.py --snapshot-update`, then read the
SVGs before committing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.app.helpers import TODAY, acknowledge, make_app, symptom_check
from tests.snapshots.sizes import SMALLEST

DOWN = "down"


@pytest.fixture
def checked_before(data_dir: Path) -> Path:
    """A week-old check that said beginner, with the worst pains so far (7 and 6)."""
    acknowledge(data_dir).add_symptom_check(
        symptom_check("beginner", during=7, after=6, day=TODAY - dt.timedelta(days=6))
    )
    return data_dir


def test_form(snap_compare, checked_before: Path) -> None:
    # Part-way through: pains typed, the cursor on Achilles, cleared for exercise carried over.
    keys = ["c", "4", DOWN, "5", DOWN, "y", DOWN, DOWN, "right"]
    assert snap_compare(make_app(checked_before), press=keys, terminal_size=SMALLEST)


def test_result_rest(snap_compare, data_dir: Path) -> None:
    acknowledge(data_dir)
    keys = ["c", "8", DOWN, "6", DOWN, "y", DOWN, "y", DOWN, DOWN, "y", "enter"]
    assert snap_compare(make_app(data_dir), press=keys, terminal_size=SMALLEST)


def test_result_beginner_with_spread(snap_compare, checked_before: Path) -> None:
    keys = ["c", "4", DOWN, "5", DOWN, "y", DOWN, DOWN, "right", "space", DOWN, DOWN, "enter"]
    assert snap_compare(make_app(checked_before), press=keys, terminal_size=SMALLEST)


def test_result_advanced(snap_compare, checked_before: Path) -> None:
    keys = ["c", "4", DOWN, "3", DOWN, DOWN, DOWN, DOWN, DOWN, "y", "enter"]
    assert snap_compare(make_app(checked_before), press=keys, terminal_size=SMALLEST)


def test_start_while_told_to_rest(snap_compare, data_dir: Path) -> None:
    acknowledge(data_dir).add_symptom_check(symptom_check("rest", during=8))
    assert snap_compare(make_app(data_dir), press=["s"], terminal_size=SMALLEST)
