"""Small forms over the history screen: log another activity, or a rest day.

Each field is checked by the same rules as `glutewake log` (core/log_entry.py) as it is
typed; enter saves when every field passes, or names the first problem in a notification.
The form only collects the entry: the history screen saves it through the store.
"""

from __future__ import annotations

import datetime as dt
from abc import abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Static

from glutewake.app.keys import bindings_for, keys_for
from glutewake.core.log_entry import activity_kind, check_rest_day, parse_day, parse_minutes, parse_pain
from glutewake.core.records import MAX_ACTIVITY_MINUTES, Session
from glutewake.errors import UserError

Entry = TypeVar("Entry")
KNOWN_KINDS = ("swimming", "cycling", "elliptical", "walking", "aerobics", "running", "yoga", "rowing")


@dataclass(frozen=True)
class ActivityEntry:
    """Minutes of another kind of exercise on a day."""

    day: dt.date
    kind: str
    minutes: int


@dataclass(frozen=True)
class PainEntry:
    """A session's corrected pains, 0-10 each, or None for none."""

    pain_after: int | None
    pain_during: int | None


def optional_pain(text: str, *, name: str) -> int | None:
    """A pain 0-10, or None for an empty field."""
    return None if not text.strip() else parse_pain(text, name=name)


@dataclass(frozen=True)
class RestEntry:
    """A rest day."""

    day: dt.date


class Checked(Validator):
    """A field checked by one of core/log_entry.py's rules (a UserError means invalid)."""

    def __init__(self, check: Callable[[str], object]) -> None:
        super().__init__()
        self.check = check

    def validate(self, value: str) -> ValidationResult:
        try:
            self.check(value)
        except UserError as error:
            return self.failure(str(error))
        return self.success()


class LogForm(ModalScreen[Entry | None], Generic[Entry]):
    """A titled box of labelled one-line fields; enter saves, escape leaves."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("log form")
    CSS_PATH = "../styles/history.tcss"
    DEFAULT_CLASSES = "log-form-screen"
    TITLE_TEXT = ""
    NOTE = ""

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.today = today

    @abstractmethod
    def fields(self) -> Iterable[tuple[str, Input, str]]:
        """(label, input, hint) for each field, top to bottom; each form says its own."""

    @abstractmethod
    def entry(self) -> Entry:
        """The entry the fields describe; raises UserError naming the first bad field."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="log-form") as box:
            box.border_title = self.TITLE_TEXT
            if self.NOTE:
                yield Static(self.NOTE, classes="log-form-note", markup=False)
            fields = list(self.fields())
            for label, field, hint in fields:
                with Horizontal(classes="log-form-row"):
                    yield Static(label, classes="log-form-label", markup=False)
                    yield field
                    yield Static(hint, classes="log-form-hint", markup=False)
            shown = [key for key in keys_for("log form") if len(fields) > 1 or key.key != "tab"]
            words = "   ".join(f"[b $accent]{key.shown_key}[/] {key.description}" for key in shown)
            yield Static(words, classes="log-form-keys")

    def day_field(self) -> Input:
        return Input(
            self.today.isoformat(),
            placeholder="YYYY-MM-DD",
            id="day",
            max_length=10,
            validators=[Checked(lambda text: parse_day(text, self.today, name="the day"))],
            compact=True,
        )

    def day(self) -> dt.date:
        return parse_day(self.query_one("#day", Input).value.strip(), self.today, name="the day")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            entry = self.entry()
        except UserError as error:
            self.notify(str(error), title="Check this field", severity="warning", timeout=6, markup=False)
            return
        self.dismiss(entry)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LogActivityForm(LogForm[ActivityEntry]):
    """`l` on history: what, for how long, on which day."""

    TITLE_TEXT = "Log another activity"
    NOTE = "Swimming, cycling, the elliptical… anything besides the rehab session."

    def __init__(self, today: dt.date, kinds: Iterable[str] = ()) -> None:
        super().__init__(today)
        self.kinds = tuple(dict.fromkeys((*kinds, *KNOWN_KINDS)))

    def fields(self) -> Iterable[tuple[str, Input, str]]:
        yield (
            "What",
            Input(
                placeholder="swimming",
                id="kind",
                max_length=40,
                suggester=SuggestFromList(self.kinds, case_sensitive=False),
                validators=[Checked(activity_kind)],
                compact=True,
            ),
            "a word or two",
        )
        yield (
            "Minutes",
            Input(
                placeholder="30",
                id="minutes",
                max_length=4,
                restrict=r"[0-9]*",
                validators=[Checked(parse_minutes)],
                compact=True,
            ),
            f"1 to {MAX_ACTIVITY_MINUTES}",
        )
        yield "Day", self.day_field(), "YYYY-MM-DD, up to today"

    def entry(self) -> ActivityEntry:
        kind = activity_kind(self.query_one("#kind", Input).value)
        minutes = parse_minutes(self.query_one("#minutes", Input).value, name="minutes")
        return ActivityEntry(self.day(), kind, minutes)


class LogRestDayForm(LogForm[RestEntry]):
    """`R` on history: which day was a rest day; never one that holds a completed session
    (the rule of `glutewake log --rest`: the field says so, enter stays on the form)."""

    TITLE_TEXT = "Log a rest day"
    NOTE = "A rest day keeps your streak going: it neither breaks it nor adds to it."

    def __init__(self, today: dt.date, sessions: Iterable[Session] = ()) -> None:
        super().__init__(today)
        self.sessions = tuple(sessions)

    def fields(self) -> Iterable[tuple[str, Input, str]]:
        field = self.day_field()
        field.validators.append(Checked(self._rest_day))
        yield "Day", field, "YYYY-MM-DD, up to today"

    def _rest_day(self, text: str) -> dt.date:
        return check_rest_day(parse_day(text.strip(), self.today, name="the day"), self.sessions)

    def entry(self) -> RestEntry:
        return RestEntry(self._rest_day(self.query_one("#day", Input).value))


class EditPainForm(LogForm[PainEntry]):
    """`e` on history: the selected session's "pain now" and its highest pain during it."""

    TITLE_TEXT = "Correct this session's pains"
    NOTE = "0 is no pain, 10 the worst you can imagine; leave a field empty for none."

    def __init__(self, today: dt.date, what: str, pain_after: int | None, pain_during: int | None) -> None:
        super().__init__(today)
        self.what = what
        self.pains = (pain_after, pain_during)

    def fields(self) -> Iterable[tuple[str, Input, str]]:
        for label, field_id, value in (
            ("Pain now", "pain-after", self.pains[0]),
            ("During", "pain-during", self.pains[1]),
        ):
            yield (
                label,
                Input(
                    "" if value is None else str(value),
                    placeholder="0-10",
                    id=field_id,
                    max_length=2,
                    restrict=r"[0-9]*",
                    validators=[Checked(partial(optional_pain, name=label.lower()))],
                    compact=True,
                ),
                "0 to 10, empty for none",
            )

    def entry(self) -> PainEntry:
        return PainEntry(
            optional_pain(self.query_one("#pain-after", Input).value, name="pain now"),
            optional_pain(self.query_one("#pain-during", Input).value, name="during"),
        )
