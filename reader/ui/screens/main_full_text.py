"""Finding articles by their text from the headlines: `F`, words, Enter.

`/` finds headlines by their titles as they are typed; `F` searches the cached articles' text
too (`full_text`: each word or "phrase" anywhere in the title, the byline or the text, matched
as the reading view's `/` matches it), so it runs once, on Enter, in a thread (never on the UI
loop), a newer search stopping an older one. From "All feeds" it searches every headline and
the cached articles no feed lists any more (`library.text_search`: narrowed by the search
index, which first catches up with what was cached since, by this reader or a sync elsewhere);
from a feed's headlines (or "Saved"), that list only, as `/` does, and says so ("Search in
Harbour Ledger: words"). Its hits take the headline list's place, newest first, each with a
line of its text where the words are closest; Enter reads one at that match (in the kept earlier
copy the words were found in, when the latest doesn't hold them); Esc (or a feed chosen) goes
back to the list it came from.

A search feed (`search_feeds`, config.toml's `[[search]]`) is such a search kept: choosing its
row in the feed list searches its words as `F` from "All feeds" does, its hits its list (under
its view, `search_feed_view`, not `SEARCH_VIEW`: Esc goes back to the feeds, as from a feed's).
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.screen import Screen

from ...models import StoreError
from ...plural import plural
from ...reports import Headline, merged_newest_first
from ...search_feeds import SearchFeed, search_feed_named
from ...store.shown_ids import UNLISTED
from ..cell_width import cut_to_cells, rich_agreeing, terminal_cells
from ..display import plain
from ..headlines import (
    ARCHIVE_VIEW,
    LIBRARY_VIEWS,
    SAVED_VIEW,
    HeadlineIndex,
    of_feeds,
    view_search_feed,
)
from ..hit_lines import HitLines, HitsOpenedAt
from ..quittable import quittable
from ..widgets.article.search_bar import SearchBar, show_search_line
from ..widgets.main.feed_list import ARCHIVE, SAVED, FeedList
from ..widgets.main.headline_table import HeadlineTable
from ..widgets.main.row_names import group_name, search_name
from ..widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from ...full_text import Hit
    from ...library.text_search import TextSearch
    from ...search_query import Query
    from ..answer_work import Answer
    from ..app import ReaderApp
    from ..search_feed_counts import SearchFeedCounts

SEARCH_VIEW = "reader:search"
"""The view of a text search's hits, where a feed's address names that feed's (no feed's
address is this: a feed is subscribed at an http(s) address)."""
PROMPT = "Find in articles:"
_NOTE_EVERY = 0.25
"""Seconds between two of the indexing's counts in the status line (`indexing_note`)."""
SYNCING = " · a sync is under way: F again once it ends searches what it caches"
"""Said of hits found while a sync caches articles: an article it fetches next may hold the
words where its feed's text, searched meanwhile, doesn't."""
_SCOPE_CELLS = 30
"""The most of a feed's name the search line's prompt gives ("Find in Harbour Ledger: ")."""
_LINES_FIRST = 100
"""The hits a search gives their lines as it finds them (the first page's, `FIRST_ROWS`): the
rest are worked out as their rows are drawn (`HitLines`)."""
_LINES_AHEAD = 40
"""Pending hits after those drawn whose lines are worked out with theirs: the next screens
`j` or a page down shows."""


def lists_hits(view: str | None) -> bool:
    """Whether `view`'s list is a search's hits: `F`'s, or a search feed's."""
    return view == SEARCH_VIEW or view_search_feed(view) is not None


def of_no_feed(hits: Iterable[Hit]) -> list[Headline]:
    """Of `hits`, the headlines of no feed: a saved one the index lists under Saved, or a
    cached article whose feed dropped it or was removed, which the index holds once found
    (`HeadlineIndex.hold_found`). Sifted in the search's thread: a common word's hits are
    tens of thousands, these a few."""
    return [hit.headline for hit in hits if hit.headline.entry.feed_url == UNLISTED]


def indexing_note(done: int, total: int) -> str:
    """The status line while a search first brings the index up to date: counted, as a
    year's takes minutes (acc33b B3: an hour could not be told from a minute)."""
    # Told from `INDEXING_NOTE_FROM` (300) articles on: always more than one.
    if done == 0:
        return f"Indexing {total:,} cached articles for search (once)…"
    return f"Indexing {done:,} of {total:,} cached articles for search (once)…"


class MainFullText(Screen[None]):
    """The main screen's search of every cached article (see `MainScreen`)."""

    search_feed_counts: SearchFeedCounts  # `MainScreenUnread`'s

    def __init__(self) -> None:
        super().__init__()
        self.feed_url: str | None = None
        self.text_query = ""
        """The words the hits shown were found by ("" when none were searched)."""
        self.text_hits: list[Hit] = []
        self._case_note = ""
        """For no hits, what the query with case ignored finds (`Query.case_note`)."""
        self._while_syncing = False
        """The hits shown were found while a sync cached articles (`SYNCING`)."""
        self._unindexed = ""
        """Why the hits shown were found by reading every article, not through the index (the
        disk full: `indexed_search.why_unused`), "" when they were not."""
        self._text_typing = False
        """The search line open is `F`'s, not `/`'s."""
        self._back_to: str | None = None
        """The view the hits replaced, which Esc goes back to."""
        self._after_the_rest: tuple[str, str | None] | None = None
        """A search whose Enter came while the start read the rest of the headlines: its
        words and list, searched once they are in (`search_after_the_rest`)."""
        self._scope: str | None = None
        """The list the search line open (or the hits shown) searches: None for every
        headline and cached article, else a feed's address or `SAVED_VIEW`."""
        self._generation = 0
        """Bumped by each search: an older one still scanning stops."""
        self._hits_noted = False
        """The status line holds the hits' note (`show_hits_note`)."""
        self._hits_said: tuple[int, str] = (0, "")
        """The search (by its generation) and the note of its hits last kept for `P`."""
        self._paged = 0
        """The search (by its generation) whose first hits are shown while it goes on."""
        self._so_far: int | None = None
        """The hits found so far by the search going on under its first ones shown (None:
        it has ended, or none is shown yet)."""
        self._feed_searching = False
        """A search feed's search is going on, none of its hits shown yet."""
        self._hits_awaited: Answer | None = None
        """The keys typed after Enter in `F`'s line wait for its hits (`answer_work`): `F
        word Enter j j` moved the list searched, then lost to the hits (acc41a A9). Taken by
        the search as it starts (`_search_text`), done once its first hits are shown or it
        has ended."""
        self._lines: HitLines | None = None
        """The lines under the hits' rows, as the list shown reads them (`text_details`)."""
        self._wanted: set[str] = set()
        """The entry ids of the rows drawn whose hits' lines are pending (`HitLines`)."""
        self._filling = False
        """`_fill_lines` is under way, or asked for."""
        self._own_searches: dict[str, weakref.ReferenceType[HeadlineIndex]] = {}
        """By name, the search feeds searched by their own search (`show_search_feed`, going
        on or done), and the index each searched: the counts' search of that index
        (`count_search_feeds`, in its thread) leaves them to it, their words not searched
        twice (choosing a row as the counts were searched after a sync searched it twice)."""

    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    @property
    def showing_hits(self) -> bool:
        """The list shown is a search's hits: `F`'s, or a search feed's."""
        return lists_hits(self.feed_url)

    @property
    def hits_coming(self) -> bool:
        """The hits shown are not all there are yet: a search feed's search has shown none,
        or a search goes on under its first ones shown."""
        return self.showing_hits and (self._feed_searching or self._so_far is not None)

    def search_feed(self, view: str | None) -> SearchFeed | None:
        """The search feed of `view` (None: it is no search feed's, or the config has it no
        more)."""
        name = view_search_feed(view)
        return None if name is None else search_feed_named(self.reader.index.search_feeds, name)

    def show_search_feed(self) -> None:
        """The search feed shown (its row chosen, `J`, the reader reopened on it): its words
        searched again, every cached article's, its hits its list as they are found."""
        feed = self.search_feed(self.feed_url)
        if feed is None:
            self.feed_url = None
            self.show_view()
            return
        self._generation += 1  # a search still going on stops
        self._scope, self.text_query, self._case_note, self._so_far = None, feed.words, "", None
        self._drop_hits()
        if feed.slip:  # its words no search now (an older reader's): said, not searched
            self._hits_noted = self._feed_searching = False
            self.show_view()
            self.query_one(StatusBar).show_note(plain(feed.slip).plain, warning=True)
            return
        self._hits_noted = self._feed_searching = True
        self.show_view()
        self.query_one(StatusBar).show_note(f"Searching for “{feed.words}”…")
        self.call_after_refresh(self._search_text, feed.words, None, self.feed_url)

    def count_search_feeds(self) -> None:
        """Search every search feed's words again (the headlines were read anew: the start,
        a refresh or a sync), off the UI loop, for their rows' counts; the one shown gets its
        new hits, the cursor left where it is."""
        if self.reader.index.search_feeds and self.reader.index.whole:
            self._count_search_feeds()

    @work(exclusive=True, group="search-feed-counts")
    async def _count_search_feeds(self) -> None:
        index, lib = self.reader.index, self.reader.lib
        searches = index.search_feeds
        listed, unlisted = list(index.headlines), list(index.unlisted)

        def run() -> tuple[dict[str, list[Hit]], list[Headline]]:  # in a thread of its own
            rows = merged_newest_first(listed, unlisted)

            # The one shown, searched meanwhile by its own search, is counted by that search.
            def passed(name: str) -> bool:
                own = self._own_searches.get(name)
                return own is not None and own() is index

            # Counted: their lines worked out only if shown (`HitLines`).
            found = lib.search_feed_hits(searches, rows, passed=passed, details=0)
            return found, [h for hits in found.values() for h in of_no_feed(hits)]

        found, loose = await quittable(run, name="reader-search-feed-counts")
        self.reader.index.hold_found(loose)  # counted unread as the list shows them
        counts = self.search_feed_counts
        counts.keep_only(feed.name for feed in self.reader.index.search_feeds)
        counts.found(
            {name: frozenset(hit.headline.entry.id for hit in hits) for name, hits in found.items()}
        )
        shown = self.search_feed(self.feed_url)
        if shown is not None and not self._feed_searching and shown.name in found:
            current = self.query_one(HeadlineTable).current
            self.text_hits = found[shown.name]
            self.show_view(current.entry.id if current else None)
        self.show_feeds()

    def show_feeds(self) -> None:
        raise NotImplementedError  # MainScreenUnread's

    def action_search_text(self) -> None:
        """Open the search line for words to find in the cached articles of the list shown:
        every one from "All feeds" (and from a search feed's hits), a feed's from its
        headlines, the same again from the hits."""
        if view_search_feed(self.feed_url) is not None:
            self._scope = None
        elif self.feed_url != SEARCH_VIEW:
            self._scope = self.feed_url
        self._text_typing = True
        show_search_line(self, True)
        bar = self.query_one(SearchBar)
        bar.start()
        name = self.scope_name()
        bar.set_prompt(f"Find in {name}:" if name else PROMPT)
        if self._scope is None:
            bar.show_count("Enter searches every cached article")
        else:
            bar.show_count("Enter searches this list (every feed's from All feeds)")

    @property
    def hits_of_one_feed(self) -> bool:
        """The hits shown are one feed's (its name in their title): their rows needn't name it."""
        return self._scope not in (None, *LIBRARY_VIEWS) and not of_feeds(self._scope)

    def scope_name(self) -> str:
        """The name of the list the search is in ("" for every feed's), cut for a line."""
        if self._scope is None:
            return ""
        if self._scope == SAVED_VIEW:
            return SAVED
        if self._scope == ARCHIVE_VIEW:
            return ARCHIVE
        feed = self.query_one(FeedList).feeds.get(self._scope)
        name = plain(feed.display_title).plain if feed is not None else ""
        if (group := group_name(self._scope)) is not None:
            name = group.plain
        if terminal_cells(name) > _SCOPE_CELLS:
            name = cut_to_cells(name, _SCOPE_CELLS - 1).rstrip() + "…"
        # The prompt is as wide as the terminal draws it: Rich, counting "☀️" wider, cut it.
        return rich_agreeing(name)

    def text_search_closed(self, query: str | None) -> bool:
        """The search line `F` opened was closed (`query` None: Esc): start the search; False
        when the line was `/`'s."""
        if not self._text_typing:
            return False
        self._text_typing = False
        self.query_one(SearchBar).set_prompt(None)
        asked = _query(query or "")  # its words read, no pattern made yet (on the loop)
        if asked.slip:
            # `is:foo` searched as a word found nothing and said only that (search46).
            self.query_one(StatusBar).show_note(asked.slip, warning=True)
            return True
        if query is not None and asked.finds:
            if self._hits_awaited is not None:
                self._hits_awaited.done()
            self._hits_awaited = self.reader.answers.hold()
            if not self.reader.index.whole:  # the start reads the rest: searched once it is in
                self._after_the_rest = (query, self._scope)
                self.query_one(StatusBar).show_note(
                    f"Searching for “{query}” once the rest of the headlines are read…"
                )
                return True
            self._search_scope(query, self._scope)
        return True

    def search_after_the_rest(self) -> None:
        """Every headline read at the start: the search whose Enter came before, started."""
        if self._after_the_rest is not None:
            query, scope = self._after_the_rest
            self._after_the_rest = None
            self._search_scope(query, scope)

    def _search_scope(self, query: str, scope: str | None) -> None:
        """Search the list of `scope` (every feed's: None) for `query`, said first."""
        self._scope = scope
        # Said now, before the search's thread starts: the first seconds of a search of a big
        # archive looked as if Enter had done nothing.
        count = len(self._scope_rows())
        if scope is None:
            count += len(self.reader.index.unlisted)
        name = self.scope_name()
        where = f" of {name}" if name else ""
        self.query_one(StatusBar).show_note(
            f"Searching {plural(count, 'headline')}{where} and their cached articles for “{query}”…"
        )
        # Started once the note is on the screen: the search's thread, reading thousands of
        # articles, held the loop's turn to draw it for seconds under load.
        self.call_after_refresh(self._search_text, query, scope)

    def _scope_rows(self) -> list[Headline]:
        """The headlines of the list searched, as the index has them now (every feed's: those
        no feed lists any more are merged with them off the UI loop, `_search_text`)."""
        index = self.reader.index
        if self._scope is None:
            return index.headlines
        return index.view(self._scope)

    @property
    def typing_text_query(self) -> bool:
        return self._text_typing

    @work(exclusive=True, group="full-text")
    async def _search_text(self, query: str, scope: str | None, into: str = SEARCH_VIEW) -> None:
        """Search; the hits shown as the list of `into`: `F`'s view, or a search feed's (shown
        only while that search feed is, `show_search_feed`)."""
        self._generation += 1
        generation = self._generation
        awaited = None
        if into == SEARCH_VIEW:  # `F`'s (a search feed's shows in its own list)
            awaited, self._hits_awaited = self._hits_awaited, None
        try:
            await self._search_and_show(query, scope, into, generation, awaited)
        finally:
            self._hits_in(awaited)

    def _hits_in(self, awaited: Answer | None) -> None:
        """The hits the keys after `F`'s Enter waited for are shown (or none will be): they
        go on, behind what showing them posted."""
        if awaited is not None:
            self.call_later(awaited.done)

    async def _search_and_show(
        self, query: str, scope: str | None, into: str, generation: int, awaited: Answer | None
    ) -> None:
        index = self.reader.index
        counted = view_search_feed(into)
        if counted is not None:
            self._own_searches[counted] = weakref.ref(index)
        every = scope is None
        listed = list(index.headlines) if every else self._scope_rows()
        unlisted = list(index.unlisted) if every else []
        lib = self.reader.lib
        status = self.query_one(StatusBar)

        loop = asyncio.get_running_loop()
        said = [0.0]

        def indexing(done: int, total: int) -> None:  # in the search's thread
            # Not waited for (a round trip through a loaded loop a batch made a year's
            # indexing 2.5 times as long), and a few times a second at most.
            now = time.monotonic()
            if done in (0, total) or now - said[0] >= _NOTE_EVERY:
                said[0] = now
                loop.call_soon_threadsafe(status.show_note, indexing_note(done, total))

        def page(hits: list[Hit]) -> None:  # in the search's thread
            loose = of_no_feed(hits)
            self.app.call_from_thread(
                self._hits_so_far, generation, query, hits, into, loose, awaited
            )

        unindexed: list[str] = []  # why the search reads every article, when it does

        def scanning(why: str) -> None:  # in the search's thread, before it reads them
            unindexed.append(why)
            loop.call_soon_threadsafe(
                status.show_note, f"Searching without the index: {why}; slower…"
            )

        searched: list[list[Headline]] = []  # the rows, merged in the thread

        def run() -> tuple[TextSearch, str, bool, list[Headline]]:  # in the search's thread
            from ...library.text_search import search_cached
            from ...search_widening import widened_note

            # Read before: what it has not cached yet is searched by its feed's text only.
            syncing = lib.store.sync_under_way() is not None
            rows = merged_newest_first(listed, unlisted)
            searched.append(rows)
            asked = _query(query)
            found = search_cached(
                lib,
                rows,
                asked,
                unlisted=every,
                stopped=lambda: self._generation != generation,
                indexing=indexing,
                page=page,
                details=_LINES_FIRST,
                unindexed=scanning,
            )
            lowered = asked.loosened() if not found.hits else None
            if not found.hits and lowered is None:
                # "bin lorry" missed "the bins … lorry", "keyboards" "a keyboard": its words
                # as prefixes, then its plurals singular, each once (as `reader list`).
                note = widened_note(
                    asked, lambda wider: len(self._loose_hits(rows, wider, every, generation))
                )
                return found, note, syncing, []
            if lowered is None:
                return found, "", syncing, of_no_feed(found.hits)
            again = self._loose_hits(rows, lowered, every, generation)
            return found, asked.case_note(len(again)), syncing, []

        found, case_note, syncing, loose = await asyncio.to_thread(run)
        if self._generation != generation:
            if counted is not None:  # stopped: the counts' search counts it
                self._own_searches.pop(counted, None)
            return
        self.reader.index.hold_found(loose)  # marked read as a headline is (`m`, `A`)
        if counted is not None:  # its row's count, from what its search found
            self.search_feed_counts.found(
                {counted: frozenset(hit.headline.entry.id for hit in found.hits)}
            )
            self.show_feeds()
        self._while_syncing = syncing
        self._unindexed = unindexed[0] if unindexed else ""
        self._so_far = None
        if self._paged == generation:
            if self.feed_url == into:  # the first ones shown: the cursor stays put
                current = self.query_one(HeadlineTable).current
                self.text_hits, self._case_note = found.hits, case_note
                self.show_view(current.entry.id if current else None)
        elif into == SEARCH_VIEW or self.feed_url == into:
            self._show_hits(query, found.hits, case_note, into)
        # What the search read and let go (the index's keys, the texts matched: as much again
        # as a common word's 20,000 hits themselves) handed back, not kept by the C heap for
        # as long as the hits are shown (search46).
        self.call_after_refresh(self.reader.give_back_memory)
        if found.hits and into == SEARCH_VIEW and self.text_hits is found.hits:
            await self._more_loosely(generation, query, searched[0], found.hits, every)

    async def _more_loosely(
        self, generation: int, query: str, rows: list[Headline], hits: list[Hit], every: bool
    ) -> None:
        """After the hits are shown, how many more the query finds with case and accents
        ignored, in the status line ("1 more ignoring case and accents: zoe hartley": a name
        typed as spelt missed "Zoe Hartley", acc40a M4); a search of its own in a thread,
        so the hits come as soon as before."""
        asked = _query(query)
        lowered = asked.loosened()
        if lowered is None:
            return

        def run() -> str:  # in the search's thread
            shown = {hit.headline.entry.id for hit in hits}
            again = self._loose_hits(rows, lowered, every, generation)
            return asked.more_note(sum(h.headline.entry.id not in shown for h in again))

        note = await asyncio.to_thread(run)
        if self._generation != generation or not note or self.text_hits is not hits:
            return
        self._case_note = note
        self.show_hits_note()

    def _loose_hits(
        self, rows: list[Headline], lowered: Query, every: bool, generation: int
    ) -> list[Hit]:
        """The hits of `lowered` (a query with case and marks ignored) in `rows`, alone (no
        line), in the search's thread; stopped by a search after it."""
        from ...library.text_search import search_cached

        return search_cached(
            self.reader.lib,
            rows,
            lowered,
            unlisted=every,
            stopped=lambda: self._generation != generation,
            details=0,
        ).hits

    def _show_hits(
        self, query: str, hits: list[Hit], case_note: str = "", into: str = SEARCH_VIEW
    ) -> None:
        self.text_query, self.text_hits, self._case_note = query, hits, case_note
        self._feed_searching = False
        if self.feed_url != into:
            self._back_to = self.feed_url
        self.feed_url = into
        self.show_view()
        if into == SEARCH_VIEW:  # a search feed's row is chosen as a feed's: the focus stays
            self.query_one(HeadlineTable).focus()
        self.show_hits_note()

    def _hits_so_far(
        self,
        generation: int,
        query: str,
        hits: list[Hit],
        into: str,
        loose: list[Headline],
        awaited: Answer | None = None,
    ) -> None:
        """A search's hits so far: the first shown at once (a year's cache held a common
        word's for a minute, acc30b P2), the count of the next said; the whole list replaces
        them when it ends. Left meanwhile (a feed chosen), the search stops. `loose`: those
        of them of no feed (`of_no_feed`)."""
        if self._generation != generation:
            return
        self.reader.index.hold_found(loose)
        if self._paged != generation and (into == SEARCH_VIEW or self.feed_url == into):
            self._paged = generation
            self._so_far = len(hits)
            self._show_hits(query, hits, "", into)
            self._hits_in(awaited)
        elif self.feed_url != into:
            self._generation += 1
            self._so_far = None
            self.text_hits = []
        else:
            self._so_far = len(hits)
            self.show_hits_note()

    def text_rows(self) -> list[Headline]:
        """The hits' headlines as the index has them now (read and saved marks kept current)."""
        index = self.reader.index
        return [index.get(hit.headline.entry.id) or hit.headline for hit in self.text_hits]

    def first_words(self) -> Mapping[str, Hit]:
        """By entry id, each hit the reading view opens at: its word found in the text it was
        found in (`Hit.near`), in the copy it was found in (`Hit.version`), or in the reader's
        note (`Hit.noted`; a pending one's told once placed, `ArticleScreenSearch.place_hit`).
        Read from the list's lines as they are (`HitLines`), not a dict of every hit made at
        each article opened (a common word's 20,000, search46)."""
        lines = self._lines
        if lines is None:  # no list drawn yet
            lines = HitLines(self.text_hits, lambda _entry_id: None)
        return HitsOpenedAt(lines)

    def text_title(self) -> Text:
        if (feed := self.search_feed(self.feed_url)) is not None:
            return search_name(feed.name, self.reader.plain)
        name = self.scope_name()
        title = Text(f"Search in {name}: " if name else "Search: ")
        return title.append_text(plain(self.text_query, max_length=60))

    def text_empty(self) -> str:
        name = self.scope_name()
        where = f" of {name}" if name else ""
        if self.feed_url != SEARCH_VIEW:  # a search feed's: Esc goes to the feeds, as a feed's
            if self._feed_searching:
                return "Searching…"
            if (feed := self.search_feed(self.feed_url)) is not None and feed.slip:
                return f"This search feed finds nothing: {plain(feed.slip).plain}."
            return (
                f"No headline or cached article holds"
                f" {plain(_query(self.text_query).described()).plain}{self._case_note}."
            )
        wider = self.wider_search(self._scope, every=True)
        return (
            f"No headline or cached article{where} holds"
            f" {plain(_query(self.text_query).described()).plain}{self._case_note}"
            f"{SYNCING if self._while_syncing else ''}. Esc goes back{wider}."
        )

    def wider_search(self, scope: str | bool | None = False, every: bool = False) -> str:
        """What says, where a search of one list found nothing, that `F` searches further:
        "; F in All feeds searches every article" (acc45 A18: a newcomer's `/` in a feed, or
        `F` on one, found nothing and heard of nothing wider). `scope`: the list searched
        (False: the one shown); `every`: said only of a search narrower than every feed's
        (a search of the headlines' titles alone is narrower than any `F`)."""
        from ..keymap import keymap_of

        key = keymap_of(self.app).key("search_articles", "the headlines")
        if not key:
            return ""
        if scope is False:
            scope = self.feed_url
        if scope is None:
            return "" if every else f"; {key} searches the articles' text too"
        return f"; {key} in All feeds searches every article"

    def text_details(self) -> HitLines:
        """By entry id, the line each hit's row shows under it (its byline, its snippet), a
        pending one's worked out when its row is drawn."""
        self._wanted.clear()
        self._lines = HitLines(self.text_hits, self._want_line)
        return self._lines

    def _want_line(self, entry_id: str) -> None:
        """A pending hit's row drawn: its line worked out, with those of the other rows drawn
        meanwhile (once the screen is)."""
        self._wanted.add(entry_id)
        if not self._filling:
            self._filling = True
            self.call_after_refresh(self._fill_lines)

    @work(group="hit-lines")
    async def _fill_lines(self) -> None:
        """The lines of the pending hits whose rows were drawn, and of the next few, worked
        out in a thread (each one's article read and matched again), then drawn."""
        from ...library.text_search import detailed  # the search's modules, loaded by now

        try:
            while self._wanted and (lines := self._lines) is not None:
                wanted, self._wanted = self._wanted, set()
                hits = self._lines_to_fill(lines, wanted)
                if not hits:
                    continue
                lib, query = self.reader.lib, _query(hits[0].query)
                try:
                    found = await asyncio.to_thread(detailed, lib, hits, query)
                except StoreError:
                    break  # the cache busy or unreadable: "…" stays, the hits do too
                if lines is not self._lines:
                    continue  # another list shown meanwhile: its rows ask for their own
                lines.fill(found)
                filled = {hit.headline.entry.id: hit for hit in found}
                self.text_hits = [filled.get(h.headline.entry.id, h) for h in self.text_hits]
                self.query_one(HeadlineTable).redraw_details()
        finally:
            self._filling = False

    def _lines_to_fill(self, lines: HitLines, wanted: set[str]) -> list[Hit]:
        """The pending hits of the `wanted` rows, and the `_LINES_AHEAD` pending ones after
        the last of them in the list."""
        at = [n for n, hit in enumerate(self.text_hits) if hit.headline.entry.id in wanted]
        if not at:
            return []
        after = self.text_hits[at[-1] + 1 : at[-1] + 1 + _LINES_AHEAD]
        ids = [self.text_hits[n].headline.entry.id for n in at]
        ids += [hit.headline.entry.id for hit in after]
        return [hit for i in ids if (hit := lines.hit(i)) is not None and hit.pending]

    def show_hits_note(self) -> None:
        """How many hits, for what, in the status line (cleared once they are left)."""
        if not self.showing_hits:
            self._feed_searching = False
            if self._hits_noted:  # left for a feed chosen in the feed list
                self._hits_noted = False
                self.query_one(StatusBar).show_note("")
                self._drop_hits()
            return
        self._hits_noted = True
        if self._feed_searching:
            return  # before a search feed's first hits: "Searching for …"
        name = self.scope_name()
        where = f" in {name}" if name else ""
        back = " (Esc goes back)" if self.feed_url == SEARCH_VIEW else ""
        if self._so_far is not None:
            count = plural(self._so_far, "headline")
            self.query_one(StatusBar).show_note(
                f"{count} so far{where} for “{self.text_query}”, the newest first;"
                f" searching on…{back}"
            )
            return
        count = plural(len(self.text_hits), "headline")
        # A search feed's are searched again as the headlines are read anew (`search_feeds`).
        syncing = SYNCING if self._while_syncing and self.feed_url == SEARCH_VIEW else ""
        # With hits, what the query with case and accents ignored finds besides (`_more_loosely`).
        more = f"; {self._case_note}" if self._case_note and self.text_hits else ""
        if not self.text_hits:  # what the query finds with case ignored, or as prefixes
            more = self._case_note
        # Said while it ran, and after: the next search is as slow (acc45c C4).
        scanned = f"; without the index: {self._unindexed}" if self._unindexed else ""
        note = f"{count}{where} for “{self.text_query}”{more}{scanned}{syncing}{back}"
        self.query_one(StatusBar).show_note(note)
        # A search's summary is kept for `P` as the status line's are, once (the list drawn
        # again says it again): a screen's note is none of those, and "Nothing said yet" came
        # after an `F` that said its count, a sync under way (acc50d).
        if self._hits_said != (self._generation, note):
            self._hits_said = (self._generation, note)
            self.reader.remember_said(note)

    def leave_text_search(self) -> None:
        """Back to the view the hits replaced."""
        self._generation += 1
        self._so_far = None
        self.feed_url, self.text_query = self._back_to, ""
        self._drop_hits()
        self.query_one(StatusBar).show_note("")
        if self.search_feed(self.feed_url) is not None:
            self.show_search_feed()  # `F` from a search feed's hits: found again
            return
        self.show_view()

    def _drop_hits(self) -> None:
        """The hits left: freed, and the memory they took given back once the list shown
        instead is drawn (a common word's 50,000 in a year's cache: 16 MB kept, acc30b P2)."""
        # The lines under their rows hold every hit too: kept, they outlived the hits until
        # the next search (acc48b B1: 4,999 after Esc).
        self._lines = None
        self._wanted.clear()
        if self.text_hits:
            self.text_hits = []
            self.call_after_refresh(self.reader.give_back_memory)

    def show_view(self, keep: str | None = None) -> None:
        raise NotImplementedError  # MainScreen's `_show_list`


def _query(text: str) -> Query:
    """`text` as the search takes it. The query's rules (`search_query`: its fold tables and
    patterns, ~15 ms of CPU) are imported with the first search, not at every start: the first
    screen searches nothing."""
    from ...search_query import Query

    return Query(text)
