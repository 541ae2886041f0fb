"""`U` after `A` / `C` (acc41a A3, A10): it marks unread again what the mark-all marked and
nothing else: not an article opened (read) since, nor the marks a `reader mark-read` beside the
open reader made; and those show in the open reader within seconds, as a sync elsewhere does
(they went unseen until a restart, and a `C` then `U` on the stale lists undid them). Driven
with Pilot on the synced demo data; the command run as a user runs it, in a process of its
own."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from reader.library import Library
from reader.ui.app import ReaderApp
from reader.ui.dialogs.confirm import ConfirmScreen
from reader.ui.screens.article import ArticleScreen
from tests.test_catch_up_keys import choose_feed, unread_of
from tests.tui_pilot import keys_handled, on_top, running, status, table, until


def _unread_in_store(data: Path, feed_url: str | None) -> int:
    lib = Library(data)
    try:
        return sum(not h.read for h in lib.headlines(feed_url))
    finally:
        lib.close()


def _mark_read_beside(data: Path, *args: str) -> str:
    """`reader mark-read` run in a shell beside the open reader: what it said."""
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "mark-read", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


async def _all_written(app: ReaderApp) -> None:
    while app._unkept or app._writing is not None:
        await asyncio.sleep(0.05)


def test_U_leaves_read_an_article_opened_after_the_mark_all(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (140, 30), prefetch=False) as (app, pilot):
            await choose_feed(pilot, 1)
            feed_url = app.main_screen.feed_url
            assert feed_url is not None
            in_feed = unread_of(app, feed_url)
            assert in_feed > 3
            await pilot.press("A")
            await keys_handled(pilot)
            assert unread_of(app, feed_url) == 0
            await pilot.press("j", "j", "enter")
            article = await on_top(pilot, ArticleScreen, "the third headline's article")
            opened = article.headline.entry.id
            await pilot.press("q")
            await keys_handled(pilot)
            await pilot.press("U")
            await keys_handled(pilot)
            assert f"Marked {in_feed - 1} headlines unread again." in status(app)
            assert unread_of(app, feed_url) == in_feed - 1
            rows = {h.entry.id: h.read for h in table(app).rows}
            assert rows[opened] and sum(rows.values()) == 1  # the opened one alone read
            await _all_written(app)
        assert _unread_in_store(synced_dir, feed_url) == in_feed - 1

    asyncio.run(run())


def test_mark_read_beside_the_open_reader_shows_in_it_and_U_leaves_it(
    synced_dir: Path,
) -> None:
    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.2
        async with app.run_test(size=(140, 30)) as pilot:
            await until(pilot, lambda: app.index.whole and table(app).rows, "the headlines")
            feeds = [feed.url for feed in app.index.feeds]
            marked, other = feeds[0], feeds[1]
            in_marked, in_other = unread_of(app, marked), unread_of(app, other)
            assert in_marked and in_other
            total = unread_of(app, None)
            said = await asyncio.to_thread(_mark_read_beside, synced_dir, "--feed", marked)
            assert f"Marked {in_marked} headlines of the feed read." in said
            await until(pilot, lambda: unread_of(app, marked) == 0, "the marks made beside")
            await until(
                pilot,
                lambda: sum(not h.read for h in table(app).rows) == total - in_marked,
                "the list drawn with them",
            )
            await pilot.press("C")
            await on_top(pilot, ConfirmScreen, "C's question")
            await pilot.press("y")
            await keys_handled(pilot)
            assert unread_of(app, None) == 0
            await pilot.press("U")
            await keys_handled(pilot)
            assert f"Marked {total - in_marked} headlines unread again." in status(app)
            assert unread_of(app, marked) == 0 and unread_of(app, other) == in_other
            await _all_written(app)
        assert _unread_in_store(synced_dir, marked) == 0
        assert _unread_in_store(synced_dir, other) == in_other

    asyncio.run(run())


def test_r_reads_in_the_marks_made_beside_not_yet_seen(synced_dir: Path) -> None:
    """The look for changes made elsewhere comes every few seconds: an `r` before it reads
    them in (it took them for its own and dropped them: they never showed)."""

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 3600.0  # seen by `r` alone
        async with app.run_test(size=(140, 30)) as pilot:
            await until(pilot, lambda: app.index.whole and table(app).rows, "the headlines")
            marked = app.index.feeds[0].url
            assert unread_of(app, marked)
            await asyncio.to_thread(_mark_read_beside, synced_dir, "--feed", marked)
            assert unread_of(app, marked)
            await pilot.press("r")
            await until(pilot, lambda: app.status.startswith("Refreshed"), "the refresh's end")
            await until(pilot, lambda: unread_of(app, marked) == 0, "the marks made beside")

    asyncio.run(run())


def test_A_on_all_feeds_asks_first_as_C_does(synced_dir: Path) -> None:
    """acc41a A4: "All feeds", the row the reader starts on, is every feed: `A` there marked
    them all at once where `C` asks (newsboat's `A` marks the one feed under the cursor)."""

    async def run() -> None:
        async with running(synced_dir, (140, 30), prefetch=False) as (app, pilot):
            assert app.main_screen.feed_url is None  # "All feeds"
            total = unread_of(app, None)
            await pilot.press("A")
            dialog = await on_top(pilot, ConfirmScreen, "the question")
            question = f"Mark all {total} unread headlines of every feed read? (y / n)"
            assert dialog.question == question
            await pilot.press("n")
            await keys_handled(pilot)
            assert unread_of(app, None) == total
            await pilot.press("tab", "g", "A", "y")  # on its row in the feed list: the same
            await keys_handled(pilot)
            assert unread_of(app, None) == 0
            assert f"Marked {total} headlines of every feed read" in status(app)

    asyncio.run(run())
