"""The report as Markdown: the same sections and tables as the HTML page, without the charts
(their numbers are the tables), readable in a terminal and on a code forge."""

from __future__ import annotations

from glutewake.core.report_text import empty_message, figures, period, sections, subtitle
from glutewake.core.report_words import NOTE, TITLE, Section, Table

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    from glutewake.core.report_model import Report


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown document."""
    lines = [f"# {_inline(TITLE)}", "", _inline(subtitle(report)), "", f"**{_inline(period(report))}**", ""]
    if report.empty:
        lines += [_inline(empty_message(report)), ""]
    else:
        lines += [
            f"- **{_inline(f.label)}:** {_inline(f.value)} ({_inline(f.detail)})" for f in figures(report)
        ]
        lines.append("")
        for section in sections(report):
            lines += _section(section)
    lines += ["---", "", f"*Please note.* {_inline(NOTE)}", ""]
    return "\n".join(lines)


def _section(section: Section) -> list[str]:
    lines = [f"## {_inline(section.title)}", ""]
    for text in section.paragraphs:
        lines += [_inline(text), ""]
    if section.table is not None:
        lines += [*_table(section.table), ""]
    for text in section.after:
        lines += [f"*{_inline(text)}*", ""]
    return lines


def _table(table: Table) -> list[str]:
    def row(cells: tuple[str, ...], *, bold: bool = False) -> str:
        mark = "**" if bold else ""
        return "| " + " | ".join(f"{mark}{_cell(cell)}{mark}" if cell else "" for cell in cells) + " |"

    rule = "|" + "|".join("---:" if numeric else "---" for numeric in table.numeric) + "|"
    body = [row(cells, bold=cells[0] == "total") for cells in table.rows]
    return [row(table.headers), rule, *body]


def _cell(text: str) -> str:
    return _inline(text).replace("|", "\\|")


MARKDOWN_SPECIALS = "\\`*_[]<>#"


def _inline(text: str) -> str:
    """Text with Markdown's special characters escaped and line breaks turned to spaces."""
    flat = text.replace("\r", " ").replace("\n", " ")
    return "".join(f"\\{c}" if c in MARKDOWN_SPECIALS else c for c in flat)
