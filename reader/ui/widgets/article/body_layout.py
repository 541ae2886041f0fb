"""The wrapping of the reading view's text for the width of its column.

The article's paragraphs are built and wrapped once per width, and only the lines on screen are
drawn. A long article's first screen (from the place it was left at, when it reopens there) is
built and wrapped before the first frame, the rest after it, a slice at a time with the keys
and frames waiting between two: 120,000 words took 1–5 s to build and wrap, and done at once
(before the first frame, or right after it) no key was answered meanwhile. A key moving the
view past what is wrapped wraps down to there; `G` waits for the slices to reach the end; what
needs every line at once (a search, `]`, Tab, a passage) wraps the rest first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import islice
from time import perf_counter

from rich.text import Text
from textual.geometry import Size

from ...keymap import keymap_of
from ...messages import NotesFolded
from . import article_header, find_in_article, typeset
from .body_highlights import ArticleHighlighted
from .find_in_article import LineMap
from .paragraph import Layout
from .reading_place import Place, line_of

SLICE_SECONDS = 0.012
"""The work of one slice while the rest of a long article is laid out after its first screen
(`_lay_out_more`): keys are answered and frames drawn between two."""
SLICE_LINES = 40
"""Lines wrapped at a time within a slice (a slice ends once it has taken `SLICE_SECONDS`)."""
BUILT_AT_ONCE = 16
"""Paragraphs of a huge article built at a time, as many as the lines asked for need."""
FOLD_NOTES_BELOW = 18
"""A view lower than this many lines (a terminal under 20, less the status and key bars) shows
the notes at the head of a story folded to their first line: at 40×12 a long editor's note
filled the first screen, and not a word of the story was on it."""


def fold_mark(key: str | None) -> str:
    """After a folded note's first line: there is more, and `key`, the key in force that shows
    it whole (None: no key does)."""
    return f" … {key}" if key else " …"


FOLD_MARK = fold_mark("z")
"""The mark with the default key."""
FAR_PARAGRAPHS = 2000
"""Paragraphs past those laid out from which a reading place an article reopens at waits for
the slices (`go_there_once_laid_out`): down to the place at once, a 700,000-word article
(9,000 paragraphs) kept its reader on "Opening…" for 4 s of work before anything showed
(acc30b P1); a place 1,000 paragraphs down (40,000 words) is still opened at at once."""
GOING_BACK = "Back to where you were once the text is laid out…"


class ArticleLayout(ArticleHighlighted):
    """The reading view's text, wrapped (see `ArticleBody`)."""

    tags: tuple[str, ...] = ()
    """The tags the article shown is filed under, its header's byline names (`show_tags`)."""

    def _layout(self, place: Place | None = None) -> None:
        """Wrap the paragraphs for the width, when it changed, with `place` at the top of the
        view (a line number would land paragraphs away: the text above it took more or fewer
        lines)."""
        column, _margin = self._column()
        wide = self._available() - 2  # a table may take the terminal's width (`table_layout`)
        if self._available() <= 0 or (column == self._width and wide == self._laid.wide):
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
            if self.place_is_far(place):  # from the start; there once laid out
                self.call_after_refresh(self.go_there_once_laid_out, place)
                place = None
        self._fit_header(column)
        self._fit_notes()
        self._width = column
        self._laid, self._unfinished = Layout([], [], wide=wide), False
        self._text_laid = (0, 0)
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
            before, current = self._matches, self._current
            self._find(self._query, self.top_line)
            if self._matches is not None and current is not None:
                same = self._same_match(before, current)
                if same is not None:
                    self._current = same
                elif self._matches.total == before.total:
                    self._current = current
            if in_view:
                self._reveal()
        if keyed is not None:
            self._choose_again(*keyed)
        self._shown_height = self.scrollable_content_region.height
        self.refresh()

    @property
    def copies_key(self) -> str | None:
        """The key in force that shows an article's other copies kept, as the header names
        it (the user's `[keys]` may move `V`)."""
        return keymap_of(self.app).key("earlier_version", "an article")

    @property
    def changes_key(self) -> str | None:
        """The key in force that shows what changed between two copies (`d`, as `[keys]` has
        it), as the header names it."""
        return keymap_of(self.app).key("show_changes", "an article")

    def _compact_wanted(self, column: int) -> bool:
        """Whether the whole header, `column` wide, would take more than half the view's
        height: at 40×12 the first screen was all title, byline, dates and address, without a
        word of the article. (At 80×24 and up it takes less.)"""
        entry, article, message, _hint, _error = self._content
        if self._built_with is None or not self._head:
            return False
        note = message if article else ""
        whole = article_header.header(
            entry,
            article,
            self._built_with,
            note,
            copies_key=self.copies_key,
            changes_key=self.changes_key,
            tags=self.tags,
        )
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
        head = article_header.header(
            entry,
            article,
            self._built_with,
            note,
            column if compact else 0,
            self.copies_key,
            self.changes_key,
            self.tags,
        )
        self._paragraphs[: self._head] = head
        self._compact = compact

    def _notes_fold_wanted(self) -> bool:
        """Whether the notes at the head of the story are to be folded: in a low view, until
        the reader unfolds them (False when it has none)."""
        if self._notes_opened or self.scrollable_content_region.height >= FOLD_NOTES_BELOW:
            return False
        return any(paragraph.note for paragraph in self._paragraphs)

    def _fit_notes(self, start: int | None = None) -> None:
        """The notes folded (`fold`'s mark set), or whole, as `_notes_fold_wanted` says; those
        from paragraph `start` on (just built) as the others are."""
        fold = self._notes_fold_wanted()
        changed = fold != self._notes_folded
        if (not changed and start is None) or self._built_with is None:
            return
        key = keymap_of(self.app).key("whole_note", "an article")
        mark = Text(fold_mark(key), self._built_with.meta) if fold else None
        first = 0 if changed or start is None else start
        for number in range(first, len(self._paragraphs)):
            paragraph = self._paragraphs[number]
            if paragraph.note and paragraph.fold != mark:
                self._paragraphs[number] = replace(paragraph, fold=mark)
        if changed:
            self._notes_folded = fold
            self.post_message(NotesFolded())

    def _built_more(self, start: int) -> None:
        # A huge article's paragraphs are built as they are laid out: the notes at the head
        # of the story among them are folded or not before they are laid out.
        if any(paragraph.note for paragraph in islice(self._paragraphs, start, None)):
            self._fit_notes(start)

    def _lay_out_to(self, place: Place | None) -> None:
        """Wrap the paragraphs that fill the view from `place` (else the start), where `_laid`
        doesn't hold them yet, and the rest a slice at a time once that is drawn. `place`'s
        paragraph must be wrapped to know its line."""
        laid, height = self._laid, max(1, self.scrollable_content_region.height)
        top = 0
        if place is not None:
            self._build_more(place.paragraph + 1)
            while len(laid.extents) <= place.paragraph < len(self._paragraphs):
                typeset.layout(
                    self._paragraphs, self._width, self.app.console, laid, len(laid.lines) + height
                )
            top = line_of(place, laid.extents, LineMap(laid.runs)) or 0
        self._lay_out(top + 2 * height)  # a key pressed at once still finds lines
        if self._unfinished and self._slicing is not laid:
            self._slicing = laid
            self.call_after_refresh(self._lay_out_more, laid)

    def _lay_out_more(self, laid: Layout) -> None:
        """One slice of the rest of the layout `laid` (`SLICE_SECONDS` of work), then the next
        once the keys and frames waiting meanwhile are done: 120,000 words took 1–5 s to wrap,
        and in one go no key was answered and nothing drawn meanwhile. The slices stop when
        another layout replaces `laid` (another article, `V`, a resize, a theme)."""
        if laid is not self._laid or not self._unfinished:
            return  # replaced, or finished at once for something that needed every line
        # Longer slices while `G` or a search waits for the end: the reader is waiting too.
        ends = perf_counter() + SLICE_SECONDS * (4 if self._after_layout else 1)
        while self._unfinished:
            self._lay_out(len(laid.lines) + SLICE_LINES, keep_height=True)
            if perf_counter() >= ends:
                break
        if self._unfinished:
            self.call_after_refresh(self._lay_out_more, laid)

    def _lay_out_through(self, y: float) -> None:
        """Wrap at least the lines a view with its top at line `y` shows, and a screen below
        them: a key or the wheel moving past the slices laid out so far finds its lines."""
        height = max(1, self.scrollable_content_region.height)
        wanted = round(y) + 2 * height
        if self._unfinished and wanted > len(self._laid.lines):
            self._lay_out(wanted, keep_height=True)
            self.refresh()

    def _finish_layout(self) -> None:
        """Wrap the paragraphs not wrapped yet at once: what needs every line (a search, `]`,
        Tab, a passage) asks for them."""
        if self._unfinished:
            self._lay_out()
            self.refresh()

    def place_is_far(self, place: Place) -> bool:
        """`place` is more than `FAR_PARAGRAPHS` past the paragraphs laid out."""
        return place.paragraph - len(self._laid.extents) > FAR_PARAGRAPHS

    def go_there_once_laid_out(self, place: Place) -> None:
        """The text from its start, a reading place far down gone to once the slices have
        laid out the whole (`when_laid_out`), unless the reader has moved meanwhile."""
        laid = self._laid

        def there() -> None:
            if self._laid is laid and self.scroll_y == 0:
                top = line_of(place, laid.extents, self._laid_map)
                if top:
                    self.scroll_to(y=top, animate=False, immediate=True, force=True)

        if not self.when_laid_out(there, GOING_BACK):
            there()

    @property
    def laying_out(self) -> bool:
        """The rest of the text is being laid out, a slice at a time (see `_lay_out_more`)."""
        return self._unfinished

    def when_laid_out(self, action: Callable[[], object], notice: str = "") -> bool:
        """Do `action` once the whole text is laid out (True: it is to wait, and `notice`, if
        any, says so), or say it can be done now (False). The slices go on meanwhile and keys
        are answered: done at once, the rest of a huge article froze the view for seconds.
        Another text shown drops what waited for this one."""
        if not self._unfinished:
            return False
        if notice and not self._after_layout:
            self.notify(notice, timeout=2, markup=False)
        self._after_layout.append(action)
        return True

    def _lay_out(self, lines_wanted: int | None = None, keep_height: bool = False) -> None:
        """Wrap more paragraphs into `_laid`, `lines_wanted` lines' worth (None: all), and
        update what goes by the lines: the runs' map, the links (once all are wrapped), the
        scrollable height (`keep_height`: as reckoned before, unless the lines outgrow it, so
        that a slice laid out doesn't lay out the screen again)."""
        if lines_wanted is None:
            self._build_more()
        while True:
            laid = typeset.layout(
                self._paragraphs, self._width, self.app.console, self._laid, lines_wanted
            )
            if self._more is None or (lines_wanted is not None and len(laid.lines) >= lines_wanted):
                break
            self._build_more(len(self._paragraphs) + BUILT_AT_ONCE)
        if self._laid_map.runs is laid.runs:
            self._laid_map.extend()
        else:
            self._laid_map = LineMap(laid.runs)
        self._sentences = None  # they go by the map
        height = len(laid.lines)
        self._unfinished = len(laid.extents) < len(self._paragraphs) or self._more is not None
        if self._unfinished:
            # Not all wrapped: the rest's lines reckoned from their characters, so the
            # scrollbar hardly moves once they are.
            counted, done = self._text_laid
            done += sum(len(p.text) for p in islice(self._paragraphs, counted, len(laid.extents)))
            self._text_laid = (len(laid.extents), done)
            total = self._text_total
            if keep_height:
                height = max(height, self.virtual_size.height - 1)
            else:
                height = max(height, height * total // max(1, done))
            self._laid_links = find_in_article.PiecedSpans(self._laid_map, [], [])
            self._laid_addresses = []
        else:
            # Tab and the links' keys read them: worked out once, not again for each slice.
            self._laid_links = find_in_article.links(self._laid_map)
            addresses = [address for run in laid.runs for _, _, address in run.links]
            self._laid_addresses = [addresses[pieces[0]] for pieces in self._laid_links.pieces]
        # A blank line at the end so the last line isn't glued to the status bar.
        self.virtual_size = Size(self.scrollable_content_region.width, height + 1)
        if not self._unfinished:
            self._slicing = None
        if not self._unfinished and self._after_layout:
            waiting, self._after_layout = self._after_layout, []
            for action in waiting:
                action()
