"""A citation gives an Arabic or Chinese slug's address percent-encoded, as a browser copies it,
whether the feed linked it raw or encoded; the reading view's header shows it as read (acc38a
J18). Real parts: a feed and its pages on 127.0.0.1, the reader's own command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from test_cli import reader

from reader.url_display import cited_form, shown_url

ARABIC = "/story/2026/12/3/افتتاح-الخط-الثالث"
ARABIC_ENCODED = (
    "/story/2026/12/3/%D8%A7%D9%81%D8%AA%D8%AA%D8%A7%D8%AD-%D8%A7%D9%84%D8%AE%D8%B7"
    "-%D8%A7%D9%84%D8%AB%D8%A7%D9%84%D8%AB"
)
CHINESE = "/新闻/地铁开通.html"
CHINESE_ENCODED = "/%E6%96%B0%E9%97%BB/%E5%9C%B0%E9%93%81%E5%BC%80%E9%80%9A.html"

PAGE = (
    '<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
    '<meta name="author" content="{author}"></head><body><article><h1>{title}</h1>'
    "<p>{text}</p><p>{text}</p></article></body></html>"
)


# (path, language, title, author, text)
STORIES = [
    (
        ARABIC,
        "ar",
        "افتتاح الخط الثالث للمترو",
        "أحمد منصور",
        "افتتحت الحكومة اليوم الخط الثالث لمترو القاهرة بحضور عدد من الوزراء.",
    ),
    (
        CHINESE,
        "zh-CN",
        "地铁新线开通",
        "王明",
        "本市地铁新线今天正式开通运营，全长三十公里，共设二十座车站。",
    ),
]


@pytest.fixture
def served(httpserver: HTTPServer) -> dict[str, str]:
    for path, lang, title, author, text in STORIES:
        httpserver.expect_request(path).respond_with_data(
            PAGE.format(lang=lang, title=title, author=author, text=text),
            content_type="text/html; charset=utf-8",
        )
    base = httpserver.url_for("").rstrip("/")
    # One link as read, one percent-encoded, as Arabic and Chinese sites publish them.
    return {"ar": base + ARABIC, "zh": base + CHINESE_ENCODED, "base": base}


@pytest.mark.parametrize("style", ["chicago", "apa", "mla"])
def test_every_style_gives_the_address_percent_encoded(
    served: dict[str, str], data_dir: Path, style: str
) -> None:
    result = reader(
        data_dir, "show", served["ar"], served["zh"], "--format", "citation", "--style", style
    )
    assert result.returncode == 0, result.stderr
    assert ARABIC_ENCODED in result.stdout and CHINESE_ENCODED in result.stdout
    assert "افتتاح-الخط" not in result.stdout and "地铁开通" not in result.stdout.split("html")[0]


def test_the_block_citation_and_json_give_it_so(served: dict[str, str], data_dir: Path) -> None:
    result = reader(data_dir, "show", served["ar"], "--format", "citation", "--style", "block")
    assert result.returncode == 0, result.stderr
    assert f"URL: {served['base']}{ARABIC_ENCODED}" in result.stdout
    result = reader(data_dir, "show", served["zh"], "--format", "json")
    data = json.loads(result.stdout)
    assert data["cited_url"] == served["base"] + CHINESE_ENCODED


def test_the_screen_shows_the_address_as_read() -> None:
    """The reading view's header, the link list and the status line show it by `shown_url`."""
    assert shown_url("http://news.example" + ARABIC) == "http://news.example" + ARABIC
    assert cited_form("http://news.example" + ARABIC) == "http://news.example" + ARABIC_ENCODED
