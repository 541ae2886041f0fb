"""A feed removed while a refresh or a sync is fetching it (the refresh every start of the reader
runs): it goes at once, with its headlines, and the refresh neither writes it back nor fails. Its
answer held by a real server on 127.0.0.1 until the test lets it go: `D` in the reader, `reader
remove` beside a `reader sync` in another process, and a feed still waiting its turn not fetched
at all."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.config import DEFAULT_LIMITS
from reader.library import Library
from reader.ui.app import ReaderApp
from reader.ui.dialogs.confirm import ConfirmScreen
from reader.ui.screens.main import MainScreen
from tests.tui_pilot import WAIT, notices_raised, until

SIZE = (120, 30)
CLIFF_BEFORE = ["Lighthouse keeper retires", "Storm warning for the coast"]
CLIFF_HELD = ["Cliff path closed after rockfall", *CLIFF_BEFORE]
QUAY = ["Ferry timetable changes for winter", "Fish market moves to the old sheds"]
HARBOUR = ["Harbour dues rise for the moorings", "Lifeboat crew called out twice"]


def _feed(base: str, name: str, titles: list[str]) -> str:
    """An RSS feed of `titles`, the first the newest."""
    items = "".join(
        f"<item><title>{title}</title><link>{base}/{name}/story{n}.html</link>"
        f"<guid>{name}-{title}</guid><pubDate>Tue, 24 Nov 2026 {20 - n}:00:00 GMT</pubDate>"
        "</item>"
        for n, title in enumerate(titles)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name.title()} Gazette'
        f"</title><link>{base}/</link>{items}</channel></rss>"
    )


def _story(request: Request) -> Response:
    """A story's page, its own (the same page for every link is a login page's sign)."""
    paper, number = request.path.strip("/").split("/")
    paragraphs = "".join(
        f"<p>{text}</p>"
        for text in (
            f"The {paper} desk's story number {number[5]} came in late on Tuesday, after the "
            "harbour board had met in the old customs house to hear about the winter moorings.",
            "Members heard from the harbourmaster, who said the fishing fleet had asked for an "
            f"early decision on the dues, and that the {paper} pontoon would need new chains.",
            "A decision on the lifeboat station's slipway was put off until the next meeting, "
            "when the engineers' survey of the sea wall is expected to be ready for members.",
        )
    )
    return Response(
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{paper} "
        f"{number}</title></head><body><article><h1>{paper.title()} story {number[5]}</h1>"
        f"{paragraphs}</article></body></html>",
        content_type="text/html",
    )


class _Held:
    """A feed answered at once until `hold` is set; then each request is held until `go` (or
    WAIT seconds), and answered with a newer headline on top."""

    def __init__(self, before: str, held: str) -> None:
        self.before, self.held = before, held
        self.hold = threading.Event()
        self.requested = threading.Event()
        self.go = threading.Event()
        self.waiting = 0  # requests held now (a try timed out on a busy machine is made again)
        self._lock = threading.Lock()

    def __call__(self, _request: Request) -> Response:
        if not self.hold.is_set():
            return Response(self.before, content_type="application/rss+xml")
        with self._lock:
            self.waiting += 1
        self.requested.set()
        self.go.wait(WAIT)
        with self._lock:
            self.waiting -= 1
        return Response(self.held, content_type="application/rss+xml")


@pytest.fixture
def site() -> Iterator[tuple[HTTPServer, _Held]]:
    """Three feeds of one town's papers: the Cliff Gazette's held once told to, the Quay's and
    the Harbour's answering at once; every story page answers."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    base = server.url_for("").rstrip("/")
    cliff = _Held(_feed(base, "cliff", CLIFF_BEFORE), _feed(base, "cliff", CLIFF_HELD))
    server.expect_request("/cliff.xml").respond_with_handler(cliff)
    for name, titles in (("quay", QUAY), ("harbour", HARBOUR)):
        server.expect_request(f"/{name}.xml").respond_with_data(
            _feed(base, name, titles), content_type="application/rss+xml"
        )
    server.expect_request(re.compile(r"/\w+/story\d\.html")).respond_with_handler(_story)
    yield server, cliff
    cliff.go.set()
    server.stop()


def _subscribed(directory: Path, fetched: list[str], imported: list[str]) -> None:
    """`fetched` subscribed and refreshed (their headlines in the store), then `imported`
    subscribed too, never fetched (as an OPML import leaves them)."""

    async def run() -> None:
        async with Library(directory) as lib:
            for url in fetched:
                lib.add_feed(url)
            await lib.refresh()
            for url in imported:
                lib.add_feed(url)

    asyncio.run(run())


def _held_on_the_cliff(directory: Path, server: HTTPServer, cliff: _Held) -> list[str]:
    """The three papers' feeds subscribed, the Cliff's and the Quay's headlines stored, the
    Harbour's not yet; the Cliff's held from now on. Their addresses, the Cliff's first."""
    cliff_url, quay, harbour = (server.url_for(f"/{n}.xml") for n in ("cliff", "quay", "harbour"))
    _subscribed(directory, [cliff_url, quay], [harbour])
    cliff.hold.set()
    return [cliff_url, quay, harbour]


def _requested(server: HTTPServer, pattern: str) -> list[str]:
    return [request.path for request, _ in server.log if re.fullmatch(pattern, request.path)]


def _stored(directory: Path) -> tuple[list[str], list[str]]:
    """The feeds subscribed and every headline's title, as the store has them."""

    async def run() -> tuple[list[str], list[str]]:
        async with Library(directory) as lib:
            return lib.store.feed_urls(), [h.entry.title for h in lib.headlines()]

    return asyncio.run(run())


def test_D_during_a_refresh_removes_the_feed_at_once_and_the_refresh_keeps_nothing_of_it(
    data_dir: Path, site: tuple[HTTPServer, _Held]
) -> None:
    server, cliff = site
    cliff_url, quay, harbour = _held_on_the_cliff(data_dir, server, cliff)

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await asyncio.wait_for(app.ready.wait(), WAIT)
            screen = app.main_screen
            assert isinstance(screen, MainScreen)
            await until(pilot, lambda: len(app.index.headlines) == 4, "the stored headlines")
            await pilot.press("r")
            # Held on the Cliff Gazette; the others in the list meanwhile.
            await until(pilot, cliff.requested.is_set, "the Cliff Gazette asked for")
            await until(pilot, lambda: len(app.index.view(harbour)) == 2, "the Harbour's in")
            assert app._busy == "refreshing"
            await pilot.press("tab")
            for _ in range(5):
                if screen.feed_url == cliff_url:
                    break
                await pilot.press("j")
                await pilot.pause()
            assert screen.feed_url == cliff_url
            await pilot.press("D")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("y")
            # At once, its answer still held: the refresh lets it go, and ends with the others.
            await until(pilot, lambda: cliff_url not in [f.url for f in app.index.feeds], "removed")
            assert not any(h.entry.feed_url == cliff_url for h in app.index.view(None))
            await until(pilot, lambda: not app._busy, "the refresh's end")
            assert not cliff.go.is_set()
            await until(pilot, lambda: "Unsubscribed: Cliff Gazette" in raised, "the removal said")

            def as_the_refresh_left_it() -> None:
                # The refresh's line, or the idle counts a reload after it put there (a busy
                # machine's timing): nothing failed either way.
                assert "fail" not in app.status and "!" not in app.status, app.status
                assert not any(f.last_error for f in app.index.feeds)
                assert [f.url for f in app.index.feeds] == [quay, harbour]
                titles = sorted(h.entry.title for h in app.index.view(None))
                assert titles == sorted(QUAY + HARBOUR)

            as_the_refresh_left_it()
            cliff.go.set()  # its answer comes, to no one
            await until(pilot, lambda: cliff.waiting == 0, "its answer gone out")
            await asyncio.sleep(0.5)  # and, were it kept, its headline read in
            await pilot.pause()
            as_the_refresh_left_it()

    asyncio.run(run())
    feeds, titles = _stored(data_dir)
    assert feeds == [quay, harbour]
    assert sorted(titles) == sorted(QUAY + HARBOUR)  # the held answer's headline not kept


def test_reader_remove_beside_a_reader_sync_leaves_nothing_of_the_feed_and_no_failure(
    data_dir: Path, site: tuple[HTTPServer, _Held]
) -> None:
    server, cliff = site
    cliff_url, quay, harbour = _held_on_the_cliff(data_dir, server, cliff)
    env = {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "reader"]
    sync = subprocess.Popen(
        [*command, "sync"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert cliff.requested.wait(WAIT), "the sync never asked for the Cliff Gazette"
        removed = subprocess.run(
            [*command, "remove", cliff_url], capture_output=True, text=True, env=env, timeout=120
        )
        assert removed.returncode == 0, removed.stderr
        assert removed.stdout == f"unsubscribed: {cliff_url}\n"
    finally:
        cliff.go.set()
        out, err = sync.communicate(timeout=300)
    assert sync.returncode == 0, out + err
    # The summary, then what the sync downloaded (acc44b B3).
    assert err.splitlines()[-2] == (
        "synced 2 of 2 feeds (2 new headlines); 4 articles cached for offline, "
        "0 already cached, 0 failed"
    ), out + err
    assert err.splitlines()[-1].startswith("downloaded "), out + err
    feeds, titles = _stored(data_dir)
    assert feeds == [quay, harbour]
    assert sorted(titles) == sorted(QUAY + HARBOUR)
    # Nothing of the removed feed's fetched: neither its held answer's stories nor its older.
    assert _requested(server, r"/cliff/story\d\.html") == []
    assert len(_requested(server, r"/(quay|harbour)/story\d\.html")) == 4
    listed = subprocess.run(
        [*command, "list", "--json"], capture_output=True, text=True, env=env, timeout=120
    )
    assert listed.returncode == 0, listed.stderr
    assert {item["feed"] for item in json.loads(listed.stdout)} == {quay, harbour}


def test_a_feed_removed_while_it_waits_its_turn_is_not_fetched(
    data_dir: Path, site: tuple[HTTPServer, _Held]
) -> None:
    """One connection at a time: the Quay's waits behind the Cliff's held one, and is let go
    when removed; the refresh goes on and ends with the Cliff's."""
    server, cliff = site
    cliff_url, quay = server.url_for("/cliff.xml"), server.url_for("/quay.xml")
    _subscribed(data_dir, [cliff_url, quay], [])
    cliff.hold.set()
    asked_before = len(_requested(server, "/quay.xml"))
    one_at_a_time = dataclasses.replace(DEFAULT_LIMITS, max_connections=1, per_host=1)

    async def run() -> None:
        async with Library(data_dir, limits=one_at_a_time) as lib:
            refresh = asyncio.create_task(lib.refresh())
            assert await asyncio.to_thread(cliff.requested.wait, WAIT)
            assert await asyncio.to_thread(lib.remove_feed, quay)
            lib.stop_refreshing(quay)
            cliff.go.set()
            results = await asyncio.wait_for(refresh, WAIT)
            assert [(r.feed.url, r.error, r.new_entries) for r in results] == [(cliff_url, None, 1)]
            assert lib.store.feed_urls() == [cliff_url]
            assert lib.store.entries(quay) == []

    asyncio.run(run())
    assert len(_requested(server, "/quay.xml")) == asked_before
