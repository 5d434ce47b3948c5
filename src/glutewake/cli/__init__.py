"""The `glutewake` command: argparse front door; Textual is imported only for the app.

`glutewake status` (a shell prompt runs it before every command) first tries the quick way
(`cli/quick.py`: the summary cache alone, no argparse); whenever that cannot answer with
certainty, it goes the ordinary way below, which gives the same output and the same errors.
"""

from __future__ import annotations

import os
import sys

from glutewake.errors import UserError

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from pathlib import Path
    from typing import Any, TextIO


def _say(error: Exception) -> None:
    """The error on stderr, each of its lines (one per problem found) as `glutewake: …`."""
    for line in str(error).splitlines() or [""]:
        print(f"glutewake: {line}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for any bad input).

    What is still buffered is written before it returns: a reader that stopped early
    (`glutewake history | head`) is not an error, and is noticed here rather than by Python's
    flush at exit, which would print "Exception ignored … BrokenPipeError" and exit 120. An
    output that refuses what is written (`> /dev/full`, a full disk) is one line and exit 2."""
    words = sys.argv[1:] if argv is None else list(argv)
    shown = sys.stdout
    if shown is not None:  # None when started without one (`>&-`): print() is silent
        sys.stdout = _Output(shown)
    try:
        try:
            status = _answer(words)
        finally:  # argparse's --help and --version (and its refusals) end in SystemExit
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:
        _quiet_output()
        return 0
    except OutputError as error:
        print(f"glutewake: could not write to standard output: {error}", file=sys.stderr)
        _quiet_output()
        return 2
    finally:
        sys.stdout = shown
    return status


class OutputError(Exception):
    """Standard output refused what was written to it (a full disk, a device error)."""


class _Output:
    """Standard output, whose refusals are OutputError: one line and exit 2, not a crash. A
    closed pipe stays BrokenPipeError (a reader that stopped early is no error)."""

    __slots__ = ("stream",)

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        written: int = _refusal_told(self.stream.write, text)
        return written

    def flush(self) -> None:
        _refusal_told(self.stream.flush)

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding…: the stream's own
        return getattr(self.stream, name)


def _refusal_told(call: Callable[..., Any], *args: Any) -> Any:
    """`call(*args)`, a refused write (not a closed pipe) raised as OutputError."""
    try:
        return call(*args)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(error.strerror or str(error)) from None


def _quiet_output() -> None:
    """The rest of stdout goes to the null device, so the flush at exit has nothing to fail on."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):  # no stdout, or one without a file (a test's)
        pass


def _answer(words: list[str]) -> int:
    if words == ["--version"]:  # what argparse's version action prints, without argparse
        from glutewake import __version__

        print(f"glutewake {__version__}")
        return 0
    if "status" in words:
        from glutewake.cli.quick import quick_status

        try:
            answered = quick_status(words)
        except UserError as error:
            _say(error)
            return 2
        if answered is not None:
            return answered
    return _main(words)


def _main(argv: Sequence[str]) -> int:
    from glutewake.cli.fastargs import parse

    args = parse(argv)  # a plain command line, read without argparse
    if args is None:  # anything else: argparse, with its help and its messages
        from glutewake.cli.parser import build_parser

        args = build_parser(argv).parse_args(argv)
    target: str = getattr(args, "run", "glutewake.cli.tui:run")
    module_name, _, function_name = target.partition(":")
    try:
        # __import__ with a fromlist gives the module itself (importlib costs every start)
        run = getattr(__import__(module_name, fromlist=[function_name]), function_name)
        if module_name == "glutewake.cli.tui" and isinstance(sys.stdout, _Output):
            sys.stdout = sys.stdout.stream  # the full-screen app gets the terminal's own stream
        if module_name != "glutewake.cli.tui":  # the app only reads the parsed-TOML cache
            from glutewake.store.parsed import keep_entries

            keep_entries()
        status: int = run(args)
        if status == 0 and "glutewake.store.parsed" in sys.modules:
            from glutewake.store.parsed import save_entries

            save_entries()  # what was parsed, for the next command (never after a refusal)
    except UserError as error:
        _say(error)
        return 2
    except (BrokenPipeError, OutputError):  # main() says what each means for stdout
        raise
    except Exception as error:
        from glutewake.crash import debugging, report_crash

        if debugging(os.environ):
            raise
        print(report_crash(error, _data_dir_or_none(args)), file=sys.stderr)
        return 1
    return status


def _data_dir_or_none(args: argparse.Namespace) -> Path | None:
    # Where the crash log goes; any trouble finding the data dir sends it to the temp folder.
    from pathlib import Path  # only after a crash

    from glutewake.cli.options import data_dir_from

    try:
        return Path(data_dir_from(args))
    except Exception:
        return None
