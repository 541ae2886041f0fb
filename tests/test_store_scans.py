"""The store's reads of every row of a kind (a sync's start: which articles were downloaded
when, which are kept in files) leave the cache file unmapped: through SQLite's memory map, each
scan brought the first 64 MB of a year's file into the process's memory, for as long as it ran
(a sync where nothing changed: 82 MB of its 290)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import Store

_ROWS = 6_000


def _mapped_kb(name: Path) -> int:
    """How much of the file `name` is in this process's memory through its maps (KB)."""
    total, inside = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split()
        if head and "-" in head[0] and len(head) >= 5:  # a mapping's first line
            inside = len(head) >= 6 and Path(head[-1]) == name
        elif inside and head[0] == "Rss:":
            total += int(head[1])
    return total


@pytest.mark.skipif(not Path("/proc/self/smaps").exists(), reason="Linux's memory maps")
def test_scanning_every_row_of_a_kind_maps_none_of_the_file(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store._articles.transact():  # rows as a sync leaves them: a page and a time each
        for n in range(_ROWS):
            store._articles.set(f"raw:k{n}", bytes(n % 251 for _ in range(1_000)))
            store._articles.set(f"read-at:k{n}", float(n))
    store.close()
    db = tmp_path / "articles" / "cache.db"
    assert db.stat().st_size > 6 * 2**20
    store = Store(tmp_path)
    try:
        before = _mapped_kb(db)
        assert len(store.renewable()) == _ROWS
        assert store.drop_missing_files() == set()
        assert store.listed_page_dates() == {}
        assert len(store.cached_articles()) == 0  # none cached: pages alone
        assert _mapped_kb(db) - before < 1024  # was the whole file's 6 MB and more
        store._articles.set("raw:k1", b"read and written after, as ever")
        assert store._articles.get("raw:k1") == b"read and written after, as ever"
    finally:
        store.close()
