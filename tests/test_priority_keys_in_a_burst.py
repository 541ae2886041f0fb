"""A key Textual acts on as it comes (a priority binding: `/`, `F`) typed in one burst behind
others (a paste, a fast typist over ssh, tmux joining keys) acts after them, as typed: `Tab /`
is the feed list's search, not the headlines' left open with the focus gone (tester K4)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual import events

from reader.ui.app import ReaderApp
from reader.ui.key_settling import unsettled
from reader.ui.widgets.main.feed_list import FeedList
from reader.ui.widgets.main.headline_table import HeadlineTable
from tests.tui_pilot import burst, keys_handled, reading, started, until


@pytest.mark.parametrize(
    ("first", "burst_keys"),
    [("J", "\t/harb\r"), ("", "h/harb\r")],
    ids=["tab-from-a-feed", "h-from-all-feeds"],
)
def test_slash_after_a_key_that_moves_to_the_feed_list_finds_a_feed(
    synced_dir: Path, first: str, burst_keys: str
) -> None:
    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await started(pilot)
            if first:
                await pilot.press(first)
                await until(pilot, lambda: isinstance(app.focused, HeadlineTable), "a feed")
            screen = app.main_screen
            burst(app, burst_keys)
            await until(pilot, lambda: screen.feed_query == "harb", "the feed search kept")
            await until(pilot, lambda: not screen.searching, "the search line closed")
            feeds = screen.query_one(FeedList)
            assert app.focused is feeds
            assert "Harbour" in feeds.names[feeds.highlighted or 0]
            assert screen.headline_query == ""
            await pilot.press("escape")  # the kept search cleared: Esc reaches the list
            await until(pilot, lambda: screen.feed_query == "", "Esc clearing the search")

    asyncio.run(run())


def test_keys_after_a_held_slash_go_into_the_search_in_order(synced_dir: Path) -> None:
    """The keys after the `/` that waited, and those typed while it waited, wait behind it:
    "jj/crane" moves twice, then finds "crane" from there."""

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await started(pilot)
            table = app.main_screen.query_one(HeadlineTable)
            burst(app, "jj/crane\r")
            await until(pilot, lambda: app.main_screen.headline_query == "crane", "the search")
            assert not app.main_screen.searching and app.focused is table
            assert "crane" in table.rows[table.cursor].entry.title.lower()

    asyncio.run(run())


def test_slash_waits_for_an_esc_the_app_has_taken_out_of_its_queue(synced_dir: Path) -> None:
    """Esc then `/` in an article with a search kept: the Esc goes to the article and back to
    the app, where its binding acts; the `/` typed after it came to the app first, and acted
    at once when Textual had taken the Esc out of the queue to see whether it replaces the
    message in hand (`_peek_message`, which keeps it aside): the Esc then closed the search
    line the `/` had opened, and the query's letters went to the article as keys (`s` saved
    it, `n` went on to the next story). Seen 1 run in 4 with tests.starved_pilot; here the
    Esc is put where Textual keeps it, as it was then."""

    async def run() -> None:
        async with reading(synced_dir, "£412m budget") as (app, pilot, _body):
            await pilot.press("slash", *"budget", "enter")
            await keys_handled(pilot)
            escape = events.Key("escape", "\x1b")
            escape.set_sender(app)
            escape._set_forwarded()  # back at the app from the article, its binding to act
            # Set and taken back with no await between: the app's loop never sees it.
            app._pending_message = escape
            try:
                assert unsettled(app, None, every_key=True) is app  # what `/` waits for
                assert unsettled(app, None) is app  # and any key that is not a move
            finally:
                app._pending_message = None

    asyncio.run(run())
