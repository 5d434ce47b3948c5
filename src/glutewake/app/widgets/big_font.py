"""A 5-pixel-high block font drawn with half blocks: three terminal rows a line.

For the cue on a large terminal, readable from the far side of a room. Only the
characters cues use are drawn; `fits` says whether a text can be drawn at all.
"""

from __future__ import annotations

_GLYPHS = """
A .###. #...# ##### #...# #...#
B ####. #...# ####. #...# ####.
C .#### #.... #.... #.... .####
D ####. #...# #...# #...# ####.
E ##### #.... ####. #.... #####
F ##### #.... ####. #.... #....
G .#### #.... #..## #...# .####
H #...# #...# ##### #...# #...#
I ### .#. .#. .#. ###
J ..### ...#. ...#. #..#. .##..
K #...# #..#. ###.. #..#. #...#
L #.... #.... #.... #.... #####
M #...# ##.## #.#.# #...# #...#
N #...# ##..# #.#.# #..## #...#
O .###. #...# #...# #...# .###.
P ####. #...# ####. #.... #....
Q .###. #...# #.#.# #..#. .##.#
R ####. #...# ####. #..#. #...#
S .#### #.... .###. ....# ####.
T ##### ..#.. ..#.. ..#.. ..#..
U #...# #...# #...# #...# .###.
V #...# #...# #...# .#.#. ..#..
W #...# #...# #.#.# ##.## #...#
X #...# .#.#. ..#.. .#.#. #...#
Y #...# .#.#. ..#.. ..#.. ..#..
Z ##### ...#. ..#.. .#... #####
0 .###. #..## #.#.# ##..# .###.
1 .#. ##. .#. .#. ###
2 ####. ....# .###. #.... #####
3 ####. ....# .###. ....# ####.
4 #..#. #..#. ##### ...#. ...#.
5 ##### #.... ####. ....# ####.
6 .###. #.... ####. #...# .###.
7 ##### ....# ...#. ..#.. ..#..
8 .###. #...# .###. #...# .###.
9 .###. #...# .#### ....# .###.
· . . # . .
— ..... ..... ##### ..... .....
… ..... ..... ..... ..... #.#.#
- ... ... ### ... ...
: . # . # .
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
        "".join(
            _HALVES[top == "#", bottom == "#"]
            for top, bottom in zip(pixels[pair], pixels[pair + 1], strict=True)
        )
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
