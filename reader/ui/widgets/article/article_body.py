"""The reading view's text: an article drawn with the Line API in a centred, readable column.

The article's paragraphs are wrapped once per width, and only the lines on screen are drawn.
A long article's first screen (from the place it was left at, when it reopens there) is wrapped
before the first frame, the rest right after it: 10,000 words took 70–110 ms to wrap on a slow
machine, and that no longer stands between Enter and the text. What needs every line (a search,
`G`, `]`, Tab, a passage) wraps the rest first.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter
from typing import Generic, TypeVar, cast

from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Offset, Size
from textual.selection import Selection
from textual.strip import Strip

from ....models import Article, Entry
from ...messages import PassageChanged
from . import anchors, find_in_article, passage, typeset
from .find_in_article import LineMap, LinkSpans, Spans
from .reading_place import Place, line_of, place_at, place_of, run_of
from .scroll_keys import KeyScrolledView
from .sentences import sentences
from .typeset import ArticleStyles, Paragraph

T = TypeVar("T")

MATCH_COMPONENTS = ("article-body--match", "article-body--match-current")
"""The component classes of a search's matches, and of the one it is at."""
LINK_COMPONENT = "article-body--link-selected"
"""The component class of the selected link (Tab)."""
NOTE_COMPONENT = "article-body--note"
"""The component class of the note a link within the article led to (Enter on "[1]")."""
CONTEXT_LINES = 3
"""Lines kept above a match the view scrolls to, so it isn't glued to the top edge."""
NO_HEADINGS = "This article has no headings for ] and [ to go to."
NO_HEADING_BELOW = "No heading further down."
NO_HEADING_ABOVE = "No heading further up."


class _Whole(Generic[T]):
    """An attribute of the article's layout (a dotted path from the body), read once the
    whole of it is wrapped: the body lays out a long article's first screen first."""

    def __init__(self, path: str) -> None:
        self._get = attrgetter(path)

    def __get__(self, body: ArticleBody | None, owner: type | None = None) -> T:
        if body is None:  # looked up on the class
            return cast(T, self)
        body._finish_layout()
        return cast(T, self._get(body))


def _component(field_name: str) -> str:
    """The CSS component class of an `ArticleStyles` field (`quote_bar` → `article-body--quote-bar`)."""
    return "article-body--" + field_name.replace("_", "-")


class ArticleBody(KeyScrolledView, can_focus=True):
    """Header and body of one article (or a notice while it loads or when it failed)."""

    BINDINGS = [
        Binding("right_square_bracket", "heading(1)", "Next heading", show=False),
        Binding("left_square_bracket", "heading(-1)", "Previous heading", show=False),
    ]

    COMPONENT_CLASSES = {_component(name) for name in ArticleStyles.__dataclass_fields__} | {
        *MATCH_COMPONENTS,
        LINK_COMPONENT,
        NOTE_COMPONENT,
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
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
        self._built_with: ArticleStyles | None = None
        self._laid = typeset.Layout([], [])
        """The paragraphs wrapped so far: the first screen's, until the rest are (see
        `_layout`). Read through `_lines`, `_extents`… which wrap the rest first."""
        self._unfinished = False
        """`_laid` holds the first of `_paragraphs` only: the rest are to be wrapped."""
        self._resized_at: tuple[Place, int] | None = None
        """The place the last resize kept at the top of the view, and the line it is on."""
        self._width = 0
        """The column width `_laid` was wrapped for (0: not wrapped yet)."""
        self._laid_map = LineMap([])
        self._query = ""
        """The search shown (highlighted), "" when none."""
        self._matches: Spans | None = None
        self._current: int | None = None
        """The match the search is at, numbered from 0."""
        self._match_styles: tuple[Style, Style] | None = None
        self._laid_links = LinkSpans(self._laid_map, [], [])
        self._laid_addresses: list[str] = []
        self._link: int | None = None
        """The selected link, numbered from 0 (None: none)."""
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
    _links = _Whole[LinkSpans]("_laid_links")
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
        return "\n".join(p.text.plain for p in self._paragraphs if p.drawn)

    # -- what to show --------------------------------------------------------------------------
    def show_article(
        self, entry: Entry | None, article: Article, notice: str = "", place: Place | None = None
    ) -> None:
        """The article; `notice` replaces the partial-text line of its header (why the text
        is the feed's, when a fetch failed); `place` at the top of the view (see
        `reading_place`), else its start."""
        self._set(entry, article, notice, "", False)
        if place is None:
            return
        if self._width:
            self._go_to(place)
        else:  # on a screen not laid out yet: there once it is
            self._pending_place = place

    def _go_to(self, place: Place) -> None:
        if self._unfinished:  # wrapped down to the place only, not to the end (`_layout`)
            self._lay_out_to(place)
        if top := line_of(place, self._laid.extents, self._laid_map):
            # Forced: until the next refresh the view has the notice's overflow, no scrollbar,
            # and Textual refuses the scroll (it was made after that refresh: the first frame
            # showed the article's top, the place a frame and ~100 ms later).
            self.scroll_to(y=top, animate=False, immediate=True, force=True)

    @property
    def reading_place(self) -> Place | None:
        """Where the reader is in the article shown, once past its header: what reopening it
        comes back to (None: at its start, or no article shown)."""
        if self.article is None or self.top_line <= self._rule_line():
            return None
        return self._place()

    def show_more(self, entry: Entry | None, article: Article) -> None:
        """More of the article shown (its later pages came in, after the first page shown): the
        same line of text at the top of the view, the search and the selected link as they
        were. The first page's text, its matches and links come first in the whole article,
        in the same order; only the header's note has gone."""
        below_rule = self.top_line - self._rule_line()
        query, current, link = self._query, self._current, self._link
        self._set(entry, article, "", "", False)
        self._finish_layout()  # the line to keep at the top may be past the first screen's
        self.scroll_to(y=self._rule_line() + below_rule, animate=False, immediate=True)
        if query:
            self._find(query, self.top_line)
            if self._matches is not None and current is not None:
                self._current = min(current, self._matches.total - 1)
        if link is not None and link < self._links.total:
            self._link = link
        self.refresh()

    def _rule_line(self) -> int:
        """The line of the rule under the article's header (0 when there is none)."""
        for number, line in enumerate(self._laid.lines):  # in the header: laid out first
            text = line.text.strip()
            if len(text) > 3 and set(text) == {"─"}:
                return number
        return 0

    def show_notice(
        self, entry: Entry | None, message: str, hint: str = "", error: bool = False
    ) -> None:
        """The entry's header and one line instead of the body ("Fetching article…", a failure)."""
        self._set(entry, None, message, hint, error)

    def _set(
        self, entry: Entry | None, article: Article | None, message: str, hint: str, error: bool
    ) -> None:
        self._content = (entry, article, message, hint, error)
        self._drop_selection()  # its lines and characters were the text shown before
        self._pending_place = None
        self._query, self._matches, self._current = "", None, None
        self._link = None
        self._jumps, self._note = [], None
        self._build()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def _build(self, place: Place | None = None) -> None:
        """Paragraphs for the content, laid out with `place` at the top (the same content
        restyled; None for new content)."""
        entry, article, message, hint, error = self._content
        styles = self._built_with = self._styles()
        paragraphs = typeset.header(entry, article, styles, message if article else "")
        self._head, self._compact = len(paragraphs), False
        self._header_paragraphs = self._head if article is not None else 0
        if article is not None:
            paragraphs += typeset.body(article, styles)
            if not article.incomplete:  # its next pages on their way: not the end yet
                paragraphs.append(typeset.end_mark(styles))
        elif message:
            paragraphs += typeset.notice(
                message, hint, styles.error if error else styles.notice, styles
            )
        self._paragraphs = paragraphs
        self._resized_at = None
        self._unfinished = False  # `_laid` is the old paragraphs' until `_layout`
        self._width = 0
        self._layout(place)

    def _styles(self) -> ArticleStyles:
        get = self.get_component_rich_style
        return ArticleStyles(
            **{name: get(_component(name)) for name in ArticleStyles.__dataclass_fields__}
        )

    def action_heading(self, step: int) -> None:
        """`]` / `[`: the next heading below the top line (`step` 1), or the previous one above
        it (-1), to the top of the view: a long read's next section, a live blog's next
        update. When there is none (or the view can't scroll further), a notice says so: a
        bell alone is silent in many terminals, and the key would seem to do nothing."""
        top, bottom = self.top_line, round(self.max_scroll_y)
        if step > 0:
            target = next((h for h in self._headings if min(h, bottom) > top), None)
        else:
            target = next((h for h in reversed(self._headings) if h < top), None)
        if target is None:
            self.app.bell()
            if self._headings:
                self.notify(NO_HEADING_BELOW if step > 0 else NO_HEADING_ABOVE, timeout=2)
            elif self.article is not None:  # not while "Fetching…" stands in its place
                self.notify(NO_HEADINGS, timeout=2)
            return
        self.scroll_to(y=target, animate=False, immediate=True)

    # -- search --------------------------------------------------------------------------------
    @property
    def query(self) -> str:
        """The search shown ("" when none)."""
        return self._query

    @property
    def match_count(self) -> int:
        return self._matches.total if self._matches else 0

    @property
    def current_match(self) -> int | None:
        """The match the search is at, numbered from 1 (None: no match)."""
        return None if self._current is None else self._current + 1

    @property
    def top_line(self) -> int:
        """The line at the top of the view."""
        return round(self.scroll_y)

    def search(self, query: str, from_line: int) -> int:
        """Highlight every match of `query` and go to the first at or below screen line
        `from_line` (else the first of all), with the view back at `from_line` first (a search
        typed letter by letter starts each time from where it was opened); the number of
        matches. With none, the view stays at `from_line`."""
        self.scroll_to(y=from_line, animate=False, immediate=True)
        self._find(query, from_line)
        self._reveal()
        self.refresh()
        return self.match_count

    def _find(self, query: str, from_line: int) -> None:
        self._matches = find_in_article.find(self._line_map, query)
        self._query = query if self._matches is not None else ""
        self._current = self._matches.first_from(from_line) if self._matches else None

    def step_match(self, step: int) -> bool:
        """Go to the next match (`step` 1) or the previous one (-1), round the ends: True when
        that wrapped round."""
        if self._matches is None or self._current is None:
            return False
        before = self._current
        self._current = (before + step) % self._matches.total
        self._reveal()
        self.refresh()
        return (self._current < before) if step > 0 else (self._current > before)

    def select_match(self, number: int) -> None:
        """Make match `number` (from 1) the current one, without scrolling."""
        if self._matches is not None and 1 <= number <= self._matches.total:
            self._current = number - 1
            self.refresh()

    def clear_search(self) -> None:
        self._query, self._matches, self._current = "", None, None
        self.refresh()

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

    # -- links ---------------------------------------------------------------------------------
    @property
    def link_count(self) -> int:
        """How many links Tab can select."""
        return self._links.total

    @property
    def selected_link(self) -> int | None:
        """The selected link, numbered from 1 (None: none)."""
        return None if self._link is None else self._link + 1

    @property
    def link_address(self) -> str:
        """The selected link's address, untrusted ("" when none is selected)."""
        return "" if self._link is None else self._addresses[self._link]

    @property
    def has_links(self) -> bool:
        """There are links for Tab to select: told before a long article is all laid out."""
        if self._unfinished:
            return any(typeset.has_links(paragraph) for paragraph in self._paragraphs)
        return bool(self._laid_links.total)

    def step_link(self, step: int) -> bool:
        """Select the next link (`step` 1) or the previous one (-1), round the ends, and scroll
        it into view: True when that wrapped round. With none selected yet, the first link from
        the top of the view (the last one above its bottom)."""
        total = self._links.total
        if not total:
            return False
        before = self._link
        if before is None:
            if step > 0:
                self._link = self._links.first_from(self.top_line)
            else:
                bottom = self.top_line + self.scrollable_content_region.height
                self._link = ((self._links.first_from(bottom) or total) - 1) % total
        else:
            self._link = (before + step) % total
        self._scroll_to_span(self._links, self._link)
        self.refresh()
        if before is None or self._link is None:
            return False
        return (self._link < before) if step > 0 else (self._link > before)

    def clear_link(self) -> None:
        self._link = None
        self.refresh()

    # -- links within the article (a note's number to the note) --------------------------------
    def target_of(self, address: str) -> int | None:
        """The paragraph a link to `address` leads to within the article (see `anchors`)."""
        return anchors.target(address, self.article, self._content[0], self._paragraphs)

    def follow(self, paragraph: int) -> None:
        """Go to `paragraph` (a link's `target_of`), marked, a few lines below the top; where
        the view was, and its selected link, are kept for `go_back`."""
        self._jumps = [*self._jumps[-anchors.MAX_JUMPS + 1 :], (self._place(), self._link)]
        self._link = None  # off screen now: Tab starts again from the note
        self._note = paragraph
        self._show_note()
        self.refresh()

    def _show_note(self) -> None:
        """Scroll the note led to into view, a few lines below the top, unless it is in view
        (a resize keeps it so, as it keeps a match or a link)."""
        lines = self._extents[self._note] if self._note is not None else range(0)
        top, height = self.top_line, self.scrollable_content_region.height
        if not lines or (top <= lines.start and lines.stop <= top + height):
            return
        context = min(CONTEXT_LINES, height // 4)
        self.scroll_to(y=max(0, lines.start - context), animate=False, immediate=True)

    def _note_lines(self) -> range:
        """The screen lines of the note led to (none when no note, or not wrapped yet)."""
        extents = self._laid.extents
        if self._note is None or self._note >= len(extents):
            return range(0)
        return extents[self._note]

    @property
    def followed(self) -> bool:
        """A link within the article was followed: `go_back` has a place to go back to."""
        return bool(self._jumps)

    def go_back(self) -> None:
        """Back to where the view was before the last link it followed, that link selected."""
        place, link = self._jumps.pop()
        self._note = None
        top = None if place is None else line_of(place, self._extents, self._line_map)
        self.scroll_to(y=top or 0, animate=False, immediate=True)
        self._link = link if link is not None and link < self._links.total else None
        self.refresh()

    # -- layout and drawing --------------------------------------------------------------------
    def _available(self) -> int:
        """The width lines may take: the content region less the vertical scrollbar's, whether
        or not it is shown yet. The scrollbar appears only once the lines are wrapped (they
        decide the height), without a resize: lines wrapped for the width without it were cut
        off at the right."""
        return max(0, self.content_region.width - self.styles.scrollbar_size_vertical)

    def _column(self) -> tuple[int, int]:
        """Width of the text column and the left margin that centres it."""
        available = self._available()
        column = max(20, min(typeset.MAX_COLUMN, available - 2))
        return column, max(0, (available - column) // 2)

    def _place(self) -> Place | None:
        """Where the reader is in the text: what `_layout` keeps at the top of the view."""
        if self._resized_at is not None and self._resized_at[1] == self.top_line:
            return self._resized_at[0]  # not moved since the last resize: the place it kept
        if self.top_line >= len(self._laid.lines):
            self._finish_layout()  # scrolled (a wheel) past the first screen before the rest came
        extents = self._laid.extents
        return place_at(extents, self._laid_map, self.top_line) if extents else None

    def _layout(self, place: Place | None = None) -> None:
        """Wrap the paragraphs for the width, when it changed, with `place` at the top of the
        view (a line number would land paragraphs away: the text above it took more or fewer
        lines)."""
        column, _margin = self._column()
        if self._available() <= 0 or column == self._width:
            return
        # What was in view, in the view as it was: on a resize the height is the new one.
        shown = self._shown_height
        in_view = self._visible(self._matches, self._current, shown)
        link_in_view = self._visible(self._laid_links, self._link, shown)  # all laid out if any
        # A passage chosen by keyboard is chosen again on the new lines, in place of the old
        # selection (dropped first, the screen would then tell this widget it had gone, after
        # it was chosen again).
        keyed = self._keyed_places(shown)
        if keyed is None:
            self._drop_selection()  # its lines and characters were those of another wrapping
        if self._pending_place is not None:
            place, self._pending_place = self._pending_place, None
        self._fit_header(column)
        self._width = column
        self._laid, self._unfinished = typeset.Layout([], []), False
        if self._matches is not None or self._link is not None or keyed is not None:
            self._lay_out()  # found again on all the lines
        else:
            # The first screen now, from `place`; the rest once it is drawn (`_finish_layout`):
            # 10,000 words took 70–110 ms to wrap, on a slow machine, before anything showed.
            self._lay_out_to(place)
        laid = self._laid  # wrapped as far as `place` at least: not `_extents`, which wraps all
        if place is not None and (top := line_of(place, laid.extents, self._laid_map)) is not None:
            self.scroll_to(y=top, animate=False, immediate=True, force=True)  # see `_go_to`
        # The same links whatever the width: a selected one stays selected, on its new lines.
        if self._link is not None and self._link >= self._links.total:
            self._link = None
        if link_in_view:
            self._scroll_to_span(self._links, self._link)
        if self._matches is not None:
            # Re-wrapped (a resize, a theme): the same matches on their new lines. A table's
            # lines may now hold other matches: then the search starts again from the top line.
            total, current = self._matches.total, self._current
            self._find(self._query, self.top_line)
            if self._matches is not None and self._matches.total == total:
                self._current = current
            if in_view:
                self._reveal()
        if keyed is not None:
            self._choose_again(*keyed)
        self._shown_height = self.scrollable_content_region.height
        self.refresh()

    def _compact_wanted(self, column: int) -> bool:
        """Whether the whole header, `column` wide, would take more than half the view's
        height: at 40×12 the first screen was all title, byline, dates and address, without a
        word of the article. (At 80×24 and up it takes less.)"""
        entry, article, message, _hint, _error = self._content
        if self._built_with is None or not self._head:
            return False
        whole = typeset.header(entry, article, self._built_with, message if article else "")
        lines = len(typeset.layout(whole, column, self.app.console).lines)
        return lines > self.scrollable_content_region.height // 2

    def _fit_header(self, column: int) -> None:
        """The header for a layout `column` wide: the whole, or the compact one (title, one
        line of source, author and date, the notes) when the view is too low for the whole.
        The same number of paragraphs either way: a place's paragraph stays the same."""
        compact = self._compact_wanted(column)
        if not compact and not self._compact:
            return  # the whole header, as built
        entry, article, message, _hint, _error = self._content
        assert self._built_with is not None  # `_compact_wanted` said so
        note = message if article else ""
        head = typeset.header(entry, article, self._built_with, note, column if compact else 0)
        self._paragraphs[: self._head] = head
        self._compact = compact

    def _lay_out_to(self, place: Place | None) -> None:
        """Wrap the paragraphs that fill the view from `place` (else the start), where `_laid`
        doesn't hold them yet, and the rest once that is drawn. `place`'s paragraph must be
        wrapped to know its line."""
        laid, height = self._laid, max(1, self.scrollable_content_region.height)
        top = 0
        if place is not None:
            while len(laid.extents) <= place.paragraph < len(self._paragraphs):
                typeset.layout(
                    self._paragraphs, self._width, self.app.console, laid, len(laid.lines) + height
                )
            top = line_of(place, laid.extents, LineMap(laid.runs)) or 0
        self._lay_out(top + 2 * height)  # a key pressed at once still finds lines
        unfinished = len(laid.extents) < len(self._paragraphs)
        if unfinished and not self._unfinished:
            self.call_after_refresh(self._finish_layout, laid)
        self._unfinished = unfinished

    def _finish_layout(self, laid: typeset.Layout | None = None) -> None:
        """Wrap the paragraphs not wrapped yet (the layout `laid`'s, when it is still the one
        shown): after the first screen is drawn, or at once when anything needs them all."""
        if self._unfinished and (laid is None or laid is self._laid):
            self._unfinished = False
            self._lay_out()
            self.refresh()

    def _lay_out(self, lines_wanted: int | None = None) -> None:
        """Wrap more paragraphs into `_laid`, `lines_wanted` lines' worth (None: all), and
        update what goes by the lines: the runs' map, the links, the scrollable height."""
        laid = typeset.layout(
            self._paragraphs, self._width, self.app.console, self._laid, lines_wanted
        )
        self._laid_map = LineMap(laid.runs)
        self._sentences = None  # they go by the map
        self._laid_links = find_in_article.links(self._laid_map)
        addresses = [address for run in laid.runs for _, _, address in run.links]
        self._laid_addresses = [addresses[pieces[0]] for pieces in self._laid_links.pieces]
        height = len(laid.lines)
        if len(laid.extents) < len(self._paragraphs):
            # Not all wrapped: the rest's lines reckoned from their characters, so the
            # scrollbar hardly moves once they are.
            done = sum(len(p.text) for p in self._paragraphs[: len(laid.extents)])
            total = sum(len(p.text) for p in self._paragraphs)
            height = max(height, height * total // max(1, done))
        # A blank line at the end so the last line isn't glued to the status bar.
        self.virtual_size = Size(self.scrollable_content_region.width, height + 1)

    def _keyed_places(self, height: int) -> tuple[list[Place | None], str, bool] | None:
        """Where the passage chosen by keyboard starts and where its last sentence starts, as
        places a re-wrap keeps (None: in a table), its words, and whether some of it is in
        view, `height` lines high (None: no passage chosen)."""
        if self._keyed is None:
            return None
        spans = self._sentence_spans()
        first, last = self._keyed
        places = [
            place_of(*spans.start_of(index), self._extents, self._line_map)
            for index in (first, last)
        ]
        top = self.top_line
        in_view = (
            spans.span_lines(first)[0] < top + (height or self.scrollable_content_region.height)
            and spans.span_lines(last)[1] >= top
        )
        return places, self.selected_text, in_view

    def _choose_again(self, places: list[Place | None], quoting: str, in_view: bool) -> None:
        """The passage chosen by keyboard from `places`, reading `quoting`, selected again on
        the lines of a new wrapping, and kept in view when it was; dropped (and the screen
        told) when it can't be found whole again (it starts or ends in a table, rewrapped by
        its cells)."""
        spans = self._sentence_spans()
        first, last = (
            None if place is None else run_of(place, self._extents, self._line_map)
            for place in places
        )
        if first is not None and last is not None:
            start, end = spans.at(*first), spans.at(*last)
            if start is not None and end is not None:
                self._choose(start, end, follow=in_view)
        if self.selected_text != quoting:
            self._drop_selection()

    def on_resize(self, _event: events.Resize) -> None:
        # Made only lower or higher, the lines stay as wrapped (`_layout` does nothing): what
        # was in view of the search and the links is brought back into it here.
        match_seen = self._visible(self._matches, self._current, self._shown_height)
        link_seen = self._visible(self._laid_links, self._link, self._shown_height)
        note_lines = self._note_lines()
        top, height = self.top_line, self._shown_height or self.scrollable_content_region.height
        note_seen = bool(note_lines) and top <= note_lines.start and note_lines.stop <= top + height
        place = self._place()
        column = self._column()[0]
        if column == self._width and self._compact_wanted(column) != self._compact:
            self._width = 0  # lower or higher past where the header fits: laid out again
        self._layout(place)
        # The place a line starts at one width falls inside a line at another: found again
        # from the new top line, each resize crept back up to a line (120, 60, 40 and 200
        # columns: a sentence). Until the view moves, the next resize keeps this one's place.
        self._resized_at = None if place is None else (place, self.top_line)
        if match_seen:
            self._reveal()
        if link_seen:
            self._scroll_to_span(self._links, self._link)
        if note_seen:
            self._show_note()
        self._shown_height = self.scrollable_content_region.height

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Styles are baked into the paragraphs: rebuild when the theme really changed them
        # (not on every focus change, which also lands here).
        self._match_styles = self._link_style = self._passage_style = self._note_style = None
        if self.is_mounted and self._paragraphs and self._styles() != self._built_with:
            self._build(self._place())

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        # Shown only once the article's lines are in, after `_go_to` scrolled to its place
        # (the notice before it had no scrollbar to move): its thumb was drawn at the top
        # until the next scroll.
        if shown:
            self.vertical_scrollbar.position = self.scroll_y

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        # Moved past the lines wrapped so far before the rest came (the scrollbar dragged, a
        # fast wheel): the rest now, or the view would be drawn blank for a frame.
        if self._unfinished and round(new_value) + self.size.height > len(self._laid.lines):
            self._finish_layout()
        super().watch_scroll_y(old_value, new_value)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        number = y + round(self.scroll_y)
        if number >= len(self._laid.lines):  # past the end, or not wrapped yet
            return Strip.blank(width, base)
        _column, margin = self._column()
        line = self._laid.lines[number]
        if self._matches is not None and (marks := self._matches.marks(number)):
            if self._match_styles is None:
                match, current = (self.get_component_rich_style(n) for n in MATCH_COMPONENTS)
                self._match_styles = (match, current)
            line = find_in_article.highlight(line, marks, self._current, self._match_styles)
        if self._note is not None and number in self._note_lines():
            if self._note_style is None:
                self._note_style = self.get_component_rich_style(NOTE_COMPONENT)
            line = passage.highlight(line, anchors.drawn_span(line.text), self._note_style)
        if self._link is not None:
            line = self._highlight_link(number, line)
        if (selected := self._selection_bounds()) is not None and (
            span := passage.span(selected, number, line.text)
        ) is not None:
            line = passage.highlight(line, span, self._selection_style())
        # Each cell says where it is in `lines`, so a drag of the mouse selects the text under
        # it (Textual's text selection); the margin's cells say "before the line's start".
        line = line.apply_offsets(0, number)
        margin_strip = Strip.blank(margin).apply_offsets(-margin, number)
        return Strip.join([margin_strip, line]).apply_style(base).crop_extend(0, width, base)

    # -- the passage selected (Textual's text selection, a drag of the mouse) -----------------
    def _selection_style(self) -> Style:
        """The theme's selection colours over the text's own. The theme gives a translucent
        background and a "transparent" foreground (keep the text's); as a Rich style both come
        out as one opaque colour, and the selected words vanished into their background."""
        if self._passage_style is None:
            styles = self.screen.get_component_styles("screen--selection")
            _base, background = self.background_colors
            over = background + styles.background
            color = styles.color if styles.color.a > 0 else None
            self._passage_style = Style(
                bgcolor=over.rich_color,
                color=None if color is None else (background + color).rich_color,
            )
        return self._passage_style

    def _selection_bounds(self) -> passage.Bounds | None:
        selection = self.text_selection
        if selection is None:
            return None
        height = self.scrollable_content_region.height
        return passage.bounds(selection, self._lines, self.top_line, height)

    @property
    def selected_text(self) -> str:
        """The article's own words under the selection (see `passage.words`)."""
        selected = self._selection_bounds()
        return "" if selected is None else passage.words(selected, self.lines, self._line_map)

    def _drop_selection(self) -> None:
        self._forget_passage()
        if self.is_attached and self in self.screen.selections:
            self.screen.selections = {
                widget: kept
                for widget, kept in self.screen.selections.items()
                if widget is not self
            }

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """Textual's question: the text under the selection (see `selected_text`)."""
        return self.selected_text, "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        if selection != self._keyed_selection:  # a drag of the mouse, or dropped
            self._forget_passage()
        dragged = None if selection == self._keyed_selection else selection
        if (dragged is None) != (self._dragged is None):
            self.post_message(PassageChanged())  # the key bar's Esc drops it, or not
        self._dragged = dragged
        self.refresh()

    def _forget_passage(self) -> None:
        if self._keyed is not None:
            self.post_message(PassageChanged())
        self._keyed = self._keyed_selection = None

    # -- a passage chosen by keyboard, a sentence at a time ------------------------------------
    @property
    def passage_sentences(self) -> int:
        """How many sentences the passage chosen by keyboard has (0: none chosen so)."""
        return 0 if self._keyed is None else self._keyed[1] - self._keyed[0] + 1

    def choose_passage(self) -> bool:
        """`v`: select the sentence at the search's current match, else at the selected link,
        else the first sentence of the article's text starting in view (the header's only when
        no text is in view; the one running through the top line when none starts there). False when there is no text."""
        spans = self._sentence_spans()
        if not spans.total:
            return False
        anchor: int | None = None
        for found, index in ((self._matches, self._current), (self._links, self._link)):
            if found is not None and index is not None:
                anchor = spans.at(*found.start_of(index))
                break
        if anchor is None:
            anchor = self._sentence_in_view(spans)
        self._choose(anchor, anchor)
        return True

    def grow_passage(self, step: int) -> bool:
        """`)`: the passage chosen by keyboard one sentence longer (`step` 1), `(`: one shorter
        (-1), never shorter than its first sentence. False when it can't."""
        if self._keyed is None or self._sentences is None:
            return False
        first, last = self._keyed
        wanted = max(first, min(last + step, self._sentences.total - 1))
        if wanted == last:
            return False
        self._choose(first, wanted)
        return True

    def _sentence_spans(self) -> Spans:
        if self._sentences is None:
            runs = self._line_map.runs
            self._sentences = Spans(self._line_map, [sentences(run.text) for run in runs])
        return self._sentences

    def _sentence_in_view(self, spans: Spans) -> int:
        top = self.top_line
        height = max(1, self.scrollable_content_region.height)
        # The article's text, not its header: an article shorter than the view can't scroll
        # its header away, and every passage began with the title or the byline.
        start = top
        if len(self._extents) > self._header_paragraphs > 0:
            text_top = self._extents[self._header_paragraphs].start
            start = max(top, text_top) if text_top < top + height else top
        first = spans.first_from(start) or 0
        if start <= spans.span_lines(first)[0] < top + height:
            return first
        # A long paragraph fills the view: the sentence its top line is in.
        on_top = self._line_map.by_line.get(top)
        if on_top:
            run, piece = on_top[0]
            found = spans.at(run, self._line_map.runs[run].pieces[piece][1])
            if found is not None:
                return found
        return first

    def _point(self, run: int, offset: int, end: bool = False) -> Offset:
        """Where character `offset` of `run` is on the screen lines, as a selection names it
        (`end`: just after the character before it)."""
        pieces = self._line_map.runs[run].pieces
        wanted = offset - 1 if end and offset > 0 else offset
        k = min(bisect_right(self._line_map.piece_ends[run], wanted), len(pieces) - 1)
        line, begin, finish, cell = pieces[k]
        at = passage.character_at_cell(self._lines[line].text, cell)
        return Offset(at + min(max(offset, begin), finish) - begin, line)

    def _choose(self, first: int, last: int, follow: bool = True) -> None:
        """Select sentences `first` to `last` as the passage, with its end in view (unless not
        to `follow` it)."""
        spans = self._sentence_spans()
        start = self._point(*spans.start_of(first))
        end = self._point(*spans.end_of(last), end=True)
        selection = Selection(start, end)
        self._keyed, self._keyed_selection = (first, last), selection
        self.screen.selections = {**self.screen.selections, self: selection}
        if not follow:
            self.refresh()
            return
        top, height = self.top_line, max(1, self.scrollable_content_region.height)
        if end.y >= top + height:
            self.scroll_to(y=end.y - height + 1, animate=False, immediate=True)
        elif start.y < top:
            context = min(CONTEXT_LINES, height // 4)
            self.scroll_to(y=max(0, start.y - context), animate=False, immediate=True)
        self.refresh()

    def _highlight_link(self, number: int, line: Strip) -> Strip:
        """Screen line `number` with the selected link's cells in its style, when it is there."""
        assert self._link is not None
        first, last = self._links.span_lines(self._link)
        if not first <= number <= last:
            return line
        marks = [mark for mark in self._links.marks(number) if mark[2] == self._link]
        if self._link_style is None:
            self._link_style = self.get_component_rich_style(LINK_COMPONENT)
        return find_in_article.highlight(line, marks, None, (self._link_style, self._link_style))
