"""An article's data tables as tables: its TABLE_ROW blocks grouped, their columns measured.

Shared by the Markdown and plain-text renderers and the reading view, so the three agree on
where a table starts and ends, how many columns it has and which of them hold numbers (set
flush right, as figures are read by their last digit). Stdlib and models only: the reading view
imports it without pulling in the extractor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .models import Block, BlockKind, Inline

# A figure as tables print them: "1,912", "24.1%", "−3.5", "$4.2bn", "+12", "06:10", "2016",
# an accountant's loss in brackets "(£4,000)", one with a note's mark "12.4*".
_FIGURE = re.compile(
    r"(?P<open>\()?[−–+\-±~≈]?\s?[$€£¥]?\s?\d[\d,.:  ']*\s?(%|[kKmM]|bn|pp|[$€£¥])?"
    r"(?(open)\))[*†‡]?"
)
# What a column of figures holds where it has none: a dash, "n/a", a statistician's "..".
_NO_FIGURE = frozenset(("—", "–", "-", "n/a", "N/A", "na", "NA", "..", "…", "*", "x"))


def group_blocks(blocks: Iterable[Block]) -> Iterator[tuple[Block, ...]]:
    """The blocks as they are laid out: each table as one group of its rows (a run of
    TABLE_ROW blocks with one `ordinal`), every other block a group of its own."""
    run: list[Block] = []
    for block in blocks:
        if block.kind == BlockKind.TABLE_ROW:
            if run and run[0].ordinal != block.ordinal:
                yield tuple(run)
                run = []
            run.append(block)
            continue
        if run:
            yield tuple(run)
            run = []
        yield (block,)
    if run:
        yield tuple(run)


def cell_text(cell: tuple[Inline, ...]) -> str:
    return "".join(i.text for i in cell)


@dataclass(frozen=True)
class TableShape:
    """What a table's layout needs to know besides its cells."""

    columns: int
    numeric: tuple[bool, ...]
    """Per column: every filled cell below the headings is a figure."""
    headings: tuple[str, ...]
    """The header row's cell texts, one per column ("" where it has none or there is none)."""


def is_figure(text: str) -> bool:
    """`text` is a figure as tables print them ("1,912", "24.1%", "£4.2bn")."""
    return bool(_FIGURE.fullmatch(text.strip()))


def row_spans(row: Block, columns: int) -> tuple[int, ...]:
    """Per column of a table of `columns`, the columns the row's cell there covers: 1, more for
    one spanning columns (`Block.spans`: "Total" across three), 0 for the columns spanned into
    after it, where the row draws no cell of its own."""
    out = [1] * columns
    c = 0
    while c < columns:
        span = min(row.span(c), columns - c)
        for covered in range(c + 1, c + span):
            out[covered] = 0
        out[c] = span
        c += span
    return tuple(out)


def widened_for(numeric: tuple[bool, ...], column: int, span: int) -> int:
    """Of the columns a cell spans from `column`, the one widened when the cell is wider than
    they are: the first of words (its words' room on their right, as the column's own), else
    the last, so that the figures stay close together."""
    covered = range(column, column + span)
    return next((c for c in covered if not numeric[c]), covered[-1])


def table_shape(rows: tuple[Block, ...]) -> TableShape:
    columns = max(
        (len(r.cells) + (r.span(len(r.cells) - 1) - 1 if r.cells else 0) for r in rows), default=0
    )
    numeric = []
    for c in range(columns):
        # A cell across columns ("Total") is no figure of the column it starts in.
        values = [
            cell_text(r.cells[c]).strip()
            for r in rows
            if not r.header and c < len(r.cells) and (not r.spans or r.span(c) == 1)
        ]
        filled = [v for v in values if v and v not in _NO_FIGURE]
        numeric.append(bool(filled) and all(_FIGURE.fullmatch(v) for v in filled))
    header = rows[0] if rows and rows[0].header else None
    headings = tuple(
        cell_text(header.cells[c]).strip() if header and c < len(header.cells) else ""
        for c in range(columns)
    )
    return TableShape(columns, tuple(numeric), headings)
