"""The line a finished `S` leaves (what came, what is not offline) stays until the user does
something: the fetch ahead the sync's end starts must not put the idle counts over it."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from served_feed import serve_stories
from test_cli import reader
from tui_pilot import started, until

from reader.library import Library
from reader.sync_lock import SyncLock
from reader.ui.app import ReaderApp

STORIES = [(f"Harbour story {hour}", hour) for hour in range(12)]


def test_the_first_syncs_summary_stays_after_the_refresh_on_opening(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc29b T11: the first `S` after opening (the refresh on opening and the fetch ahead
    done) ended on the idle counts, its "Synced …" line gone at once."""
    home = tmp_path / "home"
    # One story whose page is a PDF: never cached, so the list after the sync has one to fetch.
    httpserver.expect_request("/story-0.html").respond_with_data(
        b"%PDF-1.4 a council report", content_type="application/pdf"
    )
    assert reader(home, "add", serve_stories(httpserver, "Harbour", STORIES)).returncode == 0

    async def run() -> str:
        app = ReaderApp(home)
        app.prefetch_limit = 3
        async with app.run_test(size=(140, 30)) as pilot:
            await started(pilot)
            await until(pilot, lambda: not app.refresh_coming and not app._busy, "the refresh")
            await until(pilot, lambda: all(w.is_finished for w in app.workers), "its jobs")
            await pilot.press("S")
            await until(pilot, lambda: app.status.startswith("Synced"), "the sync's end")
            await until(pilot, lambda: all(w.is_finished for w in app.workers), "its jobs")
            await pilot.pause()
            return app.status

    assert asyncio.run(run()).startswith("Synced 1 of 1 feed · ")


@pytest.fixture
def threaded_site() -> Iterator[HTTPServer]:
    server = HTTPServer(threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


def test_another_syncs_line_stays_while_what_it_caches_is_read_in(
    tmp_path: Path, threaded_site: HTTPServer
) -> None:
    """acc29b T8: "Another sync (pid N) is running" gave way to the idle counts as soon as the
    other sync's first articles were read in (0.1 s), and `S` seemed to do nothing."""
    home = tmp_path / "home"
    rest = threading.Event()  # the other sync's later pages come once the test has looked

    def later_pages(path: str) -> None:
        if path not in ("/story-11.html", "/story-10.html"):
            rest.wait(60)

    feed = serve_stories(threaded_site, "Harbour", STORIES, wait_page=later_pages)
    assert reader(home, "add", feed).returncode == 0
    held = SyncLock(home)
    assert held.take()  # the other sync's, as `reader sync` in another window holds it

    async def sync_elsewhere() -> None:
        async with Library(home) as lib:
            await lib.sync()

    async def run() -> tuple[str, str]:
        app = ReaderApp(home, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.1
        app.notice_seconds = 600  # the line's own time out of the way: what is read in is tested
        async with app.run_test(size=(140, 30)) as pilot:
            await started(pilot)
            await pilot.press("S")
            said = app.status
            other = threading.Thread(target=asyncio.run, args=(sync_elsewhere(),))
            other.start()
            try:
                await until(pilot, lambda: app.index.cached >= 2, "its first articles read in")
                await until(pilot, lambda: all(w.is_finished for w in app.workers), "its jobs")
                return said, app.status
            finally:
                rest.set()
                await asyncio.to_thread(other.join)

    try:
        said, meanwhile = asyncio.run(run())
    finally:
        held.release()
    assert said.startswith("Another sync (pid ")
    assert meanwhile == said
