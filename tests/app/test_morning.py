"""The morning-after question over home: asked once on the day after a session, by keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from glutewake.app.screens.home import HomeScreen
from glutewake.app.screens.morning import MorningScreen
from glutewake.core.records import MorningCheck
from glutewake.store import Store

from .helpers import TODAY, acknowledge, flat, make_app, screen_text, session, symptom_check


def after_a_session(data_dir: Path, **changes: object) -> Store:
    store = acknowledge(data_dir, morning_asked_on=None, **changes)
    store.save_session(session(TODAY - dt.timedelta(days=1)))
    return store


async def test_the_day_after_a_session_the_question_is_asked_and_the_answer_kept(
    data_dir: Path,
) -> None:
    store = after_a_session(data_dir)
    store.add_symptom_check(symptom_check("advanced", during=1, after=1, cleared_for_advanced=True))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MorningScreen)
        text = flat(screen_text(app))
        assert "How is your hip this morning, compared with before your last session?" in text
        await pilot.press("w", "7")
        assert "[w worse]" in flat(screen_text(app)) and "[7]" in flat(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        home = flat(screen_text(app))
        assert "Last check 24 Nov · REST AND SEE A PROFESSIONAL" in home
        assert "Pain on the morning of 25 Nov was 7: 7 or more means rest." in home
    (answer,) = store.read_journal().morning_checks
    assert (answer.day, answer.compared, answer.pain) == (TODAY, "worse", 7)
    assert store.read_profile().morning_asked_on == TODAY


async def test_a_worse_morning_without_a_pain_caps_the_advice_at_beginner(data_dir: Path) -> None:
    store = after_a_session(data_dir)
    store.add_symptom_check(symptom_check("advanced", during=1, after=1, cleared_for_advanced=True))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("w", "enter")
        await pilot.pause()
        home = flat(screen_text(app))
        assert "Last check 24 Nov · BEGINNER" in home
        assert "Your hip was worse the morning after on 25 Nov: ease off and stay with the" in home
    assert store.read_journal().morning_checks[0].pain is None


async def test_the_answer_can_change_and_the_pain_be_cleared_before_saving(data_dir: Path) -> None:
    store = after_a_session(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("w", "1", "0")
        assert "[10]" in flat(screen_text(app))
        await pilot.press("backspace", "b", "3", "enter")
        await pilot.pause()
    (answer,) = store.read_journal().morning_checks
    assert (answer.compared, answer.pain) == ("better", 3)


async def test_enter_before_an_answer_asks_for_one_and_saves_nothing(data_dir: Path) -> None:
    store = after_a_session(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MorningScreen)
        assert "Press b (better), s (same) or w (worse) first, then enter." in flat(screen_text(app))
        await pilot.press("s", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [(m.compared, m.pain) for m in store.read_journal().morning_checks] == [("same", 5)]


async def test_escape_skips_until_tomorrow(data_dir: Path) -> None:
    store = after_a_session(data_dir)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.read_journal().morning_checks == ()
    assert store.read_profile().morning_asked_on == TODAY
    again = make_app(data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)
    tomorrow = make_app(
        data_dir, now=lambda: dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(8)).astimezone()
    )
    async with tomorrow.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(tomorrow.screen, HomeScreen)  # no session yesterday (the 25th)


async def test_once_answered_it_is_not_asked_again_that_day(data_dir: Path) -> None:
    store = after_a_session(data_dir)
    store.add_morning_check(TODAY, "same")
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_no_question_without_a_session_the_day_before(data_dir: Path, store: Store) -> None:
    store.update_profile(lambda p: p.__class__(p.settings, p.phase, p.acknowledged_on, None))
    store.save_session(session(TODAY - dt.timedelta(days=2)))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_no_question_in_read_only_mode(data_dir: Path) -> None:
    after_a_session(data_dir)
    (data_dir / "journal" / "2026-10.toml").write_text("[ not toml")
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "READ-ONLY" in screen_text(app)


async def test_the_question_comes_after_the_first_run_note_never_with_it(data_dir: Path) -> None:
    store = Store(data_dir)
    store.save_session(session(TODAY - dt.timedelta(days=1)))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not any(isinstance(s, MorningScreen) for s in app.screen_stack)


def test_an_answer_is_a_journal_record_with_its_own_id(data_dir: Path) -> None:
    store = after_a_session(data_dir)
    answer = store.add_morning_check(TODAY, "worse", 2)
    assert store.read_journal().morning_checks == (MorningCheck(answer.id, TODAY, "worse", 2),)
