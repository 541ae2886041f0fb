"""The highlights kept of each article, and its note (`reader.highlights`), in the store.

Kept with the reader's own state, not beside the cached article: a journalist's marks are
work no fetch gives back, and the cache's size limit (or `reader forget`) dropping the
article must not take them with it. A record an article, by its key, written whole in one
transaction."""

from __future__ import annotations

from collections.abc import Callable

from ..highlights import ArticleHighlights
from ..keys import article_key
from .directory import _reporting_storage_errors
from .retention import StoreRetention

_HIGHLIGHTS = "highlights:"


@_reporting_storage_errors
class StoreHighlights(StoreRetention):
    """The highlights of a `Store`."""

    def highlights(self, url: str) -> ArticleHighlights | None:
        """The highlights and note kept of the article at `url` (None: none)."""
        key = f"{_HIGHLIGHTS}{article_key(url)}"
        return ArticleHighlights.from_record(self._load(self._state, key, keep_aside=True))

    def change_highlights(
        self, url: str, change: Callable[[ArticleHighlights | None], ArticleHighlights]
    ) -> ArticleHighlights:
        """The article's highlights and note as `change` makes them of those kept, kept in
        their place in one transaction (another window's highlight kept meanwhile is not
        lost); none of either left: the record dropped."""
        key = f"{_HIGHLIGHTS}{article_key(url)}"
        with self._state.transact():
            kept = change(self.highlights(url))
            if not kept.items and not kept.note:
                self._state.delete(key)
            else:
                self._save(self._state, key, kept.record())
        return kept

    def every_highlights(self) -> list[ArticleHighlights]:
        """Every article's highlights and note, in one query."""
        query = "SELECT key FROM Cache WHERE key >= ? AND key < ?"
        rows = self._state._sql(query, (_HIGHLIGHTS, _HIGHLIGHTS[:-1] + ";")).fetchall()
        found = (self._load(self._state, str(key), keep_aside=True) for (key,) in rows)
        return [kept for record in found if (kept := ArticleHighlights.from_record(record))]
