"""Home with ten years of history against home with none: start-up and coming back to it.

The 10-year history (3,650 sessions, ~520 activities, ~120 symptom checks) is built the way
benchmarks/store.py builds it: an export document loaded with `glutewake import`. For each
data folder, as fresh processes:
  home drawn   wall time of a process that starts the app headless and exits once home is
               drawn, as benchmarks/app_startup.py measures it (the first run after the
               import builds the summary cache; it is shown apart, the median of the runs
               after it is compared)
  back home    in another process, median time of home reading its facts again, as it does
               whenever another screen closes over it
Goal: home drawn (10 y) within 1.2x of home drawn (empty); back home cheap.
Run: `.venv/bin/python benchmarks/app_large_history.py [--runs N]`. Figures only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from app_startup import GLUTEWAKE_BUILD, HEADLESS, headless_seconds, seeded_data_dir  # noqa: E402
from store import command, export_document  # noqa: E402

GOAL = 1.2

HOME_DRAWN = HEADLESS.format(build=GLUTEWAKE_BUILD, check="type(pilot.app.screen).__name__ == 'HomeScreen'")
# Prints the median time of home reading its facts again, once it is drawn.
BACK_HOME = """\
import statistics, sys, time
from pathlib import Path
from glutewake.app import create_app
app = create_app(Path(sys.argv[1]))
async def drawn(pilot):
    await pilot.pause()
    screen = pilot.app.screen
    assert type(screen).__name__ == "HomeScreen", screen
    times = []
    for _ in range(5):
        began = time.perf_counter()
        screen.refresh_facts()
        times.append(time.perf_counter() - began)
    print(statistics.median(times))
    pilot.app.exit()
app.run(headless=True, size=(80, 24), auto_pilot=drawn)
"""


def one_run(data: Path) -> tuple[float, float]:
    """(seconds until the process that drew home had exited, seconds to read home again)."""
    drawn = headless_seconds([sys.executable, "-c", HOME_DRAWN, str(data)])
    done = subprocess.run(
        [sys.executable, "-c", BACK_HOME, str(data)], check=True, capture_output=True, text=True, timeout=120
    )
    return drawn, float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    figures: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        folders = {"empty": seeded_data_dir(root / "empty"), "10 y": seeded_data_dir(root / "ten")}
        export = root / "ten.json"
        export.write_text(json.dumps(export_document(3650, dt.date.today())))
        subprocess.run(command(folders["10 y"], "import", str(export)), check=True, stdout=subprocess.DEVNULL)
        first = {label: one_run(data)[0] for label, data in folders.items()}
        samples: dict[str, list[tuple[float, float]]] = {label: [] for label in folders}
        for _ in range(runs):  # taking turns, so a busy machine slows both alike
            for label, data in folders.items():
                samples[label].append(one_run(data))
        for label, taken in samples.items():
            figures[label] = (statistics.median(t[0] for t in taken), statistics.median(t[1] for t in taken))
    ms = 1000
    print(f"{'':<38}{'empty':>10}{'10 y':>10}")
    print(
        f"{'home drawn, first run (builds cache)':<38}{first['empty'] * ms:8.1f}ms{first['10 y'] * ms:8.1f}ms"
    )
    print(
        f"{'home drawn (median of ' + str(runs) + ')':<38}"
        f"{figures['empty'][0] * ms:8.1f}ms{figures['10 y'][0] * ms:8.1f}ms"
    )
    print(
        f"{'back home: facts read again':<38}"
        f"{figures['empty'][1] * ms:8.1f}ms{figures['10 y'][1] * ms:8.1f}ms"
    )
    print(
        f"\nhome drawn(10 y) / home drawn(empty)  "
        f"{figures['10 y'][0] / figures['empty'][0]:5.2f}x  (goal <= {GOAL}x)"
    )


if __name__ == "__main__":
    main()
