"""Spoken cues through a speech program on the system, never through a shell.

Speaking never blocks the session: each utterance is a child process started
with the text as one argument; one still speaking when the next cue comes is cut.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from glutewake.core.settings import Settings

ENV_VARIABLE = "GLUTEWAKE_VOICE_COMMAND"
KNOWN_PROGRAMS = ("espeak-ng", "spd-say", "say")

Which = Callable[[str], str | None]


@dataclass(frozen=True)
class VoiceChoice:
    """Which speech program to use (if any), whether spoken cues are on, and why."""

    argv: tuple[str, ...]
    enabled: bool
    note: str

    @property
    def program(self) -> str:
        return self.argv[0] if self.argv else ""


def choose_voice(
    settings: Settings, environ: Mapping[str, str] | None = None, which: Which = shutil.which
) -> VoiceChoice:
    """The environment variable wins (and turns speech on), then the setting, then a search."""
    environ = os.environ if environ is None else environ
    from_env = environ.get(ENV_VARIABLE, "").strip()
    if from_env:
        return VoiceChoice(tuple(shlex.split(from_env)), True, f"{ENV_VARIABLE} for this run")
    if settings.voice_command.strip():
        argv = tuple(shlex.split(settings.voice_command))
        found = which(argv[0]) is not None
        note = "your voice command" if found else f"your voice command {argv[0]!r} was not found"
        return VoiceChoice(argv if found else (), settings.spoken_cues and found, note)
    for program in KNOWN_PROGRAMS:
        if which(program):
            return VoiceChoice((program,), settings.spoken_cues, f"found {program}")
    return VoiceChoice((), False, "no speech program found (espeak-ng, spd-say or say): bell only")


Spawn = Callable[..., "subprocess.Popen[bytes]"]


class Voice:
    """Speaks one phrase at a time; a new phrase cuts the one still speaking."""

    def __init__(self, argv: tuple[str, ...], spawn: Spawn = subprocess.Popen) -> None:
        self.argv = argv
        self.spawn = spawn
        self.speaking: subprocess.Popen[bytes] | None = None
        self.failure: str | None = None

    @property
    def working(self) -> bool:
        return bool(self.argv) and self.failure is None

    def say(self, text: str) -> bool:
        """Start speaking `text`; False (and `failure` set) when the program cannot be used."""
        if not self.working:
            return False
        self.cut()
        if not self.working:
            return False
        try:
            self.speaking = self.spawn(
                [*self.argv, text],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        except OSError as error:
            self.failure = f"speech program {self.argv[0]!r} could not start ({error.strerror}): bell only"
            return False
        return True

    def cut(self) -> None:
        """Stop the phrase still speaking, if any (one that already ended is checked first)."""
        self._check_last()
        if self.speaking is not None and self.speaking.poll() is None:
            self.speaking.terminate()
            try:
                self.speaking.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                self.speaking.kill()
        self.speaking = None

    def _check_last(self) -> None:
        """A phrase that finished with an error means the program is failing: fall back."""
        if self.speaking is None:
            return
        code = self.speaking.poll()
        # A negative code means we cut it ourselves; a positive one is the program failing.
        if code is not None and code > 0:
            self.failure = f"speech program {self.argv[0]!r} failed (exit {code}): bell only"

    def close(self) -> None:
        self.cut()
