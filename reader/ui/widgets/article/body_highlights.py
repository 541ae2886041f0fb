"""The highlights of the article shown (`reader.highlights`), marked in the reading view's
text: found again by their words in the runs of each layout, whatever its width, and drawn in
the highlight's style (the theme's, never the page's)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from rich.style import Style
from textual.strip import Strip

from ....highlight_search import GrowingSearch
from ....highlights import Highlight, merged_spans
from . import find_in_article, passage
from .body_passage import ArticlePassage
from .find_in_article import LineMap, piece_marks

HIGHLIGHT_COMPONENT = "article-body--highlight"
"""The component class of a kept passage."""


def joined_runs(line_map: LineMap) -> tuple[str, list[int]]:
    """The runs' texts as one text, a line break between two (a table's rules and the reader's
    notes none: no highlight of theirs), and
    where each starts in it."""
    texts = [run.text if run.article else "" for run in line_map.runs]
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return "\n".join(texts), starts


def found_in_runs(search: GrowingSearch) -> dict[int, tuple[list[int], list[int]]]:
    """Where the highlights `search` found are in the runs it was given (one text a run): per
    run marked, the starts and ends of its marks, in order (the others: none)."""
    per_run: dict[int, list[tuple[int, int]]] = {}
    starts = search.starts
    for found in search.places():
        if found is None:
            continue
        a, b = found
        for r in range(bisect_right(starts, a) - 1, bisect_right(starts, b - 1)):
            low, high = max(a - starts[r], 0), min(b - starts[r], len(search.texts[r]))
            if low < high:
                per_run.setdefault(r, []).append((low, high))
    marks = {r: merged_spans(spans) for r, spans in per_run.items()}
    return {r: ([a for a, _ in spans], [b for _, b in spans]) for r, spans in marks.items()}


class ArticleHighlighted(ArticlePassage):
    """The reading view's text, its highlights marked (see `ArticleBody`)."""

    _highlights: tuple[Highlight, ...] = ()
    _highlight_search: tuple[LineMap, GrowingSearch] | None = None
    """The layout the highlights are looked for in, and the search of its runs so far: a run
    laid out is searched once, not the whole text again at each slice laid out."""
    _highlight_marks: tuple[LineMap, int, dict[int, tuple[list[int], list[int]]]] | None = None
    """The layout the marks were found in, how many of its runs then, and where they are."""
    _highlight_style: Style | None = None

    _article_note = ""
    """The reader's note on the article shown, drawn at the head of its text."""

    @property
    def highlights(self) -> tuple[Highlight, ...]:
        """The highlights marked in the text."""
        return self._highlights

    @property
    def article_note(self) -> str:
        return self._article_note

    def show_highlights(self, highlights: Sequence[Highlight], note: str = "") -> None:
        """Mark `highlights` in the article shown (none: no marks), their notes under their
        passages and the article's `note` at the head of its text."""
        drawn = self._notes_drawn()
        self._highlights, self._article_note = tuple(highlights), note
        self._highlight_search = self._highlight_marks = None
        if self._notes_drawn() != drawn:
            self._notes_changed()
        self.refresh()

    def _notes_drawn(self) -> tuple[str, tuple[tuple[str, str], ...]]:
        """The notes drawn in the text: the article's, and each highlight's with its words."""
        notes = tuple((h.words, h.note) for h in self._highlights if h.note)
        return self._article_note, notes

    def _notes_changed(self) -> None:
        """The paragraphs built again with the notes now kept (`ArticleBody`)."""

    def _found_highlights(self, laid: LineMap) -> dict[int, tuple[list[int], list[int]]]:
        """Where the highlights are in the runs of `laid` (`found_in_runs`), those of its runs
        not searched yet searched now."""
        search = self._highlight_search
        if search is None or search[0] is not laid or len(search[1].texts) > len(laid.runs):
            search = self._highlight_search = (laid, GrowingSearch(self._highlights))
        given = len(search[1].texts)
        search[1].extend([run.text if run.article else "" for run in laid.runs[given:]])
        return found_in_runs(search[1])

    def passage_to_keep(self) -> tuple[str, float] | None:
        """The passage selected as a highlight is kept: its words (no bullet nor number) and
        how far into the text it starts (0 to 1); None when none is selected."""
        selected = self._selection_bounds()
        if selected is None:
            return None
        kept = passage.words(selected, self.lines, self._line_map, labels=False)
        if not kept:
            return None
        text, starts = joined_runs(self._line_map)
        first, (a, _b) = min(passage.chosen(selected, self.lines, self._line_map).items())
        return kept, (starts[first] + a) / max(1, len(text))

    def _marked_highlights(self, number: int, line: Strip) -> Strip:
        """Screen line `number` (drawn as `line`) with the highlights on it marked."""
        if not self._highlights:
            return line
        laid = self._laid_map
        cached = self._highlight_marks
        if cached is None or cached[0] is not laid or cached[1] != len(laid.runs):
            cached = self._highlight_marks = (laid, len(laid.runs), self._found_highlights(laid))
        marks = [
            (left, right, 0)
            for r, p in laid.by_line.get(number, ())
            if (found := cached[2].get(r))
            for left, right, _k in piece_marks(laid.runs[r], p, *found)
        ]
        if not marks:
            return line
        if self._highlight_style is None:
            self._highlight_style = self.get_component_rich_style(HIGHLIGHT_COMPONENT)
        style = self._highlight_style
        return find_in_article.highlight(line, marks, None, (style, style))
