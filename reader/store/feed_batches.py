"""Each feed's records read for many feeds at once: a start, `reader list` and `reader feeds`
read every feed's own record, its headlines, its read marks and its article keys, and read one
at a time they were a statement each (9,550 feeds imported from an Inoreader export: ~29,000
statements before the first screen, a third of its CPU, acc43a A19). Here each kind is read for
every feed in a few statements (`StoreDirectory._values`); a record that doesn't read or decode
cleanly is read again by the one-feed method, which says and drops a damaged one as ever.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from ..codec import feed_from_dict
from ..models import Feed
from .directory import _reporting_storage_errors
from .feeds import (
    StoreFeeds,
    _checked_id,
    _entries_key,
    _feed_key,
    _read_key,
    records_lazily,
)
from .record_batches import clean_rows, held_keys
from .story_rows import _listed_keys_key

T = TypeVar("T")


def _key_list(value: Any) -> set[str]:
    if not isinstance(value, list):
        raise TypeError("not a list")  # read again alone (`listed_keys` makes one)
    return {k for k in value if isinstance(k, str)}


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("not a list")  # read again alone, as `_load` reads a damaged one
    return value


def _none(_url: str) -> None:
    return None


def _ids(value: Any) -> list[str]:
    return [_checked_id(record) for record in _list(value)]


@_reporting_storage_errors
class StoreFeedBatches(StoreFeeds):
    """The per-feed records of a `Store`, read for many feeds at once."""

    def _each(
        self,
        urls: Sequence[str],
        key: Callable[[str], str],
        decoded: Callable[[Any], T],
        one: Callable[[str], T],
        absent: Callable[[str], T] | None = None,
    ) -> list[T]:
        """For each of `urls`, in order, its record under `key(url)` as `decoded` makes it
        from its JSON; `absent(url)` where it has none (None: `one(url)`), and `one(url)`,
        the one-feed read, where it doesn't read or decode cleanly. Each decoded as it is
        read: the records' text is never all held at once."""
        of_key = {key(url): url for url in urls}
        made: dict[str, T] = {}
        again: list[str] = []
        for record_key, raw, clean in clean_rows(self._state, list(of_key)):
            url = of_key[record_key]
            try:
                if not clean:
                    raise ValueError(record_key)
                made[url] = decoded(json.loads(raw))
            except (KeyError, TypeError, ValueError):
                again.append(url)
        for url in again:  # once the rows are read: `one` may write (a damaged one dropped)
            made[url] = one(url)
        return [made[url] if url in made else (absent or one)(url) for url in urls]

    def feeds(self) -> list[Feed]:
        """Every feed subscribed to, in order, as `feed` reads each."""
        return self._each(self.feed_urls(), _feed_key, feed_from_dict, self._feed_or_new, Feed)

    def _feed_or_new(self, url: str) -> Feed:
        return self.feed(url) or Feed(url)

    def each_read_ids(self, urls: Sequence[str]) -> list[set[str]]:
        """`read_ids` of each feed of `urls`, in order."""
        return self._each(urls, _read_key, set, self.read_ids, lambda _url: set())

    def each_entry_records(self, urls: Sequence[str]) -> list[list[Any]]:
        """`entry_records` of each feed of `urls`, in order."""
        return self._each(urls, _entries_key, _list, self.entry_records, lambda _url: [])

    def each_entry_ids(self, urls: Sequence[str]) -> list[list[str]]:
        """`entry_ids` of each feed of `urls`, in order."""
        return self._each(urls, _entries_key, _ids, self.entry_ids, lambda _url: [])

    def each_listed_keys(self, urls: Sequence[str]) -> list[set[str]]:
        """`listed_keys` of each feed of `urls`, in order. A feed with no headline list has
        none, and none is written for it: `listed_keys` wrote an empty one for each, 9,550
        writes at the first start of an OPML file's library never synced. One with a list but
        no keys kept (a list written before they were) has them made by `listed_keys`."""
        made = self._each(urls, _listed_keys_key, _key_list, self.listed_keys, _none)
        unkept = [url for url, keys in zip(urls, made, strict=True) if keys is None]
        lists = held_keys(self._state, [_entries_key(url) for url in unkept]) if unkept else set()
        return [
            keys
            if keys is not None
            else self.listed_keys(url)
            if _entries_key(url) in lists
            else set()
            for url, keys in zip(urls, made, strict=True)
        ]

    def each_records_lazily(self, urls: Sequence[str]) -> list[tuple[Iterator[Any], bool]]:
        """`entry_records_lazily` of each feed of `urls`, in order: the text, not decoded."""
        raws = self._values(self._state, [_entries_key(url) for url in urls])
        return [records_lazily(raws.get(_entries_key(url))) for url in urls]
