"""What a sync says and does when things go wrong: `S` at the gate replacing the refresh on
opening, the network going mid-sync (said once, first), a page's own failure told as its own."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from contextlib import suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.library import Library
from reader.models import Article
from reader.reports import SyncReport
from reader.store import Store
from tests.failing_site import FailingSite
from tests.test_library import ARTICLE, feed_xml
from tests.test_outages import LIMITS
from tests.tui_pilot import WAIT, until


def _feeds(server: HTTPServer, count: int) -> list[str]:
    """`count` feeds of two stories each on `server`; their addresses."""
    base = server.url_for("").rstrip("/")
    urls = []
    for n in range(count):
        items = [(f"Story {n}.{i}", f"/{n}/{i}.html", f"g{n}.{i}") for i in range(2)]
        server.expect_request(f"/{n}/feed.xml").respond_with_data(
            feed_xml(base, items), content_type="application/rss+xml"
        )
        for i in range(2):
            page = ARTICLE.replace("Tide tables revised", f"Story {n}.{i}")  # not one login page
            server.expect_request(f"/{n}/{i}.html").respond_with_data(
                page.replace("revised tide", f"the {n}.{i} tide"), content_type="text/html"
            )
        urls.append(f"{base}/{n}/feed.xml")
    return urls


def test_S_before_the_refresh_on_opening_began_takes_its_place(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """`S` pressed as the reader opens, before its refresh on opening has started: the sync
    alone asks for the feeds, once each, and its own line stays (acc34a C7: a refresh ran
    beside it, every feed asked twice, "Refreshed … 0 new headlines" over its downloads)."""
    from reader.ui.app import ReaderApp

    data = tmp_path / "data"
    lib = Library(data)
    for url in _feeds(httpserver, 4):
        lib.add_feed(url)
    lib.close()
    statuses: list[str] = []

    async def gate() -> None:
        app = ReaderApp(data)  # refreshes on opening
        app.prefetch_limit = 0
        async with app.run_test(size=(160, 20)) as pilot:
            await until(pilot, lambda: app.index.whole and not app._busy, "the list")
            assert app.refresh_coming, "pressed before the refresh on opening"
            await pilot.press("S")
            while not app.status.startswith("Synced"):
                statuses.append(app.status)
                await until(pilot, lambda: app.status != statuses[-1], "the sync's end")
            await pilot.pause(0.3)
            statuses.append(app.status)

    asyncio.run(gate())
    feeds_asked = [r.path for r, _ in httpserver.log if r.path.endswith("feed.xml")]
    assert sorted(feeds_asked) == [f"/{n}/feed.xml" for n in range(4)], feeds_asked
    assert not any(s.startswith(("Refresh", "Refreshed")) for s in statuses), statuses
    assert statuses[-1].startswith("Synced 4 of 4 feeds · 8 articles cached"), statuses


class _FetchedAheadSite(FailingSite):
    """A site the network takes away after `pages_before` pages; as it goes, the reader's
    fetch ahead (here: the store written from elsewhere) has cached one story the sync had
    still to fetch."""

    def __init__(self, data: Path, stories: int, pages_before: int) -> None:
        self.data = data
        self.served: set[str] = set()
        self.ahead = ""
        super().__init__(stories, "vanish", pages_before)

    def _answer(self, conn: socket.socket) -> None:
        request = conn.recv(4096, socket.MSG_PEEK)
        path = request.split(b" ", 2)[1].decode() if b" " in request else ""
        if path.startswith("/story-"):
            if self.pages_asked >= self.pages_before and not self.ahead:
                story = next(
                    n for n in range(self.stories) if f"/story-{n}.html" not in self.served
                )
                self.ahead = f"{self.base}/story-{story}.html"
                Store(self.data).put_article(self.ahead, Article(url=self.ahead, title="Ahead"))
            self.served.add(path)
        super()._answer(conn)


def test_the_network_gone_mid_S_is_said_first_and_counts_what_is_still_missing(
    tmp_path: Path,
) -> None:
    """acc34a C8: after `S`, "the network … went away during the sync" came after the counts
    and the recap, past the right edge even at 220 columns, "S carries on" never seen; and its
    "not fetched" counted the articles the fetch ahead had cached meanwhile (581 beside the
    recap's 572 failed)."""
    from reader.ui.app_sync import sync_summary

    data = tmp_path / "data"
    site = _FetchedAheadSite(data, stories=10, pages_before=3)
    try:

        async def go() -> SyncReport:
            lib = Library(data, limits=LIMITS)
            try:
                lib.store.add_feed(site.base + "/feed.xml")
                return await lib.sync()
            finally:
                await lib.aclose()

        report = asyncio.run(go())
    finally:
        site.close()
    assert site.ahead
    told, _ = report.told_failures()
    assert [o.articles for o in told] == [report.not_offline.failed] == [6]
    line = sync_summary(report)
    host = site.base.removeprefix("http://")
    assert line.startswith(
        f"The network or {host} went away during the sync: 6 articles not fetched; S carries "
        "on · Synced 1 of 1 feed · 3 articles cached for offline"
    ), line
    assert line.endswith(f" · cannot connect to {host}"), line


class _GoneAmidFeeds(FailingSite):
    """A paper's feeds at /feedN.xml: the network goes after `served` of them have been
    read into the store at `data` (the next one's connection held till then), every
    connection refused from then on."""

    def __init__(self, data: Path, stories: int, served: int) -> None:
        self.data = data
        self.served = served
        super().__init__(stories)

    def _answer(self, conn: socket.socket) -> None:
        if len(self.feeds_asked) >= self.served:
            store = Store(self.data)
            urls = [f"{self.base}/feed{n}.xml" for n in range(self.served)]
            deadline = time.monotonic() + WAIT
            while not all(list(store.entry_keys(url)) for url in urls):
                assert time.monotonic() < deadline, "the first feeds never read in"
                time.sleep(0.05)
            store.close()
            conn.close()
            self.gone.set()
            return
        super()._answer(conn)


def _gone_amid_feeds(tmp_path: Path) -> tuple[_GoneAmidFeeds, Path, Path]:
    """Ten feeds subscribed to at a `_GoneAmidFeeds` site going after the third; the data
    directory, and a config asking one feed at a time, each waited for: the fourth held until
    the first three are read in (in worker processes: seconds on a busy machine)."""
    data = tmp_path / "data"
    site = _GoneAmidFeeds(data, stories=3, served=3)
    config = tmp_path / "config.toml"
    config.write_text(
        "[network]\nconnect_timeout = 5.0\nread_timeout = 60.0\ntotal_timeout = 60.0\n"
        "retries = 2\nper_host = 1\n"
    )
    lib = Library(data)
    for n in range(10):
        lib.store.add_feed(f"{site.base}/feed{n}.xml")
    lib.close()
    return site, data, config


def _sync_as_it_goes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *options: str
) -> tuple[str, str, Path]:
    """`reader sync` (with `options`) of `_gone_amid_feeds`: what it said, which named no
    feed failed, the site's host, the data directory."""
    site, data, config = _gone_amid_feeds(tmp_path)
    try:
        code = main(["--data-dir", str(data), "--config", str(config), "sync", *options])
    finally:
        site.close()
    said = capsys.readouterr().err
    assert code == 1
    assert "feed failed" not in said, said
    return said, site.base.removeprefix("http://"), data


def _none_failing(data: Path) -> bool:
    lib = Library(data)
    try:
        return not [f.url for f in lib.feeds() if f.failing_since or f.last_error]
    finally:
        lib.close()


def test_the_network_gone_while_feeds_come_is_one_line_and_no_feed_is_marked_failing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc34a C9: the site killed while the feeds were fetched gave a "feed failed: … cannot
    connect" line for each feed still to come, marked each failing (`!`) for the network's
    absence, and the feeds' row of the progress counted the articles' failures."""
    said, host, data = _sync_as_it_goes(tmp_path, capsys)
    gone = [line for line in said.splitlines() if "went away" in line]
    assert len(gone) == 1 and gone[0].startswith(
        f"reader: the network or {host} went away during the sync (cannot connect to {host}"
    ), said
    assert "7 feeds and 3 articles not fetched; `reader sync` carries on" in gone[0], said
    assert _none_failing(data)


def test_the_feeds_row_of_the_progress_counts_no_articles_failures() -> None:
    """acc34a C9: "feeds: 30/30, 214 failed" on 30 feeds: the articles' failures, which the
    articles' row says; the feeds' failures are named at the end."""
    from reader.cli.sync_terminal import failed_on_row as _failed_on_row
    from reader.models import ErrorKind, Feed, FetchError
    from reader.reports import FeedResult, SyncProgress

    broken = FeedResult(Feed("http://a.example/feed.xml"), error=FetchError(ErrorKind.HTTP, "500"))
    rows = [
        SyncProgress("feeds", 1, 2, 40, 100, failures=30, feed_in=broken),
        SyncProgress("articles", 60, 100, 60, 100, failures=35),
        SyncProgress("feeds", 2, 2, 70, 100, failures=40),
    ]
    assert [_failed_on_row(p) for p in rows] == ["", "35 failed", ""]


class _HostilePages(BaseHTTPRequestHandler):
    """A feed of three stories: one whole, one redirected to a name that doesn't resolve (a
    dead link), one answered with 2 MB of headers."""

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/feed.xml":
            items = [("Tide tables revised", "/tide.html", "g1"), ("Dead link", "/redir", "g2")]
            items.append(("Header flood", "/huge", "g3"))
            self._send(feed_xml(base, items).encode(), "application/rss+xml")
        elif self.path == "/tide.html":
            self._send(ARTICLE.encode(), "text/html; charset=utf-8")
        elif self.path == "/redir":
            self.send_response(302)
            self.send_header("Location", f"http://news-public.nowhere.invalid:{base[-5:]}/x")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_response(200)
            for n in range(2000):
                self.send_header(f"X-Junk-{n}", "j" * 1000)
            self._send(ARTICLE.encode(), "text/html", begun=True)

    def _send(self, body: bytes, kind: str, begun: bool = False) -> None:
        if not begun:
            self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with suppress(OSError):  # the reader hung up on the headers
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_dead_redirect_and_a_header_flood_are_each_their_pages_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc34b D6: told as "the network or 127.0.0.1:8771 went away during the sync (cannot
    find the host … and 1 more)", an outage, while the site's other pages came in the same
    second; the header flood "broke off the connection", which the server had not."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HostilePages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    data = str(tmp_path / "data")
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        assert main(["--data-dir", data, "add", f"{base}/feed.xml"]) == 0
        capsys.readouterr()
        code = main(["--data-dir", data, "sync"])
    finally:
        server.shutdown()
        server.server_close()
    said = capsys.readouterr().err
    assert code == 1
    assert "went away" not in said and "broke off" not in said, said
    assert (
        f"article failed: Dead link <{base}/redir>: its redirect names a host that doesn't exist"
        " (news-public.nowhere.invalid:"
    ) in said, said
    assert (
        f"article failed: Header flood <{base}/huge>: 127.0.0.1:{base[-5:]} sent headers too "
        "large (over 100 KB)"
    ) in said, said
    assert "1 article cached for offline" in said, said


def test_the_network_gone_amid_the_refresh_on_opening_is_said_once_and_marks_no_feed(
    tmp_path: Path,
) -> None:
    """acc34a C9 in the reader: the feeds the network's going left are one clause of the
    refresh's line, not "failed: … (and 6 other feeds: ! in the feed list)", and no `!`."""
    from reader.config import load_config
    from reader.ui.app import ReaderApp

    site, data, config = _gone_amid_feeds(tmp_path)
    host = site.base.removeprefix("http://")

    async def opening() -> str:
        app = ReaderApp(data, config=load_config(config))
        app.prefetch_limit = 0
        async with app.run_test(size=(200, 20)) as pilot:
            await until(pilot, lambda: app.status.startswith("Refreshed"), "the refresh")
            return app.status

    try:
        said = asyncio.run(opening())
    finally:
        site.close()
    assert said.startswith("Refreshed 3 of 10 feeds: 9 new headlines · the network went away"), said
    assert f"during the refresh ({host} broke off the connection): 7 feeds not refreshed" in said
    assert "!" not in said and "failed" not in said, said
    assert _none_failing(data)


def test_the_network_gone_amid_a_sync_of_the_feeds_alone_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader sync --no-articles` (no article's failure to tell the network by): the feeds
    the network's going left are one line too, not a "feed failed" each."""
    said, host, _ = _sync_as_it_goes(tmp_path, capsys, "--no-articles")
    assert (
        f"reader: the network or {host} went away during the sync ({host} broke off the "
        "connection): 7 feeds not fetched; `reader sync` carries on"
    ) in said.splitlines(), said
