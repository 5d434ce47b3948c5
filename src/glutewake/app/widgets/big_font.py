"""A 5-pixel-high block font drawn with half blocks: three terminal rows a line.

For the cue on a large terminal, readable from the far side of a room. Only the
characters cues use are drawn; `fits` says whether a text can be drawn at all.
"""

from __future__ import annotations

_GLYPHS = """
A .XXX. X...X XXXXX X...X X...X
B XXXX. X...X XXXX. X...X XXXX.
C .XXXX X.... X.... X.... .XXXX
D XXXX. X...X X...X X...X XXXX.
E XXXXX X.... XXXX. X.... XXXXX
F XXXXX X.... XXXX. X.... X....
G .XXXX X.... X..XX X...X .XXXX
H X...X X...X XXXXX X...X X...X
I XXX .X. .X. .X. XXX
J ..XXX ...X. ...X. X..X. .XX..
K X...X X..X. XXX.. X..X. X...X
L X.... X.... X.... X.... XXXXX
M X...X XX.XX X.X.X X...X X...X
N X...X XX..X X.X.X X..XX X...X
O .XXX. X...X X...X X...X .XXX.
P XXXX. X...X XXXX. X.... X....
Q .XXX. X...X X.X.X X..X. .XX.X
R XXXX. X...X XXXX. X..X. X...X
S .XXXX X.... .XXX. ....X XXXX.
T XXXXX ..X.. ..X.. ..X.. ..X..
U X...X X...X X...X X...X .XXX.
V X...X X...X X...X .X.X. ..X..
W X...X X...X X.X.X XX.XX X...X
X X...X .X.X. ..X.. .X.X. X...X
Y X...X .X.X. ..X.. ..X.. ..X..
Z XXXXX ...X. ..X.. .X... XXXXX
0 .XXX. X..XX X.X.X XX..X .XXX.
1 .X. XX. .X. .X. XXX
2 XXXX. ....X .XXX. X.... XXXXX
3 XXXX. ....X .XXX. ....X XXXX.
4 X..X. X..X. XXXXX ...X. ...X.
5 XXXXX X.... XXXX. ....X XXXX.
6 .XXX. X.... XXXX. X...X .XXX.
7 XXXXX ....X ...X. ..X.. ..X..
8 .XXX. X...X .XXX. X...X .XXX.
9 .XXX. X...X .XXXX ....X .XXX.
· . . X . .
— ..... ..... XXXXX ..... .....
… ..... ..... ..... ..... X.X.X
- ... ... XXX ... ...
: . X . X .
"""

GLYPHS: dict[str, tuple[str, ...]] = {
    line[0]: tuple(line[2:].split()) for line in _GLYPHS.strip().splitlines()
}
GLYPHS[" "] = ("..",) * 5
HEIGHT = 3
# Upper pixel, lower pixel → the half block that shows both.
_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def fits(text: str) -> bool:
    """Whether every character of `text` has a glyph."""
    return all(char in GLYPHS for char in text)


def width(text: str) -> int:
    """Columns `text` takes: each glyph and one column between neighbours."""
    return sum(len(GLYPHS[char][0]) for char in text) + max(0, len(text) - 1)


def render(text: str) -> list[str]:
    """`text` as three rows of half blocks."""
    pixels = ["", "", "", "", "", ""]
    for index, char in enumerate(text):
        glyph = GLYPHS[char]
        for row in range(5):
            pixels[row] += ("." if index else "") + glyph[row]
    pixels[5] = "." * len(pixels[0])
    return [
        "".join(_HALVES[top == "X", bottom == "X"] for top, bottom in zip(
            pixels[pair], pixels[pair + 1], strict=True))
        for pair in (0, 2, 4)
    ]


def wrap(text: str, columns: int) -> list[str] | None:
    """Words of `text` in lines no wider than `columns`, or None if a word alone is wider."""
    lines: list[str] = []
    for word in text.split():
        if width(word) > columns:
            return None
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and width(candidate) <= columns:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines
