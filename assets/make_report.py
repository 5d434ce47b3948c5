"""Make the README's example report: six weeks of a made-up user, as HTML, Markdown and a
picture of each printed page.

    .venv/bin/python assets/make_report.py [--output DIR] [--no-pictures]

The journal is written through the store into a temporary data dir, with the date frozen at
Wednesday 25 November 2026 (UTC+1) and fixed record ids, and the report is made by the same
code as `glutewake report`, so running it twice gives identical files. The pictures need
headless Chromium and poppler-utils (pdftoppm).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from glutewake.core.records import Compared, Session, SetRecord, SymptomCheck
from glutewake.store import Store
from glutewake.store.report_file import render_report, write_report

TZ = dt.timezone(dt.timedelta(hours=1))
TODAY = dt.date(2026, 11, 25)
NAMES = {"html": "report-example.html", "md": "report-example.md"}
PICTURES = "report-page"


def _day(back: int) -> dt.date:
    return TODAY - dt.timedelta(days=back)


def _session(
    back: int, number: int, *, advanced: bool, partial: bool, pain: int | None, pain_during: int | None
) -> Session:
    started = dt.datetime.combine(_day(back), dt.time(7, 20), TZ)
    if advanced:
        sets: tuple[SetRecord, ...] = (SetRecord("wall-mini-squat", None, 7 if partial else 10, 10),)
    else:
        sets = (
            SetRecord("side-lying-hip-abduction", "left", 10, 10),
            SetRecord("side-lying-hip-abduction", "right", 6 if partial else 10, 10),
        )
    stretches = tuple(
        SetRecord(name, side, 0 if partial else 1, 1)
        for name in ("hip-flexor-stretch", "quadriceps-stretch", "lateral-hip-stretch", "hamstring-stretch")
        for side in ("left", "right")
    )
    phase = "advanced" if advanced else "beginner"
    return Session(
        id=f"example-session-{number:03d}",
        programme=phase,
        phase=phase,
        started_at=started,
        status="partial" if partial else "completed",
        source="app",
        sets=sets + stretches,
        ended_at=started + dt.timedelta(minutes=5 if partial else 11),
        pain_after=pain,
        pain_during=pain_during,
    )


def _check(
    back: int, during: int, after: int, *, wobbly: bool, advanced: bool, spread: tuple[str, ...] = ()
) -> SymptomCheck:
    return SymptomCheck(
        id=f"example-check-{back:02d}",
        at=dt.datetime.combine(_day(back), dt.time(18, 30), TZ),
        pain_during_run=during,
        pain_after_run=after,
        wobbly_gait=wobbly,
        weight_on_one_hip=wobbly,
        spread=spread,
        cleared_for_exercise=True,
        cleared_for_advanced=advanced,
        advice="advanced" if advanced and during <= 3 and after <= 3 else "beginner",
    )


def seed(data_dir: Path) -> None:
    """Six weeks from Monday 19 October: mostly done, a few missed days and rest days, two
    partial sessions (one ended because it hurt), swims and rides, four symptom checks,
    morning-after answers on most mornings after a session, advanced from 21 November."""
    store = Store(data_dir)
    store.update_profile(
        lambda profile: replace(profile, acknowledged_on=_day(38)),
        at=dt.datetime.combine(_day(38), dt.time(12), TZ),
    )
    # The switch to advanced, a state record of its own: the report shows the day it changed.
    store.update_profile(
        lambda profile: replace(profile, phase="advanced"), at=dt.datetime.combine(_day(4), dt.time(7), TZ)
    )
    missed, rest, partial = {36, 31, 24, 17, 10, 3}, {30, 23, 16, 9, 2}, {27, 12}
    pains = {37: 5, 34: 4, 29: 4, 26: 3, 22: 3, 19: 2, 15: 3, 12: 2, 8: 2, 5: 2, 1: 1}
    hurts = {37: 4, 27: 6, 19: 3, 12: 2, 5: 2}  # "it hurts" at 6 ended the session of 27 days back
    number = 0
    for back in range(37, 0, -1):
        if back in missed or back in rest:
            continue
        number += 1
        store.save_session(
            _session(
                back,
                number,
                advanced=back <= 4,
                partial=back in partial,
                pain=pains.get(back),
                pain_during=hurts.get(back),
            )
        )
    for back in sorted(rest, reverse=True):
        store.add_rest_day(_day(back))
    for back, kind, minutes in (
        (35, "swimming", 30),
        (31, "cycling", 40),
        (28, "swimming", 35),
        (24, "cycling", 45),
        (21, "swimming", 40),
        (17, "walking", 60),
        (14, "swimming", 40),
        (10, "cycling", 50),
        (7, "swimming", 45),
        (3, "elliptical", 30),
    ):
        store.add_activity(_day(back), kind, minutes)
    store.add_symptom_check(_check(37, 6, 6, wobbly=True, advanced=False))
    store.add_symptom_check(_check(25, 4, 5, wobbly=True, advanced=False, spread=("knees",)))
    store.add_symptom_check(_check(13, 3, 4, wobbly=False, advanced=True))
    store.add_symptom_check(_check(5, 2, 2, wobbly=False, advanced=True))
    mornings: tuple[tuple[int, Compared, int | None], ...] = (
        (36, "worse", 5),
        (34, "same", 4),
        (32, "same", None),
        (29, "better", 4),
        (26, "worse", 5),
        (25, "same", 4),
        (21, "better", 3),
        (19, "same", None),
        (14, "better", 2),
        (11, "same", 3),
        (7, "better", 2),
        (4, "better", None),
        (0, "better", 1),
    )
    for back, compared, pain in mornings:
        store.add_morning_check(_day(back), compared, pain)


def pictures(page: Path, output: Path, scratch: Path) -> list[Path]:
    """Print `page` to PDF with headless Chromium, then one PNG per page with pdftoppm."""
    browser = next(
        (p for n in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(n))), None
    )
    pdftoppm = shutil.which("pdftoppm")
    if browser is None or pdftoppm is None:
        raise SystemExit("the pictures need chromium and pdftoppm (poppler-utils); or pass --no-pictures")
    pdf = scratch / "report.pdf"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={scratch / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    for old in output.glob(f"{PICTURES}-*.png"):
        old.unlink()
    subprocess.run([pdftoppm, "-png", "-r", "80", str(pdf), str(output / PICTURES)], check=True, timeout=120)
    return sorted(output.glob(f"{PICTURES}-*.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--output",
        type=Path,
        default=Path(__file__).resolve().parent,
        metavar="DIR",
        help="where to write the files (default: assets/)",
    )
    parser.add_argument("--no-pictures", action="store_true", help="skip the PNG pictures of the pages")
    args = parser.parse_args(argv)
    output: Path = args.output
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="glutewake-report-") as scratch:
        data_dir = Path(scratch) / "data"
        seed(data_dir)
        for format, name in NAMES.items():
            write_report(output / name, render_report(Store(data_dir), TODAY, weeks=6, format=format))
            print(output / name)
        if not args.no_pictures:
            for picture in pictures(output / NAMES["html"], output, Path(scratch)):
                print(picture)
    return 0


if __name__ == "__main__":
    sys.exit(main())
