"""`S` pressed while the refresh on opening still runs, and the fetch ahead with it: the sync
takes both over. A feed the refresh asked (answered or still under way) is not asked again; an
article the fetch ahead cached is already cached, one it has in flight is awaited (acc36a G1:
11–33 pages and 35–39 of 40 feeds asked twice over a 20 KB/s hotel link)."""

from __future__ import annotations

import asyncio
import http.server
import threading
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.config import load_config
from reader.library import Library
from reader.ui.app import ReaderApp
from tests.test_library import ARTICLE, feed_xml
from tests.tui_pilot import WAIT, started, until

FEEDS = {
    "/f0.xml": [("Tide tables revised", "/a0.html", "a0")],
    "/f1.xml": [("Harbour master resigns", "/b0.html", "b0")],
    "/f2.xml": [("Ferry timetable talks", "/a1.html", "a1")],
    "/f3.xml": [("Regatta postponed", "/c0.html", "c0")],
}
HELD = {"/f2.xml", "/f3.xml", "/a1.html"}
"""Answered only once the test lets them go (`HeldSite.release`): under way when `S` comes."""


class HeldSite(http.server.ThreadingHTTPServer):
    """Four feeds of one story each; the paths of `HELD` wait for their release. Counts what is
    asked and answered, by path."""

    asked: Counter[str]
    answered: Counter[str]
    gates: dict[str, threading.Event]
    lock: threading.Lock

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def release(self, *paths: str) -> None:
        for path in paths:
            self.gates[path].set()


class _Handler(http.server.BaseHTTPRequestHandler):
    server: HeldSite

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.asked[self.path] += 1
        if (gate := self.server.gates.get(self.path)) is not None:
            gate.wait(WAIT * 3)  # a guard against a hang: the test releases it
        if self.path in FEEDS:
            base = self.server.url("")
            kind, text = "application/rss+xml", feed_xml(base, FEEDS[self.path])
        else:
            title = next(t for items in FEEDS.values() for t, p, _ in items if p == self.path)
            kind, text = "text/html; charset=utf-8", ARTICLE.replace("Tide tables revised", title)
        data = text.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        with self.server.lock:
            self.server.answered[self.path] += 1

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def held_site() -> Iterator[HeldSite]:
    server = HeldSite(("127.0.0.1", 0), _Handler)
    server.asked, server.answered, server.lock = Counter(), Counter(), threading.Lock()
    server.gates = {path: threading.Event() for path in HELD}
    server.gates["/f2.xml"].set()  # the headlines' first sync: every feed answers
    server.gates["/f3.xml"].set()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.release(*HELD)
        server.shutdown()
        server.server_close()


def subscribe(data: Path, site: HeldSite) -> None:
    """`data` subscribed to the site's feeds, their headlines in."""

    async def headlines() -> None:
        async with Library(data) as lib:
            for path in FEEDS:
                lib.add_feed(site.url(path))
            await lib.sync(articles=False)

    asyncio.run(headlines())


def test_S_during_the_refresh_and_fetch_ahead_asks_nothing_twice(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    # Room for every held request on the one host, and no timeout of one held on a busy machine.
    (data / "config.toml").write_text(
        "[network]\nper_host = 8\nread_timeout = 120\ntotal_timeout = 240\n"
    )
    with held_site() as site:
        subscribe(data, site)
        site.gates["/f2.xml"].clear()
        site.gates["/f3.xml"].clear()
        site.asked.clear()
        site.answered.clear()

        async def gate() -> None:
            # Refreshes on opening, and fetches the articles ahead.
            app = ReaderApp(data, config=load_config(data / "config.toml"))
            async with app.run_test(size=(120, 20)) as pilot:
                await until(
                    pilot,
                    lambda: site.answered["/f0.xml"] and site.answered["/f1.xml"],
                    "the refresh's first feeds answered",
                )
                await until(
                    pilot,
                    lambda: app.index.cached == 3 and site.asked["/a1.html"] == 1,
                    "three articles fetched ahead, the fourth under way",
                )
                await until(
                    pilot,
                    lambda: site.asked["/f2.xml"] == 1 and site.asked["/f3.xml"] == 1,
                    "the last two feeds asked",
                )
                assert app._busy == "refreshing"
                await pilot.press("S")
                # The sync's start read (what is cached) and its feeds taken over: those answered.
                await until(pilot, lambda: "feeds 2/4" in app.status, "the sync under way")
                site.release("/a1.html")  # the fetch ahead caches it, the sync looking on
                await until(pilot, lambda: app.index.cached == 4, "the fourth fetched ahead")
                site.release("/f2.xml", "/f3.xml")
                await until(pilot, lambda: app.status.startswith("Synced"), "the sync's end")
                twice = {path: n for path, n in site.asked.items() if n != 1}
                assert not twice, f"asked other than once: {twice}"
                assert set(site.asked) == {*FEEDS, "/a0.html", "/b0.html", "/c0.html", "/a1.html"}
                assert "0 articles cached for offline, 4 already cached" in app.status

        asyncio.run(gate())


def test_S_as_the_refresh_is_read_in_asks_no_feed_again(tmp_path: Path) -> None:
    """`S` pressed once the refresh on opening has every feed in, while the reader still reads
    its list in: the sync waits for it and takes its feeds over, saying so, rather than asking
    every feed again and counting them from 0."""
    data = tmp_path / "data"
    data.mkdir()
    with held_site() as site:
        site.release(*HELD)  # nothing held: the refresh ends, its list is what is held
        subscribe(data, site)
        site.asked.clear()

        async def gate() -> None:
            app = ReaderApp(data)  # refreshes on opening
            app.prefetch_limit = 0
            app.outside_every = 3600.0  # no look for another program's changes reads it in
            reading_in, go_on = asyncio.Event(), asyncio.Event()
            armed = True

            def held(read: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
                async def read_in(*args: Any, **kwargs: Any) -> None:
                    nonlocal armed
                    if armed:  # the first: the refresh's own, after its feeds
                        armed = False
                        reading_in.set()
                        await go_on.wait()
                    await read(*args, **kwargs)

                return read_in

            app.reload = held(app.reload)  # type: ignore[method-assign]
            app._reload_feeds = held(app._reload_feeds)  # type: ignore[method-assign]
            said: list[str] = []
            async with app.run_test(size=(160, 20)) as pilot:
                await started(pilot)
                app.watch(app, "status", lambda line: said.append(line))
                await until(pilot, reading_in.is_set, "the refresh's list being read in")
                assert sum(site.asked[path] for path in FEEDS) == len(FEEDS)
                assert not app._busy  # its network part over
                await pilot.press("S")
                await until(pilot, lambda: "finishing the refresh" in app.status, "S's answer")
                assert app.status == "Syncing: finishing the refresh (4 feeds in, not asked again)…"
                go_on.set()
                await until(pilot, lambda: app.status.startswith("Synced"), "the sync's end")
                again = {path: site.asked[path] for path in FEEDS if site.asked[path] != 1}
                assert not again, f"feeds asked again: {again}"
                assert app.status.startswith("Synced 4 of 4 feeds · 4 articles cached for offline")
                counted = [line for line in said if "Syncing: feeds" in line]
                assert not counted, f"the feeds counted again: {counted}"

        asyncio.run(gate())


def test_a_refresh_that_ended_is_taken_over_only_until_it_is_read_in(tmp_path: Path) -> None:
    """The reader's refresh (`kept_for_sync`) keeps its answers for a sync asked for as it is
    read in (`hand_over_refresh`); once read in (`drop_handed_over`), a sync asks again."""
    data = tmp_path / "data"
    data.mkdir()
    with held_site() as site:
        site.release(*HELD)
        subscribe(data, site)

        def feeds_asked() -> dict[str, int]:
            asked = {path: site.asked[path] for path in FEEDS}
            site.asked.clear()
            return asked

        async def go() -> None:
            async with Library(data) as lib:
                feeds_asked()
                await lib.refresh(kept_for_sync=True)
                assert lib.hand_over_refresh() == len(FEEDS)
                await lib.sync(articles=False)
                assert feeds_asked() == dict.fromkeys(FEEDS, 1)  # the refresh's asks alone
                await lib.refresh(kept_for_sync=True)
                lib.drop_handed_over()  # read in
                assert lib.hand_over_refresh() is None
                await lib.sync(articles=False)
                assert feeds_asked() == dict.fromkeys(FEEDS, 2)
                await lib.refresh()  # not the reader's: nothing kept
                assert lib.hand_over_refresh() is None

        asyncio.run(go())
