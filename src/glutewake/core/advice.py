"""The standing advice: one rule of the journal and today, used by every screen and command.

The level is rest and see a professional, beginner, or ready for advanced (none before the
first symptom check, unless a rest condition that needs no check holds). The reason names
the facts that decided it, once each. The app records what the user reports and applies
this rule; it never diagnoses.
"""

from __future__ import annotations

import datetime as dt

from glutewake.core.advice_basis import (
    MORNING_WINDOW_DAYS,
    AdviceBasis,
    SessionPains,
    basis_of,
    in_window,
    or_less,
)
from glutewake.core.days import day_of
from glutewake.core.frozen import frozen, replace
from glutewake.core.records import Journal, MorningCheck, SymptomCheck

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Literal

    from glutewake.core.records import AdviceLevel as Level

    FactKind = Literal[
        "no_check",
        "not_cleared",
        "run_pain_during",
        "run_pain_after",
        "session_pain_after",
        "morning_pain",
        "session_pain_during",
        "worse_mornings",
        "worse_morning",
        "not_cleared_advanced",
        "not_eased",
        "eased",
        "spread",
    ]

REST_PAIN = 7  # pain during or after running, after a session, or on a morning after
REST_PAIN_DURING = 6  # "it hurts" during a session: more than the pain-monitoring model's 5
EASED_PAIN = 3
EASED_DROP = 2
REST_WORSE_MORNINGS = 2
LEVEL_WORDS: dict[Level, str] = {
    "rest": "REST AND SEE A PROFESSIONAL",
    "beginner": "BEGINNER",
    "advanced": "READY FOR ADVANCED",
}
NO_LEVEL_WORD = "NO CHECK YET"
PLACE_NAMES = {
    "knees": "knees",
    "achilles": "Achilles tendon",
    "calves": "calves",
    "feet": "feet",
}

# Facts whose pain of REST_PAIN or more means rest: said together in one sentence.
SEVEN_OR_MORE: frozenset[FactKind] = frozenset(
    {"run_pain_during", "run_pain_after", "session_pain_after", "morning_pain"}
)


@frozen
class Answers:
    """What the user reported in a symptom check (pain 0-10; the rest yes or no)."""

    pain_during_run: int
    pain_after_run: int
    wobbly_gait: bool
    weight_on_one_hip: bool
    spread: tuple[str, ...]
    cleared_for_exercise: bool
    cleared_for_advanced: bool

    def __post_init__(self) -> None:
        for pain in (self.pain_during_run, self.pain_after_run):
            if not 0 <= pain <= 10:
                raise ValueError(f"pain must be 0-10, got {pain}")
        unknown = set(self.spread) - set(PLACE_NAMES)
        if unknown:
            raise ValueError(f"unknown places: {sorted(unknown)}")


@frozen
class Fact:
    """One fact that decided the advice: its kind, the numbers, days and places it names."""

    kind: FactKind
    numbers: tuple[int, ...] = ()
    days: tuple[dt.date, ...] = ()
    places: tuple[str, ...] = ()


@frozen
class StandingAdvice:
    """The level (None: no check yet, and nothing says rest), the reason in plain words,
    the facts that decided it, and the symptom check it rests on."""

    level: Level | None
    reason: str
    facts: tuple[Fact, ...]
    check: SymptomCheck | None = None
    check_day: dt.date | None = None
    """The day `check` counts for, with the user's day start."""

    @property
    def word(self) -> str:
        return NO_LEVEL_WORD if self.level is None else LEVEL_WORDS[self.level]


def standing_advice(journal: Journal, today: dt.date) -> StandingAdvice:
    """The advice that stands today, from every record of the journal it needs."""
    return decide(basis_of(journal), today)


def new_check(
    journal: Journal, answers: Answers, *, id: str, at: dt.datetime
) -> tuple[SymptomCheck, StandingAdvice]:
    """A symptom check of `answers` taken at `at`, stored with the level it makes the standing
    advice, and that advice (the journal's records with this check as the latest)."""
    check = SymptomCheck(
        id,
        at,
        answers.pain_during_run,
        answers.pain_after_run,
        answers.wobbly_gait,
        answers.weight_on_one_hip,
        answers.spread,
        answers.cleared_for_exercise,
        answers.cleared_for_advanced,
        "rest",  # pragma: no mutate  (a stand-in: the rule never reads a check's stored level)
    )
    with_check = replace(journal, symptom_checks=(*journal.symptom_checks, check))
    advice = standing_advice(with_check, journal.day_of(at))
    assert advice.level is not None  # with a check there is always a level
    stored = replace(check, advice=advice.level)
    return stored, replace(advice, check=stored)


def decide(basis: AdviceBasis, today: dt.date) -> StandingAdvice:
    """The rule of DESIGN.md "Symptom advice", applied to what it reads."""
    check = basis.check
    session = basis.last_session
    if check is not None and session is not None and session.started_at <= check.at:
        session = None  # a check made since then is the newer word
    window = [m for m in basis.mornings if in_window(m.day, today)]
    worse = tuple(sorted(m.day for m in window if m.compared == "worse"))
    level: Level | None
    facts = _rest_facts(check, session, window, worse, basis.day_starts_at)
    if facts:
        level = "rest"
    elif check is None:
        level = None
        facts = [Fact("no_check")]
        if worse:
            facts.append(Fact("worse_morning", days=worse))
    else:
        eased = _eased(check, basis.worst_earlier)
        facts = _beginner_facts(check, eased, worse)
        level = "beginner" if facts else "advanced"
        facts = facts or [eased]
    if check is not None and check.spread:
        facts.append(Fact("spread", places=check.spread))
    check_day = None if check is None else day_of(check.at, basis.day_starts_at)
    return StandingAdvice(level, reason(facts), tuple(facts), check, check_day)


def _rest_facts(
    check: SymptomCheck | None,
    session: SessionPains | None,
    window: Sequence[MorningCheck],
    worse: tuple[dt.date, ...],
    day_starts_at: int,
) -> list[Fact]:
    facts = []
    if check is not None:
        if not check.cleared_for_exercise:
            facts.append(Fact("not_cleared"))
        if check.pain_during_run >= REST_PAIN:
            facts.append(Fact("run_pain_during", (check.pain_during_run,)))
        if check.pain_after_run >= REST_PAIN:
            facts.append(Fact("run_pain_after", (check.pain_after_run,)))
    if session is not None and session.pain_after is not None and session.pain_after >= REST_PAIN:
        facts.append(
            Fact("session_pain_after", (session.pain_after,), (day_of(session.started_at, day_starts_at),))
        )
    latest = max(window, key=lambda m: (m.day, or_less(m.pain)), default=None)
    if latest is not None and latest.pain is not None and latest.pain >= REST_PAIN:
        facts.append(Fact("morning_pain", (latest.pain,), (latest.day,)))
    if session is not None and session.pain_during is not None and session.pain_during >= REST_PAIN_DURING:
        facts.append(
            Fact("session_pain_during", (session.pain_during,), (day_of(session.started_at, day_starts_at),))
        )
    if len(worse) >= REST_WORSE_MORNINGS:
        facts.append(Fact("worse_mornings", days=worse))
    return facts


def _beginner_facts(check: SymptomCheck, eased: Fact, worse: tuple[dt.date, ...]) -> list[Fact]:
    """What keeps a user cleared for exercise from the advanced phase; none: ready for it."""
    facts = []
    if worse:
        facts.append(Fact("worse_morning", days=worse))
    if not check.cleared_for_advanced:
        facts.append(Fact("not_cleared_advanced"))
    elif eased.kind == "not_eased":  # cleared for it: then the symptoms decide
        facts.append(eased)
    return facts


def _eased(check: SymptomCheck, worst: tuple[int, int] | None) -> Fact:
    """Whether symptoms have eased: both pains EASED_PAIN or less, or both EASED_DROP below
    the worst earlier check."""
    during, after = check.pain_during_run, check.pain_after_run
    if during <= EASED_PAIN and after <= EASED_PAIN:
        return Fact("eased", (during, after))
    if worst is None:
        return Fact("not_eased", (during, after))
    if during <= worst[0] - EASED_DROP and after <= worst[1] - EASED_DROP:
        return Fact("eased", (during, after, *worst))
    return Fact("not_eased", (during, after, *worst))


# -- the reason, in words ---------------------------------------------------------------------


def reason(facts: Sequence[Fact]) -> str:
    """The facts as sentences, each named once; the pains of 7 or more share one sentence."""
    sentences = []
    sevens = [fact for fact in facts if fact.kind in SEVEN_OR_MORE]
    for fact in facts:
        if fact.kind not in SEVEN_OR_MORE:
            sentences.append(_sentence(fact))
        elif fact is sevens[0]:
            pains = listed([_pain_words(seven) for seven in sevens])
            sentences.append(f"{pains[0].upper()}{pains[1:]}: {REST_PAIN} or more means rest.")
    return " ".join(sentences)


def _pain_words(fact: Fact) -> str:
    pain = fact.numbers[0]
    if fact.kind == "run_pain_during":
        return f"pain during running was {pain}"
    if fact.kind == "run_pain_after":
        return f"pain after running was {pain}"
    if fact.kind == "session_pain_after":
        return f"pain after your session of {day_label(fact.days[0])} was {pain}"
    return f"pain on the morning of {day_label(fact.days[0])} was {pain}"


def _sentence(fact: Fact) -> str:
    kind = fact.kind
    if kind == "no_check":
        return "You have not done a symptom check yet."
    if kind == "not_cleared":
        return (
            "You have not been cleared for exercise by a doctor or physical therapist: "
            "have one look at your hip and agree before you train."
        )
    if kind == "session_pain_during":
        return (
            f"Pain during your session of {day_label(fact.days[0])} was {fact.numbers[0]}: "
            f"{REST_PAIN_DURING} or more means rest."
        )
    if kind == "worse_mornings":
        return (
            f"Your hip was worse the morning after on {listed(map(day_label, fact.days))}: "
            f"{REST_WORSE_MORNINGS} or more worse mornings within {MORNING_WINDOW_DAYS} days "
            "mean rest."
        )
    if kind == "worse_morning":
        return (
            f"Your hip was worse the morning after on {day_label(fact.days[0])}: ease off "
            "and stay with the beginner phase."
        )
    if kind == "not_cleared_advanced":
        return "You are cleared for exercise, but not yet for the advanced phase."
    if kind == "spread":
        places = listed(PLACE_NAMES[place] for place in PLACE_NAMES if place in fact.places)
        return f"Problems have spread: have a professional look at your {places}."
    during, after, *worst = fact.numbers
    pains = f"pain during running was {during} and pain after running was {after}"
    if kind == "eased":
        if not worst:
            return (
                f"You are cleared for the advanced phase and your symptoms have eased: "
                f"{pains}, both {EASED_PAIN} or less."
            )
        return (
            f"You are cleared for the advanced phase and your symptoms have eased: "
            f"{pains}, both at least {EASED_DROP} points below your worst earlier check "
            f"({worst[0]} during, {worst[1]} after)."
        )
    if not worst:
        return (
            f"Your symptoms have not eased enough for the advanced phase yet: {pains}; "
            f"both need to be {EASED_PAIN} or less."
        )
    return (
        f"Your symptoms have not eased enough for the advanced phase yet: {pains}; both "
        f"need to be {EASED_PAIN} or less, or at least {EASED_DROP} points below your worst "
        f"earlier check ({worst[0]} during, {worst[1]} after)."
    )


def listed(words: Iterable[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    items = list(words)
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def day_label(day: dt.date) -> str:
    """`24 Nov`: a day as a sentence names it."""
    return f"{day.day} {day:%b}"
