"""A sitemap in any encoding a feed is read in (acc47c C1, C2): a Japanese, Chinese or Korean
news site's sitemap in its legacy charset, one in UTF-16, and one naming an encoding no one
knows, subscribed with `reader add` from a server on 127.0.0.1 and its headlines listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main

HEADLINES = {
    "shift_jis": ("みなと新聞", "港の料金値上げ"),
    "euc-jp": ("みなと新聞", "港の料金値上げ"),
    "gb2312": ("港口日报", "港口收费上涨"),
    "gbk": ("港口日报", "港口收费上涨"),
    "big5": ("港口日報", "港口收費上漲"),
    "euc-kr": ("항구 신문", "항구 요금 인상"),
    "utf-16": ("みなと新聞", "港の料金値上げ"),
}


def _sitemap(server: HTTPServer, label: str, name: str, title: str) -> str:
    return (
        f'<?xml version="1.0" encoding="{label}"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
        f"<url><loc>{server.url_for('/a/harbour-dues-rise.html')}</loc>"
        "<lastmod>2026-12-06T10:00:00Z</lastmod><news:news><news:publication>"
        f"<news:name>{name}</news:name></news:publication><news:title>{title}</news:title>"
        "</news:news></url>\n"
        f"<url><loc>{server.url_for('/a/ferry-timetable.html')}</loc>"
        "<lastmod>2026-12-05</lastmod></url>\n</urlset>\n"
    )


def _added(data_dir: Path, url: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["--data-dir", str(data_dir), "add", url]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "list", "--json"]) == 0
    return [h["title"] for h in json.loads(capsys.readouterr().out)]


@pytest.mark.parametrize("encoding", sorted(HEADLINES))
def test_a_sitemap_in_a_legacy_or_utf16_encoding_reads_as_feeds_in_it_do(
    encoding: str, httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, title = HEADLINES[encoding]
    text = _sitemap(httpserver, encoding.upper(), name, title)
    httpserver.expect_request("/sitemap.xml").respond_with_data(
        text.encode(encoding), content_type="application/xml"
    )
    assert _added(data_dir, httpserver.url_for("/sitemap.xml"), capsys) == [
        title,
        "Ferry timetable",
    ]


@pytest.mark.parametrize("label", ["bogus-enc", "x-mac-roman"])
def test_a_sitemap_naming_an_unknown_encoding_is_read_as_utf8_as_a_feed_is(
    label: str, httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _sitemap(httpserver, label, "Harbour Gazette", "Harbour dues rise")
    httpserver.expect_request("/sitemap.xml").respond_with_data(
        text.encode(), content_type="application/xml"
    )
    titles = _added(data_dir, httpserver.url_for("/sitemap.xml"), capsys)
    assert titles == ["Harbour dues rise", "Ferry timetable"]
