"""The reading view's links: the one Tab selected, and the notes a link within the article led
to (Enter on "[1]"), with the way back (Esc)."""

from __future__ import annotations

from textual.strip import Strip

from . import anchors, find_in_article, table_links
from .block_paragraphs import linked
from .body_search import CONTEXT_LINES, ArticleSearch
from .reading_place import line_of

LINK_COMPONENT = "article-body--link-selected"
"""The component class of the selected link (Tab)."""
NOTE_COMPONENT = "article-body--note"
"""The component class of the note a link within the article led to (Enter on "[1]")."""


class ArticleLinks(ArticleSearch):
    """The reading view's text, its links selected and followed (see `ArticleBody`)."""

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
            if any(table_links.has_links(paragraph) for paragraph in self._paragraphs):
                return True
            article = self.article
            return self._more is not None and article is not None and linked(article.blocks)
        return bool(self._laid_links.total)

    def selected_line(self) -> int | None:
        """The line of the view the selected link (Tab) starts on, or the search's match (`n`)
        when it was gone to since, where the terminal cursor goes for a screen reader
        (`reading_cursor`), which reads that line; with neither, the view's top line. On the
        view's top line, `n` read whatever that line was, not the match (status43)."""
        if self._link is not None and not (self._cursor_on_match and self._current is not None):
            first, _last = self._links.span_lines(self._link)
        elif self._matches is not None and self._current is not None:
            first, _last = self._matches.span_lines(self._current)
        else:
            return 0
        return first - round(self.scroll_y)

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
        self._cursor_on_match = False
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
        return anchors.target(address, self.article, self._content[0], self._all_paragraphs())

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
