"""A `reader sync` (cron's, before a flight) beside the open reader refreshing: the headlines
the other refresh wrote into the store while the sync ran are cached too. Its feeds answered
the sync "not modified" (the other refresh had taken their new ETags), so neither the
headlines the sync read as it started nor what its feeds answered had them: up to 70 of 100
new articles were left uncached, "0 new headlines", exit 0 (acc42b B6)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from cli_run import started_reader
from conftest import sync_into
from pytest_httpserver import HTTPServer
from served_feed import story_page
from werkzeug import Request, Response

from reader.cli.sync import print_sync_report
from reader.keys import article_key
from reader.library import Library
from reader.reports import SyncProgress, SyncReport


def _serve(server: HTTPServer, hours: list[int], etags: bool = True) -> None:
    """/feed.xml of a story per hour in `hours`, tagged with an ETag of them (a 304 to a
    request that has it; with `etags` False, the whole feed all the same), and each story's
    page."""
    base = server.url_for("").rstrip("/")
    tag = '"' + "-".join(map(str, hours)) + '"'
    items = "".join(
        f"<item><title>Story {hour}</title><link>{base}/story-{hour}.html</link>"
        f"<guid>{base}/story-{hour}.html</guid>"
        f"<pubDate>Tue, 24 Nov 2026 {hour:02d}:00:00 GMT</pubDate></item>"
        for hour in hours
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>{items}</channel></rss>'

    def answer(request: Request) -> Response:
        if etags and request.headers.get("If-None-Match") == tag:
            return Response(status=304, headers={"ETag": tag})
        return Response(feed, content_type="application/rss+xml", headers={"ETag": tag})

    server.clear()
    server.expect_request("/feed.xml").respond_with_handler(answer)
    for hour in hours:
        server.expect_request(f"/story-{hour}.html").respond_with_data(
            story_page(f"Story {hour}"), content_type="text/html; charset=utf-8"
        )


@pytest.mark.parametrize("etags", [True, False], ids=["not-modified", "whole-feed"])
def test_a_sync_caches_the_headlines_another_refresh_brought_in_meanwhile(
    data_dir: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str], etags: bool
) -> None:
    """Its feed answering "not modified" (the articles were left uncached), or the whole feed
    (cached, but "0 new headlines": the other refresh had stored them first)."""
    _serve(httpserver, [1, 2])
    feed = httpserver.url_for("/feed.xml")
    sync_into(data_dir, [feed])
    _serve(httpserver, [1, 2, 3, 4, 5], etags)  # the morning's new stories
    others: list[object] = []  # what the other process said, its exit status

    def progress(p: SyncProgress) -> None:
        # The sync has read the store and is about to ask its feeds: the open reader's
        # refresh, another process, takes the feed's new items (and its ETag) first.
        if p.phase == "feeds" and not others:
            other = started_reader(data_dir, "sync", "--no-articles", "-q")
            others.append(other.communicate()[1])
            others.append(other.returncode)

    async def run() -> SyncReport:
        async with Library(data_dir, workers="thread") as lib:
            return await lib.sync(progress=progress)

    report = asyncio.run(run())
    assert others == ["", 0]
    lib = Library(data_dir)
    try:
        listed = {article_key(e.link) for e in lib.store.entries(feed)}
        cached = lib.store.article_keys()
        capsys.readouterr()
        print_sync_report(lib, report, articles=True)
    finally:
        lib.close()
    assert len(listed) == 5
    assert listed <= cached, sorted(listed - cached)
    assert report.arrived_meanwhile == 3
    # Said beside the sync's own count: "0 new headlines" alone read as nothing new.
    summary = capsys.readouterr().err
    assert "synced 1 of 1 feed (0 new headlines, 3 more brought in meanwhile by another" in summary
    assert "3 articles cached for offline" in summary
