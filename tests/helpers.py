"""Helpers every test folder uses: a fake clock, the result of running the real command,
a picture of a folder's files, and short programme files to play."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path


class FakeClock:
    """A monotonic clock that only moves when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


RunCli = Callable[..., Result]


def snapshot_tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` with its bytes, to prove a command wrote nothing."""
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@contextlib.contextmanager
def raised_priority(by: int = 10) -> Iterator[None]:
    """This process ahead of whatever else keeps the machine busy, for tests that judge timing
    to milliseconds (only root may raise it; elsewhere it runs as it is)."""
    try:
        os.nice(-by)
        raised = True
    except OSError:
        raised = False
    try:
        yield
    finally:
        if raised:
            os.nice(by)


ABDUCTION_BEATS = (
    ("inhale", "Breathe in"),
    ("exhale", "Breathe out · raise the leg"),
    ("return", "Lower slowly"),
)


def abduction_programme(
    name: str, *, reps: int, counts: int, prepare: str, then: str, schema: int = 2, title: str = ""
) -> str:
    """A programme file: a get-ready block (`prepare` its length, e.g. `seconds = 1`), the
    side-lying abduction `reps` a side with in, out and lower of `counts` each, then the
    blocks of `then`."""
    heading = f'schema = {schema}\nname = "{name}"\n' + (f'title = "{title}"\n' if title else "")
    beats = "".join(
        f'\n[[blocks.pattern]]\ncue = "{cue}"\ncounts = {counts}\ntext = "{text}"\n'
        for cue, text in ABDUCTION_BEATS
    )
    return (
        f'{heading}phase = "beginner"\n\n'
        f'[[blocks]]\ntype = "prepare"\n{prepare}\ntext = "Get ready: lie on your right side"\n\n'
        '[[blocks]]\ntype = "exercise"\nexercise = "side-lying-hip-abduction"\n'
        f'name = "side-lying hip abduction"\nsides = ["left", "right"]\nreps = {reps}\n\n'
        '[blocks.position]\nleft = "lying on your right side, legs straight"\n'
        f'right = "lying on your left side, legs straight"\n{beats}\n{then}'
    )


def hamstring_stretch(length: str) -> str:
    """One lying hamstring stretch block, `length` its TOML lines (`seconds = 1`)."""
    return (
        '[[blocks]]\ntype = "stretch"\nexercise = "lying-hamstring-stretch"\n'
        f'name = "lying hamstring stretch"\ngroup = "hamstrings"\n{length}\n'
        'text = "Lie on your back and raise the straight leg."\n'
    )
