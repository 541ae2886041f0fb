"""Ctrl-D / Ctrl-U in the lists as in vim and less: half a page of rows down / up, the view and
the cursor together, the cursor keeping its line of the screen. They scrolled an article and
did nothing in the headlines or the feed list (acc26's terminal purist). Driven with Pilot on
the synced demo data."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.store import Store
from reader.ui.widgets.main.feed_list import FeedList
from tests.tui_pilot import running, table


def test_ctrl_d_and_ctrl_u_move_the_headlines_half_a_page(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 16), prefetch=False) as (app, pilot):
            headlines = table(app)
            half = headlines.scrollable_content_region.height // 2
            assert len(headlines.rows) > 4 * half
            await pilot.press("j", "j")
            await pilot.press("ctrl+d")
            await pilot.pause()
            assert (headlines.cursor, headlines.scroll_y) == (2 + half, half)
            await pilot.press("ctrl+d")
            await pilot.pause()
            assert (headlines.cursor, headlines.scroll_y) == (2 + 2 * half, 2 * half)
            await pilot.press("ctrl+u")
            await pilot.pause()
            assert (headlines.cursor, headlines.scroll_y) == (2 + half, half)
            await pilot.press("ctrl+u", "ctrl+u")
            await pilot.pause()
            assert (headlines.cursor, headlines.scroll_y) == (0, 0)
            await pilot.press("G")
            await pilot.pause()
            line = headlines.cursor - headlines.scroll_y  # the screen's last line
            await pilot.press("ctrl+u")  # from the end: the cursor keeps its line
            await pilot.pause()
            assert headlines.cursor == len(headlines.rows) - 1 - half
            assert headlines.cursor - headlines.scroll_y == line

    asyncio.run(run())


def test_ctrl_d_and_ctrl_u_move_the_feed_list_half_a_page(synced_dir: Path) -> None:
    store = Store(synced_dir)
    try:
        for number in range(40):  # never fetched: refresh_on_start is off
            store.add_feed(f"http://127.0.0.1:9/feed{number:02}.xml", title=f"Feed {number:02}")
    finally:
        store.close()

    async def run() -> None:
        async with running(synced_dir, (100, 20), prefetch=False) as (app, pilot):
            await pilot.press("tab")
            feeds = app.screen.query_one(FeedList)
            assert app.screen.focused is feeds
            half = feeds.scrollable_content_region.height // 2
            start = feeds.highlighted or 0
            await pilot.press("ctrl+d")
            await pilot.pause()
            assert (feeds.highlighted, feeds.scroll_y) == (start + half, half)
            await pilot.press("ctrl+d")
            await pilot.pause()
            assert (feeds.highlighted, feeds.scroll_y) == (start + 2 * half, 2 * half)
            await pilot.press("ctrl+u")
            await pilot.pause()
            assert (feeds.highlighted, feeds.scroll_y) == (start + half, half)
            # The headlines shown are the highlighted feed's, as with PgDn.
            assert app.screen.feed_url == feeds.selected_url

    asyncio.run(run())
