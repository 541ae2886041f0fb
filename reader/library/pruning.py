"""The cache measured and kept to its limits: how much it holds, the eviction of articles
unused for too long or over the size allowed (never a saved one), those evicted for the size
remembered as left out (`limit`), and old read headlines dropped (`store.retention`)."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from ..models import Entry, Unwritable
from ..reports import CacheStats, Headline, PruneReport
from ..store.retention import DroppedHeadlines
from ..store.usage import CachedArticle, LeftOut
from .headroom import Headroom
from .limit import SyncRoom
from .limit_keeps import Ranking, Room
from .reader_state import LibraryReaderState
from .resources import _now


class LibraryPruning(LibraryReaderState):
    """A `Library`'s cache, measured and pruned."""

    # -- the cache -----------------------------------------------------------------------------
    def cache_stats(self) -> CacheStats:
        articles = self.store.cached_articles()
        times = [a.cached_at for a in articles]
        feeds = self.store.feed_urls()
        return CacheStats(
            articles=len(articles),
            saved=len(self.store.saved()),
            feeds=len(feeds),
            headlines=sum(len(self.store.entry_ids(u)) for u in feeds),
            disk_bytes=self.store.disk_usage(),
            oldest=datetime.fromtimestamp(min(times), UTC) if times else None,
            newest=datetime.fromtimestamp(max(times), UTC) if times else None,
            left_out=len(self.store.left_out_keys()),
            pictures_articles=self.store.pictures_count(),
            pictures_bytes=self.store.pictures_total(),
        )

    def prune(
        self, older_than: float | None = None, max_bytes: int | None = None, dry_run: bool = False
    ) -> PruneReport:
        """Evict cached articles: those unused for `older_than` seconds, then, so that the
        cache holds at most `max_bytes`, those the limit does not keep: each feed's share of
        its unread, the newest first, then the other unread, the newest story first, then the
        read, the most recently read first (`Room`), each that fits in what is left, so one too
        big for it goes alone. Saved articles are never evicted. Those evicted for the size are remembered as left out (`limit`). With
        `dry_run`, what would go is reported and nothing is evicted."""
        if older_than is None and max_bytes is not None:
            # Under the limit nothing goes: known from the total, not from every article read
            # and ranked (seconds and hundreds of MB at every sync of a year's cache).
            total, kept_saved = self.store.cached_total()
            if total <= max_bytes:
                return PruneReport(0, 0, kept_saved, total, {})
        articles = self.store.cached_articles()
        total = sum(a.size for a in articles)
        candidates = [a for a in articles if not a.saved]
        cutoff = _now().timestamp() - older_than if older_than is not None else None
        if cutoff is not None:
            gone = [a for a in candidates if a.last_used < cutoff]
            candidates = [a for a in candidates if a.last_used >= cutoff]
        else:
            gone = []
        for_size: list[CachedArticle] = []
        if max_bytes is not None:
            saved = total - sum(a.size for a in gone) - sum(a.size for a in candidates)
            ranking = self._ranking()
            room = Room(max_bytes, saved, len(ranking.sharing()))
            room.add_all(
                (a.key, ranking.rank(a.key, a.cached_at, a.last_used), a.size, ranking.feed(a.key))
                for a in candidates
            )
            out = room.out
            for_size = [a for a in candidates if a.key in out]
        if not dry_run:
            full = self.store.read_only_tag == Unwritable.DISK_FULL
            if gone or for_size:  # on a full disk: their files go first, giving room
                self.store.room_made_dropping([a.key for a in gone + for_size])
            at = time.time()
            for article in gone + for_size:
                self.store.delete_article(article.key)
                if full:  # each one's log in the blocks of the one before
                    self.store.restart_logs()
            for article in for_size:
                left_out = LeftOut(article.size, article.cached_at, article.last_used, at)
                self.store.mark_left_out(article.key, left_out)
            if gone or for_size:
                # A reader open in another window marks them ↓ no more (acc31a F9).
                self.store.note_cached()
        evicted = {a.key: a.size for a in gone + for_size}
        freed = sum(evicted.values())
        kept_saved = sum(a.saved for a in articles)
        return PruneReport(len(evicted), freed, kept_saved, total - freed, evicted)

    def drop_read_headlines(self, before: datetime, dry_run: bool = False) -> DroppedHeadlines:
        """Drop the read headlines, saved ones aside, whose story is from before `before` (an
        undated one: first kept before it); with `dry_run`, only count them. Their cached
        articles stay, for the cache's own limits (`prune`) to evict."""
        return self.store.drop_read_before(before.timestamp(), dry_run)

    def keep_newest_headlines(self, most: int, dry_run: bool = False) -> DroppedHeadlines:
        """Every feed's headlines past its newest `most` dropped, saved ones aside, as a sync's
        refresh of each drops them under `[feeds] max_items`; with `dry_run`, only counted."""
        return self.store.keep_newest_everywhere(most, dry_run)

    def _ranking(self) -> Ranking:
        """The limit's order of eviction, from the headlines as the store has them."""
        listed: list[tuple[Entry, bool]] = []
        for url in self.store.feed_urls():
            read_ids = self.store.read_ids(url)
            listed += [(entry, entry.id in read_ids) for entry in self.store.entries(url)]
        return Ranking.of(listed)

    def _sync_room(self, headlines: list[Headline], articles: int) -> SyncRoom | Headroom | None:
        """The size limit as a sync starting with `headlines` sees it, `articles` cached (None
        without a limit): a cache at most half of it, every article of those left out
        counted, is given a `Headroom`, which ranks none until the sync brings it near."""
        if not self.cache_max_bytes:
            return None
        listed = [(h.entry, h.read) for h in headlines]
        left_out = self.store.left_out()
        bound = self.store.cached_bound() + sum(left.size for left in left_out.values())
        if articles and bound <= self.cache_max_bytes // 2:
            return Headroom(
                self.cache_max_bytes, bound, articles, listed, left_out, self._limit_measure
            )
        return SyncRoom(self.cache_max_bytes, listed, self.store.cached_articles(), left_out)

    def _limit_measure(self) -> tuple[list[CachedArticle], dict[str, LeftOut]]:
        return self.store.cached_articles(), self.store.left_out()

    def _under_limit(self) -> bool:
        """The cache holds no more than the size limit, as its bytes at most say (a prune
        would evict nothing): known at once, where `prune` reads every article's size."""
        return self.store.cached_bound() <= self.cache_max_bytes

    def _settle_left_out(self, listed: set[str], room: SyncRoom | Headroom | None) -> int:
        """After a sync and its prune: the articles it left out unfetched remembered (unless
        opened meanwhile), the records of those no headline lists any more (`listed`: their
        keys) forgotten, and all of them without a limit; how many are left out."""
        if room is not None:
            for key, left_out in room.newly_left_out().items():
                if not self.store.has_article(key):
                    self.store.mark_left_out(key, left_out)
        known = self.store.left_out_keys()
        stale = known - listed if self.cache_max_bytes else known
        self.store.forget_left_out(stale)
        return len(known - stale)
