"""Crashes and concurrent writers: killed mid-write, and many processes logging at once."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import select
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from glutewake.core.records import Session, SetRecord
from glutewake.core.settings import Profile
from glutewake.store import Store

# Every acknowledged save must survive a kill -9 at any moment; CI runs the full 200 trials
# of forked writers (cheap to start), plus a few fresh interpreters.
KILL_TRIALS = int(os.environ.get("GLUTEWAKE_KILL_TRIALS", "200" if os.environ.get("CI") else "50"))
FRESH_PROCESS_TRIALS = 20

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


def check_survivors(data: Path, acknowledged: set[str], trial: int) -> None:
    store = Store(data)
    store.read_profile()  # every file still parses: these raise a named error otherwise
    saved = {s.id for s in store.read_journal().sessions}
    missing = acknowledged - saved
    assert not missing, f"trial {trial} lost {sorted(missing)[:5]}"


def save_forever(store: Store, prefix: str, acknowledge: int) -> None:
    """The forked writer: save sessions (and settings) in a loop, acknowledging each."""
    base = dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    sets = tuple(SetRecord("side-lying-hip-abduction", "left", n, 10) for n in range(8))
    number = 0
    while True:
        started = base + dt.timedelta(days=(number * 13) % 120, minutes=number)
        store.save_session(
            Session(f"{prefix}-{number}", "beginner", "beginner", started, "completed", "app", sets)
        )
        if number % 4 == 0:
            breath = 1 + number % 8
            store.update_profile(
                lambda p, breath=breath: Profile(p.settings.with_changes(counts_per_breath=breath), p.phase)
            )
        os.write(acknowledge, f"{prefix}-{number}\n".encode())
        number += 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_kill_9_of_a_forked_writer_never_loses_an_acknowledged_record(tmp_path: Path) -> None:
    save_forever_once(Store(tmp_path / "warm-up"))  # import everything before forking
    rng = random.Random(11252026)
    acknowledged: set[str] = set()
    total = 0
    for trial in range(KILL_TRIALS):
        if trial % 25 == 0:  # a fresh folder now and then keeps each check cheap
            data = tmp_path / f"data-{trial}"
            store = Store(data)
            total += len(acknowledged)
            acknowledged = set()
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child never returns into pytest
            try:
                os.close(read_end)
                save_forever(store, f"f{trial}", write_end)
            finally:
                os._exit(0)
        os.close(write_end)
        # Wait (bounded) for the first acknowledged save, then kill at a random moment of the
        # saves that follow: inside a write, an fsync, a rename, or between them.
        received = wait_for_line(read_end, timeout=20.0)
        time.sleep(rng.uniform(0.0, 0.02))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as rest:
            received += rest.read()
        acknowledged |= {line.strip() for line in received.decode().splitlines() if line.strip()}
        check_survivors(data, acknowledged, trial)
    assert total + len(acknowledged) > KILL_TRIALS


def wait_for_line(fd: int, timeout: float) -> bytes:
    """Bytes from `fd` up to and including the first newline (bounded polling)."""
    received = b""
    deadline = time.monotonic() + timeout
    while b"\n" not in received:
        assert time.monotonic() < deadline, "the writer never acknowledged a save"
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            chunk = os.read(fd, 4096)
            assert chunk, "the writer exited before saving"
            received += chunk
    return received


def save_forever_once(store: Store) -> None:
    store.save_session(
        Session(
            "warm-up", "beginner", "beginner", dt.datetime(2026, 1, 1, 8, 0).astimezone(), "completed", "app"
        )
    )
    store.update_profile(lambda p: p)


def test_kill_9_of_a_fresh_writer_process_never_loses_an_acknowledged_record(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    rng = random.Random(20261125)
    acknowledged: set[str] = set()
    for trial in range(FRESH_PROCESS_TRIALS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data), f"t{trial}"],
            stdout=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        if trial % 4 == 3:
            # Every fourth writer is killed only after its first save returned: on a busy
            # machine the first save may take longer than the whole random delay below.
            acknowledged.add(writer.stdout.readline().strip())
        # The child is now saving in a loop; kill it somewhere inside that loop.
        deadline = rng.uniform(0.0, 0.03)
        with contextlib.suppress(subprocess.TimeoutExpired):
            writer.wait(timeout=deadline)
        writer.send_signal(signal.SIGKILL)
        output, _ = writer.communicate(timeout=30)
        acknowledged.update(line.strip() for line in output.splitlines() if line.strip())
        check_survivors(data, acknowledged, trial)
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


@pytest.mark.parametrize("machines", [1, 2])
def test_eight_processes_logging_at_once_lose_nothing(tmp_path: Path, machines: int) -> None:
    # With two machines, each half of the loggers has its own device id (its own state
    # folder) and writes its own files of the same data folder at the same time.
    data = tmp_path / "data"
    loggers = [
        subprocess.Popen(
            [sys.executable, "-c", LOGGER, str(data), str(1 + 15 * n)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**child_env(), "GLUTEWAKE_STATE_DIR": str(tmp_path / f"state-{n % machines}")},
        )
        for n in range(8)
    ]
    for logger in loggers:
        _, errors = logger.communicate(timeout=120)
        assert logger.returncode == 0, errors
    store = Store(data)
    activities = store.read_journal().activities
    assert sorted(a.minutes for a in activities) == list(range(1, 121))
    assert len({a.id for a in activities}) == 120
    assert len(list(store.journal_dir.glob("*.toml"))) == machines
    assert store.problems() == []
