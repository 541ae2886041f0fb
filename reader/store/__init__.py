"""The on-disk state: subscriptions, entries, read flags and the article cache, in diskcache.

Two caches under the data directory: `state/` (feeds, their entries, read flags) and
`articles/` (cleaned articles and their raw pages, compressed). Both are SQLite-backed, safe for
several threads and processes at once; read-modify-write goes through `transact()`. Records are
JSON, so a damaged or foreign record is detected, reported and dropped instead of crashing or
being shown. Nothing is evicted implicitly (eviction_policy="none"): what was synced stays.

`Store` is built in layers, a module each, every class adding to the one before it:
`directory` (the caches opened, the format, errors as `StoreError`, JSON records; beside it,
not layers: `format_upgrade`, `storage_errors`, `cache_files`, `record_json`), `shown_ids`
(the ids of the headlines that listed the articles no feed lists any more), `feeds`
(subscriptions, entries, read flags), `feed_batches` (each feed's records read for many
feeds at once), `articles` (articles, raw pages, later pages, what is no
article), `reading_times` (when each article was last read and where left, kept in
`state/`), `versions` (the earlier versions of articles fetched again), `saved` (the articles
saved for good, their tags and archive marks), `usage` (eviction's view), `retention` (old
read headlines dropped), `highlights` (the passages kept of each article, and notes),
`search_feeds` (the search feeds kept here), `pictures` (the pictures kept of each article, for
reading offline), `sitemap_reads` (what a sitemap index feed led to, with each one's validators),
`room_first` (room made on a full disk, for a prune or a forget, by deleting files first),
`password_keys` (feeds kept under an address with a password moved out of it).
"""

from __future__ import annotations

from .directory import DATA_FORMAT
from .password_keys import StorePasswordKeys
from .usage import CachedArticle

__all__ = ["DATA_FORMAT", "CachedArticle", "Store"]


class Store(StorePasswordKeys):
    """All persistent state of one data directory."""
