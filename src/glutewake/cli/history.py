"""`glutewake history [--json]`: streaks, a calendar of recent weeks and the last sessions."""

from __future__ import annotations

from glutewake.cli.parser import subcommand
from glutewake.core.wording import counted

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from glutewake.core.records import Journal, MorningCheck, Session

CALENDAR_WEEKS = 6
LAST_SESSIONS = 5
# One character per day, each named in the legend, so the calendar reads without colour.
DAY_SYMBOLS = {
    "done": "X",
    "rest": "r",
    "active": "a",
    "partial": "p",
    "missed": ".",
    "open": "?",
    "future": " ",
    "before": " ",
}
LEGEND = "X done   p partial only   r rest day   a other activity   . missed   ? today, still open"


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], parents: list[argparse.ArgumentParser]
) -> None:
    sub = subcommand(
        subparsers,
        parents,
        "history",
        examples="  glutewake history\n  glutewake history --json | jq .streak\n",
        run="glutewake.cli.history:run",
    )
    sub.add_argument(
        "--json", action="store_true", help="print every record as JSON (the same document as export)"
    )


def run(args: argparse.Namespace) -> int:
    from glutewake.cli.options import data_dir_from, today_by
    from glutewake.store import JournalReader  # reads only

    store = JournalReader(data_dir_from(args))
    profile = store.read_profile()
    journal = store.read_journal()
    today = today_by(journal.day_starts_at)
    if args.json:
        from glutewake.core.history import history_document
        from glutewake.core.json_text import dumps  # as json.dumps writes it, without json

        document = history_document(journal, profile.phase, today, store.read_state().phase_changes)
        print(dumps(document, records=journal.record_count()))
    else:
        print(history_text(journal, profile.phase, today))
    return 0


def history_text(journal: Journal, phase: str, today: dt.date) -> str:
    """The readable history: headline, week, calendar with legend, last sessions and check."""
    from glutewake.core.advice import standing_advice
    from glutewake.core.history import calendar_weeks, morning_after, summarise

    summary = summarise(journal, today)
    streak = summary.streak
    week = summary.week
    kinds = (
        ", ".join(f"{kind} {minutes} min" for kind, minutes in sorted(week.minutes_by_kind.items()))
        or "no other activities"
    )
    lines = [
        f"Phase: {phase}",
        f"Streak: {counted(streak.current, 'day')} (longest {counted(streak.longest, 'day')})",
        f"Today: {'done' if summary.today_done else 'not done yet'}",
        f"This week: {counted(week.days_active, 'active day')}, "
        f"{counted(week.rehab_sessions, 'rehab session')}, "
        f"{kinds}",
        "",
        f"{f'Last {CALENDAR_WEEKS} weeks':<22}Mo Tu We Th Fr Sa Su",
    ]
    for row in calendar_weeks(journal, today, CALENDAR_WEEKS):
        marks = "  ".join(DAY_SYMBOLS[str(mark)] for _, mark in row)
        lines.append(f"  week of {row[0][0].isoformat()}  {marks}".rstrip())
    lines += [f"  {LEGEND}", ""]
    sessions = journal.sessions[-LAST_SESSIONS:]
    if sessions:
        lines.append("Last sessions")
        for s in reversed(sessions):
            pain = f", pain after {s.pain_after}" if s.pain_after is not None else ""
            if s.pain_during is not None:
                pain += f", it hurt {s.pain_during} during"
            morning = morning_after(journal, s)
            after = f"; next morning {morning_words(morning)}" if morning is not None else ""
            lines.append(
                f"  {s.started_at:%Y-%m-%d %H:%M}  {s.programme:<10} {s.status:<9} "
                f"({'logged' if s.source == 'log' else 'in the app'}; "
                f"{_done_of(s)}{pain}{after})"
            )
    else:
        lines.append(
            "No sessions yet: start one with `glutewake`, or record one with "
            "`glutewake log --programme beginner`."
        )
    if summary.last_check is not None:
        check = summary.last_check
        lines.append(f"Last symptom check: {journal.check_day(check)}, advice: {check.advice}")
    advice = standing_advice(journal, today)
    lines.append(f"Advice now: {advice.level or 'none yet'} — {advice.reason}")
    return "\n".join(lines)


def morning_words(morning: MorningCheck) -> str:
    """`worse, pain 6`: a morning-after answer in a few words."""
    pain = f", pain {morning.pain}" if morning.pain is not None else ""
    return f"{morning.compared}{pain}"


def _done_of(session: Session) -> str:
    """`20/20 reps, 8/8 stretches`: a stretch is a set held once (its target is 1)."""
    parts = []
    for word, sets in (
        ("reps", [x for x in session.sets if x.target > 1]),
        ("stretches", [x for x in session.sets if x.target <= 1]),
    ):
        if sets:
            parts.append(f"{sum(x.reps for x in sets)}/{sum(x.target for x in sets)} {word}")
    return ", ".join(parts) or "no sets"
