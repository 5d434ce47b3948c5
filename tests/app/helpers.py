"""Helpers for Pilot tests: a frozen clock, a seeded data dir, and the screen as text."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from pathlib import Path
from typing import Any

from rich.console import Console

from glutewake.app import create_app
from glutewake.app.app import GlutewakeApp
from glutewake.core.frozen import replace
from glutewake.core.records import Session, SetRecord, SymptomCheck, new_id
from glutewake.store import Store
from tests.fake_tones import FakeTones

TZ = dt.timezone(dt.timedelta(hours=1))
NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=TZ)
TODAY = NOW.date()


def frozen_now() -> dt.datetime:
    return NOW


def make_app(data_dir: Path, **options: Any) -> GlutewakeApp:
    """The app as the CLI builds it, with time frozen and no environment leaking in."""
    options.setdefault("now", frozen_now)
    options.setdefault("clock", lambda: 1000.0)
    options.setdefault("environ", {})
    options.setdefault("open_tones", FakeTones().open)
    return create_app(data_dir, **options)


def acknowledge(data_dir: Path, **changes: Any) -> Store:
    """A data dir past the first-run note and past today's morning-after question (which a
    session seeded yesterday would bring up), with any profile `changes` applied."""
    store = Store(data_dir)
    changes.setdefault("morning_asked_on", TODAY)
    store.update_profile(lambda profile: replace(profile, acknowledged_on=dt.date(2026, 11, 1), **changes))
    return store


def session(day: dt.date, status: str = "completed", pain_after: int | None = None) -> Session:
    started = dt.datetime.combine(day, dt.time(7, 30), TZ)
    return Session(
        id=new_id(),
        programme="beginner",
        phase="beginner",
        started_at=started,
        status=status,  # type: ignore[arg-type]
        source="app",
        sets=(SetRecord("side-lying-hip-abduction", "left", 10, 10),),
        ended_at=started + dt.timedelta(minutes=7),
        pain_after=pain_after,
    )


def symptom_check(
    advice: str,
    *,
    during: int = 4,
    after: int = 5,
    day: dt.date = TODAY,
    cleared_for_advanced: bool = False,
    spread: tuple[str, ...] = (),
) -> SymptomCheck:
    return SymptomCheck(
        id=new_id(),
        at=dt.datetime.combine(day, dt.time(8, 0), TZ) - dt.timedelta(days=1),
        pain_during_run=during,
        pain_after_run=after,
        wobbly_gait=False,
        weight_on_one_hip=False,
        spread=spread,
        cleared_for_exercise=advice != "rest",
        cleared_for_advanced=cleared_for_advanced,
        advice=advice,  # type: ignore[arg-type]
    )


def screen_text(app: GlutewakeApp) -> str:
    """What the terminal shows now, as plain lines: Textual's own render of the screen (and
    the screens under a modal one), printed as text instead of an SVG."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, color_system=None)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def svg_text(svg: str) -> str:
    """The terminal lines drawn in a saved SVG screenshot (README assets), as plain text."""
    rows: dict[int, list[str]] = {}
    pattern = r'<text class="[^"]*-r\d+" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>'
    for match in re.finditer(pattern, svg):
        column = round(float(match[1]) / 12.2)
        row = round((float(match[2]) - 20) / 24.4)
        line = rows.setdefault(row, [" "] * 400)
        for offset, char in enumerate(html.unescape(match[3]).replace("\xa0", " ")):
            line[column + offset] = char
    return "\n".join("".join(rows.get(r, [])).rstrip() for r in range(max(rows, default=0) + 1))


def flat(text: str) -> str:
    """`text` with every run of whitespace made one space, so wrapped sentences still match."""
    return " ".join(text.split())
