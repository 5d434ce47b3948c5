"""Plain-text rendering shared by the commands (no Textual)."""

from __future__ import annotations

from glutewake.core.cue_names import Cue
from glutewake.core.timeline import Step, Timeline


def duration(seconds: float) -> str:
    """`6:15`, or `1:02:05` past an hour; rounds to the nearest second."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def timeline_table(timeline: Timeline) -> str:
    """The plan as a table: one row per lead-in or stretch, one per set of repetitions."""
    programme = timeline.programme
    header = f"{'start':>7}  {'set':>3}  {'side':<5}  {'time':>5}  what"
    what_column = " " * header.index("what")
    lines = [
        f"{programme.name}: {programme.title}",
        f"{len(timeline.sets)} sets · {timeline.count_seconds:g} s per count · "
        f"total {duration(timeline.total_seconds)}",
        "",
        header,
    ]
    steps = timeline.steps
    index = 0
    while index < len(steps):
        step = steps[index]
        start = duration(timeline.starts[index])
        side = step.side or "-"
        if step.is_rep:
            end = index
            while end < len(steps) and steps[end].set == step.set and steps[end].is_rep:
                end += 1
            lines.append(
                f"{start:>7}  {step.set:>3}  {side:<5}  "
                f"{duration(timeline.starts[end] - timeline.starts[index]):>5}  "
                f"{step.name} × {step.reps} reps"
            )
            lines.append(f"{what_column}each rep: {_beats(steps[index:end])}")
            index = end
        else:
            lines.append(f"{start:>7}  {step.set:>3}  {side:<5}  {duration(step.seconds):>5}  {_label(step)}")
            index += 1
    return "\n".join(lines)


def _label(step: Step) -> str:
    if step.cue == Cue.STRETCH:
        return f"stretch ({step.reminder}): {step.name}"
    return f"{step.cue}: {step.text}"


def _beats(rep_steps: tuple[Step, ...]) -> str:
    first_rep = [s for s in rep_steps if s.rep == rep_steps[0].rep]
    return " · ".join(f"{s.text.lower()} {s.counts}" for s in first_rep)
