"""The report a new user prints after six weeks: the installed `glutewake report` writes the
HTML, headless Chromium prints it to PDF, and poppler's tools read the PDF back.

Skipped when Chromium or poppler-utils is missing, but failing under CI=true (`.ci/run`
installs both)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from glutewake.store import Store
from tests.report_helpers import (
    EXPECTED_COMPLETED,
    EXPECTED_DONE,
    EXPECTED_PERCENT,
    seed,
    seed_phase,
    six_weeks,
)

from .commands import glutewake

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
A4_POINTS = (595.0, 842.0)


def need(program: str | None, what: str) -> str:
    if program is not None:
        return program
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is required for the report's PDF test in CI but is not installed")
    pytest.skip(f"{what} is not installed: the report's PDF test needs it")


def chromium() -> str:
    found = next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)
    return need(found, "Chromium")


def print_to_pdf(page: Path, pdf: Path, profile: Path) -> None:
    done = subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert pdf.is_file() and pdf.stat().st_size > 0, done.stderr


def test_six_weeks_print_on_one_or_two_a4_pages_with_the_figures(tmp_path: Path) -> None:
    pdfinfo = need(shutil.which("pdfinfo"), "pdfinfo (poppler-utils)")
    pdftotext = need(shutil.which("pdftotext"), "pdftotext (poppler-utils)")
    chromium()
    data = tmp_path / "data"
    seed(Store(data), six_weeks(dt.date.today()))
    seed_phase(Store(data), dt.date.today())  # the move to advanced, marked in the page
    page = tmp_path / "report.html"
    glutewake(data, "report", "--output", str(page))
    pdf = tmp_path / "report.pdf"
    print_to_pdf(page, pdf, tmp_path / "profile")

    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert 1 <= pages <= 2, info
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
    assert size is not None, info
    width, height = float(size.group(1)), float(size.group(2))
    assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, info

    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert EXPECTED_DONE in flat and f"{EXPECTED_PERCENT} of the days counted" in flat  # adherence
    assert f"{EXPECTED_COMPLETED} completed" in flat  # the session count
    assert "Adherence per week" in flat and "Repetitions per working leg" in flat
    assert "during sessions" in flat  # the pain table's "it hurts" column
    assert "The morning after sessions" in flat and "Morning-after answers, one by one" in flat
    assert "not a clinician" in flat
    assert "Phase: advanced since" in flat and "(beginner before)" in flat
