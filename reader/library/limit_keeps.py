"""What the cache's size limit keeps: the order it evicts articles in (`Ranking`), and of the
articles added to it, those it keeps (`Room`): the saved, each feed's share of its unread, then
the rest by that order. One policy for `prune` and for a sync's `limit.SyncRoom`."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..keys import article_key
from ..models import Entry
from ..store.usage import CachedArticle

Rank = tuple[int, float]
"""Where an article stands in the order of eviction: the lower, the sooner it goes."""

_NO_STORY_TIME = float("inf")
_LAST_TURN = float("inf")  # after every article added alike


@dataclass
class Ranking:
    """The order of eviction, from what the headlines say of each article: read, or unread and
    when its story is from, and which feed lists it (for its share: `Room`)."""

    read: set[str] = field(default_factory=set)  # article keys of read headlines
    unread: dict[str, float] = field(default_factory=dict)  # article key: its story's time
    feeds: dict[str, str] = field(default_factory=dict)  # unread article key: its feed

    @classmethod
    def of(cls, listed: Iterable[tuple[Entry, bool]]) -> Ranking:
        """The ranking of the headlines `listed`: each entry, and whether it is read."""
        ranking = cls()
        for entry, read in listed:
            ranking.note(entry, read)
        return ranking

    def note(self, entry: Entry, read: bool = False) -> None:
        """Take in one more headline (a sync's new ones are unread). An article two headlines
        link to is read when one of them is, and from the earlier story, that one's feed's.
        A story is from the earlier of when its feed dates it and when the reader first kept
        its headline: a feed dating its items anew at every fetch can't keep them the newest."""
        if not entry.link:
            return
        key = article_key(entry.link)
        if read:
            self.read.add(key)
            return
        when = entry.published or entry.updated
        story = when.timestamp() if when else _NO_STORY_TIME
        if entry.first_seen is not None and story > entry.first_seen:
            if story == _NO_STORY_TIME:
                story = entry.first_seen
            else:
                # From when it was first seen (whole seconds), and those first seen together in
                # their feed's order, within its first millisecond (before any of them can be
                # cached, which `rank` also bounds it by): forty stories of one fetch, dated
                # after it, tied, and which were kept went by the order they were cached in.
                ahead = story - entry.first_seen
                story = entry.first_seen + 0.001 * ahead / (ahead + 1)
        if story < self.unread.get(key, _NO_STORY_TIME) or key not in self.unread:
            self.unread[key] = story
            self.feeds[key] = entry.feed_url

    def feed(self, key: str) -> str:
        """The feed whose share the article under `key` is kept in: "" for one read, or that
        no headline lists."""
        return "" if key in self.read else self.feeds.get(key, "")

    def sharing(self) -> set[str]:
        """The feeds with an unread article: those the limit is shared among (`Room`)."""
        return {feed for key, feed in self.feeds.items() if key not in self.read}

    def rank(self, key: str, cached_at: float, last_used: float) -> Rank:
        """The rank of the article under `key`, cached at `cached_at` and last used at
        `last_used` (epoch seconds)."""
        if key in self.read or key not in self.unread:
            return (0, last_used)
        # A story dated after it was cached is from then: a feed dating one 2099 would
        # keep it the newest, the last evicted, for ever.
        return (1, min(self.unread[key], cached_at))

    def order(self, articles: list[CachedArticle]) -> list[CachedArticle]:
        """`articles` in the order of their rank, the lowest first (the limit's shares aside:
        `Room`)."""
        return sorted(articles, key=lambda a: self.rank(a.key, a.cached_at, a.last_used))


Place = tuple[int, float, float, float]
"""Where an article stands in a `Room`, the first kept first: -1 when in its feed's share
(else 0), then its rank negated, then its turn."""

Article = tuple[str, Rank, int, str]
"""An article as a `Room` takes it: its key, rank, size, and the feed it is unread in ("" for
none: read, or listed by none)."""


class Room:
    """What the limit would keep of the articles added to it, as `prune` does: the saved
    ones; then each feed's share (`share`: the room left divided among the feeds with an unread
    article), the feed's newest unread as far down as they fit in it; then, from the top of the
    ranking down, each other article that fits in what is left of the limit. One too big for
    that is evicted alone: those under it may still fit (a page of many megabytes at the top, a
    hostile feed's, evicted every other article when the limit went down the ranking evicting
    until the cache fit). A feed that uses less than its share leaves the rest to the others,
    by the ranking; one that brings more (40 stories at every sync, each dated now) can't take
    another feed's share: it evicted every other feed's unread articles when the ranking alone
    decided (acc28a H10). Each article is added once its size is known (or guessed, for one
    being fetched); added again (a page read on, a guess come true), it counts with its new
    size. Of two ranked alike, the one added first comes first: the other is cached already,
    or on its way."""

    def __init__(self, max_bytes: int, saved_bytes: int, feeds: int = 0) -> None:
        self.max_bytes = max_bytes
        self._saved = saved_bytes
        self._feeds = feeds
        self._turns = itertools.count()
        # The articles from the first kept down (`_order`: each one's place and key; `_sizes`
        # beside it), and the bytes the limit keeps of those down to each (`_kept`), worked
        # out as far as `_settled` only: an article added moves what comes under it.
        self._order: list[tuple[Place, str]] = []
        self._sizes: list[int] = []
        self._kept: list[int] = []
        self._settled = 0
        self._places: dict[str, Place] = {}
        self._size_of: dict[str, int] = {}
        self._feed_of: dict[str, str] = {}
        # Each feed's unread articles, the newest first (by their rank and turn); how many of
        # them its share holds (`_bound`) and the bytes of its share down to each of those
        # (`_taken`). Worked out again, when asked, from the first place changed of each feed
        # `_unshared`: an article added moves those under it, not those over it.
        self._by_feed: dict[str, list[tuple[tuple[float, int], str]]] = {}
        self._bound: dict[str, int] = {}
        self._taken: dict[str, list[int]] = {}
        self._in_share: set[str] = set()
        self._unshared: dict[str, tuple[int, int]] = {}

    @property
    def share(self) -> int:
        """The bytes each feed with an unread article may keep whatever the others bring."""
        feeds = max(self._feeds, len(self._by_feed))
        return max(0, self.max_bytes - self._saved) // feeds if feeds else 0

    def share_among(self, feeds: int) -> None:
        """The limit is shared among `feeds` feeds (each with an unread article, cached or
        not: one whose articles don't come leaves its share to the others)."""
        if feeds != self._feeds:
            self._feeds = feeds
            for feed in self._by_feed:
                self._changed(feed, 0)

    def add(self, key: str, rank: Rank, size: int, feed: str = "") -> None:
        """Add the article under `key`, unread in `feed` ("" for none: read, or listed by
        none); added before, its rank, turn and feed stay, its size is new."""
        place = self._places.get(key)
        if place is None:
            turn = next(self._turns)
            self._size_of[key] = size
            self._insert(key, (0, -rank[0], -rank[1], turn))
            if feed and rank[0]:
                self._feed_of[key] = feed
                mine = self._by_feed.setdefault(feed, [])
                at = bisect.bisect_left(mine, ((-rank[1], turn), key))
                mine.insert(at, ((-rank[1], turn), key))
                self._changed(feed, at, 1)
            return
        at = bisect.bisect_left(self._order, (place, key))
        self._sizes[at] = self._size_of[key] = size
        self._settled = min(self._settled, at)
        if feed := self._feed_of.get(key, ""):
            mine = self._by_feed[feed]
            self._changed(feed, bisect.bisect_left(mine, ((place[2], place[3]), key)))

    def add_all(self, articles: Iterable[Article]) -> None:
        """`add` each of `articles` in turn (each new), the order sorted once: a cache of
        20,000 articles, added one by one, moved each one under it at each."""
        fresh: set[str] = set()
        for key, rank, size, feed in articles:
            turn = next(self._turns)
            self._places[key] = (0, -rank[0], -rank[1], turn)
            self._size_of[key] = size
            if feed and rank[0]:
                self._feed_of[key] = feed
                self._by_feed.setdefault(feed, []).append(((-rank[1], turn), key))
                fresh.add(feed)
        for feed in fresh:
            self._by_feed[feed].sort()
            self._changed(feed, 0, len(self._by_feed[feed]))
        self._share_out(move=False)
        self._order = sorted((place, key) for key, place in self._places.items())
        self._sizes = [self._size_of[key] for _, key in self._order]
        self._kept = [0] * len(self._order)
        self._settled = 0

    def _changed(self, feed: str, at: int, added: int = 0) -> None:
        """The articles of `feed` from place `at` down changed, `added` of them new."""
        start, before = self._unshared.get(feed, (at, 0))
        self._unshared[feed] = (min(start, at), before + added)

    def _insert(self, key: str, place: Place) -> None:
        self._places[key] = place
        at = bisect.bisect_left(self._order, (place, key))
        self._order.insert(at, (place, key))
        self._sizes.insert(at, self._size_of[key])
        self._kept.insert(at, 0)
        self._settled = min(self._settled, at)

    def _delete(self, key: str) -> Place:
        place = self._places.pop(key)
        at = bisect.bisect_left(self._order, (place, key))
        del self._order[at], self._sizes[at], self._kept[at]
        self._settled = min(self._settled, at)
        return place

    def _share_out(self, move: bool = True) -> None:
        """Each feed changed since (`_unshared`): its newest articles in its share as far as
        they fit in it, from the first place changed down; those that come in or go out moved
        up or down the order (`move`), else only their places changed."""
        share = self.share
        for feed, (start, added) in self._unshared.items():
            mine = self._by_feed.get(feed, [])
            taken = self._taken.get(feed, [])[:start]
            used = taken[-1] if taken else 0
            for _, key in mine[start:]:
                used += self._size_of[key]
                if used > share:
                    break
                taken.append(used)
            bound = len(taken)
            # Those in it before sat over its old bound, as many places lower as were added.
            end = max(bound, self._bound.get(feed, 0) + added)
            for n, (_, key) in enumerate(mine[start:end], start):
                inside = n < bound
                if inside == (key in self._in_share):
                    continue
                (self._in_share.add if inside else self._in_share.discard)(key)
                place = self._delete(key) if move else self._places[key]
                place = (-1 if inside else 0, *place[1:])
                if move:
                    self._insert(key, place)
                else:
                    self._places[key] = place
            self._bound[feed], self._taken[feed] = bound, taken
        self._unshared.clear()

    def __contains__(self, key: str) -> bool:
        return key in self._places

    @property
    def held(self) -> int:
        """The bytes of the saved articles and of every one added (kept or not)."""
        return self._saved + sum(self._sizes)

    def remove(self, key: str) -> None:
        """Take back the article under `key` (its fetch failed): it fills no room."""
        if key not in self._places:
            return
        place = self._delete(key)
        del self._size_of[key]
        self._in_share.discard(key)
        if feed := self._feed_of.pop(key, ""):
            mine = self._by_feed[feed]
            at = bisect.bisect_left(mine, ((place[2], place[3]), key))
            del mine[at]
            if mine:
                self._changed(feed, at)
            else:
                del self._by_feed[feed]
                self._bound.pop(feed, None)
                self._taken.pop(feed, None)
                self._unshared.pop(feed, None)

    def _kept_above(self, at: int) -> int:
        """The bytes the limit keeps of the saved and the articles placed over place `at`."""
        for n in range(self._settled, at):
            before = self._kept[n - 1] if n else self._saved
            after = before + self._sizes[n]
            self._kept[n] = after if after <= self.max_bytes else before
        self._settled = max(self._settled, at)
        return self._kept[at - 1] if at else self._saved

    def keeps(self, key: str) -> bool:
        """The limit keeps the article added under `key`."""
        self._share_out()
        place = self._places.get(key)
        if place is None:
            return False
        at = bisect.bisect_left(self._order, (place, key))
        return self._kept_above(at) + self._sizes[at] <= self.max_bytes

    def fits(self, rank: Rank, size: int, feed: str = "") -> bool:
        """An article not added yet, ranked `rank`, unread in `feed` ("" for none), of `size`
        bytes, would be kept: in its feed's share (what is in the shares always is), else in
        what is left of the limit at its rank."""
        self._share_out()
        if feed and rank[0]:
            mine = self._by_feed.get(feed, [])
            at = bisect.bisect_left(mine, ((-rank[1], _LAST_TURN), ""))
            taken = self._taken.get(feed, [])
            if at <= len(taken) and (taken[at - 1] if at else 0) + size <= self.share:
                return True
        at = bisect.bisect_left(self._order, ((0, -rank[0], -rank[1], _LAST_TURN), ""))
        return self._kept_above(at) + size <= self.max_bytes

    @property
    def out(self) -> set[str]:
        """The keys of the articles added that the limit would evict."""
        self._share_out()
        self._kept_above(len(self._order))
        if not self._order:
            return set()  # none added: `above` would hold the saved ones' bytes alone
        above = [self._saved, *self._kept[:-1]]
        return {
            key
            for (_, key), size, before in zip(self._order, self._sizes, above, strict=True)
            if before + size > self.max_bytes
        }
