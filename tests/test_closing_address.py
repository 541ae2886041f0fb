"""The reporter's e-mail address closing a story whose text is one box parted by `<br>`s (Naver
News: "…조정하지 않는다.<br><br>sky@yna.co.kr") goes, as the same line does as a paragraph of
its own: it was read as the last line of the one paragraph the box is, and stayed. An address
in a sentence, or under a line that leads to it ("Media enquiries:", a contact's name), stays."""

from __future__ import annotations

import pytest

from reader.extract import extract_article, to_markdown, to_text
from reader.models import Article

URL = "https://n.news.example.kr/mnews/article/001/0000012345"


def _naver_page(box: str, lang: str = "ko") -> Article:
    """A page of Naver's shape: the story one <article> of text parted by <br>s, the byline
    box with the reporter's address after it."""
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        "<title>항구 도시 버스 노선 개편</title>"
        '<meta property="og:title" content="항구 도시 버스 노선 개편"></head><body>'
        '<div id="ct" class="newsct"><div class="media_end_head">'
        '<h2 id="title_area" class="media_end_head_headline"><span>항구 도시 버스 노선 개편'
        "</span></h2>"
        '<span class="media_end_head_info_datestamp_time" data-date-time="2026-12-03 09:05:00">'
        "2026.12.03. 오전 9:05</span></div>"
        '<div id="newsct_article" class="newsct_article _article_body">'
        f'<article id="dic_area" class="go_trans _article_content">{box}</article></div>'
        '<div class="byline"><p class="byline_p"><span class="byline_s">박바다 기자'
        "(bada@news.example.kr)</span></p></div>"
        '<div class="copyright"><p class="c_text">Copyright ⓒ 예시뉴스. All rights reserved.'
        "</p></div></div></body></html>"
    )
    return extract_article(html, URL)


_KOREAN_BOX = (
    "(목포=예시뉴스) 박바다 기자 = 목포시는 내년 1월부터 시내버스 노선 스무 개를 새로 짠다고 "
    "3일 밝혔다.<br><br>"
    "시는 신도심 인구가 늘어 배차 간격이 길어졌다는 민원이 많았다고 설명했다.<br><br>"
    '시 관계자는 "출퇴근 시간대 배차를 10분 이내로 줄이겠다"고 말했다.<br><br>'
    "요금은 그대로 유지된다.<br><br>"
)

_ENGLISH_BOX = (
    "The port city will redraw twenty of its bus routes from January, the council said on "
    "Wednesday, after complaints that buses to the new districts came too seldom.<br><br>"
    "Officials said rush-hour buses would come every ten minutes or less on the busiest lines."
    "<br><br>"
    "Fares will stay as they are.<br>"
)


def test_the_reporters_address_closing_a_br_parted_story_goes() -> None:
    article = _naver_page(_KOREAN_BOX + "bada@news.example.kr\n")
    markdown = to_markdown(article, header=False)
    assert "bada@news.example.kr" not in markdown
    # The story's last line ends it, with no blank line left where the address was.
    assert markdown.endswith("요금은 그대로 유지된다.\n")
    assert "시 관계자는" in markdown


@pytest.mark.parametrize(
    "address",
    [
        "bada@news.example.kr",
        # As a link, and two reporters' addresses on the line.
        '<a href="mailto:bada@news.example.kr">bada@news.example.kr</a>',
        "bada@news.example.kr, sea@news.example.kr",
    ],
)
def test_after_one_br_too_and_in_english(address: str) -> None:
    article = _naver_page(_ENGLISH_BOX + address, lang="en")
    text = to_text(article, header=False)
    assert "@news.example.kr" not in text
    assert text.rstrip().endswith("Fares will stay as they are.")


@pytest.mark.parametrize(
    "closing",
    [
        # An address in a sentence is the story's.
        "Write to us at tips@news.example.kr with your stories.",
        # A line leading to it: the address is what it gives.
        "Readers with questions about the new routes can write to:<br>routes@port.example.kr",
        "Kim Sora, the council's transport officer<br>sora@port.example.kr",
    ],
)
def test_an_address_a_line_leads_to_or_in_a_sentence_stays(closing: str) -> None:
    article = _naver_page(_ENGLISH_BOX + closing, lang="en")
    text = to_text(article, header=False)
    last = closing.split("<br>")[-1]
    assert text.rstrip().endswith(last)
    assert "Fares will stay as they are." in text
