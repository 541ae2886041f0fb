"""`Store.entry_ids` counts a feed's entries without making each (`reader feeds`, `reader
cache`): the ids `entries` lists, in its order, and a damaged list dropped as `entries` drops it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.models import Entry
from reader.store import Store

FEED = "https://fenland.example/news/feed.xml"


def _entries() -> list[Entry]:
    titles = ["Drainage board sets new rate", "Sluice gate repairs finished", "Ferry fares frozen"]
    return [
        Entry(
            id=f"fl-{n}",
            feed_url=FEED,
            title=title,
            link=f"https://fenland.example/news/{n}.html",
            published=datetime(2026, 11, 20 + n, 8, 0, tzinfo=UTC) if n != 1 else None,
        )
        for n, title in enumerate(titles)
    ]


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir)
    store.add_feed(FEED)
    store.merge_entries(FEED, _entries())
    return store


def test_the_ids_are_those_entries_lists(store: Store) -> None:
    try:
        assert store.entry_ids(FEED) == [e.id for e in store.entries(FEED)]
        assert store.entry_ids(FEED) == ["fl-2", "fl-0", "fl-1"]  # the undated one last
        assert store.entry_ids("https://fenland.example/other.xml") == []
    finally:
        store.close()


@pytest.mark.parametrize(
    "damage",
    [
        {"id": "fl-9", "feed_url": FEED, "published": "the 3rd of December"},
        {"title": "no id", "feed_url": FEED},
        ["fl-9", FEED],
    ],
)
def test_a_damaged_list_is_dropped_as_entries_drops_it(store: Store, damage: object) -> None:
    try:
        records = store._load(store._state, f"entries:{FEED}")
        store._save(store._state, f"entries:{FEED}", [*records, damage])
        assert store.entry_ids(FEED) == []
        assert store.problems == [f"entries:{FEED}"]
        assert store.entries(FEED) == []
    finally:
        store.close()
