"""The report's figures from a fixed journal and a frozen day, and its two pages."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import html5lib
import pytest

from glutewake.core.advice import standing_advice
from glutewake.core.records import Activity, Journal, SetRecord
from glutewake.core.report import BadWeeks, SideReps, advice_at, build_report
from glutewake.core.report_html import render_html
from glutewake.core.report_md import render_markdown
from tests.report_helpers import TODAY, TZ, six_weeks

GOLDEN = Path(__file__).parent / "golden" / "report.md"
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}
SVG_EMPTY = {"rect", "circle", "line", "path", "polyline"}


def report(journal: Journal | None = None, weeks: int = 6, today: dt.date = TODAY):  # type: ignore[no-untyped-def]
    return build_report(six_weeks() if journal is None else journal, "advanced", today, weeks)


def test_the_period_is_six_calendar_weeks_ending_with_this_week() -> None:
    made = report()
    assert made.first_day == dt.date(2026, 10, 19)  # a Monday
    assert [w.monday for w in made.weeks][-1] == dt.date(2026, 11, 23)
    assert len(made.weeks) == 6


def test_adherence_per_week_counts_days_from_the_first_record_up_to_yesterday() -> None:
    weeks = report().weeks
    # The first record is Thursday 22 October: the first week counts four days.
    assert [(w.done, w.days) for w in weeks] == [(3, 4), (5, 7), (6, 7), (5, 7), (4, 7), (2, 2)]
    assert [w.rest for w in weeks] == [0, 1, 0, 1, 1, 0]
    assert [(w.completed, w.partial) for w in weeks] == [(3, 0), (5, 0), (6, 1), (6, 0), (4, 1), (2, 0)]
    totals = report().totals
    assert (totals.done, totals.days, totals.done_percent) == (25, 34, 74)


def test_today_counts_once_it_is_done() -> None:
    journal = six_weeks()
    last = journal.sessions[-1]
    today_session = replace(last, id="today", started_at=last.started_at + dt.timedelta(days=1))
    week = report(replace(journal, sessions=(*journal.sessions, today_session))).weeks[-1]
    assert (week.done, week.days, week.completed) == (3, 3, 3)


def test_reps_per_working_leg_leave_the_stretches_out_and_count_the_squat_as_both_legs() -> None:
    weeks = report().weeks
    assert weeks[2].left == SideReps(70, 70)
    assert weeks[2].right == SideReps(64, 70)  # one partial session: 4 of 10 with the right leg
    assert weeks[-1].both == SideReps(20, 20) and weeks[-1].left == SideReps(0, 0)
    assert report().totals.right == SideReps(248, 260)


def test_pain_per_week_is_the_highest_reported() -> None:
    weeks = report().weeks
    assert [(w.run_during, w.run_after) for w in weeks] == [
        (5, 6),
        (None, None),
        (4, 4),
        (None, None),
        (None, None),
        (2, 3),
    ]
    assert [w.highest_pain_after for w in weeks] == [5, 4, 4, 3, 3, 2]


def test_each_check_carries_the_advice_of_the_core_rule_at_that_moment() -> None:
    journal = six_weeks()
    made = report(journal)
    assert [row.advice.level for row in made.checks] == ["beginner", "beginner", "advanced"]
    first = journal.symptom_checks[0]
    assert made.checks[0].advice == advice_at(journal, first)
    # Not cleared for exercise: the rule says rest, and so does the report.
    uncleared = replace(first, cleared_for_exercise=False)
    changed = replace(journal, symptom_checks=(uncleared, *journal.symptom_checks[1:]))
    assert report(changed).checks[0].advice.level == "rest"
    assert "knees" in made.checks[1].advice.reason
    assert made.advice_now.level == "advanced"
    assert made.advice_now == standing_advice(journal, TODAY)  # what home and status say


def test_a_session_ending_with_pain_seven_turns_today_s_advice_to_rest() -> None:
    journal = six_weeks()
    last = journal.sessions[-1]
    sore = replace(last, id="sore", started_at=last.started_at + dt.timedelta(hours=3), pain_after=7)
    with_sore = replace(journal, sessions=(*journal.sessions, sore))
    made = report(with_sore)
    assert made.advice_now.level == "rest"
    assert made.advice_now == standing_advice(with_sore, TODAY)
    assert made.advice_now.reason.endswith("was 7: 7 or more means rest.")
    # The checks keep the advice they gave then: the sore session came after all of them.
    assert [row.advice.level for row in made.checks] == ["beginner", "beginner", "advanced"]


def test_a_worse_morning_shows_in_today_s_advice_and_not_in_the_checks_before_it() -> None:
    from glutewake.core.records import MorningCheck

    journal = six_weeks()
    worse = replace(journal, morning_checks=(MorningCheck("m", TODAY, "worse"),))
    made = report(worse)
    assert made.advice_now.level == "beginner"
    assert made.advice_now.reason.startswith("Your hip was worse the morning after on ")
    assert made.checks[-1].advice.level == "advanced"


def test_activities_and_variety_per_week() -> None:
    weeks = report().weeks
    assert weeks[0].minutes_by_kind == (("swimming", 30),)
    assert weeks[0].kinds == ("rehab sessions", "swimming")
    assert [w.active_days for w in weeks] == [3, 5, 6, 5, 4, 2]


def test_programmes_and_phases_show_when_their_sessions_were_done() -> None:
    spans = report().programmes
    assert [(s.programme, s.phase, s.sessions, s.first, s.last) for s in spans] == [
        ("beginner", "beginner", 26, dt.date(2026, 10, 22), dt.date(2026, 11, 22)),
        ("advanced", "advanced", 2, dt.date(2026, 11, 23), dt.date(2026, 11, 24)),
    ]


@pytest.mark.parametrize("weeks", [0, -1, 521])
def test_weeks_out_of_range_are_refused(weeks: int) -> None:
    with pytest.raises(BadWeeks, match="1 to 520"):
        report(weeks=weeks)


def test_an_empty_journal_gives_a_report_that_says_there_is_nothing_yet() -> None:
    made = report(Journal())
    assert made.empty and made.journal_empty
    assert "nothing recorded yet" in render_markdown(made)
    page = render_html(made)
    assert "nothing recorded yet" in page and "<table" not in page and "<svg" not in page
    strict_parse(page)


def test_records_only_before_the_period_say_so() -> None:
    made = report(today=TODAY + dt.timedelta(days=120))
    assert made.empty and not made.journal_empty
    assert "Nothing was recorded in these 6 weeks" in render_markdown(made)


def strict_parse(page: str) -> None:
    """html5lib in strict mode raises on any parse error; a second pass checks that every
    element that needs closing is closed, in order."""
    html5lib.HTMLParser(strict=True).parse(page)
    stack: list[str] = []

    class Balance(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag not in VOID:
                stack.append(tag)

        def handle_startendtag(self, tag: str, attrs: object) -> None:
            assert tag in SVG_EMPTY | VOID, f"self-closed <{tag}/>"

        def handle_endtag(self, tag: str) -> None:
            assert stack and stack[-1] == tag, f"</{tag}> closes {stack[-1:]}"
            stack.pop()

    Balance().feed(page)
    assert stack == []


def test_the_html_parses_strictly_and_refers_to_nothing_outside() -> None:
    page = render_html(report())
    strict_parse(page)
    lowered = page.lower()
    for outside in ("http", "<script", "<link", "src=", "href=", "url(", "@import", "@font-face", "//"):
        assert outside not in lowered, outside
    assert page.count("<svg") == 3 and page.count("<table") == 6
    assert "@media print" in page and "size: A4" in page


def test_a_strict_parser_catches_a_broken_page() -> None:
    with pytest.raises(html5lib.html5parser.ParseError):
        strict_parse(render_html(report()).replace("</table>", "", 1))
    with pytest.raises((html5lib.html5parser.ParseError, AssertionError)):
        strict_parse(render_html(report()).replace("</section>", "", 1))
    # Implied end tags are fine for html5lib; the balance check still wants them written.
    with pytest.raises(AssertionError, match="closes"):
        strict_parse(render_html(report()).replace("</p>", "", 1))


def test_text_from_the_journal_is_escaped_in_both_pages() -> None:
    journal = six_weeks()
    odd = Activity("odd", TODAY - dt.timedelta(days=1), "<b>tai chi</b> & | *yoga*", 20)
    made = report(replace(journal, activities=(*journal.activities, odd)))
    page = render_html(made)
    strict_parse(page)
    assert "&lt;b&gt;tai chi&lt;/b&gt; &amp; | *yoga*" in page and "<b>" not in page
    assert r"\<b\>tai chi\</b\> & \| \*yoga\*" in render_markdown(made)


def test_the_markdown_matches_the_golden_file() -> None:
    text = render_markdown(report())
    if os.environ.get("GLUTEWAKE_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_html_and_markdown_hold_the_same_figures() -> None:
    page, text = render_html(report()), render_markdown(report())
    for figure in ("25 of 34", "74 %", "26 completed", "2 partial sessions", "260 · 248", "2026-11-06"):
        assert figure in page and figure in text, figure


def test_a_long_period_stays_one_row_a_week() -> None:
    journal = six_weeks()
    made = report(journal, weeks=52)
    assert len(made.weeks) == 52
    strict_parse(render_html(made))
    dated_rows = re.findall(r"^\| \d{4}-\d{2}-\d{2} \|", render_markdown(made), re.MULTILINE)
    assert len(dated_rows) == 52 * 4 + 3  # adherence, reps, pain, activities; the three checks


def test_a_set_without_a_target_above_one_is_a_stretch() -> None:
    journal = six_weeks()
    only = replace(
        journal.sessions[0],
        sets=(SetRecord("hip-flexor-stretch", "left", 1, 1),),
        started_at=dt.datetime(2026, 10, 22, 7, tzinfo=TZ),
    )
    made = report(replace(journal, sessions=(only,)))
    assert made.totals.left == SideReps(0, 0)
