"""The cache measured and kept to its limits: how much it holds, and the eviction of articles
unused for too long or over the size allowed (never a saved one)."""

from __future__ import annotations

from datetime import UTC, datetime

from ..keys import article_key
from ..reports import CacheStats, PruneReport
from ..store.usage import CachedArticle
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
        """Evict cached articles: those unused for `older_than` seconds, then, until the cache
        holds at most `max_bytes`, those read (the least recently read first), then the unread
        (the oldest story first: the newest unread go last). Saved articles are never evicted."""
        articles = self.store.cached_articles()
        total = sum(a.size for a in articles)
        candidates = [a for a in articles if not a.saved]
        cutoff = _now().timestamp() - older_than if older_than is not None else None
        if cutoff is not None:
            gone = [a for a in candidates if a.last_used < cutoff]
            candidates = [a for a in candidates if a.last_used >= cutoff]
        else:
            gone = []
        if max_bytes is not None:
            left = total - sum(a.size for a in gone)
            for article in self._eviction_order(candidates):
                if left <= max_bytes:
                    break
                gone.append(article)
                left -= article.size
        for article in gone:
            self.store.delete_article(article.key)
        freed = sum(a.size for a in gone)
        return PruneReport(len(gone), freed, sum(a.saved for a in articles), total - freed)

    def _eviction_order(self, articles: list[CachedArticle]) -> list[CachedArticle]:
        """`articles` in the order a size limit evicts them. A traveller syncs before a
        flight to read what is new: the articles read go first, the least recently read
        first, and so do those no headline lists any more (a feed dropped, `reader show` of
        a page no feed has), which nothing invites reading; then the unread, by their story's
        time (the feed's, else when cached), oldest first. A sync caches a feed's newest
        first, so going by when an article was cached would evict the newest unread first."""
        unread: dict[str, float] = {}  # article key: its story's time
        read: set[str] = set()
        for url in self.store.feed_urls():
            read_ids = self.store.read_ids(url)
            for entry in self.store.entries(url):
                if not entry.link:
                    continue
                key = article_key(entry.link)
                if entry.id in read_ids:
                    read.add(key)
                else:
                    when = entry.published or entry.updated
                    story = when.timestamp() if when else float("inf")
                    unread[key] = min(unread.get(key, story), story)

        def rank(article: CachedArticle) -> tuple[int, float]:
            if article.key in read or article.key not in unread:
                return (0, article.last_used)
            story = unread[article.key]
            return (1, article.cached_at if story == float("inf") else story)

        return sorted(articles, key=rank)
