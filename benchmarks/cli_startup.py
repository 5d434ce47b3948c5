"""Cold start of `glutewake plan beginner --json`, `glutewake settings` and `glutewake status`
(ten years of history, summary cached) against `python -c pass`, in the same run.

Goals: `plan` and `settings` at most 3x, `status` at most 2x (DESIGN.md "Performance").
Run: `.venv/bin/python benchmarks/cli_startup.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from store import export_document, median_seconds  # noqa: E402  (one timing helper for all)

TEN_YEARS = 3650


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    script = Path(sys.executable).parent / "glutewake"
    with tempfile.TemporaryDirectory() as scratch:
        empty = Path(scratch) / "empty"
        history = Path(scratch) / "ten-years"
        export = Path(scratch) / "ten-years.json"
        export.write_text(json.dumps(export_document(TEN_YEARS, dt.date.today())))
        subprocess.run(
            [str(script), "--data-dir", str(history), "import", str(export)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        plan_argv = [str(script), "--data-dir", str(empty), "plan", "beginner", "--json"]
        status_argv = [str(script), "--data-dir", str(history), "status"]
        settings_argv = [str(script), "--data-dir", str(history), "settings"]
        # Warm the file cache (and build the summary cache) so every side is measured alike.
        median_seconds([sys.executable, "-c", "pass"], 3)
        median_seconds(plan_argv, 3)
        median_seconds(status_argv, 3)
        median_seconds(settings_argv, 3)
        baseline = median_seconds([sys.executable, "-c", "pass"], runs)
        plan = median_seconds(plan_argv, runs)
        settings = median_seconds(settings_argv, runs)
        status = median_seconds(status_argv, runs)
    print(f"python -c pass                        median {baseline * 1000:7.1f} ms  ({runs} runs)")
    print(f"glutewake plan beginner --json        median {plan * 1000:7.1f} ms  ({runs} runs)")
    print(f"glutewake settings                    median {settings * 1000:7.1f} ms  ({runs} runs)")
    print(f"glutewake status (10 years, cached)   median {status * 1000:7.1f} ms  ({runs} runs)")
    print(f"plan / python -c pass                 {plan / baseline:7.2f}x  (goal <= 3x)")
    print(f"settings / python -c pass             {settings / baseline:7.2f}x  (goal <= 3x)")
    print(f"status / python -c pass               {status / baseline:7.2f}x  (goal <= 2x)")


if __name__ == "__main__":
    main()
