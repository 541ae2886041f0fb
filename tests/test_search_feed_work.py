"""The work search feeds cost, done once: `reader list --feed NAME` opens the library once; the
row chosen as the counts are searched is searched by its own search alone (the counts' search
of its words stops); a read mark looks up the hits it changed, not every hit of every search
feed. Against the demo site synced into a real data directory and the reader's own index."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import reader.library.text_search as text_search
from reader.config import Config
from reader.library.stored import StoredLibrary
from reader.models import Entry, Feed
from reader.reports import Headline
from reader.search_feeds import SearchFeed
from reader.ui.headlines import HeadlineIndex, search_feed_view
from reader.ui.screens.main import MainScreen
from tests.cli_run import run_reader
from tests.test_search_feeds import CONFIG, NAME, STORMS, _row_count, found
from tests.tui_pilot import running, table, until


def test_reader_list_feed_opens_the_library_once(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (synced_dir / "config.toml").write_text(CONFIG, encoding="utf-8")
    opened: list[Path] = []
    # `reader list` opens the library's stored layers alone (`StoredLibrary`, startup48), of
    # which the whole `Library` is made too: counted where both are opened.
    configured = StoredLibrary.configured.__func__  # type: ignore[attr-defined]

    def counted(
        cls: type[StoredLibrary], data_dir: Path, *args: Any, **kwargs: Any
    ) -> StoredLibrary:
        opened.append(data_dir)
        return configured(cls, data_dir, *args, **kwargs)

    monkeypatch.setattr(StoredLibrary, "configured", classmethod(counted))
    listed = run_reader(synced_dir, "list", "--feed", NAME)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == run_reader(synced_dir, "list", "--search", STORMS).stdout
    assert len(opened) == 2  # the search feed's list, then the search's own
    assert opened[0] == opened[1]
    opened.clear()
    run_reader(synced_dir, "list", "--feed", NAME)
    assert len(opened) == 1
    # A feed's own list, named by its title, as before.
    assert run_reader(synced_dir, "list", "--feed", "The Harbour Gazette").stdout.count("\n") == 12
    assert len(opened) == 2


def test_a_row_chosen_as_the_counts_run_is_searched_once(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hits = found(synced_dir, STORMS)
    counting = threading.Event()
    shown = threading.Event()
    searched: list[tuple[str, bool]] = []  # each search of STORMS: by whom, and stopped or not
    search_cached = text_search.search_cached

    def watched(lib: Any, rows: Any, query: Any, **kwargs: Any) -> Any:
        stopped = kwargs.get("stopped", lambda: False)
        counts = "page" not in kwargs  # the row's own search shows its first hits as found
        if query.text != STORMS:
            return search_cached(lib, rows, query, **kwargs)
        if counts and not shown.is_set():
            counting.set()
            shown.wait(30)  # held until the row's own search has found its hits
        result = search_cached(lib, rows, query, **kwargs)
        searched.append(("counts" if counts else "row", stopped()))
        return result

    monkeypatch.setattr(text_search, "search_cached", watched)
    config = dataclasses.replace(
        Config(synced_dir / "config.toml"), searches=(SearchFeed(NAME, STORMS),)
    )

    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False, config=config) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await until(pilot, counting.is_set, "the counts searching")
            await pilot.press("tab", "j", "j")
            await until(pilot, lambda: screen.feed_url == search_feed_view(NAME), "chosen")
            await until(pilot, lambda: len(table(app).rows) == len(hits), "its hits")
            shown.set()
            await until(pilot, lambda: ("counts", True) in searched, "the counts' search")
            await until(pilot, lambda: _row_count(app, NAME) == str(len(hits)), "its count")

    try:
        asyncio.run(run())
    finally:
        shown.set()
    # Searched whole once, by the row; the counts' search of the same words stopped.
    assert [who for who, stopped in searched if not stopped] == ["row"]


def _index(count: int) -> HeadlineIndex:
    feed = Feed("http://127.0.0.1:9/feed.xml", title="Feed")
    now = datetime(2026, 12, 1, tzinfo=UTC)
    rows = [
        Headline(
            Entry(
                f"e{n}", feed.url, f"t{n}", f"http://127.0.0.1:9/{n}", now - timedelta(minutes=n)
            ),
            n % 3 == 0,
            True,
        )
        for n in range(count)
    ]
    return HeadlineIndex([feed], rows)


def test_a_read_mark_looks_up_what_it_changed_not_every_hit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.ui.search_feed_counts import SearchFeedCounts  # here: the old code had none

    index = _index(3000)
    counts = SearchFeedCounts()
    evens = frozenset(f"e{n}" for n in range(0, 3000, 2))
    counts.found({"evens": evens, "first": frozenset({"e0", "e1", "e2"})})
    assert counts.unread(index, "evens") == sum(n % 3 != 0 for n in range(0, 3000, 2)) == 1000
    assert counts.unread(index, "first") == 2
    looked: list[str] = []
    get = index.get

    def counted(entry_id: str) -> Headline | None:
        looked.append(entry_id)
        return get(entry_id)

    monkeypatch.setattr(index, "get", counted)
    index.set_read("e2", True)
    looked.clear()
    assert (counts.unread(index, "evens"), counts.unread(index, "first")) == (999, 1)
    assert len(looked) <= 1  # the headline marked, not the 1,500 hits
    looked.clear()
    index.set_read("e2", False)
    index.set_read("e1", True)
    index.set_read("e0", False)  # a hit read before: unread now
    assert (counts.unread(index, "evens"), counts.unread(index, "first")) == (1001, 2)
    assert len(looked) <= 3
    # Another index (a reload): counted afresh from it.
    fresh = _index(3000)
    assert counts.unread(fresh, "evens") == 1000
