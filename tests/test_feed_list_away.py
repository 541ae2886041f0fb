"""`f` puts the feed list away at any width, the headlines taking the whole of it (at 80 columns
"All feeds" gave a title 29 cells beside the 20-cell feed list: acc27b B12), Tab still brings it
in while in use, and the reader opens as it was left; driven with Pilot on the synced demo."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.ui.screens.main import MainScreen
from reader.ui.widgets.main.feed_list import FeedList
from reader.ui.widgets.main.headline_table import HeadlineTable
from tests.tui_pilot import running, screen_text, status, table


def test_f_puts_the_feed_list_away_and_the_reader_opens_so(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (80, 24), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            feeds = screen.query_one(FeedList)
            assert feeds.display and table(app).size.width < 60
            await pilot.press("f")
            await pilot.pause()
            assert not feeds.display and table(app).size.width >= 78
            assert "Feed list put away (Tab shows it while in use)" in status(app)
            assert "All feeds" not in screen_text(app).splitlines()[2]  # no feed list row
            await pilot.press("tab")  # in use: shown
            await pilot.pause()
            assert feeds.display and isinstance(screen.focused, FeedList)
            await pilot.press("j", "enter")  # a feed chosen: away again
            await pilot.pause()
            assert isinstance(screen.focused, HeadlineTable) and not feeds.display
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            feeds = app.screen.query_one(FeedList)
            assert not feeds.display  # as it was left, at another width too
            await pilot.press("f")
            await pilot.pause()
            assert feeds.display and "Feed list shown" in status(app)
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            assert app.screen.query_one(FeedList).display

    asyncio.run(run())
