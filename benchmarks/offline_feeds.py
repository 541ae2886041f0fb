"""A benchmark's library of feeds on a host nothing listens on (`offline_feeds`): their headlines
read from the store, every fetch of a feed or page refused at once, as when reading offline."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

OFFLINE_HOST = "http://127.0.0.1:9"
"""The discard port of 127.0.0.1: nothing listens, connections are refused."""


def offline_feeds(
    data_dir: Path, feeds: list[tuple[str, str]], when: datetime
) -> Iterator[tuple[Any, str, str]]:
    """A library at `data_dir` (its CPU work in threads) subscribed to each of `feeds` (its path
    on `OFFLINE_HOST`, its title), last read at `when`: yields the library, the feed's address
    and its title, for the caller to give it its headlines; the library is closed after."""
    from reader.library import Library
    from reader.models import Feed

    lib = Library(data_dir, workers="thread")
    try:
        for path, title in feeds:
            url = OFFLINE_HOST + path
            lib.add_feed(url)
            lib.store.put_feed(Feed(url, title=title, last_success=when))
            yield lib, url, title
    finally:
        lib.close()
