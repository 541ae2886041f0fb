"""A table of the reading view in a column of text: side by side when it fits, else stacked."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from .line_breaks import wrap


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


# -- layout ------------------------------------------------------------------------------------
_SEPARATOR = " │ "
_NARROWEST = 6
"""The narrowest a column may be squeezed to before the table is stacked instead."""


def table_lines(table: TableCells, width: int, console: Console) -> list[Text]:
    """A table in `width` cells: columns side by side when they fit (the widest ones wrapped),
    else each row stacked as "heading: value" lines."""
    columns = len(table.numeric)
    natural = [max((row[c].cell_len for row in table.rows), default=0) for c in range(columns)]
    room = width - len(_SEPARATOR) * (columns - 1)
    if not columns or sum(min(n, _NARROWEST) for n in natural) > room:
        return _stacked(table, width, console)
    words = [
        max((cell_len(word) for row in table.rows for word in row[c].plain.split()), default=0)
        for c in range(columns)
    ]
    widths = _fit(natural, words, room)
    grids = []
    for row in table.rows:
        grids.append([wrap(cell, console, widths[c]) for c, cell in enumerate(row)])
    # Rows that wrap onto several lines run together unless a rule sets them apart.
    ruled = any(len(lines) > 1 for grid in grids for lines in grid)
    rule = Text("─┼─".join("─" * w for w in widths), table.rule, end="")
    out: list[Text] = []
    for r, grid in enumerate(grids):
        if r and (ruled or (table.header[r - 1] and not table.header[r])):
            out.append(rule)
        for i in range(max(1, *(len(lines) for lines in grid))):
            line = Text(end="")
            for c, lines in enumerate(grid):
                if c:
                    line.append(_SEPARATOR, table.rule)
                piece = lines[i] if i < len(lines) else Text()
                piece.rstrip()
                pad = " " * (widths[c] - piece.cell_len)
                if table.numeric[c]:
                    line.append(pad)
                    line.append_text(piece)
                else:
                    line.append_text(piece)
                    line.append(pad)
            line.rstrip()
            out.append(line)
    return out


def _fit(natural: list[int], words: list[int], room: int) -> list[int]:
    """Column widths summing to at most `room`. Each column first gets its longest word (so
    words are not cut when that fits), then the cells left over go one at a time to the column
    furthest from its natural width, so the wrapped columns end up about equally deep."""
    widths = [min(w, n) for w, n in zip(words, natural, strict=True)]
    if sum(widths) > room:
        # Even the words don't fit: an even share, narrow columns keeping their width.
        widths = list(natural)
        wide = list(range(len(natural)))
        while wide:
            share = room // len(wide)
            narrow = [c for c in wide if natural[c] <= share]
            if not narrow:
                for n, c in enumerate(wide):
                    widths[c] = share + (1 if n < room - share * len(wide) else 0)
                break
            room -= sum(natural[c] for c in narrow)
            wide = [c for c in wide if c not in narrow]
        return widths
    for _ in range(room - sum(widths)):
        c = max(range(len(widths)), key=lambda c: natural[c] - widths[c])
        if widths[c] >= natural[c]:
            break
        widths[c] += 1
    return widths


def _stacked(table: TableCells, width: int, console: Console) -> list[Text]:
    """Each row as a group of lines, one per filled cell, led by its column's heading."""
    out: list[Text] = []
    for r, row in enumerate(table.rows):
        if table.header[r] and r == 0:
            continue  # its cells are the headings below
        if out:
            out.append(Text("─" * min(width, 20), table.rule, end=""))
        for c, cell in enumerate(row):
            if not cell.plain.strip():
                continue
            line = Text(end="")
            heading = table.headings[c]
            if heading.plain and not table.header[r]:
                line.append_text(heading)
                line.append(": ")
            line.append_text(cell)
            out.extend(wrap(line, console, width))
    return out
