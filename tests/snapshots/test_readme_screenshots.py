"""The README's screenshots: `assets/make_screenshots.py` makes all four, the same every run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.app.helpers import flat, svg_text
from tests.blocks import shows_block

SCRIPT = Path(__file__).resolve().parents[2] / "assets" / "make_screenshots.py"
# Drawn in block letters: the rep number's label and side, the cue's key word.
IN_BLOCKS = {"player": ["/ 10", "LEFT", "RAISE"]}
EXPECTED = {
    "home": ["PHASE BEGINNER", "streak 3 days", "Today's session", "Last check"],
    "player": ["working LEFT leg", "BREATHE OUT · RAISE THE LEG", "breath", "next lower slowly"],
    "symptom-check": ["Cleared for exercise", "BEGINNER", "Saved 25 Nov at 07:30"],
    "history": ["longest", "rest day", "Sessions · 22 sessions", "2026-11-24"],
}


def test_screenshot_script_writes_the_four_readme_pictures(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--output", str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    for name, phrases in EXPECTED.items():
        text = flat(svg_text((tmp_path / f"{name}.svg").read_text()))
        for phrase in phrases:
            assert phrase in text, f"{name}.svg lacks {phrase!r}"
        drawn = svg_text((tmp_path / f"{name}.svg").read_text())
        for word in IN_BLOCKS.get(name, []):
            assert shows_block(drawn, word), f"{name}.svg lacks {word!r} in block letters"


def test_committed_screenshots_exist() -> None:
    for name in EXPECTED:
        assert (SCRIPT.parent / f"{name}.svg").is_file(), f"run {SCRIPT.name} to make {name}.svg"
