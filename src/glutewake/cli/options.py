"""Global options shared by every command: where the data lives and how fast a count is."""

from __future__ import annotations

import os

from glutewake.core.settings import RANGES, SettingOutOfRange, Settings, check_in_range

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from pathlib import Path

SUPPRESS = "==SUPPRESS=="
"""argparse.SUPPRESS's text, for the fastargs Recorder: a default of this leaves the
attribute out."""


def count_seconds(text: str) -> float:
    """argparse type for --count-seconds: a number within the setting's range."""
    try:
        value = float(text)
    except ValueError:
        import argparse

        raise argparse.ArgumentTypeError(f"must be a number of seconds, got {text!r}") from None
    try:
        check_in_range("count seconds", value, RANGES["count_seconds"])
    except SettingOutOfRange as error:
        import argparse

        raise argparse.ArgumentTypeError(str(error)) from None
    return value


def add_global_options(parser: argparse.ArgumentParser, *, suppress_defaults: bool) -> None:
    """--data-dir, --count-seconds, --programme-file; accepted before or after the command."""
    default: object = None
    if suppress_defaults and getattr(parser, "records", False):
        default = SUPPRESS  # the fastargs Recorder's marker
    elif suppress_defaults:
        import argparse

        default = argparse.SUPPRESS  # argparse knows its own by identity
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="where your data lives (default: $GLUTEWAKE_DATA_DIR or your user data folder)",
    )
    parser.add_argument(
        "--count-seconds",
        metavar="S",
        type=count_seconds,
        default=default,
        help="seconds per count for this run only, 0.05-10 (overrides the setting)",
    )
    parser.add_argument(
        "--programme-file",
        metavar="FILE",
        type=path,
        default=default,
        help="play your own programme file instead of today's built-in one",
    )


def path(text: str) -> Path:
    """argparse type for a file or folder (pathlib is loaded only when one is given)."""
    from pathlib import Path

    return Path(text)


def today_by(day_starts_at: int) -> dt.date:
    """Today on the wall clock, by the user's day start (before it, still yesterday)."""
    import datetime as dt

    from glutewake.core.days import day_of

    return day_of(dt.datetime.now(), day_starts_at)


def data_dir_from(args: argparse.Namespace) -> str:
    """The data directory: --data-dir, then $GLUTEWAKE_DATA_DIR, then the platform default
    (a plain string: pathlib costs every command's start)."""
    if args.data_dir is not None:
        given: str = args.data_dir
        return user_path(given)
    from_env = os.environ.get("GLUTEWAKE_DATA_DIR")
    if from_env:
        return user_path(from_env)
    from glutewake.cli.default_dir import default_data_dir

    return default_data_dir()


def user_path(text: str) -> str:
    """A path the user typed, `~` expanded and written as pathlib would print it (`a//b/` is
    `a/b`), so that every message names it the same way."""
    from glutewake.store.errors import tidy_path

    return tidy_path(os.path.expanduser(text))


def settings_from(args: argparse.Namespace) -> Settings:
    """The user's saved settings (defaults if none yet), with --count-seconds applied."""
    from glutewake.store import ProfileFiles  # the settings alone: no journal code is loaded

    settings = ProfileFiles(data_dir_from(args)).read_profile().settings
    if args.count_seconds is not None:
        settings = settings.with_changes(count_seconds=args.count_seconds)
    return settings
