"""A subscription is found with every feed's record read once at most: by its title (the
addresses feeds moved to, then the titles, each read every record: two passes over 500 feeds),
and none for an address subscribed as written (an import of feeds all subscribed read them
all). `benchmarks/feed_lookups.py` has the times."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from reader.library import Library
from reader.models import Feed

FEEDS = [(f"http://127.0.0.1:9/feed-{n}.xml", f"Harbour desk {n}", "", (), ()) for n in range(30)]


def test_each_feeds_record_is_read_once_at_most_to_find_a_subscription(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = Library(data_dir)
    try:
        lib.add_feeds(FEEDS)
        moved = lib.store.feed(FEEDS[3][0])
        assert moved is not None
        lib.store.put_feed(dataclasses.replace(moved, moved_to="https://coast.example/rss"))
        read: Counter[str] = Counter()
        record = lib.store.feed

        def counted(url: str) -> Feed | None:
            read[url] += 1
            return record(url)

        monkeypatch.setattr(lib.store, "feed", counted)
        assert lib.feed_named("harbour DESK 17") == FEEDS[17][0]
        assert set(read.values()) == {1} and len(read) == len(FEEDS)
        read.clear()
        # The address it moved to names it, its records read once.
        assert lib.feed_named("HTTPS://coast.example/rss") == FEEDS[3][0]
        assert lib.subscription_url("https://coast.example/rss?utm_source=x") == FEEDS[3][0]
        assert max(read.values()) == 2  # once for each of the two looks
        read.clear()
        # Subscribed as written, in another spelling: no record read.
        assert lib.feed_named("HTTP://127.0.0.1:9/feed-5.xml#top") == FEEDS[5][0]
        assert lib.subscription_url("http://127.0.0.1:9/feed-6.xml?utm_medium=rss") == FEEDS[6][0]
        assert [url for url, _ in lib.add_feeds(FEEDS)] == [url for url, *_ in FEEDS]
        assert not read
    finally:
        lib.close()
