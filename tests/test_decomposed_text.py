"""A page written decomposed (NFD, as Mac tools write UTF-8: Korean as its jamo, Vietnamese's
tones apart from their letters) is read composed, as every other page is: its byline's rules
and its date's words meet the letters they know (acc31b M26: "김민수 기자" was cited whole, the
"기자" ("reporter") unseen). Real parts: the page's bytes through the real extractor."""

from __future__ import annotations

import unicodedata

import pytest

from reader.extract import extract_article
from reader.feeds import parse_feed

KOREAN = (
    '<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>해운대 보행로 공사</title>'
    "</head><body><article><h1>해운대 보행로 공사</h1>"
    '<div class="byline">이서연 기자</div>'
    "<p>부산시는 해운대 해수욕장 주변 도로의 보행 환경을 개선하기 위해 다음 달부터 공사를 시작한다고 밝혔다.</p>"
    "<p>시 관계자는 공사 기간 동안 일부 차로가 통제되며 시민들의 양해를 부탁한다고 말했다.</p>"
    "<p>공사는 내년 봄까지 마무리될 예정이며 총 사업비는 약 40억 원이다.</p>"
    "</article></body></html>"
)
VIETNAMESE = (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Cầu mới ở Huế</title>'
    "</head><body><article><h1>Cầu mới ở Huế</h1>"
    '<div class="date">Thứ bảy, ngày 5 tháng 12 năm 2026</div>'
    "<p>Thành phố Huế sẽ khởi công xây dựng cây cầu mới bắc qua sông Hương vào đầu năm sau.</p>"
    "<p>Theo kế hoạch, cây cầu dài khoảng năm trăm mét và hoàn thành trong hai năm.</p>"
    "<p>Người dân hai bên bờ sông mong chờ công trình này từ lâu.</p>"
    "</article></body></html>"
)


def _nfd(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    return decomposed


@pytest.mark.parametrize("as_bytes", [True, False])
def test_a_decomposed_korean_byline_cites_the_reporter(as_bytes: bool) -> None:
    page = _nfd(KOREAN)
    article = extract_article(page.encode() if as_bytes else page, "https://busan.example/a")
    assert article.author == "이서연"
    assert all(unicodedata.is_normalized("NFC", block.text) for block in article.blocks)
    assert article.title == "해운대 보행로 공사"


def test_a_decomposed_vietnamese_date_line_is_read_and_left_out() -> None:
    article = extract_article(_nfd(VIETNAMESE).encode(), "https://hue.example/cau")
    assert article.published is not None and article.published.date().isoformat() == "2026-12-05"
    assert article.blocks[0].text.startswith("Thành phố Huế")


def test_a_decomposed_feed_title_is_composed() -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>부산일보</title>'
        "<link>https://busan.example/</link><item><title>해운대 보행로 공사</title>"
        "<link>https://busan.example/a</link></item></channel></rss>"
    )
    parsed = parse_feed(_nfd(feed).encode(), "https://busan.example/feed.xml")
    assert parsed.title == "부산일보"
    assert parsed.entries[0].title == "해운대 보행로 공사"
