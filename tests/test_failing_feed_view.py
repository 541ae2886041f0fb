"""`!` lists in the feed list only the feeds marked `!`, read or not, and no tag or search feed;
`D` on "All feeds" there removes every one of them that is failing, once the user says yes to
how many, as `reader remove --failing` does (a 503 at one sync stays); `!` again lists every
feed. 57 dead feeds among 600 were found by paging through every row, and removed one `D` at a
time (acc49d D1). Real parts: the demo's synced library, feeds failing on a 127.0.0.1 server,
the reader driven by Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.library import Library
from reader.ui.dialogs.confirm import ConfirmScreen
from reader.ui.headlines import folder_view, tag_view
from reader.ui.widgets.main.feed_list import FeedList
from tests.tui_pilot import running, status, until


def test_the_failing_feeds_listed_together_and_removed_at_once(
    synced_dir: Path, httpserver: HTTPServer
) -> None:
    dead = [httpserver.url_for(f"/dead{n}.xml") for n in (1, 2)]
    busy = httpserver.url_for("/busy.xml")
    for n in (1, 2):
        httpserver.expect_request(f"/dead{n}.xml").respond_with_data("", status=404)
    httpserver.expect_request("/busy.xml").respond_with_data("", status=503)

    async def subscribe() -> list[str]:
        async with Library(synced_dir) as lib:
            working = [feed.url for feed in lib.feeds()]
            for url in (busy, dead[1]):
                lib.add_feed(url)
            # One in an OPML file's folder: listed with the rest, not in a folder row.
            lib.add_feeds([(dead[0], "", "", ["Tech"], [("Tech",)], "")])
            lib.tag_feed(working[0], ["harbour"])  # a tag row, left out of the failing list
            await lib.refresh(feeds=[dead[0], busy, dead[1]])
            return working

    working = asyncio.run(subscribe())
    assert working

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            screen = app.main_screen
            feed_list = screen.query_one(FeedList)
            await until(pilot, lambda: busy in feed_list.feeds, "every feed listed")
            assert feed_list.holds(folder_view(("Tech",)))  # grouped by folder: its row
            assert screen.feed_url is None  # "All feeds"
            await pilot.press("exclamation_mark")
            await until(
                pilot,
                lambda: set(feed_list.feeds) == {*dead, busy},
                "the feeds marked ! alone",
                detail=lambda: list(feed_list.feeds),
            )
            assert "Failing (3)" in str(feed_list.border_title)
            assert not feed_list.holds(tag_view("harbour"))
            assert not feed_list.holds(folder_view(("Tech",)))  # no folder row: none folded away
            said = status(app)
            assert "Failing feeds only: 3 marked !" in said, said
            assert "2 failing (D on All feeds removes them)" in said, said
            assert "1 failed lately, not for 3 days yet" in said, said

            await pilot.press("D")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
            question = app.screen.question
            assert question.startswith("Remove the 2 failing feeds listed? Their "), question
            assert "The 1 feed that failed lately stays" in question, question
            await pilot.press("y")
            await until(
                pilot,
                lambda: "Unsubscribed from 2 failing feeds" in status(app),
                "the removal said",
                detail=lambda: status(app),
            )
            await until(pilot, lambda: set(feed_list.feeds) == {busy}, "the 503 alone left")

            await pilot.press("exclamation_mark")
            await until(pilot, lambda: set(feed_list.feeds) == {*working, busy}, "every feed again")
            assert feed_list.holds(tag_view("harbour"))

    asyncio.run(run())
    lib = Library(synced_dir)
    try:
        assert {feed.url for feed in lib.feeds()} == {*working, busy}
    finally:
        lib.close()


def test_the_failing_list_leaves_out_the_healthy_feed_that_was_open(
    synced_dir: Path, httpserver: HTTPServer
) -> None:
    """`!` on a healthy feed's headlines: the list holds the failing feeds alone (its title's
    count is its rows'), the headlines are "All feeds"' where the cursor is, and `D` there asks
    of the failing ones, not of the feed that was open (acc50c C5)."""
    dead = httpserver.url_for("/dead.xml")
    httpserver.expect_request("/dead.xml").respond_with_data("", status=404)

    async def subscribe() -> str:
        async with Library(synced_dir) as lib:
            healthy = lib.feeds()[0].url
            lib.add_feed(dead)
            await lib.refresh(feeds=[dead])
            return healthy

    healthy = asyncio.run(subscribe())

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            screen = app.main_screen
            feed_list = screen.query_one(FeedList)
            await until(pilot, lambda: dead in feed_list.feeds, "every feed listed")
            await pilot.press("tab")
            await until(pilot, lambda: screen.focused is feed_list, "the feed list")
            while screen.feed_url != healthy:
                await pilot.press("j")
                await pilot.pause()
            await pilot.press("exclamation_mark")
            await until(
                pilot,
                lambda: list(feed_list.feeds) == [dead],
                "the failing feed alone",
                detail=lambda: list(feed_list.feeds),
            )
            assert "Failing (1)" in str(feed_list.border_title)
            assert screen.feed_url is None and feed_list.highlighted == 0
            await pilot.press("D")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
            question = app.screen.question
            assert question.startswith("Remove the 1 failing feed listed? Its "), question

    asyncio.run(run())


def test_a_failing_feed_a_refresh_mends_stays_listed_while_open(
    synced_dir: Path, httpserver: HTTPServer
) -> None:
    """In `!`, `Ctrl-R` on a failing feed that answers again: its row stays while it is open
    (its headlines under the reader's eyes), no longer counted failing."""
    flaky = httpserver.url_for("/flaky.xml")
    httpserver.expect_request("/flaky.xml").respond_with_data("", status=404)

    async def subscribe() -> None:
        async with Library(synced_dir) as lib:
            lib.add_feed(flaky)
            await lib.refresh(feeds=[flaky])

    asyncio.run(subscribe())

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            screen = app.main_screen
            feed_list = screen.query_one(FeedList)
            await until(pilot, lambda: flaky in feed_list.feeds, "every feed listed")
            await pilot.press("exclamation_mark", "right_square_bracket")
            await until(pilot, lambda: screen.feed_url == flaky, "the failing feed open")
            assert list(feed_list.feeds) == [flaky]
            httpserver.clear()
            httpserver.expect_request("/flaky.xml").respond_with_data(
                '<?xml version="1.0"?><rss version="2.0"><channel><title>Flaky</title>'
                "<item><title>Back again</title><link>http://127.0.0.1:9/back.html</link>"
                "</item></channel></rss>",
                content_type="application/rss+xml",
            )
            await pilot.press("ctrl+r")
            await until(pilot, lambda: "Failing (0)" in str(feed_list.border_title), "mended")
            assert list(feed_list.feeds) == [flaky] and screen.feed_url == flaky

    asyncio.run(run())
