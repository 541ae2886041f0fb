"""Where a Thai or Lao syllable surely starts, with no word list: before a vowel written ahead
of the consonant it is read after (Thai's เ แ โ ใ ไ, Lao's ເ ແ ໂ ໃ ໄ), and after a sign that
ends one (Thai's "ะ", "ำ", "ๆ", "ฯ", "์"; Lao's "ະ", "ຳ", "ໆ", "ຯ"). The reading view wraps a
line there (`ui/widgets/article/line_breaks`), and a row's "…" (`cells.cut_to_cells`) and a
search's snippet (`full_text.snippet`) cut a run of Thai there too: never after a leading vowel,
a letter that ends nothing ("…ภาษาไทยที่ไ…", acc41c C11)."""

from __future__ import annotations

import re

THAI = "\u0e01-\u0e5b"
LEADING_VOWELS = "\u0e40-\u0e44"
"""Thai's vowels written before the consonant they are read after (เ แ โ ใ ไ): a syllable
starts at one, and no line may end with one."""
THAI_LETTERS = "\u0e01-\u0e2e"
# A Thai syllable ends at these: the short vowel "ะ", "ำ", the repeat sign "ๆ", the
# abbreviation sign "ฯ" and the silencer "์" (the letters before it are not read, and end the
# syllable they are written in).
THAI_ENDS = "\u0e30\u0e33\u0e46\u0e2f\u0e4c"
LAO = "\u0e81-\u0edf"
LAO_LEADING = "\u0ec0-\u0ec4"
LAO_LETTERS = "\u0e81-\u0eae\u0edc-\u0edf"
# A Lao syllable ends at these: the short vowel "ະ", "ຳ", the repeat sign "ໆ", the
# abbreviation sign "ຯ".
LAO_ENDS = "\u0eb0\u0eb3\u0ec6\u0eaf"
STARTS = (
    rf"(?<=[{THAI}])(?<![{LEADING_VOWELS}])(?=[{LEADING_VOWELS}])"
    rf"|(?<=[{THAI_ENDS}])(?=[{THAI_LETTERS}{LEADING_VOWELS}])"
    rf"|(?<=[{LAO}])(?<![{LAO_LEADING}])(?=[{LAO_LEADING}])"
    rf"|(?<=[{LAO_ENDS}])(?=[{LAO_LETTERS}{LAO_LEADING}])"
)
"""Where a Thai or Lao syllable surely starts inside a run of them (not between two leading
vowels: "เเ" is "แ" typed in two), as a regular expression's alternatives."""
_STARTS = re.compile(STARTS)
_INSIDE = re.compile(f"(?<=[{THAI}{LAO}])(?=[{THAI}{LAO}])")
_LEADING = re.compile(f"[{LEADING_VOWELS}{LAO_LEADING}]")
_REACH = 8
"""The most characters a cut is moved to reach a syllable's start: a Thai syllable's length,
and a few; past it, a row or a snippet would lose too much."""


def syllable_start(text: str, at: int, floor: int = 0) -> int:
    """`at`, a cut inside a run of Thai or Lao, moved back (not to `floor` or before) to where
    a syllable surely starts; if none is near, at least not after a leading vowel. `at` when it
    is not inside such a run."""
    if _INSIDE.match(text, at) is None:
        return at
    for back in range(at, max(floor, at - _REACH), -1):
        if _STARTS.match(text, back) is not None or text[back - 1].isspace():
            return back
    while at - 1 > floor and _LEADING.match(text, at - 1):
        at -= 1
    return at
