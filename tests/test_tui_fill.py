"""The list fills in feed by feed while a refresh or a sync runs (acc23 G15): the headlines of a
feed that answered are shown while a slow one is still pending, the empty list says it is
fetching meanwhile (not to press `r`), the cursor stays on the headline the user moved to as the
slow feed's rows come in, and a refresh that every feed failed in says so in the empty list."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.library import Library
from reader.ui import app_fill
from reader.ui.app import ReaderApp
from tests.conftest import sync_into
from tests.no_network import feed_elsewhere
from tests.test_library import ARTICLE
from tests.tui_pilot import WAIT, screen_text, table, until

SIZE = (110, 24)
FAST = ["Ferry timetable changes for winter", "Harbour wall repairs begin", "Fish market moves"]
SLOW = ["Lighthouse keeper retires", "Storm warning for the coast", "New pier lights switched on"]


def _feed(base: str, name: str, titles: list[str], day: int) -> str:
    """An RSS feed of `titles`, the first the newest, all on Nov `day` 2026, half an hour
    apart (an hour apart, forty went to "-19:00:00", a time no reader reads alike)."""
    items = "".join(
        f"<item><title>{title}</title><link>{base}/{name}/story{n}.html</link>"
        f"<guid>{name}-{n}</guid><pubDate>Tue, {day} Nov 2026 {(1200 - 30 * n) // 60:02d}:"
        f"{(1200 - 30 * n) % 60:02d}:00 GMT</pubDate></item>"
        for n, title in enumerate(titles)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name.title()} Gazette'
        f"</title><link>{base}/</link>{items}</channel></rss>"
    )


class _Held:
    """A feed the server answers once the test lets it (or after WAIT seconds)."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.go = threading.Event()
        self.answered = threading.Event()

    def __call__(self, _request: Request) -> Response:
        self.go.wait(WAIT)
        self.answered.set()
        return Response(self.body, content_type="application/rss+xml")


@pytest.fixture
def feeds() -> Iterator[tuple[HTTPServer, _Held, _Held]]:
    """A server with a fast feed and a slow one, each held until released; the slow one's
    headlines are the newer (they come in above the fast one's)."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    base = server.url_for("").rstrip("/")
    fast, slow = _Held(_feed(base, "quay", FAST, 24)), _Held(_feed(base, "cliff", SLOW, 25))
    server.expect_request("/quay.xml").respond_with_handler(fast)
    server.expect_request("/cliff.xml").respond_with_handler(slow)
    server.expect_request(re.compile(r"/\w+/story\d\.html")).respond_with_data(
        ARTICLE, content_type="text/html"
    )
    yield server, fast, slow
    fast.go.set()
    slow.go.set()
    server.stop()


def _imported(directory: Path, urls: list[str]) -> None:
    """Subscribed (as an OPML import leaves it), never fetched."""

    async def run() -> None:
        async with Library(directory) as lib:
            for url in urls:
                lib.add_feed(url)

    asyncio.run(run())


def _titles(app: ReaderApp) -> list[str]:
    return [h.entry.title for h in table(app).rows]


@pytest.mark.parametrize(
    ("start", "late"), [("open", False), ("r", False), ("S", False), ("r", True), ("S", True)]
)
def test_each_feeds_headlines_show_as_it_comes_in(
    tmp_path: Path,
    feeds: tuple[HTTPServer, _Held, _Held],
    monkeypatch: pytest.MonkeyPatch,
    start: str,
    late: bool,
) -> None:
    """On the first open after an import, after `r`, after `S`: the fetching line, then the
    fast feed's headlines (and its count in the feed list) while the slow one is pending;
    then the slow feed's come in above without taking the cursor from where it was put.
    `late`: the slow feed comes in the list with the job's end (the list was filled a moment
    before), where the cursor goes by the same rule."""
    if late:
        monkeypatch.setattr(app_fill, "FILL_INTERVAL", 3 * WAIT)
    server, fast, slow = feeds
    _imported(tmp_path, [server.url_for("/quay.xml"), server.url_for("/cliff.xml")])

    async def run() -> None:
        app = ReaderApp(tmp_path, refresh_on_start=start == "open")
        app.prefetch_limit = 0
        async with app.run_test(size=SIZE) as pilot:
            await asyncio.wait_for(app.ready.wait(), WAIT)
            if start == "open":  # from the first screen on, before the refresh has started
                await pilot.pause()
                assert "Fetching the headlines of 2 feeds…" in screen_text(app)
            else:
                await until(pilot, lambda: "Press r to refresh" in screen_text(app), "the list")
                await pilot.press(start)
            await until(
                pilot,
                lambda: "Fetching the headlines of 2 feeds…" in screen_text(app),
                "the fetching line",
            )
            assert "Press r" not in screen_text(app)
            fast.go.set()
            await until(pilot, lambda: len(table(app).rows) == 3, "the fast feed's headlines")
            assert not slow.answered.is_set()  # still pending: shown before every feed is in
            assert app._busy
            assert _titles(app) == FAST
            text = screen_text(app)
            assert all(title in text for title in FAST)
            assert re.search(r"Quay Gazette +3│", text)  # its unread count in the feed list
            if start != "S":  # moved by the user: stays on it as rows come in above
                await pilot.press("j")
                chosen = FAST[1]
            else:  # never moved by the user: stays on the first row, the newest headline
                chosen = SLOW[0]
            slow.go.set()
            await until(pilot, lambda: len(table(app).rows) == 6, "the slow feed's headlines")
            assert _titles(app) == SLOW + FAST
            current = table(app).current
            assert current is not None and current.entry.title == chosen
            await until(pilot, lambda: not app._busy, "the end of the job")
            await pilot.pause()
            current = table(app).current
            assert current is not None and current.entry.title == chosen
            assert re.search(r"Cliff Gazette +3│", screen_text(app))

    asyncio.run(run())


@pytest.mark.parametrize("offline", ["no network", "one site", False])
def test_a_refresh_every_feed_failed_in_says_so_in_the_empty_list(
    tmp_path: Path, offline: str | bool
) -> None:
    """Offline on the first open (feeds on two hosts, neither answering), the one site every
    feed is on down, or every feed's server answering with an error (this one knows no
    address: 500): the empty list says that nothing came, why, and what to do, in one line."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    urls = [server.url_for("/quay.xml"), server.url_for("/cliff.xml")]
    site = f"127.0.0.1:{server.port}"
    if offline == "no network":
        urls[1] = feed_elsewhere()
    if offline:
        server.stop()  # nothing listens there any more: the network (or the site) is "down"
    _imported(tmp_path, urls)

    async def run() -> None:
        app = ReaderApp(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await asyncio.wait_for(app.ready.wait(), WAIT)
            ended = ("Refreshed", "No connection", "Nothing answered")
            await until(pilot, lambda: app.status.startswith(ended), "the refresh")
            await pilot.pause()
            if offline == "no network":
                line = (
                    "No connection: none of the 2 feeds answered. Press r to try again once online."
                )
            elif offline:
                line = (
                    f"Nothing answered at {site}: none of the 2 feeds came. Press r to try again."
                )
            else:
                line = "None of the 2 feeds could be fetched (! in the feed list says why). Press r to retry."
            # Folded in the pane beside the feed list: its lines read together.
            pane = [row.split("││")[1] for row in screen_text(app).splitlines() if "││" in row]
            assert line in " ".join(row.strip(" │") for row in pane if row.strip(" │"))
            assert "Press r to refresh" not in screen_text(app)

    try:
        asyncio.run(run())
    finally:
        if server.is_running():
            server.stop()


def test_a_scrolled_list_keeps_its_rows_still_as_rows_come_in_above(tmp_path: Path) -> None:
    """Scrolled down the fast feed's forty headlines, the user sees the same rows, the cursor
    on the same line, when the slow feed's newer ones come in above them, out of sight."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    base = server.url_for("").rstrip("/")
    notes = [f"Harbour note {n}: berths and tides" for n in range(40)]
    fast, slow = _Held(_feed(base, "quay", notes, 24)), _Held(_feed(base, "cliff", SLOW, 25))
    server.expect_request("/quay.xml").respond_with_handler(fast)
    server.expect_request("/cliff.xml").respond_with_handler(slow)
    _imported(tmp_path, [server.url_for("/quay.xml"), server.url_for("/cliff.xml")])

    def line_of(app: ReaderApp, title: str) -> int:
        return next(n for n, line in enumerate(screen_text(app).splitlines()) if title in line)

    async def run() -> None:
        app = ReaderApp(tmp_path)
        app.prefetch_limit = 0
        async with app.run_test(size=SIZE) as pilot:
            await asyncio.wait_for(app.ready.wait(), WAIT)
            fast.go.set()
            await until(pilot, lambda: len(table(app).rows) == 40, "the fast feed's headlines")
            await pilot.press(*"j" * 30)
            await pilot.pause()
            rows = table(app)
            assert rows.scroll_y > 0 and rows.cursor == 30
            line = line_of(app, "Harbour note 30:")
            top = screen_text(app).splitlines()[1].split("││")[1]  # the list's first row
            slow.go.set()
            await until(pilot, lambda: len(rows.rows) == 43, "the slow feed's headlines")
            await pilot.pause()
            assert rows.cursor == 33 and rows.current is not None
            assert rows.current.entry.title == notes[30]
            assert line_of(app, "Harbour note 30:") == line
            assert screen_text(app).splitlines()[1].split("││")[1] == top

    try:
        asyncio.run(run())
    finally:
        fast.go.set()
        slow.go.set()
        server.stop()


def test_a_refresh_that_brought_nothing_reads_the_feeds_rows_alone(tmp_path: Path) -> None:
    """Every feed served whole again with nothing new (no ETag to ask with), one failing now:
    after the refresh on opening, the list holds the headlines it held (the same ones, not
    read again whole: a year's 43,000 were, after every refresh), and the failing feed's row
    says so (`!`)."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    base = server.url_for("").rstrip("/")
    server.expect_request("/quay.xml").respond_with_data(
        _feed(base, "quay", FAST, 24), content_type="application/rss+xml"
    )
    server.expect_request("/cliff.xml").respond_with_data(
        _feed(base, "cliff", SLOW, 25), content_type="application/rss+xml"
    )
    urls = [server.url_for("/quay.xml"), server.url_for("/cliff.xml")]
    sync_into(tmp_path, urls, articles=False)
    server.clear()
    server.expect_request("/quay.xml").respond_with_data(
        _feed(base, "quay", FAST, 24), content_type="application/rss+xml"
    )
    server.expect_request("/cliff.xml").respond_with_data("down for repairs", status=503)

    async def run() -> None:
        app = ReaderApp(tmp_path)
        app.prefetch_limit = 0
        async with app.run_test(size=SIZE) as pilot:
            await asyncio.wait_for(app.ready.wait(), WAIT)
            first = list(app.index.headlines)
            assert [h.entry.title for h in first] == SLOW + FAST
            await until(pilot, lambda: app.status.startswith("Refreshed"), "the refresh")
            await pilot.pause()
            assert app.status.startswith("Refreshed 1 of 2 feeds, 1 failed (!): 0 new headlines")
            assert all(a is b for a, b in zip(app.index.headlines, first, strict=True))
            assert _titles(app) == SLOW + FAST
            assert re.search(r"! Cliff Gazette", screen_text(app))

    try:
        asyncio.run(run())
    finally:
        server.stop()
