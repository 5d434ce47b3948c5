"""One sound device at a time: every open, start and close of a miniaudio device, and the
quieting of ALSA, happen under `DEVICE_LOCK`, whichever thread asks.

Two threads installing ALSA's error handler at once (the settings screen's two probes) left
ALSA holding a handler Python had freed; ALSA's next error (no sound card) jumped into that
memory and the app died with a segfault or an illegal instruction."""

from __future__ import annotations

import time
from typing import Any

import pytest

from glutewake.app.playback import tone_output
from glutewake.app.playback.tone_output import DEVICE_LOCK, open_tones

miniaudio = pytest.importorskip("miniaudio")


def test_opening_starting_and_closing_the_null_device_hold_the_device_lock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    held: list[tuple[str, bool]] = []

    class Watched(miniaudio.PlaybackDevice):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            held.append(("open", DEVICE_LOCK.locked()))
            super().__init__(*args, **kwargs)

        def start(self, callback_generator: Any) -> None:
            held.append(("start", DEVICE_LOCK.locked()))
            super().start(callback_generator)

        def close(self) -> None:
            held.append(("close", DEVICE_LOCK.locked()))
            super().close()

    monkeypatch.setattr(miniaudio, "PlaybackDevice", Watched)
    output = open_tones(50, time.monotonic, systems=("NULL",))
    assert output.system == "Null"
    output.close()
    output.close()  # a second close does nothing
    assert held == [("open", True), ("start", True), ("close", True)]
    assert not DEVICE_LOCK.locked()


class FakeAlsa:
    """libasound as far as `_quiet_alsa` uses it: who loaded it, under the lock or not."""

    def __init__(self) -> None:
        self.loaded_under_lock: list[bool] = []
        self.handlers: list[object] = []

    def load(self, name: str) -> FakeAlsa:
        assert name == "libasound.so.2"
        self.loaded_under_lock.append(DEVICE_LOCK.locked())
        return self

    def snd_lib_error_set_handler(self, handler: object) -> None:
        self.handlers.append(handler)


def test_alsa_is_quieted_once_under_the_device_lock_and_its_handler_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ctypes

    if miniaudio.Backend.ALSA not in miniaudio.get_enabled_backends():
        pytest.skip("this build of the sound library has no ALSA")
    alsa = FakeAlsa()
    monkeypatch.setattr(ctypes, "CDLL", alsa.load)
    monkeypatch.setattr(tone_output, "_ALSA_HANDLER", None)
    # ALSA is listed after the null device, so the null device is what opens.
    for _ in range(3):
        open_tones(50, time.monotonic, systems=("NULL", "ALSA")).close()
    assert alsa.loaded_under_lock == [True]
    [handler] = alsa.handlers
    # The handler ALSA holds is the one the module keeps alive for good.
    assert handler is tone_output._ALSA_HANDLER
