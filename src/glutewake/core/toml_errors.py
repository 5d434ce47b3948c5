"""Where tomllib says a TOML text is broken: the one reading of its "(at line L, column C)"."""

from __future__ import annotations

TYPE_CHECKING = False  # the TOML reader is loaded only by those that parse
if TYPE_CHECKING:
    import tomllib

# Patterns for re, loaded and compiled only for a file that does not parse.
_AT_LINE = r"\s*\(at line (\d+), column \d+\)"
_AT_END = r"\s*\(at end of document\)"


def toml_error_line(error: tomllib.TOMLDecodeError, text: str) -> tuple[int | None, str]:
    """The line tomllib's message names (the last line for "at end of document", None when it
    names none) and the message without the position."""
    import re  # only a file that does not parse gets here

    message = str(error)
    found = re.search(_AT_LINE, message)
    if found:
        return int(found.group(1)), message.replace(found.group(0), "").strip()
    end = re.search(_AT_END, message)
    if end:
        return max(1, len(text.splitlines())), message.replace(end.group(0), "").strip() + " at the end"
    return None, message
