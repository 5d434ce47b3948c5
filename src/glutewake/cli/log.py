"""`glutewake log`: record a session, a rest day, another activity or the morning-after answer
away from the app."""

from __future__ import annotations

from glutewake.cli.parser import subcommand
from glutewake.core.records import MAX_ACTIVITY_MINUTES

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from glutewake.core.records import Compared, Session
    from glutewake.store import JournalWriter


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], parents: list[argparse.ArgumentParser]
) -> None:
    sub = subcommand(
        subparsers,
        parents,
        "log",
        examples=(
            "  glutewake log --programme beginner\n"
            "  glutewake log --date 2026-11-20 --rest\n"
            "  glutewake log --activity swimming --minutes 30\n"
            "  glutewake log --morning worse --pain 4\n"
        ),
        run="glutewake.cli.log:run",
    )
    sub.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the day it happened (default: today; never a future day)"
    )
    what = sub.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--programme",
        metavar="NAME|FILE",
        help="a completed session of this programme (beginner, advanced, …)",
    )
    what.add_argument("--rest", action="store_true", help="a rest day (keeps the streak)")
    what.add_argument(
        "--activity", metavar="KIND", help="another activity, such as swimming, cycling or elliptical"
    )
    what.add_argument(
        "--morning",
        metavar="better|same|worse",
        help="how your hip is this morning, compared with before your last session",
    )
    sub.add_argument("--minutes", metavar="N", help=f"how long the activity lasted, 1-{MAX_ACTIVITY_MINUTES}")
    sub.add_argument("--pain", metavar="N", help="with --morning: the pain this morning, 0-10")


def run(args: argparse.Namespace) -> int:
    """Check the command line, then write. Only what the write needs is read: settings.toml,
    the state files and the month written (with `--rest`, the next month too, which may hold
    a session of that day done before the day start). A file among them that does not parse
    stops it (exit 2, one line naming the file, nothing written); other months' files are not
    read, so a broken one does not stop `log` (the commands that read it, and `repair`, name
    it), and ten years of history cost no more than none."""
    import datetime as dt

    from glutewake.cli.options import data_dir_from, today_by
    from glutewake.core.journal import month_of
    from glutewake.errors import UserError
    from glutewake.store import JournalWriter  # the store without import and repair
    from glutewake.store.summary_update import keep_months

    store = JournalWriter(data_dir_from(args))
    today = today_by(store.day_starts_at())  # before the day start, --date means yesterday
    day = parse_day(args.date, today)
    minutes = parse_minutes(args.minutes) if args.minutes is not None else None
    if args.activity is None and minutes is not None:
        raise UserError("--minutes goes with --activity KIND")
    if args.activity is not None and minutes is None:
        raise UserError(f"--activity needs --minutes N (1-{MAX_ACTIVITY_MINUTES})")
    if args.morning is None and args.pain is not None:
        raise UserError("--pain goes with --morning better|same|worse")
    morning = morning_answer(args.morning, args.pain) if args.morning is not None else None
    day_starts_at = store.read_profile().settings.day_starts_at  # a broken file stops it here
    month = month_of(day)
    read = [month]
    if args.rest:
        before = store.read_month(month, day_starts_at=day_starts_at).rest_days
        read.append(month_of(day + dt.timedelta(days=1)))
        rest = store.add_rest_day(day)
        already = any(r.id == rest.id for r in before)
        print(f"{day.isoformat()} {'was already' if already else 'is now'} a rest day (id {rest.id}).")
    elif morning is not None:
        compared, pain = morning
        answer = store.add_morning_check(day, compared, pain)  # reads the month first
        said = f", pain {answer.pain}" if answer.pain is not None else ""
        print(f"Logged the morning of {day.isoformat()}: {answer.compared}{said} (id {answer.id}).")
    elif args.activity is not None:
        assert minutes is not None
        store.read_month(month, day_starts_at=day_starts_at)  # every file of it parses
        activity = store.add_activity(day, activity_kind(args.activity), minutes)
        print(f"Logged {activity.minutes} min of {activity.kind} on {day.isoformat()} (id {activity.id}).")
    else:
        session = completed_session(store, args.programme, day, today, args.count_seconds)
        read = [month_of(session.started_at)]  # before the day start, the next day's month
        store.read_month(read[0], day_starts_at=day_starts_at)
        store.save_session(session)
        print(
            f"Logged a completed {session.programme} session on {day.isoformat()} "
            f"({len(session.sets)} sets; id {session.id})."
        )
    # The write went through: the summary cache gets the months read (a new cache of just
    # those when there was none), so the next scan parses only the months it lacks.
    keep_months(store, read, day_starts_at)
    return 0


def parse_day(text: str | None, today: dt.date) -> dt.date:
    """--date as a date: YYYY-MM-DD, not in the future, not before 1900."""
    from glutewake.core import log_entry

    return log_entry.parse_day(text, today, name="--date")


def parse_minutes(text: str) -> int:
    """--minutes as a whole number from 1 to `MAX_ACTIVITY_MINUTES`."""
    from glutewake.core import log_entry

    return log_entry.parse_minutes(text, name="--minutes")


def morning_answer(compared: str, pain: str | None) -> tuple[Compared, int | None]:
    """--morning and --pain, checked: better, same or worse, and a whole number 0-10."""
    from glutewake.core import log_entry

    return (
        log_entry.parse_compared(compared, name="--morning"),
        None if pain is None else log_entry.parse_pain(pain, name="--pain"),
    )


def activity_kind(text: str) -> str:
    """An activity kind: a word or two of letters, digits, spaces or hyphens, in lower case."""
    from glutewake.core import log_entry

    return log_entry.activity_kind(text, name="--activity")


def completed_session(
    store: JournalWriter,
    programme_name: str,
    day: dt.date,
    today: dt.date,
    count_seconds: float | None = None,
) -> Session:
    """A completed `source = "log"` session of the programme on `day`, not yet saved."""
    import datetime as dt

    from glutewake.core.days import day_start
    from glutewake.core.records import Session, SetRecord, new_id
    from glutewake.core.timeline import compile_timeline
    from glutewake.programmes import load_programme

    programme = load_programme(programme_name, store.parsed)
    profile = store.read_profile()
    settings = profile.settings
    if count_seconds is not None:
        settings = settings.with_changes(count_seconds=count_seconds)
    timeline = compile_timeline(programme, settings)
    length = dt.timedelta(seconds=round(timeline.total_seconds))
    now = dt.datetime.now().astimezone().replace(microsecond=0)
    if day == today:  # it ended just now, and started no earlier than today's day start
        begins = day_start(day, store.day_starts_at()).astimezone()
        started = max(now - length, begins)
    else:
        started = dt.datetime.combine(day, dt.time(12, 0)).astimezone()
    session = Session(
        id=new_id(),
        programme=programme.name,
        phase=programme.phase or profile.phase,
        started_at=started,
        ended_at=started + length,
        status="completed",
        source="log",
        sets=tuple(SetRecord(s.exercise, s.side, s.target, s.target) for s in timeline.sets),
    )
    return session
