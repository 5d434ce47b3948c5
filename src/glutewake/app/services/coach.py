"""What the screens read and change, behind one object with no Textual in it.

The app holds one `Coach`; screens ask it for today's facts and hand it changes,
so every write goes through the store and read-only mode is enforced in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from glutewake.core.advice import StandingAdvice, standing_advice
from glutewake.core.days import day_of
from glutewake.core.frozen import replace
from glutewake.core.journal import Month, merge
from glutewake.core.morning import question_due
from glutewake.core.programme import Programme
from glutewake.core.records import (
    Activity,
    Compared,
    Journal,
    MorningCheck,
    PainEdit,
    RestDay,
    Session,
    SymptomCheck,
)
from glutewake.core.report_model import DEFAULT_WEEKS
from glutewake.core.settings import Profile, Settings
from glutewake.core.streaks import Streak, compute_streak
from glutewake.core.timeline import Timeline, compile_timeline
from glutewake.errors import UserError
from glutewake.store import Store
from glutewake.store.errors import StoreError
from glutewake.store.report_file import dated_report_path, render_report, report_folder, write_report
from glutewake.store.summary import Scan, months_for_today, scan_journal
from glutewake.store.summary_digest import Stamp

if TYPE_CHECKING:
    from glutewake.core.sound_schedule import ToneOpener


class ReadOnly(UserError):
    """A change refused because a data file is damaged and the app must not write."""


@dataclass(frozen=True)
class TodayFacts:
    """What home shows, from the store's summary and a few months of records."""

    streak: Streak
    today_done: bool
    journal: Journal
    """The months today's advice and resumable session rest on (`months_for_today`): the
    advice, last check and resumable session computed from it equal the whole journal's."""
    advice: StandingAdvice
    """The standing advice of the core rule: home, the start gate and the phase switch show it."""


@dataclass
class Coach:
    """The app's view of the user's data, today's date and this run's options."""

    store: Store
    now: Callable[[], dt.datetime]
    clock: Callable[[], float]
    count_seconds: float | None = None
    programme_file: Path | None = None
    environ: Mapping[str, str] = field(default_factory=dict)
    documents_dir: Path | None = None
    """Where history's `x` writes the report (None: the user's documents folder, else home)."""
    open_tones: ToneOpener | None = None
    """Opens the sound output for tones; None: the system's (tests pass a fake or the null
    device)."""
    problems: list[StoreError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the store had to tell the user (a data folder it made private); the app shows each once."""
    _scan: Scan | None = field(default=None, init=False, repr=False)
    _parsed: dict[Month, tuple[Stamp, Journal]] = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        now: Callable[[], dt.datetime],
        clock: Callable[[], float],
        count_seconds: float | None = None,
        programme_file: Path | None = None,
        environ: Mapping[str, str] | None = None,
        documents_dir: Path | None = None,
        open_tones: ToneOpener | None = None,
    ) -> Coach:
        """A coach on `data_dir`; damaged files found now put it in read-only mode.

        Every file is checked, but a month the summary cache knows unchanged is not parsed again.
        """
        store = Store(data_dir)
        coach = cls(
            store,
            now,
            clock,
            count_seconds,
            programme_file,
            dict(environ or {}),
            documents_dir,
            open_tones,
        )
        store.notify = coach.notes.append  # the app shows them; stderr is hidden behind it
        coach.profile()
        coach._scan_journal()
        return coach

    @property
    def read_only(self) -> bool:
        return bool(self.problems)

    def day_starts_at(self) -> int:
        """The hour the user's days start (the store's one accessor of it)."""
        return self.store.day_starts_at()

    def today(self) -> dt.date:
        """The day it is now, by the user's day start: at 01:00 with days starting at 4,
        still yesterday."""
        return day_of(self.now(), self.day_starts_at())

    def profile(self) -> Profile:
        """The saved profile, or the defaults when settings.toml cannot be read."""
        try:
            return self.store.read_profile()
        except StoreError as error:
            self._note(error)
            return Profile()

    def today_facts(self) -> TodayFacts:
        """Streak, today done and the few months of records home needs, read without
        parsing years of journal; a month that cannot be read puts the app in read-only mode."""
        scan = self._scan_journal()
        today = day_of(self.now(), scan.day_starts_at)
        days = scan.days
        journal = self._read_months(scan, months_for_today(scan, today))
        return TodayFacts(
            streak=compute_streak(days.done, days.rest, today),
            today_done=today in days.done,
            journal=journal,
            advice=standing_advice(journal, today),
        )

    def morning_question_due(self) -> bool:
        """Whether home should ask the morning-after question now (once a day; never in
        read-only mode, where the answer could not be kept)."""
        if self.read_only:
            return False
        facts = self.today_facts()
        return question_due(facts.journal, self.today(), self.profile().morning_asked_on)

    def _scan_journal(self) -> Scan:
        # The cache is written only while no file has a problem: read-only mode writes nothing.
        scan = scan_journal(self.store, self._scan, save=not self.read_only)
        for problem in scan.problems:
            self._note(problem)
        self._scan = scan
        return scan

    def _read_months(self, scan: Scan, months: list[Month]) -> Journal:
        journals = []
        for month in months:
            digest = scan.months.get(month)
            kept = self._parsed.get(month)
            if digest is not None and digest.settled and kept is not None and kept[0] == digest.stamp:
                journals.append(kept[1])  # the file is as it was when last parsed
                continue
            try:
                journal = self.store.read_month(month, day_starts_at=scan.day_starts_at)
            except StoreError as error:
                self._note(error)
                continue
            if digest is not None and digest.settled:
                self._parsed[month] = (digest.stamp, journal)
            journals.append(journal)
        return replace(merge(journals), day_starts_at=scan.day_starts_at)

    def settings(self, profile: Profile) -> Settings:
        """The saved settings with this run's --count-seconds applied."""
        if self.count_seconds is None:
            return profile.settings
        return profile.settings.with_changes(count_seconds=self.count_seconds)

    def programme(self, profile: Profile) -> Programme:
        """Today's programme: the --programme-file if given, else the current phase's."""
        from glutewake.programmes import load_programme

        return load_programme(self.programme_file or profile.phase)

    def timeline(self, profile: Profile) -> Timeline:
        return compile_timeline(self.programme(profile), self.settings(profile))

    def timeline_played(self, profile: Profile, record: Session) -> Timeline | None:
        """The timeline `record` was played from: today's plan, or the built-in it names
        (None when neither fits it any more)."""
        from glutewake.core.session_record import fits
        from glutewake.programmes import BUILTIN_NAMES, load_programme

        candidates: list[Timeline] = []
        with suppress(UserError):
            candidates.append(self.timeline(profile))
        if record.programme in BUILTIN_NAMES:
            candidates.append(compile_timeline(load_programme(record.programme), self.settings(profile)))
        return next((timeline for timeline in candidates if fits(record, timeline)), None)

    def update_profile(self, change: Callable[[Profile], Profile]) -> Profile:
        """Apply `change` through the store; refused in read-only mode."""
        self._check_writable()
        return self.store.update_profile(change)

    def save_session(self, session: Session) -> None:
        """Insert or replace a session by id (the player, after every repetition)."""
        self._check_writable()
        self.store.save_session(session)

    def add_symptom_check(self, check: SymptomCheck) -> SymptomCheck:
        """Record a symptom check with the advice it gave (the `c` screen)."""
        self._check_writable()
        self.store.add_symptom_check(check)
        return check

    def answer_morning(self, compared: Compared, pain: int | None) -> MorningCheck:
        """Record today's morning-after answer (the question over home)."""
        self._check_writable()
        self.morning_asked()
        return self.store.add_morning_check(self.today(), compared, pain)

    def morning_asked(self) -> Profile:
        """Note that the morning question was shown today, so it is not asked again today."""
        today = self.today()
        return self.update_profile(lambda profile: replace(profile, morning_asked_on=today))

    def log_rest_day(self, day: dt.date) -> RestDay:
        """Mark `day` as a rest day (history's `R`); the same day twice keeps one record."""
        self._check_writable()
        return self.store.add_rest_day(day)

    def delete_entry(self, record_id: str) -> tuple[str, object]:
        """Delete the record with this id (history's `d`): (its kind, the record deleted)."""
        self._check_writable()
        return self.store.delete(record_id, self.now())

    def edit_pain(self, session: Session, pain_after: int | None, pain_during: int | None) -> PainEdit:
        """Correct a session's "pain now" and its highest pain during it (history's `e`)."""
        self._check_writable()
        return self.store.edit_pain(session, pain_after, pain_during, self.now())

    def log_activity(self, day: dt.date, kind: str, minutes: int) -> Activity:
        """Record another activity (history's `l`)."""
        self._check_writable()
        return self.store.add_activity(day, kind, minutes)

    def write_report(self, weeks: int = DEFAULT_WEEKS) -> Path:
        """Write the report of the last `weeks` weeks as HTML to a new dated file in the
        documents folder (or home); returns where. A damaged data file raises its StoreError
        and nothing is written (the report is not user data, so read-only mode does not stop
        it otherwise)."""
        today = self.today()
        text = render_report(self.store, today, weeks=weeks, format="html")
        path = dated_report_path(self.documents_dir or report_folder(), today)
        write_report(path, text)
        return path

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnly("nothing was saved: the app is read-only until the damaged file is fixed")

    def acknowledge(self) -> Profile:
        today = self.today()
        return self.update_profile(lambda profile: replace(profile, acknowledged_on=today))

    def set_phase(self, phase: str) -> Profile:
        return self.update_profile(lambda profile: replace(profile, phase=phase))

    def change_settings(self, **changes: object) -> Profile:
        """Save only the settings named in `changes` (validated again under the store's lock)."""
        return self.update_profile(
            lambda profile: replace(profile, settings=profile.settings.with_changes(**changes))
        )

    def resumable_session(self, journal: Journal) -> Session | None:
        """Today's latest interrupted session played in the app, if any (the `r` key)."""
        today = self.today()
        todays = [s for s in journal.sessions if journal.session_day(s) == today and s.source == "app"]
        # Only the latest counts: a session finished after the interruption supersedes it.
        if todays and todays[-1].status == "partial":
            return todays[-1]
        return None

    def _note(self, error: StoreError) -> None:
        if all(str(known) != str(error) for known in self.problems):
            self.problems.append(error)
