from __future__ import annotations

import datetime as dt

import pytest

from glutewake.core.advice import Answers, advise
from glutewake.core.records import SymptomCheck

AT = dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC)


def answers(**changes: object) -> Answers:
    base: dict[str, object] = {
        "pain_during_run": 2,
        "pain_after_run": 2,
        "wobbly_gait": False,
        "weight_on_one_hip": False,
        "spread": (),
        "cleared_for_exercise": True,
        "cleared_for_advanced": True,
    }
    base.update(changes)
    return Answers(**base)  # type: ignore[arg-type]


def earlier(during: int, after: int) -> SymptomCheck:
    return SymptomCheck("e", AT, during, after, False, False, (), True, False, "beginner")


def test_not_cleared_for_exercise_means_rest_whatever_the_pain() -> None:
    advice = advise(answers(cleared_for_exercise=False, pain_during_run=0, pain_after_run=0))
    assert advice.level == "rest"
    assert "not been cleared for exercise" in advice.reason
    assert advice.word == "REST AND SEE A PROFESSIONAL"


@pytest.mark.parametrize(
    ("during", "after", "level"),
    [
        (6, 6, "beginner"),
        (7, 0, "rest"),
        (0, 7, "rest"),
        (6, 7, "rest"),
        (10, 10, "rest"),
    ],
)
def test_pain_of_seven_or_more_means_rest_six_does_not(during: int, after: int, level: str) -> None:
    advice = advise(answers(pain_during_run=during, pain_after_run=after))
    assert advice.level == level
    if level == "rest":
        assert "7 or more" in advice.reason


@pytest.mark.parametrize(
    ("pain_now", "level"), [(7, "rest"), (9, "rest"), (6, "advanced"), (None, "advanced")]
)
def test_last_sessions_pain_now_of_seven_or_more_means_rest(pain_now: int | None, level: str) -> None:
    advice = advise(answers(), last_pain_now=pain_now)
    assert advice.level == level
    if level == "rest":
        assert f"after the last session was {pain_now}" in advice.reason


@pytest.mark.parametrize(
    ("during", "after", "level"),
    [
        (3, 3, "advanced"),
        (0, 3, "advanced"),
        (4, 3, "beginner"),
        (3, 4, "beginner"),
    ],
)
def test_both_pains_three_or_less_count_as_eased(during: int, after: int, level: str) -> None:
    assert advise(answers(pain_during_run=during, pain_after_run=after)).level == level


@pytest.mark.parametrize(
    ("during", "after", "level"),
    [
        (4, 4, "advanced"),  # both 2 below the worst (6, 6)
        (5, 4, "beginner"),  # during only 1 below
        (4, 5, "beginner"),  # after only 1 below
    ],
)
def test_eased_by_two_from_the_worst_earlier_check(during: int, after: int, level: str) -> None:
    history = [earlier(6, 3), earlier(2, 6), earlier(5, 5)]
    advice = advise(answers(pain_during_run=during, pain_after_run=after), history)
    assert advice.level == level
    if level == "advanced":
        assert "worst 6" in advice.reason


def test_without_earlier_checks_pain_four_is_not_eased() -> None:
    advice = advise(answers(pain_during_run=4, pain_after_run=4))
    assert advice.level == "beginner"
    assert "not eased enough" in advice.reason


def test_cleared_for_exercise_but_not_for_advanced_is_beginner() -> None:
    advice = advise(answers(cleared_for_advanced=False, pain_during_run=0, pain_after_run=0))
    assert advice.level == "beginner"
    assert "not yet for the advanced phase" in advice.reason


@pytest.mark.parametrize(
    ("spread", "text"),
    [
        (("knees",), "have a professional look at your knees."),
        (("achilles",), "your Achilles tendon."),
        (("feet", "calves"), "your calves and feet."),
        (("knees", "achilles", "calves", "feet"), "your knees, Achilles tendon, calves and feet."),
    ],
)
def test_spread_never_raises_the_level_and_asks_for_a_professional(
    spread: tuple[str, ...], text: str
) -> None:
    calm = advise(answers(spread=spread))
    assert calm.level == "advanced"
    assert text in calm.see_professional
    assert text in calm.full_reason
    assert advise(answers()).see_professional == ""


def test_wobbly_gait_and_weight_shift_are_recorded_but_do_not_decide() -> None:
    assert advise(answers(wobbly_gait=True, weight_on_one_hip=True)).level == "advanced"


def test_pain_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError):
        answers(pain_during_run=11)
    with pytest.raises(ValueError):
        answers(spread=("elbows",))
