"""An address where nothing answers at its first fetch (no server at its port, no https spoken
there, no such host) is not subscribed unless the user says to keep it (acc44a A1): a typo was
subscribed for good, a "!" row failing at every sync. `reader add --keep` keeps it; the reader's
`a` asks, no by default. One that may answer later (a server's error) is kept, as ever."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.pilot import Pilot

from reader.ui.dialogs.confirm import ConfirmScreen
from reader.ui.dialogs.feed_input import FeedInputScreen
from reader.ui.screens.main import MainScreen
from tests.cli_run import run_reader
from tests.test_feed_editing import reader_feeds, type_in
from tests.tui_pilot import on_top, running, until

RETRY = "`reader add --keep URL` keeps it, to be retried at each sync"


def closed_port() -> int:
    """A port of 127.0.0.1 nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def feed_urls(home: Path) -> list[str]:
    return [str(feed["url"]) for feed in reader_feeds(home)]


def test_reader_add_keeps_an_address_nothing_answers_at_only_with_keep(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    home = tmp_path / "home"
    nobody = f"http://127.0.0.1:{closed_port()}/feed.xml"
    httpserver.expect_request("/feed.xml").respond_with_data("<rss/>", status=200)
    plain_only = httpserver.url_for("/feed.xml").replace("http://", "https://")
    for address, why, nothing in (
        (nobody, "cannot connect to", "nothing answered"),
        # A server answered, in plain http: no web server did (acc47c C7).
        (plain_only, "does not speak https", "no web server answered"),
    ):
        added = run_reader(home, "add", address)
        assert added.returncode == 1, added.stderr
        first, second = added.stderr.strip().splitlines()
        assert first.startswith(f"reader: {nothing} at {address}: ")
        assert why in first and first.endswith(": not subscribed")
        assert second.endswith(RETRY)
        assert "subscribed to" not in added.stderr
    assert feed_urls(home) == []
    # Kept when asked: subscribed, its first fetch failed (exit 1, as ever), retried at a sync.
    kept = run_reader(home, "add", "--keep", nobody)
    assert kept.returncode == 1
    assert f"subscribed to {nobody}, but its first fetch failed" in kept.stderr
    assert feed_urls(home) == [nobody]


def test_a_server_error_that_may_pass_is_kept_and_said_so(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    home = tmp_path / "home"
    httpserver.expect_request("/busy.xml").respond_with_data("", status=503)
    busy = httpserver.url_for("/busy.xml")
    added = run_reader(home, "add", busy)
    assert added.returncode == 1
    assert "it stays subscribed and is retried on the next `reader sync`" in added.stderr
    assert feed_urls(home) == [busy]


def test_the_reader_asks_before_keeping_an_address_nothing_answers_at(data_dir: Path) -> None:
    nobody = f"http://127.0.0.1:{closed_port()}/feed.xml"

    async def add(pilot: Pilot[object], answer: str) -> str:
        """`a`, the address, Enter; the question asked, then `answer`."""
        await pilot.press("a")
        await on_top(pilot, FeedInputScreen, "the line")
        await type_in(pilot, nobody)
        await pilot.press("enter")
        asked = await on_top(pilot, ConfirmScreen, "the question")
        question = asked.question
        await pilot.press(answer)
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen), "answered")
        return question

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            question = await add(pilot, "n")
            assert question.startswith(f"Nothing answered at {nobody}: cannot connect to")
            assert "Keep it, to retry at each sync? y/n" in question
            assert app.status.endswith(": not subscribed")
            assert [feed.url for feed in app.index.feeds] == []
            await add(pilot, "y")
            await until(
                pilot,
                lambda: [feed.url for feed in app.index.feeds] == [nobody],
                "kept",
                detail=lambda: app.status,
            )

    asyncio.run(run())
    assert feed_urls(data_dir) == [nobody]
