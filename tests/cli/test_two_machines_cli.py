"""Two machines as a new user would try them: two data folders, two state folders (so two
device ids), the real command on each, and a copying loop keeping `journal/` in step."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

from glutewake.core.settings import Profile
from glutewake.store import Store
from tests.helpers import Result, RunCli

YESTERDAY = dt.date.today() - dt.timedelta(days=1)


def sync(*folders: Path) -> None:
    """What a sync tool does with `journal/`: every file new or changed on one side copied to
    the other, its time kept (each machine writes only its own files, so the newer wins)."""
    for source in folders:
        for target in folders:
            if source == target or not source.is_dir():
                continue
            target.mkdir(parents=True, exist_ok=True)
            for path in source.iterdir():
                there = target / path.name
                if not path.is_file():
                    continue
                if not there.exists() or (
                    there.read_bytes() != path.read_bytes()
                    and path.stat().st_mtime_ns > there.stat().st_mtime_ns
                ):
                    shutil.copy2(path, there)


def logged_id(output: str) -> str:
    found = re.search(r"id ([0-9a-f]{32})\)", output)
    assert found, output
    return found.group(1)


def test_logs_deletions_and_a_phase_switch_on_either_machine_appear_on_both(
    run_cli: RunCli, tmp_path: Path
) -> None:
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"

    def on(data: Path, *args: str) -> Result:
        return run_cli(*args, data=data, env={"GLUTEWAKE_STATE_DIR": str(tmp_path / f"state-{data.name}")})

    def both_journals() -> None:
        sync(laptop / "journal", desktop / "journal")

    day = YESTERDAY.isoformat()
    session = logged_id(on(laptop, "log", "--programme", "beginner", "--date", day).stdout)
    both_journals()
    swim = logged_id(on(desktop, "log", "--activity", "swimming", "--minutes", "30", "--date", day).stdout)
    rest = logged_id(on(desktop, "log", "--rest").stdout)
    both_journals()
    assert on(laptop, "delete", swim).returncode == 0  # deleting what the other machine logged
    assert on(desktop, "settings", "count_seconds", "1.5").returncode == 0  # this machine's only
    both_journals()
    documents = [json.loads(on(data, "history", "--json").stdout) for data in (laptop, desktop)]
    assert documents[0] == documents[1]
    assert [s["id"] for s in documents[0]["sessions"]] == [session]
    assert [r["id"] for r in documents[0]["rest_days"]] == [rest]
    assert documents[0]["activities"] == []
    assert on(laptop, "settings", "count_seconds").stdout.strip() == "1.0"
    assert on(desktop, "status").stdout == on(laptop, "status").stdout
    # The phase switch of the app (`p` on home), made on the laptop, reaches the desktop.
    device = (tmp_path / "state-laptop" / "device-id").read_text().strip()
    Store(laptop, device=device).update_profile(lambda p: Profile(p.settings, "advanced"))
    both_journals()
    assert json.loads(on(desktop, "status", "--json").stdout)["phase"] == "advanced"
    (change,) = json.loads(on(desktop, "history", "--json").stdout)["phase_changes"]
    assert change["phase"] == "advanced"
    names = sorted(p.name for p in (laptop / "journal").iterdir() if not p.name.startswith("state."))
    assert len(names) == 2 and len({name.split(".")[1] for name in names}) == 2  # one file a machine


def test_repair_folds_a_conflict_copy_and_says_so(run_cli: RunCli, data_dir: Path) -> None:
    first = logged_id(run_cli("log", "--rest", "--date", YESTERDAY.isoformat()).stdout)
    (own,) = (data_dir / "journal").glob("*.toml")
    copy = own.with_name(own.name.replace(".toml", ".sync-conflict-20261102-080000-ABCDEFG.toml"))
    shutil.copy(own, copy)
    second = logged_id(run_cli("log", "--activity", "yoga", "--minutes", "20").stdout)
    document = json.loads(run_cli("history", "--json").stdout)
    assert [r["id"] for r in document["rest_days"]] == [first]  # in both files: counted once
    assert [a["id"] for a in document["activities"]] == [second]
    result = run_cli("repair")
    assert result.returncode == 0
    assert f"Folded {copy.name} into this machine's own files and removed it." in result.stdout
    assert not copy.exists()
    assert json.loads(run_cli("history", "--json").stdout) == document
    assert run_cli("repair").stdout.startswith("Nothing to repair")


def test_a_damaged_conflict_copy_is_named_on_one_line(run_cli: RunCli, data_dir: Path) -> None:
    run_cli("log", "--rest", "--date", YESTERDAY.isoformat())
    (own,) = (data_dir / "journal").glob("*.toml")
    copy = own.with_name(own.name.replace(".toml", " (Laptop's conflicted copy 2026-11-24).toml"))
    copy.write_bytes(own.read_bytes()[:-20])
    result = run_cli("history")
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and str(copy) in result.stderr
