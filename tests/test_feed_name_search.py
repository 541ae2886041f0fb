"""`/` with the feed list in use finds a feed by its name (acc27b B22: it searched the headlines
of the feed under the cursor): the cursor goes to the first feed whose name holds the query as
it is typed, its headlines shown; Enter keeps it for `n` / `N`, Esc in the line goes back to
the feed there was, Esc after Enter clears it. Driven with Pilot on the synced demo data."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.ui.screens.main import MainScreen
from reader.ui.widgets.main.feed_list import ALL_FEEDS, SAVED, FeedList
from tests.tui_pilot import running, screen_text, status

SIZE = (120, 30)


def test_slash_in_the_feed_list_finds_a_feed_by_its_name(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("tab")
            await pilot.pause()
            feeds = screen.query_one(FeedList)
            assert app.screen.focused is feeds
            names = [ALL_FEEDS, SAVED, *(f.display_title for f in feeds.feeds.values())]
            last = len(names) - 1
            # The last feed's name, cut to a word of it no other name holds.
            word = next(
                w
                for w in names[last].split()
                if len(w) > 3 and sum(w.casefold() in n.casefold() for n in names) == 1
            )
            query = word[:-1].lower()  # smartcase: lowercase finds it in any case
            await pilot.press("slash", *query)
            await pilot.pause()
            assert feeds.highlighted == last
            assert screen.feed_url == feeds.selected_url  # its headlines shown
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen.focused is feeds
            assert feeds.names == names
            assert screen.feed_query == query
            assert f"Feed 1 of 1 for “{query}”" in status(app)
            # `n` with no other match stays; `k` moves, `n` comes back round.
            await pilot.press("k", "n")
            await pilot.pause()
            assert feeds.highlighted == last
            # Kept in the feed list: the headlines' status line doesn't show it.
            await pilot.press("tab")
            await pilot.pause()
            assert "for “" not in status(app)
            await pilot.press("tab")
            await pilot.pause()
            assert f"Feed 1 of 1 for “{query}”" in status(app)
            await pilot.press("escape")
            await pilot.pause()
            assert screen.feed_query == ""
            assert "for “" not in status(app)
            # Esc in the line: back to the feed where `/` was pressed.
            await pilot.press("g")
            await pilot.pause()
            await pilot.press("slash", *query)
            await pilot.pause()
            assert feeds.highlighted == last
            await pilot.press("escape")
            await pilot.pause()
            assert feeds.highlighted == 0 and screen.feed_query == ""
            # Nothing found says so, and the cursor stays.
            await pilot.press("slash", *"zzqx")
            await pilot.pause()
            assert feeds.highlighted == 0
            await pilot.press("enter")
            await pilot.pause()
            assert "No feed's name holds “zzqx”" in status(app)

    asyncio.run(run())


def test_the_feed_list_stays_shown_while_a_feed_is_found_on_a_narrow_screen(
    synced_dir: Path,
) -> None:
    """Under 80 columns the feed list shows while in use: typing its search keeps it in use."""

    async def run() -> None:
        async with running(synced_dir, (70, 24), prefetch=False) as (app, pilot):
            screen = app.screen
            feeds = screen.query_one(FeedList)
            await pilot.press("tab")
            await pilot.pause()
            last = list(feeds.feeds.values())[-1].display_title
            await pilot.press("slash", *last.split()[0].lower())
            await pilot.pause()
            assert feeds.highlighted == len(feeds.feeds) + 1
            assert feeds.region.width > 0
            assert last in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert screen.focused is feeds and feeds.region.width > 0

    asyncio.run(run())
