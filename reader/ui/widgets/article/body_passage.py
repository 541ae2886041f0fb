"""The passage of the reading view's text selected to quote: by a drag of the mouse (Textual's
text selection), or by keyboard a sentence at a time (`v`, `)`, `(`), chosen again on the lines
of a new wrapping."""

from __future__ import annotations

from bisect import bisect_right

from rich.style import Style
from textual.geometry import Offset
from textual.selection import Selection

from ...messages import PassageChanged
from . import passage
from .body_links import ArticleLinks
from .body_search import CONTEXT_LINES
from .find_in_article import Spans
from .passage_units import Unit, figure_sentences, passage_units
from .reading_place import Place, place_of, run_of
from .sentences import sentences
from .table_layout import without_separators


class ArticlePassage(ArticleLinks):
    """The reading view's text, a passage of it selected (see `ArticleBody`)."""

    def _selection_style(self) -> Style:
        """The theme's selection colours over the text's own. The theme gives a translucent
        background and a "transparent" foreground (keep the text's); as a Rich style both come
        out as one opaque colour, and the selected words vanished into their background."""
        if self._passage_style is None:
            styles = self.screen.get_component_styles("screen--selection")
            _base, background = self.background_colors
            over = background + styles.background
            color = styles.color if styles.color.a > 0 else None
            # Its text style too: the terminal's colours (and NO_COLOR) mark it by reverse video.
            self._passage_style = styles.text_style + Style(
                bgcolor=over.rich_color,
                color=None if color is None else (background + color).rich_color,
            )
        return self._passage_style

    def _selection_bounds(self) -> passage.Bounds | None:
        selection = self.text_selection
        if selection is None:
            return None
        if selection != self._keyed_selection:  # a drag: where the mouse was, as drawn
            selection = passage.as_drawn(selection, self._lines)
        height = self.scrollable_content_region.height
        return passage.bounds(selection, self._lines, self.top_line, height)

    @property
    def selected_text(self) -> str:
        """The article's own words under the selection (see `passage.words`)."""
        selected = self._selection_bounds()
        return "" if selected is None else passage.words(selected, self.lines, self._line_map)

    @property
    def selected_words(self) -> str:
        """`selected_text` as its words are counted: a table's without the bars between its
        cells, which counted as a word each."""
        return without_separators(self.selected_text)

    @property
    def selected_quotation(self) -> str:
        """The passage under the selection as a Markdown quotation, written as the article's
        Markdown is (see `passage.quotation`); "" when none is selected."""
        return self.quotation()

    def quotation(self, markdown: bool = True) -> str:
        """The passage under the selection as a Markdown quotation, or as plain text (not
        `markdown`); "" when none is selected."""
        selected = self._selection_bounds()
        if selected is None or not self.selected_text:
            return ""
        return passage.quotation(
            selected,
            self.lines,
            self._line_map,
            self._paragraphs,
            self._extents,
            self.article,
            markdown,
        )

    @property
    def passage_anchor(self) -> str:
        """The anchor of the part of the article the passage selected is in (`Block.anchors`:
        a live blog's entry, `#block-20`), the nearest at or above its first line; "" when
        none is selected, or no anchor is above it."""
        selected = self._selection_bounds()
        if selected is None:
            return ""
        extents = self._extents
        first = selected[0][0]
        number = next((n for n, lines in enumerate(extents) if first < lines.stop), None)
        if number is None:
            return ""
        held = (p.anchors for p in reversed(self._paragraphs[: number + 1]) if p.anchors)
        return next(held, ("",))[0]

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
        if self.is_attached:
            # Textual reports each change late (its watcher waits its turn): with keys of one
            # read, `v` then `)`, the report of `v`'s selection came after `)` had made the
            # next and read as a drag, which dropped both. The screen's selection now holds.
            selection = self.screen.selections.get(self)
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

    def choose_passage(self) -> str | None:
        """`v`: select the sentence at the search's current match (the first from it in the
        article's text: the headline is no quote of the article's, acc45a A4), else at the
        selected link, else the first sentence of the article's text starting in view (the
        header's only when no text is in view; the one running through the top line when none
        starts there), a picture and its caption passed over. None when it did; else why not:
        "" when there is no text, or that the search's matches are all in the header (nothing
        selected)."""
        spans = self._sentence_spans()
        if not spans.total:
            return ""
        anchor: int | None = None
        if self._matches is not None and self._current is not None:
            index = self._match_in_text(self._matches, self._current)
            if index is None:
                return f"“{self.query}” is found only in the header: no sentence of the text chosen"
            if index != self._current:
                self._current = index
                self._cursor_on_match = True
            anchor = spans.at(*self._matches.start_of(index))
        elif self._links is not None and self._link is not None:
            anchor = spans.at(*self._links.start_of(self._link))
        if anchor is None:
            anchor = self._sentence_in_view(spans)
        self._choose(anchor, anchor)
        return None

    def _match_in_text(self, matches: Spans, current: int) -> int | None:
        """The first of the search's `matches` from the `current` one (round the end) in the
        article's text, not its header (the headline, the byline); None when all are there."""
        text_top = 0
        if len(self._extents) > self._header_paragraphs > 0:
            text_top = self._extents[self._header_paragraphs].start
        for step in range(matches.total):
            index = (current + step) % matches.total
            if matches.span_lines(index)[0] >= text_top:
                return index
        return None

    def grow_passage(self, step: int) -> str | None:
        """`)`: the passage chosen by keyboard one sentence longer (`step` 1), `(`: one shorter
        (-1), never shorter than its first sentence; what goes together (`passage_units`)
        taken whole, or left whole. None when it did, else why not ("" when there is nothing
        to say: no passage, or `(` at its first sentence)."""
        if self._keyed is None or self._sentences is None:
            return ""
        first, last = self._keyed
        units = self._passage_units()
        if step > 0:
            if last + 1 >= self._sentences.total:
                return "the article ends there"
            heading = self._heading_before(last + 1)
            if heading is not None:
                # A section's heading is no sentence of the passage: `)` quoted "The readings"
                # as a paragraph of what was said, and a subhead is the desk's, not the
                # writer's. The status says so: `)` did nothing, silently (acc30a J24).
                return f"the heading “{heading}” ends it: a passage stays within its section"
            figures = self._figure_sentences()
            if figures[last + 1] != figures[last]:
                if figures[last + 1]:
                    return (
                        "a picture ends it: its line and caption are the desk's, not the writer's"
                    )
                return "the caption ends there: a passage stays within it"
            wanted = units[last + 1][1]
        else:
            wanted = last - 1
            unit = units[last]
            if unit[0] <= wanted:  # left whole: a caption and a header with no rows is none
                wanted = unit[0] - 1
            wanted = max(first, wanted)
            if wanted == last:
                return ""
        self._choose(first, wanted)
        return None

    def _heading_before(self, sentence: int) -> str | None:
        """The heading between the passage's end and `sentence`, its words (None: none)."""
        assert self._sentences is not None
        line = self._sentences.span_lines(sentence)[0]
        if line not in self._headings:
            return None
        run, _offset = self._sentences.start_of(sentence)
        return self._line_map.runs[run].text.strip()

    def _passage_units(self) -> list[Unit]:
        """Per sentence, the sentences it goes with (see `passage_units`)."""
        return self._sentence_kinds()[1]

    def _figure_sentences(self) -> list[bool]:
        """Per sentence, whether it is a picture's or its caption's (`figure_sentences`)."""
        return self._sentence_kinds()[2]

    def _sentence_kinds(self) -> tuple[Spans, list[Unit], list[bool]]:
        spans = self._sentence_spans()
        if self._units is None or self._units[0] is not spans:
            pairs = zip(spans.starts, spans.ends, strict=True)
            per_run = [list(zip(a, b, strict=True)) for a, b in pairs]
            shape = (self._line_map.runs, per_run, self._paragraphs, self._extents)
            self._units = (spans, passage_units(*shape), figure_sentences(*shape))
        return self._units

    def _sentence_spans(self) -> Spans:
        if self._sentences is None:
            runs = self._line_map.runs
            # A table's rule line is no sentence: it was counted as one of one "word".
            per_run = [sentences(run.text) if run.article else [] for run in runs]
            self._sentences = Spans(self._line_map, per_run)
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
            return self._past_figures(first)
        # A long paragraph fills the view: the sentence its top line is in.
        on_top = self._line_map.by_line.get(top)
        if on_top:
            run, piece = on_top[0]
            found = spans.at(run, self._line_map.runs[run].pieces[piece][1])
            if found is not None:
                return self._past_figures(found)
        return self._past_figures(first)

    def _past_figures(self, sentence: int) -> int:
        """`sentence`, or the first after it that is no picture's nor caption's: a news page
        opens with its photo, and `v` at the top selected "Image", then the caption, for a
        quote of the writer's words (acc33a A8). `sentence` when only pictures follow."""
        figures = self._figure_sentences()
        return next((n for n in range(sentence, len(figures)) if not figures[n]), sentence)

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
