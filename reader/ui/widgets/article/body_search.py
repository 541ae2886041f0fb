"""The reading view's search (`/`): every match of a query highlighted, the view at the one it
is at, `n` / `N` from one to the next."""

from __future__ import annotations

from ....search_query import Query
from . import find_in_article
from .body_state import ArticleState
from .find_in_article import LineMap, PiecedSpans, Spans

MATCH_COMPONENTS = ("article-body--match", "article-body--match-current")
"""The component classes of a search's matches, and of the one it is at."""
CONTEXT_LINES = 3
"""Lines kept above a match the view scrolls to, so it isn't glued to the top edge."""


HEADING_REACH = 6
"""Lines above a match its heading may be and be brought into view with it (`heading_in_view`)."""


class ArticleSearch(ArticleState):
    """The reading view's text, searched (see `ArticleBody`)."""

    @property
    def query(self) -> str:
        """The search shown, as typed ("" when none)."""
        return self._query if isinstance(self._query, str) else self._query.text

    @property
    def searched_for(self) -> str | Query:
        """The search shown as `search` took it: to give it back the same (`F`'s words stay
        words, not a phrase)."""
        return self._query

    @property
    def match_count(self) -> int:
        return self._matches.total if self._matches else 0

    @property
    def current_match(self) -> int | None:
        """The match the search is at, numbered from 1 (None: no match)."""
        return None if self._current is None else self._current + 1

    def search(self, query: str | Query, from_line: int) -> int:
        """Highlight every match of `query` (text typed, or `F`'s words: `find_in_article.find`)
        and go to the first at or below screen line
        `from_line` (else the first of all), with the view back at `from_line` first (a search
        typed letter by letter starts each time from where it was opened); the number of
        matches. With none, the view stays at `from_line`."""
        self.scroll_to(y=from_line, animate=False, immediate=True)
        self._find(query, from_line)
        self._go_to_match()
        self.refresh()
        return self.match_count

    @property
    def text_size(self) -> int:
        """The characters of the text shown (its header's too): what a search goes through."""
        return self._text_total

    def searched_map(self) -> LineMap:
        """What `find_in_article.find` searches, the whole text laid out: to search it off the
        event loop, and then `show_found` what it found, unless `found_in` says the text was
        laid out again meanwhile (another width, another article)."""
        return self._line_map

    def found_in(self, lines: LineMap) -> bool:
        """`lines` (from `searched_map`) is still the text shown, laid out as it was."""
        return self._laid_map is lines and not self._unfinished

    def show_found(self, query: str | Query, found: PiecedSpans | None, from_line: int) -> int:
        """`search` with its matches found already (off the event loop, in `searched_map`)."""
        self.scroll_to(y=from_line, animate=False, immediate=True)
        self._matches = found
        self._query = query if found is not None else ""
        self._current = found.first_from(from_line) if found else None
        self._go_to_match()
        self.refresh()
        return self.match_count

    def first_line_of(self, text: str) -> int | None:
        """The line where `text` is first found as a search finds it (None: nowhere), the
        whole article wrapped to tell (by `_line_map`)."""
        return find_in_article.first_line(self._line_map, text)

    def _find(self, query: str | Query, from_line: int) -> None:
        # A blank query finds nothing: not worth laying out the rest of a huge article for.
        blank = not query.strip() if isinstance(query, str) else not query
        self._matches = None if blank else find_in_article.find(self._line_map, query)
        self._query = query if self._matches is not None else ""
        self._current = self._matches.first_from(from_line) if self._matches else None

    def _same_match(self, before: Spans, current: int) -> int | None:
        """The match now (`_matches`, found again on the text laid out anew) that is match
        `current` of `before`: the same one of the article's text, the reader's notes drawn
        among it passed over. A note added holding the words searched is one more match: the
        numbers after it moved on, and the search went to the match before the one it was at
        (acc48b). None when that match was in a note, or the text's matches are others now (a
        table's lines wrapped anew)."""
        if self._matches is None:
            return None
        in_text = _text_matches(before)
        now = _text_matches(self._matches)
        if len(now) != len(in_text) or current not in in_text:
            return None
        return now[in_text.index(current)]

    def heading_in_view(self) -> None:
        """The heading just above the current match (a live blog's update's time and title),
        when it is at most `HEADING_REACH` lines above, brought into view with the match: a
        full-text hit opened with the match on the top line, the update it is in out of view
        (acc48c C12)."""
        if self._matches is None or self._current is None:
            return
        first, last = self._matches.span_lines(self._current)
        above = [line for line in self._headings if first - HEADING_REACH <= line <= first]
        if not above or above[-1] >= self.top_line:
            return
        if last < above[-1] + self.scrollable_content_region.height:
            self.scroll_to(y=above[-1], animate=False, immediate=True)

    def step_match(self, step: int) -> bool:
        """Go to the next match (`step` 1) or the previous one (-1), round the ends: True when
        that wrapped round."""
        if self._matches is None or self._current is None:
            return False
        before = self._current
        self._current = (before + step) % self._matches.total
        self._go_to_match()
        self.refresh()
        return (self._current < before) if step > 0 else (self._current > before)

    def select_match(self, number: int) -> None:
        """Make match `number` (from 1) the current one, without scrolling."""
        if self._matches is not None and 1 <= number <= self._matches.total:
            self._current = number - 1
            self._cursor_on_match = True
            self.refresh()

    def clear_search(self) -> None:
        self._query, self._matches, self._current = "", None, None
        self.refresh()

    def _go_to_match(self) -> None:
        """The view at the current match (`_reveal`), gone to by the reader: the terminal cursor
        goes to its line (`selected_line`), not a resize's bringing it back into view."""
        self._cursor_on_match = True
        self._reveal()

    def _reveal(self) -> None:
        """Scroll the current match into view, a few lines below the top, unless it is in view."""
        self._scroll_to_span(self._matches, self._current)

    def _visible(self, spans: Spans | None, index: int | None, height: int = 0) -> bool:
        """Span `index` is in view, whole (in a view `height` lines high, else the view's)."""
        if spans is None or index is None:
            return False
        first, last = spans.span_lines(index)
        top = self.top_line
        return top <= first and last < top + (height or self.scrollable_content_region.height)

    def _scroll_to_span(self, spans: Spans | None, index: int | None) -> None:
        """Scroll span `index` into view, a few lines below the top, unless it is in view."""
        if spans is None or index is None or self._visible(spans, index):
            return
        first, _last = spans.span_lines(index)
        context = min(CONTEXT_LINES, self.scrollable_content_region.height // 4)
        self.scroll_to(y=max(0, first - context), animate=False, immediate=True)


def _text_matches(matches: Spans) -> list[int]:
    """The numbers of `matches` in the article's own text, not in the reader's notes."""
    runs = matches.lines.runs
    return [n for n in range(matches.total) if not runs[matches.start_of(n)[0]].own]
