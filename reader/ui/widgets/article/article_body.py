"""The reading view's text: an article drawn with the Line API in a centred, readable column.

What it shows and how each line is drawn; its state, search, links, passage, highlights and
wrapping are the layers it is built on (`body_state` … `body_layout`).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import chain

from textual import events
from textual.strip import Strip

from ....models import Article, Entry
from ...article_keys import BODY_BINDINGS
from ...keymap import keymap_of
from . import (
    anchors,
    article_header,
    block_paragraphs,
    find_in_article,
    note_paragraphs,
    passage,
)
from .body_highlights import HIGHLIGHT_COMPONENT
from .body_layout import ArticleLayout
from .body_links import LINK_COMPONENT, NOTE_COMPONENT
from .body_search import MATCH_COMPONENTS
from .paragraph import ArticleStyles
from .reading_place import Place, line_of


def no_headings(keys: list[str]) -> str:
    """The notice of `]` (or `[`, the `keys` in force of both) in an article without headings."""
    if not keys:
        return "This article has no headings."
    return f"This article has no headings for {' and '.join(keys)} to go to."


NO_HEADINGS = no_headings(["]", "["])
NO_HEADING_BELOW = "No heading further down."
NO_HEADING_ABOVE = "No heading further up."
LAYING_OUT = "Laying out the rest of the article…"


def _component(field_name: str) -> str:
    """The CSS component class of an `ArticleStyles` field (`quote_bar` → `article-body--quote-bar`)."""
    return "article-body--" + field_name.replace("_", "-")


class ArticleBody(ArticleLayout, can_focus=True):
    """Header and body of one article (or a notice while it loads or when it failed)."""

    BINDINGS = BODY_BINDINGS

    COMPONENT_CLASSES = {_component(name) for name in ArticleStyles.__dataclass_fields__} | {
        *MATCH_COMPONENTS,
        LINK_COMPONENT,
        NOTE_COMPONENT,
        HIGHLIGHT_COMPONENT,
    }

    # -- what to show --------------------------------------------------------------------------
    def show_article(
        self,
        entry: Entry | None,
        article: Article,
        notice: str = "",
        place: Place | None = None,
        place_text: str = "",
    ) -> None:
        """The article; `notice` replaces the partial-text line of its header (why the text
        is the feed's, when a fetch failed); `place` at the top of the view (see
        `reading_place`), else its start: for an item pointing into the page
        (`page#block-20`, one entry of a live blog), that entry (acc48c C3). With
        `place_text` (`reading_text`, of another copy), the paragraph holding that text,
        nearest to the place's number: a live blog grown at its top moved the text read
        down by as many paragraphs as it gained (acc48c C6)."""
        self._set(entry, article, notice, "", False)
        if place is None and entry is not None and "#" in entry.link:
            entry_at = anchors.target(entry.link, article, entry, self._all_paragraphs())
            place = None if entry_at is None else Place(entry_at)
        if place is not None and place_text:
            place = self._text_place(place, place_text)
        if place is None:
            return
        if self._width:
            self._go_to(place)
        else:  # on a screen not laid out yet: there once it is
            self._pending_place = place

    def _text_place(self, place: Place, text: str) -> Place:
        """`place` moved to the paragraph whose text is `text`, the one nearest to its number
        when several are; as it is when none is (the text changed: the number is kept)."""
        held = [n for n, p in enumerate(self._all_paragraphs()) if p.text.plain == text]
        if not held:
            return place
        return replace(place, paragraph=min(held, key=lambda n: abs(n - place.paragraph)))

    @property
    def reading_text(self) -> str:
        """The text of the paragraph at the top of the view (`reading_place`'s), by which
        another copy of the article finds the place again (`show_article`'s `place_text`)."""
        place = self._place()
        if place is None or place.paragraph >= len(self._paragraphs):
            return ""
        return self._paragraphs[place.paragraph].text.plain

    def _go_to(self, place: Place) -> None:
        if self._unfinished and self.place_is_far(place):
            self.go_there_once_laid_out(place)
            return
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
        if self.article is None:
            return None
        top = self.top_line
        if self._resized_at is not None and self._resized_at[1] == top:
            # Not moved since a resize: the place it kept, where the text read to is. A view
            # grown to show all of the article is at its top, and leaving it there (quitting,
            # the next article) saved the top: the article opened at its title (narrow46).
            top = line_of(self._resized_at[0], self._laid.extents, self._laid_map) or 0
        if top <= self._rule_line():
            return None
        place = self._place()
        # Counted without the reader's notes, which are drawn only once read, after the
        # article opens at its place: the article's note put it a paragraph further down.
        notes = place and sum(map(note_paragraphs.is_note, self._paragraphs[: place.paragraph]))
        return replace(place, paragraph=place.paragraph - notes) if place and notes else place

    def show_more(self, entry: Entry | None, article: Article) -> None:
        """More of the article shown (its later pages came in, after the first page shown): the
        same line of text at the top of the view, the search and the selected link as they
        were. The first page's text, its matches and links come first in the whole article,
        in the same order; only the header's note has gone."""
        below_rule = self.top_line - self._rule_line()
        query, current, link = self._query, self._current, self._link
        opened, highlights, note = self._notes_opened, self._highlights, self._article_note
        self._set(entry, article, "", "", False)
        if highlights or note:  # the same article's, its later pages come
            self._highlights, self._article_note = highlights, note
            if any(self._notes_drawn()):
                self._build()
        if opened:
            self.unfold_notes()  # shown whole by `z`: not folded again under the reader's eyes
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

    def renumber(self, article: Article) -> None:
        """The article shown, told of the copies kept of it now (`Library.superseded`): the
        same text, where the reader is in it, and `y` cites it as the earlier copy it has
        become; only the header's word of the copies is redrawn (acc30a J19: it named copies
        since dropped, and numbers since given to others)."""
        entry, shown, message, hint, error = self._content
        self._content = (entry, article, message, hint, error)
        if shown is None or (shown.versions, shown.version, shown.dropped) == (
            article.versions,
            article.version,
            article.dropped,
        ):
            return
        self._build_under_new_header(entry, article, message)

    def show_pictures(self, article: Article) -> None:
        """The article shown, told of its pictures kept for reading offline now (they came
        after its text, while it was open): their lines say "✓ kept", with the same text at
        the top of the view, and the selected link, the search and a passage chosen by
        keyboard as they were (`_layout` keeps them, as for a theme's change)."""
        entry, shown, message, hint, error = self._content
        if shown is None:
            return
        self._content = (entry, article, message, hint, error)
        if shown.kept_pictures != article.kept_pictures:
            self._build(self._place())

    def show_tags(self, tags: tuple[str, ...]) -> None:
        """The article shown is filed under `tags` now: its header says so, the reader's
        place in the text kept (a byline appearing, for an article that had none, is a line
        more above it)."""
        if tags == self.tags:
            return
        self.tags = tags
        entry, article, message, _hint, _error = self._content
        if article is None:
            return
        self._build_under_new_header(entry, article, message)

    def _build_under_new_header(self, entry: Entry | None, article: Article, message: str) -> None:
        """Build the text again under a header with a line more (the first word of copies, a
        byline of tags) or fewer: the same text at the top of the view, not the paragraph
        before or after it."""
        place = self._place()
        if place is not None and place.paragraph >= self._head:
            styles = self._built_with or self._styles()
            head = article_header.header(
                entry,
                article,
                styles,
                message,
                copies_key=self.copies_key,
                changes_key=self.changes_key,
                tags=self.tags,
            )
            place = replace(place, paragraph=place.paragraph + len(head) - self._head)
        self._build(place)

    def show_notice(
        self, entry: Entry | None, message: str, hint: str = "", error: bool = False
    ) -> None:
        """The entry's header and one line instead of the body ("Fetching article…", a failure)."""
        self._set(entry, None, message, hint, error)

    def _set(
        self, entry: Entry | None, article: Article | None, message: str, hint: str, error: bool
    ) -> None:
        if article is not None and article.partial and not message:
            key = keymap_of(self.app).key("open_in_browser", "an article")
            message = article_header.feed_text_note(article, key)  # the header's, key set
        self._content = (entry, article, message, hint, error)
        self._drop_selection()  # its lines and characters were the text shown before
        self._pending_place = None
        self._query, self._matches, self._current = "", None, None
        self._link = None
        self._jumps, self._note = [], None
        self._notes_opened = False
        # The article shown before's: its own are marked once read (`show_highlights`).
        self._highlights, self._highlight_marks, self._article_note = (), None, ""
        self._highlight_search = None
        self._after_layout = []  # the text they waited for has gone
        self._build()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def _notes_changed(self) -> None:
        place = self._place()
        if place is None:
            self._build()
            return
        # The same text at the top of the view, counted without the notes: the article's
        # note added while reading further down moved it a paragraph down.
        text_above = place.paragraph - sum(
            map(note_paragraphs.is_note, self._paragraphs[: place.paragraph])
        )
        self._build()
        number, seen = 0, 0
        while True:
            self._build_more(number + 1)
            if number >= len(self._paragraphs):
                return  # the text is shorter now (a note dropped at its end)
            if not note_paragraphs.is_note(self._paragraphs[number]):
                if seen == text_above:
                    break
                seen += 1
            number += 1
        if self._width:
            self._go_to(replace(place, paragraph=number))
        else:  # not laid out yet: there once it is
            self._pending_place = replace(place, paragraph=number)

    def _build(self, place: Place | None = None) -> None:
        """Paragraphs for the content, laid out with `place` at the top (the same content
        restyled; None for new content)."""
        entry, article, message, hint, error = self._content
        styles = self._built_with = self._styles()
        note = message if article else ""
        paragraphs = article_header.header(
            entry,
            article,
            styles,
            note,
            copies_key=self.copies_key,
            changes_key=self.changes_key,
            tags=self.tags,
        )
        self._head, self._compact = len(paragraphs), False
        self._header_paragraphs = self._head if article is not None else 0
        self._more = None
        self._text_total = sum(len(p.text) for p in paragraphs)
        if article is not None:
            # Built as they are laid out: the first screen's first, the rest in slices.
            more = block_paragraphs.paragraphs(article, styles)
            if any(self._notes_drawn()):  # the reader's own, drawn among the article's
                highlights, note = self._highlights, self._article_note
                more = note_paragraphs.with_notes(more, article, highlights, note, styles)
            if not article.incomplete:  # its next pages on their way: not the end yet
                more = chain(more, [block_paragraphs.end_mark(styles)])
            self._more = more
            self._text_total += sum(len(block.text) for block in article.blocks)
        elif message:
            paragraphs += block_paragraphs.notice(
                message, hint, styles.error if error else styles.notice, styles
            )
        self._paragraphs = paragraphs
        self._notes_folded = False  # its notes whole, as built: `_fit_notes` folds them
        self._resized_at = None
        self._unfinished = False  # `_laid` is the old paragraphs' until `_layout`
        self._width = 0
        self._layout(place)

    @property
    def folded_notes(self) -> bool:
        """The notes at the head of the story are folded to their first line (a low view)."""
        return self._notes_folded

    def unfold_notes(self) -> None:
        """`z`: the folded notes whole, the same text at the top of the view (and whole
        whatever the height, until another article is shown)."""
        self._notes_opened = True
        if not self._notes_folded:
            return
        place = self._place()
        self._width = 0
        self._layout(place)

    def _styles(self) -> ArticleStyles:
        get = self.get_component_rich_style
        names = (name for name in ArticleStyles.__dataclass_fields__ if name != "plain")
        return ArticleStyles(
            **{name: get(_component(name)) for name in names},
            plain=bool(getattr(self.app, "plain", False)),
        )

    def action_heading(self, step: int) -> None:
        """`]` / `[`: the next heading below the top line (`step` 1), or the previous one above
        it (-1), to the top of the view: a long read's next section, a live blog's next
        update. When there is none (or the view can't scroll further), a notice says so: a
        bell alone is silent in many terminals, and the key would seem to do nothing."""
        top, bottom = self.top_line, round(self.max_scroll_y)
        # While a huge article is laid out, the headings laid out so far: the next one is
        # most often among them; when it is not, the key acts once the rest is in.
        headings = self._laid.headings if self._unfinished else self._headings
        if step > 0:
            target = next((h for h in headings if min(h, bottom) > top), None)
        else:
            target = next((h for h in reversed(headings) if h < top), None)
        if target is None and self.when_laid_out(lambda: self.action_heading(step), LAYING_OUT):
            return
        if target is None:
            self.app.bell()
            if self._headings:
                self.notify(NO_HEADING_BELOW if step > 0 else NO_HEADING_ABOVE, timeout=2)
            elif self.article is not None:  # not while "Fetching…" stands in its place
                keymap = keymap_of(self.app)
                keys = [keymap.key(a, "an article") for a in ("next_heading", "previous_heading")]
                self.notify(no_headings([k for k in keys if k]), timeout=2, markup=False)
            return
        self.scroll_to(y=target, animate=False, immediate=True)

    def action_scroll_end(self) -> None:
        # The end of a huge article is known once the slices reach it: `G` goes there then,
        # and the keys pressed meanwhile are answered.
        if not self.when_laid_out(super().action_scroll_end, LAYING_OUT):
            super().action_scroll_end()

    def _moved_by_reader(self) -> None:
        # A key of theirs, even one that moves nothing (`g` with all of it in view): where the
        # view is now is where they are, not the place a resize kept.
        self._resized_at = None

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
        if column == self._width and (
            self._compact_wanted(column) != self._compact
            or self._notes_fold_wanted() != self._notes_folded
        ):
            self._width = 0  # lower or higher past where the header fits: laid out again
        self._layout(place)
        # As wide as before (a tmux pane zoomed and back), `_layout` wraps nothing and scrolls
        # nowhere: back from a size that showed it all, the view was at its top.
        top = None if place is None else line_of(place, self._laid.extents, self._laid_map)
        if top is not None and top != self.top_line:
            self.scroll_to(y=top, animate=False, immediate=True, force=True)
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
        self._highlight_style = None
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
        # fast wheel): the lines down to there now, or the view would be drawn blank for a
        # frame.
        self._lay_out_through(new_value)
        resized = self.scrollable_content_region.height != self._shown_height
        if resized and old_value > new_value and old_value > self.max_scroll_y:
            # Not a move of the reader's: the view made taller left the old top past the end,
            # and Textual took the view back (to the top where it all fits). The text that was
            # at the top stays the place a resize keeps, or each zoom of a tmux pane went back
            # to the article's title (acc45b B2).
            old_top, kept = round(old_value), self._resized_at
            place = kept[0] if kept is not None and kept[1] == old_top else self._place_at(old_top)
            if place is not None:
                self._resized_at = (place, round(new_value))
        super().watch_scroll_y(old_value, new_value)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        number = y + round(self.scroll_y)
        if number >= len(self._laid.lines):  # past the end, or not wrapped yet
            return Strip.blank(width, base)
        column, margin = self._column()
        margin -= self._laid.shift(number, column, self._available())  # a wide table's line
        line = self._laid.lines[number]
        line = self._marked_highlights(number, line)  # under a match, a link, the passage
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
