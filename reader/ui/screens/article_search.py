"""The reading view's search (`/`, `n` / `N`, Esc): the query typed, its matches stepped
through, and a search cleared with Esc brought back by `n` / `N` (see `ArticleScreen`).
"""

from __future__ import annotations

import asyncio
from collections import ChainMap
from collections.abc import Callable, Mapping
from functools import partial
from types import MappingProxyType

from ...full_text import Hit
from ...models import StoreError
from ...search_query import Query
from ..messages import SearchClosed, SearchEdited
from ..widgets.article import find_in_article
from ..widgets.article.article_body import ArticleBody
from ..widgets.article.search_bar import SearchBar, show_search_line
from .article_state import ArticleScreenState, no_match

SEARCH_WAITS = "Laying out the article…"
"""Beside a query typed before a huge article is all laid out: it is searched once it is."""
SEARCHED_IN_A_THREAD_FROM = 200_000
"""Characters of text from which a search (typed, given back by Esc or `n`, an `F` hit's) runs
in a thread, off the event loop: a long read's (15,000 words, 100,000 characters) is searched at
once, as soon shown as from a thread; 100,000 words held the loop 250 ms for a word typed in one burst, and a 5 MB
article's 700,000 words 650 ms, every key and frame waiting (benchmarks/tui_find_in_article.py:
140 and 80 ms off it, the search line's own opening)."""


class ArticleScreenSearch(ArticleScreenState):
    """The reading view's search keys (see `ArticleScreen`)."""

    find_first: Mapping[str, Hit] = MappingProxyType({})
    """By entry id, the hit of a search of every article (`F`) it was opened from: it opens
    at the match the list's snippet came from, where the words searched are nearest each
    other, in the copy they were found in (`Hit.version`)."""

    async def place_hit(self, entry_id: str) -> None:
        """`find_first`'s hit of `entry_id` given its place, when the list had not worked it
        out yet (`Hit.pending`: a common word's hits past the first screens get theirs as
        their rows are drawn): where its words are nearest each other, as its line shows
        them once worked out, not at the first match of its first word found. Worked out in
        a thread (its article's record read and matched again), before it is shown."""
        hit = self.find_first.get(entry_id)
        if hit is None or not hit.pending:
            return
        from ...library.text_search import detailed  # the search's modules, loaded by now

        try:
            placed = await asyncio.to_thread(detailed, self.reader.lib, [hit], Query(hit.query))
        except StoreError:
            return  # the cache busy or unreadable: at its first word's first match
        # Over the list's hits, not a copy of them (a common word's 20,000, search46).
        if isinstance(self.find_first, ChainMap):
            self.find_first.maps[0][entry_id] = placed[0]
        else:
            self.find_first = ChainMap({entry_id: placed[0]}, self.find_first)

    def _find_first(self) -> None:
        """The words of the query `find_first`'s hit was found by, searched for as if kept
        after `/` (`n` / `N` go through every one of them, acc30a J30), the view at the match
        in the text given with it (else at its word's first)."""
        entry_id = self.headline.entry.id
        hit = self.find_first.get(entry_id)
        if hit is not None and hit.word:
            # After the next refresh: until then the view has the notice's height, and a
            # scroll down to the match is refused.
            self.call_after_refresh(self._found_first, entry_id, hit)

    def find_in_notes(self) -> None:
        """The notes now shown with the article (`show_highlights`): a hit found by them alone
        (`Hit.noted`, no word of its text) searched for there, as `_find_first` searches the
        text: opened from it, `/`'s `n` had nothing to step through (search46)."""
        entry_id = self.headline.entry.id
        hit = self.find_first.get(entry_id)
        if hit is not None and hit.noted and not hit.word:
            self.call_after_refresh(self._found_first, entry_id, hit)

    def _found_first(self, entry_id: str, hit: Hit) -> None:
        body = self.query_one(ArticleBody)
        if self.headline.entry.id != entry_id or self.searching or body.query:
            return
        # Found on the whole text: a huge article's, once it is laid out (read from the
        # layout at once, its rest froze the view, as a query typed meanwhile would).
        if body.when_laid_out(lambda: self._found_first(entry_id, hit)):
            return
        # Where the words are nearest each other, else the first of the word matched first
        # (the first match of all for one found in a note).
        words = Query(hit.query) if hit.query else None
        self._find(words if words else hit.word, hit.near or hit.word or 0, self._hit_shown)

    def _hit_shown(self) -> None:
        """An `F` hit's match shown: with its heading, when that is just above it."""
        self.query_one(ArticleBody).heading_in_view()
        self._show_position()

    def action_search(self) -> None:
        # "g for the top" is no key while a query is typed.
        self.reader.withdraw_notice(self.back_at_place)
        body = self.query_one(ArticleBody)
        body.clear_link()  # the status line is the search's now
        self._origin = body.top_line
        self._before_search = (body.searched_for, body.current_match)
        show_search_line(self, True)
        self.query_one(SearchBar).start()

    def on_search_edited(self, message: SearchEdited) -> None:
        self._search(message.query)

    def _search(self, query: str) -> None:
        body = self.query_one(ArticleBody)
        bar = self.query_one(SearchBar)
        if query.strip() and body.laying_out:
            # A huge article's rest is being laid out: searched once it is, the query's line
            # saying so meanwhile (searched at once, the rest froze the view for seconds).
            if self._waiting_query is None:
                body.when_laid_out(self._search_laid_out)
            self._waiting_query = query
            bar.show_count(SEARCH_WAITS)
            return
        self._waiting_query = None
        self._find(query, self._origin, lambda: self._show_search(query, body.match_count))

    def _find(self, query: str | Query, start: int | str, then: Callable[[], None]) -> None:
        """`ArticleBody.search` for `query` from line `start` (a text: the line it is first
        found on), then `then()`: every search the reader sets (typed, given back by Esc or
        `n`, an `F` hit's) goes this way. Over a long text it runs off the event loop: a 5 MB
        article is 700,000 words to fold and match (acc30b), and the search set last is the
        one shown; an earlier one still running stops at its next paragraph."""
        body = self.query_one(ArticleBody)
        self._dropped_search()
        blank = not query.strip() if isinstance(query, str) else not query
        if blank or body.text_size < SEARCHED_IN_A_THREAD_FROM:
            line = start if isinstance(start, int) else body.first_line_of(start)
            body.search(query, line or 0)
            then()
            return
        if body.when_laid_out(partial(self._find_laid_out, query, start, then, self._searches)):
            return  # a resize lays it out again: searched once it is
        self._finding = query
        # A partial, not a coroutine made now: the next key's worker may cancel this one
        # before it starts.
        self.run_worker(
            partial(self._search_off_loop, query, start, then, self._searches),
            group="find-in-article",
            exclusive=True,
            exit_on_error=False,
        )

    def _find_laid_out(
        self, query: str | Query, start: int | str, then: Callable[[], None], search: int
    ) -> None:
        if search == self._searches:  # not set otherwise meanwhile
            self._find(query, start, then)

    def _dropped_search(self) -> None:
        """The search running in its thread, if any, is not to be shown: the search is set
        otherwise now (another query, Esc, another article)."""
        self._searches += 1
        self._finding = None

    async def _search_off_loop(
        self, query: str | Query, start: int | str, then: Callable[[], None], search: int
    ) -> None:
        body = self.query_one(ArticleBody)
        lines = body.searched_map()

        def superseded() -> bool:  # in the search's thread
            return search != self._searches

        def run() -> tuple[find_in_article.PiecedSpans | None, int]:  # in the search's thread
            line = start if isinstance(start, int) else find_in_article.first_line(lines, start)
            return find_in_article.find(lines, query, superseded), line or 0

        found, line = await asyncio.to_thread(run)
        if superseded() or not self.is_attached:
            return
        self._finding = None
        if not body.found_in(lines):  # laid out again meanwhile (a resize): searched again
            self._find(query, start, then)
            return
        body.show_found(query, found, line)
        then()

    def _show_search(self, query: str, found: int) -> None:
        """The search line's count for `query`, which `found` matches, and the status line."""
        bar = self.query_one(SearchBar)
        if not query.strip():
            bar.show_count("")
        elif found:
            bar.show_count(self._position_line())
        else:
            bar.show_count(no_match(query), missing=True)
        self._show_position()

    def _search_laid_out(self) -> None:
        """The query typed while the article was laid out, searched now that it is (unless
        Esc dropped it, or another article came)."""
        if self._waiting_query is not None:
            self._search(self._waiting_query)

    def on_search_closed(self, message: SearchClosed) -> None:
        body = self.query_one(ArticleBody)
        if message.query is None:
            self._waiting_query = None
            self._dropped_search()
        show_search_line(self, False)
        self.set_focus(body)  # now: the keys held behind its close go to it
        if message.query is None:  # Esc: back to where the user was, and to the search before
            query, current = self._before_search
            self._find(query, self._origin, partial(self._given_back, current, self._origin))
        # A search that found nothing is said by the status line alone, as one that found is
        # ("Match 1 of 3"): a notice said the same beside it, on the same row.
        self._show_position()

    def _given_back(self, current: int | None, top: int | None, step: int = 0) -> None:
        """A search given back (by Esc, `n`) at match `current`, the view at line `top` (None:
        at the match), then `step` on to the next match (or the previous)."""
        body = self.query_one(ArticleBody)
        if current is not None:
            body.select_match(current)
        if top is not None:
            body.scroll_to(y=top, animate=False, immediate=True)
        if step:
            self._step(step)
        self._show_position()

    def action_next_match(self) -> None:
        self._step(1)

    def action_previous_match(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        body = self.query_one(ArticleBody)
        if not body.match_count:
            self.app.bell()  # the status line says there is none
        elif body.step_match(step):
            where = "top" if step > 0 else "bottom"
            self.notify(f"Search wrapped to the {where}.", timeout=2, markup=False)
        self._show_position()

    def action_repeat_search(self, step: int) -> None:
        """The search last cleared, again, and on to the match after (`step` 1) or before (-1)
        the one it was at, as `n` / `N` would have gone had it been kept."""
        query, current = self._last_query
        body = self.query_one(ArticleBody)
        self._find(query, body.top_line, partial(self._given_back, current, None, step))

    def action_no_search(self) -> None:
        """`N` with no search: nothing to go back to; say so (`p` is the previous article)."""
        self.notify(
            "No search to go back in: / finds text in the article (p: the previous article).",
            timeout=4,
            markup=False,
        )

    def action_clear_search(self) -> None:
        body = self.query_one(ArticleBody)
        # One that found nothing is not brought back: `n` after it is the next article again.
        found = bool(body.match_count)
        self._last_query = (body.searched_for, body.current_match) if found else ("", None)
        self._dropped_search()
        body.clear_search()
        self._show_position()

    def _end_search(self) -> None:
        """Close the search line and drop the search (another article is shown)."""
        self._dropped_search()  # one still running is not shown over the next article
        if self.searching:
            show_search_line(self, False)
            self.query_one(ArticleBody).focus()
        self._waiting_query = None
        self.query_one(ArticleBody).clear_search()
        self._show_position()
