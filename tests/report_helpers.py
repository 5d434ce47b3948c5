"""A fixed journal for the report's tests: six weeks of practice ending Wednesday 25 November
2026, with partial sessions (one ended because it hurt), rest days, other activities, three
symptom checks, morning-after answers and a move to the advanced phase (with its state record,
`phase_changes`); the same records relative to any other day for the end-to-end test."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import html5lib

from glutewake.core.frozen import replace
from glutewake.core.records import (
    Activity,
    Compared,
    Journal,
    MorningCheck,
    RestDay,
    Session,
    SetRecord,
    SymptomCheck,
)
from glutewake.core.state import PhaseChange
from glutewake.store import Store

TZ = dt.timezone(dt.timedelta(hours=1))
TODAY = dt.date(2026, 11, 25)  # a Wednesday
# Days back from today: nothing done, rest, a partial session only, the advanced phase.
MISSED = {33, 30, 23, 16, 9}
REST = {29, 15, 8}
PARTIAL = {20, 5}
ADVANCED_FROM = 2  # the last two days before today (and today) are advanced
FIRST = 34  # the first record: a Tuesday... in the week of the period's first Monday
ACTIVITIES = {
    31: ("swimming", 30),
    24: ("cycling", 45),
    17: ("swimming", 40),
    10: ("walking", 60),
    3: ("swimming", 35),
}
PAIN_AFTER = {34: 5, 27: 4, 21: 4, 14: 3, 7: 3, 2: 2, 1: 2}
# The highest "it hurts" answer: on day 5 back it was 6, which ended that session as partial.
PAIN_DURING = {34: 4, 20: 3, 5: 6, 2: 2}
# Morning-after answers (days back: compared, pain); 22 back follows the session of 24 back.
MORNINGS: dict[int, tuple[Compared, int | None]] = {
    33: ("worse", 5),
    27: ("same", None),
    22: ("worse", 4),
    13: ("better", 3),
    6: ("better", None),
    1: ("better", 2),
}
# (days back, pain during running, after, cleared for advanced)
CHECKS = ((34, 5, 6, False), (19, 4, 4, False), (1, 2, 3, True))
# The same on any weekday: every record falls inside the six weeks ending with today's week.
EXPECTED_COMPLETED = 26
EXPECTED_DONE = "25 of 34"
EXPECTED_PERCENT = "74 %"


def six_weeks(today: dt.date = TODAY) -> Journal:
    """The journal: ids are fixed, times are 07:15 local (UTC+1)."""
    sessions = []
    for back in range(FIRST, -1, -1):
        day = today - dt.timedelta(days=back)
        if back in MISSED or back in REST or back == 0:
            continue
        advanced = back <= ADVANCED_FROM
        status = "partial" if back in PARTIAL else "completed"
        session = _session(day, f"s{back:02d}", advanced, status, PAIN_AFTER.get(back))
        sessions.append(replace(session, pain_during=PAIN_DURING.get(back)))
        if back in (20, 12):  # a second, completed session that day
            sessions.append(_session(day, f"t{back:02d}", advanced, "completed", None, hour=18))
    checks = tuple(
        SymptomCheck(
            id=f"c{back:02d}",
            at=dt.datetime.combine(today - dt.timedelta(days=back), dt.time(8, 0), TZ),
            pain_during_run=during,
            pain_after_run=after,
            wobbly_gait=back > 20,
            weight_on_one_hip=back > 30,
            spread=("knees",) if back == 19 else (),
            cleared_for_exercise=True,
            cleared_for_advanced=advanced,
            advice="advanced" if advanced else "beginner",
        )
        for back, during, after, advanced in CHECKS
    )
    return Journal(
        sessions=tuple(sessions),
        rest_days=tuple(
            RestDay(f"r{back:02d}", today - dt.timedelta(days=back)) for back in sorted(REST, reverse=True)
        ),
        activities=tuple(
            Activity(f"a{back:02d}", today - dt.timedelta(days=back), kind, minutes)
            for back, (kind, minutes) in sorted(ACTIVITIES.items(), reverse=True)
        ),
        symptom_checks=checks,
        morning_checks=tuple(
            MorningCheck(f"m{back:02d}", today - dt.timedelta(days=back), compared, pain)
            for back, (compared, pain) in sorted(MORNINGS.items(), reverse=True)
        ),
    )


def _session(
    day: dt.date, record_id: str, advanced: bool, status: str, pain_after: int | None, *, hour: int = 7
) -> Session:
    started = dt.datetime.combine(day, dt.time(hour, 15), TZ)
    partial = status == "partial"
    if advanced:
        sets: tuple[SetRecord, ...] = (SetRecord("wall-mini-squat", None, 6 if partial else 10, 10),)
    else:
        sets = (
            SetRecord("side-lying-hip-abduction", "left", 10, 10),
            SetRecord("side-lying-hip-abduction", "right", 4 if partial else 10, 10),
        )
    stretches = tuple(
        SetRecord(name, side, 0 if partial else 1, 1)
        for name, side in (
            ("hip-flexor-stretch", "left"),
            ("hip-flexor-stretch", "right"),
            ("hamstring-stretch", None),
        )
    )
    return Session(
        id=record_id,
        programme="advanced" if advanced else "beginner",
        phase="advanced" if advanced else "beginner",
        started_at=started,
        status="partial" if partial else "completed",
        source="log" if record_id.startswith("t") else "app",
        sets=sets + stretches,
        ended_at=started + dt.timedelta(minutes=4 if partial else 9),
        pain_after=pain_after,
    )


def seed(store: Store, journal: Journal) -> None:
    """Write every record of `journal` through the store, as the app and `log` would."""
    for session in journal.sessions:
        store.save_session(session)
    for rest in journal.rest_days:
        store.add_rest_day(rest.day)
    for activity in journal.activities:
        store.add_activity(activity.day, activity.kind, activity.minutes)
    for check in journal.symptom_checks:
        store.add_symptom_check(check)
    for morning in journal.morning_checks:
        store.add_morning_check(morning.day, morning.compared, morning.pain)


def phase_changes(today: dt.date = TODAY) -> tuple[PhaseChange, ...]:
    """The move to the advanced phase, at 07:00 on the day of the first advanced session."""
    day = today - dt.timedelta(days=ADVANCED_FROM)
    return (PhaseChange("p-advanced", dt.datetime.combine(day, dt.time(7, 0), TZ), "advanced"),)


def seed_phase(store: Store, today: dt.date = TODAY) -> None:
    """Record the move to the advanced phase through the store, as the app's phase switch does."""
    for change in phase_changes(today):
        store.update_profile(lambda profile, phase=change.phase: replace(profile, phase=phase), at=change.at)


VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}
SVG_EMPTY = {"rect", "circle", "line", "path", "polyline"}


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
