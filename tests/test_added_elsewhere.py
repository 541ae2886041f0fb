"""A feed added with `reader add` in another window while the reader is open: its headlines show
there within seconds (the add tells the store, which the reader watches), and `r` reads the
stored headlines of a feed the list has none of, though its answer was a 304 (acc27b B19).
Real feeds on 127.0.0.1 (pytest-httpserver, answering If-None-Match), real stores side by side
in two event loops, the reader driven by Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.library import Library
from tests.tui_pilot import started, until

ETAG = '"v1"'


def _serve_feed(server: HTTPServer, path: str, channel: str, items: int) -> str:
    """An RSS feed at `path` that answers 304 to a request naming its ETag; its address."""
    body = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{channel}</title>'
        + "".join(
            f"<item><title>{channel} story {n}</title><link>{server.url_for(f'{path}/{n}')}</link>"
            f"<guid>{path}/{n}</guid></item>"
            for n in range(items)
        )
        + "</channel></rss>"
    )

    def answer(request: Request) -> Response:
        if request.headers.get("If-None-Match") == ETAG:
            return Response(status=304, headers={"ETag": ETAG})
        return Response(body, content_type="application/rss+xml", headers={"ETag": ETAG})

    server.expect_request(path).respond_with_handler(answer)
    return server.url_for(path)


def _add_elsewhere(data: Path, url: str) -> None:
    """`reader add URL` in another process: a Library of its own on the same directory."""

    async def add() -> None:
        async with Library(data) as lib:
            added = await lib.add(url)
            assert added.result is not None and added.result.new_entries == 5

    asyncio.run(add())


def _subscribed(data: Path, url: str) -> None:
    async def add() -> None:
        async with Library(data) as lib:
            await lib.add(url)

    asyncio.run(add())


def test_a_feed_added_elsewhere_shows_with_its_headlines(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    from reader.ui.app import ReaderApp

    data = tmp_path / "home"
    _subscribed(data, _serve_feed(httpserver, "/first.xml", "First", 2))
    added = _serve_feed(httpserver, "/added.xml", "Added", 5)

    async def left_open() -> None:
        app = ReaderApp(data, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.2
        async with app.run_test(size=(120, 20)) as pilot:
            await started(pilot)
            assert "2 unread of 2" in app.status
            await asyncio.to_thread(_add_elsewhere, data, added)
            await until(pilot, lambda: app.index.count_in(added) == 5, "the added feed's headlines")
            assert any(feed.url == added for feed in app.index.feeds)
            await until(pilot, lambda: "7 unread of 7" in app.status, "the counts")

    asyncio.run(left_open())


def test_r_reads_the_stored_headlines_of_a_feed_the_list_has_none_of(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    from reader.ui.app import ReaderApp

    data = tmp_path / "home"
    _subscribed(data, _serve_feed(httpserver, "/first.xml", "First", 2))
    added = _serve_feed(httpserver, "/added.xml", "Added", 5)

    async def left_open() -> None:
        app = ReaderApp(data, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 3600.0  # the add elsewhere not seen but by `r`
        async with app.run_test(size=(120, 20)) as pilot:
            await started(pilot)
            await asyncio.to_thread(_add_elsewhere, data, added)
            assert app.index.count_in(added) == 0
            await pilot.press("r")
            await until(pilot, lambda: app.status.startswith("Refreshed"), "the refresh's end")
            # Both feeds answered 304: nothing new came, yet the added feed's are listed.
            assert app.status.startswith("Refreshed 2 of 2 feeds: 0 new headlines")
            assert app.index.count_in(added) == 5
            assert app.index.unread_in(None) == 7

    asyncio.run(left_open())
