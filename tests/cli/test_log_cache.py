"""`log` reads only what its write needs (settings, the state files, the month it writes) and
keeps the summary cache: the written month's entry replaced in a valid cache, a cache of the
months it read when there was none (or a damaged or stale one), which the next scan fills in.
A file it reads that does not parse stops it with nothing written; other months' do not."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from glutewake.core.records import Journal
from glutewake.store import Store
from tests.cli.startup_helpers import settle
from tests.helpers import RunCli, snapshot_tree
from tests.unit.summary_helpers import cache_file, read_cache, session, write_cache

TODAY = dt.date.today()
LAST_MONTH = TODAY.replace(day=1) - dt.timedelta(days=1)
OTHER_DEVICE = "0123456789abcdef"
KINDS = {
    "rest": ("--rest",),
    "activity": ("--activity", "swimming", "--minutes", "20"),
    "morning": ("--morning", "same", "--pain", "1"),
    "programme": ("--programme", "beginner"),
}


def cache(data: Path) -> dict[str, dict[str, Any]]:
    return read_cache(cache_file(data))[1]


def age(path: Path, seconds: float = 3600) -> None:
    """Make a file look as old as a real history's (the cache reuses only settled files)."""
    then = path.stat().st_mtime - seconds
    os.utime(path, (then, then))


def history(data: Path, months: int = 40) -> Store:
    """A session every third day for `months` months, then every day of the last 20 up to
    yesterday, every file an hour old."""
    days = [TODAY - dt.timedelta(days=n) for n in range(months * 30, 20, -3)]
    days += [TODAY - dt.timedelta(days=n) for n in range(20, 0, -1)]
    store = Store(data)
    store.import_journal(Journal(sessions=tuple(session(day) for day in days)))
    for path in store.journal_dir.iterdir():
        age(path)
    return store


def status(run_cli: RunCli, data: Path) -> dict[str, object]:
    result = run_cli("status", "--json", data=data)
    assert result.returncode == 0, result.stderr
    shown: dict[str, object] = json.loads(result.stdout)
    return shown


def streak(shown: dict[str, object]) -> int:
    counts = shown["streak"]
    assert isinstance(counts, dict)
    current: int = counts["current"]
    return current


@pytest.mark.parametrize("before", ["no cache", "damaged cache"])
def test_log_then_status_prints_what_status_prints_with_a_full_cache(
    run_cli: RunCli, tmp_path: Path, before: str
) -> None:
    full, partial = tmp_path / "full", tmp_path / "partial"
    store = history(full)
    shutil.copytree(full, partial)
    settle(full)  # the snapshot is written only from files whose ctime has settled
    first = status(run_cli, full)  # the whole cache, and the snapshot, in `full`
    assert len(cache(full)) == len(store.months()) and (full / "cache" / "status.txt").exists()
    if before == "damaged cache":
        shutil.copytree(full / "cache", partial / "cache")
        cache_file(partial).write_bytes(cache_file(partial).read_bytes()[:-100])  # cut short
    for data in (full, partial):
        assert run_cli("log", *KINDS["programme"], data=data).returncode == 0
    assert list(cache(partial)) == [f"{TODAY:%Y-%m}"]  # only the month it read
    shown = status(run_cli, partial)
    assert shown == status(run_cli, full)  # `full`'s snapshot no longer answers: a file changed
    assert streak(shown) == streak(first) + 1 and shown["today_done"] is True
    assert len(cache(partial)) == len(store.months())  # the scan filled in the rest
    shutil.rmtree(partial / "cache")
    assert status(run_cli, partial) == shown  # counted afresh from every file


def test_log_updates_the_cache_with_what_it_wrote(run_cli: RunCli, data_dir: Path) -> None:
    history(data_dir, months=3)
    run_cli("status")  # the cache now knows every month as settled
    before = cache(data_dir)
    shown = status(run_cli, data_dir)
    run_cli("log", "--programme", "beginner")
    months = cache(data_dir)
    assert set(months) == set(before)  # every other month's entry kept
    assert {key for key in months if months[key] != before[key]} == {f"{TODAY:%Y-%m}"}
    assert max(months[f"{TODAY:%Y-%m}"]["done"]) == TODAY.toordinal()
    assert streak(status(run_cli, data_dir)) == streak(shown) + 1


def test_log_writes_the_cache_even_when_it_changes_nothing(run_cli: RunCli, data_dir: Path) -> None:
    run_cli("log", "--rest")
    cache_file(data_dir).unlink()
    result = run_cli("log", "--rest")
    assert result.returncode == 0 and "was already" in result.stdout
    assert cache(data_dir)[f"{TODAY:%Y-%m}"]["rest"] == (TODAY.toordinal(),)


def test_log_leaves_an_old_json_cache_unread_and_removes_it(run_cli: RunCli, data_dir: Path) -> None:
    run_cli("log", "--rest", "--date", LAST_MONTH.isoformat())
    cache_file(data_dir).unlink()
    old = data_dir / "cache" / "days.json"  # as version 4 left it, with a month it never had
    old.write_text('{"version": 4, "day_starts_at": 4, "months": {"2001-01": {}}}')
    assert run_cli("log", "--rest").returncode == 0
    assert not old.exists() and list(cache(data_dir)) == [f"{TODAY:%Y-%m}"]


def test_an_unchanged_month_is_not_rewritten_by_a_process_of_another_hash_seed(
    run_cli: RunCli, data_dir: Path
) -> None:
    # Sets are kept sorted: another process's iteration order does not make them differ.
    store = history(data_dir, months=3)
    free = TODAY - dt.timedelta(days=22)  # no session that day, and a month of many ids
    rest = ("--rest", "--date", free.isoformat())
    assert run_cli("log", *rest, env={"PYTHONHASHSEED": "1"}).returncode == 0
    for path in store.journal_dir.iterdir():
        age(path)
    assert run_cli("status", env={"PYTHONHASHSEED": "2"}).returncode == 0  # every entry settled
    written = cache_file(data_dir).stat().st_mtime_ns
    result = run_cli("log", *rest, env={"PYTHONHASHSEED": "3"})
    assert result.returncode == 0 and "was already" in result.stdout
    assert cache_file(data_dir).stat().st_mtime_ns == written


def test_a_stale_entry_of_the_month_written_is_replaced(run_cli: RunCli, data_dir: Path) -> None:
    run_cli("log", "--rest", "--date", LAST_MONTH.isoformat())
    path = cache_file(data_dir)
    header, months = read_cache(path)
    months[f"{LAST_MONTH:%Y-%m}"]["rest"] = ()
    months[f"{LAST_MONTH:%Y-%m}"]["stamp"] = (("x.toml", 1, 2, 3),)
    write_cache(path, header, months)
    run_cli("log", "--activity", "cycling", "--minutes", "15", "--date", LAST_MONTH.isoformat())
    assert cache(data_dir)[f"{LAST_MONTH:%Y-%m}"]["rest"] == (LAST_MONTH.toordinal(),)


def test_a_broken_file_of_another_month_does_not_stop_log(run_cli: RunCli, data_dir: Path) -> None:
    store = history(data_dir, months=3)
    broken = store.month_path((LAST_MONTH.year, LAST_MONTH.month))
    broken.write_text(broken.read_text().replace("# end of journal", ""))
    for kind in KINDS.values():
        result = run_cli("log", *kind)
        assert result.returncode == 0, result.stderr
    refused = run_cli("status")  # the commands that read that month still name it
    assert refused.returncode == 2 and str(broken) in refused.stderr
    assert "broken" in run_cli("repair").stdout
    assert run_cli("status").returncode == 0


@pytest.mark.parametrize("whose", ["ours", "another machine's"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_broken_file_of_the_month_written_stops_log_with_nothing_written(
    run_cli: RunCli, data_dir: Path, kind: str, whose: str
) -> None:
    store = Store(data_dir, device=OTHER_DEVICE if whose != "ours" else None)
    store.add_activity(TODAY, "cycling", 10)
    broken = store.month_path((TODAY.year, TODAY.month))
    broken.write_text(broken.read_text().replace("# end of journal", ""))
    before = snapshot_tree(data_dir)
    result = run_cli("log", *KINDS[kind])
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and str(broken) in result.stderr
    assert snapshot_tree(data_dir) == before  # no journal file, no cache


@pytest.mark.parametrize("broken", ["settings.toml", "a state file"])
def test_a_broken_settings_or_state_file_stops_log_with_nothing_written(
    run_cli: RunCli, data_dir: Path, broken: str
) -> None:
    store = Store(data_dir)
    store.set_day_starts_at(0, dt.datetime.now().astimezone())
    path = store.settings_path if broken == "settings.toml" else store.state_path()
    path.write_text("[")
    before = snapshot_tree(data_dir)
    for kind in KINDS.values():
        result = run_cli("log", *kind)
        assert result.returncode == 2 and str(path) in result.stderr, result.stderr
        assert len(result.stderr.splitlines()) == 1
    assert snapshot_tree(data_dir) == before
