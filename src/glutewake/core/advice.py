"""The symptom advice rule: rest and see a professional, beginner, or ready for advanced.

The app records what the user reports and applies this rule; it never diagnoses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from glutewake.core.records import AdviceLevel as Level
from glutewake.core.records import SymptomCheck

REST_PAIN = 7
EASED_PAIN = 3
EASED_DROP = 2
LEVEL_WORDS: dict[Level, str] = {
    "rest": "REST AND SEE A PROFESSIONAL",
    "beginner": "BEGINNER",
    "advanced": "READY FOR ADVANCED",
}
PLACE_NAMES = {
    "knees": "knees",
    "achilles": "Achilles tendon",
    "calves": "calves",
    "feet": "feet",
}


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Advice:
    """The level, the reason in plain words, and who should look at what, if anything."""

    level: Level
    reason: str
    see_professional: str = ""

    @property
    def word(self) -> str:
        return LEVEL_WORDS[self.level]

    @property
    def full_reason(self) -> str:
        return f"{self.reason} {self.see_professional}".strip()


def advise(
    answers: Answers, earlier: Sequence[SymptomCheck] = (), last_pain_now: int | None = None
) -> Advice:
    """Apply the rule of DESIGN.md to a check, the checks before it and the last session's pain."""
    level, reason = _level(answers, earlier, last_pain_now)
    return Advice(level, reason, _professional(answers.spread))


def _level(answers: Answers, earlier: Sequence[SymptomCheck], last_pain_now: int | None) -> tuple[Level, str]:
    during, after = answers.pain_during_run, answers.pain_after_run
    pains = f"pain during running {during}, after {after}"
    if not answers.cleared_for_exercise:
        return "rest", (
            "You have not been cleared for exercise by a doctor or physical therapist yet: "
            "get their go-ahead before you train."
        )
    if during >= REST_PAIN or after >= REST_PAIN:
        return "rest", f"Your {pains} is {REST_PAIN} or more: rest and have it looked at."
    if last_pain_now is not None and last_pain_now >= REST_PAIN:
        return "rest", (
            f"Your pain after the last session was {last_pain_now}, {REST_PAIN} or more: "
            "rest and have it looked at."
        )
    eased = _eased(during, after, earlier)
    if not answers.cleared_for_advanced:
        return "beginner", f"You are cleared for exercise but not yet for the advanced phase; {pains}."
    if eased:
        return "advanced", f"You are cleared for the advanced phase and your symptoms have eased: {eased}."
    return "beginner", (
        f"You are cleared for the advanced phase, but your symptoms have not eased enough yet: "
        f"{pains} (both need to be {EASED_PAIN} or less, or {EASED_DROP} points below your worst check)."
    )


def _eased(during: int, after: int, earlier: Sequence[SymptomCheck]) -> str:
    """Why the symptoms count as eased, or "" when they do not."""
    if during <= EASED_PAIN and after <= EASED_PAIN:
        return f"pain during running {during} and after {after}, both {EASED_PAIN} or less"
    if not earlier:
        return ""
    worst_during = max(check.pain_during_run for check in earlier)
    worst_after = max(check.pain_after_run for check in earlier)
    if during <= worst_during - EASED_DROP and after <= worst_after - EASED_DROP:
        return (
            f"pain during running {during} (worst {worst_during}) and after {after} "
            f"(worst {worst_after}), both down {EASED_DROP} or more"
        )
    return ""


def _professional(spread: Sequence[str]) -> str:
    if not spread:
        return ""
    names = [PLACE_NAMES[place] for place in PLACE_NAMES if place in spread]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Problems have spread: have a professional look at your {listed}."
