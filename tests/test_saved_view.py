"""The feed list's "Saved" view, after "All feeds": every article saved for good with their
count, one saved by its address that no feed lists among them, opened offline from there, and
`s` unsaves an article, naming it, its row staying till the view is left. Driven with Pilot on the synced demo data and a
page served on 127.0.0.1."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.app import App

from reader.library import Library
from reader.ui.headlines import SAVED_VIEW
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.main.feed_list import FeedList
from reader.ui.widgets.main.headline_table import HeadlineTable
from tests.tui_pilot import notices_raised, running, screen_segments, screen_text, table, until

PAGE = (
    "<!doctype html><html><head><title>Tide tables [bold]misprinted[/bold] | Quay Weekly</title>"
    '<meta property="og:site_name" content="Quay Weekly">'
    '<meta property="article:published_time" content="2026-11-02T07:00:00Z">'
    "</head><body><nav><a href='/'>Quay Weekly</a></nav><article>"
    "<h1>Tide tables [bold]misprinted[/bold]</h1>"
    "<p>The harbour office has withdrawn this winter's printed tide tables after a boatman "
    "noticed that the February high waters had been copied from the previous year.</p>"
    "<p>Corrected tables are pinned at the slipway and the chandlery, and the office asks "
    "anyone who took a booklet home to bring it back for a new one.</p>"
    "<p>No sailing was affected, the harbour master said, as the error was found before "
    "the month began.</p></article><footer>Quay Weekly</footer></body></html>"
)


def _saved_row(app: App[object]) -> str:
    """The count the feed list's "Saved" row shows (its second row)."""
    lines = screen_text(app).splitlines()
    found = re.search(r"│ +Saved +(\d*)│", lines[2])
    return found.group(1) if found else f"no Saved row: {lines[2]}"


def _save(data: Path, page_url: str) -> str:
    """Save a page no feed lists, then one of the demo's articles, the last saved (first in
    Saved); the demo article's title."""

    async def run() -> str:
        lib = Library(data)
        try:
            headline = next(h for h in lib.headlines() if h.cached)
            await lib.save(page_url)
            await lib.save(headline.entry)
            return headline.entry.title
        finally:
            await lib.aclose()

    return asyncio.run(run())


def test_the_saved_view_lists_every_saved_article_and_unsaves_at_once(
    synced_dir: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/notes/tides.html").respond_with_data(PAGE, content_type="text/html")
    demo_title = _save(synced_dir, httpserver.url_for("/notes/tides.html"))
    httpserver.clear()  # from now on, read from the cache only
    fetched = len(httpserver.log)

    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            assert _saved_row(app) == "2", screen_text(app)
            await pilot.press("tab", "j")
            await pilot.pause()
            assert app.screen.query_one(FeedList).selected_url == SAVED_VIEW
            rows = table(app).rows
            titles = [h.entry.title for h in rows]
            assert titles == [demo_title, "Tide tables [bold]misprinted[/bold]"]
            assert all(h.saved for h in rows)
            tides = rows[1]
            assert tides.entry.feed_title == "Quay Weekly" and tides.cached
            # Titles are text from the web: shown as they are, never as markup.
            assert "[bold]misprinted[/bold]" in screen_segments(app)
            assert "Saved · 2 unread of 2" in screen_text(app)

            # Opened from the view, offline: from the cache.
            await pilot.press("tab")
            table(app).cursor = 1
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "the article")
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            await until(pilot, lambda: screen.loaded, "the article loaded")
            assert "withdrawn this winter's printed tide tables" in screen_text(app)
            # Unsaved while reading it, it stays in the view behind, unstarred, and is named;
            # saved again, it is starred again.
            behind = app.main_screen.query_one(HeadlineTable)
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("s")
            await until(pilot, lambda: not behind.rows[1].saved, "the row unstarred")
            said = "Unsaved: Tide tables [bold]misprinted[/bold] · s again keeps it"
            await until(pilot, lambda: said in raised, "the article named")
            assert [h.entry.id for h in behind.rows] == [h.entry.id for h in rows]
            await pilot.press("s")
            await until(pilot, lambda: behind.rows[1].saved, "the row starred again")
            assert app.lib.is_saved(tides.entry)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the headlines")
            assert table(app).current is not None and table(app).current.read

            # `s` unsaves it: the row stays, unstarred, under the cursor, the view counting
            # one saved; the view drawn again (a sync elsewhere) keeps it too; `s` again
            # keeps it.
            await pilot.press("s")
            await until(pilot, lambda: not app.lib.is_saved(tides.entry), "unsaved")
            await until(pilot, lambda: _saved_row(app) == "1", "the count of one")
            assert [h.entry.title for h in table(app).rows] == [demo_title, tides.entry.title]
            assert table(app).cursor == 1 and not table(app).rows[1].saved
            assert "Saved · 1 unread of 1" in screen_text(app)
            app.main_screen.show_view(keep=tides.entry.id)
            await pilot.pause()
            assert len(table(app).rows) == 2
            await pilot.press("s")
            await until(pilot, lambda: app.lib.is_saved(tides.entry), "saved again")
            await until(pilot, lambda: _saved_row(app) == "2", "the count of two")
            assert table(app).rows[1].saved

            # Unsaved, and the view left: it is gone when the view is shown again.
            await pilot.press("s")
            await until(pilot, lambda: _saved_row(app) == "1", "the count of one")
            await pilot.press("tab", "k", "j")
            await pilot.pause()
            assert [h.entry.title for h in table(app).rows] == [demo_title]
            # The last one too: shown again, the view is empty and says how to save one.
            await pilot.press("tab", "s")
            await until(pilot, lambda: _saved_row(app) == "", "no count")
            await pilot.press("tab", "k", "j")
            await until(pilot, lambda: table(app).rows == [], "an empty view")
            await pilot.pause()
            assert "Nothing saved yet" in screen_text(app)
        assert len(httpserver.log) == fetched

    asyncio.run(run())
