"""The ids a story was listed under, kept with its cached article once no feed lists it: its
headline dropped as old and read (`retention`), past the MAX_ENTRIES_PER_FEED its feed keeps,
or its feed removed. The article is then listed as one of no feed (a search's hit, a saved
article), under the first of those ids rather than one made from its address
(`keys.saved_article_id`), and every one of them finds it: an id written in notes or given to
`xargs reader show` keeps meaning the story for as long as its article is cached
(`delete_article` takes the record with it). A read one's mark goes with it, to the ids of no
feed (`UNLISTED`), so that a story read is not listed unread again."""

from __future__ import annotations

from collections.abc import Iterable

from ..keys import looks_like_entry_id
from .directory import StoreDirectory, _reporting_storage_errors
from .key_ranges import rows_with_prefix

UNLISTED = ""
"""The feed of an article no feed lists: none. Its read flag is kept under it as a feed's are
under the feed's address."""

SHOWN_AS = "shown-as:"
"""Per article key, the ids its headlines had, the one it is listed under first, by spaces."""


def _ids(value: object) -> list[str]:
    return [i for i in value.split() if looks_like_entry_id(i)] if isinstance(value, str) else []


@_reporting_storage_errors
class StoreShownIds(StoreDirectory):
    """The ids the cached articles no feed lists were listed under, in a `Store`."""

    def shown_ids(self) -> dict[str, list[str]]:
        """The ids each article no feed lists any more had, the one to list it under first,
        by article key, in one query (for a search among thousands)."""
        rows = rows_with_prefix(self._articles, SHOWN_AS)
        return {key: ids for key, value in rows if (ids := _ids(value))}

    def shown_id(self, key: str) -> str | None:
        """The id to list the article cached under `key` under, when a headline listed it
        and no longer does; else None."""
        ids = _ids(self._value(self._articles, SHOWN_AS + key))
        return ids[0] if ids else None

    def _keep_shown_ids(self, going: Iterable[tuple[str, str, bool]]) -> set[str]:
        """Keep with each cached article of the headlines `going` (their id, their article's
        key, whether read) the id it had; returns the ids, as it is listed under them from
        now, of those read, for the caller to mark read under `UNLISTED` in its transaction.
        Written before the headlines go: a crash between leaves a record no list reads while
        a feed lists its article."""
        read: set[str] = set()
        for entry_id, key, was_read in going:
            if not key or f"article:{key}" not in self._articles:
                continue
            ids = _ids(self._value(self._articles, SHOWN_AS + key))
            if entry_id not in ids:
                ids.append(entry_id)
                self._articles.set(SHOWN_AS + key, " ".join(ids))
            if was_read:
                read.add(ids[0])
        return read
