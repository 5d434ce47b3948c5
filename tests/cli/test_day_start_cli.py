"""`day_starts_at` on the command line: `settings day_starts_at`, and `status` (both ways),
`log` and `history --json` at one in the morning, when with 4 it is still yesterday.

The commands read the wall clock, so each run gets a time zone (TZ) in which it is now
between 01:00 and 01:59."""

from __future__ import annotations

import datetime as dt
import json
import marshal
import os
import tomllib
from pathlib import Path

import pytest

from glutewake.core.frozen import replace
from glutewake.core.records import Session, new_id
from glutewake.store import Store
from tests.cli.startup_helpers import run, settle
from tests.helpers import RunCli, one_am_zone, snapshot_tree


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> dt.timezone:
    name, tz = one_am_zone()
    monkeypatch.setenv("TZ", name)  # every command these tests run inherits it
    assert dt.datetime.now(tz).hour == 1
    return tz


def late_sessions(store: Store, tz: dt.timezone) -> tuple[dt.date, dt.date]:
    """A session at 18:00 two calendar days ago and one at 00:10 tonight; (today, yesterday)."""
    today = dt.datetime.now(tz).date()
    yesterday = today - dt.timedelta(days=1)
    for moment in (
        dt.datetime.combine(today - dt.timedelta(days=2), dt.time(18), tz),
        dt.datetime.combine(today, dt.time(0, 10), tz),
    ):
        store.save_session(Session(new_id(), "beginner", "beginner", moment, "completed", "app"))
    return today, yesterday


def set_day_start(store: Store, hour: int) -> None:
    store.update_profile(lambda p: replace(p, settings=p.settings.with_changes(day_starts_at=hour)))


def status(home: Path, data: Path) -> tuple[dict[str, object], bool]:
    """`status --json` and whether the quick way (the snapshot) answered."""
    code, out, modules = run(home, "--data-dir", str(data), "status", "--json")
    assert code == 0, out
    return json.loads(out), "glutewake.core.advice" not in modules


def test_status_at_one_in_the_morning_counts_tonights_session_for_yesterday(
    tmp_path: Path, zone: dt.timezone
) -> None:
    data = tmp_path / "data"
    store = Store(data)
    late_sessions(store, zone)
    set_day_start(store, 4)
    first, quick = status(tmp_path, data)
    assert not quick
    assert (first["streak"], first["today_done"]) == ({"current": 2, "longest": 2}, True)
    settle(data)
    again, quick = status(tmp_path, data)  # the snapshot ran out? then it is written now
    if not quick:
        settle(data)
        again, quick = status(tmp_path, data)
    assert quick and again == first
    # Days starting at midnight: 00:10 is today's, yesterday has nothing and breaks the run.
    set_day_start(store, 0)
    midnight, quick = status(tmp_path, data)
    assert not quick  # settings.toml changed: the snapshot no longer holds
    assert (midnight["streak"], midnight["today_done"]) == ({"current": 1, "longest": 1}, True)
    days = marshal.loads((data / "cache" / "days.marshal").read_bytes())
    assert days[3] == 0  # the summary cache was counted again


def test_log_at_one_in_the_morning_logs_for_yesterday(
    run_cli: RunCli, data_dir: Path, zone: dt.timezone
) -> None:
    store = Store(data_dir)
    set_day_start(store, 4)
    today = dt.datetime.now(zone).date()
    yesterday = today - dt.timedelta(days=1)
    env = {"TZ": os.environ["TZ"]}
    rest = run_cli("log", "--rest", env=env)
    assert rest.returncode == 0 and rest.stdout.startswith(f"{yesterday.isoformat()} is now a rest day"), rest
    logged = run_cli("log", "--programme", "beginner", env=env)
    assert logged.returncode == 0 and f"session on {yesterday.isoformat()}" in logged.stdout, logged
    morning = run_cli("log", "--morning", "same", env=env)
    assert f"the morning of {yesterday.isoformat()}" in morning.stdout, morning
    before = snapshot_tree(data_dir)
    future = run_cli("log", "--rest", "--date", today.isoformat(), env=env)
    assert future.returncode == 2 and "in the future" in future.stderr
    assert len(future.stderr.splitlines()) == 1
    assert snapshot_tree(data_dir) == before
    document = json.loads(run_cli("history", "--json", env=env).stdout)
    assert document["day_starts_at"] == 4
    assert [s["date"] for s in document["sessions"]] == [yesterday.isoformat()]
    assert dt.datetime.fromisoformat(document["sessions"][0]["started_at"]).date() == today


def test_settings_day_starts_at_is_printed_set_and_checked(run_cli: RunCli, data_dir: Path) -> None:
    assert tomllib.loads(run_cli("settings").stdout)["day_starts_at"] == 0
    assert run_cli("settings", "day_starts_at").stdout == "0\n"
    done = run_cli("settings", "day_starts_at", "4")
    assert (done.returncode, done.stdout, done.stderr) == (0, "day_starts_at = 4\n", "")
    assert Store(data_dir).read_profile().settings.day_starts_at == 4
    # A journal state record, so every machine counts days alike; not a setting of this machine.
    assert "day_starts_at" not in (data_dir / "settings.toml").read_text()
    (state,) = (data_dir / "journal").glob("state.*.toml")
    assert "hour = 4" in state.read_text()
    before = snapshot_tree(data_dir)
    for bad, message in (
        ("7", "day_starts_at must be between 0 and 6, got 7"),
        ("-1", "day_starts_at must be between 0 and 6, got -1"),
        ("2.5", "day_starts_at must be a whole number, got '2.5'"),
        ("four", "day_starts_at must be a whole number, got 'four'"),
    ):
        result = run_cli("settings", "day_starts_at", bad)
        assert result.returncode == 2 and result.stdout == "", (bad, result)
        assert len(result.stderr.splitlines()) == 1 and message in result.stderr, (bad, result.stderr)
        assert snapshot_tree(data_dir) == before


def test_a_hand_edited_day_start_out_of_range_is_named_with_its_line(run_cli: RunCli, data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "settings.toml").write_text("schema = 3\n[settings]\nday_starts_at = 9\n")
    before = snapshot_tree(data_dir)
    result = run_cli("status")
    assert result.returncode == 2 and "settings.toml" in result.stderr and "day_starts_at" in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert snapshot_tree(data_dir) == before
