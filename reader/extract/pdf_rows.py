"""A PDF page's pieces of text set on one baseline as one row, and what the rows' shape says:
cells of a table, a statement's dot leaders, a court filing's margin line numbers.

A word processor places a bullet, a list's number, a table's cells or a statement's amount as
pieces of their own, each ending its "line" in what `pypdf` gives; read as lines of their own
they fall into the paragraphs around them ("£2,400,000 Emergency sediment removal", the amount
of the line above beside the next label). Here the pieces one after the other on one baseline
are one row again, its cells apart where a wide gap or dot leaders stand between them;
`tables` finds the rows that are a table's (cells in the same columns, row after row, or a
label and its amount across dot leaders).

Pleading paper (a US court filing) numbers its lines 1 to 28 down the left margin: a column of
whole numbers, counting up, left of all the page's text, is no text of the article. A filing's
caption, its parties and its case number either side of a column of ")", is read one side after
the other (`pdf_captions`).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import replace

from .pdf_captions import captions_apart
from .pdf_lines import _BESIDE, _LONG, _SAME_PLACE, Line, in_bands

_LEADER = re.compile(r"\s*(?:(?:\.\s?){4,}|…{2,}|(?:_\s?){4,})\s*$")
"""Dot leaders (or a rule of underscores) closing a piece: the label of the amount after it."""
_WIDTH = 0.5
"""A character's width in ems, about: where a piece ends, for the gap after it."""
_CELL_GAP = 0.8
"""A gap wider than this many ems between two pieces on one baseline sets them apart as cells
(a space is a quarter of an em; a table's cells are set apart by its padding, half an em at
least each side)."""
_LIST_MARK = re.compile(r"[•◦▪▫●○■□‣⁃∙·\-–—*]|\(?(?:\d{1,3}|[a-z])[.)]")
"""A list item's bullet or number, set apart from its text: no cell of a table."""
_LINE_NUMBER = re.compile(r"\d{1,2}")
_FEWEST_LINE_NUMBERS = 8
"""Margin numbers on a page, at least: pleading paper numbers 25 to 28 lines."""


def page_rows(lines: list[Line]) -> list[Line]:
    """One page's lines without its margin line numbers, and with the lines on one baseline,
    one after the other left to right, joined into one row, its cells apart."""
    rows: list[Line] = []
    for line in _without_line_numbers(lines):
        last = rows[-1] if rows else None
        if last is None or not _on_one_row(last, line):
            rows.append(line)
            continue
        size = line.size if line.size > last.size and len(line.text) > 2 else last.size
        rows[-1] = replace(
            last,
            text=f"{last.text} {line.text}",
            size=size,
            bold=last.bold and line.bold,
            pieces=last.pieces + line.pieces,
            links=last.links + line.links,
        )
    rows = captions_apart(rows)
    return _columns_apart([replace(row, cells=_cells(row.pieces)) for row in rows])


def _columns_apart(rows: list[Line]) -> list[Line]:
    """The rows, where they are a page's two columns of text given line by line across the
    page (a line of the left column, then the line beside it in the right one, each its own
    text object), taken apart again and read column after column: as `pdf_lines.columns_apart`
    does for such lines given in one text object, by the same signs (cells of 15 characters
    or more on either side of a start shared by three rows)."""
    starts = Counter(
        round(x / _SAME_PLACE)
        for row in rows
        for (_, before), (x, text) in itertools.pairwise(row.cells)
        if len(before) >= _LONG and len(text) >= _LONG and not _LEADER.search(before)
    )
    columns = sorted(key * _SAME_PLACE for key, count in starts.items() if count >= _BESIDE)
    if not columns:
        return rows
    apart: list[list[Line]] = []
    for row in rows:
        parts: list[list[tuple[float, str, float]]] = [[]]
        for piece in row.pieces:
            if parts[-1] and any(abs(piece[0] - start) <= _SAME_PLACE for start in columns):
                parts.append([])
            parts[-1].append(piece)
        if len(parts) == 1:
            apart.append([row])
            continue
        apart.append(
            [
                replace(
                    row,
                    x=part[0][0],
                    text=" ".join(text for _, text, _ in part),
                    pieces=part,
                    cells=_cells(part),
                )
                for part in parts
            ]
        )
    return in_bands(apart, columns)


def _on_one_row(last: Line, line: Line) -> bool:
    if last.entry or line.entry:
        return False  # a list's columns, already taken apart
    return abs(last.y - line.y) < 0.25 * max(last.size, line.size) and line.x > last.pieces[-1][0]


def _cells(pieces: list[tuple[float, str, float]]) -> tuple[tuple[float, str], ...]:
    """A row's cells: its pieces, those set apart by a wide gap or dot leaders apart, the
    others one; none for a row of one cell."""
    cells: list[tuple[float, str]] = []
    end = float("-inf")
    for x, text, size in pieces:
        gap = x - end > _CELL_GAP * size
        mark = len(cells) == 1 and _LIST_MARK.fullmatch(cells[0][1])
        if not cells or _LEADER.search(cells[-1][1]) or (gap and not mark):
            cells.append((x, text))
        else:
            at, before = cells[-1]
            # Pieces of one text object carry their own spaces; pieces placed apart do not.
            cells[-1] = (at, f"{before}{text}" if x <= end else f"{before} {text}")
        end = max(x, end) + len(text) * size * _WIDTH
    return tuple(cells) if len(cells) > 1 else ()


def _without_line_numbers(lines: list[Line]) -> list[Line]:
    """The page's lines without the numbers pleading paper sets down its left margin: whole
    numbers, each a piece of its own opening its line, counting up from the top one line
    apart, all left of every other piece of text on the page, eight at least."""
    numbers = [line for line in lines if _LINE_NUMBER.fullmatch(line.pieces[0][1])]
    if len(numbers) < _FEWEST_LINE_NUMBERS:
        return lines
    others = [x for line in lines for x, text, _ in line.pieces if not _LINE_NUMBER.fullmatch(text)]
    margin = min(others, default=float("inf"))
    column = [
        line
        for line in numbers
        if line.x + len(line.pieces[0][1]) * line.pieces[0][2] * _WIDTH < margin
    ]
    column.sort(key=lambda line: -line.y)
    values = [int(line.pieces[0][1]) for line in column]
    counting = sum(b == a + 1 for a, b in itertools.pairwise(values))
    if len(column) < _FEWEST_LINE_NUMBERS or counting < 0.8 * (len(column) - 1):
        return lines
    if sum(_beside(line, lines) >= 2 for line in column) > len(column) / 2:
        return lines  # a table's rows numbered down its first column: two cells beside each
    steps = [above.y - below.y for above, below in itertools.pairwise(column)]
    step = statistics.median(steps)
    if sum(abs(gap - step) <= 1.5 for gap in steps) < 0.8 * len(steps):
        return lines  # a judgment's numbered paragraphs: a number every few lines, unevenly
    numbered = {id(line) for line in column}
    kept = []
    for line in lines:
        if id(line) not in numbered:
            kept.append(line)
        elif rest := line.pieces[1:]:
            number = line.pieces[0][1]
            text = line.text[len(number) :].lstrip() if line.text.startswith(number) else line.text
            kept.append(replace(line, x=rest[0][0], text=text, pieces=rest))
    return kept


def _beside(line: Line, lines: list[Line]) -> int:
    """How many pieces stand on `line`'s baseline besides its own."""
    return sum(len(other.pieces) for other in lines if abs(other.y - line.y) < line.size / 4) - 1


def cell_text(text: str) -> str:
    """A cell's text without the dot leaders running from it to the next."""
    return _LEADER.sub("", text)


def tables(lines: list[Line], gap: float) -> list[Line]:
    """The lines with the rows of each table numbered (`table`, from 1) and its heading row
    marked: runs of rows, each below the last by less than two lines' gap, with as many cells
    in the same columns (each starting, or ending, where the row above's does), or rows of a
    label, dot leaders and an amount (one such row alone too)."""
    out = list(lines)
    count = 0
    at = 0
    while at < len(out):
        if not out[at].cells:
            at += 1
            continue
        end = at + 1
        while end < len(out):
            if _same_table(out[end - 1], out[end], gap):
                end += 1
            elif (folded := _wrapped_cell(out[end - 1], out[end : end + 2], gap)) is not None:
                out[end - 1 : end + 1] = [folded]
            else:
                break
        run = out[at:end]
        leaders = all(_LEADER.search(row.cells[0][1]) for row in run)
        if (len(run) > 1 and not _hanging(run)) or leaders:
            if end < len(out) and (last := _last_row(run, out[end], gap)) is not None:
                out[end] = last
                end += 1
                run = out[at:end]
            count += 1
            head = _heading_row(run)
            for n, row in enumerate(run):
                out[at + n] = replace(row, table=count, header=head and n == 0)
        at = end
    return out


def _wrapped_cell(row: Line, after: list[Line], gap: float) -> Line | None:
    """`row` with the line under it, set in one of its cells' columns at the spacing of a
    paragraph's lines, as the rest of that cell ("Bed and breakfast hotels (including" over
    "shared annexes)", its other cells figures), where the table goes on under it; None when
    the line is no such rest."""
    if len(after) < 2 or len(row.cells) < 2:
        return None
    line, below = after
    if line.cells or line.page != row.page or abs(line.size - row.size) >= 1:
        return None
    if not 0 < row.y - line.y <= gap * 1.3:
        return None
    em = line.size
    starts = [x for x, _ in row.cells]
    column = next((n for n, x in enumerate(starts) if abs(x - line.x) <= 2), None)
    if column is None or not all(
        re.search(r"\d", text) for n, (_, text) in enumerate(row.cells) if n != column
    ):
        return None  # only a label beside its figures wraps so (a term's text is prose)
    end = line.x + len(line.text) * em * _WIDTH
    if column + 1 < len(starts) and end > starts[column + 1] - em:
        return None  # runs across the next column: a line of text, not a cell's
    cells = list(row.cells)
    cells[column] = (cells[column][0], f"{cells[column][1]} {line.text}")
    folded = replace(row, y=line.y, cells=tuple(cells), text=f"{row.text} {line.text}")
    return folded if _same_table(folded, below, gap) else None


def _last_row(run: list[Line], row: Line, gap: float) -> Line | None:
    """`row` as the last of the table `run` is, with fewer cells, each under one of the
    table's columns (the last row of names set in three columns: two of them), the columns it
    leaves empty empty; None when it is no row of that table."""
    above = run[-1]
    if len(row.cells) < 2 or len(row.cells) >= len(above.cells) or row.page != above.page:
        return None
    if not 0 < above.y - row.y < gap * 2.2:
        return None
    em = max(row.size, above.size)
    cells = [(x, "") for x, _ in above.cells]
    for x, text in row.cells:
        column = min(range(len(cells)), key=lambda n: abs(above.cells[n][0] - x))
        longest = max(len(line.cells[column][1]) for line in run)
        if len(text) > 2 * longest + 4:
            return None  # a note's line under the table, no cell of its columns
        start, over = above.cells[column]
        ends_apart = abs((start + len(over) * em * _WIDTH) - (x + len(text) * em * _WIDTH))
        if (abs(start - x) > 4 * em and ends_apart > 2 * em) or cells[column][1]:
            return None
        cells[column] = (x, text)
    return replace(row, cells=tuple(cells))


def _hanging(run: list[Line]) -> bool:
    """Whether rows of two cells are paragraphs hung from their numbers or marks ("7  The
    court heard…", a judgment's numbered paragraphs): a short first cell, a line of text
    after it."""
    return all(
        len(row.cells) == 2 and len(row.cells[0][1]) <= 4 and len(row.cells[1][1]) >= 20
        for row in run
    )


def _same_table(above: Line, row: Line, gap: float) -> bool:
    if not row.cells or len(row.cells) != len(above.cells) or row.page != above.page:
        return False
    if not 0 < above.y - row.y < gap * 2.2:
        return False
    em = max(row.size, above.size)
    for (x1, t1), (x2, t2) in zip(above.cells, row.cells, strict=True):
        ends_apart = abs((x1 + len(t1) * em * _WIDTH) - (x2 + len(t2) * em * _WIDTH))
        if abs(x1 - x2) > 4 * em and ends_apart > 2 * em:
            return False
    return True


def _heading_row(run: list[Line]) -> bool:
    """Whether a table's first row heads its columns: bold, or words over rows of figures."""
    first = run[0]
    if len(run) < 2:
        return False
    if first.bold and not all(row.bold for row in run[1:]):
        return True
    figures = any(re.search(r"\d", text) for row in run[1:] for _, text in row.cells[1:])
    return figures and not any(re.search(r"\d", text) for _, text in first.cells)
