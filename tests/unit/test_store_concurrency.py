"""Crashes and concurrent writers: killed mid-write, and many processes logging at once."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from glutewake.store import Store

# Every acknowledged save must survive a kill -9 at any moment; CI runs the full 200 trials.
KILL_TRIALS = int(os.environ.get("GLUTEWAKE_KILL_TRIALS", "200" if os.environ.get("CI") else "40"))

WRITER = textwrap.dedent("""\
    import datetime as dt, sys
    from pathlib import Path
    from glutewake.core.records import Session, SetRecord
    from glutewake.core.settings import Profile
    from glutewake.store import Store

    store = Store(Path(sys.argv[1]))
    prefix = sys.argv[2]
    base = dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    print("ready", flush=True)
    number = 0
    while True:
        started = base + dt.timedelta(days=(number * 13) % 120, minutes=number)
        sets = tuple(SetRecord("side-lying-hip-abduction", "left", n, 10) for n in range(8))
        store.save_session(Session(f"{prefix}-{number}", "beginner", "beginner", started,
                                   "completed", "app", sets))
        if number % 4 == 0:
            store.update_profile(lambda p: Profile(
                p.settings.with_changes(counts_per_breath=1 + number % 8), p.phase))
        print(f"{prefix}-{number}", flush=True)  # acknowledged: the save returned
        number += 1
""")


def child_env() -> dict[str, str]:
    src = str(Path(__file__).resolve().parents[2] / "src")
    return {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}


def test_kill_9_at_random_moments_never_loses_an_acknowledged_record(tmp_path: Path) -> None:
    data = tmp_path / "data"
    rng = random.Random(20261125)
    acknowledged: set[str] = set()
    for trial in range(KILL_TRIALS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data), f"t{trial}"],
            stdout=subprocess.PIPE, text=True, env=child_env(),
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        # The child is now saving in a loop; kill it somewhere inside that loop.
        deadline = rng.uniform(0.0, 0.03)
        with contextlib.suppress(subprocess.TimeoutExpired):
            writer.wait(timeout=deadline)
        writer.send_signal(signal.SIGKILL)
        output, _ = writer.communicate(timeout=30)
        acknowledged.update(line.strip() for line in output.splitlines() if line.strip())
        store = Store(data)
        assert store.problems() == [], f"trial {trial}"
        saved = {s.id for s in store.read_journal().sessions}
        missing = acknowledged - saved
        assert not missing, f"trial {trial} lost {sorted(missing)[:5]}"
    assert acknowledged, "the writers never got to save anything"


LOGGER = textwrap.dedent("""\
    import sys
    from glutewake.cli import main

    data, first = sys.argv[1], int(sys.argv[2])
    for minutes in range(first, first + 15):
        status = main(["--data-dir", data, "log", "--activity", "swimming",
                       "--minutes", str(minutes)])
        assert status == 0, status
""")


def test_eight_processes_logging_at_once_lose_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    loggers = [
        subprocess.Popen([sys.executable, "-c", LOGGER, str(data), str(1 + 15 * n)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         env=child_env())
        for n in range(8)
    ]
    for logger in loggers:
        _, errors = logger.communicate(timeout=120)
        assert logger.returncode == 0, errors
    activities = Store(data).read_journal().activities
    assert sorted(a.minutes for a in activities) == list(range(1, 121))
    assert len({a.id for a in activities}) == 120
