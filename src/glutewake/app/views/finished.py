"""What the finished screen and the end-early question say, in words (no Textual here).

The completion rule itself lives in the core (`glutewake.core.session_record`); these
functions only put its answer into sentences.
"""

from __future__ import annotations

from glutewake.core.records import Session
from glutewake.core.session_record import STOP_PAIN, Tally

NOT_SAVED = "not saved: glutewake is read-only this run"


def reps_words(counted: Tally) -> str:
    return f"{counted.reps} of {counted.target} reps"


def finished_heading(record: Session, *, ended_early: bool) -> tuple[str, ...]:
    """The big line, completed or how it came to be partial: its whole phrase first, then
    shorter forms for when the block letters do not fit."""
    if record.status == "completed":
        return ("SESSION COMPLETE · WELL DONE", "SESSION COMPLETE", "WELL DONE")
    if record.pain_during is not None and record.pain_during >= STOP_PAIN:
        return ("SESSION STOPPED · IT HURTS", "STOPPED · IT HURTS", "STOPPED")
    if ended_early:
        return ("SESSION ENDED EARLY", "ENDED EARLY")
    return ("SESSION KEPT AS PARTIAL", "KEPT AS PARTIAL", "PARTIAL")


def outcome_line(record: Session, counted: Tally, *, ended_early: bool, read_only: bool = False) -> str:
    """Which it is, in words, and whether it counts for the streak."""
    if record.status == "completed":
        if read_only:
            return f"completed: every exercise set done ({reps_words(counted)}); {NOT_SAVED}"
        stretches = ""
        if counted.stretches and counted.stretches_done < counted.stretches:
            stretches = "; the stretches you skipped do not change that"
        return (
            f"completed: every exercise set done ({reps_words(counted)}), so today counts "
            f"for your streak{stretches}"
        )
    pain = record.pain_during
    done = f"{reps_words(counted)}, " if counted.target else ""
    kept = NOT_SAVED if read_only else "kept as a partial session"
    if pain is not None and pain >= STOP_PAIN:
        reps = reps_words(counted) if counted.target else "What you did"
        return f"{stop_advice(pain)} {reps}: {kept}; it does not count for your streak."
    how = "ended early" if ended_early else "sets skipped or cut short"
    return f"{how}: {done}{kept}; it does not count for your streak"


def stop_advice(pain: int) -> str:
    """What to do after stopping for pain: stop, and have it looked at (never a diagnosis)."""
    return f"It hurts {pain} of 10: stop for today and have it checked by a doctor or physical therapist."


def end_early_explanation(record: Session, counted: Tally, *, read_only: bool) -> str:
    """The end-early question's promise about what is kept, true to the completion rule."""
    if read_only:
        return (
            "Nothing of this session is being saved (glutewake is read-only this run), so "
            "ending now keeps nothing."
        )
    if counted.completed:
        left = counted.stretches - counted.stretches_done
        skipped = f" The {left} stretches left are skipped." if left else ""
        return (
            f"Every exercise set is done ({reps_words(counted)}), so this is kept as a completed "
            f"session and today counts for your streak.{skipped}"
        )
    done = f" ({reps_words(counted)})" if counted.target else ""
    return (
        f"What you did so far{done} is kept in your history as a partial session. It does not "
        "count for your streak; you can go on with it later today with r on the home screen."
    )
