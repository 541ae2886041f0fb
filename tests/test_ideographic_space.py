"""A Japanese or Chinese headline's ideographic space (U+3000) is kept in the article's title
and every citation style, as the page sets it; runs of ASCII spaces and line breaks still
collapse to one (acc38a J7); so is a Japanese name's and a site's, and a table cell's.
Real parts: the page through the real extractor, and served on 127.0.0.1 to `reader show`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.citation_styles import citation_line
from reader.cli import main
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
        # The no-break spaces too (`test_no_break_spaces`): a run of them only is kept (its
        # first); one holding a line break or a plain space could break there already.
        ("Qui\u202f?", "Qui\u202f?"),
        ("12\u00a0000\u00a0€", "12\u00a0000\u00a0€"),
        ("12\u2007000", "12\u2007000"),
        ("«\u00a0\u00a0Non\u00a0»", "«\u00a0Non\u00a0»"),
        ("Qui\u00a0\n?", "Qui ?"),
        ("Qui \u202f?", "Qui ?"),
        ("\u00a0Qui\u202f?\u00a0\n", "Qui\u202f?"),
        ("閣議決定\u00a0\u3000延長", "閣議決定\u3000延長"),
    ],
)
def test_one_line(text: str, expected: str) -> None:
    assert one_line(text) == expected


# A Japanese name is set with an ideographic space between the family and the given name, a
# site's name between its parts; a table's cells as the page sets them (lang39).
NAMED_PAGE = (
    '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">'
    f"<title>{HEADLINE}</title>"
    '<meta property="og:site_name" content="東都新聞\u3000電子版"></head><body><article>'
    f"<h1>{HEADLINE}</h1>"
    '<div class="byline"><span class="author">山田\u3000太郎\u3000記者</span></div>'
    "<p>政府は５日、総額１３兆円の経済対策を閣議決定した。電気・ガス料金の補助を来年３月まで延長する。</p>"
    "<table><tr><th>項目</th><th>金額</th></tr>"
    "<tr><td>電気\u3000ガス補助</td><td>３兆円</td></tr>"
    "<tr><td>物価\u3000対策</td><td>１０兆円</td></tr></table>"
    "<p>与党は来週にも補正予算案を国会に提出する方針で、年内の成立を目指すとしている。</p>"
    "</article></body></html>"
)


def test_a_name_and_a_sites_name_keep_their_ideographic_space(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/news/1.html").respond_with_data(
        NAMED_PAGE.encode(), content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/news/1.html")
    assert main(["show", url, "--format", "json", "--data-dir", str(tmp_path)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["author"] == "山田\u3000太郎"
    assert shown["site_name"] == "東都新聞\u3000電子版"
    assert "電気\u3000ガス補助" in shown["markdown"] and "物価\u3000対策" in shown["markdown"]
    for style in ("chicago", "apa", "mla"):
        (tmp_path / "config.toml").write_text(f'[citation]\nstyle = "{style}"\n')
        args = ["show", url, "--offline", "--format", "citation", "--data-dir", str(tmp_path)]
        assert main(args) == 0
        cited = capsys.readouterr().out
        assert "山田\u3000太郎" in cited and "東都新聞\u3000電子版" in cited, (style, cited)


_STORY = "高雄市政府宣布，輕軌環狀線今日全線通車，市長出席典禮，並表示將持續改善大眾運輸。"


@pytest.mark.parametrize(
    ("language", "byline", "authors"),
    [
        # A Chinese paper pads a two-character name to a third's width: one name, written whole.
        ("zh", "本报记者\u3000王\u3000明", "王明"),
        ("zh", "记者\u3000王\u3000明\u3000李华", "王明, 李华"),
        ("zh-TW", "記者\u3000陳\u3000明／台北報導", "陳明"),
        ("zh", "新华社北京12月5日电（记者\u3000王\u3000明）", "王明"),
        # A Japanese name's space parts the family name from the given one: kept.
        ("ja", "林\u3000修", "林\u3000修"),
    ],
)
def test_a_chinese_name_padded_to_three_characters_is_one_name(
    language: str, byline: str, authors: str
) -> None:
    page = (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"><title>標題</title>'
        f'</head><body><article><h1>標題</h1><div class="byline"><span class="author">{byline}'
        f"</span></div><p>{_STORY}</p><p>{_STORY}</p><p>{_STORY}</p></article></body></html>"
    )
    assert extract_article(page, "https://news.example.cn/a.html").author == authors
