"""What `glutewake status` prints: the line, the JSON object, or the user's `--format` template.

Both ways of computing the status (from the summary cache alone, or reading the journal)
print through here, so they cannot differ. Cheap to import: a shell prompt loads it.
"""

from __future__ import annotations

from glutewake.core.wording import counted
from glutewake.errors import UserError

FIELDS = ("phase", "streak", "longest", "today", "advice")
EXAMPLE = "{phase} {streak}d"


class Status:
    """One status: the phase, the current and longest streak, today and the standing advice."""

    __slots__ = ("phase", "streak", "longest", "today_done", "advice", "reason")

    def __init__(
        self, phase: str, streak: int, longest: int, today_done: bool, advice: str | None, reason: str
    ) -> None:
        self.phase, self.streak, self.longest = phase, streak, longest
        self.today_done, self.advice, self.reason = today_done, advice, reason

    def fields(self) -> dict[str, object]:
        """The values a `--format` template can name."""
        return {
            "phase": self.phase,
            "streak": self.streak,
            "longest": self.longest,
            "today": "done" if self.today_done else "not done yet",
            "advice": self.advice or "none yet",
        }


def check_template(template: str) -> str:
    """The template, or UserError naming the field or brace that cannot be filled."""
    render(template, Status("beginner", 0, 0, False, None, ""))
    return template


def render(template: str, status: Status) -> str:
    """The template with every `{field}` (format specs allowed: `{streak:>3}`) filled in."""
    try:
        return template.format_map(_Fields(status.fields()))
    except _UnknownField as unknown:
        raise UserError(
            f"status --format: unknown field {{{unknown.name}}} (fields: {', '.join(FIELDS)})"
        ) from None
    except (ValueError, IndexError, AttributeError, TypeError) as error:
        # Stray braces, `{}` or `{0}`, `{phase.x}`, `{streak:q}`: str.format's own words.
        raise UserError(f"status --format: {error} in {template!r} (fields: {', '.join(FIELDS)})") from None


def line(status: Status) -> str:
    """The one line for a prompt or a glance."""
    return (
        f"{status.phase} · streak {counted(status.streak, 'day')} · "
        f"today {'done' if status.today_done else 'not done yet'} · "
        f"advice: {status.advice or 'none yet'} — {status.reason}"
    )


def as_json(status: Status) -> str:
    """`status --json`: "advice" is the level word (null before any), "advice_reason" why."""
    import json

    return json.dumps(
        {
            "phase": status.phase,
            "streak": {"current": status.streak, "longest": status.longest},
            "today_done": status.today_done,
            "advice": status.advice,
            "advice_reason": status.reason,
        }
    )


class _UnknownField(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class _Fields(dict[str, object]):
    def __missing__(self, key: str) -> object:
        raise _UnknownField(key)
