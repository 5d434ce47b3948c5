"""Tones through the system's sound output, with miniaudio (imported only when needed).

`open_tones` opens the default playback device once, through the platform's sound system
(PulseAudio or PipeWire, else ALSA, on Linux; CoreAudio on macOS; WASAPI on Windows), and
starts it streaming the `Mixer`: silence between cues, the planned sounds on time. No
library, no sound system or no device: `AudioUnavailable`, with the reason in plain words,
and the caller falls back to the terminal bell. miniaudio's null device (a device that
plays nothing, in real time) is used only when asked for by name, for tests.

One device at a time: opening, starting and closing a device (and quieting ALSA) happen
under `DEVICE_LOCK`, whichever thread asks (the settings screen's probe runs on a worker
thread, a session opens on the event loop). miniaudio's set-up drives the PulseAudio and
ALSA client libraries, whose process-wide state (ALSA's error handler above all) is not
safe to change from two threads at once: two probes at once crashed the app.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from glutewake.app.playback.mixer import Mixer
from glutewake.core.sound_schedule import Planned
from glutewake.core.tones import SAMPLE_RATE, ToneBank

# The device asks for a block this often; the blocks it holds are all the delay we add.
BLOCK_MILLISECONDS = 20
# A device streaming steadily that then asks for nothing for this long has stopped working
# (a sound server that went away, a headset switched off); one still starting gets longer.
STALLED_AFTER = 1.0
STARTING_FOR = 3.0
# How long opening waits for the stream to flow, so the first cue is not lost to start-up.
WARM_UP = 1.0
APP_NAME = "glutewake"
DEVICE_LOCK = threading.Lock()
"""Held for every open, start and close of a device: one at a time in the whole process."""

# Sound systems to try, in order, by platform; the first that opens a device wins. JACK is
# left out (its library prints to the terminal when no JACK server runs), and so is the
# null device, which would pretend to play.
SYSTEMS: dict[str, tuple[str, ...]] = {
    "linux": ("PULSEAUDIO", "ALSA"),
    "darwin": ("COREAUDIO",),
    "win32": ("WASAPI", "DSOUND", "WINMM"),
}
OTHER_SYSTEMS = ("SNDIO", "AUDIO4", "OSS")
SYSTEM_NAMES = {"PULSEAUDIO": "PulseAudio", "COREAUDIO": "Core Audio", "DSOUND": "DirectSound"}


class AudioUnavailable(Exception):
    """No sound output could be opened; the message says why, in plain words."""


def platform_systems(platform: str = sys.platform) -> tuple[str, ...]:
    for prefix, systems in SYSTEMS.items():
        if platform.startswith(prefix):
            return systems
    return OTHER_SYSTEMS


class ToneOutput:
    """An open device streaming a mixer, for one session (or one `glutewake sound`)."""

    def __init__(self, device: Any, mixer: Mixer, system: str) -> None:
        self.device = device
        self.mixer = mixer
        self.system = system
        """The sound system's name as miniaudio gives it: PulseAudio, ALSA, Core Audio…"""
        self.error: str | None = None
        self.stopped = False
        self.opened = mixer.clock()
        self.flowing = threading.Event()
        """Set once the device asks for a second block: the stream is under way."""

    @property
    def description(self) -> str:
        """Which output is in use, for the screen and `glutewake sound`."""
        return f"tones through {self.system}: default output"

    def plan(self, planned: Iterable[Planned]) -> None:
        self.mixer.plan(planned)

    def hush(self) -> None:
        self.mixer.hush()

    def seconds_left(self, now: float) -> float:
        return self.mixer.seconds_left(now)

    def queued(self, now: float) -> float:
        return self.mixer.queued(now)

    def failure(self, now: float) -> str | None:
        """Why the output no longer works, or None while it plays."""
        if self.error is not None:
            return self.error
        if self.stopped:
            return "the sound device stopped"
        if self.flowing.is_set():
            last = self.mixer.last_block
            if last is not None and now - last > STALLED_AFTER:
                return "the sound device stopped asking for sound"
        elif now - self.opened > STARTING_FOR:
            return "the sound device never started playing"
        return None

    def close(self) -> None:
        device, self.device = self.device, None
        if device is not None:
            with DEVICE_LOCK:
                device.close()

    def _stream(self) -> Any:
        """The generator the device pulls blocks from; it never lets an error stop the device."""
        frames = yield b""
        blocks = 0
        while True:
            blocks += 1
            if blocks == 2:
                self.flowing.set()
            try:
                data = self.mixer.block(frames)
            except Exception as error:  # noqa: BLE001 - told to the user by `failure`
                self.error = f"the sound output failed ({type(error).__name__}: {error})"
                data = bytes(frames * 2)
            frames = yield data

    def _on_stop(self) -> None:
        if self.device is not None:
            self.stopped = True


def open_tones(
    volume: int,
    clock: Callable[[], float],
    *,
    systems: Sequence[str] | None = None,
    rate: int = SAMPLE_RATE,
) -> ToneOutput:
    """Open the default output of the first sound system that works, streaming silence."""
    try:
        import miniaudio
    except ImportError:
        raise AudioUnavailable("the sound library (miniaudio) is not installed") from None
    wanted = tuple(systems) if systems is not None else platform_systems()
    enabled = miniaudio.get_enabled_backends()
    backends = [
        getattr(miniaudio.Backend, name)
        for name in wanted
        if hasattr(miniaudio.Backend, name) and getattr(miniaudio.Backend, name) in enabled
    ]
    if not backends:
        raise AudioUnavailable("the sound library has no sound system for this platform")
    bank = ToneBank(rate, volume)
    bank.render_all()
    mixer = Mixer(bank, clock)
    with DEVICE_LOCK:
        if miniaudio.Backend.ALSA in backends:
            _quiet_alsa()
        try:
            device = miniaudio.PlaybackDevice(
                output_format=miniaudio.SampleFormat.SIGNED16,
                nchannels=1,
                sample_rate=rate,
                buffersize_msec=BLOCK_MILLISECONDS,
                backends=backends,
                app_name=APP_NAME,
            )
        except miniaudio.MiniaudioError:
            tried = " or ".join(SYSTEM_NAMES.get(name, name) for name in wanted)
            raise AudioUnavailable(f"no sound device could be opened through {tried}") from None
        output = ToneOutput(device, mixer, str(device.backend))
        device.stop_callback = output._on_stop
        stream = output._stream()
        next(stream)
        try:
            device.start(stream)
        except miniaudio.MiniaudioError:
            device.close()
            raise AudioUnavailable("the sound device would not start") from None
    output.flowing.wait(WARM_UP)
    return output


_ALSA_HANDLER: object = None


def _quiet_alsa() -> None:
    """Keep ALSA's own error messages (no sound card, say) off the terminal: they would land
    in the middle of the full-screen app.

    Installed once per process, under `DEVICE_LOCK`, and kept for good: ALSA calls the
    handler at its next error, so the one ALSA holds must never be collected. (Two threads
    installing at once left ALSA holding one Python had dropped; its next error jumped into
    freed memory: a segfault or an illegal instruction.)"""
    global _ALSA_HANDLER
    if _ALSA_HANDLER is not None:
        return
    import ctypes

    try:
        alsa = ctypes.CDLL("libasound.so.2")
    except OSError:
        return  # no ALSA library: miniaudio cannot use it either
    handler_type = ctypes.CFUNCTYPE(
        None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
    )
    handler = handler_type(lambda *_: None)
    _ALSA_HANDLER = handler
    alsa.snd_lib_error_set_handler(handler)
