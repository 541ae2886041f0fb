"""What a sync says and does when things go wrong: `S` at the gate replacing the refresh on
opening, the network going mid-sync (said once, first), a page's own failure told as its own."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.library import Library
from tests.test_library import ARTICLE, feed_xml
from tests.tui_pilot import until


def _feeds(server: HTTPServer, count: int) -> list[str]:
    """`count` feeds of two stories each on `server`; their addresses."""
    base = server.url_for("").rstrip("/")
    urls = []
    for n in range(count):
        items = [(f"Story {n}.{i}", f"/{n}/{i}.html", f"g{n}.{i}") for i in range(2)]
        server.expect_request(f"/{n}/feed.xml").respond_with_data(
            feed_xml(base, items), content_type="application/rss+xml"
        )
        for i in range(2):
            page = ARTICLE.replace("Tide tables revised", f"Story {n}.{i}")  # not one login page
            server.expect_request(f"/{n}/{i}.html").respond_with_data(
                page.replace("revised tide", f"the {n}.{i} tide"), content_type="text/html"
            )
        urls.append(f"{base}/{n}/feed.xml")
    return urls


def test_S_before_the_refresh_on_opening_began_takes_its_place(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """`S` pressed as the reader opens, before its refresh on opening has started: the sync
    alone asks for the feeds, once each, and its own line stays (acc34a C7: a refresh ran
    beside it, every feed asked twice, "Refreshed … 0 new headlines" over its downloads)."""
    from reader.ui.app import ReaderApp

    data = tmp_path / "data"
    lib = Library(data)
    for url in _feeds(httpserver, 4):
        lib.add_feed(url)
    lib.close()
    statuses: list[str] = []

    async def gate() -> None:
        app = ReaderApp(data)  # refreshes on opening
        app.prefetch_limit = 0
        async with app.run_test(size=(160, 20)) as pilot:
            await until(pilot, lambda: app.index.whole and not app._busy, "the list")
            assert app.refresh_coming, "pressed before the refresh on opening"
            await pilot.press("S")
            while not app.status.startswith("Synced"):
                statuses.append(app.status)
                await until(pilot, lambda: app.status != statuses[-1], "the sync's end")
            await pilot.pause(0.3)
            statuses.append(app.status)

    asyncio.run(gate())
    feeds_asked = [r.path for r, _ in httpserver.log if r.path.endswith("feed.xml")]
    assert sorted(feeds_asked) == [f"/{n}/feed.xml" for n in range(4)], feeds_asked
    assert not any(s.startswith(("Refresh", "Refreshed")) for s in statuses), statuses
    assert statuses[-1].startswith("Synced 4 of 4 feeds · 8 articles cached"), statuses
