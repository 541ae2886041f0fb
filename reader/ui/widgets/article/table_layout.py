"""A table of the reading view in a column of text: side by side when it fits, else stacked.

A table may take the terminal's width past the text column when the terminal has it (an eight
columns' table of a data story was squeezed into 80 cells on a 160-column terminal, its
headings cut "Cancelle / d"). Its columns are as wide as their content asks: a column of
figures its longest figure (its heading wrapped between words to that), the text columns the
rest; cells wrap between words, a word is cut only when longer than `_LONGEST_WORD` (an
address); when even the words don't fit side by side, each row is stacked as "heading: value"
lines in the text column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.console import Console
from rich.style import Style
from rich.text import Text

from ....bidi_isolates import isolates_for
from ....models import IDEOGRAPHS
from ....tables import is_figure, widened_for
from ...cell_width import terminal_cells
from .line_breaks import wrap_for_terminal


@dataclass(frozen=True)
class TableCells:
    """A table's cells, styled, for `typeset` to lay out once it knows the column's width."""

    rows: tuple[tuple[Text, ...], ...]
    header: tuple[bool, ...]
    """Per row: a row of column headings."""
    numeric: tuple[bool, ...]
    """Per column: figures, set flush right."""
    headings: tuple[Text, ...]
    """Per column: its heading, for the stacked layout of a table too wide for the column."""
    rule: Style
    spans: tuple[tuple[int, ...], ...] = ()
    """Per row, per column: the columns the cell there covers (`tables.row_spans`); () for
    a table where none spans."""
    stacked: bool = False
    """Stacked as records however wide the column (the plain layout's, `[ui] plain`): a
    screen reader read a row side by side as one line of figures, each heading far above."""

    def span(self, row: int, column: int) -> int:
        return self.spans[row][column] if self.spans else 1


CellPiece = tuple[int, int, int]
"""A cell's words on one line of a laid-out table: (start, end, cell), `line.plain[start:end]`
of cell number `cell` of the table (a stacked record's "heading: value" is a cell)."""


@dataclass(frozen=True)
class TableLines:
    """A table laid out: its lines, and per line the pieces of its cells on it, so that a
    phrase a cell wraps over two lines is found as one (`find_in_article`)."""

    lines: list[Text]
    cells: list[tuple[CellPiece, ...]]


# -- layout ------------------------------------------------------------------------------------
_SEPARATOR = " │ "


def without_separators(text: str) -> str:
    """`text` with the bars drawn between a table's cells taken out: they are no words of it."""
    return text.replace(_SEPARATOR.strip(), " ")


_BREAKS_ANYWHERE = f"{IDEOGRAPHS}\u3000-\u303f\uff00-\uffef"
_WORD = re.compile(f"[{_BREAKS_ANYWHERE}]{{1,2}}|[^\\s{_BREAKS_ANYWHERE}]+")
"""What a cell's lines break between: words, and Chinese or Japanese characters (a line of
theirs breaks between any two, `line_breaks`; two, as a stop is carried onto the next line
with the character before it)."""
_LONGEST_WORD = 20
"""A word longer than this (an address, a file's name) is cut in its column rather than have
the whole table stacked for it."""


def table_lines(table: TableCells, width: int, console: Console, wide: int = 0) -> TableLines:
    """A table in `width` cells, or up to `wide` when that is more (the terminal's width past
    the text column): columns side by side when their words fit (the longer cells wrapped),
    else each row stacked as "heading: value" lines, `width` wide as the text is."""
    columns = len(table.numeric)
    room = max(width, wide) - len(_SEPARATOR) * (columns - 1)
    # A cell across columns is laid over them (below), not measured as its first column's.
    rows = table.rows
    if table.spans:
        # Per row, its cells not spanning columns: every one but in a few rows.
        rows = tuple(
            tuple(cell if table.span(r, c) == 1 else Text() for c, cell in enumerate(row))
            for r, row in enumerate(table.rows)
        )
    natural = [
        max((terminal_cells(row[c].plain) for row in rows), default=0) for c in range(columns)
    ]
    words = [
        min(
            _LONGEST_WORD,
            max(
                (terminal_cells(w) for row in rows for w in _WORD.findall(row[c].plain)),
                default=0,
            ),
        )
        for c in range(columns)
    ]
    if not columns or table.stacked or sum(max(w, 1) for w in words) > room:
        return _stacked(table, width, console)
    body = [
        max(
            (terminal_cells(row[c].plain) for r, row in enumerate(rows) if not table.header[r]),
            default=0,
        )
        for c in range(columns)
    ]
    widths = _fit(natural, words, body, table.numeric, room)
    _widen_for_spans(table, widths, room)
    plain = [(c, 1, w) for c, w in enumerate(widths)]
    slots = [
        _slots(table, r, widths, room) if table.spans and max(table.spans[r]) != 1 else plain
        for r in range(len(table.rows))
    ]
    grids = []
    for row, laid in zip(table.rows, slots, strict=True):
        grids.append([wrap_for_terminal(row[c], console, w) for c, _span, w in laid])
    # Rows that wrap onto several lines run together unless a rule sets them apart.
    ruled = any(
        len(lines) > 1 for r, grid in enumerate(grids) for lines in grid if not table.header[r]
    )
    rule = Text("─┼─".join("─" * w for w in widths), table.rule, end="")
    out = TableLines([], [])
    for r, grid in enumerate(grids):
        if r and (ruled or (table.header[r - 1] and not table.header[r])):
            out.lines.append(rule)
            out.cells.append(())
        for i in range(max(1, *(len(lines) for lines in grid))):
            line = Text(end="")
            cells: list[CellPiece] = []
            for n, ((c, span, cell_width), lines) in enumerate(zip(slots[r], grid, strict=True)):
                if n:
                    line.append(_SEPARATOR, table.rule)
                piece = lines[i] if i < len(lines) else Text()
                piece.rstrip()
                pad = " " * (cell_width - terminal_cells(piece.plain))
                right = table.numeric[c] and span == 1
                # A figure across columns of figures (one sum for two years) stands between them.
                centred = span > 1 and table.numeric[c] and is_figure(table.rows[r][c].plain)
                before = len(pad) // 2 if centred else len(pad) if right else 0
                if before:
                    line.append(pad[:before])
                # A Hebrew or Arabic cell's words in the reader's bidi isolates, its padding
                # and the bars outside: in a terminal with bidi, two such cells side by side
                # ran together across the bar, each drawn in the other's column.
                opening, closing = isolates_for(piece.plain)
                line.append(opening)
                cells += _piece(len(line), piece.plain, r * columns + c)
                line.append_text(piece)
                line.append(closing)
                if before < len(pad):
                    line.append(pad[before:])
            line.rstrip()
            out.lines.append(line)
            out.cells.append(tuple(cells))
    return out


def _widen_for_spans(table: TableCells, widths: list[int], room: int) -> None:
    """A cell across columns with cells after it ("Total" before its figure) wider than the
    columns it spans: one of them widened for it (`tables.widened_for`), as far as the room goes, so it is not
    wrapped while the table has room for it on one line."""
    for r, row in enumerate(table.rows):
        if not table.spans or not any(span != 1 for span in table.spans[r]):
            continue
        for c in range(len(widths)):
            span = table.span(r, c)
            if span < 2 or not any(cell.plain.strip() for cell in row[c + span :]):
                continue
            across = sum(widths[c : c + span]) + len(_SEPARATOR) * (span - 1)
            short = terminal_cells(row[c].plain) - across
            widened = widened_for(table.numeric, c, span)
            widths[widened] += max(0, min(short, room - sum(widths)))


def _slots(table: TableCells, r: int, widths: list[int], room: int) -> list[tuple[int, int, int]]:
    """Row `r`'s cells as laid: (column, columns it covers, width) each. A cell across
    columns takes theirs and the separators between; the last one of the row, with no words
    after it (a scorers' line across a scoreboard, a note), as much of the room as it asks."""
    row = table.rows[r]
    laid = [
        (
            c,
            table.span(r, c),
            sum(widths[c : c + table.span(r, c)]) + len(_SEPARATOR) * (table.span(r, c) - 1),
        )
        for c in range(len(widths))
        if table.span(r, c)
    ]
    for n, (c, span, width) in enumerate(laid):
        if span > 1 and not any(row[after].plain.strip() for after in range(c + span, len(row))):
            asks = terminal_cells(row[c].plain)
            laid[n] = (
                c,
                span,
                max(width, min(asks, room + len(_SEPARATOR) * (len(widths) - 1) - _start(laid, n))),
            )
            return laid[: n + 1]
    return laid


def _start(laid: list[tuple[int, int, int]], n: int) -> int:
    """Where slot `n` of a row starts, in cells from the table's left edge."""
    return sum(width + len(_SEPARATOR) for _c, _span, width in laid[:n])


def _piece(at: int, words: str, cell: int) -> list[CellPiece]:
    """The piece of `cell` whose line text `words` starts at character `at` of its line, less
    the whitespace round it (none: a blank)."""
    core = words.strip()
    if not core:
        return []
    start = at + len(words) - len(words.lstrip())
    return [(start, start + len(core), cell)]


def _fit(
    natural: list[int], words: list[int], body: list[int], numeric: tuple[bool, ...], room: int
) -> list[int]:
    """Column widths summing to at most `room`, each at least its longest word (`words`).
    The cells left over go first to the figures' columns up to their longest figure (`body`:
    the rows under the headings), then one at a time to the text column furthest from its
    natural width, so the wrapped text columns end up about equally deep, and only then to
    the headings of the figures' columns: a heading "Delayed over 30 min" over figures of
    three digits took as many cells as the notes beside it."""
    widths = [min(w, n) for w, n in zip(words, natural, strict=True)]
    left = room - sum(widths)
    for c, figures in enumerate(numeric):
        if figures and left > 0:
            more = min(left, max(0, body[c] - widths[c]))
            widths[c] += more
            left -= more
    for wanted in (
        [c for c in range(len(widths)) if not numeric[c]],
        list(range(len(widths))),
    ):
        while left > 0 and wanted:
            c = max(wanted, key=lambda c: natural[c] - widths[c])
            if widths[c] >= natural[c]:
                break
            widths[c] += 1
            left -= 1
    return widths


def _stacked(table: TableCells, width: int, console: Console) -> TableLines:
    """Each row as a group of lines, one per filled cell, led by its column's heading; a cell
    across columns by theirs when it is a figure ("2023 / 2024: 30"), by none when it is words
    (a note across the row is no value of its first column)."""
    out = TableLines([], [])
    for r, row in enumerate(table.rows):
        if table.header[r] and r == 0:
            continue  # its cells are the headings below
        if out.lines:  # a blank line in the plain layout, not a rule read out glyph by glyph
            rule = "" if table.stacked else "─" * min(width, 20)
            out.lines.append(Text(rule, table.rule, end=""))
            out.cells.append(())
        for c, cell in enumerate(row):
            if not cell.plain.strip():
                continue
            line = Text(end="")
            heading = table.headings[c]
            span = table.span(r, c)
            if span > 1:
                named = [h for h in table.headings[c : c + span] if h.plain]
                heading = Text(" / ").join(named) if is_figure(cell.plain) else Text()
            if heading.plain and not table.header[r]:
                line.append_text(heading)
                line.append(": ")
            line.append_text(cell)
            for piece in wrap_for_terminal(line, console, width):
                out.lines.append(piece)
                out.cells.append(tuple(_piece(0, piece.plain, len(table.numeric) * r + c)))
    return out
