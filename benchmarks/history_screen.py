"""How long the history screen takes to open with ten years of journal, against an empty one.

The 10-year history (3,650 sessions, ~520 activities, ~120 symptom checks) is built the way
benchmarks/store.py builds it: an export document loaded with `glutewake import`. Each run
starts the app headless (`run_test`) on home, then measures from pressing `h` to:
  open      the screen drawn: streak rule, calendar, this week, pain, recent sessions
  streak    the streak digits filled in (from the store's per-month summary)
  all rows  every session in the table (read by a worker thread, off the event loop)
and the median time per keypress scrolling the table (page down, then down-arrow).
Goal: open < 0.5 s with ten years. Run: `.venv/bin/python benchmarks/history_screen.py`.
Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from store import export_document  # noqa: E402  (the store benchmark's history generator)

from glutewake.app import create_app  # noqa: E402
from glutewake.store import Store  # noqa: E402

SIZE = (160, 45)


async def one_run(data: Path) -> dict[str, float]:
    from textual.widgets import DataTable, Digits

    from glutewake.app.screens.history import HistoryScreen

    app = create_app(data, environ={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        painted: list[float] = []
        reload = HistoryScreen.reload

        def noting_paint(screen: HistoryScreen) -> None:
            # Queued before reload's own after-refresh work (the reading thread), so the
            # figure is the first paint itself, not the paint plus the thread's start.
            screen.call_after_refresh(lambda: painted.append(time.perf_counter()))
            reload(screen)

        HistoryScreen.reload = noting_paint  # type: ignore[method-assign]
        # Earlier runs in this process leave ten years of records behind as garbage; a user's
        # process has none, so collect it now rather than inside the measured open.
        gc.collect()
        began = time.perf_counter()
        await app.run_action("history")
        while not painted:
            await asyncio.sleep(0.001)
        HistoryScreen.reload = reload  # type: ignore[method-assign]
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        digits = screen.query_one("#history-current", Digits)
        streak = None
        while screen.reading_older or not painted:
            if streak is None and digits.value != "-":
                streak = time.perf_counter() - began
            await asyncio.sleep(0.001)
        every = time.perf_counter() - began
        table = screen.query_one(DataTable)
        rows = table.row_count
        table.focus()
        await pilot.pause()
        presses = []
        for key in ["pagedown"] * 20 + ["down"] * 40:
            start = time.perf_counter()
            await pilot.press(key)
            presses.append(time.perf_counter() - start)
    return {
        "open": painted[0] - began,
        "streak": streak or every,
        "all": every,
        "rows": rows,
        "scroll": statistics.median(presses),
        "scroll_worst": max(presses),
    }


def build(root: Path, days: int) -> Path:
    data = root / f"{days}d"
    Store(data).update_profile(lambda p: replace(p, acknowledged_on=dt.date(2020, 1, 1)))
    if days:
        export = root / f"{days}.json"
        export.write_text(json.dumps(export_document(days, dt.date.today())))
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "glutewake", "--data-dir", str(data), "import", str(export)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"built 10 y: import of {days} sessions took {time.perf_counter() - began:.2f} s")
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    results: dict[str, list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for label, days in (("empty", 0), ("10 y", 3650)):
            data = build(root, days)
            asyncio.run(one_run(data))  # warm imports, the file cache and the summary cache
            results[label] = [asyncio.run(one_run(data)) for _ in range(runs)]
    ms = 1000

    def median(label: str, key: str) -> float:
        return statistics.median(run[key] for run in results[label])

    print(f"\nhistory screen at {SIZE[0]}x{SIZE[1]}, median of {runs} runs{'':<6}{'empty':>10}{'10 y':>10}")
    for title, key in (
        ("open (first paint)", "open"),
        ("streak shown", "streak"),
        ("every session in the table", "all"),
        ("one scroll keypress (median)", "scroll"),
        ("one scroll keypress (worst)", "scroll_worst"),
    ):
        cells = "".join(f"{median(label, key) * ms:8.1f}ms" for label in ("empty", "10 y"))
        print(f"  {title:<40}{cells}")
    print(f"  {'rows in the table':<40}{median('empty', 'rows'):10.0f}{median('10 y', 'rows'):10.0f}")
    print(
        f"\nopen(10 y) {median('10 y', 'open') * ms:.0f} ms  (goal < 500 ms); "
        f"open(10 y) / open(empty) {median('10 y', 'open') / median('empty', 'open'):.2f}"
    )


if __name__ == "__main__":
    main()
