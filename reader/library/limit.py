"""The cache's size limit as one policy: the order it evicts articles in (`Ranking`), and, during
a sync, which articles it would keep (`SyncRoom`), so that a sync fetches none it would evict
again at its end. The sync fetches in the limit's order, the newest unread first (`gates`), so
that the articles it keeps are the ones it fetched, and what comes after them is not fetched.
That order is known once every feed's headlines are in: the downloads wait for them (not long
for one slow feed: `HEADLINES_QUIET`; not at all once the limit would keep every article they
may bring: `room_for_all`), and one under way that a later feed's newer stories outrank is
stopped before its page comes (`outranked`).

A traveller syncs before a flight to read what is new: the articles read go first, the least
recently read first, and so do those no headline lists any more (a feed dropped, `reader show`
of a page no feed has), which nothing invites reading; then the unread, by their story's time
(the feed's, else when cached), oldest first. A sync caches a feed's newest first, so going by
when an article was cached would evict the newest unread first. From the top of that order
down, the limit keeps each article that fits in what is left: one too big for it goes alone,
not with every article under it.

An article the limit evicts, or a sync leaves out for it, is remembered (`LeftOut`, with what it
took): the syncs after it fetch it again only once the limit would keep it (the limit raised,
newer articles read, a saved one let go), not at every sync only to evict it again at its end.
Not after a while, as a story taken down is asked for again (`gone`): the limit would evict it
as surely a day later, and the download each time is what a traveller on a slow network pays.
Opening the article fetches it at once, whatever the limit says.
"""

from __future__ import annotations

import asyncio
import bisect
import itertools
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..keys import article_key
from ..models import Entry
from ..store.usage import CachedArticle, LeftOut
from .gates import PriorityHold

Rank = tuple[int, float]
"""Where an article stands in the order of eviction: the lower, the sooner it goes."""

_NO_STORY_TIME = float("inf")
_LAST_TURN = float("inf")  # after every article added alike
_NEVER_OPENED: Rank = (0, float("-inf"))
"""The rank of a read article never cached: under every cached one."""
HEADLINES_QUIET = 3.0
"""Over the limit, a sync's downloads wait for every feed's headlines, and at most this many
seconds after the last feed came in for those still out. Started as each feed came in, the
downloads of the first feeds took the room the newest stories of the later ones then claimed,
and were evicted at the sync's end (6 feeds: 44 pages fetched for 29 kept). Feeds are asked all
at once and come within a second or two of each other; one that takes longer (a slow server,
one timing out) is not waited for: its stories come after, stopping what they outrank."""


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
        # A story dated after it was cached is from then: a feed dating one 2099 would
        # keep it the newest, the last evicted, for ever.
        return (1, min(self.unread[key], cached_at))

    def order(self, articles: list[CachedArticle]) -> list[CachedArticle]:
        """`articles` in the order the limit evicts them."""
        return sorted(articles, key=lambda a: self.rank(a.key, a.cached_at, a.last_used))


class Room:
    """What the limit would keep of the articles added to it, as `prune` would: the saved
    ones, then, from the top of the ranking down, each that fits in what is left. One too big
    for that is evicted alone: those under it may still fit (a page of many megabytes at the
    top, a hostile feed's, evicted every other article when the limit went down the ranking
    evicting until the cache fit). Each article is added once its size is known (or guessed,
    for one being fetched); added again (a page read on, a guess come true), it counts with
    its new size. Of two ranked alike, the one added first comes first: the other is cached
    already, or on its way."""

    def __init__(self, max_bytes: int, saved_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._saved = saved_bytes
        self._turns = itertools.count()
        # The articles from the top of the ranking down (`_order`: each one's place and key;
        # `_sizes` beside it), and the bytes the limit keeps of those down to each (`_kept`),
        # worked out as far as `_settled` only: an article added moves what comes under it.
        self._order: list[tuple[tuple[float, float, int], str]] = []
        self._sizes: list[int] = []
        self._kept: list[int] = []
        self._settled = 0
        self._places: dict[str, tuple[float, float, int]] = {}

    def add(self, key: str, rank: Rank, size: int) -> None:
        """Add the article under `key`; added before, its rank and turn stay, its size is new."""
        place = self._places.get(key)
        if place is None:
            place = self._places[key] = (-rank[0], -rank[1], next(self._turns))
            at = bisect.bisect_left(self._order, (place, key))
            self._order.insert(at, (place, key))
            self._sizes.insert(at, size)
            self._kept.insert(at, 0)
        else:
            at = bisect.bisect_left(self._order, (place, key))
            self._sizes[at] = size
        self._settled = min(self._settled, at)

    def __contains__(self, key: str) -> bool:
        return key in self._places

    @property
    def held(self) -> int:
        """The bytes of the saved articles and of every one added (kept or not)."""
        return self._saved + sum(self._sizes)

    def remove(self, key: str) -> None:
        """Take back the article under `key` (its fetch failed): it fills no room."""
        place = self._places.pop(key, None)
        if place is not None:
            at = bisect.bisect_left(self._order, (place, key))
            del self._order[at], self._sizes[at], self._kept[at]
            self._settled = min(self._settled, at)

    def _kept_above(self, at: int) -> int:
        """The bytes the limit keeps of the saved and the articles ranked over place `at`."""
        for n in range(self._settled, at):
            before = self._kept[n - 1] if n else self._saved
            after = before + self._sizes[n]
            self._kept[n] = after if after <= self.max_bytes else before
        self._settled = max(self._settled, at)
        return self._kept[at - 1] if at else self._saved

    def keeps(self, key: str) -> bool:
        """The limit keeps the article added under `key`."""
        place = self._places.get(key)
        if place is None:
            return False
        at = bisect.bisect_left(self._order, (place, key))
        return self._kept_above(at) + self._sizes[at] <= self.max_bytes

    def fits(self, rank: Rank, size: int) -> bool:
        """An article not added yet, ranked `rank`, of `size` bytes, would be kept."""
        at = bisect.bisect_left(self._order, ((-rank[0], -rank[1], _LAST_TURN), ""))
        return self._kept_above(at) + size <= self.max_bytes

    @property
    def out(self) -> set[str]:
        """The keys of the articles added that the limit would evict."""
        return {key for key in self._places if not self.keeps(key)}


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
        self._under_way: dict[str, str] = {}  # reserved, neither cached nor failed: links
        self.gave_up: set[str] = set()  # keys whose downloads were stopped (`given_up`)
        self._settling: asyncio.Event | None = None  # set when one of them comes or fails
        # The downloads asked for: by the feeds in so far, and of headlines kept from before.
        self._queued: set[str] = set()
        self._queued_before: set[str] = set()
        # The sync's downloads, held until the feeds are in, then let go newest first.
        self.hold = PriorityHold(HEADLINES_QUIET)
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

    def queued(self, key: str, before: bool = False) -> None:
        """The article under `key` is to be fetched: a feed in listed it, or (`before`) a
        headline kept from an earlier sync does."""
        (self._queued_before if before else self._queued).add(key)

    def room_for_all(self, feeds_in: int, feeds_out: int) -> bool:
        """The limit would keep every article: the room held, those queued (at the mean size
        of those known), and as many again, feed for feed, for each feed still out. Then
        there is no order to wait for: the downloads may start before every feed is in (a
        limit far above the cache waited 3 s for a slow feed). Not known before an article's
        size is (an empty cache), nor before a feed is in."""
        if not self._counted or not feeds_in:
            return False
        new = sum(key not in self.room for key in self._queued)
        before = sum(key not in self.room for key in self._queued_before - self._queued)
        coming = before + new + new / feeds_in * feeds_out
        return self.room.held + coming * self._sizes / self._counted <= self.room.max_bytes

    def keeps(self, key: str) -> bool:
        """Fetch the article under `key`: the limit may keep it. One it would not is counted
        as left out by this sync. One left out before is as big as it was then; any other
        needs a byte of room at its rank."""
        left = self.left_out.get(key)
        if self.room.keeps(key) if left and left.size else self.room.fits(self._rank(key), 1):
            return True
        self.skipped.add(key)
        return False

    async def reserve(self, key: str, link: str) -> bool:
        """About to fetch the article under `key` from `link`: `keeps`, and if so the room it will take,
        guessed, held for it until it comes (`cached`) or fails (`failed`). Without this, the
        downloads under way when the limit fills (up to 16 a host) would all be fetched, only
        for the limit to evict them at the sync's end. Before any article's size is known (an
        empty cache), one is fetched alone to tell it.

        One whose guess does not fit beside the downloads under way (guessed too) waits for
        them to come, measured, and is tried again: turned away at once, the sync left out
        the last article the cache had room for (27 kept where 28 fit, fetched by the next
        sync). One at a time: those ranked under it, guessed alike, fit only if it does."""
        while not self._counted and self._probe is not None:
            await self._probe.wait()
        if not self.keeps(key):
            return False
        rank = self._rank(key)
        while True:
            if not self._counted:
                self._probe, self._probe_key = asyncio.Event(), key
            self.room.add(key, rank, self._sizes // self._counted if self._counted else 0)
            if self.room.keeps(key):
                self._under_way[key] = link
                return True
            self.room.remove(key)  # its guessed size would not fit
            self._probed(key)
            if not self._under_way or self._settling is not None:
                self.skipped.add(key)
                return False
            self._settling = asyncio.Event()
            try:
                await self._settling.wait()
            finally:
                self._settling = None

    def failed(self, key: str) -> None:
        """The article reserved under `key` did not come: its room is free again."""
        self.room.remove(key)
        self._under_way.pop(key, None)
        self._probed(key)
        self._settled()

    def outranked(self) -> list[tuple[str, str]]:
        """The articles being fetched that the limit would no longer keep, each key and link:
        newer stories (a feed that came in late) or a bigger page than guessed took their
        room. Not one cached before (an article missing pages, read on): stopped, it would
        still be there."""
        return [
            (key, link)
            for key, link in self._under_way.items()
            if key not in self._cached and not self.room.keeps(key)
        ]

    def given_up(self, key: str) -> None:
        """The download of the article under `key` was stopped (`outranked`): it fills no
        room, and this sync left it out."""
        self.failed(key)
        self.skipped.add(key)
        self.gave_up.add(key)

    def _settled(self) -> None:
        if self._settling is not None:
            self._settling.set()

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
        self._under_way.pop(key, None)
        self._count(size)
        self._probed(key)
        self._settled()

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
