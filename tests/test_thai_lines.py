"""Thai in the reading view: a paragraph sets no space between its words, and its lines break
between syllables, never after a vowel written before its consonant (acc31b M10).

Typeset at many widths, and driven with Pilot on a data directory synced from the demo site, an
article of our own shown in place of the council budget's.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

from reader.models import Article, Block, BlockKind, Inline
from tests.test_reading_view import terminal_cells
from tests.tui_pilot import paragraph_lines, view_lines

# Our own text: the weather office warns the north of a cold week (one run of 150-odd letters
# between two spaces, as Thai papers set a paragraph).
COLD = (
    "กรมอุตุนิยมวิทยาประกาศเตือนประชาชนในภาคเหนือให้เตรียมรับมือกับอากาศหนาวเย็นที่จะเกิดขึ้น"
    "ในสัปดาห์หน้าโดยอุณหภูมิบนยอดดอยอาจลดลงต่ำกว่าห้าองศาเซลเซียสและมีน้ำค้างแข็งในหลายพื้นที่ "
    "เจ้าหน้าที่แนะนำให้ผู้สูงอายุและเด็กเล็กสวมเสื้อผ้าหนาๆและดื่มน้ำอุ่นเป็นประจำ"
)
WORDS = (
    "อุตุนิยมวิทยา",
    "ประกาศ",
    "เตือน",
    "เหนือ",
    "เตรียม",
    "อุณหภูมิ",
    "สัปดาห์",
    "องศา",
    "แข็ง",
    "ผู้สูงอายุ",
    "เสื้อผ้า",
)
"""Words of `COLD` with no sure syllable start inside them (the vowel before its consonant
starts เตือน, เตรียม, แข็ง, เสื้อ), so never broken."""
LEADING_VOWELS = "เแโใไ"


def _check(lines: list[str], width: int) -> None:
    assert max(terminal_cells(line) for line in lines) <= width
    assert "".join(line.replace(" ", "") for line in lines) == COLD.replace(" ", "")
    for before, after in pairwise(lines):
        assert before.rstrip()[-1] not in LEADING_VOWELS, (width, before, after)
        assert not re.match("[ะาำๅๆฯ\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", after), (width, after)
    for word in WORDS:
        assert any(word in line for line in lines), (width, word, lines)


def test_thai_breaks_between_syllables_at_every_width() -> None:
    """Rich folded a run of Thai at the column's last cell: "…บริเวณถนนแ" / "จ้งวัฒนะ…", the
    vowel "แ" left at a line's end, cut from the consonant it is read after."""
    article = Article(
        "https://news.example/cold.html",
        title="Cold",
        language="th",
        blocks=(Block(BlockKind.PARAGRAPH, (Inline(COLD),)),),
    )
    for width in range(24, 101):
        lines = [line.rstrip() for line in view_lines(article, width) if line.strip()]
        _check(lines, width)
        assert len(lines) > 1


def test_thai_lines_in_the_reading_view(synced_dir: Path) -> None:
    article = Article(
        "https://news.example/cold.html",
        title="Cold",
        language="th",
        blocks=(Block(BlockKind.PARAGRAPH, (Inline(COLD),)),),
    )
    for width, (lines,) in paragraph_lines(synced_dir, article, ["กรม"]):
        _check(lines, width)
