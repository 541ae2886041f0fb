"""A search while a sync caches articles finds what it has cached so far, and says that a sync
is under way: the articles it fetches next may hold the words where their feed's text,
searched meanwhile, doesn't. A real `reader sync` process (and the reader's own `F` beside a
sync in another thread), a threaded news site on 127.0.0.1 holding its later pages until the
test has searched."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from served_feed import serve_stories
from test_cli import reader
from tui_pilot import started, status, table, until

from reader.library import Library
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.main_full_text import SEARCH_VIEW
from tests.cli_run import started_reader

STORIES = [(f"Harbour story {hour}", hour) for hour in range(12)]
FIRST = ("/story-11.html", "/story-10.html")
"""The pages served at once: the newest two, which a sync fetches first."""
WORD = "consultation"
"""In every story's page (`served_feed.story_page`), in no title: the feed has no text."""


@pytest.fixture
def subscribed(tmp_path: Path) -> Iterator[tuple[Path, threading.Event]]:
    """A data directory subscribed to the site, and the event that lets its later pages come."""
    server = HTTPServer(threaded=True)
    server.start()
    rest = threading.Event()

    def later_pages(path: str) -> None:
        if path not in FIRST:
            rest.wait(60)

    home = tmp_path / "home"
    feed = serve_stories(server, "Harbour", STORIES, wait_page=later_pages)
    assert reader(home, "add", feed).returncode == 0
    yield home, rest
    rest.set()
    server.clear()
    server.stop()


def _cached(home: Path) -> int:
    store = Store(home)
    try:
        return len(store.article_keys())
    finally:
        store.close()


def _titles(listed: str) -> list[str]:
    """The headlines' lines of `reader list --search`'s output (each hit's text indented)."""
    return [line for line in listed.splitlines() if line and not line.startswith(" ")]


def _until_cached(home: Path, count: int, sync: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while _cached(home) < count:
        assert sync.poll() is None, sync.communicate()
        assert time.monotonic() < deadline, "the sync's first articles"
        time.sleep(0.1)


def test_reader_list_search_during_a_sync_says_it_is_under_way(
    subscribed: tuple[Path, threading.Event],
) -> None:
    home, rest = subscribed
    sync = started_reader(home, "sync")
    try:
        _until_cached(home, len(FIRST), sync)
        under_way = (
            f"reader: a sync (pid {sync.pid}) is under way: what it has not cached yet isn't"
            " searched{}; search again once it ends\n"
        )
        found = reader(home, "list", "--search", WORD)
        assert found.returncode == 0
        titles = _titles(found.stdout)
        assert len(titles) == 2
        assert all("Harbour story 11" in t or "Harbour story 10" in t for t in titles)
        # The ten not cached yet were searched by their feed's text, which has no word.
        assert found.stderr == under_way.format(" (10 headlines by their feed's text alone)")
        # A word nothing holds, told by the index alone, no headline read: the same said.
        nothing = reader(home, "list", "--search", "zzqxnonword")
        assert nothing.returncode == 0
        assert nothing.stderr == (
            "reader: no headline or cached article holds “zzqxnonword”\n" + under_way.format("")
        )
    finally:
        rest.set()
        assert sync.wait(timeout=120) == 0, sync.communicate()
    # The sync over: every story found, nothing more said.
    after = reader(home, "list", "--search", WORD)
    assert after.returncode == 0 and after.stderr == ""
    assert len(_titles(after.stdout)) == 12
    nothing = reader(home, "list", "--search", "zzqxnonword")
    assert nothing.stderr == "reader: no headline or cached article holds “zzqxnonword”\n"


def test_F_during_a_sync_says_it_is_under_way(
    subscribed: tuple[Path, threading.Event],
) -> None:
    home, rest = subscribed

    async def sync_elsewhere() -> None:
        async with Library(home, workers="thread") as lib:
            await lib.sync()

    async def run() -> tuple[str, int, str, int]:
        app = ReaderApp(home, refresh_on_start=False)
        app.prefetch_limit = 0
        async with app.run_test(size=(160, 30)) as pilot:
            await started(pilot)
            screen = app.screen
            other = threading.Thread(target=asyncio.run, args=(sync_elsewhere(),))
            other.start()
            try:
                await until(pilot, lambda: _cached(home) >= len(FIRST), "its first articles", 120)
                await pilot.press("F", *WORD, "enter")
                await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the hits")
                await until(pilot, lambda: "for “" in status(app), "the hits' note")
                during, hits_during = status(app), len(table(app).rows)
            finally:
                rest.set()
                await asyncio.to_thread(other.join)
            await pilot.press("escape")
            await until(pilot, lambda: screen.feed_url != SEARCH_VIEW, "the list")
            await pilot.press("F", *WORD, "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the hits again")
            await until(pilot, lambda: "for “" in status(app), "the hits' note again")
            return during, hits_during, status(app), len(table(app).rows)

    during, hits_during, after, hits_after = asyncio.run(run())
    assert hits_during == 2
    assert during.startswith(
        f"2 headlines for “{WORD}” · a sync is under way: F again once it ends searches what it"
        " caches (Esc goes back)"
    )
    assert hits_after == 12
    assert after.startswith(f"12 headlines for “{WORD}” (Esc goes back)")


def test_a_search_during_a_sync_of_headlines_only_says_it_is_under_way(tmp_path: Path) -> None:
    """`reader sync --no-articles` is a sync under way too (acc36 S2): it wrote no record of
    itself, and a search meanwhile said nothing of it."""
    server = HTTPServer(threaded=True)
    server.start()
    asked, answer = threading.Event(), threading.Event()

    def held_feed() -> None:
        asked.set()
        answer.wait(60)

    home = tmp_path / "home"
    feed = serve_stories(server, "Harbour", STORIES[:2])
    assert reader(home, "add", feed).returncode == 0
    server.clear()
    serve_stories(server, "Harbour", STORIES, wait_feed=held_feed)
    sync = started_reader(home, "sync", "--no-articles")
    nothing = "reader: no headline or cached article holds “zzqxnonword”\n"
    try:
        assert asked.wait(60), sync.communicate()  # its feed asked for: the sync under way
        during = reader(home, "list", "--search", "zzqxnonword")
        assert during.returncode == 0
        assert during.stderr == nothing + (
            f"reader: a sync (pid {sync.pid}) is under way: what it has not cached yet isn't"
            " searched; search again once it ends\n"
        )
    finally:
        answer.set()
        assert sync.wait(timeout=120) == 0, sync.communicate()
        server.clear()
        server.stop()
    assert reader(home, "list", "--search", "zzqxnonword").stderr == nothing
    store = Store(home)
    try:
        assert store.sync_under_way() is None and not store.sync_stopped()
    finally:
        store.close()


@pytest.mark.parametrize("articles", [True, False])
def test_a_sync_killed_leaves_articles_uncached_only_if_it_fetched_them(
    tmp_path: Path, articles: bool
) -> None:
    """A process gone without a word mid-sync is a sync stopped, articles left for the next;
    one of headlines only left none: its record (acc36 S2) says nothing of it."""
    Store(tmp_path).close()
    marked = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from reader.store import Store;"
            f" Store(Path(sys.argv[1])).mark_sync_running(articles={articles}); import os; os._exit(0)",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert marked.returncode == 0, marked.stderr
    store = Store(tmp_path)
    try:
        assert store.sync_under_way() is None  # its process is gone
        assert store.sync_stopped() is articles
        store.mark_sync_running(articles=False)  # a sync of headlines only, run to its end
        store.mark_sync_stopped(False, whole=False)
        assert store.sync_stopped() is articles  # the stopped one's articles still to come
    finally:
        store.close()
