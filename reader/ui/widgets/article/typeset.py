"""Paragraphs → styled, wrapped lines (`Strip`s) for one column width.

Pure functions, no widget: the reading view builds `Paragraph`s once per article
(`article_header`, `block_paragraphs`) and wraps them again here only when the width changes.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import accumulate, islice

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip

from ....bidi_isolates import isolates_for
from ...cell_width import fold_to_cells
from .line_breaks import NARROWEST, wrap_for_terminal
from .paragraph import Layout, Paragraph, TextRun
from .table_layout import CellPiece, table_lines
from .table_links import _line_links

MAX_COLUMN = 80
"""The widest the text column gets unless `[ui] text_width` says otherwise: longer lines are
hard to read."""


def typeset(paragraphs: list[Paragraph], width: int, console: Console) -> list[Strip]:
    """Wrap every paragraph to `width` cells; one `Strip` per screen line (not padded)."""
    return layout(paragraphs, width, console).lines


def layout(
    paragraphs: list[Paragraph],
    width: int,
    console: Console,
    laid: Layout | None = None,
    lines_wanted: int | None = None,
) -> Layout:
    """`typeset`, and where each paragraph's text went (for search).

    Continues `laid` (the first of `paragraphs` laid out for the same width), in place, and
    stops after the paragraph that makes it `lines_wanted` lines long (None: all of them): a
    paragraph's lines depend on no other's, so an article laid out in parts is laid out as in
    one go, and the reading view shows a long one's first screen before the rest is wrapped.
    """
    laid = Layout([], []) if laid is None else laid
    lines, runs, headings, extents = laid.lines, laid.runs, laid.headings, laid.extents
    blank = Strip([])
    for paragraph in islice(paragraphs, len(extents), None):
        if lines_wanted is not None and len(lines) >= lines_wanted:
            break
        if not paragraph.drawn:
            extents.append(range(len(lines), len(lines)))
            continue
        if lines:
            lines.extend([blank] * paragraph.gap)
        top = len(lines)
        if paragraph.heading:
            headings.append(top)
        room = max(NARROWEST, width - paragraph.first.cell_len)
        text = paragraph.text.copy()
        fold_mark: Text | None = None  # after the first line of a paragraph folded to it
        continued: set[int] = set()  # the pieces that go on a line folded at the column's edge
        cells: list[tuple[CellPiece, ...]] = []  # a table's: its cells' pieces, line by line
        if text.style:
            # The paragraph's own style as a span under the inline ones: wrapping keeps spans,
            # not the base style.
            text.stylize_before(text.style)
            text.style = ""
        if paragraph.table is not None:
            wide = laid.wide - paragraph.first.cell_len
            laid_table = table_lines(paragraph.table, room, console, wide)
            pieces, cells = laid_table.lines, laid_table.cells
        elif paragraph.fill:
            pieces = [Text(paragraph.fill * room, paragraph.text.style)]
        elif paragraph.wrap:
            align = "right" if paragraph.rtl else paragraph.align
            pieces = wrap_for_terminal(text, console, room, align, paragraph.keep)
            if paragraph.fold is not None and len(pieces) > 1:
                # Its first line only, short enough to take the mark after it.
                fold_mark = paragraph.fold
                narrower = max(NARROWEST, room - fold_mark.cell_len)
                pieces = wrap_for_terminal(text, console, narrower, align, paragraph.keep)[:1]
        else:
            pieces = []
            for line in text.split("\n", allow_blank=True):
                # Preformatted text keeps its lines; a line wider than the column is folded,
                # by cells: a line of Chinese folded every `room` characters was twice as wide
                # as the column, and the half past its edge was never seen. Between clusters:
                # an emoji's skin tone is no character of its own.
                folds = list(accumulate(len(part) for part in fold_to_cells(line.plain, room)))
                for fold, piece in enumerate(line.divide(folds[:-1]) or [line]):
                    # Padded to the column so a code block reads as one shaded box.
                    piece.append(" " * max(0, room - piece.cell_len), paragraph.text.style)
                    if fold:
                        continued.add(len(pieces))
                    pieces.append(piece)
        isolating = paragraph.wrap and paragraph.table is None and not paragraph.fill
        for number, piece in enumerate(pieces):
            prefix = paragraph.first if number == 0 else paragraph.rest
            if number in continued and paragraph.folded is not None:
                prefix = paragraph.folded
            line = piece
            parts = (prefix, piece) if fold_mark is None else (prefix, piece, fold_mark)
            if prefix.plain or fold_mark is not None:
                # Not `prefix + piece`: the sum takes the prefix's style (a bullet's colour)
                # as its own, for the whole line.
                line = Text(end="")
                for part in reversed(parts) if paragraph.rtl else parts:
                    line.append_text(part)
            line.end = ""
            segments = list(line.render(console))
            if isolating and not piece.plain.isascii():  # (English: nothing to look for)
                # Where the piece is in the line: after its prefix, or first when right to left.
                at = 0 if paragraph.rtl or not prefix.plain else len(prefix.plain)
                segments = _isolated(segments, piece.plain, at, paragraph.rtl)
            lines.append(Strip(segments))
        if paragraph.table is not None:
            drawn = max((strip.cell_length for strip in lines[top:]), default=0)
            if drawn > width:
                laid.overhang.update(dict.fromkeys(range(top, len(lines)), drawn))
        extents.append(range(top, len(lines)))
        if not paragraph.fill and (paragraph.searched or paragraph.own):
            if fold_mark is not None:
                runs += _folded_runs(paragraph, text.plain, pieces[0], top, lines)
            else:
                runs += _runs(paragraph, text.plain, pieces, top, lines, cells)
    return laid


def _isolated(segments: list[Segment], words: str, at: int, right_to_left: bool) -> list[Segment]:
    """A line's `segments` with the words of its wrapped piece (`words`, drawn from character
    `at` of the line) in the reader's bidi isolates (`bidi_isolates`) when they hold Hebrew,
    Arabic… letters, its padding outside them, so that the prefix after or before them (a
    bullet, a list's number, a quote's bar) stays where it is drawn: a terminal with bidi made
    a Hebrew item's "1." and its sentence's full stop change sides (acc41c C12). Right to left
    as its paragraph is set. The segments as they were when the words hold none.

    Put into the segments drawn, in the style of the letter beside each: the layout's pieces
    are what a search and a passage read, and a `Text` cut and joined again for them made a
    Hebrew article take 1.65 times as long to lay out (`benchmarks/bidi_typeset.py`)."""
    start = len(words) - len(words.lstrip())
    end = len(words.rstrip())
    opening, closing = isolates_for(words[start:end], right_to_left)
    if not opening:
        return segments
    out: list[Segment] = []
    first, last = at + start, at + end  # the line's characters the words take
    position = 0
    for segment in segments:
        text = segment.text
        after = position + len(text)
        if position <= first < after:
            text = f"{text[: first - position]}{opening}{text[first - position :]}"
            position -= 1  # the offsets below count the line's own characters
        if position < last <= after:
            text = f"{text[: last - position]}{closing}{text[last - position :]}"
        unchanged = text is segment.text
        out.append(segment if unchanged else segment._replace(text=text))
        position = after
    return out


def _folded_runs(
    paragraph: Paragraph, plain: str, piece: Text, top: int, lines: list[Strip]
) -> list[TextRun]:
    """`_runs` of a paragraph folded to its first line, `piece`: its words on that line alone,
    and its links as far as they are on it."""
    core = piece.plain.strip()
    start = plain.find(core)
    if start < 0:
        return []
    cut = start + len(core)
    links = tuple((s, min(e, cut), a) for s, e, a in paragraph.links if s < cut)
    return _runs(replace(paragraph, links=links), plain[:cut], [piece], top, lines)


def _runs(
    paragraph: Paragraph,
    plain: str,
    pieces: list[Text],
    top: int,
    lines: list[Strip],
    cells: list[tuple[CellPiece, ...]] | None = None,
) -> list[TextRun]:
    """Where `plain` went: each wrapped piece is a stretch of it, less the whitespace at its
    ends (and a centred line's padding), so it is found from where the previous one ended.
    A table's lines (`cells`: its cells' pieces on each) are runs of their own."""
    if paragraph.table is None:
        located = []
        cursor = 0
        words = len(plain) - paragraph.aside  # the view's own mark after them not in the run
        for number, piece in enumerate(pieces):
            drawn = piece.plain
            core = drawn.strip()
            if not core:
                continue
            start = plain.find(core, cursor)
            if start < 0:
                break  # wrapping changed the text (a tab expanded): taken line by line below
            prefix = paragraph.first if number == 0 else paragraph.rest
            before = 0 if paragraph.rtl else prefix.cell_len  # right to left: it is after
            cell = before + cell_len(drawn[: len(drawn) - len(drawn.lstrip())])
            cursor = start + len(core)
            if start < words:
                located.append((top + number, start, min(cursor, words), cell))
        else:
            run = TextRun(
                plain[:words],
                tuple(located),
                paragraph.links,
                label=paragraph.label,
                own=paragraph.own,
            )
            return [run] if located else []
    # A table's cells are wrapped each in its own column: its lines are searched as drawn.
    out = []
    for offset, piece in enumerate(pieces):
        number = top + offset
        drawn = lines[number].text
        if drawn.strip():
            prefix = paragraph.first if offset == 0 else paragraph.rest
            shift = len(prefix.plain)
            links, keys = _line_links(piece, shift) if paragraph.table else ((), ())
            where = tuple(
                (start + shift, end + shift, (top, cell))
                for start, end, cell in (cells[offset] if cells else ())
            )
            rule = paragraph.table is not None and cells is not None and not cells[offset]
            out.append(
                TextRun(drawn, ((number, 0, len(drawn), 0),), links, keys, cells=where, rule=rule)
            )
    return out
