"""What a feed's sitemap index led to, kept in the store: each sitemap read under it with its
ETag and Last-Modified (`library.sitemap_index.SitemapRead`), so that an index answering 304
Not Modified still has its sitemaps asked, each with its own."""

from __future__ import annotations

from typing import Any

from .directory import _reporting_storage_errors
from .feeds import _sitemap_reads_key
from .pictures import StorePictures


@_reporting_storage_errors
class StoreSitemapReads(StorePictures):
    """The sitemaps read under each sitemap index feed of a `Store`."""

    def sitemap_reads(self, feed_url: str) -> Any:
        """What `keep_sitemap_reads` kept of the feed (JSON, checked by its reader); None."""
        return self._load(self._state, _sitemap_reads_key(feed_url))

    def keep_sitemap_reads(self, feed_url: str, record: Any) -> None:
        """`record` kept for the feed at `feed_url` (None: none, the feed no sitemap index),
        a subscribed one's alone: one removed while it was refreshed leaves nothing behind."""
        key = _sitemap_reads_key(feed_url)
        if record is None and key not in self._state:
            return  # most feeds: no write at each refresh
        with self._state.transact():
            if record is None:
                self._state.delete(key)
            elif feed_url in self.feed_urls():
                self._save(self._state, key, record)
