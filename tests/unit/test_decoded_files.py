"""A store decodes the same bytes of a journal file once, and never serves an older file's records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from glutewake.store import Store
from glutewake.store.folder import DECODED_KEPT


def test_a_file_changed_on_disk_is_read_afresh(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    day = dt.date(2026, 11, 3)
    store.add_activity(day, "swimming", 20)
    assert [a.minutes for a in store.read_month((2026, 11)).activities] == [20]
    # Another process (or a sync tool) writes the same file: the next read sees it.
    Store(tmp_path / "data", device=store.device).add_activity(day, "cycling", 30)
    assert sorted(a.minutes for a in store.read_month((2026, 11)).activities) == [20, 30]


def test_the_same_bytes_are_decoded_once_and_few_files_are_kept(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    for month in range(1, 13):
        store.add_activity(dt.date(2025, month, 2), "walking", month)
    first = store.read_month((2025, 12))
    assert store.read_month((2025, 12)).activities[0] is first.activities[0]  # decoded once
    store.read_journal()
    assert len(store._decoded) == DECODED_KEPT  # a long history is not all kept in memory
