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

from ....models import IDEOGRAPHS
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
    natural = [
        max((terminal_cells(row[c].plain) for row in table.rows), default=0) for c in range(columns)
    ]
    words = [
        min(
            _LONGEST_WORD,
            max(
                (terminal_cells(w) for row in table.rows for w in _WORD.findall(row[c].plain)),
                default=0,
            ),
        )
        for c in range(columns)
    ]
    if not columns or sum(max(w, 1) for w in words) > room:
        return _stacked(table, width, console)
    body = [
        max(
            (
                terminal_cells(row[c].plain)
                for r, row in enumerate(table.rows)
                if not table.header[r]
            ),
            default=0,
        )
        for c in range(columns)
    ]
    widths = _fit(natural, words, body, table.numeric, room)
    grids = []
    for row in table.rows:
        grids.append([wrap_for_terminal(cell, console, widths[c]) for c, cell in enumerate(row)])
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
            for c, lines in enumerate(grid):
                if c:
                    line.append(_SEPARATOR, table.rule)
                piece = lines[i] if i < len(lines) else Text()
                piece.rstrip()
                pad = " " * (widths[c] - terminal_cells(piece.plain))
                if table.numeric[c]:
                    line.append(pad)
                cells += _piece(len(line), piece.plain, r * columns + c)
                line.append_text(piece)
                if not table.numeric[c]:
                    line.append(pad)
            line.rstrip()
            out.lines.append(line)
            out.cells.append(tuple(cells))
    return out


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
    """Each row as a group of lines, one per filled cell, led by its column's heading."""
    out = TableLines([], [])
    for r, row in enumerate(table.rows):
        if table.header[r] and r == 0:
            continue  # its cells are the headings below
        if out.lines:
            out.lines.append(Text("─" * min(width, 20), table.rule, end=""))
            out.cells.append(())
        for c, cell in enumerate(row):
            if not cell.plain.strip():
                continue
            line = Text(end="")
            heading = table.headings[c]
            if heading.plain and not table.header[r]:
                line.append_text(heading)
                line.append(": ")
            line.append_text(cell)
            for piece in wrap_for_terminal(line, console, width):
                out.lines.append(piece)
                out.cells.append(tuple(_piece(0, piece.plain, len(table.numeric) * r + c)))
    return out
