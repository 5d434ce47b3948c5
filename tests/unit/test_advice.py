"""The standing advice: every branch of the rule, its sentences, and each pair of reasons."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from glutewake.core.advice import Answers, StandingAdvice, decide, listed, new_check, standing_advice
from glutewake.core.advice_basis import (
    AdviceBasis,
    SessionPains,
    basis_of,
    in_window,
    latest_pains,
    latest_session_pains,
)
from glutewake.core.frozen import replace
from glutewake.core.records import Journal, MorningCheck, Session, SymptomCheck

TZ = dt.timezone(dt.timedelta(hours=1))
TODAY = dt.date(2026, 11, 25)
CHECKED = dt.datetime(2026, 11, 20, 8, 0, tzinfo=TZ)
SESSION_AT = dt.datetime(2026, 11, 23, 7, 30, tzinfo=TZ)  # after the check


def check(**changes: object) -> SymptomCheck:
    """A calm check, cleared for both phases: on its own it gives advanced."""
    base = SymptomCheck("k", CHECKED, 2, 2, False, False, (), True, True, "advanced")
    return replace(base, **changes)  # type: ignore[arg-type]


def morning(
    day: dt.date, compared: str = "same", pain: int | None = None, id: str | None = None
) -> MorningCheck:
    return MorningCheck(
        id or f"m{day}{compared}{pain}",
        day,
        compared,  # type: ignore[arg-type]
        pain,
    )


def pains(after: int | None = None, during: int | None = None, at: dt.datetime = SESSION_AT) -> SessionPains:
    return SessionPains(at, after, during)


def advice(
    check: SymptomCheck | None = None,
    worst: tuple[int, int] | None = None,
    session: SessionPains | None = None,
    *mornings: MorningCheck,
    today: dt.date = TODAY,
) -> StandingAdvice:
    return decide(AdviceBasis(check, worst, session, tuple(mornings)), today)


NC = (
    "You have not been cleared for exercise by a doctor or physical therapist: "
    "have one look at your hip and agree before you train."
)
SD = "Pain during your session of 23 Nov was 6: 6 or more means rest."
WW = (
    "Your hip was worse the morning after on 24 Nov and 25 Nov: 2 or more worse mornings "
    "within 7 days mean rest."
)
WORSE = "Your hip was worse the morning after on 24 Nov: ease off and stay with the beginner phase."
NCA = "You are cleared for exercise, but not yet for the advanced phase."
NOT_EASED = (
    "Your symptoms have not eased enough for the advanced phase yet: pain during "
    "running was 5 and pain after running was 4; both need to be 3 or less."
)
NO_CHECK = "You have not done a symptom check yet."
SEVEN = ": 7 or more means rest."


# -- each branch on its own ---------------------------------------------------------------


def test_no_check_and_nothing_else_gives_no_level() -> None:
    result = advice()
    assert (result.level, result.reason, result.word) == (None, NO_CHECK, "NO CHECK YET")
    assert [f.kind for f in result.facts] == ["no_check"]


@pytest.mark.parametrize(
    ("session", "reason"),
    [
        (pains(after=9), "Pain after your session of 23 Nov was 9" + SEVEN),
        (pains(after=7), "Pain after your session of 23 Nov was 7" + SEVEN),
        (pains(during=6), SD),
        (pains(during=9), "Pain during your session of 23 Nov was 9: 6 or more means rest."),
    ],
)
def test_with_no_check_a_painful_last_session_still_means_rest(session: SessionPains, reason: str) -> None:
    result = advice(None, None, session)
    assert (result.level, result.reason) == ("rest", reason)
    assert result.word == "REST AND SEE A PROFESSIONAL"


@pytest.mark.parametrize("session", [pains(after=6), pains(during=5), pains(after=6, during=5)])
def test_with_no_check_pains_below_the_limits_leave_no_level(session: SessionPains) -> None:
    assert (advice(None, None, session).level, advice(None, None, session).reason) == (None, NO_CHECK)


def test_with_no_check_the_morning_rule_still_applies() -> None:
    two = advice(None, None, None, morning(dt.date(2026, 11, 24), "worse"), morning(TODAY, "worse"))
    assert (two.level, two.reason) == ("rest", WW)
    painful = advice(None, None, None, morning(TODAY, "better", 7))
    assert (painful.level, painful.reason) == ("rest", "Pain on the morning of 25 Nov was 7" + SEVEN)
    one = advice(None, None, None, morning(dt.date(2026, 11, 24), "worse"))
    assert (one.level, one.reason) == (None, f"{NO_CHECK} {WORSE}")


def test_not_cleared_for_exercise_means_rest_whatever_the_pain() -> None:
    result = advice(check(cleared_for_exercise=False, pain_during_run=0, pain_after_run=0))
    assert (result.level, result.reason) == ("rest", NC)


@pytest.mark.parametrize(
    ("during", "after", "level", "reason"),
    [
        (
            6,
            6,
            "beginner",
            "Your symptoms have not eased enough for the advanced phase yet: pain "
            "during running was 6 and pain after running was 6; both need to be 3 or less.",
        ),
        (7, 0, "rest", "Pain during running was 7" + SEVEN),
        (0, 7, "rest", "Pain after running was 7" + SEVEN),
        (6, 8, "rest", "Pain after running was 8" + SEVEN),
        (10, 9, "rest", "Pain during running was 10 and pain after running was 9" + SEVEN),
    ],
)
def test_pain_of_seven_or_more_in_the_check_means_rest_six_does_not(
    during: int, after: int, level: str, reason: str
) -> None:
    result = advice(check(pain_during_run=during, pain_after_run=after))
    assert (result.level, result.reason) == (level, reason)


@pytest.mark.parametrize(
    ("session", "level", "reason"),
    [
        (pains(after=8), "rest", "Pain after your session of 23 Nov was 8" + SEVEN),
        (pains(after=6), "advanced", None),
        (pains(during=6), "rest", SD),
        (pains(during=5), "advanced", None),
        (pains(after=None, during=None), "advanced", None),
    ],
)
def test_the_session_after_the_check_counts(session: SessionPains, level: str, reason: str | None) -> None:
    result = advice(check(), None, session)
    assert result.level == level
    if reason is not None:
        assert result.reason == reason


def test_a_session_before_the_check_is_superseded_by_it() -> None:
    before = pains(after=9, during=8, at=CHECKED - dt.timedelta(days=1))
    assert advice(check(), None, before).level == "advanced"
    at_the_same_moment = pains(after=9, at=CHECKED)
    assert advice(check(), None, at_the_same_moment).level == "advanced"
    just_after = pains(after=9, at=CHECKED + dt.timedelta(seconds=1))
    assert advice(check(), None, just_after).level == "rest"


def test_the_eased_sentences_name_the_pains_and_what_they_were_held_to() -> None:
    low = advice(check(pain_during_run=3, pain_after_run=1))
    assert (low.level, low.reason) == (
        "advanced",
        (
            "You are cleared for the advanced phase and your symptoms have eased: pain during "
            "running was 3 and pain after running was 1, both 3 or less."
        ),
    )
    dropped = advice(check(pain_during_run=4, pain_after_run=5), (6, 7))
    assert (dropped.level, dropped.reason) == (
        "advanced",
        (
            "You are cleared for the advanced phase and your symptoms have eased: pain during "
            "running was 4 and pain after running was 5, both at least 2 points below your worst "
            "earlier check (6 during, 7 after)."
        ),
    )


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
    assert advice(check(pain_during_run=during, pain_after_run=after)).level == level


@pytest.mark.parametrize(
    ("during", "after", "level"),
    [
        (4, 4, "advanced"),  # both 2 below the worst (6, 6)
        (5, 4, "beginner"),  # during only 1 below
        (4, 5, "beginner"),  # after only 1 below
    ],
)
def test_eased_by_two_from_the_worst_earlier_check(during: int, after: int, level: str) -> None:
    assert advice(check(pain_during_run=during, pain_after_run=after), (6, 6)).level == level


def test_not_eased_with_earlier_checks_names_the_worst_of_them() -> None:
    result = advice(check(pain_during_run=5, pain_after_run=4), (6, 5))
    assert (result.level, result.reason) == (
        "beginner",
        (
            "Your symptoms have not eased enough for the advanced phase yet: pain during running "
            "was 5 and pain after running was 4; both need to be 3 or less, or at least 2 points "
            "below your worst earlier check (6 during, 5 after)."
        ),
    )


def test_cleared_for_exercise_but_not_for_advanced_is_beginner() -> None:
    result = advice(check(cleared_for_advanced=False, pain_during_run=0, pain_after_run=0))
    assert (result.level, result.reason) == ("beginner", NCA)


def test_one_worse_morning_caps_an_advanced_advice_at_beginner() -> None:
    result = advice(check(), None, None, morning(dt.date(2026, 11, 24), "worse"))
    assert (result.level, result.reason) == ("beginner", WORSE)


# -- every pair of reasons -------------------------------------------------------------------

# What makes each rest fact hold: changes to the check, the session's pains, morning answers.
REST_FACTS = {
    "not_cleared": ({"cleared_for_exercise": False}, {}, ()),
    "run_pain_during": ({"pain_during_run": 9}, {}, ()),
    "run_pain_after": ({"pain_after_run": 8}, {}, ()),
    "session_pain_after": ({}, {"after": 7}, ()),
    "morning_pain": ({}, {}, (morning(TODAY, "same", 7),)),
    "session_pain_during": ({}, {"during": 6}, ()),
    "worse_mornings": ({}, {}, (morning(dt.date(2026, 11, 24), "worse"), morning(TODAY, "worse"))),
}
PAIRS = {
    ("not_cleared", "run_pain_during"): f"{NC} Pain during running was 9{SEVEN}",
    ("not_cleared", "run_pain_after"): f"{NC} Pain after running was 8{SEVEN}",
    ("not_cleared", "session_pain_after"): f"{NC} Pain after your session of 23 Nov was 7{SEVEN}",
    ("not_cleared", "morning_pain"): f"{NC} Pain on the morning of 25 Nov was 7{SEVEN}",
    ("not_cleared", "session_pain_during"): f"{NC} {SD}",
    ("not_cleared", "worse_mornings"): f"{NC} {WW}",
    ("run_pain_during", "run_pain_after"): f"Pain during running was 9 and pain after running was 8{SEVEN}",
    (
        "run_pain_during",
        "session_pain_after",
    ): f"Pain during running was 9 and pain after your session of 23 Nov was 7{SEVEN}",
    (
        "run_pain_during",
        "morning_pain",
    ): f"Pain during running was 9 and pain on the morning of 25 Nov was 7{SEVEN}",
    ("run_pain_during", "session_pain_during"): f"Pain during running was 9{SEVEN} {SD}",
    ("run_pain_during", "worse_mornings"): f"Pain during running was 9{SEVEN} {WW}",
    (
        "run_pain_after",
        "session_pain_after",
    ): f"Pain after running was 8 and pain after your session of 23 Nov was 7{SEVEN}",
    (
        "run_pain_after",
        "morning_pain",
    ): f"Pain after running was 8 and pain on the morning of 25 Nov was 7{SEVEN}",
    ("run_pain_after", "session_pain_during"): f"Pain after running was 8{SEVEN} {SD}",
    ("run_pain_after", "worse_mornings"): f"Pain after running was 8{SEVEN} {WW}",
    (
        "session_pain_after",
        "morning_pain",
    ): f"Pain after your session of 23 Nov was 7 and pain on the morning of 25 Nov was 7{SEVEN}",
    ("session_pain_after", "session_pain_during"): f"Pain after your session of 23 Nov was 7{SEVEN} {SD}",
    ("session_pain_after", "worse_mornings"): f"Pain after your session of 23 Nov was 7{SEVEN} {WW}",
    ("morning_pain", "session_pain_during"): f"Pain on the morning of 25 Nov was 7{SEVEN} {SD}",
    ("morning_pain", "worse_mornings"): f"Pain on the morning of 25 Nov was 7{SEVEN} {WW}",
    ("session_pain_during", "worse_mornings"): f"{SD} {WW}",
}


def test_every_pair_of_rest_facts_is_listed() -> None:
    assert set(PAIRS) == set(itertools.combinations(REST_FACTS, 2))


@pytest.mark.parametrize(("pair", "reason"), PAIRS.items(), ids=["+".join(p) for p in PAIRS])
def test_each_pair_of_rest_reasons_reads_as_one_reason(pair: tuple[str, str], reason: str) -> None:
    changes: dict[str, object] = {}
    session: dict[str, int] = {}
    mornings: list[MorningCheck] = []
    for name in pair:
        check_changes, pain_changes, answers = REST_FACTS[name]
        changes.update(check_changes)
        session.update(pain_changes)
        mornings += answers
    if pair == ("morning_pain", "worse_mornings"):  # the latest worse morning gave the pain
        mornings = [morning(dt.date(2026, 11, 24), "worse"), morning(TODAY, "worse", 7)]
    result = advice(check(**changes), None, pains(**session) if session else None, *mornings)
    assert (result.level, result.reason) == ("rest", reason)
    assert [fact.kind for fact in result.facts] == list(pair)


def test_all_four_pains_of_seven_share_one_sentence() -> None:
    result = advice(
        check(pain_during_run=9, pain_after_run=8), None, pains(after=7), morning(TODAY, "same", 10)
    )
    assert result.reason == (
        "Pain during running was 9, pain after running was 8, pain after "
        "your session of 23 Nov was 7 and pain on the morning of 25 Nov "
        f"was 10{SEVEN}"
    )


@pytest.mark.parametrize(
    ("changes", "mornings", "reason"),
    [
        ({"cleared_for_advanced": False}, (morning(dt.date(2026, 11, 24), "worse"),), f"{WORSE} {NCA}"),
        (
            {"pain_during_run": 5, "pain_after_run": 4},
            (morning(dt.date(2026, 11, 24), "worse"),),
            f"{WORSE} {NOT_EASED}",
        ),
        # Not cleared for the advanced phase: that decides, whatever the pains say.
        ({"cleared_for_advanced": False, "pain_during_run": 5, "pain_after_run": 4}, (), NCA),
        (
            {"cleared_for_advanced": False, "pain_during_run": 5, "pain_after_run": 4},
            (morning(dt.date(2026, 11, 24), "worse"),),
            f"{WORSE} {NCA}",
        ),
    ],
)
def test_each_pair_of_beginner_reasons_reads_as_one_reason(
    changes: dict[str, object], mornings: tuple[MorningCheck, ...], reason: str
) -> None:
    result = advice(check(**changes), None, None, *mornings)
    assert (result.level, result.reason) == ("beginner", reason)


# -- spread ------------------------------------------------------------------------------------

KNEES = "Problems have spread: have a professional look at your knees."


def test_spread_does_not_raise_beginner_to_advanced() -> None:
    # Pains 5 and 5, cleared for advanced: beginner; the spread must not lift it.
    result = advice(check(pain_during_run=5, pain_after_run=5, spread=("knees",)))
    assert result.level == "beginner"
    assert result.reason == (
        "Your symptoms have not eased enough for the advanced phase yet: "
        "pain during running was 5 and pain after running was 5; both need "
        f"to be 3 or less. {KNEES}"
    )


def test_spread_does_not_raise_rest_and_its_sentence_stays_with_rest() -> None:
    result = advice(check(cleared_for_exercise=False, spread=("knees",)))
    assert (result.level, result.reason) == ("rest", f"{NC} {KNEES}")
    after_session = advice(check(spread=("calves",)), None, pains(after=9))
    assert (after_session.level, after_session.reason) == (
        "rest",
        (
            "Pain after your session of 23 Nov was 9: 7 or more means rest. Problems have spread: "
            "have a professional look at your calves."
        ),
    )


def test_spread_keeps_advanced_and_asks_for_a_professional() -> None:
    result = advice(check(spread=("feet", "achilles")))
    assert (result.level, result.reason) == (
        "advanced",
        (
            "You are cleared for the advanced phase and your symptoms have eased: pain during "
            "running was 2 and pain after running was 2, both 3 or less. Problems have spread: "
            "have a professional look at your Achilles tendon and feet."
        ),
    )
    assert [f.kind for f in result.facts] == ["eased", "spread"]
    assert result.facts[-1].places == ("feet", "achilles")


@pytest.mark.parametrize(
    ("spread", "text"),
    [
        (("knees",), "your knees."),
        (("feet", "calves"), "your calves and feet."),
        (("knees", "achilles", "calves", "feet"), "your knees, Achilles tendon, calves and feet."),
    ],
)
def test_spread_places_are_named_in_body_order(spread: tuple[str, ...], text: str) -> None:
    assert advice(check(spread=spread)).reason.endswith(text)


# -- the morning window -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_ago", "level"),
    [
        (0, "beginner"),
        (6, "beginner"),
        (7, "advanced"),
        (8, "advanced"),
        (-1, "advanced"),
    ],
)
def test_a_worse_morning_counts_for_today_and_the_six_days_before(days_ago: int, level: str) -> None:
    day = TODAY - dt.timedelta(days=days_ago)
    assert advice(check(), None, None, morning(day, "worse")).level == level
    assert in_window(day, TODAY) is (level == "beginner")


@pytest.mark.parametrize(("days_ago", "level"), [(6, "rest"), (7, "beginner")])
def test_two_worse_mornings_within_the_window_mean_rest(days_ago: int, level: str) -> None:
    first = morning(TODAY - dt.timedelta(days=days_ago), "worse")
    assert advice(check(), None, None, first, morning(TODAY, "worse")).level == level


@pytest.mark.parametrize(("days_ago", "level"), [(6, "rest"), (7, "advanced")])
def test_a_painful_morning_counts_only_inside_the_window(days_ago: int, level: str) -> None:
    answer = morning(TODAY - dt.timedelta(days=days_ago), "better", 8)
    assert advice(check(), None, None, answer).level == level


@pytest.mark.parametrize(
    ("latest", "level"),
    [
        (morning(TODAY, "same", 2), "advanced"),
        (morning(TODAY, "same", None), "advanced"),
        (morning(TODAY, "same", 6), "advanced"),
        (morning(TODAY, "same", 7), "rest"),
    ],
)
def test_only_the_latest_morning_pain_of_the_window_counts(latest: MorningCheck, level: str) -> None:
    earlier = morning(dt.date(2026, 11, 23), "same", 9)
    assert advice(check(), None, None, latest, earlier).level == level


def test_two_answers_of_one_day_are_read_the_same_in_any_order() -> None:
    quiet, painful = morning(TODAY, "same", None, "a"), morning(TODAY, "same", 7, "b")
    assert advice(check(), None, None, quiet, painful).level == "rest"
    assert advice(check(), None, None, painful, quiet).level == "rest"


def test_better_and_same_mornings_change_nothing() -> None:
    calm = [morning(TODAY - dt.timedelta(days=n), "better" if n % 2 else "same") for n in range(7)]
    assert advice(check(), None, None, *calm).level == "advanced"


# -- from a journal --------------------------------------------------------------------------


def session(
    at: dt.datetime, after: int | None = None, during: int | None = None, id: str | None = None
) -> Session:
    return Session(
        id or f"s{at}", "beginner", "beginner", at, "completed", "app", pain_after=after, pain_during=during
    )


def test_the_worst_earlier_check_is_the_worst_of_those_before_the_latest() -> None:
    older = check(id="a", at=CHECKED - dt.timedelta(days=20), pain_during_run=6, pain_after_run=3)
    old = check(id="b", at=CHECKED - dt.timedelta(days=10), pain_during_run=2, pain_after_run=7)
    latest = check(id="c", pain_during_run=4, pain_after_run=5)
    journal = Journal(symptom_checks=(older, old, latest))
    assert basis_of(journal).worst_earlier == (6, 7)
    assert standing_advice(journal, TODAY).level == "advanced"
    # Held to the latest check itself, or to the newest earlier one, 4 and 5 would not count.
    assert standing_advice(Journal(symptom_checks=(latest,)), TODAY).level == "beginner"


def test_the_latest_check_is_the_one_the_advice_rests_on() -> None:
    calm = check(id="a", at=CHECKED - dt.timedelta(days=3))
    resting = check(id="b", cleared_for_exercise=False)
    for order in ((calm, resting), (resting, calm)):
        result = standing_advice(Journal(symptom_checks=order), TODAY)
        assert result.check == resting and result.level == "rest"


def test_the_latest_session_with_a_pain_decides_and_one_without_changes_nothing() -> None:
    hurt = session(SESSION_AT, after=8)
    skipped = session(SESSION_AT + dt.timedelta(days=1))  # no "pain now" given
    eased = session(SESSION_AT + dt.timedelta(days=1), after=2)
    assert latest_pains((hurt, skipped)) == SessionPains(SESSION_AT, 8, None)
    both = Journal(sessions=(hurt, skipped), symptom_checks=(check(),))
    assert standing_advice(both, TODAY).level == "rest"
    later = Journal(sessions=(hurt, eased), symptom_checks=(check(),))
    assert standing_advice(later, TODAY).level == "advanced"
    during_only = session(SESSION_AT + dt.timedelta(days=2), during=7)
    stopped = Journal(sessions=(eased, during_only), symptom_checks=(check(),))
    assert standing_advice(stopped, TODAY).reason == (
        "Pain during your session of 25 Nov was 7: 6 or more means rest."
    )


def test_the_morning_answers_of_the_journal_are_read() -> None:
    journal = Journal(symptom_checks=(check(),), morning_checks=(morning(dt.date(2026, 11, 24), "worse"),))
    assert standing_advice(journal, TODAY).reason == WORSE


def test_answers_out_of_range_are_refused() -> None:
    base = {
        "pain_during_run": 2,
        "pain_after_run": 2,
        "wobbly_gait": False,
        "weight_on_one_hip": False,
        "spread": (),
        "cleared_for_exercise": True,
        "cleared_for_advanced": True,
    }
    Answers(**base)  # type: ignore[arg-type]
    for bad in ({"pain_during_run": 11}, {"pain_after_run": -1}, {"spread": ("elbows",)}):
        with pytest.raises(ValueError):
            Answers(**{**base, **bad})  # type: ignore[arg-type]


def test_listed_joins_words_as_a_sentence_does() -> None:
    assert [listed(w) for w in (["a"], ["a", "b"], ["a", "b", "c"])] == ["a", "a and b", "a, b and c"]


# -- what the mutation run asked for ------------------------------------------------------


def test_an_empty_journal_has_no_advice_level() -> None:
    result = standing_advice(Journal(), TODAY)
    assert (result.level, result.reason, result.check) == (None, NO_CHECK, None)
    assert basis_of(Journal()) == AdviceBasis()


def test_a_single_check_has_no_earlier_worst_to_be_held_to() -> None:
    only = check(pain_during_run=5, pain_after_run=4)
    assert basis_of(Journal(symptom_checks=(only,))).worst_earlier is None
    assert standing_advice(Journal(symptom_checks=(only,)), TODAY).reason == NOT_EASED
    # Two checks at the same moment: the latest (by id) is not its own earlier check.
    twin = check(id="a", pain_during_run=9, pain_after_run=9)
    journal = Journal(symptom_checks=(twin, replace(only, id="b")))
    assert basis_of(journal).check == replace(only, id="b")
    assert basis_of(journal).worst_earlier is None


def test_each_pain_is_held_to_its_own_worst() -> None:
    # Worst during 6, worst after 4: pains 4 and 2 are both 2 below their own worst.
    assert advice(check(pain_during_run=4, pain_after_run=2), (6, 4)).level == "advanced"
    assert advice(check(pain_during_run=2, pain_after_run=4), (4, 6)).level == "advanced"
    assert advice(check(pain_during_run=4, pain_after_run=4), (6, 5)).level == "beginner"


@pytest.mark.parametrize("order", [1, -1])
def test_sessions_started_together_are_read_alike_in_any_order(order: int) -> None:
    # The same start: the higher "pain now" decides, then the higher "it hurts".
    calm, hurt = pains(after=2), pains(after=8)
    assert latest_session_pains((calm, hurt)[::order]) == hurt
    quiet, sore = pains(during=3), pains(during=7)
    assert latest_session_pains((quiet, sore)[::order]) == sore
    # "Pain now" of 0 is an answer; no answer is less than any.
    answered, unanswered = pains(after=0), pains(during=7)
    assert latest_session_pains((answered, unanswered)[::order]) == answered


def test_a_new_check_is_stored_with_the_level_of_the_standing_advice_it_makes() -> None:
    answers = Answers(2, 2, False, False, ("knees",), True, True)
    worse = Journal(morning_checks=(morning(TODAY, "worse"),))
    at = dt.datetime.combine(TODAY, dt.time(9), TZ)
    stored, result = new_check(worse, answers, id="n", at=at)
    assert stored == SymptomCheck("n", at, 2, 2, False, False, ("knees",), True, True, "beginner")
    assert result.check == stored and result.level == "beginner"
    assert result.reason == f"{WORSE.replace('24 Nov', '25 Nov')} {KNEES}"
    resting, rest = new_check(Journal(), replace(answers, cleared_for_exercise=False), id="r", at=at)
    assert (resting.advice, rest.level) == ("rest", "rest")
    calm, ready = new_check(Journal(), replace(answers, spread=()), id="c", at=at)
    assert (calm.advice, ready.level) == ("advanced", "advanced")
    assert worse.symptom_checks == ()  # the journal given is left as it was


def test_answers_name_what_is_out_of_range() -> None:
    base = {
        "pain_during_run": 0,
        "pain_after_run": 10,
        "wobbly_gait": False,
        "weight_on_one_hip": False,
        "spread": (),
        "cleared_for_exercise": True,
        "cleared_for_advanced": True,
    }
    Answers(**base)  # type: ignore[arg-type]  # 0 and 10 are the ends of the scale
    with pytest.raises(ValueError, match="pain must be 0-10, got 11"):
        Answers(**{**base, "pain_after_run": 11})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"unknown places: \['elbows'\]"):
        Answers(**{**base, "spread": ("elbows",)})  # type: ignore[arg-type]
