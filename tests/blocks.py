"""Reading block letters back off a screen capture, to check what the big font drew."""

from __future__ import annotations

from glutewake.app.widgets import big_font

MAX_SCALE = 9


def block_scale(screen: str, text: str) -> int:
    """The largest scale at which `text` is drawn in block letters on `screen` (0: it is not)."""
    lines = screen.splitlines()
    for scale in range(MAX_SCALE, 0, -1):
        rows = [row.rstrip() for row in big_font.render(text, scale)]
        first = rows[0]
        for top, line in enumerate(lines[: len(lines) - len(rows) + 1]):
            column = line.find(first)
            while column >= 0:
                if all(lines[top + n][column : column + len(row)] == row for n, row in enumerate(rows)):
                    return scale
                column = line.find(first, column + 1)
    return 0


def shows_block(screen: str, text: str) -> bool:
    return block_scale(screen, text) > 0


def block_rows(screen: str, text: str) -> int:
    """Terminal rows `text` takes where it is drawn in block letters on `screen` (0: nowhere)."""
    scale = block_scale(screen, text)
    return big_font.rows(scale) if scale else 0
