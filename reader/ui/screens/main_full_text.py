"""Finding articles by their text from the headlines: `F`, words, Enter.

`/` finds headlines by their titles as they are typed; `F` searches every cached article's
text too (`full_text`: each word or "phrase" anywhere in the title or the text, matched as the
reading view's `/` matches it), and the cached articles no feed lists any more
(`library.text_search`: narrowed by the search index, which first catches up with what was
cached since, by this reader or a sync elsewhere), so it runs once, on Enter, in a thread (never
on the UI loop), a newer search stopping an older one. Its hits take the headline list's
place, titled "Search: words", newest first; the status line gives the text where the words are
closest in the headline under the cursor; Enter reads one, its first match found; Esc (or a feed chosen)
goes back to the list it came from.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.screen import Screen
from textual.widgets import Static

from ...full_text import Hit, Query
from ...library.text_search import search_cached
from ...plural import plural
from ...reports import Headline, newest_first
from ..display import plain
from ..widgets.article.search_bar import SearchBar
from ..widgets.main.headline_table import HeadlineTable
from ..widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from ..app import ReaderApp

SEARCH_VIEW = "reader:search"
"""The view of a text search's hits, where a feed's address names that feed's (no feed's
address is this: a feed is subscribed at an http(s) address)."""
PROMPT = "Find in articles: "


class MainFullText(Screen[None]):
    """The main screen's search of every cached article (see `MainScreen`)."""

    def __init__(self) -> None:
        super().__init__()
        self.feed_url: str | None = None
        self.text_query = ""
        """The words the hits shown were found by ("" when none were searched)."""
        self.text_hits: list[Hit] = []
        self._text_typing = False
        """The search line open is `F`'s, not `/`'s."""
        self._back_to: str | None = None
        """The view the hits replaced, which Esc goes back to."""
        self._generation = 0
        """Bumped by each search: an older one still scanning stops."""
        self._snippet_shown = False
        """The status line holds the hits' note (`show_snippet`)."""

    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def action_search_text(self) -> None:
        """Open the search line for words to find in every cached article."""
        self._text_typing = True
        self.add_class("-searching")
        bar = self.query_one(SearchBar)
        bar.start()
        prompt = bar.query_one("#search-prompt", Static)
        prompt.update(PROMPT)
        prompt.styles.width = len(PROMPT) + 1  # the stylesheet's is `/`'s (and its padding)
        bar.show_count("Enter searches every cached article")

    def text_search_closed(self, query: str | None) -> bool:
        """The search line `F` opened was closed (`query` None: Esc): start the search; False
        when the line was `/`'s."""
        if not self._text_typing:
            return False
        self._text_typing = False
        prompt = self.query_one(SearchBar).query_one("#search-prompt", Static)
        prompt.update("/")
        prompt.styles.width = None  # the stylesheet's again
        if query is not None and Query(query):
            self._search_text(query)
        return True

    @property
    def typing_text_query(self) -> bool:
        return self._text_typing

    @work(exclusive=True, group="full-text")
    async def _search_text(self, query: str) -> None:
        self._generation += 1
        generation = self._generation
        index = self.reader.index
        rows = sorted([*index.headlines, *index.unlisted], key=newest_first)
        lib = self.reader.lib
        self.query_one(StatusBar).show_note(
            f"Searching {plural(len(rows), 'headline')} and their cached articles for “{query}”…"
        )
        status = self.query_one(StatusBar)

        def indexing(count: int) -> None:  # in the search's thread
            note = f"Indexing {plural(count, 'cached article')} for search (once)…"
            self.app.call_from_thread(status.show_note, note)

        found = await asyncio.to_thread(
            search_cached,
            lib,
            rows,
            Query(query),
            stopped=lambda: self._generation != generation,
            indexing=indexing,
        )
        if self._generation != generation:
            return
        self.text_query, self.text_hits = query, found.hits
        if self.feed_url != SEARCH_VIEW:
            self._back_to = self.feed_url
        self.feed_url = SEARCH_VIEW
        self.show_view()
        self.query_one(HeadlineTable).focus()
        self.show_snippet()

    def text_rows(self) -> list[Headline]:
        """The hits' headlines as the index has them now (read and saved marks kept current)."""
        index = self.reader.index
        return [index.get(hit.headline.entry.id) or hit.headline for hit in self.text_hits]

    def first_words(self) -> dict[str, str]:
        """By entry id, the word of each hit the reading view finds when it is opened."""
        return {hit.headline.entry.id: hit.word for hit in self.text_hits if hit.word}

    def text_title(self) -> Text:
        return Text("Search: ").append_text(plain(self.text_query, max_length=60))

    def text_empty(self) -> str:
        return (
            f"No headline or cached article holds every word of “{plain(self.text_query).plain}”."
            " Esc goes back."
        )

    def show_snippet(self) -> None:
        """The text round the first match of the headline under the cursor, in the status line."""
        if self.feed_url != SEARCH_VIEW:
            if self._snippet_shown:  # left for a feed chosen in the feed list
                self._snippet_shown = False
                self.query_one(StatusBar).show_note("")
            return
        self._snippet_shown = True
        current = self.query_one(HeadlineTable).current
        hit = next(
            (h for h in self.text_hits if current and h.headline.entry.id == current.entry.id),
            None,
        )
        count = plural(len(self.text_hits), "headline")
        # The count first: a snippet is a line long, and the status line cuts what is past it.
        note = f"{count} for “{self.text_query}” (Esc goes back)"
        if hit is not None and hit.snippet:
            note = f"{note}: {hit.snippet}"
        self.query_one(StatusBar).show_note(note)

    def leave_text_search(self) -> None:
        """Back to the view the hits replaced."""
        self._generation += 1
        self.feed_url, self.text_query, self.text_hits = self._back_to, "", []
        self.query_one(StatusBar).show_note("")
        self.show_view()

    def show_view(self) -> None:
        raise NotImplementedError  # MainScreen's `_show_list`

    def on_mount(self) -> None:
        # Each class's handler runs (Textual walks the MRO): MainScreen's focuses the table.
        self.watch(self.query_one(HeadlineTable), "cursor", self._cursor_moved, init=False)

    def _cursor_moved(self, _old: int, _new: int) -> None:
        self.show_snippet()
