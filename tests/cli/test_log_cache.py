"""`log` keeps the summary cache: builds it when missing, updates it after a write, rebuilds
a damaged or stale one, and leaves none behind when it refuses."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from glutewake.store import Store
from tests.helpers import RunCli

TODAY = dt.date.today()
LAST_MONTH = TODAY.replace(day=1) - dt.timedelta(days=1)


def cache(data: Path) -> dict[str, object]:
    months: dict[str, object] = json.loads((data / "cache" / "days.json").read_text())["months"]
    return months


def age(path: Path, seconds: float = 3600) -> None:
    """Make a file look as old as a real history's (the cache reuses only settled files)."""
    then = path.stat().st_mtime - seconds
    os.utime(path, (then, then))


def test_log_builds_the_missing_cache_with_every_month(run_cli: RunCli, data_dir: Path) -> None:
    assert run_cli("log", "--rest", "--date", LAST_MONTH.isoformat()).returncode == 0
    (data_dir / "cache" / "days.json").unlink()
    result = run_cli("log", "--activity", "swimming", "--minutes", "20")
    assert result.returncode == 0, result.stderr
    months = cache(data_dir)
    assert set(months) == {f"{LAST_MONTH:%Y-%m}", f"{TODAY:%Y-%m}"}
    assert months[f"{LAST_MONTH:%Y-%m}"]["rest"] == [LAST_MONTH.isoformat()]  # type: ignore[index]


def test_log_writes_the_cache_even_when_it_changes_nothing(run_cli: RunCli, data_dir: Path) -> None:
    run_cli("log", "--rest")
    (data_dir / "cache" / "days.json").unlink()
    result = run_cli("log", "--rest")
    assert result.returncode == 0 and "was already" in result.stdout
    assert cache(data_dir)[f"{TODAY:%Y-%m}"]["rest"] == [TODAY.isoformat()]  # type: ignore[index]


def test_log_updates_the_cache_with_what_it_wrote(run_cli: RunCli, data_dir: Path) -> None:
    run_cli("log", "--rest", "--date", LAST_MONTH.isoformat())
    age(Store(data_dir).month_path((LAST_MONTH.year, LAST_MONTH.month)))
    run_cli("status")  # the cache now knows last month as settled
    before = cache(data_dir)[f"{LAST_MONTH:%Y-%m}"]
    run_cli("log", "--programme", "beginner")
    months = cache(data_dir)
    assert months[f"{LAST_MONTH:%Y-%m}"] == before
    assert months[f"{TODAY:%Y-%m}"]["done"] == [TODAY.isoformat()]  # type: ignore[index]


def test_a_damaged_or_stale_cache_is_rebuilt(run_cli: RunCli, data_dir: Path) -> None:
    run_cli("log", "--rest", "--date", LAST_MONTH.isoformat())
    path = data_dir / "cache" / "days.json"
    path.write_text('{"version": 2, "months": {"2001-01": ')
    run_cli("log", "--rest")
    assert set(cache(data_dir)) == {f"{LAST_MONTH:%Y-%m}", f"{TODAY:%Y-%m}"}
    # A stale entry: the right file identity is gone, so the month is read again.
    document = json.loads(path.read_text())
    document["months"][f"{LAST_MONTH:%Y-%m}"]["rest"] = []
    document["months"][f"{LAST_MONTH:%Y-%m}"]["stamp"] = [["x.toml", 1, 2, 3]]
    path.write_text(json.dumps(document))
    run_cli("log", "--activity", "cycling", "--minutes", "15")
    assert cache(data_dir)[f"{LAST_MONTH:%Y-%m}"]["rest"] == [LAST_MONTH.isoformat()]  # type: ignore[index]


def test_a_refused_log_leaves_no_cache(run_cli: RunCli, data_dir: Path) -> None:
    run_cli("log", "--rest", "--date", LAST_MONTH.isoformat())
    (data_dir / "cache" / "days.json").unlink()
    broken = Store(data_dir).month_path((LAST_MONTH.year, LAST_MONTH.month))
    broken.write_text(broken.read_text().replace("# end of journal", ""))
    result = run_cli("log", "--rest")
    assert result.returncode == 2 and str(broken) in result.stderr
    assert not (data_dir / "cache" / "days.json").exists()
