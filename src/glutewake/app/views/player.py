"""What the player shows at one position, as words and numbers (no Textual here).

The screen turns a `PlayerView` into widgets; keeping the wording here makes it
testable without a terminal and keeps the screen a thin redraw.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from glutewake.core.cue_names import Cue
from glutewake.core.engine import Position
from glutewake.core.timeline import CHANGE_SIDES, Step, Timeline

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from glutewake.core.cue_names import CueWord

# Cues that show a countdown rather than the rep number.
COUNTDOWN_CUES = (Cue.PREPARE, Cue.SWITCH, Cue.REST, Cue.STRETCH, Cue.TRANSITION)
OTHER_SIDE = {"left": "right", "right": "left"}


@dataclass(frozen=True)
class PlayerView:
    """Every piece of text the player draws; `kind` names the state for styling."""

    heading: str
    where: str
    cue: str
    cue_forms: tuple[str, ...]
    kind: str
    big_number: str
    big_label: str
    side: str
    working: str
    how: str
    reminder: str
    breath: float | None
    breath_word: str
    next: str
    progress: float
    bell: str


def clock_time(seconds: float) -> str:
    """`6:12`, rounding up so a countdown shows 0:00 only at the very end."""
    whole = max(0, math.ceil(seconds - 1e-6))
    return f"{whole // 60}:{whole % 60:02d}"


def countdown(seconds: float) -> str:
    """Seconds left of a countdown, for `Digits`: `25`, or `1:05` from a minute up."""
    whole = max(0, math.ceil(seconds - 1e-6))
    return str(whole) if whole < 60 else clock_time(whole)


def hold_words(step: Step, fraction: float) -> str:
    """`HOLD  1 …` then `HOLD  1 … 2`: the counts so far, one more each count."""
    counts = step.counts or 1
    reached = min(counts, int(fraction * counts + 1e-9) + 1)
    said = " … ".join(str(n) for n in range(1, reached + 1))
    return f"{step.text.upper()}  {said}" + (" …" if reached < counts else "")


def cue_words(step: Step, fraction: float) -> str:
    """The big line: the cue in the programme's own words, in capitals."""
    if step.cue == Cue.HOLD:
        return hold_words(step, fraction)
    if step.cue == Cue.SWITCH:
        return "SWITCH SIDES"
    if step.cue == Cue.STRETCH:
        return f"STRETCH · {step.reminder.upper()}" if step.reminder else "STRETCH"
    if step.cue == Cue.REST:
        return "REST"
    if step.cue == Cue.PREPARE:
        return "GET READY"
    if step.cue == Cue.TRANSITION:
        return "CHANGE SIDES" if step.text.startswith(CHANGE_SIDES) else "GET INTO POSITION"
    return step.text.upper()


def key_forms(phrase: str) -> tuple[str, ...]:
    """`BREATHE OUT · RAISE THE LEG` → itself, `RAISE THE LEG`, `RAISE`: longest first.

    The action after the last `·` is what the body does now; its first word is the key word.
    """
    action = phrase.split(" · ")[-1]
    forms = (phrase, action, action.split()[0] if action.split() else action)
    return tuple(dict.fromkeys(form for form in forms if form))


def cue_forms(step: Step, fraction: float, cue: str) -> tuple[str, ...]:
    """The cue for block letters, longest first: the first that fits the window is drawn."""
    if step.cue == Cue.HOLD:
        counts = step.counts or 1
        reached = min(counts, int(fraction * counts + 1e-9) + 1)
        return (cue, f"{step.text.upper()} {reached}")
    if step.cue == Cue.SWITCH:
        return ("SWITCH SIDES", "SWITCH")
    if step.cue == Cue.STRETCH:
        return tuple(dict.fromkeys((cue, "STRETCH")))
    if step.cue == Cue.PREPARE:
        return ("GET READY", "READY")
    if step.cue == Cue.TRANSITION:
        return (cue, "POSITION") if cue == "GET INTO POSITION" else (cue, "CHANGE")
    if step.cue == Cue.REST:
        return ("REST",)
    return key_forms(cue)


def breath_word(cue: CueWord) -> str:
    return {Cue.INHALE: "in", Cue.EXHALE: "out", Cue.HOLD: "hold"}.get(cue, "easy")


def working_words(step: Step, kind: str) -> str:
    """`working  LEFT leg`, or what the stretch works on, or nothing (rests, stretch lead-ins)."""
    if step.cue in (Cue.STRETCH, Cue.TRANSITION):
        side = f" · {step.side.upper()} side" if step.side else ""
        return f"{step.name}{side}"
    if step.cue == Cue.REST or kind == "stretch":
        return ""
    if step.side:
        return f"working  {step.side.upper()} leg"
    if step.exercise:
        return "working  both legs"
    return ""


def side_word(step: Step, kind: str) -> str:
    """`LEFT` or `RIGHT` beside the big number while a side works, or about to (a switch)."""
    if step.cue in (Cue.REST, Cue.STRETCH) or kind == "stretch" or not step.side:
        return ""
    return step.side.upper()


def how_words(step: Step) -> str:
    """How to lie or stand: the position for reps, the lead-in's words, the stretch's how-to."""
    if step.cue == Cue.STRETCH:
        return step.detail
    if step.cue == Cue.SWITCH:
        return f"now {step.position}" if step.position else "change to the other side"
    if step.cue == Cue.TRANSITION:
        return step.position
    if step.cue in (Cue.PREPARE, Cue.REST):
        return f"{step.text} · {step.detail}" if step.detail else step.text
    return step.position


def reminder_words(step: Step) -> str:
    if step.cue == Cue.STRETCH:
        return "hold it gently, keep breathing, no bouncing"
    if step.cue == Cue.TRANSITION:
        return (
            f"up next: hold the stretch · {step.reminder}" if step.reminder else "up next: hold the stretch"
        )
    if step.cue in (Cue.PREPARE, Cue.SWITCH, Cue.REST) and step.name:
        return f"up next: {step.name}"
    return step.reminder


def next_words(timeline: Timeline, index: int) -> str:
    """What the following step is, in plain words."""
    if index + 1 >= len(timeline.steps):
        return "the end of the session"
    following = timeline.steps[index + 1]
    if following.cue == Cue.STRETCH:
        side = f" ({following.side})" if following.side else ""
        return f"stretch: {following.name}{side}"
    if following.cue == Cue.INHALE and following.rep == 1:
        side = f", {following.side} leg" if following.side else ""
        return f"{following.name}{side}: {following.text.lower()}"
    return following.text.lower()


# Columns of padding around the two halves of the player's top line, and around its notice
# (which takes at most half the line: see player.tcss).
TOP_PADDING = 4
NOTE_PADDING = 2


def top_line(view: PlayerView, width: int, note: str = "") -> tuple[str, int, str]:
    """The top line's (heading, the notice's columns, where) to fit `width`: in full, else
    shortened whole parts first. The exercise's name always stays: the app's name and the
    phase go first, then the time left, then the set; last, the notice (if any) is cut short
    (it ends in "…", drawn by Textual)."""
    _, _, rest = view.heading.partition(" · ")
    name = rest.rpartition(" · ")[-1] or view.heading
    set_part = view.where.partition(" · ")[0]
    note_columns = min(len(note) + NOTE_PADDING, width // 2) if note else 0
    room = width - TOP_PADDING - note_columns
    candidates = (
        (view.heading, view.where),
        (rest, view.where),
        (name, view.where),
        (name, set_part),
        (name, ""),
    )
    for heading, where in candidates:
        if heading and len(heading) + len(where) <= room:
            return heading, note_columns, where
    return name, max(width - TOP_PADDING - len(name), 0) if note else 0, ""


def player_view(position: Position, timeline: Timeline, *, sound: str, title: str) -> PlayerView:
    """The whole screen's text at `position`."""
    step = position.step
    sets = len(timeline.sets)
    forms: tuple[str, ...]
    if position.finished:
        cue, kind, forms = "SESSION COMPLETE", "finished", ("SESSION COMPLETE", "DONE")
    elif position.paused:
        cue, kind, forms = "PAUSED — space to go on", "paused", ("PAUSED",)
    else:
        cue, kind = cue_words(step, position.fraction), str(step.cue)
        forms = cue_forms(step, position.fraction, cue)
    if step.cue in COUNTDOWN_CUES:
        big_number = countdown(position.step_remaining)
        big_label = "second to go" if big_number == "1" else "seconds to go"
    elif step.rep is not None:
        big_number, big_label = str(step.rep), f"/ {step.reps}"
    else:
        big_number, big_label = "", ""
    breathing = step.cue in (Cue.INHALE, Cue.EXHALE, Cue.HOLD, Cue.RETURN)
    return PlayerView(
        heading=f"{title} · {step.name}" if step.name else title,
        where=f"set {position.set.number} of {sets} · {clock_time(position.remaining)} left",
        cue=cue,
        cue_forms=forms,
        kind=kind,
        big_number=big_number,
        big_label=big_label,
        side=side_word(step, position.set.kind),
        working=working_words(step, position.set.kind),
        how=how_words(step),
        reminder=reminder_words(step),
        breath=position.breath if breathing else None,
        breath_word=breath_word(step.cue),
        next=next_words(timeline, position.step_index),
        progress=position.progress,
        bell=sound,
    )
