"""A wire story's lede: the agency's dateline, and in Korean and Chinese wires the reporter's
name, run into the story's first sentence.

"LONDON (Reuters) - …", "(부산=연합뉴스) 김민수 기자 = 올해 부산항의 …", "[서울=뉴시스]김지수 기자 = …",
"[서울신문] 홍길동 기자 = …", "【ワシントン共同】米政府は…", "新华社北京12月3日电（记者张三）交通运输部…": the
paragraph is the news itself, the one a journalist quotes, though it names the writer and holds
a digit as a byline with its date does. It is never a header line to leave out.

Indonesia's Tribun network (Kompas Gramedia's) credits its reporter the same way, but in lines
of their own: "Laporan Reporter Tribunjogja.com, Andi Saputra" over the lede, and
"(Tribunjogja.com/Andi Saputra)" under the story. Those lines are credits, no story text: the
reporter is the author where the page names none, and the lines leave the text
(`article_edges`).
"""

from __future__ import annotations

import re

from ..models import Block, BlockKind
from ..text_shape import one_line
from .byline_names import looks_like_name
from .paper_reporters import lede_reporter
from .syndication import syndicated
from .wire_datelines import CHINESE, KOREAN, dateline_names

# "LONDON (Reuters) - …", "Hamburg (dpa) - …", "BEIRUT (AP) — …".
_AGENCY_IN_BRACKETS = re.compile(r"^\W*[^\W\d_][^()]{0,40}\([^()]{2,40}\)\s*[-–—:]")
_KOREAN_DATELINE = re.compile(KOREAN + r"\s*\S")
# Japanese wires: "【ワシントン共同】", "【北京時事】", then the story.
_JAPANESE_DATELINE = re.compile(r"^\s*【[^【】]{1,20}】\s*\S")
_CHINESE_DATELINE = re.compile(CHINESE + r"\s*\S")
# Tribun's credit over the lede: "Laporan Reporter Tribun Warta Jogja, Andi Saputra", "Laporan
# Wartawan Tribunnews.com, Reza Deni dan Ilham Rian" ("report of the reporter of …, names").
_LEDE_CREDIT = re.compile(
    r"^\s*Laporan\s+(?:Reporter|Wartawan|Kontributor|Koresponden)\s+[^,]{2,60}?\s*,\s*"
    r"(?P<names>[^,]{2,60}(?:\s*,\s*[^,]{2,60}){0,3})\s*$",
    re.IGNORECASE,
)
# Its credit under the story: "(Tribunjogja.com/Andi Saputra)", "(Tribunnews.com/ Reza Deni/
# Ilham)": the site's address, then the names.
_CLOSING_CREDIT = re.compile(
    r"^\s*\(\s*[^\W_][\w-]*(?:\.[a-z]{2,6})+\s*/\s*(?P<names>[^()/]{2,60}(?:/[^()/]{2,60}){0,3})"
    r"\s*\)\s*$",
    re.IGNORECASE,
)
# Between the names of a credit: ", ", "/", Indonesian's "dan" (and).
_CREDIT_NAMES = re.compile(r"\s*(?:[,/&]|\bdan\b)\s*")
# The reporter is looked for in the first few paragraphs (a kicker or a caption may come first).
_LOOK_AHEAD = 3


def is_wire_lede(text: str) -> bool:
    """`text` opens with a wire's dateline (and its reporter), then the story."""
    return any(
        pattern.match(text)
        for pattern in (
            _AGENCY_IN_BRACKETS,
            _KOREAN_DATELINE,
            _JAPANESE_DATELINE,
            _CHINESE_DATELINE,
        )
    )


def _credited(pattern: re.Pattern[str], block: Block) -> str:
    """The names a credit line (`pattern`'s) gives, "Andi Saputra, Reza Deni"; "" when `block`
    is no such line, or one of its names is none."""
    found = (
        pattern.match(" ".join(block.text.split())) if block.kind == BlockKind.PARAGRAPH else None
    )
    if found is None:
        return ""
    names = [n.strip() for n in _CREDIT_NAMES.split(found["names"]) if n.strip()]
    return ", ".join(names) if names and all(looks_like_name(n) for n in names) else ""


def lede_credit(block: Block) -> str:
    """The reporters a line crediting them over the lede names ("Laporan Reporter
    Tribunjogja.com, Andi Saputra"), or ""."""
    return _credited(_LEDE_CREDIT, block)


def closing_credit(block: Block) -> str:
    """The reporters a line crediting them under the story names ("(Tribunjogja.com/Andi
    Saputra)"), or ""."""
    return _credited(_CLOSING_CREDIT, block)


def wire_reporters(blocks: tuple[Block, ...]) -> str:
    """The reporters a Korean or Chinese wire lede names ("(서울=연합뉴스) 이수진 기자 = …" gives
    "이수진"), or a Japanese paper's ("【東京＝山田太郎】…" gives "山田太郎"), or a Tribun story's credit over its lede or under its end, for a page that
    declares no author: the story's own byline. "" when none."""
    paragraphs = [b for b in blocks[: _LOOK_AHEAD * 2] if b.kind == BlockKind.PARAGRAPH]
    for block in paragraphs[:_LOOK_AHEAD]:
        text = block.text
        found = _KOREAN_DATELINE.match(text) or _CHINESE_DATELINE.match(text)
        if found is not None and found["names"]:
            return dateline_names(found["names"])
        if names := lede_reporter(text):
            return names  # a Japanese paper's "【東京＝山田太郎】東京都は…"
        if names := lede_credit(block):
            return names
    return next(
        (names for b in reversed(blocks[-_LOOK_AHEAD:]) if (names := closing_credit(b))), ""
    )


def wire_credit(blocks: tuple[Block, ...], author: str, site_name: str) -> tuple[str, str]:
    """The author and the source of a wire story whose page declares the agency as its author:
    the reporters its Korean lede names, and the agency as the story's source. Naver News
    declares "연합뉴스" (Yonhap) the author of "(서울=연합뉴스) 김하늘 기자 = …": the citation
    named the agency as the writer and no source at all. A page naming no site of its own
    has the agency its lede names as its source too. `author` and `site_name` as they were
    when the lede names no agency."""
    paragraphs = [b for b in blocks[: _LOOK_AHEAD * 2] if b.kind == BlockKind.PARAGRAPH]
    for block in paragraphs[:_LOOK_AHEAD]:
        found = _KOREAN_DATELINE.match(block.text)
        if found is None:
            continue
        agency = one_line(found["agency"])
        if not agency:
            return author, site_name
        if agency.casefold() != one_line(author).casefold():
            # The reporter is the author already; a page naming no site is the agency's.
            return author, site_name or agency
        return dateline_names(found["names"] or ""), syndicated(agency, site_name)
    return author, site_name
