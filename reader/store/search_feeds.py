"""The search feeds kept in the data directory (`reader search-feed add`, the reader's `S` after
`F`), beside the config's `[[search]]` tables: one record, the list of them, each a name and its
words, in the reader's own state (a comment-keeping rewrite of the user's config.toml would need
a TOML editor, and a rewrite without one loses its comments)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .directory import _reporting_storage_errors
from .highlights import StoreHighlights

_SEARCH_FEEDS = "search-feeds"


@_reporting_storage_errors
class StoreSearchFeeds(StoreHighlights):
    """The search feeds of a `Store`."""

    def search_feed_records(self) -> list[dict[str, Any]]:
        """The search feeds kept, as written (`search_feeds.kept_search_feeds` reads them)."""
        found = self._load(self._state, _SEARCH_FEEDS, [], keep_aside=True)
        return [record for record in found if isinstance(record, dict)]

    def change_search_feeds(
        self, change: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]
    ) -> list[dict[str, Any]]:
        """The search feeds kept as `change` makes them of those kept, in one transaction
        (another window's kept meanwhile is not lost)."""
        with self._state.transact():
            kept = change(self.search_feed_records())
            if kept:
                self._save(self._state, _SEARCH_FEEDS, kept)
            else:
                self._state.delete(_SEARCH_FEEDS)
        return kept
