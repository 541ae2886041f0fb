"""The state of the reading view's text (`ArticleBody`): what it shows, its lines as wrapped so
far, what of them is searched, selected or marked, and where in the text the view is.

`ArticleBody` is built in layers, a module each, every one adding to the one before: this
state, the search (`body_search`), the links and notes (`body_links`), the passage to quote
(`body_passage`), the wrapping (`body_layout`), and what to show and how to draw it
(`article_body`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice
from operator import attrgetter
from typing import Generic, TypeVar, cast

from rich.style import Style
from textual.selection import Selection
from textual.strip import Strip

from ....models import Article, Entry
from ....search_query import Query
from . import typeset
from .find_in_article import LineMap, PiecedSpans, Spans
from .paragraph import ArticleStyles, Layout, Paragraph
from .reading_place import Place, place_at
from .scroll_keys import KeyScrolledView

T = TypeVar("T")

NARROWEST_COLUMN = 20
"""The narrowest the text column is made while there is room for it (its margins go first):
narrower, a line holds a word or two. A terminal narrower still gets a column as wide as its
room (`_column`)."""


class _Whole(Generic[T]):
    """An attribute of the article's layout (a dotted path from the body), read once the
    whole of it is wrapped: the body lays out a long article's first screen first."""

    def __init__(self, path: str) -> None:
        self._get = attrgetter(path)

    def __get__(self, body: ArticleState | None, owner: type | None = None) -> T:
        if body is None:  # looked up on the class
            return cast(T, self)
        body._finish_layout()
        return cast(T, self._get(body))


class ArticleState(KeyScrolledView):
    """What the reading view's text holds, and where its view is (see `ArticleBody`)."""

    def __init__(
        self,
        *,
        id: str | None = None,
        classes: str | None = None,
        widest: int = typeset.MAX_COLUMN,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._widest = widest
        """The widest the text column gets (`[ui] text_width`)."""
        self._content: tuple[Entry | None, Article | None, str, str, bool] = (
            None,
            None,
            "",
            "",
            False,
        )
        """What to show: entry, article, notice message (with an article: the note replacing
        its partial-text line), notice hint, notice is an error."""
        self._paragraphs: list[Paragraph] = []
        self._header_paragraphs = 0
        """How many of `_paragraphs` are the header (title, byline, address, length)."""
        self._head = 0
        """How many of `_paragraphs` are the header, a notice's (shown without an article) too."""
        self._compact = False
        """The header is the compact one, the view being too low for the whole of it."""
        self._notes_folded = False
        """The notes at the head of the story are folded to their first line (see
        `_fit_notes`)."""
        self._notes_opened = False
        """The reader unfolded them (`z`): they stay whole, whatever the height, until another
        article is shown."""
        self._built_with: ArticleStyles | None = None
        self._laid = Layout([], [])
        """The paragraphs wrapped so far: the first screen's, until the rest are (see
        `_layout`). Read through `_lines`, `_extents`… which wrap the rest first."""
        self._unfinished = False
        """`_laid` holds the first of `_paragraphs` only: the rest are to be wrapped."""
        self._slicing: Layout | None = None
        """The layout whose rest is being wrapped a slice at a time (see `_lay_out_more`)."""
        self._after_layout: list[Callable[[], object]] = []
        """What waits for the whole text to be laid out (`G` pressed before it was)."""
        self._more: Iterator[Paragraph] | None = None
        """The article's paragraphs after `_paragraphs`, not built yet (None: none): a huge
        article's are built as they are laid out (see `_build_more`)."""
        self._text_total = 0
        """The characters of all the paragraphs, built or not (reckoned from the blocks)."""
        self._text_laid = (0, 0)
        """How many of `_paragraphs` `_laid` holds, counted so far, and their characters: the
        scrollable height of a text not all wrapped is reckoned from them."""
        self._resized_at: tuple[Place, int] | None = None
        """The place the last resize kept at the top of the view, and the line it is on."""
        self._width = 0
        """The column width `_laid` was wrapped for (0: not wrapped yet)."""
        self._laid_map = LineMap([])
        self._query: str | Query = ""
        """The search shown (highlighted), "" when none: text typed after `/`, or the query of
        `F`'s hit the article was opened from (every word of it found)."""
        self._matches: Spans | None = None
        self._current: int | None = None
        """The match the search is at, numbered from 0."""
        self._match_styles: tuple[Style, Style] | None = None
        self._laid_links = PiecedSpans(self._laid_map, [], [])
        self._laid_addresses: list[str] = []
        self._link: int | None = None
        """The selected link, numbered from 0 (None: none)."""
        self._cursor_on_match = False
        """The search's match was gone to after the link was selected: the terminal cursor
        goes to the match's line, not the link's (`selected_line`)."""
        self._link_style: Style | None = None
        self._passage_style: Style | None = None
        self._jumps: list[tuple[Place | None, int | None]] = []
        """Where the view was before each link within the article it followed (the place at
        its top, the link selected), latest last: Esc goes back through them."""
        self._note: int | None = None
        """The paragraph the last link followed within the article led to, drawn marked."""
        self._note_style: Style | None = None
        self._pending_place: Place | None = None
        """Where to open the article shown, once it is first laid out (see `show_article`)."""
        self._sentences: Spans | None = None
        """The sentences of the runs, numbered in reading order (worked out at the first `v`)."""
        self._units: tuple[Spans, list[tuple[int, int]], list[bool]] | None = None
        """The `_sentences` they were worked out of, and per sentence the sentences it goes
        with (`passage_units`) and whether it is a figure's (`figure_sentences`)."""
        self._keyed: tuple[int, int] | None = None
        """The first and last sentence of the passage chosen by keyboard (see `choose_passage`)."""
        self._keyed_selection: Selection | None = None
        self._dragged: Selection | None = None
        """The passage selected by the mouse, as last told (None: none, or one chosen by
        keyboard)."""
        self._shown_height = 0
        """The view's height when the lines were last laid out or resized (0: not yet): what
        was in view before a resize, once the view has its new height."""

    @property
    def lines(self) -> list[str]:
        """The screen lines as wrapped for the current width, as plain text (for tests and to
        find a place to scroll to)."""
        return [strip.text for strip in self._lines]

    # Read from the layout once all of it is wrapped (`_finish_layout`); `render_line` and
    # what needs only the first screen read `_laid` as far as it goes.
    _lines = _Whole[list[Strip]]("_laid.lines")
    """The screen lines, all of them."""
    _line_map = _Whole[LineMap]("_laid_map")
    """Where the text of each paragraph went in `_lines`."""
    _headings = _Whole[list[int]]("_laid.headings")
    """The screen line each heading starts on."""
    _extents = _Whole[list[range]]("_laid.extents")
    """The screen lines of each paragraph."""
    _links = _Whole[PiecedSpans]("_laid_links")
    """The links of the text, by screen line (a link wrapped in a table's cell is one)."""
    _addresses = _Whole[list[str]]("_laid_addresses")
    """The address of each of `_links`."""

    @property
    def article(self) -> Article | None:
        """The article shown (None while it loads, or when it failed)."""
        return self._content[1]

    @property
    def text(self) -> str:
        """Everything shown, as plain text (for tests and copy)."""
        return "\n".join(p.text.plain for p in self._all_paragraphs() if p.drawn)

    def _all_paragraphs(self) -> list[Paragraph]:
        """`_paragraphs`, every one of them built."""
        self._build_more()
        return self._paragraphs

    def _build_more(self, until: int | None = None) -> None:
        """Build the paragraphs not built yet until there are `until` (None: all of them)."""
        if self._more is None:
            return
        wanted = None if until is None else max(0, until - len(self._paragraphs))
        start = len(self._paragraphs)
        self._paragraphs.extend(islice(self._more, wanted))
        if wanted is None or len(self._paragraphs) - start < wanted:
            self._more = None  # the last one was built
        self._built_more(start)

    def _built_more(self, start: int) -> None:
        """`_paragraphs` from `start` on were just built (see `ArticleLayout`)."""

    @property
    def top_line(self) -> int:
        """The line at the top of the view."""
        return round(self.scroll_y)

    @property
    def seen(self) -> float | None:
        """How far the text has been scrolled, 0 at its top to 1 at its end; None when the
        whole of it is in view (or nothing is shown). Of a text not all wrapped yet, of its
        height as reckoned (`_text_laid`): no wrapping for it. Not the view's last line, as
        `less` reckons: at an article's top that said "17% · 6 min left" under a header's
        "8 min read" (acc32a A7)."""
        height = self.virtual_size.height
        shown = self.scrollable_content_region.height
        if self.article is None or height <= shown or shown <= 0:
            return None
        return max(0.0, min(1.0, self.top_line / (height - shown)))

    def _available(self) -> int:
        """The width lines may take: the content region less the vertical scrollbar's, whether
        or not it is shown yet. The scrollbar appears only once the lines are wrapped (they
        decide the height), without a resize: lines wrapped for the width without it were cut
        off at the right."""
        return max(0, self.content_region.width - self.styles.scrollbar_size_vertical)

    def _column(self) -> tuple[int, int]:
        """Width of the text column and the left margin that centres it. Never wider than the
        width available: under 22 columns a column kept 20 wide lost its last letters under
        the scrollbar (acc42a A7)."""
        available = self._available()
        column = min(max(1, available), max(NARROWEST_COLUMN, min(self._widest, available - 2)))
        return column, max(0, (available - column) // 2)

    def _place(self) -> Place | None:
        """Where the reader is in the text: what `_layout` keeps at the top of the view."""
        if self._resized_at is not None and self._resized_at[1] == self.top_line:
            return self._resized_at[0]  # not moved since the last resize: the place it kept
        return self._place_at(self.top_line)

    def _place_at(self, top: int) -> Place | None:
        """The place of the text with the line `top` at the top of the view."""
        if top >= len(self._laid.lines):
            self._finish_layout()  # scrolled (a wheel) past the first screen before the rest came
        extents = self._laid.extents
        return place_at(extents, self._laid_map, top) if extents else None
