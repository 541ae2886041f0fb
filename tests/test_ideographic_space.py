"""A Japanese or Chinese headline's ideographic space (U+3000) is kept in the article's title
and every citation style, as the page sets it; runs of ASCII spaces and line breaks still
collapse to one (acc38a J7). Real parts: the page through the real extractor."""

from __future__ import annotations

import pytest

from reader.citation_styles import citation_line
from reader.extract import extract_article
from reader.text_shape import one_line

HEADLINE = "経済対策１３兆円を閣議決定\u3000電気・ガス補助を延長"
PAGE = (
    '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">'
    f"<title>{HEADLINE} - 東都新聞</title>"
    '<meta property="og:site_name" content="東都新聞"></head><body><article>'
    f"<h1>{HEADLINE}</h1><p>政府は５日、総額１３兆円の経済対策を閣議決定した。</p>"
    "<p>電気・ガス料金の補助を来年３月まで延長する。</p></article></body></html>"
)


def test_the_title_keeps_its_ideographic_space() -> None:
    article = extract_article(PAGE, "https://toto.example/news/1.html")
    assert article.title == HEADLINE


@pytest.mark.parametrize("style", ["chicago", "apa", "mla"])
def test_every_citation_style_keeps_it(style: str) -> None:
    article = extract_article(PAGE, "https://toto.example/news/1.html")
    assert HEADLINE in citation_line(article, style)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Harbour \n\t closes   quay ", "Harbour closes quay"),
        ("閣議決定\u3000延長", "閣議決定\u3000延長"),
        ("\u3000閣議決定\u3000", "閣議決定"),
        ("閣議決定 \n\u3000 延長", "閣議決定\u3000延長"),
    ],
)
def test_one_line(text: str, expected: str) -> None:
    assert one_line(text) == expected
