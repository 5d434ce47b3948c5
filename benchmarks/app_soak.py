"""Start the full-screen app many times in a real terminal, as a user would, and count how
each run ended: a hunt for crashes that come and go (a segfault is exit 139, an illegal
instruction 132).

Each run gets a fresh tmux server and data folder; the app is started through a wrapper that
turns on `faulthandler` for every thread, writing to `OUT/fh-N.log` (Textual draws on
stderr, so the traceback cannot go there). A run that does not exit 0 keeps that log, its
last screen (`OUT/screen-N.txt`) and the app's own crash reports (`OUT/logs-N/`). Each run:
home, then settings until the sound line says which output is in use, back, a session for a
few seconds ended early, quit.

Run: `.venv/bin/python benchmarks/app_soak.py [--runs 30] [--tz Europe/Berlin] [--pulse]
[--no-settings] [--no-session] [--out DIR]`. `--pulse` runs a private PulseAudio server on a
null sink for the runs (stopped by its process id at the end); without it, no sound server.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

WRAPPER = """\
import faulthandler, os, sys
faulthandler.enable(open(os.environ["GLUTEWAKE_SOAK_LOG"], "w"), all_threads=True)
from glutewake.cli import main
sys.exit(main(sys.argv[1:]))
"""


class Ended(Exception):
    """The app exited while the run waited for a screen."""


class Run:
    """One start of the app in its own tmux server."""

    def __init__(self, log: Path, env: dict[str, str]) -> None:
        self.socket = f"glutewake-soak-{uuid.uuid4().hex[:10]}"
        self.folder = Path(tempfile.mkdtemp(prefix="glutewake-soak-"))
        self.status_file = self.folder / "status"
        # The pane stays once the app has exited, so its last screen can still be read.
        self.config = self.folder / "tmux.conf"
        self.config.write_text("set -g remain-on-exit on\n")
        settings = {
            "TERM": "xterm-256color",
            "GLUTEWAKE_SOAK_LOG": str(log),
            "GLUTEWAKE_STATE_DIR": str(self.folder / "state"),
            **env,
        }
        record = f'"$@"; echo $? > {shlex.quote(str(self.status_file))}'
        command = [sys.executable, "-c", WRAPPER, "--data-dir", str(self.folder / "data")]
        assignments = [f"{name}={value}" for name, value in settings.items()]
        size = ["-x", "80", "-y", "24"]
        self.tmux(
            "new-session", "-d", "-s", "main", *size, "env", *assignments, "sh", "-c", record, "sh", *command
        )

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout

    def status(self) -> int | None:
        text = self.status_file.read_text() if self.status_file.exists() else ""
        return int(text) if text.endswith("\n") else None

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "main")

    def wait(self, check: Callable[[str], bool], timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.status() is not None:
                raise Ended
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.05)
        raise TimeoutError(self.screen())

    def send(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "main", key)

    def keep_crash_logs(self, folder: Path) -> None:
        """The app's own crash reports (an exception, exit 1) are in its data folder."""
        logs = self.folder / "data" / "logs"
        if logs.exists():
            shutil.copytree(logs, folder, dirs_exist_ok=True)

    def close(self) -> None:
        self.tmux("kill-server")
        shutil.rmtree(self.folder, ignore_errors=True)


def home(screen: str) -> bool:
    return "PHASE" in screen and "s start" in screen


def drive(run: Run, settings: bool, session: float | None) -> None:
    """What a user does: home, settings and back, a short session ended early, quit."""
    first = run.wait(lambda s: "Before you start" in s or home(s))
    if "Before you start" in first:
        run.send("Enter")
    run.wait(home)
    if settings:
        run.send(",")
        run.wait(lambda s: "sound:" in s and "looking for" not in s)
        run.send("Escape")
        run.wait(home)
    if session is not None:
        run.send("s")
        run.wait(lambda s: "GET READY" in s)
        time.sleep(session)
        run.send("Escape")
        deadline = time.monotonic() + 15
        while not home(screen := run.wait(lambda s: True)) and time.monotonic() < deadline:
            if "End the session now?" in screen:
                run.send("y")
            elif "How does your hip feel" in screen:
                run.send("3", "Enter")
            time.sleep(0.3)
    run.send("q")


@contextmanager
def private_pulse(wanted: bool) -> Iterator[dict[str, str]]:
    """A PulseAudio server on a null sink in a folder of its own, or no change."""
    if not wanted:
        yield {}
        return
    folder = Path(tempfile.mkdtemp(prefix="glutewake-soak-pulse-"))
    (folder / "home").mkdir()
    env = {"XDG_RUNTIME_DIR": str(folder), "PULSE_SERVER": f"unix:{folder / 'pulse' / 'native'}"}
    environ = {**os.environ, **env, "HOME": str(folder / "home")}
    environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
    server = subprocess.Popen(
        [
            "pulseaudio",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--use-pid-file=no",
            "-n",
            "--load=module-null-sink sink_name=soak",
            "--load=module-native-protocol-unix auth-anonymous=1",
        ],
        env=environ,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while subprocess.run(["pactl", "info"], env=environ, capture_output=True).returncode != 0:
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the private PulseAudio server did not start")
            time.sleep(0.05)
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--tz", default="", help="TZ for the app (unset when empty)")
    parser.add_argument("--pulse", action="store_true", help="run a private PulseAudio server")
    parser.add_argument("--no-settings", dest="settings", action="store_false")
    parser.add_argument("--no-session", dest="session", action="store_false")
    parser.add_argument("--session-seconds", type=float, default=3.0)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "glutewake-soak")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is not installed")
    args.out.mkdir(parents=True, exist_ok=True)
    ends: Counter[str] = Counter()
    with private_pulse(args.pulse) as env:
        if args.tz:
            env = {**env, "TZ": args.tz}
        for number in range(1, args.runs + 1):
            log = args.out / f"fh-{number}.log"
            run = Run(log, env)
            began = time.monotonic()
            step = "after quitting"
            try:
                drive(run, args.settings, args.session_seconds if args.session else None)
                deadline = time.monotonic() + 15
                while run.status() is None and time.monotonic() < deadline:
                    time.sleep(0.05)
            except Ended:
                step = "mid-run"
            except TimeoutError:
                step = "stuck: a screen never came"
            status = run.status()
            if status == 0:
                log.unlink(missing_ok=True)
            else:
                (args.out / f"screen-{number}.txt").write_text(run.screen())
                run.keep_crash_logs(args.out / f"logs-{number}")
            run.close()
            ends[str(status)] += 1
            print(f"run {number}: exit {status}, {step} ({time.monotonic() - began:.1f} s)", flush=True)
    print(f"exit statuses over {args.runs} runs: {dict(ends)}; logs of the others in {args.out}")
    return 0 if set(ends) == {"0"} else 1


if __name__ == "__main__":
    sys.exit(main())
