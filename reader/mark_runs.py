"""Runs of combining marks cut to what writing ever needs: Unicode's Stream-Safe Text Format
(UAX #15 §13) allows 30 non-starters (characters of a combining class other than 0: accents,
vowel points, the marks "Zalgo" text piles up) in a row, which no language comes near; the
marks that draw on the letter before them with no class of their own (enclosing ones, Thai's
vowels) are cut alike. The one place that says how many marks a letter keeps.

One letter carrying 60,000 marks (a page's prank, or its attack) made every search reaching
the article quadratic (composing a cluster sorts its marks, insertion-sort fashion: 6 s of CPU
a keystroke for `/` and `F`, acc30c D3), printed a one-line hit of 120 KB, and its line took
seconds to draw at each repaint (acc30c D7). The text of a page and of a feed is cut when it
is decoded (`charset.decode`: what is cached and searched), what is shown when it is made safe
(`safe.safe_text`), and a search composes at most this many marks of a cluster cached before
(`fold.composed`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

MOST_MARKS = 30
"""The non-starters in a row kept (UAX #15's Stream-Safe Text Format)."""


BLOCKS = (
    (0x0300, 0x2000),  # the alphabets' and abugidas' marks, Zalgo's combining accents
    (0x20D0, 0x2100),  # combining marks for symbols
    (0x2CE0, 0x2E00),  # Coptic, Tifinagh, Cyrillic Extended-A
    (0x3000, 0x30A0),  # ideographic tone marks, kana voicing marks
    (0xA600, 0xAC00),  # Cyrillic Extended-B to Meetei Mayek
    (0xFB1E, 0xFB1F),  # Hebrew's judeo-Spanish varika
    (0xFE00, 0xFE30),  # variation selectors, combining half marks
)
"""The stretches of the Basic Multilingual Plane holding its marks (tests check it against the
whole plane): looked through, not the whole plane, at a tenth of the time."""


@cache
def _run() -> re.Pattern[str]:
    """A run of more than `MOST_MARKS` marks of the Basic Multilingual Plane, its first
    `MOST_MARKS` in group 1. Made at the first text holding a letter beyond ASCII, not at every
    start. The BMP's marks alone, whose class a regular expression tests in one step (with the
    astral planes' few, Brahmi's, music's, it took ten times as long over all text):
    `fold.composed` caps those when it searches."""
    ranges: list[list[int]] = []
    for first, end in BLOCKS:
        for code in range(first, end):
            if not _is_mark(chr(code)):
                continue
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    marks = "".join(f"{chr(a)}-{chr(b)}" if a != b else chr(a) for a, b in ranges)
    return re.compile(f"([{marks}]{{{MOST_MARKS}}})[{marks}]+")


def _is_mark(char: str) -> bool:
    """A non-starter, or a mark drawn on the letter before it (nonspacing, enclosing)."""
    return bool(unicodedata.combining(char)) or unicodedata.category(char) in ("Mn", "Me")


_NEAR_MARKS = re.compile(f"[^\x00-\u02ff]{{{MOST_MARKS + 1}}}")
"""More than `MOST_MARKS` characters in a row from U+0300 on, where every mark of `BLOCKS`
is: what each run `_run` cuts is, marks or not. Looked for first (0.3 ms to make): the marks'
own pattern (~4 ms) is made only for a text that has such a run (kana, Thai, Chinese: letters
with no space between), not for every text beyond ASCII (a feed named "Harbour · News" made
it before the first screen)."""


def capped_marks(text: str) -> str:
    """`text` with each run of combining marks cut after its first `MOST_MARKS`: every letter
    keeps what it carries in any language, a flood of them goes."""
    if text.isascii() or not _NEAR_MARKS.search(text):
        return text
    return _run().sub(r"\1", text)
