"""`glutewake programme show NAME` and `glutewake programme check FILE`."""

from __future__ import annotations

from glutewake.cli.parser import subcommand

TYPE_CHECKING = False  # argparse is loaded only when a command line needs it
if TYPE_CHECKING:
    import argparse


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], parents: list[argparse.ArgumentParser]
) -> None:
    sub = subcommand(
        subparsers,
        parents,
        "programme",
        examples=(
            "  glutewake programme show beginner > my-programme.toml\n"
            "  glutewake programme check my-programme.toml\n"
            "  glutewake --programme-file my-programme.toml\n"
        ),
        run="glutewake.cli.programme:run",
    )
    actions = sub.add_subparsers(title="actions", metavar="ACTION", required=True)
    show = subcommand(
        actions,
        parents,
        "show",
        help="print a built-in programme as a file",
        examples="  glutewake programme show advanced\n",
        run="glutewake.cli.programme:run_show",
    )
    show.add_argument("name", metavar="NAME", help="beginner, advanced or stretches")
    check = subcommand(
        actions,
        parents,
        "check",
        help="validate your own programme file",
        examples="  glutewake programme check my-programme.toml\n",
        run="glutewake.cli.programme:run_check",
    )
    check.add_argument("file", metavar="FILE", help="a programme .toml file")


def run_show(args: argparse.Namespace) -> int:
    from glutewake.programmes import builtin_text

    print(builtin_text(args.name), end="")
    return 0


def run_check(args: argparse.Namespace) -> int:
    import sys

    from glutewake.cli.options import data_dir_from, settings_from
    from glutewake.cli.render import duration
    from glutewake.core.programme import ProgrammeFileError, parse_programme
    from glutewake.core.timeline import compile_timeline
    from glutewake.programmes import cached, read_programme_file
    from glutewake.store.errors import tidy_path
    from glutewake.store.parsed import ParsedToml

    path = tidy_path(args.file)  # named as a Path would print it
    try:
        loads = cached(ParsedToml(data_dir_from(args)), None)
        programme = parse_programme(read_programme_file(path), path, loads)
    except ProgrammeFileError as error:
        for problem in error.problems:
            print(f"glutewake: {problem.render(error.source)}", file=sys.stderr)
        return 2
    timeline = compile_timeline(programme, settings_from(args))
    print(
        f"{path}: OK: programme {programme.name!r}, {len(timeline.sets)} sets, "
        f"{len(timeline.steps)} steps, {duration(timeline.total_seconds)} "
        f"at {timeline.count_seconds:g} s per count"
    )
    return 0


def run(args: argparse.Namespace) -> int:  # pragma: no cover - argparse requires an action
    return 2
