"""Cold start of every `glutewake` command that does not open the full-screen app, against
`python -c pass`, all in one run (DESIGN.md "Performance").

Goals: `status` at most 2x `python -c pass` with ten years of history and the summary cache
in place; every other command at most 3x (on a day of history; `log` on none); `log` at ten
years at most 1.3x `log` with no history, both with the summary cache `log` keeps (the
whole of it, as `status` leaves it) and with no summary cache present (no
`cache/days.marshal`), printed at the end as two ratios, wall and CPU. Also printed, without
a goal: `status` with ten years and no cache (it parses every month and writes the cache),
and `log` with no `cache/` folder at all, ten years against none (it parses the month it
writes with the TOML reader too).

The commands take turns run by run, so a busy machine slows each of them alike. Printed per
command: the median wall time and its ratio (the goal's figure), the ratio of the fastest
runs, and the ratio of the median CPU time (user + system of the child), which a loaded
machine disturbs less than wall time. Python may write bytecode here
(PYTHONDONTWRITEBYTECODE is dropped for the commands and the baseline), as it does for an
installed package, and buffers its output as in a shell (PYTHONUNBUFFERED is dropped).
Run: `.venv/bin/python benchmarks/cli_startup.py [--runs N] [--only WORDS]` (`--only log`
times just the `log` cases against the baseline). Figures only; nothing is asserted.

It times the `glutewake` script installed beside this Python; set up as the README says
(`venv --upgrade-deps`), pip writes it without `import re` (the first floor line shows what
the script imports).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from store import export_document  # noqa: E402

TEN_YEARS = 3650
SCRIPT = Path(sys.executable).parent / "glutewake"
ENV = {
    k: v
    for k, v in os.environ.items()
    if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED") and not k.startswith("GLUTEWAKE_")
}


class Case:
    """One command line to time, what to do before each run, and its goal against the baseline."""

    def __init__(
        self,
        title: str,
        argv: list[str],
        goal: float | None,
        before: Callable[[], None] | None = None,
        ok: tuple[int, ...] = (0,),
    ) -> None:
        self.title, self.argv, self.goal, self.before, self.ok = title, argv, goal, before, ok


def glutewake(data: Path, *args: str) -> list[str]:
    return [str(SCRIPT), "--data-dir", str(data), *args]


def history(data: Path, days: int, end: dt.date, scratch: Path) -> None:
    """`days` of sessions ending the day before `end`, imported, with files a day old (as a
    real history's would be, so the summary cache may keep them)."""
    export = scratch / f"{data.name}.json"
    export.write_text(json.dumps(export_document(days, end)))
    subprocess.run(glutewake(data, "import", str(export)), check=True, stdout=subprocess.DEVNULL, env=ENV)
    yesterday = dt.datetime.now().timestamp() - 86_400
    for path in (data / "journal").iterdir():
        os.utime(path, (yesterday, yesterday))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument(
        "--only", metavar="WORDS", help="time only the cases whose title holds WORDS (and python -c pass)"
    )
    options = parser.parse_args()
    runs = options.runs
    today = dt.date.today()
    month_start = today.replace(day=1)  # histories end last month: `log` writes a month of its own
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        empty, day, small, ten, ten_bare = (
            scratch / name for name in ("empty", "day", "small", "ten", "ten-bare")
        )
        small_log, small_log_bare, ten_log, ten_log_bare, ten_log_none = (
            scratch / name
            for name in ("small-log", "small-log-bare", "ten-log", "ten-log-bare", "ten-log-none")
        )
        history(day, 1, month_start, scratch)
        history(small, 30, month_start, scratch)
        history(ten, TEN_YEARS, month_start, scratch)
        for copy in (ten_bare, ten_log, ten_log_bare, ten_log_none):
            shutil.copytree(ten, copy)
        # The whole summary cache, as a user's who runs `status` or the app has: `log` keeps it.
        subprocess.run(glutewake(ten_log, "status"), check=True, stdout=subprocess.DEVNULL, env=ENV)
        empty.mkdir()
        small_log.mkdir()
        small_log_bare.mkdir()
        backup = scratch / "backup.json"
        own = scratch / "own.toml"
        shown = subprocess.run(
            glutewake(empty, "programme", "show", "beginner"), check=True, capture_output=True, env=ENV
        )
        own.write_bytes(shown.stdout)
        subprocess.run(
            glutewake(day, "export", "--format", "json", "--output", str(backup)), check=True, env=ENV
        )

        def drop_cache(data: Path) -> Callable[[], None]:
            return lambda: shutil.rmtree(data / "cache", ignore_errors=True)

        def drop_summary(data: Path) -> Callable[[], None]:
            return lambda: (data / "cache" / "days.marshal").unlink(missing_ok=True)

        script_imports = _script_imports()
        cases = [
            Case("python -c pass", [sys.executable, "-c", "pass"], None),
            # Floors, without a goal: what the installed script imports before glutewake's own
            # code (pip before 25 writes `import re` into it), and with it the standard
            # modules every command that reads its data needs.
            Case(f"floor: python -c '{script_imports}'", [sys.executable, "-c", script_imports], None),
            Case(
                "floor: python -c FLOOR (data readers)",
                [sys.executable, "-c", f"{script_imports}; {FLOOR}"],
                None,
            ),
            Case("status (10 years, cached)", glutewake(ten, "status"), 2),
            Case("status --json (10 years, cached)", glutewake(ten, "status", "--json"), 2),
            Case(
                "status --format '{streak}d' (cached)", glutewake(ten, "status", "--format", "{streak}d"), 2
            ),
            Case("status (no history)", glutewake(empty, "status"), 2),
            Case("status (10 years, no cache)", glutewake(ten_bare, "status"), None, drop_cache(ten_bare)),
            Case("--version", [str(SCRIPT), "--version"], 3),
            Case("--help", [str(SCRIPT), "--help"], 3),
            Case("plan beginner --json", glutewake(empty, "plan", "beginner", "--json"), 3),
            Case("programme show beginner", glutewake(empty, "programme", "show", "beginner"), 3),
            Case("programme check FILE", glutewake(empty, "programme", "check", str(own)), 3),
            Case("settings (a day of history)", glutewake(day, "settings"), 3),
            Case("settings count_seconds", glutewake(day, "settings", "count_seconds"), 3),
            Case("history (a day of history)", glutewake(day, "history"), 3),
            Case("history --json (a day)", glutewake(day, "history", "--json"), 3),
            Case("export --format csv (a day)", glutewake(day, "export", "--format", "csv"), 3),
            Case("export --format json (a day)", glutewake(day, "export", "--format", "json"), 3),
            Case("import FILE (already there)", glutewake(day, "import", str(backup)), 3),
            Case("repair (nothing to repair)", glutewake(day, "repair"), 3),
            Case("delete ID (no such id)", glutewake(day, "delete", "0" * 32), 3, ok=(2,)),
            Case(
                "report --format md (a day)", glutewake(day, "report", "--format", "md", "--output", "-"), 3
            ),
            Case("history (30 days)", glutewake(small, "history"), None),
            Case("export --format csv (30 days)", glutewake(small, "export", "--format", "csv"), None),
            Case("log --activity (no history)", glutewake(small_log, *LOG), 3),
            # At ten years `log`'s goal is its ratio to `log` with no history (printed at the end).
            Case("log --activity (10 years, cached)", glutewake(ten_log, *LOG), None),
            Case(
                "log --activity (10 years, no cache)",
                glutewake(ten_log_bare, *LOG),
                None,
                drop_summary(ten_log_bare),
            ),
            # Without cache/ at all (nor its parsed TOML): the month written is parsed with the
            # TOML reader, with ten years of history or none.
            Case(
                "log --activity (no history, no cache/)",
                glutewake(small_log_bare, *LOG),
                None,
                drop_cache(small_log_bare),
            ),
            Case(
                "log --activity (10 years, no cache/)",
                glutewake(ten_log_none, *LOG),
                None,
                drop_cache(ten_log_none),
            ),
        ]
        _check_every_command_is_timed(cases)
        if options.only:
            cases = [case for i, case in enumerate(cases) if i == 0 or options.only in case.title]
        for case in cases:  # warm the file cache, write bytecode and the summary caches
            for _ in range(2):
                done = subprocess.run(case.argv, capture_output=True, env=ENV)
                if done.returncode not in case.ok:
                    raise SystemExit(f"{case.title}: exit {done.returncode}: {done.stderr.decode()}")
        load_before = _load()
        timed = interleaved_times([(case.argv, case.before) for case in cases], runs)
    base = timed[0]  # python -c pass
    print(
        f"{'':<40}{'median':>9}{'ratio':>8}{'min':>7}{'cpu':>7}"
        f"  ({runs} runs each, load average {load_before} before)"
    )
    figures_of: dict[str, Figures] = {}
    for case, figures in zip(cases, timed, strict=True):
        figures_of[case.title] = figures
        ratio = figures.wall / base.wall
        goal = f"goal <= {case.goal}x" if case.goal else ""
        verdict = "" if case.goal is None else ("ok" if ratio <= case.goal else "OVER")
        print(
            f"{case.title:<40}{figures.wall * 1000:7.1f}ms{ratio:7.2f}x{figures.fastest / base.fastest:6.2f}x"
            f"{figures.cpu / base.cpu:6.2f}x  {goal:<13}{verdict}"
        )
    print(f"{'':<40}load average {_load()} after")
    _print_log_ratios(figures_of)


LOG_GOAL = 1.3  # `log` at ten years against `log` with none, with or without a summary cache


def _print_log_ratios(figures_of: dict[str, Figures]) -> None:
    """`log` at ten years against `log` with no history: median wall and CPU time, each case."""
    print(f"\nlog at 10 years / log with no history{'wall':>26}{'cpu':>7}")
    for title, reference, words, goal in (
        ("(10 years, cached)", "(no history)", "with the cache log keeps", LOG_GOAL),
        ("(10 years, no cache)", "(no history)", "with no cache present (no days.marshal)", LOG_GOAL),
        ("(10 years, no cache/)", "(no history, no cache/)", "neither has cache/ at all", None),
    ):
        figures = figures_of.get(f"log --activity {title}")
        none = figures_of.get(f"log --activity {reference}")
        if figures is None or none is None:
            continue
        wall, cpu = figures.wall / none.wall, figures.cpu / none.cpu
        verdict = "" if goal is None else f"goal <= {goal}x  {'ok' if wall <= goal else 'OVER'}"
        print(f"  {words:<58}{wall:5.2f}x{cpu:6.2f}x  {verdict}")


class Figures:
    """One command's median wall time, fastest wall time and median CPU time, in seconds."""

    def __init__(self, wall: list[float], cpu: list[float]) -> None:
        self.wall, self.fastest, self.cpu = statistics.median(wall), min(wall), statistics.median(cpu)


def interleaved_times(cases: list[tuple[list[str], Callable[[], None] | None]], runs: int) -> list[Figures]:
    """Each command line's figures, the cases taking turns run by run (a busy machine slows
    each alike); a case's callable, if any, runs untimed before each run."""
    wall: list[list[float]] = [[] for _ in cases]
    cpu: list[list[float]] = [[] for _ in cases]
    for _ in range(runs):
        for (argv, before), walls, cpus in zip(cases, wall, cpu, strict=True):
            if before is not None:
                before()
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            began = time.perf_counter()
            subprocess.run(argv, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            walls.append(time.perf_counter() - began)
            now = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime)
    return [Figures(walls, cpus) for walls, cpus in zip(wall, cpu, strict=True)]


LOG = ("log", "--activity", "swimming", "--minutes", "30")
# The standard modules every command that reads the data folder imports (`re` comes with
# the installed script; argparse, tomllib and typing no longer do: see cli/fastargs.py and
# store/parsed.py).
FLOOR = "import datetime, fcntl"


def _script_imports() -> str:
    """The imports of the installed script's own lines (`import re, sys` or `import sys`)."""
    names = [
        line.split()[1]
        for line in SCRIPT.read_text(encoding="utf-8").splitlines()
        if line.startswith("import ")
    ]
    return f"import {', '.join(names)}" if names else "pass"


def _check_every_command_is_timed(cases: list[Case]) -> None:
    from glutewake.cli.parser import build_parser

    commands = set()
    for action in build_parser()._subparsers._group_actions:  # type: ignore[union-attr]
        commands |= set(getattr(action, "choices", {}) or {})
    timed = {word for case in cases for word in case.argv if word in commands}
    missing = commands - timed - {"sound"}  # `sound` plays tones through the speakers
    if missing:
        raise SystemExit(f"cli_startup.py times no run of: {', '.join(sorted(missing))}")


def _load() -> str:
    try:
        return " ".join(f"{n:.2f}" for n in os.getloadavg())
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
