"""The reader opens on the list it was left on, the cursor on the headline it was on (acc29a
K9): quitting and starting again opened "All feeds" on its first headline. A feed removed
since: "All feeds", no error. Driven with Pilot on the synced demo data, twice over."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.library import Library
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.main.feed_list import FeedList
from tests.tui_pilot import open_row, running, started, table


def _leave_on_second_feed(directory: Path, down: int = 2, read: bool = False) -> tuple[str, str]:
    """Run the reader, go to the second feed (`J J`), `down` rows down (and open that
    article when `read`), quit; the feed and the headline left on."""
    left: list[str] = []

    async def run() -> None:
        async with running(directory, (100, 30), prefetch=False) as (app, pilot):
            await pilot.press("J", "J")
            await pilot.pause()
            for _ in range(down):
                await pilot.press("j")
            await pilot.pause()
            feed_url, current = app.main_screen.feed_url, table(app).current
            assert feed_url is not None and current is not None
            left.extend([feed_url, current.entry.id])
            if read:
                await open_row(pilot, table(app).cursor)
                assert isinstance(app.screen, ArticleScreen)
            await pilot.press("Q")

    asyncio.run(run())
    return left[0], left[1]


def test_the_reader_opens_where_it_was_left(synced_dir: Path) -> None:
    feed_url, entry_id = _leave_on_second_feed(synced_dir)

    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, _pilot):
            assert app.main_screen.feed_url == feed_url
            current = table(app).current
            assert current is not None and current.entry.id == entry_id
            assert app.main_screen.query_one(FeedList).selected_url == feed_url

    asyncio.run(run())


def test_quit_from_an_article_reopens_on_its_headline(synced_dir: Path) -> None:
    feed_url, entry_id = _leave_on_second_feed(synced_dir, down=1, read=True)

    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, _pilot):
            assert app.main_screen.feed_url == feed_url
            current = table(app).current
            assert current is not None and current.entry.id == entry_id

    asyncio.run(run())


def test_the_headline_left_is_found_once_every_headline_is_in(synced_dir: Path) -> None:
    """The start draws the newest headlines first: the one left, older, is gone to once the
    rest are in."""
    feed_url, entry_id = _leave_on_second_feed(synced_dir, down=3)

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.first_rows = 1
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            assert app.main_screen.feed_url == feed_url
            current = table(app).current
            assert current is not None and current.entry.id == entry_id

    asyncio.run(run())


def test_a_feed_removed_since_opens_all_feeds(synced_dir: Path) -> None:
    feed_url, _entry_id = _leave_on_second_feed(synced_dir)

    async def remove() -> None:
        async with Library(synced_dir) as lib:
            assert lib.remove_feed(feed_url)

    asyncio.run(remove())

    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, _pilot):
            assert app.main_screen.feed_url is None
            assert table(app).rows
            assert "rror" not in app.status

    asyncio.run(run())
