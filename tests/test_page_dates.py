"""A cached page that dates its story on another day than its feed does is said to in `reader
list` (acc27a A28): the list and `--since` go by the feed's date, a citation by the page's, and
a journalist filtering "since 1 December" got a story the footnote dates 30 November."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.test_cli import reader

STORY = "<p>The harbour board agreed the dredging contract after a long night of debate.</p>" * 4


def page(title: str, published: str) -> str:
    return (
        f'<html><head><title>{title}</title><meta property="article:published_time" '
        f'content="{published}"></head><body><article><h1>{title}</h1>{STORY}</article>'
        "</body></html>"
    )


def test_a_page_dated_a_day_before_its_feed_is_said_so(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")  # the days compared are the reader's local ones
    items = [
        ("Dredging contract agreed", "/a.html", "2026-11-30T18:00:00+01:00"),
        ("Ferry fares frozen", "/b.html", "2026-12-01T08:30:00+01:00"),
    ]
    feed = "".join(
        f"<item><title>{title}</title><link>{httpserver.url_for(path)}</link>"
        "<pubDate>Tue, 01 Dec 2026 08:00:00 +0000</pubDate></item>"
        for title, path, _ in items
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Quay</title>{feed}'
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    for title, path, published in items:
        httpserver.expect_request(path).respond_with_data(
            page(title, published), content_type="text/html; charset=utf-8"
        )
    data = tmp_path / "home"
    assert reader(data, "add", httpserver.url_for("/feed.xml")).returncode == 0
    assert reader(data, "sync").returncode == 0
    lines = reader(data, "list").stdout.splitlines()
    dredging = next(line for line in lines if "Dredging" in line)
    fares = next(line for line in lines if "Ferry fares" in line)
    assert dredging.endswith("Quay: Dredging contract agreed  (the page: 2026-11-30)")
    assert fares.endswith("Quay: Ferry fares frozen")  # 30 minutes apart, the same day
    rows = json.loads(reader(data, "list", "--json").stdout)
    assert {row["title"]: row["page_day"] for row in rows} == {
        "Dredging contract agreed": "2026-11-30",
        "Ferry fares frozen": None,
    }
