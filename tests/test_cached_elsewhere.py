"""A `reader sync` run in another window (cron's, at night) caching articles: the reader left
open marks them cached within seconds, not only when that sync ends, by reading again which
articles are cached (not every headline), and dates those its feed left undated by their pages
(acc25a J8, J3). The sync notes that it cached some every few seconds, however fast they come.
Real pages on 127.0.0.1 (pytest-httpserver), real stores, the reader driven by Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.library import Library
from reader.library.cache_notes import CacheNotes
from reader.store import Store
from tests.test_page_dated_headlines import STORIES, _serve
from tests.tui_pilot import until

QUAY = "/2026/11/20/quay-contract"


def test_a_sync_notes_the_articles_it_caches_a_few_seconds_apart(tmp_path: Path) -> None:
    store = Store(tmp_path / "home")

    async def caching() -> list[float]:
        notes = CacheNotes(store, every=3600.0)
        seen = [store.cached_at()]
        notes.cached()  # the first at once
        seen.append(store.cached_at())
        notes.cached()  # within the hour: to come, not now
        notes.cached()
        seen.append(store.cached_at())
        notes.flush()  # the sync ends: the one to come is made
        seen.append(store.cached_at())
        notes.flush()  # none to come
        seen.append(store.cached_at())
        return seen

    try:
        seen = asyncio.run(caching())
    finally:
        store.close()
    assert seen[0] == 0.0 and seen[1] > 0.0
    assert seen[2] == seen[1] and seen[3] > seen[2] and seen[4] == seen[3]


def test_a_sync_leaves_its_note_and_one_of_the_feeds_alone_none(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    data = tmp_path / "home"
    feed = _serve(httpserver)

    async def sync(articles: bool) -> float:
        async with Library(data) as lib:
            lib.add_feed(feed)
            await lib.sync(articles=articles)
            return lib.store.cached_at()

    assert asyncio.run(sync(False)) == 0.0
    assert asyncio.run(sync(True)) > 0.0


def test_the_reader_left_open_marks_what_a_sync_elsewhere_caches(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    from reader.ui.app import ReaderApp

    data = tmp_path / "home"
    feed = _serve(httpserver)

    async def headlines_only() -> None:
        async with Library(data) as lib:
            lib.add_feed(feed)
            await lib.sync(articles=False)

    async def cache_elsewhere() -> None:
        # Another process's store: its own connections to the same directory.
        async with Library(data) as lib:
            await lib.article(httpserver.url_for(QUAY))
            lib.store.note_cached()

    asyncio.run(headlines_only())
    quay = STORIES[QUAY][0]

    async def left_open() -> None:
        app = ReaderApp(data, refresh_on_start=False)
        app.prefetch_limit = 0  # nothing cached by the reader itself
        app.outside_every = 0.2
        async with app.run_test(size=(120, 20)) as pilot:
            await asyncio.wait_for(app.ready.wait(), 30)
            index = app.index
            assert index.cached == 0 and index.headlines[-1].entry.published is None
            assert "0 available offline" in app.status
            await asyncio.to_thread(asyncio.run, cache_elsewhere())
            await until(pilot, lambda: app.index.cached == 1, "the article cached elsewhere")
            assert app.index is index  # which are cached read again, not every headline
            first = app.index.headlines[0]
            assert first.entry.title == quay and first.cached
            published = first.entry.published
            assert published is not None and published.isoformat() == "2026-11-20T09:30:00+01:00"
            assert app.index.get(first.entry.id) == first
            await until(pilot, lambda: "1 available offline" in app.status, "the count")

    asyncio.run(left_open())
