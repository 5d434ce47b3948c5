"""Data of the single-file layout (`journal/YYYY-MM.toml`, schema 2, settings.toml holding the
phase): read as before, moved into this machine's own files without loss, at any interruption."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from glutewake.core.records import Journal
from glutewake.core.settings import Profile
from glutewake.store import Store

DEVICE = "3c" * 8

# As glutewake 1.x wrote it (schema 2), then edited by hand: comments, a blank line, a
# record's keys in another order, a rest day moved by hand.
HAND_EDITED = """\
# glutewake journal for 2026-10: sessions, rest days, activities and symptom checks.
# Hand-editing is fine; keep the last line, it marks a complete file.
schema = 2

# I did this one in the morning before work
[[sessions]]
status = "completed"
id = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
programme = "beginner"
phase = "beginner"
source = "app"
started_at = 2026-10-05T07:30:00+02:00
ended_at = 2026-10-05T07:36:00+02:00
pain_after = 2

[[sessions.sets]]
exercise = "side-lying-hip-abduction"
side = "left"
reps = 10
target = 10

[[rest_days]]
id = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
date = 2026-10-07   # moved from the 6th

[[activities]]
id = "11111111111111111111111111111111"
date = 2026-10-08
kind = "swimming"
minutes = 30

# end of journal
"""

AS_WRITTEN = """\
# glutewake journal for 2026-11: sessions, rest days, activities and symptom checks.
# Hand-editing is fine; keep the last line, it marks a complete file.
schema = 2

[[sessions]]
id = "22222222222222222222222222222222"
programme = "advanced"
phase = "advanced"
status = "partial"
source = "app"
started_at = 2026-11-02T18:00:00+01:00

[[sessions.sets]]
exercise = "wall-mini-squat"
reps = 6
target = 10

[[sessions]]
id = "33333333333333333333333333333333"
programme = "beginner"
phase = "beginner"
status = "completed"
source = "log"
started_at = 2026-11-03T12:00:00+01:00
sets = []

[[symptom_checks]]
id = "44444444444444444444444444444444"
at = 2026-11-04T09:00:00+01:00
pain_during_run = 3
pain_after_run = 2
wobbly_gait = false
weight_on_one_hip = false
spread = []
cleared_for_exercise = true
cleared_for_advanced = true
advice = "advanced"

# end of journal
"""

SETTINGS = """\
# glutewake settings and state. Hand-editing is fine; see "Your data" in the README.
schema = 2
phase = "advanced"
acknowledged_on = 2026-10-01

[settings]
count_seconds = 1.5
"""


@pytest.fixture
def old_layout(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "journal").mkdir(parents=True)
    (data / "journal" / "2026-10.toml").write_text(HAND_EDITED)
    (data / "journal" / "2026-11.toml").write_text(AS_WRITTEN)
    (data / "settings.toml").write_text(SETTINGS)
    return data


def snapshot(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((data / "journal").iterdir())}


def records(store: Store) -> Journal:
    return store.read_journal()


def test_the_single_file_layout_reads_as_before_and_reading_writes_nothing(old_layout: Path) -> None:
    before = snapshot(old_layout)
    store = Store(old_layout, device=DEVICE)
    journal = records(store)
    assert [s.id[:2] for s in journal.sessions] == ["a1", "22", "33"]
    assert [r.day for r in journal.rest_days] == [dt.date(2026, 10, 7)]
    assert [a.kind for a in journal.activities] == ["swimming"]
    assert [c.advice for c in journal.symptom_checks] == ["advanced"]
    profile = store.read_profile()
    assert (profile.phase, profile.acknowledged_on) == ("advanced", dt.date(2026, 10, 1))
    assert profile.settings.count_seconds == 1.5
    assert store.problems() == []
    assert snapshot(old_layout) == before


def test_writing_a_month_moves_that_month_into_this_machines_file(old_layout: Path) -> None:
    store = Store(old_layout, device=DEVICE)
    before = records(store)
    rest = store.add_rest_day(dt.date(2026, 11, 10))
    assert sorted(snapshot(old_layout)) == ["2026-10.toml", f"2026-11.{DEVICE}.toml"]
    after = records(store)
    assert after.sessions == before.sessions and after.symptom_checks == before.symptom_checks
    assert [r.id for r in after.rest_days] == [before.rest_days[0].id, rest.id]
    assert (old_layout / "journal" / "2026-10.toml").read_text() == HAND_EDITED  # not touched


def test_repair_moves_everything_and_the_phase_follows_as_a_record(old_layout: Path) -> None:
    store = Store(old_layout, device=DEVICE)
    before = records(store)
    folded = store.fold()
    assert sorted(p.name for p in folded.removed) == ["2026-10.toml", "2026-11.toml"]
    assert sorted(snapshot(old_layout)) == [
        f"2026-10.{DEVICE}.toml",
        f"2026-11.{DEVICE}.toml",
        f"state.{DEVICE}.toml",
    ]
    assert records(store) == before
    profile = store.read_profile()
    assert (profile.phase, profile.acknowledged_on) == ("advanced", dt.date(2026, 10, 1))
    settings = store.settings_path.read_text()
    assert "phase" not in settings and "acknowledged_on" not in settings and "count_seconds = 1.5" in settings
    (change,) = store.read_state().phase_changes
    assert change.phase == "advanced"
    # Another machine reads the same folder (as a sync would give it) with its own settings.
    other = Store(old_layout, device="4d" * 8)
    assert other.read_profile().phase == "advanced"


class Crash(BaseException):
    """Stands for the process dying at this call (nothing after it runs)."""


def crash_at(monkeypatch: pytest.MonkeyPatch, step: int) -> list[int]:
    """Make the `step`-th file-system call that changes something raise Crash."""
    calls = [0]
    for name in ("open", "write", "fsync", "replace", "unlink", "rename", "link"):
        real = getattr(os, name)

        def wrapper(*args: object, _real=real, _name=name, **kwargs: object) -> object:  # type: ignore[no-untyped-def]
            if _name == "open" and not (int(args[1]) & (os.O_WRONLY | os.O_RDWR)):  # type: ignore[call-overload]
                return _real(*args, **kwargs)
            calls[0] += 1
            if calls[0] == step:
                raise Crash(f"{_name} {args[0]!r}")
            return _real(*args, **kwargs)

        monkeypatch.setattr(os, name, wrapper)
    return calls


@pytest.mark.parametrize("operation", ["write a month", "repair"])
def test_an_interrupted_migration_at_every_step_leaves_every_record_readable(
    tmp_path: Path, operation: str
) -> None:
    step = 1
    while True:
        data = tmp_path / f"{operation}-{step}"
        (data / "journal").mkdir(parents=True)
        (data / "journal" / "2026-10.toml").write_text(HAND_EDITED)
        (data / "journal" / "2026-11.toml").write_text(AS_WRITTEN)
        (data / "settings.toml").write_text(SETTINGS)
        expected = records(Store(data, device=DEVICE))
        store = Store(data, device=DEVICE)
        store.read_profile()
        with pytest.MonkeyPatch.context() as patch:
            calls = crash_at(patch, step)
            try:
                if operation == "repair":
                    store.fold()
                else:
                    store.add_activity(dt.date(2026, 11, 12), "cycling", 20)
                finished = True
            except Crash:
                finished = False
        after = Store(data, device=DEVICE)
        assert after.problems() == [], step
        journal = records(after)
        for kind in ("sessions", "rest_days", "symptom_checks"):
            assert getattr(journal, kind) == getattr(expected, kind), (step, kind)
        assert {a.id for a in expected.activities} <= {a.id for a in journal.activities}, step
        assert after.read_profile().phase == "advanced", step
        if finished:
            assert calls[0] < step
            break
        step += 1
    assert step > 5  # the operation really went through several steps


LEGACY_WRITER = """\
import datetime as dt, sys
from pathlib import Path
from glutewake.core.records import Session, SetRecord
from glutewake.store import journal_codec
from glutewake.core.journal import Journal
data = Path(sys.argv[1]); (data / "journal").mkdir(parents=True, exist_ok=True)
zone = dt.timezone(dt.timedelta(hours=1))
for n in range(60):
    year, month = 2021 + n // 12, 1 + n % 12
    sessions = tuple(
        Session(f"{n:03d}-{d:02d}", "beginner", "beginner", dt.datetime(year, month, d, 7, tzinfo=zone),
                "completed", "app", (SetRecord("side-lying-hip-abduction", "left", 10, 10),))
        for d in range(1, 29)
    )
    text = journal_codec.journal_to_text((year, month), Journal(sessions=sessions))
    text = text.replace("schema = 3", "schema = 2")
    (data / "journal" / f"{year:04d}-{month:02d}.toml").write_text(text)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_kill_9_during_migration_loses_nothing(tmp_path: Path) -> None:
    source = str(Path(__file__).resolve().parents[2] / "src")
    env = {**os.environ, "PYTHONPATH": source, "GLUTEWAKE_STATE_DIR": str(tmp_path / "state")}
    rng = random.Random(7)

    def start_repair(data: Path) -> subprocess.Popen[bytes]:
        """Repair of a fresh legacy data folder, once its move has begun."""
        repair = subprocess.Popen(
            [sys.executable, "-m", "glutewake", "--data-dir", str(data), "repair"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while repair.poll() is None and time.monotonic() < deadline:  # until the move has begun
            if any(p.name.count(".") == 2 for p in (data / "journal").iterdir()):
                break
            time.sleep(0.002)
        return repair

    def legacy(data: Path) -> set[str]:
        subprocess.run([sys.executable, "-c", LEGACY_WRITER, str(data)], check=True, env=env)
        return {s.id for s in Store(data).read_journal().sessions}

    # How long the move lasts on this machine now (the shorter of two): the kills fall inside
    # it (a fixed window missed it more often than not once the command started faster).
    lasted = []
    for name in ("uninterrupted-1", "uninterrupted-2"):
        legacy(tmp_path / name)
        repair = start_repair(tmp_path / name)
        began = time.monotonic()
        repair.wait()
        lasted.append(time.monotonic() - began)
    move = min(lasted)
    midway = 0
    for trial in range(6):
        data = tmp_path / f"trial-{trial}"
        expected = legacy(data)
        assert len(expected) == 60 * 28
        repair = start_repair(data)
        time.sleep(rng.uniform(0, 0.5) * move)
        repair.send_signal(signal.SIGKILL)
        repair.wait()
        store = Store(data)  # this machine's device id, from the same state folder
        assert {s.id for s in store.read_journal().sessions} == expected, trial
        names = [p.name for p in (data / "journal").iterdir()]
        midway += any(n.count(".") == 1 for n in names) and any(n.count(".") == 2 for n in names)
        # Repair, run again, finishes the move.
        done = subprocess.run(
            [sys.executable, "-m", "glutewake", "--data-dir", str(data), "repair"],
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        assert not [p for p in (data / "journal").iterdir() if p.name.count(".") == 1]
        assert {s.id for s in store.read_journal().sessions} == expected, trial
    assert midway >= 3  # the kill really came in the middle of the move, more than once


def test_a_newer_state_file_is_refused_and_kept(tmp_path: Path) -> None:
    store = Store(tmp_path / "data", device=DEVICE)
    store.update_profile(lambda p: Profile(p.settings, "advanced"))
    path = store.state_path()
    path.write_text(path.read_text().replace("schema = 1", "schema = 7"))
    before = path.read_bytes()
    with pytest.raises(Exception, match="written by a newer glutewake"):
        store.read_profile()
    with pytest.raises(Exception, match="written by a newer glutewake"):
        store.update_profile(lambda p: Profile(p.settings, "beginner"))
    assert path.read_bytes() == before
