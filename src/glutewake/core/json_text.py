"""JSON text as `json.dumps` writes it and read as `json.loads` reads it, without loading the
json package.

`import json` loads `re`, and with it `enum`: about 7 ms of a command's start, more than a
small document takes to write by hand. Strings get json's own C quoting; a test holds the
text equal to json.dumps's, indented or not. Reading uses json's own C scanner, and leaves
any text it does not take whole to json.loads itself, which gives its own error.
"""

from __future__ import annotations

try:
    from _json import encode_basestring, encode_basestring_ascii  # what json.dumps quotes with
except ImportError:  # pragma: no cover - a Python without json's C part
    from json.encoder import py_encode_basestring as encode_basestring
    from json.encoder import py_encode_basestring_ascii as encode_basestring_ascii

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


BIG = 2000
"""Records in a document above which json's C encoder is worth loading json for: unindented,
it writes ten years of history (4 MB) in about 110 ms, this module in about 260 ms. Indented,
json writes in Python too, slower than this module."""


def dumps(value: object, indent: int | None = None, *, ensure_ascii: bool = False, records: int = 0) -> str:
    """`json.dumps(value, ensure_ascii=ensure_ascii, indent=indent)` (of dicts, lists, tuples,
    strings, numbers, booleans and None; anything else is a TypeError, as there). `records`:
    about how many records the document holds (json writes over BIG faster, unindented)."""
    if indent is None and records > BIG:
        import json

        return json.dumps(value, ensure_ascii=ensure_ascii)
    out: list[str] = []
    quote = encode_basestring_ascii if ensure_ascii else encode_basestring
    _Writer(out.append, quote, " " * (indent or 0)).write(value, None if indent is None else "\n")
    return "".join(out)


def _float(number: float) -> str:
    if number != number:
        return "NaN"
    if number in (float("inf"), float("-inf")):
        return "Infinity" if number > 0 else "-Infinity"
    return float.__repr__(number)


class _Writer:
    """Writes one value; `newline` is None on one line, else the line break and indent."""

    def __init__(self, put: Callable[[str], object], quote: Callable[[str], str], step: str) -> None:
        self.put, self.quote, self.step = put, quote, step

    def write(self, value: object, newline: str | None) -> None:
        put = self.put
        if isinstance(value, str):
            put(self.quote(value))
        elif value is None:
            put("null")
        elif value is True:
            put("true")
        elif value is False:
            put("false")
        elif isinstance(value, int):
            put(int.__repr__(value))
        elif isinstance(value, float):
            put(_float(value))
        elif isinstance(value, (list, tuple)):
            if not value:
                put("[]")
                return
            inner = self.open("[", newline)
            for nth, item in enumerate(value):
                if nth:
                    self.comma(inner)
                self.write(item, inner)
            put("]" if newline is None else newline + "]")
        elif isinstance(value, dict):
            if not value:
                put("{}")
                return
            inner = self.open("{", newline)
            for nth, (key, item) in enumerate(value.items()):
                if nth:
                    self.comma(inner)
                put(self.key(key) + ": ")
                self.write(item, inner)
            put("}" if newline is None else newline + "}")
        else:
            raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    def open(self, bracket: str, newline: str | None) -> str | None:
        """Writes the opening bracket; the line break and indent of the items (None: one line)."""
        if newline is None:
            self.put(bracket)
            return None
        inner = newline + self.step
        self.put(bracket + inner)
        return inner

    def comma(self, inner: str | None) -> None:
        self.put(", " if inner is None else "," + inner)

    def key(self, key: object) -> str:
        if isinstance(key, str):
            return self.quote(key)
        if key is True or key is False or key is None:
            return f'"{"true" if key is True else "false" if key is False else "null"}"'
        if isinstance(key, int):
            return f'"{int.__repr__(key)}"'
        if isinstance(key, float):
            return f'"{_float(key)}"'
        raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


WHITESPACE = " \t\n\r"  # what JSON allows around a value (json.loads's WHITESPACE)


def loads(text: str) -> Any:
    """`json.loads(text)`: json's C scanner reads the value; text it cannot read whole (a
    fault, a BOM, trailing data) goes to json.loads, which raises json.JSONDecodeError."""
    try:
        from _json import make_scanner
    except ImportError:  # pragma: no cover - a Python without json's C part
        return _json_loads(text)
    scan = make_scanner(_Context())  # type: ignore[arg-type]  # typeshed wants a decoder
    try:
        value, end = scan(text, len(text) - len(text.lstrip(WHITESPACE)))
    except Exception:  # noqa: BLE001 - json.loads reads it again and raises its own error
        # StopIteration (no value), JSONDecodeError, RecursionError; or, in Python 3.11, a
        # SystemError: the scanner names a fault with json.decoder's error only once json.decoder
        # is loaded.
        return _json_loads(text)
    return _json_loads(text) if text[end:].strip(WHITESPACE) else value


def _json_loads(text: str) -> Any:
    import json

    return json.loads(text)


class _Context:
    """What json's C scanner reads from its decoder: json.loads's defaults."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int

    @staticmethod
    def parse_constant(name: str) -> float:
        return {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}[name]
