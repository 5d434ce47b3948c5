"""Fixtures for Pilot tests; the helpers they use are in tests/app/helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from glutewake.store import Store
from tests.app.helpers import acknowledge


@pytest.fixture
def store(data_dir: Path) -> Store:
    """A data dir whose user has already read the first-run note."""
    return acknowledge(data_dir)
