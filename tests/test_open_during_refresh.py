"""An article the user opens while the refresh on opening runs goes before the refresh's queued
work (acc37a H2: "Fetching article…" for 55 s behind a refresh of 300 feeds): its request gets
a connection with every one the refresh may use held by a slow server, its page is read before
the feed parses queued in the workers, and one a prefetch was downloading goes first once
opened. Real servers on 127.0.0.1, the feeds' held until the test lets them go."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.config import load_config
from reader.cpu_workers import CpuWorkers
from reader.library import Library
from reader.priority_gate import USER_WAITS, Urgency
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from tests.served_feed import story_page
from tests.tui_pilot import WAIT, on_top, screen_text, started, table, until

FEEDS = 6


class _HeldFeeds:
    """Feeds answered at once until `hold` is set; then each request held until `go`."""

    def __init__(self, page_base: str) -> None:
        self.page_base = page_base
        self.hold = threading.Event()
        self.go = threading.Event()
        self.waiting = 0  # requests held now
        self._lock = threading.Lock()

    def __call__(self, request: Request) -> Response:
        number = int(re.findall(r"\d+", request.path)[0])
        if self.hold.is_set():
            with self._lock:
                self.waiting += 1
            self.go.wait(3 * WAIT)  # longer than the test waits for the article
            with self._lock:
                self.waiting -= 1
        items = "".join(
            f"<item><title>Harbour story {number}-{n}</title>"
            f"<link>{self.page_base}/p{number}/story{n}.html</link>"
            f"<guid>f{number}-{n}</guid></item>"
            for n in range(3)
        )
        return Response(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Paper {number}</title>'
            f"{items}</channel></rss>",
            content_type="application/rss+xml",
        )


def _page(request: Request) -> Response:
    return Response(story_page(request.path.replace("/", " ")), content_type="text/html")


@pytest.fixture
def sites(tmp_path: Path) -> Iterator[tuple[Path, _HeldFeeds]]:
    """A data directory subscribed to `FEEDS` feeds of a slow server (their headlines in, no
    article cached), whose stories are on a fast one; at most 2 requests at once, none given up."""
    pages = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    pages.start()
    pages.expect_request(re.compile(r"/p\d+/story\d\.html")).respond_with_handler(_page)
    feeds = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    feeds.start()
    held = _HeldFeeds(pages.url_for("").rstrip("/"))
    feeds.expect_request(re.compile(r"/f\d+\.xml")).respond_with_handler(held)
    data = tmp_path / "data"
    data.mkdir()
    # Held requests never time out meanwhile, nor are made again: their slots stay held.
    (data / "config.toml").write_text(
        "[network]\nmax_connections = 2\nread_timeout = 600\ntotal_timeout = 600\nretries = 0\n"
    )

    async def subscribe() -> None:
        async with Library(data) as lib:
            for n in range(FEEDS):
                lib.add_feed(feeds.url_for(f"/f{n}.xml"))
            await lib.refresh()

    asyncio.run(subscribe())
    held.hold.set()
    yield data, held
    held.go.set()
    feeds.stop()
    pages.stop()


@pytest.mark.parametrize("prefetch", [False, True])
def test_article_opened_during_a_held_refresh_is_shown(
    sites: tuple[Path, _HeldFeeds], prefetch: bool
) -> None:
    """Every connection the refresh may take is held by the slow feeds' server (the rest of its
    feeds queued behind them): the article opened meanwhile comes from its own fast server
    while the refresh is still held. With the prefetch on, the headline opened may be among
    those it is already downloading, queued behind the refresh: opened, it goes first."""
    data, held = sites

    async def run() -> None:
        app = ReaderApp(data, config=load_config(data / "config.toml"))  # refreshes on opening
        # Fetched ahead: no more than the stories' host takes at once (`per_host`), each then
        # queued for a connection the refresh holds, not for a place at the host.
        app.prefetch_limit = 3 if prefetch else 0
        async with app.run_test(size=(120, 30)) as pilot:
            await started(pilot)
            await until(pilot, lambda: held.waiting >= 2, "the refresh held by the feeds' server")
            rows = table(app).rows
            table(app).cursor = next(
                i for i, h in enumerate(rows) if h.entry.title == "Harbour story 0-0"
            )
            await pilot.press("enter")
            screen = await on_top(pilot, ArticleScreen, "the reading view")
            await until(pilot, lambda: screen.loaded, "the article, the refresh still held")
            assert not held.go.is_set() and held.waiting >= 2  # the refresh still running
            await until(pilot, lambda: "council confirmed" in screen_text(app), "its text")
            held.go.set()

    asyncio.run(run())


def test_a_prefetch_opened_before_its_download_begins_goes_first(
    sites: tuple[Path, _HeldFeeds],
) -> None:
    """The prefetch's download of the article opened had not begun yet (its task still reading
    the store in a thread: a loaded machine's window, where the `[True]` case above failed once
    in 40 s): the user's wait was told to no download, and the article then began behind the
    held refresh, never shown. Told as the prefetch is asked for, it is: here before its task
    takes a step."""
    data, held = sites

    async def run() -> None:
        limits = load_config(data / "config.toml").limits  # two connections, held
        async with Library(data, limits) as lib:
            refresh = asyncio.ensure_future(lib.refresh())
            while held.waiting < 2:  # every connection the refresh may take held
                await asyncio.sleep(0.05)
            entry = next(h.entry for h in lib.headlines() if h.entry.title == "Harbour story 0-0")
            ahead = asyncio.ensure_future(lib.article_ahead(entry))
            lib.wait_for(entry.link)  # opened now, its download not begun
            article = await asyncio.wait_for(ahead, WAIT)  # a hang's guard, not a measure
            assert "council confirmed" in "\n".join(b.text for b in article.blocks)
            assert not held.go.is_set() and held.waiting >= 2  # the refresh still held
            held.go.set()
            await refresh

    asyncio.run(run())


def test_work_the_user_waits_for_goes_before_the_queued() -> None:
    """Both workers busy and three pieces of background work queued: the one the user waits
    for, asked last, runs once a worker is free (the other held meanwhile), after the pieces
    the pool keeps ready (one for each worker), before the rest."""
    ran: list[str] = []
    free = {name: threading.Event() for name in ("held0", "held1")}
    both_busy = threading.Barrier(3)

    def hold(name: str) -> None:
        both_busy.wait(WAIT)
        free[name].wait(WAIT)
        ran.append(name)

    async def run() -> None:
        workers = CpuWorkers("thread")
        try:
            holding = [asyncio.ensure_future(workers.run(hold, name)) for name in free]
            await asyncio.to_thread(both_busy.wait, WAIT)
            queued = [asyncio.ensure_future(workers.run(ran.append, f"feed{n}")) for n in range(3)]
            await asyncio.sleep(0)

            async def opened() -> None:
                USER_WAITS.set(Urgency(True))
                await workers.run(ran.append, "article")

            mine = asyncio.ensure_future(opened())
            await asyncio.sleep(0)
            free["held0"].set()  # one worker free, the other still busy: work runs one by one
            await asyncio.wait_for(asyncio.gather(*queued, mine), WAIT)
            free["held1"].set()
            await asyncio.gather(*holding)
        finally:
            for event in free.values():
                event.set()
            workers.close()

    asyncio.run(run())
    assert ran == ["held0", "feed0", "feed1", "article", "feed2", "held1"]
