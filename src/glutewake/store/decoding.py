"""Data files as text: decoding with named errors, and the line of a fault (tomllib keeps no
positions) for the error messages of every file's codec."""

from __future__ import annotations

from glutewake.core.toml_errors import toml_error_line
from glutewake.store.errors import FutureSchema, MalformedFile
from glutewake.store.schema import CURRENT, Document, migrate

TYPE_CHECKING = False  # `typing` costs every command's start: types for mypy only
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from glutewake.core.fields import FieldError
    from glutewake.store.errors import StrPath

END_MARK = "# end of journal"


def parse_document(
    path: StrPath, data: bytes, kind: str, loads: Callable[[str], Document] | None = None
) -> tuple[Document, str]:
    """Decode, parse and migrate a data file; MalformedFile/FutureSchema name what is wrong.
    `loads` reads the TOML text (the store passes its parsed-TOML cache), else tomllib."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise MalformedFile(path, 1, "starts with a byte-order mark (BOM); save it as UTF-8 without a BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise MalformedFile(path, line, f"not valid UTF-8 text (byte {error.start})") from None
    if loads is None:
        import tomllib

        loads = tomllib.loads
    try:
        document = loads(text)
    except ValueError as error:  # tomllib.TOMLDecodeError is one; tomllib is loaded by then
        import tomllib

        if not isinstance(error, tomllib.TOMLDecodeError):
            raise
        at, reason = toml_error_line(error, text)
        raise MalformedFile(path, at, f"not valid TOML: {reason}") from None
    schema = document.get("schema")
    where = Where(text)
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        raise MalformedFile(
            path, where.key_line("schema"), f"expected a line `schema = N` (N >= 1), found {schema!r}"
        )
    if schema > CURRENT[kind]:
        raise FutureSchema(path, schema, CURRENT[kind])
    if kind in ("journal", "state") and not _has_end_mark(text):
        raise MalformedFile(
            path,
            text.rstrip("\n").count("\n") + 1,
            f"the last line `{END_MARK}` is missing, so the file may be cut short "
            "(if you edited it by hand, put that line back at the end)",
        )
    return migrate(kind, document, schema), text


def _has_end_mark(text: str) -> bool:
    # Only "\n" ends a line here: str.splitlines() would also split at U+2028 and friends,
    # which TOML allows inside a string, so a mark planted in a value could pass for the end.
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return bool(lines) and lines[-1].removesuffix("\r") == END_MARK


class Where:
    """Finds the line of a record or key (tomllib keeps no positions), for error messages.
    Only a fault needs one, so `re` is loaded then, not at every command's start."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")  # TOML's line breaks only, as tomllib counts them

    def key_line(self, key: str, start: int = 1) -> int | None:
        import re

        pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number in range(start, len(self.lines) + 1):
            if pattern.match(self.lines[number - 1]):
                return number
        return None

    def id_lines(self, record_id: str) -> list[int]:
        """Every line that gives a record this id, first to last."""
        import re

        needle = re.compile(rf"(^|[{{,\s])id\s*=\s*[\"']{re.escape(record_id)}[\"']")
        return [n for n, line in enumerate(self.lines, 1) if needle.search(line)]

    def record_line(self, section: str, record: Any, key: str | None = None) -> int | None:
        import re

        start = None
        record_id = record.get("id") if isinstance(record, dict) else None
        if isinstance(record_id, str) and record_id:
            needle = re.compile(rf"(^|[{{,\s])id\s*=\s*[\"']{re.escape(record_id)}[\"']")
            start = next((n for n, line in enumerate(self.lines, 1) if needle.search(line)), None)
        if start is None:
            start = next(
                (
                    n
                    for n, line in enumerate(self.lines, 1)
                    if line.strip() == f"[[{section}]]" or line.lstrip().startswith(f"{section} =")
                ),
                None,
            )
        if start is None or key is None:
            return start
        if re.search(rf"(^|[{{,\s]){re.escape(key)}\s*=", self.lines[start - 1]):
            return start
        # A [[table]] record: its keys follow on the next lines, up to the next table.
        for number in range(start + 1, len(self.lines) + 1):
            line = self.lines[number - 1].strip()
            if line.startswith("[[") or line.startswith("{ id"):
                break
            if re.match(rf"{re.escape(key)}\s*=", line):
                return number
        return start


def line_of(where: Where, document: Document, error: FieldError) -> int | None:
    """The line of the field the reader refused: a top-level key, or a record's key (a set's
    fault is shown at its session's `sets`)."""
    if not error.path:
        return None if error.key is None else where.key_line(error.key) or where.record_line(error.key, None)
    section, index = str(error.path[0]), error.path[1]
    record = document[section][index]
    key = str(error.path[2]) if len(error.path) > 2 else error.key
    return where.record_line(section, record, key)


def refuse_repeated(path: StrPath, where: Where, sections: Iterable[tuple[str, Iterable[Any]]]) -> None:
    """MalformedFile at the first id used twice within one section, naming both its lines."""
    for section, records in sections:
        seen: set[str] = set()
        for record in records:
            if record.id in seen:
                lines = where.id_lines(record.id)
                first, second = (lines + [None, None])[:2]
                also = f" and line {second}" if second is not None else ""
                raise MalformedFile(
                    path,
                    first,
                    f"the id {record.id!r} is used twice in `{section}` (here{also}); "
                    "every record needs its own id",
                )
            seen.add(record.id)
