"""Thai cut where a syllable starts at a row's "…" and at a search snippet's edges, never after a
vowel written before its consonant (acc41c C11): the rule the reading view wraps Thai by
(`syllables`)."""

from __future__ import annotations

import re

import pytest

from reader.cells import cut_to_cells
from reader.full_text import snippet
from reader.syllables import LEADING_VOWELS, STARTS

HEADLINE = "ทดสอบการตัดบรรทัดภาษาไทยที่ไม่มีช่องว่างระหว่างคำ"
STORY = "ผู้ว่าราชการกรุงเทพมหานครกล่าวว่าการจราจรติดขัดอย่างหนักในช่วงเช้าวันนี้"


def test_a_row_is_never_cut_after_a_leading_vowel() -> None:
    # "ไม่มี": the ไ is read after the ม, and ends nothing.
    assert cut_to_cells(HEADLINE, 24) == "ทดสอบการตัดบรรทัดภาษาไทยที่"
    for cells in range(4, len(HEADLINE)):
        cut = cut_to_cells(HEADLINE, cells)
        assert cut and not re.match(f"[{LEADING_VOWELS}]", cut[-1]), (cells, cut)


@pytest.mark.parametrize("pad", range(14))
def test_a_snippet_starts_where_a_syllable_does(pad: int) -> None:
    text = "ข่าวด่วน " + "ผู้ว่าราชการ"[:pad] + STORY
    at = text.index("ติดขัด")
    line = snippet(text, at, at + len("ติดขัด"))
    assert line.startswith("…")
    start = text.index(line[1:].rstrip("…"))
    assert text[start - 1].isspace() or re.compile(STARTS).match(text, start), (pad, line)
