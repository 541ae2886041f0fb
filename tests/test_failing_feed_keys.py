"""`]` / `[` go to the next / previous feed marked `!` (its last fetch failed), round the ends,
as `J` / `K` go to any feed: 57 dead feeds among 595 were found by paging through every row
(acc49d D1). Real parts: the demo's synced library, feeds failing on a 127.0.0.1 server, the
reader driven by Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.library import Library
from reader.ui.screens.main_moves import failing_beside
from tests.tui_pilot import notices_raised, running, status, until


def test_brackets_go_to_the_failing_feeds_round_the_ends(
    synced_dir: Path, httpserver: HTTPServer
) -> None:
    dead = [httpserver.url_for(f"/dead{n}.xml") for n in (1, 2)]
    alive = httpserver.url_for("/alive.xml")
    httpserver.expect_request("/dead1.xml").respond_with_data("", status=404)
    httpserver.expect_request("/dead2.xml").respond_with_data("", status=404)
    httpserver.expect_request("/alive.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Alive desk</title>'
        "<item><title>Still here</title><link>http://127.0.0.1:9/here.html</link></item>"
        "</channel></rss>",
        content_type="application/rss+xml",
    )

    async def subscribe() -> None:
        async with Library(synced_dir) as lib:
            for url in (dead[0], alive, dead[1]):  # a working feed between the two
                lib.add_feed(url)
            await lib.refresh()

    asyncio.run(subscribe())

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False, notifications=True) as (
            app,
            pilot,
        ):
            raised = notices_raised(app)
            screen = app.main_screen
            assert screen.feed_url is None  # "All feeds"
            await pilot.press("right_square_bracket")
            await until(pilot, lambda: screen.feed_url == dead[0], "the first failing feed")
            await until(pilot, lambda: "last fetch failed" in status(app), "its error said")
            await pilot.press("right_square_bracket")  # over the working feed
            await until(pilot, lambda: screen.feed_url == dead[1], "the second failing feed")
            await pilot.press("right_square_bracket")
            await until(pilot, lambda: screen.feed_url == dead[0], "round to the first")
            assert "Round to the first failing feed." in raised
            await pilot.press("left_square_bracket")
            await until(pilot, lambda: screen.feed_url == dead[1], "back round to the last")
            await pilot.press("h", "left_square_bracket")  # from the feed list too
            await until(pilot, lambda: screen.feed_url == dead[0], "the previous one")

    asyncio.run(run())


def test_failing_beside_counts_and_goes_round() -> None:
    urls = ["a", "b", "c", "d", "e"]
    marked = {"b", "d"}
    assert failing_beside(urls, marked, None, 1) == ("b", False)
    assert failing_beside(urls, marked, None, -1) == ("d", False)
    assert failing_beside(urls, marked, "c", 1) == ("d", False)
    assert failing_beside(urls, marked, "c", -1) == ("b", False)
    assert failing_beside(urls, marked, "d", 1) == ("b", True)
    assert failing_beside(urls, marked, "a", -1) == ("d", True)
    assert failing_beside(urls, marked, "a", 2) == ("d", False)  # `2]`
    assert failing_beside(urls, {"b"}, "b", 1) is None
    assert failing_beside(urls, set(), "b", 1) is None
