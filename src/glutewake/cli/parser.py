"""The argument parser: global options, then one sub-parser per command module.

argparse is loaded only to build it: a plain command line is read without it
(`cli/fastargs.py`), from what the same command modules describe.
"""

from __future__ import annotations

import os
import sys

from glutewake import __version__
from glutewake.cli.options import add_global_options

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import NoReturn

# Each command's module defines `add_parser(subparsers, parents)` and `run(args) -> int`.
# They import only argparse at module level; a command line that names its command builds
# only that command's parser (help and a mistyped command build them all).
COMMANDS = {
    "plan": "glutewake.cli.plan",
    "programme": "glutewake.cli.programme",
    "log": "glutewake.cli.log",
    "history": "glutewake.cli.history",
    "status": "glutewake.cli.status",
    "export": "glutewake.cli.export",
    "import": "glutewake.cli.importing",
    "delete": "glutewake.cli.delete",
    "repair": "glutewake.cli.repair",
    "report": "glutewake.cli.report",
    "settings": "glutewake.cli.settings",
    "sound": "glutewake.cli.sound",
}
# The global options that take a value (--data-dir DIR or --data-dir=DIR).
GLOBAL_VALUED = ("--data-dir", "--count-seconds", "--programme-file")

EPILOG = """\
examples:
  glutewake                          open the full-screen coach
  glutewake plan beginner            the beginner session, step by step
  glutewake --count-seconds 0.5 plan advanced --json
"""


def _argparse_classes() -> tuple[type[argparse.ArgumentParser], type[argparse.HelpFormatter]]:
    """OneLineParser and HelpFormatter, made (with argparse) the first time a parser is built."""
    global _CLASSES
    if _CLASSES is not None:
        return _CLASSES
    import argparse

    class OneLineParser(argparse.ArgumentParser):
        """Bad arguments give one clear stderr line and exit 2, not a usage dump."""

        def error(self, message: str) -> NoReturn:
            self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")

    class HelpFormatter(argparse.RawDescriptionHelpFormatter):
        """argparse's formatter, told the terminal's width so that argparse does not import
        `shutil` (and its archive modules) to ask; the same width `shutil` would find."""

        def __init__(
            self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
        ) -> None:
            super().__init__(
                prog, indent_increment, max_help_position, terminal_columns() - 2 if width is None else width
            )

    _CLASSES = (OneLineParser, HelpFormatter)
    return _CLASSES


_CLASSES: tuple[type[argparse.ArgumentParser], type[argparse.HelpFormatter]] | None = None


def terminal_columns() -> int:
    """$COLUMNS, else the width of the terminal on stdout, else 80 (like `shutil`)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def first_word(words: Sequence[str]) -> str | None:
    """The first word after the global options and their values (None: there is none)."""
    rest = iter(words)
    for word in rest:
        if word in GLOBAL_VALUED:
            next(rest, None)
        elif not word.startswith(tuple(f"{option}=" for option in GLOBAL_VALUED)):
            return word
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line of glutewake; given `argv`, only the command it names (when it
    surely names one), none when it names none or asks only for the version."""
    OneLineParser, HelpFormatter = _argparse_classes()
    parser = OneLineParser(
        prog="glutewake",
        description="A terminal coach for gluteus medius rehabilitation.",
        epilog=EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"glutewake {__version__}")
    add_global_options(parser, suppress_defaults=False)
    common = OneLineParser(add_help=False, formatter_class=HelpFormatter)
    add_global_options(common, suppress_defaults=True)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    first = None if argv is None else first_word(argv)
    if first in COMMANDS:
        modules = [COMMANDS[first]]
    elif argv is not None and first in (None, "--version"):
        modules = []  # the full-screen app, or the version: no command's parser is needed
    else:
        modules = list(COMMANDS.values())  # help, or a word argparse will name as wrong
    for name in modules:
        __import__(name, fromlist=["add_parser"]).add_parser(subparsers, [common])
    return parser


def subcommand(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
    name: str,
    *,
    help: str,
    examples: str,
    run: str,
) -> argparse.ArgumentParser:
    """Add one command with its help text, examples and the `module:function` that runs it
    (to argparse, or to the `fastargs.Recorder` that reads a plain command line)."""
    formatter = {} if getattr(subparsers, "records", False) else {"formatter_class": _argparse_classes()[1]}
    sub: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help=help,
        description=help[0].upper() + help[1:] + ".",
        epilog="examples:\n" + examples,
        parents=parents,
        **formatter,  # type: ignore[arg-type]
    )
    sub.set_defaults(run=run)
    return sub
