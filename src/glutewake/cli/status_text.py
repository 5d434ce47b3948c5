"""What `glutewake status` prints: the line, the JSON object, or the user's `--format` template.

Both ways of computing the status (from the summary cache alone, or reading the journal)
print through here, so they cannot differ. Cheap to import: a shell prompt loads it.
"""

from __future__ import annotations

from glutewake.core.wording import counted
from glutewake.errors import UserError

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    from glutewake.store.snapshot import Values

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

    @classmethod
    def of(cls, values: Values) -> Status:
        """A status from the values `values()` gave."""
        return cls(*values)

    def values(self) -> Values:
        """Phase, streak, longest, today done, advice and reason (as the snapshot keeps them)."""
        return (self.phase, self.streak, self.longest, self.today_done, self.advice, self.reason)

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
    fields = status.fields()
    try:
        return template.format_map(_Fields((name, _Field(value)) for name, value in fields.items()))
    except (_NotPlain, ValueError, IndexError, KeyError, AttributeError, TypeError):
        problem = template_problem(template, fields)
    raise UserError(f"status --format: {problem} (fields: {', '.join(FIELDS)})")


def template_problem(template: str, fields: dict[str, object]) -> str:
    """What is wrong with a template that could not be filled, in our words."""
    import string

    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:
        return f"a brace without its pair in {template!r} (write {{{{ or }}}} for a brace itself)"
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name == "" or name.isdecimal():
            return f"a field needs a name, such as {{streak}}, in {template!r}"
        if name not in fields:
            plain = name.isidentifier()
            return (
                f"unknown field {{{name}}}"
                if plain
                else f"fields are plain names, such as {{streak}}, not {{{name}}}"
            )
        if conversion not in (None, "r", "s", "a"):
            return f"unknown conversion !{conversion} in {{{name}}}"
        try:
            format(fields[name], spec or "")
        except (ValueError, TypeError):
            return f"cannot show {{{name}}} as {spec!r} in {template!r}"
    return f"cannot fill in {template!r}"


def show(status: Status, *, as_json: bool = False, template: str | None = None) -> str:
    """What `status` prints: JSON, the template filled in, or the line."""
    if as_json:
        return to_json(status)
    return line(status) if template is None else render(template, status)


def line(status: Status) -> str:
    """The one line for a prompt or a glance."""
    return (
        f"{status.phase} · streak {counted(status.streak, 'day')} · "
        f"today {'done' if status.today_done else 'not done yet'} · "
        f"advice: {status.advice or 'none yet'} — {status.reason}"
    )


def to_json(status: Status) -> str:
    """`status --json`: "advice" is the level word (null before any), "advice_reason" why.
    Written as `json.dumps` writes it (`core/json_text.py`): importing json would cost a shell
    prompt several milliseconds."""
    from glutewake.core.json_text import dumps

    document = {
        "phase": status.phase,
        "streak": {"current": int(status.streak), "longest": int(status.longest)},
        "today_done": bool(status.today_done),
        "advice": status.advice,
        "advice_reason": status.reason,
    }
    return dumps(document, ensure_ascii=True)


class _NotPlain(Exception):
    """A template asked for more than a field's value (`{}`, `{mood}`, `{phase.x}`, `{phase[0]}`)."""


class _Fields(dict[str, object]):
    def __missing__(self, key: str) -> object:
        raise _NotPlain(key)


class _Field:
    """A field's value for str.format: formats and converts like it, has nothing more."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return repr(self.value)

    def __getattr__(self, name: str) -> object:
        raise _NotPlain(name)

    def __getitem__(self, key: object) -> object:
        raise _NotPlain(key)
