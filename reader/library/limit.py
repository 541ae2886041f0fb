"""The cache's size limit as one policy: the order it evicts articles in (`Ranking`), and, during
a sync, which articles it would keep (`SyncRoom`), so that a sync fetches none it would evict
again at its end. The sync fetches in the limit's order, the newest unread first (`gates`), so
that the articles it keeps are the ones it fetched, and what comes after them is not fetched.

A traveller syncs before a flight to read what is new: the articles read go first, the least
recently read first, and so do those no headline lists any more (a feed dropped, `reader show`
of a page no feed has), which nothing invites reading; then the unread, by their story's time
(the feed's, else when cached), oldest first. A sync caches a feed's newest first, so going by
when an article was cached would evict the newest unread first.

An article the limit evicts, or a sync leaves out for it, is remembered (`LeftOut`, with what it
took): the syncs after it fetch it again only once the limit would keep it (the limit raised,
newer articles read, a saved one let go), not at every sync only to evict it again at its end.
Not after a while, as a story taken down is asked for again (`gone`): the limit would evict it
as surely a day later, and the download each time is what a traveller on a slow network pays.
Opening the article fetches it at once, whatever the limit says.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..keys import article_key
from ..models import Entry
from ..store.usage import CachedArticle, LeftOut

Rank = tuple[int, float]
"""Where an article stands in the order of eviction: the lower, the sooner it goes."""

_NO_STORY_TIME = float("inf")
_NEVER_OPENED: Rank = (0, float("-inf"))
"""The rank of a read article never cached: under every cached one."""


@dataclass
class Ranking:
    """The order of eviction, from what the headlines say of each article: read, or unread and
    when its story is from."""

    read: set[str] = field(default_factory=set)  # article keys of read headlines
    unread: dict[str, float] = field(default_factory=dict)  # article key: its story's time

    @classmethod
    def of(cls, listed: Iterable[tuple[Entry, bool]]) -> Ranking:
        """The ranking of the headlines `listed`: each entry, and whether it is read."""
        ranking = cls()
        for entry, read in listed:
            ranking.note(entry, read)
        return ranking

    def note(self, entry: Entry, read: bool = False) -> None:
        """Take in one more headline (a sync's new ones are unread). An article two headlines
        link to is read when one of them is, and from the earlier story."""
        if not entry.link:
            return
        key = article_key(entry.link)
        if read:
            self.read.add(key)
            return
        when = entry.published or entry.updated
        story = when.timestamp() if when else _NO_STORY_TIME
        self.unread[key] = min(self.unread.get(key, story), story)

    def rank(self, key: str, cached_at: float, last_used: float) -> Rank:
        """The rank of the article under `key`, cached at `cached_at` and last used at
        `last_used` (epoch seconds)."""
        if key in self.read or key not in self.unread:
            return (0, last_used)
        story = self.unread[key]
        return (1, cached_at if story == _NO_STORY_TIME else story)

    def order(self, articles: list[CachedArticle]) -> list[CachedArticle]:
        """`articles` in the order the limit evicts them."""
        return sorted(articles, key=lambda a: self.rank(a.key, a.cached_at, a.last_used))


class Room:
    """What the limit would keep of the articles added to it, as `prune` would: the saved
    ones, then as many as fit from the top of the ranking down. `line` is the highest rank it
    would evict: any article ranked at or under it goes, whatever its size (those above it
    fill the limit already). Each article is added once its size is known (or guessed, for one
    being fetched); added again (a page read on, a guess come true), it counts with its new
    size. Of two ranked alike, the one added last goes first: the other is cached already, or
    on its way."""

    def __init__(self, max_bytes: int, saved_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.line: Rank | None = None
        self.out: set[str] = set()  # keys it would evict
        self._kept = saved_bytes
        self._added = itertools.count()
        self._heap: list[tuple[Rank, int, str, int]] = []  # the kept, lowest rank first
        self._current: dict[str, tuple[Rank, int, int]] = {}  # key: rank, turn, size in the heap

    def add(self, key: str, rank: Rank, size: int) -> None:
        self.remove(key)
        self.out.discard(key)
        if not self.keeps(key, rank):
            self.out.add(key)
            return
        turn = -next(self._added)
        self._current[key] = (rank, turn, size)
        self._kept += size
        heapq.heappush(self._heap, (rank, turn, key, size))
        while self._kept > self.max_bytes and self._heap:
            lowest, turn, gone, size = heapq.heappop(self._heap)
            if self._current.get(gone) != (lowest, turn, size):
                continue  # added again since, or removed
            del self._current[gone]
            self._kept -= size
            self.out.add(gone)
            self.line = lowest if self.line is None else max(self.line, lowest)

    def remove(self, key: str) -> None:
        """Take back the article under `key` (its fetch failed): it fills no room."""
        if key in self._current:
            self._kept -= self._current.pop(key)[2]

    def keeps(self, key: str, rank: Rank) -> bool:
        """The article ranked `rank` may stay: not known to be evicted."""
        return key not in self.out and (self.line is None or rank > self.line)


class SyncRoom:
    """A sync's view of the limit: the articles cached and those left out before it, ranked by
    the headlines, in a `Room`; each article the sync caches added as it comes. An article is
    fetched only when the limit may keep it (`keeps`): not one left out again (unless the
    cache has room for it now), nor one ranked under what the sync has cached already fills."""

    def __init__(
        self,
        max_bytes: int,
        listed: Iterable[tuple[Entry, bool]],
        cached: list[CachedArticle],
        left_out: dict[str, LeftOut],
    ) -> None:
        self.ranking = Ranking.of(listed)
        self.left_out = left_out
        self.skipped: set[str] = set()  # keys this sync did not fetch for the limit
        self._now = time.time()
        self._cached = {a.key: a for a in cached if not a.saved}
        self._sizes = self._counted = 0  # of the articles known: their mean is a guess's
        self._probe: asyncio.Event | None = None  # set when the article fetched alone comes
        self._probe_key = ""
        for article in cached:
            self._count(article.size)
        saved = {a.key for a in cached if a.saved}
        self.room = Room(max_bytes, sum(a.size for a in cached if a.saved))
        for article in self._cached.values():
            self.room.add(article.key, self._rank(article.key), article.size)
        for key, left in left_out.items():
            if key not in self._cached and key not in saved:
                self.room.add(key, self._rank(key), left.size)

    def _rank(self, key: str) -> Rank:
        known = self._cached.get(key) or self.left_out.get(key)
        if known is None or not known.size:  # never cached: as it would be, cached now…
            rank = self.ranking.rank(key, self._now, self._now)
            # …but a read one never cached (marked read unopened, skimmed) is wanted least of
            # all: ranked as read now, it would evict every read article cached before it, a
            # download each (a year's library synced over its limit grew to three times it).
            return _NEVER_OPENED if rank[0] == 0 else rank
        return self.ranking.rank(key, known.cached_at, known.last_used)

    def keeps(self, key: str) -> bool:
        """Fetch the article under `key`: the limit may keep it. One it would not is counted
        as left out by this sync."""
        if self.room.keeps(key, self._rank(key)):
            return True
        self.skipped.add(key)
        return False

    async def reserve(self, key: str) -> bool:
        """About to fetch the article under `key`: `keeps`, and if so the room it will take,
        guessed, held for it until it comes (`cached`) or fails (`failed`). Without this, the
        downloads under way when the limit fills (up to 16 a host) would all be fetched, only
        for the limit to evict them at the sync's end. Before any article's size is known (an
        empty cache), one is fetched alone to tell it."""
        while not self._counted and self._probe is not None:
            await self._probe.wait()
        if not self.keeps(key):
            return False
        if not self._counted:
            self._probe, self._probe_key = asyncio.Event(), key
        self.room.add(key, self._rank(key), self._sizes // self._counted if self._counted else 0)
        if key in self.room.out:  # its guessed size would not fit: not fetched
            self.skipped.add(key)
            return False
        return True

    def failed(self, key: str) -> None:
        """The article reserved under `key` did not come: its room is free again."""
        self.room.remove(key)
        self._probed(key)

    def _probed(self, key: str) -> None:
        if self._probe is not None and key == self._probe_key:
            self._probe.set()
            self._probe = None

    def priority(self, key: str) -> tuple[float, float]:
        """The order to fetch in (the lowest first): the newest unread first, as the limit
        keeps them."""
        first, then = self._rank(key)
        return (-first, -then)

    def cached(self, key: str, size: int) -> None:
        """The sync cached the article under `key`, taking `size` bytes."""
        self.room.add(key, self._rank(key), size)
        self._count(size)
        self._probed(key)

    def _count(self, size: int) -> None:
        if size > 0:
            self._sizes += size
            self._counted += 1

    def newly_left_out(self) -> dict[str, LeftOut]:
        """The articles this sync left out that no record says so yet (never fetched: their
        size unknown), each with a record to keep."""
        now = time.time()
        return {
            key: LeftOut(0, now, now, now)
            for key in self.skipped
            if key not in self.left_out and key not in self._cached
        }
