"""`Ctrl-R` (newsboat's `r`): the feed shown refreshed alone, a tag's row its feeds, "All feeds"
every feed as `r`. Real feeds on 127.0.0.1 whose requests are counted, the reader by Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer
from tui_pilot import started, subscribe, until

from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.headlines import folder_view, tag_view

PAPERS = ["quay.xml", "tide.xml", "wire.xml"]


def serve(server: HTTPServer, path: str) -> str:
    base = server.url_for("").rstrip("/")
    server.expect_request(f"/{path}").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{path}</title>'
        f"<item><title>Ferry news from {path}</title><link>{base}/{path}.html</link>"
        "<pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate></item></channel></rss>",
        content_type="application/rss+xml",
    )
    return server.url_for(f"/{path}")


def asked(server: HTTPServer) -> list[str]:
    """The feeds asked for (not the pages a refresh fetches ahead)."""
    return sorted(r.path.lstrip("/") for r, _ in server.log if r.path.endswith(".xml"))


def test_ctrl_r_refreshes_the_feed_or_tag_shown(httpserver: HTTPServer, data_dir: Path) -> None:
    urls = [serve(httpserver, path) for path in PAPERS]
    subscribe(data_dir, urls)
    store = Store(data_dir)
    try:
        store.tag_feed(urls[1], ["coast"])
        store.tag_feed(urls[2], ["coast"])
    finally:
        store.close()

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            screen = app.main_screen

            async def refreshed(key: str) -> list[str]:
                httpserver.clear_log()
                app.status = ""
                await pilot.press(key)
                await until(pilot, lambda: app.status.startswith("Refreshed"), "the refresh")
                return asked(httpserver)

            screen.show_feed(urls[0])
            await pilot.pause()
            assert await refreshed("ctrl+r") == ["quay.xml"]
            assert app.status.startswith("Refreshed 1 of 1 feed")
            screen.show_feed(tag_view("coast"))
            await pilot.pause()
            assert await refreshed("ctrl+r") == ["tide.xml", "wire.xml"]
            await pilot.press("q", "g")  # the feed list, its first row: "All feeds"
            await pilot.pause()
            assert screen.feed_url is None
            assert await refreshed("ctrl+r") == PAPERS
            assert await refreshed("r") == PAPERS

    asyncio.run(run())


def test_ctrl_r_refreshes_the_feeds_of_the_folder_shown(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """Work › News and Home › News are two folders: `Ctrl-R` on the first refreshes its own
    feed, not the other's, as the status line says of the folder by its path."""
    urls = [serve(httpserver, path) for path in PAPERS]
    subscribe(data_dir, urls)
    store = Store(data_dir)
    try:
        store.add_feeds(
            [
                (urls[0], "", "", ("Work", "News"), (("Work", "News"),)),
                (urls[1], "", "", ("Home", "News"), (("Home", "News"),)),
            ]
        )
    finally:
        store.close()

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            screen = app.main_screen
            await pilot.press("h", "g", "j", "j", "j")  # All feeds, Saved, Work, News
            news = folder_view(("Work", "News"))
            await until(pilot, lambda: screen.feed_url == news, "Work › News")
            httpserver.clear_log()
            await pilot.press("ctrl+r")
            await until(pilot, lambda: app.status.startswith("Refreshed"), "the refresh")
            assert asked(httpserver) == ["quay.xml"]

    asyncio.run(run())
