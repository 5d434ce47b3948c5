"""The README's example report: `assets/make_report.py` makes it again byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "assets" / "make_report.py"


def test_the_example_report_is_the_one_the_script_makes(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--output", str(tmp_path), "--no-pictures"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for name in ("report-example.html", "report-example.md"):
        made = (tmp_path / name).read_text(encoding="utf-8")
        committed = (SCRIPT.parent / name).read_text(encoding="utf-8")
        assert made == committed, f"assets/{name} is stale: run {SCRIPT.name}"
    assert "24 completed" in made and "Ready for advanced" in made


def test_the_page_pictures_are_committed() -> None:
    assert (SCRIPT.parent / "report-page-1.png").is_file()
