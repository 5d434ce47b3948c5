"""Sound that reaches the speakers: the installed command playing into a private PulseAudio
server's null sink, recorded from its monitor and measured from the WAV.

These tests run alone (`alone` marker: no other test runs beside them, see tests/conftest.py),
since they judge timing to 50 ms on a machine of two cores.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from glutewake.app.playback.demo import TONE_GAP, tone_demo
from glutewake.core.settings import Settings
from glutewake.core.sound_schedule import STRETCH_END_LEAD, STRETCH_END_MIN
from tests.app.helpers import acknowledge
from tests.audio import Onset, onsets, read_wav

from .pulse import PrivatePulse, pulse_required
from .tmux import Tmux, glutewake_command, tmux_required

pytestmark = [pytest.mark.e2e, pytest.mark.alone]

COUNT_SECONDS = "0.5"
TOLERANCE = 0.05
# The shortest quiet between two sounds of a session at 0.5 s a count is over 0.14 s; the
# longest silence inside one sound (between its notes) is 0.04 s.
QUIET = 0.1

# Every kind of cue at 0.5 s a count, in under 20 s: prepare, breaths with a two-count hold
# on each side with a switch between, a rest, a stretch, the closing chord.
LISTEN_PROGRAMME = """\
schema = 1
name = "listen"
title = "Listen: every kind of cue, briefly"
phase = "beginner"

[[blocks]]
type = "prepare"
counts = 4
text = "Get ready"

[[blocks]]
type = "exercise"
exercise = "side-lying-hip-abduction"
name = "side-lying hip abduction"
sides = ["left", "right"]
reps = 2

[blocks.position]
left = "lying on your right side"
right = "lying on your left side"

[[blocks.pattern]]
cue = "inhale"
counts = 1
text = "Breathe in"

[[blocks.pattern]]
cue = "exhale"
counts = 1
text = "Breathe out · raise the leg"

[[blocks.pattern]]
cue = "hold"
counts = 2
text = "Hold"

[[blocks.pattern]]
cue = "return"
counts = 1
text = "Lower slowly"

[[blocks]]
type = "rest"
counts = 4
text = "Rest"

[[blocks]]
type = "stretch"
exercise = "lying-hamstring-stretch"
name = "lying hamstring stretch"
group = "hamstrings"
counts = 6
text = "Lie on your back and lift one straight leg towards the ceiling."
"""


@dataclass(frozen=True)
class Expected:
    seconds: float
    kind: str
    cue_change: bool


def raised_priority() -> list[str]:
    """A prefix that runs the command ahead of whatever else keeps the machine busy (root can
    raise it; a sound server does the same for itself), so the timing judged is the app's."""
    return ["nice", "-n", "-10"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


def expected_from_plan(plan: dict[str, object]) -> list[Expected]:
    """Every sound a session makes, from `plan --json` alone: one at each cue change, a tick
    at each further count of a hold, "let go" just before a stretch ends, a chord at the end."""
    expected: list[Expected] = []
    at = 0.0
    steps = plan["steps"]
    assert isinstance(steps, list)
    for step in steps:
        seconds = float(step["seconds"])
        expected.append(Expected(at, step["cue"], True))
        if step["cue"] == "hold":
            count = seconds / step["counts"]
            expected.extend(Expected(at + n * count, "hold", False) for n in range(1, step["counts"]))
        if step["cue"] == "stretch" and seconds >= STRETCH_END_MIN:
            expected.append(Expected(at + seconds - STRETCH_END_LEAD, "stretch end", False))
        at += seconds
    assert at == pytest.approx(float(plan["total_seconds"]))  # type: ignore[arg-type]
    expected.append(Expected(at, "finish", True))
    return expected


def heard(wav: Path) -> list[Onset]:
    samples, rate = read_wav(wav)
    loudest = max(map(abs, samples), default=0)
    assert loudest > 1000, f"the recording is silent (peak {loudest})"
    return onsets(samples, rate, threshold=loudest * 0.05, quiet=QUIET)


def align(recorded: list[float], expected: list[float]) -> list[float]:
    """Each expected moment's error (recorded − expected) once the recording's unknown start
    is taken out: the shift that lines up the most onsets, then refined to their median."""

    def errors(shift: float) -> list[float]:
        return [min((r - e - shift for r in recorded), key=abs) for e in expected]

    candidates = [r - e for r in recorded[:6] for e in expected[:6]]
    best = max(candidates, key=lambda shift: sum(abs(x) <= TOLERANCE for x in errors(shift)))
    best += statistics.median(errors(best))
    return errors(best)


def ms(value: float) -> str:
    return f"{value * 1000:.1f} ms"


def report(what: str, errors: list[float], gaps: list[float]) -> str:
    size = [abs(e) for e in errors]
    gap_size = [abs(g) for g in gaps]
    return (
        f"{what}: {len(errors)} onsets; onset vs plan median {ms(statistics.median(size))}, "
        f"worst {ms(max(size))}; gap between onsets vs plan median {ms(statistics.median(gap_size))}, "
        f"worst {ms(max(gap_size))}"
    )


def test_a_whole_session_is_heard_at_every_cue_on_time(tmp_path: Path) -> None:
    tmux_required()
    pulse_required()
    data = tmp_path / "data"
    acknowledge(data, settings=Settings(sound="tones", volume=80))
    programme = tmp_path / "listen.toml"
    programme.write_text(LISTEN_PROGRAMME)
    common = ["--data-dir", str(data), "--count-seconds", COUNT_SECONDS]
    plan = json.loads(
        subprocess.run(
            [glutewake_command(), *common, "plan", str(programme), "--json"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
    )
    expected = expected_from_plan(plan)
    wav = tmp_path / "session.wav"
    with PrivatePulse(tmp_path) as pulse, Tmux() as tmux:
        tmux.start(
            [*raised_priority(), glutewake_command(), *common, "--programme-file", str(programme)],
            env=pulse.env,
        )
        tmux.wait_for("PHASE  BEGINNER")
        with pulse.recording(wav):
            tmux.send("s")
            playing = tmux.wait_for("GET READY")
            assert "tones on" in playing, playing
            # What the sound server adds after the app hands a tone over: the stream's buffer
            # and the sink's latency, as PulseAudio reports them.
            server_latency = pulse.stream_latency()
            tmux.wait_for("SESSION COMPLETE", timeout=60)
        tmux.send("Escape")
    recorded = heard(wav)
    assert len(recorded) == len(expected), (
        f"heard {len(recorded)} sounds, the plan has {len(expected)}: "
        f"{[round(o.seconds - recorded[0].seconds, 3) for o in recorded]} vs "
        f"{[round(e.seconds, 3) for e in expected]}"
    )
    errors = align([o.seconds for o in recorded], [e.seconds for e in expected])
    gaps = [
        (b.seconds - a.seconds) - (y.seconds - x.seconds)
        for a, b, x, y in zip(recorded, recorded[1:], expected, expected[1:], strict=False)
    ]
    summary = report("session", errors, gaps) + f"; PulseAudio's own latency {ms(server_latency)}"
    print(summary)  # the figures, with `pytest -s`
    assert max(map(abs, errors)) <= TOLERANCE, summary
    assert max(map(abs, gaps)) <= TOLERANCE, summary
    # Every cue change is heard, and the kinds of cue sound different: their pitch at onset.
    pitches: dict[str, list[float]] = {}
    for onset, plan_sound in zip(recorded, expected, strict=True):
        pitches.setdefault(plan_sound.kind, []).append(onset.hz)
    assert all(e.cue_change for e in expected if e.kind in ("inhale", "switch", "rest", "finish"))
    typical = {kind: statistics.median(found) for kind, found in pitches.items()}
    distinct = sorted({round(hz / 40) for hz in typical.values()})
    assert len(distinct) >= 3, typical
    assert typical["hold"] > 1.5 * typical["inhale"], typical
    assert typical["exhale"] > 1.2 * typical["inhale"], "the effort starts high and falls"


def test_glutewake_sound_plays_each_cue_once_naming_it(tmp_path: Path) -> None:
    pulse_required()
    data = tmp_path / "data"
    acknowledge(data)
    wav = tmp_path / "sound.wav"
    with PrivatePulse(tmp_path) as pulse, pulse.recording(wav):
        done = subprocess.run(
            [*raised_priority(), glutewake_command(), "--data-dir", str(data), "sound"],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, **pulse.env},
        )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "tones through PulseAudio: default output (volume 80)"
    demo = tone_demo()
    for item in demo:
        assert any(item.label in line for line in lines), (item.label, lines)
    recorded = heard(wav)
    assert len(recorded) == len(demo), [(round(o.seconds, 3), round(o.hz)) for o in recorded]
    gaps = [b.seconds - a.seconds - TONE_GAP for a, b in zip(recorded, recorded[1:], strict=False)]
    assert max(map(abs, gaps)) <= TOLERANCE, f"gaps off by {[ms(g) for g in gaps]}"
    assert len({round(o.hz / 40) for o in recorded}) >= 3, [o.hz for o in recorded]


def test_with_no_sound_output_the_player_says_terminal_bell_only(tmp_path: Path) -> None:
    tmux_required()
    data = tmp_path / "data"
    acknowledge(data)
    nowhere = {
        "PULSE_SERVER": f"unix:{tmp_path / 'no-server'}",
        "XDG_RUNTIME_DIR": str(tmp_path),
        # An ALSA set-up with no devices, so a machine with a sound card behaves like one without.
        "ALSA_CONFIG_PATH": str(tmp_path / "empty-alsa.conf"),
    }
    (tmp_path / "empty-alsa.conf").write_text("")
    with Tmux() as tmux:
        tmux.start([glutewake_command(), "--data-dir", str(data)], env=nowhere)
        tmux.wait_for("PHASE  BEGINNER")
        tmux.send("s")
        screen = tmux.wait_for("terminal bell only — your terminal may be silent")
        assert "GET READY" in screen
        assert "ALSA lib" not in screen, "the sound library's own errors stay off the screen"
        tmux.send("m")
        tmux.wait_for("muted")
