"""The unread hits of each search feed, for its row of the feed list: its hits' ids as last
searched (`MainFullText.count_search_feeds`), and which of them are unread, kept current from
the headline index's edits (`HeadlineIndex.edited_since`) instead of every hit looked up again
at each change of the lists (a read mark, a sync's feed): a year's common word holds tens of
thousands of hits, looked up at every key that marked one read."""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping

from .headlines import HeadlineIndex


class SearchFeedCounts:
    """By search feed's name, its hits and the unread among them."""

    def __init__(self) -> None:
        self.hits: dict[str, frozenset[str]] = {}
        """By name, the entry ids of its hits, as last searched."""
        self._unread: dict[str, set[str]] = {}
        self._of: weakref.ReferenceType[HeadlineIndex] | None = None
        """The index `_unread` was read from (held weakly: a reload's old one is let go)."""
        self._edits = 0
        """How many edits that index had had when `_unread` was last brought up to it."""

    def found(self, hits: Mapping[str, frozenset[str]]) -> None:
        """These search feeds' hits searched anew (the others' kept)."""
        self.hits = {**self.hits, **hits}
        self._of = None

    def keep_only(self, names: Iterable[str]) -> None:
        """Those of the search feeds there are now (one taken away: its hits go)."""
        wanted = set(names)
        self.hits = {name: ids for name, ids in self.hits.items() if name in wanted}
        self._of = None

    def unread(self, index: HeadlineIndex, name: str) -> int:
        """How many of the hits of the search feed `name` the index has unread."""
        if self._of is None or self._of() is not index or index.edits < self._edits:
            self._count(index)
        elif index.edits > self._edits:
            for entry_id in index.edited_since(self._edits):
                headline = index.get(entry_id)
                unread = headline is not None and not headline.read
                for holder, ids in self.hits.items():
                    if entry_id in ids:
                        (self._unread[holder].add if unread else self._unread[holder].discard)(
                            entry_id
                        )
            self._edits = index.edits
        return len(self._unread.get(name, ()))

    def _count(self, index: HeadlineIndex) -> None:
        """Every hit looked up: once for each index (a reload, a refresh) and each search."""
        self._unread = {
            name: {i for i in ids if (h := index.get(i)) is not None and not h.read}
            for name, ids in self.hits.items()
        }
        self._of, self._edits = weakref.ref(index), index.edits
