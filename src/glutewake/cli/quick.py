"""`glutewake status` the quick way: the command line read by hand, the status from the
summary cache alone.

A shell prompt runs `status` before every command, so this path imports only what it needs:
no argparse, no TOML reader, no `pathlib`, `typing`, `dataclasses` or platformdirs. It answers
only when it is sure to print what the ordinary way (`cli/status.py`) would: a command line
of nothing but `status`, `--json`, `--format T` and `--data-dir DIR`, and a summary cache
that knows every journal file and `settings.toml` in their present, settled versions. For
anything else it returns None and the ordinary way runs, reading what changed, refreshing
the cache, and reporting any problem in its own words.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    from collections.abc import Sequence

# The options `status` accepts that take a value, and those that do not.
VALUED = ("--data-dir", "--format")
FLAGS = ("--json",)


def parse(words: Sequence[str]) -> dict[str, str] | None:
    """The options of a plain `status` command line, or None when argparse must read it
    (anything else, a repeated option, a value that looks like an option, --help, …)."""
    found: dict[str, str] = {}
    command = False
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if word == "status" and not command:
            command = True
            continue
        name, equals, value = word.partition("=")
        if name in VALUED and (command or name == "--data-dir"):
            if not equals:
                if index == len(words):
                    return None
                value = words[index]
                index += 1
            if name in found or not value or value.startswith("-"):
                return None
            found[name] = value
        elif word in FLAGS and command and word not in found:
            found[word] = ""
        else:
            return None
    if not command or ("--json" in found and "--format" in found):
        return None
    return found


def data_dir(options: dict[str, str]) -> str:
    """--data-dir, then $GLUTEWAKE_DATA_DIR, then the platform default (as `data_dir_from`)."""
    given = options.get("--data-dir") or os.environ.get("GLUTEWAKE_DATA_DIR")
    if given:
        return os.path.expanduser(given)
    from glutewake.cli.default_dir import default_data_dir

    return default_data_dir()


def quick_status(words: Sequence[str]) -> int | None:
    """Print the status and return 0 when the snapshot answers for certain, else None.

    A bad `--format` template is refused here (UserError) as the ordinary way would refuse it.
    """
    options = parse(words)
    if options is None:
        return None
    from glutewake.cli import status_text

    template = options.get("--format")
    if template is not None:
        status_text.check_template(template)
    try:
        from glutewake.store import snapshot

        values = snapshot.read(data_dir(options))
    except Exception:  # anything odd: the ordinary way reads the files and says what is wrong
        return None
    if values is None:
        return None
    status = status_text.Status.of(values)
    print(status_text.show(status, as_json="--json" in options, template=template))
    return 0
