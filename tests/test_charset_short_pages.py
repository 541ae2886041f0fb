"""Short pages in a legacy charset that declare none, read by their few letters: a Japanese
paragraph in EUC-JP (read as Korean)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.charset import decode_html, detect_charset


def brief(text: str, lang: str | None, title: str = "News", meta: str = "") -> str:
    """A news brief as a small site writes one: a title, a headline and one paragraph."""
    named = f' lang="{lang}"' if lang else ""
    return (
        f"<!doctype html><html{named}><head>{meta}<title>{title}</title></head><body>"
        f"<article><h1>{title}</h1><p>{text}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    "text",
    [
        "港の水位が上がりました。",
        "漁船は出港しませんでした。",
        "東京の天気は晴れです。",
        "横浜港は台風のため閉鎖されました。",
        "台風で港が閉まった。",
    ],
)
def test_a_short_euc_jp_page_reads_as_japanese(text: str) -> None:
    """Read as Korean (EUC-KR: "港の水位" as Hangul and jamo), Chinese Big5 or Shift_JIS
    before; its kana tell it."""
    raw = brief(text, None).encode("euc_jp")
    assert detect_charset(raw) == "euc_jp"
    assert text in decode_html(raw)


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("euc_kr", "항구는 화요일에 폭풍으로 폐쇄되었다. 어부들은 바다에 나가지 않았다."),
        ("gb18030", "港口周二因风暴关闭，渔民没有出海。"),
        ("big5", "港口週二因風暴關閉，漁民沒有出海。"),
    ],
)
def test_korean_and_chinese_pages_are_no_japanese(codec: str, text: str) -> None:
    assert text in decode_html(brief(text, None, title="2026").encode(codec))


JAPANESE_TITLE = "港の水位"
JAPANESE = "港の水位が上がりました。漁船は出港しませんでした。"


@pytest.mark.parametrize(
    ("title", "text", "codec"),
    [(JAPANESE_TITLE, JAPANESE, "euc_jp")],
    ids=["japanese-euc-jp"],
)
def test_a_sync_caches_a_short_undeclared_page_in_its_own_letters(
    data_dir: Path, title: str, text: str, codec: str
) -> None:
    """The whole way: a feed's item links to a page served as text/html with no charset, its
    bytes in a legacy one; the sync caches its title and text as written."""
    from reader.extract import to_text
    from reader.library import Library

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    base = server.url_for("").rstrip("/")
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Port</title>'
        f"<link>{base}/</link><item><title>{title}</title><link>{base}/brief.html</link>"
        "</item></channel></rss>"
    )
    server.expect_request("/feed.xml").respond_with_data(feed, content_type="application/xml")
    server.expect_request("/brief.html").respond_with_data(
        brief(text, None, title=title).encode(codec), content_type="text/html"
    )

    async def run() -> tuple[str, str]:
        async with Library(data_dir) as lib:
            lib.add_feed(server.url_for("/feed.xml"))
            assert (await lib.sync()).articles_fetched == 1
            article = lib.cached_article(f"{base}/brief.html")
            assert article is not None
            return article.title, to_text(article)

    try:
        cached_title, cached_text = asyncio.run(run())
    finally:
        server.stop()
    assert cached_title == title
    assert text in cached_text
