"""The report as one HTML page that stands alone: inline CSS, inline SVG, nothing fetched.

No script, no web font, no link to anywhere: the page reads the same offline, on a phone
and on paper (print CSS for A4; the default six weeks fit on two pages). Every piece of
text from the journal is escaped.
"""

from __future__ import annotations

from html import escape

from glutewake.core.report_charts import adherence_chart, morning_chart, pain_chart, reps_chart
from glutewake.core.report_text import empty_message, figures, period, sections, subtitle
from glutewake.core.report_words import NOTE, TITLE, Section, Table

TYPE_CHECKING = False  # `typing` costs every command's start
if TYPE_CHECKING:
    from glutewake.core.report_model import Report
    from glutewake.core.report_words import ChartKind

CSS = """
:root { color-scheme: light; }
html { font-size: 15px; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1d2125;
  font: 1rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; background: #fff; }
header { border-bottom: 3px solid #2a7f62; padding-bottom: .5rem; margin-bottom: .75rem; }
h1 { font-size: 1.45rem; margin: 0 0 .2rem; }
h2 { font-size: 1.08rem; margin: 1.1rem 0 .35rem; padding-bottom: .15rem; border-bottom: 1px solid #d0d5da; }
p { margin: .25rem 0; }
.lead { color: #3d454d; }
.period { font-weight: 600; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .5rem;
  margin: .6rem 0 .2rem; padding: 0; }
.figure { border: 1px solid #d0d5da; border-left: 4px solid #2a7f62; border-radius: 4px;
  padding: .35rem .6rem; }
.figure dt { font-size: .78rem; text-transform: uppercase; letter-spacing: .04em; color: #5a636c; }
.figure dd { margin: 0; }
.figure .value { display: block; font-size: 1.15rem; font-weight: 700; }
.figure .detail { display: block; font-size: .82rem; color: #3d454d; }
.columns { display: grid; grid-template-columns: 1fr; gap: 0 1rem; align-items: start; }
.pair { display: grid; grid-template-columns: 1fr; gap: .5rem; align-items: start; }
.chart { width: 100%; height: auto; display: block; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .86rem; font-variant-numeric: tabular-nums; }
th, td { padding: .2rem .4rem; border-bottom: 1px solid #e4e8ec; text-align: left; vertical-align: top; }
th { background: #eef1f4; font-weight: 600; font-size: .78rem; }
td.n, th.n { text-align: right; }
td { white-space: nowrap; }
td:last-child { white-space: normal; }
tbody.long tr:first-child td { border-bottom: none; padding-bottom: 0; white-space: nowrap; }
tbody.long td[colspan] { white-space: normal; color: #3d454d; }
.label { font-weight: 600; color: #1d2125; }
tr.total td { font-weight: 700; border-top: 2px solid #8a949e; }
.after { font-size: .8rem; color: #5a636c; }
.note { margin-top: 1rem; padding: .5rem .7rem; border: 1px solid #d0d5da; border-radius: 4px;
  background: #f7f8fa; font-size: .84rem; }
.empty { font-size: 1.05rem; padding: 1rem 0; }
@media (min-width: 48rem) {
  main { padding: 1.5rem 2rem; margin: 1rem auto; border-radius: 6px; }
  .pair { grid-template-columns: 11fr 9fr; }
  .pair.wide { grid-template-columns: 1fr; }
  .columns-2 { grid-template-columns: repeat(2, 1fr); }
  .columns-3 { grid-template-columns: repeat(3, 1fr); }
}
@page { size: A4; margin: 11mm 12mm; }
@media print {
  html { font-size: 8.6pt; }
  body { background: #fff; line-height: 1.25; }
  main { max-width: none; padding: 0; margin: 0; }
  header { padding-bottom: 1.2mm; margin-bottom: 1.5mm; }
  h1 { font-size: 1.6rem; }
  h2 { font-size: 1.15rem; margin: 2.6mm 0 1mm; break-after: avoid; }
  .figures { grid-template-columns: repeat(4, 1fr); gap: 2mm; margin: 1.5mm 0 0; }
  .figure { padding: .8mm 2mm; }
  .pair { grid-template-columns: 1fr 1fr; gap: 4mm; }
  .columns { gap: 0 4mm; }
  .columns-2 { grid-template-columns: repeat(2, 1fr); }
  .columns-3 { grid-template-columns: repeat(3, 1fr); }
  table { font-size: .92rem; }
  th { font-size: .85rem; }
  th, td { padding: .25mm 1.2mm; }
  tr, tbody.long, .figure, .pair, .head { break-inside: avoid; }
  .head { break-after: avoid; }
  .scroll { overflow: visible; }
  .note { margin-top: 2.5mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def render_html(report: Report) -> str:
    """The whole page as one string."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(TITLE)} · {report.first_day.isoformat()} to {report.today.isoformat()}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f"<h1>{escape(TITLE)}</h1>",
        f'<p class="lead">{escape(subtitle(report))}</p>',
        f'<p class="period">{escape(period(report))}</p>',
        "</header>",
    ]
    if report.empty:
        parts.append(f'<p class="empty">{escape(empty_message(report))}</p>')
    else:
        parts.append(_figures(report))
        parts.extend(_section(report, section) for section in sections(report))
    parts += [
        f'<p class="note"><strong>Please note.</strong> {escape(NOTE)}</p>',
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _figures(report: Report) -> str:
    items = "".join(
        f'<div class="figure"><dt>{escape(f.label)}</dt><dd><span class="value">{escape(f.value)}</span>'
        f'<span class="detail">{escape(f.detail)}</span></dd></div>'
        for f in figures(report)
    )
    return f'<dl class="figures">{items}</dl>'


def _chart(report: Report, kind: ChartKind) -> str:
    weeks = report.weeks
    if kind == "adherence":
        return adherence_chart(weeks)
    if kind == "reps":
        return reps_chart(weeks)
    if kind == "morning":
        return morning_chart(weeks)
    return pain_chart(
        weeks,
        (
            ("during", "circle", "during running", [w.run_during for w in weeks]),
            ("after", "square", "after running", [w.run_after for w in weeks]),
            ("hurts", "triangle", "during sessions", [w.highest_pain_during for w in weeks]),
            ("session", "diamond", "pain now, after sessions", [w.highest_pain_after for w in weeks]),
        ),
    )


def _section(report: Report, section: Section) -> str:
    parts = [f'<section id="{escape(section.id)}">', f'<div class="head"><h2>{escape(section.title)}</h2>']
    parts.extend(f"<p>{escape(text)}</p>" for text in section.paragraphs)
    parts.append("</div>")
    table = _tables(section.table, section.columns) if section.table is not None else ""
    if section.chart is not None:
        chart = _chart(report, section.chart)
        parts.append(f'<div class="pair"><div>{chart}</div><div class="scroll">{table}</div></div>')
    elif table:
        parts.append(f'<div class="scroll">{table}</div>')
    parts.extend(f'<p class="after">{escape(text)}</p>' for text in section.after)
    parts.append("</section>")
    return "\n".join(parts)


LIST_ROWS = 6  # a list shorter than this stays one table


def _tables(table: Table, columns: int) -> str:
    """The table, or for a long list the table cut into up to `columns` tables of about equal
    length, set side by side where there is room (each keeps its headings)."""
    count = min(columns, max(1, -(-len(table.rows) // LIST_ROWS)))
    if count == 1:
        return _table(table)
    size = -(-len(table.rows) // count)
    parts = [
        _table(Table(table.headers, table.rows[start : start + size], table.numeric))
        for start in range(0, len(table.rows), size)
    ]
    return f'<div class="columns columns-{len(parts)}">{"".join(parts)}</div>'


def _table(table: Table) -> str:
    def cls(numeric: bool) -> str:
        return ' class="n"' if numeric else ""

    shown = len(table.headers) - 1 if table.long_last else len(table.headers)
    head = "".join(
        f'<th scope="col"{cls(numeric)}>{escape(header)}</th>'
        for header, numeric in zip(table.headers[:shown], table.numeric[:shown], strict=True)
    )
    rows = []
    for row in table.rows:
        total = ' class="total"' if row[0] == "total" else ""
        cells = "".join(
            f"<td{cls(numeric)}>{escape(cell)}</td>"
            for cell, numeric in zip(row[:shown], table.numeric[:shown], strict=True)
        )
        rows.append(f"<tr{total}>{cells}</tr>")
        if table.long_last:
            words = f'<span class="label">{escape(table.headers[-1])}:</span> {escape(row[-1])}'
            rows[-1] = f'<tbody class="long">{rows[-1]}<tr><td colspan="{shown}">{words}</td></tr></tbody>'
    body = "".join(rows) if table.long_last else f"<tbody>{''.join(rows)}</tbody>"
    return f"<table><thead><tr>{head}</tr></thead>{body}</table>"
