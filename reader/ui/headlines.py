"""What the lists show, held in memory: every headline, the feeds and their unread counts.

The app loads this snapshot from the `Library` in a thread (reading thousands of entries from the
store is disk work) and then keeps it current with small in-memory edits (read flags, articles
arriving in the cache), so switching feeds or toggling a flag never waits on the disk.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from ..library import Headline, Library
from ..models import Feed


@dataclass
class HeadlineIndex:
    """Headlines of every feed, newest first, with per-feed views and counts."""

    feeds: list[Feed] = field(default_factory=list)
    headlines: list[Headline] = field(default_factory=list)
    _positions: dict[str, int] = field(init=False, repr=False)
    """Entry id → position in `headlines`, for the in-place edits below."""
    _unread: Counter[str] = field(init=False, repr=False)
    """Unread headlines per feed URL, kept current by the edits (not recounted per key)."""
    cached: int = field(init=False, repr=False)
    """Headlines whose article is available offline, kept current the same way."""

    def __post_init__(self) -> None:
        self._positions = {h.entry.id: i for i, h in enumerate(self.headlines)}
        self._unread = Counter(h.entry.feed_url for h in self.headlines if not h.read)
        self.cached = sum(h.cached for h in self.headlines)

    def unread_in(self, feed_url: str | None) -> int:
        """Unread headlines of one feed, or of all when `feed_url` is None."""
        return self._unread.total() if feed_url is None else self._unread[feed_url]

    @classmethod
    def load(cls, library: Library) -> HeadlineIndex:
        """Read everything from the store (blocking: call it from a thread)."""
        return cls(library.feeds(), library.headlines())

    def view(self, feed_url: str | None) -> list[Headline]:
        """The headlines of one feed, or of all when `feed_url` is None."""
        if feed_url is None:
            return list(self.headlines)
        return [h for h in self.headlines if h.entry.feed_url == feed_url]

    def unread_counts(self) -> Counter[str]:
        """Unread headlines per feed URL."""
        return Counter(self._unread)

    def get(self, entry_id: str) -> Headline | None:
        position = self._positions.get(entry_id)
        return None if position is None else self.headlines[position]

    def set_read(self, entry_id: str, read: bool) -> Headline | None:
        """Record a read flag; returns the updated headline (None if unknown)."""
        return self._edit(entry_id, read=read)

    def set_saved(self, entry_id: str, saved: bool) -> Headline | None:
        """Record that an article is kept for good (or no longer)."""
        return self._edit(entry_id, saved=saved)

    def set_cached(self, entry_id: str) -> Headline | None:
        """Record that an article is now available offline."""
        return self._edit(entry_id, cached=True)

    def _edit(self, entry_id: str, **changes: bool) -> Headline | None:
        position = self._positions.get(entry_id)
        if position is None:
            return None
        old = self.headlines[position]
        headline = replace(old, **changes)
        self.headlines[position] = headline
        self._unread[old.entry.feed_url] += int(old.read) - int(headline.read)
        self.cached += int(headline.cached) - int(old.cached)
        return headline
