"""`a` is two things: on the lists it adds a feed, in an article it writes a note. An editor
pressed it in an article for the site's feed and got a note box, and on the lists to annotate
and got "Add a feed" (acc45a A9). Each box's title now says what it is and how to reach the
other, and `+` in an article adds its site's feed: the feed its page names, found as `reader
add` finds it. The real reader under Pilot, the site a real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
from pathlib import Path

from hostile_site import rss
from pytest_httpserver import HTTPServer
from textual.widgets import Input, Static

from reader.ui.dialogs.feed_input import FeedInputScreen
from tests.tui_pilot import keys_handled, on_top, open_titled, running, subscribe, until

STORY = "A story on another site"
PAGE = """<!doctype html><html><head><title>{title}</title>
<link rel="alternate" type="application/rss+xml" title="Other Site" href="/other.xml">
</head><body><article><h1>{title}</h1>
<p>The council met on Tuesday to talk about the bridge, the budget and the school roof, and
agreed on none of them before the evening, when the mayor closed the meeting.</p>
<p>It meets again next week, when the engineers will have their report on the bridge.</p>
</article></body></html>"""


def _site(server: HTTPServer) -> str:
    """An aggregator's feed of one story, whose page on another site names that site's feed."""
    story = server.url_for("/story.html")
    server.expect_request("/story.html").respond_with_data(
        PAGE.format(title=STORY), content_type="text/html; charset=utf-8"
    )
    server.expect_request("/aggregator.xml").respond_with_data(
        rss("Aggregator", [(STORY, story)]), content_type="application/rss+xml"
    )
    server.expect_request("/other.xml").respond_with_data(
        rss("Other Site", [("The other site's own story", server.url_for("/own.html"))]),
        content_type="application/rss+xml",
    )
    return server.url_for("/aggregator.xml")


def _question(dialog: FeedInputScreen) -> str:
    return str(dialog.query_one("#feed-input-question", Static).render())


def test_plus_in_an_article_adds_its_sites_feed_leaving_the_lists_as_they_were(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    subscribe(tmp_path, [_site(httpserver)], 1)

    async def run() -> None:
        async with running(tmp_path, (110, 30), prefetch=False) as (app, pilot):
            await open_titled(pilot, STORY)
            await pilot.press("plus")
            dialog = await on_top(pilot, FeedInputScreen, "the Add a feed line")
            assert dialog.query_one(Input).value == httpserver.url_for("/story.html")
            assert _question(dialog).startswith("Add this site's feed")
            assert "a note on this article: Esc, then a" in _question(dialog)
            await pilot.press("enter")
            await until(
                pilot,
                lambda: any(feed.title == "Other Site" for feed in app.index.feeds),
                "the site's feed subscribed",
            )
            await until(pilot, lambda: "Other Site" in app.status, "the add said")
            assert "Subscribed" in app.status or "subscribed" in app.status, app.status
            assert app.main_screen.feed_url is None  # the list under the article: as it was

    asyncio.run(run())


def test_each_box_of_a_says_how_to_reach_the_other(tmp_path: Path, httpserver: HTTPServer) -> None:
    subscribe(tmp_path, [_site(httpserver)], 1)

    async def run() -> None:
        async with running(tmp_path, (110, 30), prefetch=False) as (_app, pilot):
            await pilot.press("a")
            dialog = await on_top(pilot, FeedInputScreen, "the Add a feed line")
            assert _question(dialog).startswith("Add a feed:")
            assert "a note on an article: open it, then a" in _question(dialog)
            await pilot.press("escape")
            await keys_handled(pilot)
            await open_titled(pilot, STORY)
            await pilot.press("a")
            dialog = await on_top(pilot, FeedInputScreen, "the note's line")
            assert _question(dialog) == (
                "A note on this article · to add this site's feed: Esc, then +"
            )

    asyncio.run(run())
