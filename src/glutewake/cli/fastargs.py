"""A plain command line read without argparse, which with gettext and locale costs every
command a quarter of a bare Python's start.

The command's own `add_parser` describes its arguments to a `Recorder` (the few argparse
calls the command modules make); `parse` then reads a command line that names a command and
uses only its exact option names, each once, with values that do not start with `-`. It
gives the namespace argparse would give, or None whenever anything is unusual (help, an
abbreviation, a missing or extra argument, a value the type refuses, two choices of one
group, `--`): then argparse reads the line, with its own messages. A test holds the two
readings equal over every example and test command line.
"""

from __future__ import annotations

from types import SimpleNamespace

from glutewake.cli.options import SUPPRESS
from glutewake.cli.parser import COMMANDS, first_word

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

_MISSING = object()


class Unsupported(Exception):
    """A command describes its arguments in a way `parse` does not read: argparse does."""


class Argument:
    """One add_argument call: an option (`--name`) or a positional."""

    def __init__(self, names: tuple[str, ...], options: dict[str, object], group: Group | None) -> None:
        known = {"action", "type", "choices", "default", "metavar", "help", "nargs", "required", "dest"}
        if set(options) - known or len(names) != 1:
            raise Unsupported(names)
        self.name = names[0]
        self.optional = self.name.startswith("-")
        if self.optional and not self.name.startswith("--"):
            raise Unsupported(names)
        action = options.get("action", "store")
        nargs = options.get("nargs")
        if action not in ("store", "store_true") or nargs not in (None, "?") or (self.optional and nargs):
            raise Unsupported(names)
        if not self.optional and "-" in self.name:
            raise Unsupported(names)
        self.flag = action == "store_true"
        self.dest = str(options.get("dest") or self.name.lstrip("-").replace("-", "_"))
        self.type: Callable[[str], object] | None = options.get("type")  # type: ignore[assignment]
        self.choices: tuple[object, ...] | None = options.get("choices")  # type: ignore[assignment]
        self.default = options.get("default", False if self.flag else None)
        self.required = bool(options.get("required")) or (not self.optional and nargs is None)
        self.group = group

    def convert(self, text: str) -> object:
        value = self.type(text) if self.type is not None else text
        if self.choices is not None and value not in self.choices:
            raise ValueError(value)
        return value


class Group:
    """A mutually exclusive group: at most one of its arguments (exactly one if required)."""

    def __init__(self, parser: Recorder, required: bool) -> None:
        self.parser, self.required = parser, required

    def add_argument(self, *names: str, **options: object) -> None:
        self.parser.arguments.append(Argument(names, options, self))


class Recorder:
    """What a command's `add_parser` says to its parser, kept to read a command line by."""

    records = True  # `subcommand` gives no argparse help formatter to a Recorder

    def __init__(self, parents: Sequence[Recorder] = ()) -> None:
        self.arguments: list[Argument] = [a for parent in parents for a in parent.arguments]
        self.defaults: dict[str, object] = {}
        self.commands: dict[str, Recorder] | None = None
        self.commands_required = False

    # -- the argparse calls the command modules make ---------------------------------------
    def add_argument(self, *names: str, **options: object) -> None:
        self.arguments.append(Argument(names, options, None))

    def add_mutually_exclusive_group(self, *, required: bool = False) -> Group:
        return Group(self, required)

    def set_defaults(self, **defaults: object) -> None:
        self.defaults.update(defaults)

    def add_subparsers(self, *, required: bool = False, **_shown: object) -> Recorder:
        self.commands, self.commands_required = {}, required
        return self

    def add_parser(self, name: str, *, parents: Sequence[Recorder] = (), **_shown: object) -> Recorder:
        if self.commands is None:
            raise Unsupported(name)
        self.commands[name] = Recorder(parents)
        return self.commands[name]


def parse(argv: Sequence[str]) -> argparse.Namespace | None:
    """The namespace argparse gives for `argv` (its attributes; a SimpleNamespace), or None:
    let argparse read it."""
    from glutewake.cli.options import add_global_options

    words = list(argv)
    top = Recorder()
    add_global_options(top, suppress_defaults=False)  # type: ignore[arg-type]
    common = Recorder()
    add_global_options(common, suppress_defaults=True)  # type: ignore[arg-type]
    commands = top.add_subparsers()
    name = first_word(words)
    if name not in COMMANDS:
        return None
    try:
        __import__(COMMANDS[name], fromlist=["add_parser"]).add_parser(commands, [common])
        return _read(top, words)  # type: ignore[return-value]  # read as argparse's by the commands
    except (Unsupported, AttributeError, TypeError):
        return None


def _read(parser: Recorder, words: list[str]) -> SimpleNamespace | None:
    values: dict[str, object] = {}
    for argument in parser.arguments:
        if argument.default != SUPPRESS:
            values[argument.dest] = argument.default
    for dest, default in parser.defaults.items():
        values.setdefault(dest, default)  # an argument's own default comes first, as in argparse
    seen: set[Argument] = set()
    positionals = [a for a in parser.arguments if not a.optional]
    options = {a.name: a for a in parser.arguments if a.optional}
    given: list[str] = []
    run_ended = False  # positionals must come in one run (argparse splits runs its own way)
    index = 0
    while index < len(words):
        word = words[index]
        if word.startswith("-") and word != "-":  # a lone `-` is a value (standard input/output)
            name, equals, inline = word.partition("=")
            option = options.get(name)
            if option is None or option in seen:
                return None  # help, `--`, an abbreviation, a repeat, a negative number, a typo
            if option.flag:
                if equals:
                    return None
                value: object = True
            else:
                if not equals:
                    index += 1
                    if index >= len(words) or (words[index].startswith("-") and words[index] != "-"):
                        return None
                    inline = words[index]
                try:
                    value = option.convert(inline)
                except Exception:
                    return None  # argparse names the bad value
            seen.add(option)
            values[option.dest] = value
            run_ended = run_ended or bool(given)
            index += 1
            continue
        if parser.commands is not None and not positionals:
            sub = parser.commands.get(word)
            if sub is None:
                return None
            inner = _read(sub, words[index + 1 :])
            if inner is None or not _complete(parser, seen, positionals, given):
                return None
            values.update(vars(inner))  # argparse copies the command's namespace over its own
            return SimpleNamespace(**values)
        if run_ended:
            return None
        given.append(word)
        index += 1
    if parser.commands is not None and parser.commands_required:
        return None
    if not _complete(parser, seen, positionals, given):
        return None
    for argument, text in zip(positionals, given, strict=False):
        try:
            values[argument.dest] = argument.convert(text)
        except Exception:
            return None
    for argument in parser.arguments:
        unread = argument not in seen and argument not in positionals[: len(given)]
        if unread and isinstance(argument.default, str) and argument.default != SUPPRESS and argument.type:
            return None  # argparse would convert a text default: not read here
    return SimpleNamespace(**values)


def _complete(parser: Recorder, seen: set[Argument], positionals: list[Argument], given: list[str]) -> bool:
    """Every required argument given, at most one of each group (exactly one if required),
    no positional too many."""
    if len(given) > len(positionals) or any(a.required for a in positionals[len(given) :]):
        return False
    groups: dict[Group, int] = {}
    for argument in parser.arguments:
        if argument.optional and argument.required and argument.group is None and argument not in seen:
            return False
        if argument.group is not None:
            groups.setdefault(argument.group, 0)
            groups[argument.group] += argument in seen
    return all(count <= 1 and (count == 1 or not group.required) for group, count in groups.items())
