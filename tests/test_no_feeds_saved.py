"""A library of saved articles and no feed (a read-it-later export imported): the empty list
says where the saved ones are, whole at 120 columns, and the status line's count of them
follows `s` (acc32a A16); the note saying there is no feed gives way to those counts once a
key says something or an article opens, as a refresh's summary does (acc51b B5). Driven with
Pilot on a real store, its pages from 127.0.0.1."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.library import Library
from reader.ui.headlines import SAVED_VIEW
from tests.test_saved_counts import _two_saved
from tests.tui_pilot import open_row, running, screen_text, status, table, until


def _saved_links(data: Path, count: int) -> None:
    async def run() -> None:
        lib = Library(data)
        try:
            for n in range(count):
                url = f"http://127.0.0.1:9/later/{n}.html"
                lib.set_saved(url, True, title=f"Kept for later number {n}")
        finally:
            await lib.aclose()

    asyncio.run(run())


def test_the_empty_list_says_where_the_saved_articles_are_and_the_count_follows(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    _saved_links(data, 16)

    async def run() -> None:
        async with running(data, (120, 40), prefetch=False) as (app, pilot):
            await until(pilot, lambda: "No feeds yet" in screen_text(app), "the empty list")
            pane = [line for line in screen_text(app).splitlines()[:-2] if "No feeds" in line]
            assert "Your 16 saved articles are in Saved." in "\n".join(pane), pane
            assert "Your 16 saved articles are in Saved." in app.status
            app.main_screen.show_feed(SAVED_VIEW)
            await pilot.pause()
            first = table(app).rows[0]
            await pilot.press("s")
            await until(pilot, lambda: not app.lib.is_saved(first.entry), "unsaved")
            await until(pilot, lambda: "15 unread of 15 in Saved" in app.status, "the count")

    asyncio.run(run())


def test_the_no_feed_note_gives_way_to_what_a_key_says(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _saved_links(data, 3)

    async def run() -> None:
        async with running(data, (120, 40), prefetch=False) as (app, pilot):
            assert "No feeds yet" in app.status
            app.main_screen.show_feed(SAVED_VIEW)
            await pilot.pause()
            await pilot.press("E")
            # The counts under "Archived: …", what `E` changed seen in them, the note gone.
            await until(pilot, lambda: "1 in Archive" in status(app), "the archive counted")
            assert status(app).startswith("2 unread of 2 in Saved · 1 in Archive"), status(app)
            assert "No feeds yet" not in app.status
            assert "no feeds (a adds one)" in status(app)
            await pilot.press("j", "m")
            await until(pilot, lambda: status(app).startswith("1 unread of 2"), "m counted")

    asyncio.run(run())


def test_the_no_feed_note_is_not_kept_in_an_opened_article(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    _two_saved(httpserver, data)

    async def run() -> None:
        async with running(data, (120, 40), prefetch=False) as (app, pilot):
            assert "No feeds yet" in app.status
            app.main_screen.show_feed(SAVED_VIEW)
            await pilot.pause()
            screen = await open_row(pilot, 0)
            await until(pilot, lambda: "No feeds yet" not in status(app), "the note gone")
            assert "1 unread of 2 in Saved" in status(app), status(app)
            assert app.screen is screen

    asyncio.run(run())
