"""The cache's size limit as one policy: the order it evicts articles in and what it keeps of
them (`limit_keeps`: `Ranking`, `Room`, for `prune` and a sync alike), and, during a sync, which
articles it would keep (`SyncRoom`), so that a sync fetches none it would evict again at its end. The sync fetches
in the limit's order, each feed's share of its newest unread, then the newest unread (`gates`),
so that the articles it keeps are the ones it fetched, and what comes after them is not fetched.
That order is known once every feed's headlines are in: the downloads wait for them (not long
for one slow feed: `HEADLINES_QUIET`; not at all once the limit would keep every article they
may bring: `room_for_all`), and one under way that a later feed's newer stories outrank is
stopped before its page comes (`outranked`).

A traveller syncs before a flight to read what is new: the articles read go first, the least
recently read first, and so do those no headline lists any more (a feed dropped, `reader show`
of a page no feed has), which nothing invites reading; then the unread, by their story's time
(the feed's, or when the reader first saw its headline, or when cached: the earliest), oldest
first. A sync caches a feed's newest first, so going by when an article was cached would evict
the newest unread first. Before that order, each feed with unread headlines keeps its share of
the limit, so that one feed can't crowd the others out (`Room`). From the top down, the limit
keeps each article that fits in what is left: one too big for it goes alone, not with every
article under it.

An article the limit evicts, or a sync leaves out for it, is remembered (`LeftOut`, with what it
took): the syncs after it fetch it again only once the limit would keep it (the limit raised,
newer articles read, a saved one let go), not at every sync only to evict it again at its end.
Not after a while, as a story taken down is asked for again (`gone`): the limit would evict it
as surely a day later, and the download each time is what a traveller on a slow network pays.
Opening the article fetches it at once, whatever the limit says.
"""

from __future__ import annotations

import bisect
import itertools
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..keys import article_key
from ..models import Entry
from ..store.usage import CachedArticle, LeftOut
from .gates import Priority, PriorityHold
from .limit_keeps import Rank, Ranking, Room

if TYPE_CHECKING:
    import asyncio

__all__ = ["HEADLINES_QUIET", "Rank", "Ranking", "Room", "SyncRoom"]

_NEVER_OPENED: Rank = (0, float("-inf"))
"""The rank of a read article never cached: under every cached one."""
HEADLINES_QUIET = 3.0
"""Over the limit, a sync's downloads wait for every feed's headlines, and at most this many
seconds after the last feed came in for those still out. Started as each feed came in, the
downloads of the first feeds took the room the newest stories of the later ones then claimed,
and were evicted at the sync's end (6 feeds: 44 pages fetched for 29 kept). Feeds are asked all
at once and come within a second or two of each other; one that takes longer (a slow server,
one timing out) is not waited for: its stories come after, stopping what they outrank."""


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
        hold: PriorityHold | None = None,
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
        self.hold = hold if hold is not None else PriorityHold(HEADLINES_QUIET)
        for article in cached:
            self._count(article.size)
        saved = {a.key for a in cached if a.saved}
        self._sharing = self.ranking.sharing()
        saved_bytes = sum(a.size for a in cached if a.saved)
        self.room = Room(max_bytes, saved_bytes, len(self._sharing))
        self.room.add_all(
            (key, self._rank(key), known.size, self._feed(key))
            for key, known in itertools.chain(
                self._cached.items(),
                ((k, v) for k, v in left_out.items() if k not in self._cached and k not in saved),
            )
        )
        # Each feed's unread stories, the newest first, by their times negated: how far down
        # its share one is, for the order to fetch in (`priority`).
        self._stories: dict[str, list[float]] = {}
        for key, feed in self.ranking.feeds.items():
            if key not in self.ranking.read:
                self._stories.setdefault(feed, []).append(-self.ranking.unread[key])
        for stories in self._stories.values():
            stories.sort()

    def note(self, entry: Entry) -> None:
        """A headline new in this sync (unread): ranked, and its feed given a share if it had
        none."""
        key = article_key(entry.link) if entry.link else ""
        known = key in self.ranking.unread
        self.ranking.note(entry)
        if (feed := self._feed(key)) and not known:
            bisect.insort(self._stories.setdefault(feed, []), -self.ranking.unread[key])
        if feed and feed not in self._sharing:
            self._sharing.add(feed)
            self.room.share_among(len(self._sharing))

    def _feed(self, key: str) -> str:
        return self.ranking.feed(key)

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
        if (
            self.room.keeps(key)
            if left and left.size
            else self.room.fits(self._rank(key), 1, self._feed(key))
        ):
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
        import asyncio

        while not self._counted and self._probe is not None:
            await self._probe.wait()
        if not self.keeps(key):
            return False
        rank = self._rank(key)
        while True:
            if not self._counted:
                self._probe, self._probe_key = asyncio.Event(), key
            guess = self._sizes // self._counted if self._counted else 0
            self.room.add(key, rank, guess, self._feed(key))
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

    def priority(self, key: str) -> tuple[float, float, float]:
        """The order to fetch in (the lowest first), as the limit keeps them: the unread each
        feed's share is likely to hold (by how many of its stories are newer, at the mean size
        of the articles known: before any is, each feed's newest), then the newest unread
        first, then the read. A guess: the limit decides as they come (`reserve`)."""
        first, then = self._rank(key)
        shared = 1.0
        if feed := self._feed(key):
            newer = bisect.bisect_left(self._stories.get(feed, []), -self.ranking.unread[key])
            mean = self._sizes / self._counted if self._counted else 0
            if (newer + 1) * mean <= self.room.share if mean else newer == 0:
                shared = 0.0
        return (shared, -first, -then)

    async def turn(self, key: str) -> Priority:
        """`priority`, as `headroom.Headroom` gives it: once known."""
        return self.priority(key)

    def known(self, key: str, size: int) -> None:
        """The article under `key` is cached, taking `size` bytes (a sync's, cached before
        this room was made: `headroom`)."""
        self.room.add(key, self._rank(key), size, self._feed(key))

    def under_way(self, key: str, link: str, guess: int) -> None:
        """The article under `key` is being fetched from `link`, room held for it as `guess`
        bytes (reserved before this room was made: `headroom`)."""
        if key not in self.room:
            self.room.add(key, self._rank(key), guess, self._feed(key))
        self._under_way[key] = link

    def cached(self, key: str, size: int) -> None:
        """The sync cached the article under `key`, taking `size` bytes."""
        self.room.add(key, self._rank(key), size, self._feed(key))
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
