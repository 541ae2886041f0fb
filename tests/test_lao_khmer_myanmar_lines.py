"""Lao, Khmer and Myanmar in the reading view: like Thai, they set no space between words, and
their lines break where a syllable starts, never inside one: not between a Lao consonant and the
vowel written after it ("ຫຼ" / "າຍ") or after one written before it, not between a Khmer or
Myanmar consonant and the one written below it (after the coeng "្", the virama "္"), and no line
wider than the column as a terminal draws it (lang39). Rich folded them at whatever cell the
column ended.

Typeset at many widths, and driven with Pilot on a data directory synced from the demo site, an
article of our own shown in place of the council budget's.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise
from pathlib import Path

import pytest

from reader.cells import cut_to_cells, fold_to_cells
from reader.models import Article, Block, BlockKind, Inline
from tests.test_reading_view import terminal_cells
from tests.tui_pilot import paragraph_lines, view_lines

# Our own texts, each one run of letters between two spaces as these scripts set a sentence.
# Lao: Laos has many mountains, and the Mekong flows past the capital, Vientiane.
LAO = (
    "ສະບາຍດີປະເທດລາວມີພູເຂົາຫຼາຍແລະແມ່ນ້ຳຂອງໄຫຼຜ່ານນະຄອນຫຼວງວຽງຈັນເຊິ່ງເປັນເມືອງຫຼວງຂອງປະເທດ "
    "ປະຊາຊົນໄປຕະຫຼາດເຊົ້າທຸກມື້ເພື່ອຊື້ຜັກແລະປາສົດໆຈາກແມ່ນ້ຳ"
)
# Khmer: the kingdom's capital, Phnom Penh, is its largest city.
KHMER = (
    "ព្រះរាជាណាចក្រកម្ពុជាមានរាជធានីភ្នំពេញដែលជាទីក្រុងធំជាងគេបំផុតនៅក្នុងប្រទេស ប្រជាជនជាច្រើនធ្វើដំណើរទៅផ្សារនៅពេលព្រឹក"
)
# Myanmar: the country lies in South-East Asia, its capital Naypyidaw; Mandalay (its "န္တ"
# stacked) is its second city.
MYANMAR = (
    "မြန်မာနိုင်ငံသည်အရှေ့တောင်အာရှတွင်တည်ရှိပြီးနေပြည်တော်သည်မြို့တော်ဖြစ်သည် "
    "ရန်ကုန်မြို့တွင်လူဦးရေအများဆုံးနေထိုင်ကြသည် မန္တလေးမြို့သည်ဒုတိယအကြီးဆုံးမြို့ဖြစ်သည်"
)
WORDS = {
    LAO: ("ຫຼາຍ", "ເຂົາ", "ເຊິ່ງ", "ເປັນ", "ເມືອງ", "ຫຼວງ", "ເພື່ອ"),
    KHMER: ("ព្រះ", "ក្រ", "ភ្នំ", "ក្នុង", "ប្រ", "ច្រើន", "ធ្វើ", "ផ្សារ", "ព្រឹក"),
    MYANMAR: ("မြန်", "နိုင်", "ရှေ့", "တောင်", "ပြည်", "တော်", "မြို့", "ဖြစ်", "မန္တ"),
}
"""Syllables of each text: never broken."""
# No line ends with a Lao vowel written before its consonant, a coeng or a virama; none starts
# with a Lao vowel or sign written after its consonant.
_NO_END = "\u0ec0-\u0ec4\u17d2\u1039"
_NO_START = "\u0eb0\u0eb2\u0eb3\u0ec6\u0eaf"


def _check(text: str, lines: list[str], width: int) -> None:
    assert max(terminal_cells(line) for line in lines) <= width, (width, lines)
    assert "".join(line.replace(" ", "") for line in lines) == text.replace(" ", "")
    for before, after in pairwise(lines):
        assert not re.search(f"[{_NO_END}]$", before.rstrip()), (width, before, after)
        assert not re.match(f"[{_NO_START}]", after), (width, before, after)
        assert not unicodedata.category(after[0]).startswith("M"), (width, before, after)
    for word in WORDS[text]:
        assert any(word in line for line in lines), (width, word, lines)


def _article(text: str) -> Article:
    return Article(
        "https://news.example/capital.html",
        title="Capital",
        blocks=(Block(BlockKind.PARAGRAPH, (Inline(text),)),),
    )


@pytest.mark.parametrize("text", [LAO, KHMER, MYANMAR], ids=["lao", "khmer", "myanmar"])
def test_lines_break_between_syllables_at_every_width(text: str) -> None:
    for width in range(20, 101):
        lines = [line.rstrip() for line in view_lines(_article(text), width) if line.strip()]
        _check(text, lines, width)
        assert len(lines) > 1 or width > 40


def test_lao_khmer_and_myanmar_lines_in_the_reading_view(synced_dir: Path) -> None:
    texts = (LAO, KHMER, MYANMAR)
    article = Article(
        "https://news.example/capital.html",
        title="Capital",
        blocks=tuple(Block(BlockKind.PARAGRAPH, (Inline(t),)) for t in texts),
    )
    # Columns of 35 and 56 cells (where Rich broke all three, and Khmer), then 80.
    sizes = ((39, 24), (60, 24), (120, 40))
    for width, paragraphs in paragraph_lines(synced_dir, article, [t[:3] for t in texts], sizes):
        for text, lines in zip(texts, paragraphs, strict=True):
            _check(text, lines, width)


@pytest.mark.parametrize("text", [KHMER, MYANMAR], ids=["khmer", "myanmar"])
def test_a_row_cut_or_a_cell_folded_keeps_a_subscript_with_its_base(text: str) -> None:
    """A headline's row cut with "…", a table's cell folded: never after a coeng or a virama,
    which left the consonant above without the one written below it."""
    for cells in range(1, 40):
        assert not re.search(f"[{_NO_END}]$", cut_to_cells(text, cells)), cells
        pieces = fold_to_cells(text, cells)
        assert "".join(pieces) == text
        assert not any(re.search(f"[{_NO_END}]$", piece) for piece in pieces), (cells, pieces)
