"""Cold start of `glutewake plan beginner --json` against `python -c pass`, in the same run.

Goal: at most 3x. Run: `.venv/bin/python benchmarks/cli_startup.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from store import median_seconds  # noqa: E402  (one timing helper for every benchmark)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    script = Path(sys.executable).parent / "glutewake"
    with tempfile.TemporaryDirectory() as data:
        # Warm the file cache so both sides are measured the same way.
        median_seconds([sys.executable, "-c", "pass"], 3)
        median_seconds([str(script), "--data-dir", data, "plan", "beginner", "--json"], 3)
        baseline = median_seconds([sys.executable, "-c", "pass"], runs)
        plan = median_seconds([str(script), "--data-dir", data, "plan", "beginner", "--json"], runs)
    print(f"python -c pass                    median {baseline * 1000:7.1f} ms  ({runs} runs)")
    print(f"glutewake plan beginner --json    median {plan * 1000:7.1f} ms  ({runs} runs)")
    print(f"ratio                             {plan / baseline:7.2f}x  (goal <= 3x)")


if __name__ == "__main__":
    main()
