"""What the store costs with 0, 1 and 10 years of history (histories made through `import`).

Prints, with ratios and the goals of issue 4:
  save(10 y) / save(empty)                      goal <= 1.3
  save(10 y on each of 3 machines) / save(empty) goal <= 1.3
  `history --json` (10 y) / bare tomllib parse  goal <= 2
  `log` cold start / `python -c pass`           goal <= 3
  `status` (10 y) / `log`                       meant to stay near 1
Run: `.venv/bin/python benchmarks/store.py [--runs N]`. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from glutewake.core.records import Session, SetRecord, new_id
from glutewake.store import Store

SETS = [
    {"exercise": "side-lying-hip-abduction", "side": side, "reps": 10, "target": 10}
    for side in ("left", "right")
] + [
    {"exercise": name, "side": side, "reps": 1, "target": 1}
    for name in (
        "kneeling-hip-flexor-stretch",
        "side-lying-quad-stretch",
        "figure-four-stretch",
        "lying-hamstring-stretch",
    )
    for side in ("left", "right")
]


def export_document(days: int, end: dt.date) -> dict[str, object]:
    """A `history --json` document with one completed session a day for `days` days."""
    offset = dt.timezone(dt.timedelta(hours=1))
    sessions, activities, checks = [], [], []
    for n in range(days):
        day = end - dt.timedelta(days=days - n)
        start = dt.datetime.combine(day, dt.time(7, 30), offset)
        sessions.append(
            {
                "id": new_id(),
                "programme": "beginner",
                "phase": "beginner",
                "started_at": start.isoformat(),
                "ended_at": (start + dt.timedelta(minutes=6)).isoformat(),
                "status": "completed",
                "source": "app",
                "pain_after": n % 4,
                "sets": SETS,
            }
        )
        if n % 7 == 3:
            activities.append({"date": day.isoformat(), "kind": "swimming", "minutes": 30})
        if n % 30 == 0:
            checks.append(
                {
                    "at": start.isoformat(),
                    "pain_during_run": 2,
                    "pain_after_run": 3,
                    "wobbly_gait": False,
                    "weight_on_one_hip": False,
                    "spread": [],
                    "cleared_for_exercise": True,
                    "cleared_for_advanced": False,
                    "advice": "beginner",
                }
            )
    return {
        "schema": 1,
        "phase": "beginner",
        "streak": {"current": 0, "longest": 0},
        "sessions": sessions,
        "rest_days": [],
        "activities": activities,
        "symptom_checks": checks,
    }


def command(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "glutewake", "--data-dir", str(data), *args]


def median_seconds(argv: list[str], runs: int) -> float:
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)  # warm the file cache
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def interleaved_medians(
    cases: list[tuple[list[str], Callable[[], None] | None]], runs: int, **options: Any
) -> list[float]:
    """The median wall time of each command line, the cases taking turns run by run (so a
    busy machine slows each alike); a case's callable, if any, runs untimed before each run."""
    times: list[list[float]] = [[] for _ in cases]
    for _ in range(runs):
        for (argv, before), spent in zip(cases, times, strict=True):
            if before is not None:
                before()
            began = time.perf_counter()
            subprocess.run(argv, **{"check": True, **options})
            spent.append(time.perf_counter() - began)
    return [statistics.median(spent) for spent in times]


def save_costs(stores: dict[str, Store], runs: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of saving one session into a month beyond the history.

    The stores take turns, so a busy machine slows each of them alike; CPU time leaves out
    the wait for the disk's fsync, which does not depend on history at all.
    """
    wall: dict[str, list[float]] = {label: [] for label in stores}
    cpu: dict[str, list[float]] = {label: [] for label in stores}
    start = dt.datetime(2040, 1, 1, 7, 30).astimezone()
    sets = tuple(
        SetRecord(s["exercise"], s["side"], s["reps"], s["target"])  # type: ignore[arg-type]
        for s in SETS
    )
    for n in range(runs):
        for label, store in stores.items():
            session = Session(
                new_id(), "beginner", "beginner", start + dt.timedelta(hours=n), "completed", "app", sets
            )
            began, began_cpu = time.perf_counter(), time.process_time()
            store.save_session(session)
            wall[label].append(time.perf_counter() - began)
            cpu[label].append(time.process_time() - began_cpu)
    return {label: (statistics.median(wall[label]), statistics.median(cpu[label])) for label in stores}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    today = dt.date.today()
    results: dict[str, dict[str, float]] = {}
    stores: dict[str, Store] = {}
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        # This run's machine (and each machine of "10 y x 3") has a device id of its own,
        # never the real one of whoever runs the benchmark.
        os.environ["GLUTEWAKE_STATE_DIR"] = str(root / "state")
        for label, days, machines in (
            ("empty", 0, 1),
            ("1 y", 365, 1),
            ("10 y", 3650, 1),
            ("10 y x 3", 3650, 3),
        ):
            data = root / label.replace(" ", "")
            for machine in range(machines if days else 0):
                export = root / f"{days}-{machine}.json"
                export.write_text(json.dumps(export_document(days, today)))
                began = time.perf_counter()
                subprocess.run(
                    command(data, "import", str(export)),
                    check=True,
                    stdout=subprocess.DEVNULL,
                    env={**os.environ, "GLUTEWAKE_STATE_DIR": str(root / f"state-{machine}")},
                )
                print(
                    f"built {label:>8}: import of {days} sessions took {time.perf_counter() - began:6.2f} s"
                )
            figures = results.setdefault(label, {})
            figures["history"] = median_seconds(command(data, "history", "--json"), runs)
            files = sorted(str(p) for p in (data / "journal").glob("*.toml"))
            bare = (
                "import sys, tomllib\nfor name in sys.argv[1:]:\n"
                "    with open(name, 'rb') as f: tomllib.load(f)"
            )
            figures["bare"] = median_seconds([sys.executable, "-c", bare, *files], runs)
            figures["status"] = median_seconds(command(data, "status"), runs)
            figures["status_cold"] = _cold_status(data)
            figures["log"] = median_seconds(command(data, "log", "--rest"), runs)
            figures["log_programme"] = median_seconds(
                command(
                    data,
                    "log",
                    "--programme",
                    "beginner",
                    "--date",
                    (today - dt.timedelta(days=1)).isoformat(),
                ),
                runs,
            )
            stores[label] = Store(data)
        for label, (wall, cpu) in save_costs(stores, max(runs, 30)).items():
            results[label]["save"], results[label]["save_cpu"] = wall, cpu
        baseline = median_seconds([sys.executable, "-c", "pass"], runs)
    ms = 1000
    print(f"\n{'':<34}{'empty':>10}{'1 y':>10}{'10 y':>10}{'10 y x 3':>10}")
    rows = (
        ("save one session (in process)", "save"),
        ("  of which CPU (no fsync wait)", "save_cpu"),
        ("history --json", "history"),
        ("bare tomllib parse of the files", "bare"),
        ("status (summary cached)", "status"),
        ("status (summary rebuilt)", "status_cold"),
        ("log --rest", "log"),
        ("log --programme beginner", "log_programme"),
    )
    for title, key in rows:
        cells = "".join(
            f"{results[label][key] * ms:8.1f}ms" for label in ("empty", "1 y", "10 y", "10 y x 3")
        )
        print(f"{title:<34}{cells}")
    print(f"{'python -c pass':<34}{baseline * ms:8.1f}ms")
    ten, empty = results["10 y"], results["empty"]
    print()
    print(f"save(10 y) / save(empty)                 {ten['save'] / empty['save']:5.2f}  (goal <= 1.3)")
    print(f"save CPU(10 y) / save CPU(empty)         {ten['save_cpu'] / empty['save_cpu']:5.2f}")
    three = results["10 y x 3"]
    print(f"save(10 y x 3 machines) / save(empty)    {three['save'] / empty['save']:5.2f}  (goal <= 1.3)")
    print(f"save CPU(10 y x 3) / save CPU(empty)     {three['save_cpu'] / empty['save_cpu']:5.2f}")
    print(f"history --json(10 y x 3) / bare tomllib  {three['history'] / three['bare']:5.2f}  (goal <= 2)")
    print(f"history --json(10 y) / bare tomllib      {ten['history'] / ten['bare']:5.2f}  (goal <= 2)")
    print(f"log --rest / python -c pass              {empty['log'] / baseline:5.2f}  (goal <= 3)")
    print(f"log --programme / python -c pass         {empty['log_programme'] / baseline:5.2f}")
    print(f"status(10 y) / log --rest(10 y)          {ten['status'] / ten['log']:5.2f}  (near 1)")
    print(f"status(10 y) / status(empty)             {ten['status'] / empty['status']:5.2f}")


def _cold_status(data: Path) -> float:
    for name in ("days.marshal", "status.txt"):  # the summary cache and the status snapshot
        (data / "cache" / name).unlink(missing_ok=True)
    began = time.perf_counter()
    subprocess.run(command(data, "status"), check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


if __name__ == "__main__":
    main()
