"""The cache measured and kept to its limits: how much it holds, and the eviction of articles
unused for too long or over the size allowed (never a saved one)."""

from __future__ import annotations

from datetime import UTC, datetime

from ..reports import CacheStats, PruneReport
from .queries import LibraryQueries
from .resources import _now


class LibraryPruning(LibraryQueries):
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
            headlines=sum(len(self.store.entries(u)) for u in feeds),
            disk_bytes=self.store.disk_usage(),
            oldest=datetime.fromtimestamp(min(times), UTC) if times else None,
            newest=datetime.fromtimestamp(max(times), UTC) if times else None,
        )

    def prune(self, older_than: float | None = None, max_bytes: int | None = None) -> PruneReport:
        """Evict cached articles: those unused for `older_than` seconds, then the least recently
        read until the cache holds at most `max_bytes`. Saved articles are never evicted."""
        articles = self.store.cached_articles()
        total = sum(a.size for a in articles)
        candidates = sorted((a for a in articles if not a.saved), key=lambda a: a.last_used)
        cutoff = _now().timestamp() - older_than if older_than is not None else None
        removed = freed = 0
        for article in candidates:
            too_old = cutoff is not None and article.last_used < cutoff
            too_big = max_bytes is not None and total > max_bytes
            if not (too_old or too_big):
                continue
            self.store.delete_article(article.key)
            removed += 1
            freed += article.size
            total -= article.size
        return PruneReport(removed, freed, sum(a.saved for a in articles), total)
