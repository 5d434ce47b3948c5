"""The symptom check: seven quick answers by keyboard, then the advice level and its reason.

The check is a record of what the user reports, never a diagnosis. Enter saves it through
the store (time from the app's clock) and shows the advice; escape leaves without saving.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Static

from glutewake.app.keys import bindings_for, key_with_id
from glutewake.app.screens.coach_screen import CoachScreen
from glutewake.app.widgets.answers import PainScale, PlaceTicks, YesNo
from glutewake.app.widgets.key_line import KeyLine
from glutewake.app.widgets.title_bar import TitleBar
from glutewake.core.advice import Answers, StandingAdvice, day_label, new_check
from glutewake.core.advice_basis import latest_check
from glutewake.core.records import SymptomCheck, new_id

SAVE = key_with_id("glutewake.check.save")
CANCEL = key_with_id("glutewake.check.cancel")
NEXT = key_with_id("glutewake.check.next")
CHANGE = key_with_id("glutewake.check.left")
TOGGLE = key_with_id("glutewake.check.toggle")
DONE = key_with_id("glutewake.check.done")
FORM_KEYS = (NEXT, CHANGE, TOGGLE, SAVE, CANCEL)

INTRO = (
    "Answer for the past week. This is a record of what you feel, not a diagnosis: "
    "only a professional can examine you."
)
SPREAD_CHOICES = (("knees", "knees"), ("achilles", "Achilles"), ("calves", "calves"), ("feet", "feet"))


@dataclass(frozen=True)
class Question:
    """One row of the form: what is asked, a short word of help, and the answer's id."""

    label: str
    hint: str
    answer_id: str


QUESTIONS = (
    Question("Hip pain while running", "0 none · 10 worst\n1 then 0 types 10", "pain-during"),
    Question("Hip pain after running", "that day or the next", "pain-after"),
    Question("Swaying, uneven walk", "hips dip as you walk", "wobbly"),
    Question("Leaning on one hip", "when you stand still", "one-hip"),
    Question("Problems spreading to", "tick each place that has started to trouble you", "spread"),
    Question("Cleared for exercise", "by a doctor or\nphysical therapist", "cleared"),
    Question("Cleared for advanced phase", "for wall mini squats", "cleared-advanced"),
)


class SymptomCheckScreen(CoachScreen[None]):
    """The form, then the advice it gave; the saved check shows on home straight away."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = bindings_for("check")
    CSS_PATH = "../styles/symptom_check.tcss"

    saved: SymptomCheck | None = None
    """The check once stored (or refused by a read-only store: then `stored` is False)."""

    def compose(self) -> ComposeResult:
        # The months that decide the advice (latest check, worst pains, last pain now), not years.
        journal = self.coach.today_facts().journal
        self.journal = journal
        previous = latest_check(journal.symptom_checks)
        yield TitleBar("symptom check", today=self.coach.today())
        yield Static(INTRO, id="check-intro", markup=False)
        with Vertical(id="check-form"):
            yield from self._rows(previous)
        yield Static(id="check-result", markup=False)
        yield KeyLine(FORM_KEYS, id="keys")

    def _rows(self, previous: SymptomCheck | None) -> Iterator[Widget]:
        # Symptoms start afresh; a clinician's go-ahead carries over from the last check.
        clock = self.coach.clock
        answers: dict[str, Widget] = {
            "pain-during": PainScale(clock=clock, id="pain-during"),
            "pain-after": PainScale(clock=clock, id="pain-after"),
            "wobbly": YesNo(id="wobbly"),
            "one-hip": YesNo(id="one-hip"),
            "spread": PlaceTicks(SPREAD_CHOICES, id="spread"),
            "cleared": YesNo(bool(previous and previous.cleared_for_exercise), id="cleared"),
            "cleared-advanced": YesNo(
                bool(previous and previous.cleared_for_advanced), id="cleared-advanced"
            ),
        }
        for question in QUESTIONS:
            label = Static(question.label, classes="question-label", markup=False)
            hint = Static(question.hint, classes="question-hint", markup=False)
            answer = answers[question.answer_id]
            if isinstance(answer, PlaceTicks):
                yield Vertical(Horizontal(label, answer, classes="question"), hint, classes="question-wide")
            else:
                yield Horizontal(label, answer, hint, classes="question")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Marks the row being answered (Textual's :focus-within does not restyle siblings).
        for row in self.query(".question"):
            row.set_class(event.widget in row.children, "-current")

    def answers(self) -> Answers:
        """What the form says now."""
        return Answers(
            pain_during_run=self.query_one("#pain-during", PainScale).value,
            pain_after_run=self.query_one("#pain-after", PainScale).value,
            wobbly_gait=self.query_one("#wobbly", YesNo).value,
            weight_on_one_hip=self.query_one("#one-hip", YesNo).value,
            spread=self.query_one("#spread", PlaceTicks).value,
            cleared_for_exercise=self.query_one("#cleared", YesNo).value,
            cleared_for_advanced=self.query_one("#cleared-advanced", YesNo).value,
        )

    def action_save(self) -> None:
        if self.saved is not None:
            self.dismiss()
            return
        at = self.coach.now()
        check, advice = new_check(self.journal, self.answers(), id=new_id(), at=at)
        stored = self.save(lambda: self.coach.add_symptom_check(check)) is not None
        self.saved = check
        self._show_result(advice, at, stored)

    def action_cancel(self) -> None:
        if self.saved is None:
            self.app.notify("Nothing was saved.", title="Symptom check left")
        self.dismiss()

    def _show_result(self, advice: StandingAdvice, at: dt.datetime, stored: bool) -> None:
        self.query_one("#check-form").disabled = True
        self.query(".question").remove_class("-current")
        result = self.query_one("#check-result", Static)
        result.add_class(f"-{advice.level}", "-shown")
        text = Text.assemble((advice.word, "bold"), " — ", advice.reason)
        if stored:
            text.append(f"\nSaved {day_label(at.date())} at {at:%H:%M}; home shows it too.")
        else:
            text.append("\nNot saved: this check is shown now and then forgotten.")
        result.update(text)
        self.query_one("#keys", KeyLine).keys = (DONE,)
