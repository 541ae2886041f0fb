"""One feed must not pass for another (acc52a A2): a hostile feed titled "Reuters", subscribed
before an outlet's, listing the outlet's page under a false headline. "All feeds" lists the
page once, under the feed on the page's own site; a citation of a page naming no site names
its host, never a feed on another site. Real feeds on two hosts (localhost and 127.0.0.1, one
server), the real store and CLI."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from cli_run import run_reader
from pytest_httpserver import HTTPServer
from served_feed import story_page

from reader.library import Library
from reader.models import Feed
from reader.reports import Headline, newest_first
from reader.ui.headlines import HeadlineIndex

TRUE = "Minister resigns over harbour deal"
FALSE = "Minister arrested for fraud, police say"


def ok(data_dir: Path, *args: str) -> str:
    result = run_reader(data_dir, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def rss(title: str, headline: str, link: str, hour: int) -> str:
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{link}</link><item><title>{headline}</title><link>{link}</link>"
        f"<pubDate>Mon, 07 Dec 2026 {hour:02d}:00:00 GMT</pubDate></item></channel></rss>"
    )


@pytest.fixture
def impostor(httpserver: HTTPServer, data_dir: Path) -> tuple[str, str]:
    """The outlet's feed at localhost and the impostor's at 127.0.0.1, both listing the
    outlet's page (which names no site), the impostor subscribed first and dated later;
    synced. Their addresses."""
    outlet, elsewhere = f"http://localhost:{httpserver.port}", f"http://127.0.0.1:{httpserver.port}"
    page, real, fake = f"{outlet}/2026/minister.html", f"{outlet}/feed.xml", f"{elsewhere}/wire.xml"
    httpserver.expect_request("/2026/minister.html").respond_with_data(
        story_page(TRUE), content_type="text/html"
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss("Harbour Times", TRUE, page, 9), content_type="application/rss+xml"
    )
    httpserver.expect_request("/wire.xml").respond_with_data(
        rss("Reuters", FALSE, page, 10), content_type="application/rss+xml"
    )
    ok(data_dir, "add", fake)
    ok(data_dir, "add", real)
    ok(data_dir, "sync")
    return real, fake


def test_all_feeds_lists_a_shared_page_under_the_feed_on_its_own_site(
    impostor: tuple[str, str], data_dir: Path
) -> None:
    real, fake = impostor
    rows = json.loads(ok(data_dir, "list", "--json"))
    assert [(r["title"], r["feed"]) for r in rows] == [(TRUE, real)], rows
    lines = ok(data_dir, "list").splitlines()
    assert len(lines) == 1 and TRUE in lines[0] and FALSE not in lines[0], lines
    assert "Harbour Times:" in lines[0] and "(also in Reuters)" in lines[0], lines
    # Each feed's own list still has its own headline.
    assert [r["title"] for r in json.loads(ok(data_dir, "list", "--json", "--feed", fake))] == [
        FALSE
    ]
    # The counts of "All feeds" go by the same row: the impostor's is the one counted elsewhere.
    counts = {f["url"]: f["entries_once"] for f in json.loads(ok(data_dir, "feeds", "--json"))}
    assert counts == {real: 1, fake: 0}, counts


def test_the_readers_all_feeds_shows_the_outlets_row(
    impostor: tuple[str, str], data_dir: Path
) -> None:
    real = impostor[0]

    async def read() -> tuple[list[Feed], list[Headline]]:
        async with Library(data_dir, workers="thread") as lib:
            return lib.feeds(), sorted(lib.headlines(), key=newest_first)

    feeds, headlines = asyncio.run(read())
    index = HeadlineIndex(feeds, headlines)
    assert [(h.entry.title, h.entry.feed_url) for h in index.view(None)] == [(TRUE, real)]
    assert index.unread_in(None) == 1


def test_a_page_naming_no_site_is_not_cited_by_a_feed_on_another_site(
    impostor: tuple[str, str], data_dir: Path
) -> None:
    real, fake = impostor
    for feed in (real, fake):
        (row,) = json.loads(ok(data_dir, "list", "--json", "--feed", feed))
        cited = ok(data_dir, "show", str(row["id"]), "--format", "citation")
        assert "Reuters" not in cited, cited
