"""Opening a data directory's caches: one set up already opens without a write (diskcache's own
opening synced the disk twice a cache, at every start); any other is set up as before."""

from __future__ import annotations

import threading
from pathlib import Path

import diskcache

from reader.models import Feed
from reader.store import Store

FEED = "http://127.0.0.1:9/feed.xml"


def _files(root: Path) -> dict[str, tuple[int, int]]:
    """Each cache database's modification time and size, and its write-ahead log's size."""
    found = {}
    for name in ("state", "articles"):
        db = root / name / "cache.db"
        wal = db.with_name("cache.db-wal")
        found[name] = (db.stat().st_mtime_ns, db.stat().st_size)
        found[name + " log"] = (0, wal.stat().st_size if wal.exists() else 0)
    return found


def test_a_data_dir_set_up_already_opens_without_a_write(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.add_feed(FEED, title="Quay Daily")
    store.close()
    before = _files(tmp_path)
    store = Store(tmp_path)
    try:
        assert _files(tmp_path) == before  # not a byte written, nor a log begun to sync
        assert [feed.title for feed in store.feeds()] == ["Quay Daily"]
        store.put_feed(Feed(FEED, title="Quay Daily, renamed"))  # writes as before
        assert store._state.timeout == 30
    finally:
        store.close()
    store = Store(tmp_path)
    try:
        assert [feed.title for feed in store.feeds()] == ["Quay Daily, renamed"]
    finally:
        store.close()


def test_a_cache_set_up_otherwise_is_set_up_as_the_store_needs(tmp_path: Path) -> None:
    # diskcache's defaults (as a script or a test opening the cache itself leaves it): evicting
    # the oldest entries past 1 GB, which the store must never do.
    diskcache.Cache(str(tmp_path / "state")).close()
    store = Store(tmp_path)
    try:
        assert store._state.eviction_policy == "none" and store._state.size_limit == 2**62
        store.add_feed(FEED)
        assert store.feed_urls() == [FEED]
    finally:
        store.close()
    with diskcache.Cache(str(tmp_path / "state"), eviction_policy="none") as state:
        assert state.reset("size_limit") == 2**62  # as kept in the cache's own settings


def test_a_cache_missing_its_tables_is_set_up_again(tmp_path: Path) -> None:
    Store(tmp_path).close()
    with diskcache.Cache(str(tmp_path / "articles")) as articles:
        articles._sql("DROP TRIGGER Settings_count_insert")
    store = Store(tmp_path)
    try:
        store._articles.set("key", "value")
        assert len(store._articles) == 1  # the count its trigger keeps
    finally:
        store.close()


def test_each_thread_s_connection_keeps_a_small_page_cache(tmp_path: Path) -> None:
    """diskcache opens a connection per thread, each with SQLite's page cache at 8,192 pages
    (32 MB): the reader's worker threads and a search's made it grow by ~18 MB a thread
    (acc30b P4). A directory set up by an earlier version takes the store's at its next
    opening."""
    diskcache.Cache(str(tmp_path / "articles"), eviction_policy="none").close()
    store = Store(tmp_path)
    try:
        sizes: list[int] = []

        def look() -> None:
            for cache in (store._state, store._articles):
                ((pages,),) = cache._sql("PRAGMA cache_size").fetchall()
                sizes.append(pages)

        look()
        thread = threading.Thread(target=look)
        thread.start()
        thread.join()
        assert sizes == [512] * 4
    finally:
        store.close()
    store = Store(tmp_path)  # and again, opened without diskcache's own opening
    try:
        assert store._articles._sql("PRAGMA cache_size").fetchall() == [(512,)]
    finally:
        store.close()
