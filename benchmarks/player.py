"""The player's cost and punctuality during a real session.

1. CPU: the installed `glutewake` playing the beginner session in tmux, its
   user+system time read from /proc over a window, against an idle Textual app
   (one Static, no timers) measured the same way. Goal: at most 5 % of one core.
2. Cue lag: the app headless on the real monotonic clock; every time the player
   draws a new step, how long after that step's scheduled start it was drawn.
   Goal: at most one redraw frame (1/15 s), and no drift from the first quarter
   of the session to the last.

Run: `.venv/bin/python benchmarks/player.py [--seconds 20] [--count-seconds 0.2]`.
Needs tmux and Linux /proc for part 1 (skipped with a note otherwise).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

IDLE_APP = """
from textual.app import App
from textual.widgets import Static
class Idle(App):
    def compose(self):
        yield Static("idle")
Idle().run()
"""
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of `pid` and its threads, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


class Pane:
    """A private tmux server with one pane running a command."""

    def __init__(
        self, command: list[str], size: tuple[int, int] = (80, 24), env: dict[str, str] | None = None
    ) -> None:
        self.socket = f"glutewake-bench-{uuid.uuid4().hex[:8]}"
        width, height = size
        assignments = [f"{name}={value}" for name, value in (env or {}).items()]
        self.tmux(
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            str(width),
            "-y",
            str(height),
            "env",
            "TERM=xterm-256color",
            *assignments,
            *command,
        )

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.tmux("capture-pane", "-p", "-t", "main")
            if text in screen:
                return screen
            time.sleep(0.05)
        raise SystemExit(f"{text!r} did not appear within {timeout:g} s")

    def app_pid(self, name: bytes) -> int:
        """The pane's process, or the first descendant whose command names `name`."""
        pending = [int(self.tmux("display-message", "-p", "-t", "main", "#{pane_pid}"))]
        while pending:
            pid = pending.pop(0)
            if any(name in part for part in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[:3]):
                return pid
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        raise SystemExit(f"no {name.decode()} process in the pane")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=10)


class SoundServer:
    """A private PulseAudio server on a null sink, so the player streams tones as at home
    (its own CPU is not counted: only the player's). None of it when PulseAudio is missing."""

    def __init__(self, folder: Path) -> None:
        self.server: subprocess.Popen[bytes] | None = None
        self.env: dict[str, str] = {}
        if not shutil.which("pulseaudio"):
            return
        runtime = folder / "runtime"
        runtime.mkdir(mode=0o700)
        self.env = {"XDG_RUNTIME_DIR": str(runtime), "PULSE_SERVER": f"unix:{runtime}/pulse/native"}
        self.server = subprocess.Popen(
            [
                "pulseaudio",
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--use-pid-file=no",
                "-n",
                "--load=module-null-sink sink_name=bench",
                "--load=module-native-protocol-unix auth-anonymous=1",
            ],
            env={**os.environ, **self.env, "HOME": str(folder)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not (runtime / "pulse" / "native").exists() and time.monotonic() < deadline:
            time.sleep(0.05)

    def close(self) -> None:
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=10)


def share_of_core(pid: int, seconds: float) -> float:
    before_cpu, before = cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)
    return (cpu_seconds(pid) - before_cpu) / (time.monotonic() - before)


def measure_cpu(seconds: float) -> None:
    if not shutil.which("tmux") or not Path("/proc/self/stat").exists():
        print("cpu: skipped (needs tmux and /proc)")
        return
    glutewake = str(Path(sys.executable).with_name("glutewake"))
    with tempfile.TemporaryDirectory() as data:
        from glutewake.store import Store

        Store(Path(data)).update_profile(lambda p: replace(p, acknowledged_on=time_today()))
        idle = Pane([sys.executable, "-c", IDLE_APP])
        try:
            idle.wait_for("idle")
            idle_share = share_of_core(idle.app_pid(b"-c"), seconds)
        finally:
            idle.close()
        # One count a second, as at home: the session outlasts the window. At 100x30: first
        # with the tones streaming through a sound server (when there is one), then with no
        # sound output at all (the bell), to see what the tones cost.
        shares = {}
        sound = SoundServer(Path(data))
        nowhere = {"PULSE_SERVER": f"unix:{data}/none", "ALSA_CONFIG_PATH": os.devnull}
        for name, env in (("tones", sound.env), ("bell only", nowhere)):
            player = Pane([glutewake, "--data-dir", data], size=(100, 30), env=env)
            try:
                player.wait_for("PHASE")
                player.tmux("send-keys", "-t", "main", "s")
                screen = player.wait_for("seconds to go")
                heard = "tones on" if "tones on" in screen else "bell only"
                shares[f"{name} ({heard})"] = share_of_core(player.app_pid(b"glutewake"), seconds)
            finally:
                player.close()
        sound.close()
    print(f"cpu  idle Textual app   {idle_share * 100:6.2f} % of one core over {seconds:g} s")
    for name, share in shares.items():
        print(f"cpu  player, {name:22} {share * 100:6.2f} % of one core  (goal <= 5 %)")


def time_today():  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.date.today()


async def measure_lag(count_seconds: float) -> list[tuple[float, float]]:
    """(scheduled offset, lag) of every step change drawn, on the real clock."""
    from glutewake.app import create_app
    from glutewake.app.screens.player import PlayerScreen

    drawn: list[tuple[float, float]] = []
    original = PlayerScreen.redraw
    last = {"index": -1}

    def timed(self: PlayerScreen, position) -> None:  # type: ignore[no-untyped-def]
        original(self, position)
        if position.step_index != last["index"] and not position.paused and self.engine:
            last["index"] = position.step_index
            began = self.engine.segments[0].began
            scheduled = self.timeline.step_start_seconds(position.step_index)
            drawn.append((scheduled, time.monotonic() - began - scheduled))

    PlayerScreen.redraw = timed  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as data:
        from glutewake.store import Store

        # The shortest holds and rests the settings allow, so the whole session is quick.
        short = {"stretch_hold_seconds": 5, "rest_seconds": 1, "transition_seconds": 1}
        Store(Path(data)).update_profile(
            lambda p: replace(p, acknowledged_on=time_today(), settings=p.settings.with_changes(**short))
        )
        app = create_app(Path(data), count_seconds=count_seconds, environ={})
        app.bell = lambda: None  # type: ignore[method-assign]
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("s")
            while isinstance(app.screen, PlayerScreen):
                await asyncio.sleep(0.05)
    PlayerScreen.redraw = original  # type: ignore[method-assign]
    return drawn[1:]  # the first step is drawn as the session starts, not on schedule


def report_lag(drawn: list[tuple[float, float]]) -> None:
    frame = 1 / 15
    lags = [lag for _, lag in drawn]
    quarter = max(1, len(lags) // 4)
    first, final = statistics.median(lags[:quarter]), statistics.median(lags[-quarter:])
    print(
        f"lag  {len(lags)} cue changes: median {statistics.median(lags) * 1000:6.1f} ms, "
        f"max {max(lags) * 1000:6.1f} ms  (goal <= one frame, {frame * 1000:.0f} ms)"
    )
    print(f"lag  drift: first quarter median {first * 1000:6.1f} ms, last quarter {final * 1000:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=20.0, help="CPU window per app")
    parser.add_argument(
        "--count-seconds",
        type=float,
        default=0.2,
        help="pace of the lag run's reps (the whole beginner session is played, its holds and "
        "rests at their shortest)",
    )
    args = parser.parse_args()
    measure_cpu(args.seconds)
    report_lag(asyncio.run(measure_lag(args.count_seconds)))


if __name__ == "__main__":
    main()
