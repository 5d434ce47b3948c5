"""The report shows when the phase changed: from the state's phase switches, dated with the
user's day start, in the programme section, the headline figure, the adherence table and its
chart, in both pages."""

from __future__ import annotations

import datetime as dt
import re

from glutewake.core.frozen import replace
from glutewake.core.report import build_report
from glutewake.core.report_charts import adherence_chart
from glutewake.core.report_html import render_html
from glutewake.core.report_md import render_markdown
from glutewake.core.report_model import PhaseSwitch, Report
from glutewake.core.report_practice import adherence_section, phase_history, programme_section
from glutewake.core.report_text import figures
from glutewake.core.state import PhaseChange
from tests.report_helpers import TODAY, TZ, phase_changes, six_weeks, strict_parse

SWITCHED = dt.date(2026, 11, 23)  # a Monday: the first day of the period's last week


def change(day: dt.date, phase: str, hour: int = 7, record_id: str | None = None) -> PhaseChange:
    at = dt.datetime.combine(day, dt.time(hour), TZ)
    return PhaseChange(record_id or f"p{day.isoformat()}{phase}", at, phase)


def report(*changes: PhaseChange, phase: str = "advanced", day_starts_at: int = 0) -> Report:
    journal = replace(six_weeks(), day_starts_at=day_starts_at)
    return build_report(journal, phase, TODAY, 6, changes)


def test_the_switches_in_the_period_are_dated_and_name_the_phase_before() -> None:
    made = report(*phase_changes())
    assert made.phase_switches == (PhaseSwitch(SWITCHED, "advanced", "beginner"),)
    assert made.phase_before == "beginner"
    assert [w.phase_switches for w in made.weeks][:-1] == [()] * 5
    assert made.weeks[-1].phase_switches == made.phase_switches


def test_switches_outside_the_period_or_repeating_the_phase_are_not_changes() -> None:
    before = change(dt.date(2026, 9, 1), "advanced")
    again = change(dt.date(2026, 11, 2), "advanced", record_id="other-machine")  # same phase again
    back = change(dt.date(2026, 11, 10), "beginner")
    tomorrow = change(TODAY + dt.timedelta(days=1), "advanced")
    made = report(tomorrow, back, again, before, phase="beginner")  # in any order
    assert made.phase_switches == (PhaseSwitch(dt.date(2026, 11, 10), "beginner", "advanced"),)
    assert made.phase_before == "advanced"
    assert report(before).phase_switches == () and report(before).phase_before == "advanced"
    assert report(phase="beginner").phase_before == "beginner"  # no switch at all: the phase now
    # Before the period's first day, the last earlier switch decides, not the phase now.
    later = change(TODAY + dt.timedelta(days=1), "beginner")
    assert report(before, later, phase="beginner").phase_before == "advanced"


def test_a_switch_before_the_day_starts_counts_for_the_day_before() -> None:
    early = change(SWITCHED, "advanced", hour=3)
    assert report(early).phase_switches[0].day == SWITCHED
    assert report(early, day_starts_at=4).phase_switches[0].day == SWITCHED - dt.timedelta(days=1)


def test_the_programme_section_says_since_when_and_what_came_before() -> None:
    assert (
        phase_history(report(*phase_changes())) == "Phase: advanced since Mon 23 Nov 2026 (beginner before)."
    )
    assert phase_history(report()) == "No change of phase was recorded in this period."
    several = report(
        change(dt.date(2026, 11, 2), "advanced"),
        change(dt.date(2026, 11, 12), "beginner"),
        change(SWITCHED, "advanced"),
    )
    assert phase_history(several) == (
        "Phase: advanced since Mon 23 Nov 2026 (beginner before); earlier in this period it went "
        "from beginner to advanced on Mon 2 Nov 2026, then beginner on Thu 12 Nov 2026."
    )
    paragraphs = programme_section(report(*phase_changes())).paragraphs
    assert paragraphs[1].startswith("Phase: advanced since Mon 23 Nov 2026 (beginner before). Each session")


def test_the_headline_figure_gives_the_day_of_the_latest_switch() -> None:
    assert figures(report(*phase_changes()))[-1].detail == "phase now: advanced since 23 Nov"
    assert figures(report())[-1].detail == "phase now: advanced"
    # A switch after today (another machine's clock ahead) made the phase now: no "since".
    ahead = report(*phase_changes(), change(TODAY + dt.timedelta(days=1), "beginner"), phase="beginner")
    assert figures(ahead)[-1].detail == "phase now: beginner"


def test_the_adherence_table_gives_each_week_s_phase_only_when_it_changed() -> None:
    table = adherence_section(report(*phase_changes())).table
    assert table is not None and table.headers[-1] == "phase" and table.numeric[-1] is False
    assert [row[-1] for row in table.rows] == [*["beginner"] * 5, "advanced from 23 Nov", ""]
    several = report(change(dt.date(2026, 11, 2), "advanced"), change(dt.date(2026, 11, 5), "beginner"))
    cells = [row[-1] for row in adherence_section(several).table.rows]  # type: ignore[union-attr]
    assert cells == [
        "beginner",
        "beginner",
        "advanced from 2 Nov, beginner from 5 Nov",
        *["beginner"] * 3,
        "",
    ]
    plain = adherence_section(report()).table
    assert plain is not None and "phase" not in plain.headers and len(plain.rows[0]) == 7


def test_both_pages_show_the_switch_and_the_markdown_total_row_stays_clean() -> None:
    made = report(*phase_changes())
    text, page = render_markdown(made), render_html(made)
    for words in ("Phase: advanced since Mon 23 Nov 2026 (beginner before).", "advanced from 23 Nov"):
        assert words in text and words in page, words
    assert "| 2026-11-23 | 2 | 2 | 100 % | 0 | 2 | 0 | advanced from 23 Nov |" in text
    assert "| **total** | **25** | **34** | **74 %** | **3** | **26** | **2** |  |" in text
    assert "****" not in text
    strict_parse(page)


def test_the_adherence_chart_marks_the_day_of_the_switch_with_a_dashed_line() -> None:
    weeks = report(*phase_changes()).weeks
    chart = adherence_chart(weeks)
    lines = re.findall(r'<line x1="([\d.]+)" y1="14.0" x2="\1" y2="150.0" stroke="#6a4c93"', chart)
    slot = (420 - 28 - 10) / 6
    assert lines == [f"{28 + slot * 5:.1f}"]  # Monday: the start of the last week's slot
    assert "advanced from 23 Nov" in chart
    thursday = report(change(dt.date(2026, 11, 12), "advanced")).weeks
    [x] = re.findall(r'<line x1="([\d.]+)" y1="14.0" x2="\1" y2="150.0"', adherence_chart(thursday))
    assert x == f"{28 + slot * (3 + 3 / 7):.1f}"
    assert "#6a4c93" not in adherence_chart(report().weeks)
