"""What a sync says: a story taken down is an answer, named once and not asked for at every
sync."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

import reader.library
from reader.library import Library
from reader.reports import SyncReport
from tests.test_library import ARTICLE, feed_xml


@pytest.fixture
def site() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    base = server.url_for("").rstrip("/")
    long_title = "Storm " * 100  # 600 characters
    items = [
        ("Tide tables revised", "/tide.html", "g1"),
        ("Harbour master resigns", "/gone.html", "g2"),
        ("Regatta postponed", "/withdrawn.html", "g3"),
        (long_title.strip(), "/busy.html", "g4"),
    ]
    server.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, items), content_type="application/rss+xml"
    )
    server.expect_request("/tide.html").respond_with_data(ARTICLE, content_type="text/html")
    server.expect_request("/gone.html").respond_with_data("File not found", status=404)
    server.expect_request("/withdrawn.html").respond_with_data("Gone for good", status=410)
    server.expect_request("/busy.html").respond_with_data("Try later", status=503)
    yield server
    if server.is_running():
        server.stop()


def _asked(server: HTTPServer, path: str) -> int:
    return sum(request.path == path for request, _ in server.log)


async def _sync(directory: Path, feed: str = "") -> SyncReport:
    async with Library(directory) as lib:
        if feed:
            lib.add_feed(feed)
        return await lib.sync()


def test_a_story_taken_down_is_named_once_and_not_asked_for_at_every_sync(
    site: HTTPServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = asyncio.run(_sync(data_dir, site.url_for("/feed.xml")))
    assert {e.title for e, _ in first.gone} == {"Harbour master resigns", "Regatta postponed"}
    assert {e.link.rsplit("/", 1)[1] for e, _ in first.article_failures} == {"busy.html"}
    assert first.articles_fetched == 1

    busy = _asked(site, "/busy.html")
    second = asyncio.run(_sync(data_dir))
    assert second.gone == [] and len(second.article_failures) == 1  # the 503 still fails
    assert _asked(site, "/gone.html") == 1 and _asked(site, "/withdrawn.html") == 1
    assert _asked(site, "/busy.html") > busy  # asked again: another try may bring it

    monkeypatch.setattr(reader.library, "ASK_AGAIN_AFTER", 0.0)  # a day later
    third = asyncio.run(_sync(data_dir))
    assert _asked(site, "/gone.html") == 2 and third.gone == []  # asked, not named again
    assert third.articles_fetched == 0

    async def offline_reason() -> str:
        async with Library(data_dir) as lib:
            gone = next(h.entry for h in lib.headlines() if h.entry.link.endswith("gone.html"))
            return lib.store.last_failure(gone.link) or ""

    assert asyncio.run(offline_reason()).startswith("HTTP 404")
