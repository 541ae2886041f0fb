"""Find in the reading view: a query → every place it occurs in the article, by screen line.

The query is literal text, never a pattern or markup. It is case-insensitive unless it holds a
capital letter (vim's smartcase), and whitespace in it matches any run of whitespace, so a phrase
is found where wrapping broke it over two screen lines: runs of text are searched whole (a
paragraph, a table's cell) and the matches mapped to the lines they were wrapped onto; a match
a cell wraps over two lines is one match of two pieces, as a link there is one link. Quotes,
dashes and accents are folded as browsers' find-in-page folds them (`fold`): ' finds ’, cafe
finds café, елка finds ёлка, abc123 finds ＡＢＣ１２３ and テレビ finds ﾃﾚﾋﾞ, a decomposed
"Việt" is found as the one typed, and a zero-width space or an Arabic vowel point in the text
doesn't stop "معرض" from finding it. The article's links are spans of the same runs, selected
and drawn the same way (`Spans`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate, count

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from ....fold import Folding, composed, fold
from ....search_query import NOTE_FIELD, Query
from ....text_find import folding, pattern
from .paragraph import TextRun

Piece = tuple[int, int, int, int]
"""Where a stretch of a searched text is drawn: (run, start, end) of the run's text, and the
offset in the searched text where it starts."""


class LineMap:
    """The runs of one layout, indexed by the screen lines they are drawn on."""

    def __init__(self, runs: list[TextRun]) -> None:
        self.runs = runs
        self._searched: list[tuple[str, list[Piece]]] | None = None
        self.by_line: dict[int, list[tuple[int, int]]] = {}
        """Screen line → (run, piece) drawn on it."""
        self.last_lines: list[int] = []
        """Per run, the screen line of its last piece (runs come in screen order)."""
        self.piece_ends: list[list[int]] = []
        """Per run, the offset where each piece ends."""
        self._folded: dict[bool, list[str]] = {}
        self._composed: list[tuple[str, list[int], list[int]] | None] | None = None
        self.extend()

    def extend(self) -> None:
        """Index the runs added to `runs` since (the layout they are of wrapped further): a
        long article is laid out a slice at a time, and indexing all its runs again for each
        slice cost as much as the wrapping."""
        for r in range(len(self.last_lines), len(self.runs)):
            pieces = self.runs[r].pieces
            for p, piece in enumerate(pieces):
                self.by_line.setdefault(piece[0], []).append((r, p))
            self.last_lines.append(pieces[-1][0])
            self.piece_ends.append([piece[2] for piece in pieces])
        self._searched, self._composed = None, None
        self._folded = {}

    def searched(self) -> list[tuple[str, list[Piece]]]:
        """The texts searched, each with where it is drawn: a run's whole text (a paragraph),
        but for a table's lines, whose cells are searched instead, each cell's pieces joined
        by a space (a line break of the cell) into one text, in the order their first lines
        come. Worked out once per layout."""
        if self._searched is None:
            slots: list[list[tuple[int, int, int]]] = []  # per text, its (run, start, end)s
            cells: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
            for r, run in enumerate(self.runs):
                if not run.cells:
                    slots.append([(r, 0, len(run.text))])
                    continue
                for start, end, cell in run.cells:
                    if cell not in cells:
                        cells[cell] = []
                        slots.append(cells[cell])
                    cells[cell].append((r, start, end))
            self._searched = [self._joined(slot) for slot in slots]
        return self._searched

    def _joined(self, slot: list[tuple[int, int, int]]) -> tuple[str, list[Piece]]:
        """The stretches of runs `slot` names as one text, a space between two."""
        pieces: list[Piece] = []
        at = 0
        for r, start, end in slot:
            pieces.append((r, start, end, at))
            at += end - start + 1
        return " ".join(self.runs[r].text[start:end] for r, start, end in slot), pieces

    def composed(self) -> list[tuple[str, list[int], list[int]] | None]:
        """Per text searched, the text composed with the offsets back into it
        (`reader.fold.composed`), None for one in NFC already. Composed once per layout."""
        if self._composed is None:
            self._composed = [composed(text) for text, _pieces in self.searched()]
        return self._composed

    def folded_texts(self, accents: Folding) -> list[str]:
        """The texts searched as a query is compared with them: composed, quotes and dashes
        folded, and accents too when `accents` (the query has none). Folded once per layout,
        not on every key."""
        if accents not in self._folded:
            self._folded[accents] = [
                fold(text if whole is None else whole[0], accents)
                for (text, _pieces), whole in zip(self.searched(), self.composed(), strict=True)
            ]
        return self._folded[accents]


def find(
    lines: LineMap, query: str | Query, stopped: Callable[[], bool] = lambda: False
) -> PiecedSpans | None:
    """Every match of `query` in a layout's runs (None for a blank query, or once `stopped`
    says the search is no longer wanted: a later key's is): a `str` literally
    (`text_find.pattern`), a `Query` (a search of every article's, `F`) each of its words as
    that search finds them, whole words, phrases and all: the article opened from a hit of
    several words is searched for every one of them, as the hit was found (acc30a J30), but
    for those of a field (`by:`, `title:`), found in its byline or title only, and a `note:`
    word in the reader's notes only (`TextRun.own`).

    A folded text is as long as the text searched, so its matches' offsets are that text's
    own; a composed one's are mapped back, each to the whole cluster its characters came
    from; then to the runs they are drawn in (a match in a cell wrapped over two lines: a
    piece on each)."""
    if isinstance(query, str):
        found = pattern(query)
        if found is None:
            return None
        searches = [(found, folding(query), False)]
    else:
        # A field's word (`by:Anna`, `title:budget`) was looked for in its part of the headline
        # alone: the text's "Anna"s are none of the hit's; a `note:` word in the notes.
        searches = [
            (word.found, word.accents, word.field == NOTE_FIELD)
            for word in query.words
            if word.field in ("", NOTE_FIELD)
        ]
        if not searches:
            return None
    folded = [(found, lines.folded_texts(accents), notes) for found, accents, notes in searches]
    # Per run, its pieces of matches: (start, end, the match's number when it has several).
    spans: list[list[tuple[int, int, int | None]]] = [[] for _ in lines.runs]
    wrapped = count()
    for n, (whole, (_searched, pieces)) in enumerate(
        zip(lines.composed(), lines.searched(), strict=True)
    ):
        if stopped():
            return None
        own = lines.runs[pieces[0][0]].own
        matches = _matches(
            [(found, texts[n]) for found, texts, notes in folded if own or not notes]
        )
        if whole is not None:
            _text, starts, ends = whole
            matches = [(starts[a], ends[b - 1]) for a, b in matches]
        if len(pieces) == 1:  # a run's text: its offsets are the run's
            r, start, _end, _at = pieces[0]
            spans[r] += [(start + a, start + b, None) for a, b in matches]
            continue
        for a, b in matches:
            drawn = [
                (r, start + max(a, at) - at, start + min(b, at + end - start) - at)
                for r, start, end, at in pieces
                if max(a, at) < min(b, at + end - start)
            ]
            key = next(wrapped) if len(drawn) > 1 else None
            for r, start, end in drawn:
                spans[r].append((start, end, key))
    for run in spans:
        run.sort()
    return PiecedSpans(
        lines,
        [[(start, end) for start, end, _key in run] for run in spans],
        [key for run in spans for _start, _end, key in run],
    )


def first_line(lines: LineMap, text: str) -> int | None:
    """The screen line where `text` is first found as `find` finds it (None: nowhere)."""
    found = find(lines, text)
    return found.span_lines(0)[0] if found is not None and found.total else None


def _matches(searches: list[tuple[re.Pattern[str], str]]) -> list[tuple[int, int]]:
    """Where each pattern matches in its text (one text, folded for each), in order; where
    two overlap ("port" in "port authority" and the phrase), the one starting first."""
    if len(searches) == 1:
        found, text = searches[0]
        return [m.span() for m in found.finditer(text)]
    every = sorted(m.span() for found, text in searches for m in found.finditer(text))
    out: list[tuple[int, int]] = []
    for start, end in every:
        if out and start < out[-1][1]:
            continue
        out.append((start, end))
    return out


def links(lines: LineMap) -> PiecedSpans:
    """Every link of a layout's runs (their addresses are `run.links`, in the same order)."""
    spans = [[(start, end) for start, end, _ in run.links] for run in lines.runs]
    keys = [run.link_keys or (None,) * len(run.links) for run in lines.runs]
    return PiecedSpans(lines, spans, [key for run in keys for key in run])


class Spans:
    """Spans of a layout's runs (a search's matches, the links), numbered in reading order from 0.

    Within a run, spans come in order and don't overlap."""

    def __init__(self, lines: LineMap, spans: list[list[tuple[int, int]]]) -> None:
        self.lines = lines
        self.starts = [[s for s, _ in run] for run in spans]
        self.ends = [[e for _, e in run] for run in spans]
        self._before = list(accumulate((len(s) for s in self.starts), initial=0))
        """Per run, how many matches come before its first."""
        self.total = self._before[-1]

    def _locate(self, index: int) -> tuple[int, int]:
        run = bisect_right(self._before, index) - 1
        return run, index - self._before[run]

    def start_of(self, index: int) -> tuple[int, int]:
        """The run span `index` is in, and the offset it starts at."""
        run, k = self._locate(index)
        return run, self.starts[run][k]

    def end_of(self, index: int) -> tuple[int, int]:
        """The run span `index` is in, and the offset it ends at."""
        run, k = self._locate(index)
        return run, self.ends[run][k]

    def at(self, run: int, offset: int) -> int | None:
        """The span of `run` holding character `offset`, else the last before it, else the
        run's first (None: the run has none)."""
        if not self.starts[run]:
            return None
        return self._before[run] + max(0, bisect_right(self.starts[run], offset) - 1)

    def _line_of(self, run: int, offset: int) -> int:
        """The screen line holding character `offset` of a run (the next piece's when the
        character is whitespace left out at a line break)."""
        pieces = self.lines.runs[run].pieces
        return pieces[min(len(pieces) - 1, bisect_right(self.lines.piece_ends[run], offset))][0]

    def span_lines(self, index: int) -> tuple[int, int]:
        """The first and last screen line of span `index`."""
        run, k = self._locate(index)
        return (
            self._line_of(run, self.starts[run][k]),
            self._line_of(run, max(self.starts[run][k], self.ends[run][k] - 1)),
        )

    def first_from(self, line: int) -> int | None:
        """The first span starting on screen line `line` or below, else the first of all
        (None: none at all)."""
        if not self._before[-1]:
            return None
        run = bisect_left(self.lines.last_lines, line)
        if run < len(self.starts):
            # In the run reaching `line`: the first match after its pieces above `line` (the
            # whitespace at the end of a piece belongs to the next line, as in `_line_of`).
            pieces = self.lines.runs[run].pieces
            above = next(q for q, piece in enumerate(pieces) if piece[0] >= line)
            after = self.lines.piece_ends[run][above - 1] if above else 0
            k = bisect_left(self.starts[run], after)
            if k < len(self.starts[run]):
                return self._before[run] + k
            # The runs below lie wholly below `line`: the next match of all is the first there.
            if self._before[run + 1] < self._before[-1]:
                return self._before[run + 1]
        return 0

    def marks(self, line: int) -> list[tuple[int, int, int]]:
        """The spans on screen line `line`: (first cell, end cell, span number)."""
        out = []
        for r, p in self.lines.by_line.get(line, ()):
            marked = piece_marks(self.lines.runs[r], p, self.starts[r], self.ends[r])
            out += [(left, right, self._before[r] + k) for left, right, k in marked]
        return out


def piece_marks(
    run: TextRun, piece: int, starts: list[int], ends: list[int]
) -> list[tuple[int, int, int]]:
    """The spans of `run` (`starts`, `ends`: in order, none overlapping) on its `piece`: (first
    cell, end cell, the span's number in the run)."""
    out = []
    _line, start, end, cell = run.pieces[piece]
    k = bisect_right(ends, start)  # the first match ending after the piece starts
    while k < len(starts) and starts[k] < end:
        a, b = max(start, starts[k]), min(end, ends[k])
        if a < b:
            left = cell + cell_len(run.text[start:a])
            right = left + cell_len(run.text[a:b])
            out.append((left, right, k))
        k += 1
    return out


class PiecedSpans(Spans):
    """Spans some of which are pieces of one (the links of a layout, a search's matches),
    numbered in reading order: a link or a match wrapped in a table's cell is one, whose pieces
    (one a line, each a span of that line's run) share a key."""

    def __init__(
        self, lines: LineMap, spans: list[list[tuple[int, int]]], keys: list[int | None]
    ) -> None:
        super().__init__(lines, spans)
        self.pieces: list[list[int]] = []
        """Per link, its spans' numbers."""
        self._link_of: list[int] = []
        known: dict[int, int] = {}
        for piece, key in enumerate(keys):
            link = known.get(key, len(self.pieces)) if key is not None else len(self.pieces)
            if link == len(self.pieces):
                self.pieces.append([])
                if key is not None:
                    known[key] = link
            self.pieces[link].append(piece)
            self._link_of.append(link)
        self.total = len(self.pieces)

    def span_lines(self, index: int) -> tuple[int, int]:
        pieces = self.pieces[index]
        return super().span_lines(pieces[0])[0], super().span_lines(pieces[-1])[1]

    def start_of(self, index: int) -> tuple[int, int]:
        return super().start_of(self.pieces[index][0])

    def end_of(self, index: int) -> tuple[int, int]:
        return super().end_of(self.pieces[index][-1])

    def first_from(self, line: int) -> int | None:
        piece = super().first_from(line)
        return None if piece is None else self._link_of[piece]

    def marks(self, line: int) -> list[tuple[int, int, int]]:
        return [(a, b, self._link_of[n]) for a, b, n in super().marks(line)]


def highlight(
    strip: Strip,
    marks: list[tuple[int, int, int]],
    current: int | None,
    styles: tuple[Style, Style],
) -> Strip:
    """`strip` with the cells of each mark in the match style over its own (the current
    match's style for match number `current`). Styles spans of the strip; no markup."""
    match, current_match = styles
    cuts = sorted({c for a, b, _ in marks for c in (a, b)} | {strip.cell_length})
    pieces = Segment.divide(list(strip), cuts)
    segments: list[Segment] = []
    left = 0
    for cut, piece in zip(cuts, pieces, strict=False):
        style = next(
            (current_match if n == current else match for a, b, n in marks if a <= left < b),
            None,
        )
        segments += piece if style is None else Segment.apply_style(piece, post_style=style)
        left = cut
    return Strip(segments, strip.cell_length)
