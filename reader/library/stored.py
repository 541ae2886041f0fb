"""`StoredLibrary`: the `Library`'s layers that read and mark the data directory, without those
that use the network (renewal, feed_refresh, sync_start, sync, discovery: `networked`).

A command that never touches the network opens one (`reader list`, `reader feeds`, `reader show
--offline`, the exports): the network's layers and what they import (the feeds' refresh and
its holds, the sitemaps' reading, the login pages' and retries' rules: ~27 modules) are then
never imported, a tenth of the library's import at every such start.
"""

from __future__ import annotations

from .search_feeds import LibrarySearchFeeds


class StoredLibrary(LibrarySearchFeeds):
    """Subscriptions, headlines and cached articles of one data directory, read and marked
    offline; `Library` adds what fetches."""
