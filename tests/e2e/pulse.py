"""A private PulseAudio server with a null sink, and a recorder of what reaches it.

    with PrivatePulse(tmp_path) as pulse:
        with pulse.recording(tmp_path / "heard.wav"):
            ...  # run the installed command with `pulse.env`
        samples, rate = read_wav(tmp_path / "heard.wav")

The server lives in a temporary runtime folder of its own (`XDG_RUNTIME_DIR`), never the
machine's or the user's, and is stopped by the process id it was started with.
`pulse_required()` skips without `pulseaudio`/`parecord`, but fails under CI=true.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest

SINK = "glutewake_test"
RATE = 44100
SINK_WAKES = 2.2


def pulse_required() -> None:
    missing = [program for program in ("pulseaudio", "parecord", "pactl") if not shutil.which(program)]
    if not missing:
        return
    message = f"{', '.join(missing)} not installed: the sound recording tests need PulseAudio"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (.ci/run installs pulseaudio and pulseaudio-utils)")
    pytest.skip(message)


class PrivatePulse:
    """`pulseaudio` on a null sink in `folder`; `env` points clients at it and nowhere else."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.runtime = folder / "pulse-runtime"
        self.home = folder / "pulse-home"
        self.log = folder / "pulseaudio.log"
        self.socket = self.runtime / "pulse" / "native"
        self.env = {
            "XDG_RUNTIME_DIR": str(self.runtime),
            "PULSE_SERVER": f"unix:{self.socket}",
        }
        self.server: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.runtime.mkdir(mode=0o700, parents=True)
        self.home.mkdir(mode=0o700, parents=True)
        environ = {**os.environ, **self.env, "HOME": str(self.home)}
        environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
        with self.log.open("wb") as log:
            self.server = subprocess.Popen(
                [
                    "pulseaudio",
                    "--daemonize=no",
                    "--exit-idle-time=-1",
                    "--disallow-exit",
                    "--use-pid-file=no",
                    "-n",  # no default script: only the modules below
                    f"--load=module-null-sink sink_name={SINK} rate={RATE}",
                    "--load=module-native-protocol-unix auth-anonymous=1",
                    "--log-target=stderr",
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env=environ,
            )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                pytest.fail(f"pulseaudio exited ({self.server.returncode}):\n{self.log.read_text()}")
            if self.pactl("info").returncode == 0:
                self.pactl("set-default-sink", SINK)
                return
            time.sleep(0.05)
        pytest.fail(f"pulseaudio did not answer within 15 s:\n{self.log.read_text()}")

    def pactl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["pactl", *args],
            capture_output=True,
            text=True,
            timeout=10,
            env={**os.environ, **self.env, "HOME": str(self.home)},
        )

    def stream_latency(self) -> float:
        """The playing stream's buffer plus the sink's latency, in seconds (pactl's figures)."""
        import re

        listing = self.pactl("list", "sink-inputs").stdout
        figures = [int(n) for n in re.findall(r"(?:Buffer|Sink) Latency: (\d+) usec", listing)]
        return sum(figures) / 1e6

    @contextlib.contextmanager
    def recording(self, wav: Path) -> Iterator[None]:
        """Record the null sink's monitor into `wav` (mono, 16-bit) while the block runs.

        A low latency makes the null sink run in small steps, as a sound card does, so a
        stream starting does not wait for the sink's next large block (once the sink has
        taken that latency up)."""
        recorder = subprocess.Popen(
            [
                "parecord",
                f"--device={SINK}.monitor",
                "--file-format=wav",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "--latency-msec=10",
                str(wav),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, **self.env, "HOME": str(self.home)},
        )
        try:
            # The recorder is connected once the sink has a client reading its monitor.
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                if recorder.poll() is not None:
                    pytest.fail(f"parecord exited: {recorder.stderr.read() if recorder.stderr else ''}")
                if "parecord" in self.pactl("list", "source-outputs").stdout:
                    break
                time.sleep(0.05)
            # The null sink sleeps up to its idle latency (2 s) before it takes up the
            # recorder's 10 ms one; a stream started before then would wait for it.
            time.sleep(SINK_WAKES)
            yield
            time.sleep(0.3)
        finally:
            recorder.send_signal(signal.SIGINT)  # parecord finishes the WAV header on SIGINT
            try:
                recorder.wait(timeout=10)
            except subprocess.TimeoutExpired:
                recorder.kill()
                recorder.wait(timeout=10)

    def stop(self) -> None:
        server, self.server = self.server, None
        if server is not None and server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)

    def __enter__(self) -> PrivatePulse:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()
