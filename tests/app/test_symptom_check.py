"""The symptom check, filled in by keys alone: each advice level, stored with its time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from glutewake.app.screens.home import HomeScreen
from glutewake.app.screens.symptom_check import SPREAD_CHOICES, SymptomCheckScreen
from glutewake.app.widgets.answers import PainScale, PlaceTicks, YesNo
from glutewake.core.records import SPREAD_PLACES
from glutewake.store import Store
from tests.helpers import FakeClock

from .helpers import NOW, TODAY, flat, make_app, screen_text, session, symptom_check

# Keys for each answer, in form order: pain during, pain after, wobbly, one hip, spread,
# cleared for exercise, cleared for advanced. Each list ends on its own row.
Keys = list[str]


def fill(
    during: Keys,
    after: Keys,
    wobbly: Keys = (),
    one_hip: Keys = (),
    spread: Keys = (),
    cleared: Keys = (),
    advanced: Keys = (),
) -> Keys:
    """The key presses that answer every question, moving down with ↓ between them."""
    rows = [during, after, wobbly, one_hip, spread, cleared, advanced]
    keys: Keys = []
    for index, row in enumerate(rows):
        keys += list(row)
        if index < len(rows) - 1:
            keys.append("down")
    return keys


async def check_by_keys(data_dir: Path, keys: Keys, **options: object) -> tuple[str, str]:
    """Open the check with `c`, press `keys` then enter: (the result's words, home after)."""
    app = make_app(data_dir, **options)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, SymptomCheckScreen)
        await pilot.press(*keys, "enter")
        await pilot.pause()
        # The result's left border is drawn as █ on every line; read the words alone.
        result = flat(screen_text(app).replace("█", " "))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        return result, screen_text(app)


async def test_form_asks_every_question_and_says_it_is_no_diagnosis(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        text = screen_text(app)
    for label in (
        "Hip pain while running",
        "Hip pain after running",
        "Swaying, uneven walk",
        "Leaning on one hip",
        "Problems spreading to",
        "Cleared for exercise",
        "Cleared for advanced phase",
    ):
        assert label in text
    assert "This is a record of what you feel, not a diagnosis" in flat(text)
    assert "[ ] knees  [ ] Achilles  [ ] calves  [ ] feet" in text
    assert "esc back without saving" in text
    assert all(len(line) <= 80 for line in text.splitlines())


async def test_beginner_is_stored_with_every_answer_and_the_time(data_dir: Path, store: Store) -> None:
    keys = fill(["4"], ["5"], ["y"], [], ["right", "space"], ["space"], [])
    result, home = await check_by_keys(data_dir, keys)
    assert "BEGINNER — You are cleared for exercise, but not yet for the advanced" in result
    assert "have a professional look at your Achilles tendon" in result
    assert "Saved 25 Nov at 09:00" in result
    (check,) = store.read_journal().symptom_checks
    assert check.at == NOW
    assert (check.pain_during_run, check.pain_after_run) == (4, 5)
    assert (check.wobbly_gait, check.weight_on_one_hip) == (True, False)
    assert check.spread == ("achilles",)
    assert (check.cleared_for_exercise, check.cleared_for_advanced) == (True, False)
    assert check.advice == "beginner"
    assert "Last check  25 Nov · BEGINNER" in home


async def test_not_cleared_for_exercise_means_rest(data_dir: Path, store: Store) -> None:
    result, home = await check_by_keys(data_dir, fill(["2"], ["2"]))
    assert "REST AND SEE A PROFESSIONAL — You have not been cleared for exercise" in result
    assert store.read_journal().symptom_checks[0].advice == "rest"
    assert "Last check  25 Nov · REST AND SEE A PROFESSIONAL" in home


async def test_pain_of_seven_means_rest_even_when_cleared(data_dir: Path, store: Store) -> None:
    result, _ = await check_by_keys(data_dir, fill(["3"], ["7"], cleared=["y"]))
    assert "REST AND SEE A PROFESSIONAL" in result
    assert "Pain after running was 7: 7 or more means rest." in result


async def test_a_new_check_is_the_newer_word_on_a_painful_session_before_it(
    data_dir: Path, store: Store
) -> None:
    store.save_session(session(TODAY - dt.timedelta(days=1), pain_after=8))
    result, home = await check_by_keys(data_dir, fill(["1"], ["1"], cleared=["y"], advanced=["y"]))
    assert "READY FOR ADVANCED" in result
    assert store.read_journal().symptom_checks[0].advice == "advanced"
    assert "Last check  25 Nov · READY FOR ADVANCED" in home


async def test_a_worse_morning_is_counted_by_the_check(data_dir: Path, store: Store) -> None:
    store.add_morning_check(TODAY, "worse")
    result, _ = await check_by_keys(data_dir, fill(["1"], ["1"], cleared=["y"], advanced=["y"]))
    assert (
        "BEGINNER — Your hip was worse the morning after on 25 Nov: ease off and stay with "
        "the beginner phase."
    ) in result
    assert store.read_journal().symptom_checks[0].advice == "beginner"


async def test_cleared_for_both_with_low_pain_is_ready_for_advanced(data_dir: Path, store: Store) -> None:
    result, home = await check_by_keys(data_dir, fill(["3"], ["2"], cleared=["y"], advanced=["space"]))
    assert "READY FOR ADVANCED — You are cleared for the advanced phase" in result
    assert store.read_journal().symptom_checks[0].advice == "advanced"
    assert "READY FOR ADVANCED" in home


async def test_eased_two_points_below_the_worst_earlier_check_is_advanced(
    data_dir: Path, store: Store
) -> None:
    store.add_symptom_check(symptom_check("beginner", during=7, after=6, day=TODAY - dt.timedelta(days=7)))
    result, _ = await check_by_keys(data_dir, fill(["5"], ["4"], advanced=["y"]))
    assert "READY FOR ADVANCED" in result
    assert "worst earlier check (7 during, 6 after)" in result


async def test_cleared_answers_carry_over_from_the_last_check(data_dir: Path, store: Store) -> None:
    store.add_symptom_check(symptom_check("beginner", cleared_for_advanced=True))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert app.screen.query_one("#cleared", YesNo).value is True
        assert app.screen.query_one("#cleared-advanced", YesNo).value is True
        assert app.screen.query_one("#pain-during", PainScale).value == 0
        assert app.screen.query_one("#spread", PlaceTicks).value == ()


async def test_escape_goes_back_without_saving(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "8", "down", "9", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Last check  none yet" in screen_text(app)
    assert store.read_journal().symptom_checks == ()


async def test_enter_twice_stores_one_check(data_dir: Path, store: Store) -> None:
    await check_by_keys(data_dir, fill(["1"], ["1"]))
    assert len(store.read_journal().symptom_checks) == 1


async def test_one_then_zero_types_ten_and_a_slow_zero_is_zero(
    data_dir: Path, store: Store, fake_clock: FakeClock
) -> None:
    app = make_app(data_dir, clock=fake_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "1", "0")
        pain = app.screen.query_one("#pain-during", PainScale)
        assert pain.value == 10
        await pilot.press("1")
        fake_clock.advance(3)
        await pilot.press("0")
        assert pain.value == 0
        await pilot.press("7", "0")
        assert pain.value == 0


async def test_arrows_step_the_pain_and_stop_at_the_ends(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "left")
        pain = app.screen.query_one("#pain-during", PainScale)
        assert pain.value == 0
        await pilot.press(*["right"] * 12)
        assert pain.value == 10
        assert "0 1 2 3 4 5 6 7 8 9 [10]" in screen_text(app)


async def test_tab_shift_tab_and_arrows_move_between_questions(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert app.focused is not None and app.focused.id == "pain-during"
        await pilot.press("tab", "down")
        assert app.focused.id == "wobbly"
        await pilot.press("shift+tab")
        assert app.focused.id == "pain-after"
        await pilot.press("up")
        assert app.focused.id == "pain-during"


async def test_yes_no_answers_by_arrows_space_and_letters(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "down", "down")
        wobbly = app.screen.query_one("#wobbly", YesNo)
        await pilot.press("left")
        assert wobbly.value is True
        await pilot.press("right")
        assert wobbly.value is False
        await pilot.press("space")
        assert wobbly.value is True
        await pilot.press("n")
        assert wobbly.value is False


def test_the_form_offers_every_place_the_record_knows() -> None:
    assert tuple(place for place, _ in SPREAD_CHOICES) == SPREAD_PLACES


async def test_every_place_can_be_ticked(data_dir: Path, store: Store) -> None:
    keys = fill(
        ["2"], ["2"], spread=["space", "right", "space", "right", "space", "right", "space", "right", "space"]
    )
    result, _ = await check_by_keys(data_dir, keys)
    (check,) = store.read_journal().symptom_checks
    # The cursor wraps back to knees, so the fifth space unticks it.
    assert check.spread == ("achilles", "calves", "feet")
    assert "your Achilles tendon, calves and feet" in result


async def test_read_only_shows_the_advice_but_saves_nothing(data_dir: Path, store: Store) -> None:
    (data_dir / "journal").mkdir(exist_ok=True)
    (data_dir / "journal" / "2026-10.toml").write_text("this is not [ toml")
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", *fill(["2"], ["2"]), "enter")
        await pilot.pause()
        text = flat(screen_text(app).replace("█", " "))
    assert "REST AND SEE A PROFESSIONAL" in text
    assert "Not saved" in text
    assert not store.month_path((2026, 11)).exists()
