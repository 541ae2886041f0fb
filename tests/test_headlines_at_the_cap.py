"""A feed at its headline cap (`[feeds] max_items`, else the 2,000 a feed keeps): a refresh that
pushes older headlines out says how many went and how many of them were unread, in the reader's
status line and in `reader sync`'s summary (acc43c C7: "41 new headlines" as 40 others left
the list unsaid, the unread count moving by 1)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli import main

FIRST = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)


class WireFeed:
    """A wire's feed on 127.0.0.1 carrying its `count` newest briefs, one a minute: a test
    raises `count` as the wire files more."""

    def __init__(self, server: HTTPServer, count: int) -> None:
        self.count = count
        server.expect_request("/wire.xml").respond_with_handler(self._answer)
        self.url = server.url_for("/wire.xml")

    def _answer(self, _request: Request) -> Response:
        items = "".join(
            f"<item><title>Brief {n}</title><link>https://wire.example/brief-{n}</link>"
            f"<guid>brief-{n}</guid>"
            f"<pubDate>{format_datetime(FIRST + timedelta(minutes=n))}</pubDate></item>"
            for n in range(self.count, 0, -1)
        )
        body = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Briefs</title>'
            f"{items}</channel></rss>"
        )
        return Response(body, content_type="application/rss+xml")


def run(directory: Path, *argv: str) -> int:
    return main(["--data-dir", str(directory), *argv])


def configured(directory: Path, text: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    directory.joinpath("config.toml").write_text(text, encoding="utf-8")


def briefs_read(directory: Path, *numbers: int) -> None:
    """Mark the briefs of `numbers` read, as `reader mark-read` by their links."""
    links = [f"https://wire.example/brief-{n}" for n in numbers]
    assert run(directory, "mark-read", *links) == 0


def test_a_sync_at_max_items_says_how_many_went_and_how_many_unread(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    configured(data_dir, "[feeds]\nmax_items = 5\n")
    wire = WireFeed(httpserver, 5)
    assert run(data_dir, "add", wire.url) == 0
    briefs_read(data_dir, 1, 2)
    wire.count = 8  # briefs 1, 2 (read) and 3 (unread) past the newest five
    capsys.readouterr()
    assert run(data_dir, "sync", "--no-articles") == 0
    said = capsys.readouterr().err
    assert "synced 1 of 1 feed (3 new headlines)" in said
    assert "3 older headlines dropped, 1 unread (a feed keeps 5: [feeds] max_items)" in said
    # Nothing new, nothing dropped: nothing said of it.
    assert run(data_dir, "sync", "--no-articles") == 0
    said = capsys.readouterr().err
    assert "synced 1 of 1 feed (0 new headlines)" in said
    assert "dropped" not in said


def test_a_sync_at_the_two_thousand_a_feed_keeps_says_so(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wire = WireFeed(httpserver, 1995)
    assert run(data_dir, "add", wire.url) == 0
    briefs_read(data_dir, *range(1, 8))  # seven of the ten to go read
    wire.count = 2010
    capsys.readouterr()
    assert run(data_dir, "sync", "--no-articles") == 0
    said = capsys.readouterr().err
    assert "synced 1 of 1 feed (15 new headlines)" in said
    assert "10 older headlines dropped, 3 unread (a feed keeps 2,000: [feeds] max_items)" in said


def test_the_reader_left_open_says_what_its_refresh_dropped(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    from reader.config import load_config
    from reader.ui.app import ReaderApp
    from tests.tui_pilot import until

    configured(data_dir, "[feeds]\nmax_items = 5\n")
    wire = WireFeed(httpserver, 5)
    assert run(data_dir, "add", wire.url) == 0
    briefs_read(data_dir, 1, 2, 3)

    async def left_open() -> None:
        app = ReaderApp(
            data_dir, refresh_on_start=False, config=load_config(data_dir / "config.toml")
        )
        app.prefetch_limit = 0
        async with app.run_test(size=(200, 20)) as pilot:
            await asyncio.wait_for(app.ready.wait(), 30)
            wire.count = 9  # briefs 1-3 (read) and 4 past the newest five
            await pilot.press("r")
            await until(pilot, lambda: app.status.startswith("Refreshed"), "the refresh's end")
            assert app.status.startswith(
                "Refreshed 1 of 1 feed: 4 new headlines · 4 older ones dropped, 1 unread"
                " (a feed keeps 5: [feeds] max_items)"
            )
            assert len(app.index.headlines) == 5
            wire.count = 10
            await pilot.press("r")
            await until(pilot, lambda: "1 new headline" in app.status, "the second refresh")
            assert "1 older one dropped, unread (a feed keeps 5" in app.status

    asyncio.run(left_open())
