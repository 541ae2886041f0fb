"""A court filing's caption read one side after the other: the parties left of a column of ")"
(or "§", as Texas courts set it), the case number and the document's name right of it.

A US filing opens with its caption: "JANE ROE, Plaintiff, v. ACME CORP., Defendant." down the
left, "Case No. 1:26-cv-01234" and "COMPLAINT" down the right, a ")" on every line between
them. Read line by line across the page, as the file gives them, the two sides ran into one
paragraph ("ACME CORP., ) JURY TRIAL DEMANDED ) Defendant."): here the rows the column of ")"
stands on are taken apart, the left side's lines first, then the right side's, the ")" left
out, whichever order the file gives the pieces in (row by row, or a table's cell after cell).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .pdf_lines import _SAME_PLACE, Line

_DIVIDERS = frozenset(")§")
"""What a caption's column between the parties and the case number is set in."""
_FEWEST = 4
"""Dividers, one under the other at one place, that tell a caption: a caption has a line for
each party, its role and the "v." between them."""
_STEP = 3.0
"""How many of its lines' sizes a divider may stand below the last and be of its column (a
blank line of the caption keeps its ")")."""


def captions_apart(rows: list[Line]) -> list[Line]:
    """One page's rows, those a caption's column of dividers stands on taken apart: the pieces
    left of the column as lines of their own top to bottom, then those right of it, where the
    first of those rows was; the dividers left out. `rows` as they are on a page with none."""
    given = rows
    rows = [_divider_apart(row) for row in rows]
    column = _divider_column(rows)
    if not column:
        return given
    x = column[0][0]
    top = max(y for _, y, _ in column) + column[0][2] * 0.5
    bottom = min(y for _, y, _ in column) - column[0][2] * 0.5
    inside = [n for n, row in enumerate(rows) if bottom <= row.y <= top]
    left: list[Line] = []
    right: list[Line] = []
    for n in inside:
        row = rows[n]
        pieces = [piece for piece in row.pieces if not _divider(piece, x)]
        left += _side(row, [piece for piece in pieces if piece[0] < x], "left")
        right += _side(row, [piece for piece in pieces if piece[0] > x], "right")
    if len(left) < 2 or not right:
        return given  # a column of "§" before a table's section numbers: no parties beside it
    taken = set(inside)
    first = inside[0]
    before = [row for n, row in enumerate(rows[:first]) if n not in taken]
    after = [row for n, row in enumerate(rows[first:], first) if n not in taken]
    # Stable: lines of one side at one height keep the file's order.
    ordered = sorted(left, key=lambda line: -line.y) + sorted(right, key=lambda line: -line.y)
    return before + ordered + after


_LEADING = re.compile(r"([)§])\s+(\S.*)")
"""A divider and the right side's text in one piece (") Case No. 1:26-cv-01234"), a tab
between them."""


def _divider_apart(row: Line) -> Line:
    """The row with a divider opening a piece set apart from the text after it, that text
    placed a divider's width and a tab's further on, about; the row itself when there is none."""
    if not any(_LEADING.fullmatch(text) for _, text, _ in row.pieces):
        return row
    pieces: list[tuple[float, str, float]] = []
    for x, text, size in row.pieces:
        if match := _LEADING.fullmatch(text):
            pieces += [(x, match[1], size), (x + size, match[2], size)]
        else:
            pieces.append((x, text, size))
    return replace(row, pieces=pieces)


def _divider(piece: tuple[float, str, float], x: float) -> bool:
    return piece[1] in _DIVIDERS and abs(piece[0] - x) <= _SAME_PLACE


def _divider_column(rows: list[Line]) -> list[tuple[float, float, float]]:
    """The longest run of dividers (x, y, size) at one place, each under the last within
    `_STEP` lines; none when it is shorter than `_FEWEST`."""
    buckets: dict[int, list[tuple[float, float, float]]] = {}
    for row in rows:
        for x, text, size in row.pieces:
            if text in _DIVIDERS:
                buckets.setdefault(round(x / _SAME_PLACE), []).append((x, row.y, size))
    best: list[tuple[float, float, float]] = []
    for key in [key for key, found in buckets.items() if len(found) >= _FEWEST]:
        x = buckets[key][0][0]
        near = [*buckets.get(key - 1, ()), *buckets[key], *buckets.get(key + 1, ())]
        at_x = sorted(
            (divider for divider in near if abs(divider[0] - x) <= _SAME_PLACE),
            key=lambda divider: -divider[1],
        )
        run = at_x[:1]
        for divider in at_x[1:]:
            if run[-1][1] - divider[1] > _STEP * divider[2]:
                best = max(best, run, key=len)
                run = []
            run.append(divider)
        best = max(best, run, key=len)
    return best if len(best) >= _FEWEST else []


def _side(row: Line, pieces: list[tuple[float, str, float]], side: str) -> list[Line]:
    """The row's `pieces` on one side of the column as a line of their own (none for none)."""
    if not pieces:
        return []
    text = " ".join(text for _, text, _ in pieces)
    links = [mark for mark in row.links if mark[0] in text]
    return [replace(row, x=pieces[0][0], text=text, pieces=pieces, links=links, caption=side)]
