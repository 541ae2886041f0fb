"""Search feeds made, renamed and taken away in the reader: `+` on `F`'s hits keeps their
words as a search feed (its name asked, the words offered), a row of the feed list from then
on; the keys that rename a feed (`R`) and remove one (`D`), on a search feed's row, rename it
and take it away once asked. Kept in the data directory (`Library.keep_search_feed`); the
config's `[[search]]` are its file's to change."""

from __future__ import annotations

import asyncio

from textual import work
from textual.binding import Binding

from ...feed_names import folded
from ...models import StoreError
from ...search_feeds import SearchFeed
from ..display import plain
from ..headlines import search_feed_view, view_search_feed
from ..widgets.main.feed_list import FeedList
from ..widgets.main.headline_table import HeadlineTable
from ..widgets.main.row_names import search_name
from ..widgets.status_bar import StatusBar
from .main_full_text import SEARCH_VIEW, MainFullText

NO_HITS = "No search to keep: F finds articles by their words, then + keeps them as a feed."


class MainSearchFeeds(MainFullText):
    """`+` and the removal of a search feed (see `MainScreen`)."""

    BINDINGS = [Binding("plus", "keep_search", "Keep search", show=False)]

    def _search_named(self, name: str) -> str:
        """A search feed as the feed list names it (`search_name`), safe, for a line."""
        return search_name(name, self.reader.plain).plain

    def action_keep_search(self) -> None:
        """Ask the name to keep the words of `F`'s hits shown by, as a search feed."""
        if self.feed_url != SEARCH_VIEW or not self.text_query:
            shown = self.search_feed(self.feed_url)
            note = f"{self._search_named(shown.name)} is kept already." if shown else NO_HITS
            self.notify(note, timeout=4, markup=False)
            return
        if self.reader.refuses("search feed kept"):
            return
        from ..dialogs.feed_input import FeedInputScreen

        words = self.text_query
        scoped = self._scope is not None
        hint = "Enter keeps it: a row of the feed list, its unread hits counted · Esc: not kept"
        if scoped:
            hint = "Enter keeps it (searching every feed, as its row does) · Esc: not kept"

        def entered(name: str | None) -> None:
            if name is not None and name.strip():
                self._keep_search(name, words, None if scoped else frozenset(self._hit_ids()))

        question = f"Keep “{plain(words, max_length=60).plain}” as a search feed named:"
        self.app.push_screen(FeedInputScreen(question, value=words[:100], hint=hint), entered)

    def _hit_ids(self) -> list[str]:
        return [hit.headline.entry.id for hit in self.text_hits]

    @work(group="search-feed-keep")
    async def _keep_search(self, name: str, words: str, hits: frozenset[str] | None) -> None:
        """Keep it, in a thread; its row shown, counted by `hits` (what `F` found in every
        feed: its own search would find them again) or, `F` having searched a list, searched."""
        lib = self.reader.lib

        def keep() -> tuple[str, str | None, float]:
            feed, was = lib.keep_search_feed(name, words)
            self.reader.index.search_feeds = lib.search_feeds()
            return feed.name, was, lib.store.changed_at()

        try:
            kept, was, changed = await asyncio.to_thread(keep)
        except (ValueError, StoreError) as error:
            self.query_one(StatusBar).show_note(f"Not kept: {error}")
            return
        self.reader._changed_seen = changed  # its own change: no reading every headline again
        if hits is not None:
            self.search_feed_counts.found({kept: hits})
            self.show_feeds()
        else:
            self.count_search_feeds()
        line = f"Kept as {self._search_named(kept)} in the feed list" + (
            f" (it searched “{was}”)" if was else ""
        )
        self.query_one(StatusBar).show_note(plain(line, max_length=200).plain)

    def _kept_shown(self, config_does: str) -> SearchFeed | None:
        """The search feed shown, when the data directory keeps it; one of the config's is
        said to be its file's (what its table there `config_does`), and None."""
        feed = self.search_feed(self.feed_url)
        if feed is not None and not feed.kept:
            name = plain(feed.name, max_length=60).plain
            self.notify(
                f"{self._search_named(name)} is the config's: its [[search]] table in config.toml {config_does}.",
                timeout=5,
                markup=False,
            )
            return None
        return feed

    def rename_search_feed(self) -> None:
        """Ask the name to give the search feed shown (the config's: said how)."""
        from ..dialogs.feed_input import FeedInputScreen

        feed = self._kept_shown("names it")
        if feed is None:
            return
        name = plain(feed.name, max_length=60).plain

        def entered(line: str | None) -> None:
            if line is not None and line.strip() and line.strip() != feed.name:
                self._rename_search_feed(feed.name, line)

        words = plain(feed.words, max_length=60).plain
        hint = f"Enter renames it, its words kept ({words}) · Esc: as it was"
        question = f"Rename the search feed “{name}”"
        self.app.push_screen(FeedInputScreen(question, value=feed.name, hint=hint), entered)

    @work(group="search-feed-keep")
    async def _rename_search_feed(self, name: str, new_name: str) -> None:
        lib = self.reader.lib

        def rename() -> tuple[str | None, float]:
            feed = lib.rename_search_feed(name, new_name)
            self.reader.index.search_feeds = lib.search_feeds()
            return (feed.name if feed else None), lib.store.changed_at()

        try:
            renamed, self.reader._changed_seen = await asyncio.to_thread(rename)
        except (ValueError, StoreError) as error:
            self.query_one(StatusBar).show_note(f"Not renamed: {error}")
            return
        if renamed is None:  # taken away meanwhile (another window)
            return
        # Its hits as counted, and its own search, are the renamed one's: not searched again.
        counts = self.search_feed_counts
        if name in counts.hits:
            counts.found({renamed: counts.hits[name]})
        counts.keep_only(f.name for f in self.reader.index.search_feeds)
        if name in self._own_searches:
            self._own_searches[renamed] = self._own_searches.pop(name)
        shown = view_search_feed(self.feed_url)
        here = shown is not None and folded(shown) == folded(name)
        if here:
            self.feed_url = search_feed_view(renamed)
        self.show_feeds()
        self.query_one(FeedList).select(self.feed_url)
        if here:  # its list's title: the cursor left where it is
            current = self.query_one(HeadlineTable).current
            self.show_view(current.entry.id if current else None)
        self.query_one(StatusBar).show_note(f"Renamed: {self._search_named(renamed)}")

    def remove_search_feed(self) -> None:
        """The search feed shown taken away, once the user says yes (the config's: said how)."""
        from ..dialogs.confirm import ConfirmScreen

        feed = self._kept_shown("takes it away")
        if feed is None:
            return
        name = plain(feed.name, max_length=60).plain
        question = (
            f"Remove the search feed “{name}” ({plain(feed.words, max_length=80).plain})?"
            " Its hits stay in their feeds. (y / n)"
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._remove_search_feed(feed.name)

        self.app.push_screen(ConfirmScreen(question), answered)

    @work(group="search-feed-keep")
    async def _remove_search_feed(self, name: str) -> None:
        lib = self.reader.lib

        def drop() -> float:
            lib.drop_search_feed(name)
            self.reader.index.search_feeds = lib.search_feeds()
            return lib.store.changed_at()

        try:
            self.reader._changed_seen = await asyncio.to_thread(drop)
        except (ValueError, StoreError) as error:
            self.query_one(StatusBar).show_note(f"Not removed: {error}")
            return
        self.search_feed_counts.keep_only(f.name for f in self.reader.index.search_feeds)
        if view_search_feed(self.feed_url) is not None and self.search_feed(self.feed_url) is None:
            self.feed_url = None  # "All feeds"
            self.query_one(FeedList).select(None)
            self.show_view()
        self.show_feeds()
        self.query_one(StatusBar).show_note(f"Removed: {self._search_named(name)}")
