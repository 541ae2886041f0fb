"""A `Library`'s search feeds (`search_feeds`): the config's and those kept in the data
directory, shown together; kept and taken away (`reader search-feed`, the reader's `S` and
unsubscribe key); their hits counted (`reader feeds`, the reader's feed list)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from ..search_feeds import (
    SearchFeed,
    kept_search_feeds,
    merged,
    new_search_feed,
    search_feed_named,
)
from .highlights import LibraryHighlights

if TYPE_CHECKING:
    from ..full_text import Hit
    from ..reports import Headline


class SearchFeedClash(ValueError):
    """A search feed the data directory can't keep or drop: the config's holds its name."""


class LibrarySearchFeeds(LibraryHighlights):
    """The search feeds of a `Library`."""

    def search_feeds(self) -> tuple[SearchFeed, ...]:
        """Every search feed shown: the config's, then those kept in the data directory."""
        return merged(self.configured_searches, self._kept_search_feeds())[0]

    def hidden_search_feeds(self) -> tuple[SearchFeed, ...]:
        """Those kept in the data directory that a config's search of the same name hides."""
        return merged(self.configured_searches, self._kept_search_feeds())[1]

    def _kept_search_feeds(self) -> tuple[SearchFeed, ...]:
        return kept_search_feeds(self.store.search_feed_records())

    def keep_search_feed(self, name: str, words: str) -> tuple[SearchFeed, str | None]:
        """Keep a search feed in the data directory (one of that name kept already gets these
        words): it, and the words it had before (None: it is new). ValueError for a name or
        words it can't take, `SearchFeedClash` for a name the config's search has."""
        feed = new_search_feed(name, words)
        if search_feed_named(self.configured_searches, feed.name) is not None:
            raise SearchFeedClash(
                f"the config has a search named {feed.name!r}: change it there, or name this"
                " one otherwise"
            )
        was: list[str] = []

        def change(records: list[dict[str, object]]) -> list[dict[str, object]]:
            kept = kept_search_feeds(records)
            if (old := search_feed_named(kept, feed.name)) is not None:
                was.append(old.words)
            others = [{"name": f.name, "words": f.words} for f in kept if not f.named(feed.name)]
            return [*others, {"name": feed.name, "words": feed.words}]

        self.store.change_search_feeds(change)
        self.store.note_changed()  # a reader open in another window shows it
        return feed, (was[0] if was else None)

    def rename_search_feed(self, name: str, new_name: str) -> SearchFeed | None:
        """The search feed `name` names, kept in the data directory, named `new_name` (its
        words and its place among them kept): it as renamed (None: none is kept by `name`).
        ValueError for a name it can't take or another search feed has, `SearchFeedClash`
        for one of the config's, which only its file renames."""
        configured = search_feed_named(self.configured_searches, name)
        if configured is not None:
            raise SearchFeedClash(
                f"the search {configured.name!r} is the config's: its [[search]] table there"
                " names it"
            )
        renamed: list[SearchFeed] = []

        def change(records: list[dict[str, object]]) -> list[dict[str, object]]:
            kept = kept_search_feeds(records)
            renamed.clear()
            for feed in kept:
                if feed.named(name):
                    renamed.append(new_search_feed(new_name, feed.words))
            if renamed and any(
                f.named(renamed[0].name) and not f.named(name)
                for f in (*kept, *self.configured_searches)
            ):
                raise ValueError(f"another search feed is named {renamed[0].name!r}")
            return [
                {"name": (renamed[0] if f.named(name) else f).name, "words": f.words} for f in kept
            ]

        self.store.change_search_feeds(change)
        if renamed:
            self.store.note_changed()  # a reader open in another window shows it
        return renamed[0] if renamed else None

    def drop_search_feed(self, name: str) -> SearchFeed | None:
        """The search feed `name` names taken out of the data directory (None: none is kept
        there); `SearchFeedClash` for one of the config's, which only its file takes away."""
        gone: list[SearchFeed] = []

        def change(records: list[dict[str, object]]) -> list[dict[str, object]]:
            kept = kept_search_feeds(records)
            gone.extend(f for f in kept if f.named(name))
            return [{"name": f.name, "words": f.words} for f in kept if not f.named(name)]

        configured = search_feed_named(self.configured_searches, name)
        if configured is not None and search_feed_named(self._kept_search_feeds(), name) is None:
            raise SearchFeedClash(
                f"the search {configured.name!r} is the config's: its [[search]] table there"
                " takes it away"
            )
        self.store.change_search_feeds(change)
        if gone:
            self.store.note_changed()
        return gone[0] if gone else None

    def search_feed_hits(
        self,
        feeds: Sequence[SearchFeed],
        rows: Sequence[Headline],
        indexing: Callable[[int, int], None] = lambda done, total: None,
        passed: Callable[[str], bool] = lambda name: False,
        details: int | None = None,
    ) -> dict[str, list[Hit]]:
        """By name, what each of `feeds` finds in `rows` (every headline, newest first) and
        the cached articles none of them lists, as `F` from "All feeds" finds it (`indexing`:
        told of the index's catch-up, as `search_cached` tells it). One `passed` names (before
        or while it is searched: it is asked again and again) is left out: the reader's own
        search of the search feed shown finds the same. `details`: how many of each one's
        first hits are given their lines (`search_cached`'s)."""
        from ..library.text_search import search_cached  # the search's modules when searched
        from ..search_query import Query

        found: dict[str, list[Hit]] = {}
        for feed in feeds:
            if passed(feed.name):
                continue
            if feed.slip:  # words a newer search refuses: what they found is no search's
                found[feed.name] = []
                continue
            stopped = partial(passed, feed.name)
            hits = search_cached(
                self,
                rows,
                Query(feed.words),
                indexing=indexing,
                stopped=stopped,
                details=details,
            )
            if not stopped():
                found[feed.name] = hits.hits
        return found
