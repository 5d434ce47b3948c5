"""`keep_months`: the summary cache after a write that read only its own month (`log`).

A valid cache keeps every other month's entry; a missing, damaged or stale one becomes a cache
of just the months read; a scan then reads only the months the cache lacks and fills them in,
so nothing ever counts a partial cache as the whole journal."""

from __future__ import annotations

import marshal
import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from glutewake.core.frozen import replace
from glutewake.core.streaks import compute_streak
from glutewake.store import RepeatedId, Store, journal_codec
from glutewake.store.summary import scan_journal
from glutewake.store.summary_update import keep_months
from tests.unit.summary_helpers import (
    TODAY,
    cache_file,
    read_cache,
    reads,
    session,
    settle,
    ten_years,
    write_cache,
)

THIS_MONTH = (TODAY.year, TODAY.month)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "data")


def cache_path(store: Store) -> Path:
    return cache_file(store.data_dir)


def months_in_cache(store: Store) -> dict[str, dict[str, Any]]:
    return read_cache(cache_path(store))[1]


def test_with_no_cache_it_writes_the_months_it_read_and_reads_no_other(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ten_years(store)
    read = reads(monkeypatch)
    assert keep_months(store, [THIS_MONTH], 0)
    assert read == [THIS_MONTH]
    assert list(months_in_cache(store)) == [f"{TODAY:%Y-%m}"]


@pytest.mark.parametrize(
    "cache",
    ["missing", "damaged", "version-4", "day-start-4", "other-python", "ids-not-a-set", "no-months", "json"],
)
def test_the_next_scan_reads_only_the_months_missing_and_counts_the_whole_journal(
    store: Store, monkeypatch: pytest.MonkeyPatch, cache: str
) -> None:
    ten_years(store)
    truth = scan_journal(store, save=False).days  # counted from every file, no cache written
    if cache in ("damaged", "json"):
        cache_path(store).parent.mkdir(parents=True)
        damaged = b"\xfa\x0eglutewake days"  # a marshal tuple cut short
        cache_path(store).write_bytes(damaged if cache == "damaged" else b'{"version": 4, "months": {}}')
    elif cache != "missing":
        scan_journal(store)
        header, months = read_cache(cache_path(store))
        if cache == "version-4":
            header[1] = 4
        elif cache == "day-start-4":
            header[3] = 4
        elif cache == "other-python":
            header[2] = sys.hexversion + 1
        elif cache == "ids-not-a-set":
            months["2019-03"]["ids"] = sorted(months["2019-03"]["ids"])
        write_cache(cache_path(store), header, {} if cache == "no-months" else months)
        if cache == "no-months":  # the right header, then a list where the months should be
            cache_path(store).write_bytes(marshal.dumps((*header, [1, 2])))
    assert keep_months(store, [(2020, 5)], 0)
    assert list(months_in_cache(store)) == ["2020-05"]  # nothing of the old cache trusted
    read = reads(monkeypatch)
    scan = scan_journal(store)
    assert scan.problems == [] and scan.days == truth
    assert (2020, 5) not in read and len(read) == len(store.months()) - 1
    assert len(months_in_cache(store)) == len(store.months())  # saved whole
    read.clear()
    assert scan_journal(store).days == truth and read == []


def test_with_a_valid_cache_only_the_written_months_entry_changes(store: Store) -> None:
    ten_years(store)
    scan_journal(store)
    before = months_in_cache(store)
    store.save_session(session(TODAY))
    assert keep_months(store, [THIS_MONTH], 0)
    after = months_in_cache(store)
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {f"{TODAY:%Y-%m}"} and set(after) == set(before)
    assert max(after[f"{TODAY:%Y-%m}"]["done"]) == TODAY.toordinal()


def test_a_month_it_wrote_counts_in_the_streak_at_once(store: Store) -> None:
    ten_years(store)
    scan_journal(store)
    streak = compute_streak(scan_journal(store).days.done, set(), TODAY).current
    store.save_session(session(TODAY))
    keep_months(store, [THIS_MONTH], 0)
    days = scan_journal(store).days
    assert TODAY in days.done
    assert compute_streak(days.done, set(), TODAY).current == streak + 1


def test_a_month_that_no_longer_has_files_loses_its_entry(store: Store) -> None:
    ten_years(store)
    scan_journal(store)
    store.month_path(THIS_MONTH).unlink()
    assert keep_months(store, [THIS_MONTH], 0)
    assert f"{TODAY:%Y-%m}" not in months_in_cache(store)


def test_nothing_is_written_when_nothing_changed_or_a_month_cannot_be_read(store: Store) -> None:
    ten_years(store)
    scan_journal(store)
    settle(store)
    scan_journal(store)  # every entry settled
    stamp = cache_path(store).stat().st_mtime_ns
    assert not keep_months(store, [THIS_MONTH], 0)
    store.month_path(THIS_MONTH).write_text("[")
    assert not keep_months(store, [THIS_MONTH], 0)
    assert cache_path(store).stat().st_mtime_ns == stamp


def test_a_month_sharing_an_id_with_a_cached_month_gets_no_entry_and_the_scan_names_both(
    store: Store,
) -> None:
    ten_years(store)
    scan_journal(store)
    copied = store.read_month((2020, 5)).sessions[0]
    moved = replace(copied, started_at=copied.started_at.replace(year=TODAY.year, month=TODAY.month, day=1))
    journal = store.read_month(THIS_MONTH)
    store.month_path(THIS_MONTH).write_text(
        journal_codec.journal_to_text(THIS_MONTH, replace(journal, sessions=(moved, *journal.sessions)))
    )
    an_hour_ago = time.time() - 3600  # as a file a sync tool brought long ago: settled
    os.utime(store.month_path(THIS_MONTH), (an_hour_ago, an_hour_ago))
    assert keep_months(store, [THIS_MONTH], 0)
    assert f"{TODAY:%Y-%m}" not in months_in_cache(store) and "2020-05" in months_in_cache(store)
    problems = scan_journal(store).problems
    assert len(problems) == 1 and isinstance(problems[0], RepeatedId)
    assert {path for path, _ in problems[0].places} == {
        store.month_path((2020, 5)),
        store.month_path(THIS_MONTH),
    }


def test_a_damaged_entry_of_another_month_makes_the_next_scan_rebuild_the_whole_cache(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ten_years(store)
    truth = scan_journal(store).days
    header, months = read_cache(cache_path(store))
    months["2019-03"]["done"] += (0,)  # not a date's ordinal
    write_cache(cache_path(store), header, months)
    store.save_session(session(TODAY))
    assert keep_months(store, [THIS_MONTH], 0)  # the other entries are left as they are
    read = reads(monkeypatch)
    days = scan_journal(store).days
    assert len(read) == len(store.months())  # nothing of the damaged cache trusted
    assert days.done == truth.done | {TODAY}
    assert 0 not in months_in_cache(store)["2019-03"]["done"]
