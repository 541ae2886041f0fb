"""A table's cells laid on its grid of columns, as a browser lays them: a cell spanning columns
(`colspan`) or rows (`rowspan`) takes every place it covers, so the cells after it land under
their own columns. Without it, the "2024" under a "Seats" spanning two columns stood under
"Seats" and the figures under it one column to the left.

Blocks hold one line of cells per row and Markdown tables can't span, so the places a cell
covers beyond its own are filled with it or left empty (`Place`), and a heading stacked over
the headings it spans ("Seats" over "2019" and "2024") is read into one row of headings
("Seats 2019", "Seats 2024") by `heading_row`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from lxml.html import HtmlElement

from ..models import Inline

Cell = tuple[Inline, ...]

# Browsers' limits: a colspan past 1,000 or a rowspan past 65,534 counts as that many.
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534
# The places a table's spans may fill, all rows together; past them its cells are laid one
# place each. A page of 2,000 rows of one cell spanning 1,000 columns (85 KB) took 8 s to lay
# out; the largest real tables (thousands of rows of a few columns) fill a few tens of
# thousands.
_MAX_SPANNED = 250_000


@dataclass(frozen=True)
class Place:
    """One place of the grid: the cell that covers it, and whether it is the cell's own (its
    top left) or one it spans into."""

    cell: HtmlElement
    first_column: bool = True
    """False in the columns a `colspan` spans into, right of the cell's own."""
    first_row: bool = True
    """False in the rows a `rowspan` spans into, below the cell's own."""


def _span(cell: HtmlElement, name: str, default: int, most: int) -> int:
    value = (cell.get(name) or "").strip()
    digits = value[: len(value) - len(value.lstrip("0123456789"))]
    return min(int(digits), most) if digits else default


def cells_of(row: HtmlElement) -> list[HtmlElement]:
    return [cell for cell in row if cell.tag in ("td", "th")]


class _Row:
    """One row's places as they are filled, and the cells spanning down into the rows below."""

    def __init__(self, below: dict[int, tuple[int, Place]]) -> None:
        self.places: list[Place | None] = []
        self.below = below
        """Column → (rows still to cover, the place covering it), shared down a row group."""

    def take(self, column: int, place: Place) -> None:
        self.places.extend([None] * (column + 1 - len(self.places)))
        self.places[column] = place

    def covered(self, column: int) -> bool:
        """Fills `column` with the cell spanning into it from above, if one does."""
        if column not in self.below:
            return False
        left, place = self.below[column]
        self.take(column, Place(place.cell, place.first_column, first_row=False))
        if left > 1:
            self.below[column] = (left - 1, place)
        else:
            del self.below[column]
        return True


def lay_out(rows: Sequence[HtmlElement]) -> list[list[Place | None]]:
    """Each row's places, column by column (None where no cell covers one: a short row). A
    rowspan stays within its row group (`thead`, `tbody`, `tfoot`), as in a browser; 0 spans
    to the group's end."""
    grid: list[list[Place | None]] = []
    below: dict[int, tuple[int, Place]] = {}
    group = None
    spanned = 0
    for row in rows:
        if row.getparent() is not group:
            group, below = row.getparent(), {}
        if spanned > _MAX_SPANNED:
            below.clear()  # a hostile table: the rest laid as if nothing spanned
        laid = _Row(below)
        column = 0
        for cell in cells_of(row):
            while laid.covered(column):
                column += 1
            across = max(_span(cell, "colspan", 1, _MAX_COLSPAN), 1)
            down = _span(cell, "rowspan", 1, _MAX_ROWSPAN) or _MAX_ROWSPAN
            if spanned > _MAX_SPANNED:
                across = down = 1
            for c in range(column, column + across):
                place = Place(cell, first_column=c == column)
                laid.take(c, place)
                if down > 1:
                    below[c] = (down - 1, place)
            column += across
        for c in sorted(below):  # spanned into from above, past the row's own cells
            if c >= column:
                laid.covered(c)
        spanned += len(laid.places)
        grid.append(laid.places)
    return grid


def spans(places: Sequence[Place | None]) -> bool:
    """A row of headings that groups others: one of its cells spans rows, or spans columns
    without spanning them all (a title across the whole table groups nothing)."""
    for place in places:
        if place is None:
            continue
        if not place.first_row or place.cell.get("rowspan", "1").strip() not in ("", "1"):
            return True
        if not place.first_column and any(p is None or p.cell is not place.cell for p in places):
            return True
    return False


Row = tuple[tuple[Cell, ...], bool, tuple[int, ...]]
"""A row as blocks hold it: its cells, whether it is a row of headings, its cells' spans
(`Block.spans`, () when none spans)."""


def table_rows(
    laid: Sequence[tuple[Sequence[Place | None], bool]], content: Callable[[HtmlElement], Cell]
) -> list[Row]:
    """The rows of a table as blocks hold them, (cells, header, spans) each, from its rows'
    places and whether each is a row of headings. A column no cell begins in (spanned into only) is left
    out: it would be empty in every row. Rows of headings stacked atop the table, the first
    grouping the ones under it, are read as one (`heading_row`)."""
    begun = {
        c for places, _ in laid for c, p in enumerate(places) if p is not None and p.first_column
    }
    grid = [[p for c, p in enumerate(places) if c in begun] for places, _ in laid]
    stack = 0
    while stack < len(laid) and laid[stack][1]:
        stack += 1
    # A cell beside every row under the headings (a picture of the cities listed, a note on
    # them all) is said once, not in every row.
    body = grid[stack:]
    beside = (
        {p.cell for p in body[0] if p is not None and p.first_row}
        & {p.cell for p in body[-1] if p is not None and not p.first_row}
        if len(body) > 1
        else set()
    )
    out = [
        (row_cells(places, content, beside), header, row_spans(places))
        for places, (_, header) in zip(grid, laid, strict=True)
    ]
    if stack > 1 and spans(grid[0]):
        out[:stack] = [(heading_row(grid[:stack], content), True, ())]
    if any(p is not None and not p.first_column for places in grid for p in places):
        out = _without_empty_columns(out)
    return out


def row_spans(places: Sequence[Place | None]) -> tuple[int, ...]:
    """Per place of the row, the columns its cell covers from there: 1, but where a cell
    begins that spans columns; () when none does."""
    out = []
    for c, place in enumerate(places):
        span = 1
        if place is not None and place.first_column:
            while c + span < len(places) and _spanned_into(places[c + span], place):
                span += 1
        out.append(span)
    while out and out[-1] == 1:
        out.pop()
    return tuple(out)


def _spanned_into(place: Place | None, by: Place) -> bool:
    return place is not None and place.cell is by.cell and not place.first_column


def _without_empty_columns(rows: list[Row]) -> list[Row]:
    """The rows without the columns empty in every one: where spanning cells stand over
    columns of pictures or of nothing, a table of words had columns of blanks between. A
    cell spanning columns left out spans the fewer left."""
    columns = max((len(cells) for cells, _, _ in rows), default=0)
    filled = [
        c
        for c in range(columns)
        if any(c < len(cells) and "".join(i.text for i in cells[c]).strip() for cells, _, _ in rows)
    ]
    if len(filled) == columns:
        return rows
    out = []
    for cells, header, spans in rows:
        kept = [cells[c] if c < len(cells) else () for c in filled]
        while kept and not kept[-1]:
            kept.pop()
        spanned = [
            sum(1 for f in filled if c <= f < c + (spans[c] if c < len(spans) else 1))
            for c in filled
        ]
        fewer = tuple(max(1, n) for n in spanned) if any(n > 1 for n in spanned) else ()
        out.append((tuple(kept), header, fewer))
    return out


def row_cells(
    places: Sequence[Place | None],
    content: Callable[[HtmlElement], Cell],
    once: Collection[HtmlElement] = (),
) -> tuple[Cell, ...]:
    """A row's cells, one per column up to its last: a cell spanning rows repeated in each (a
    row read alone, or stacked as "heading: value" lines, still says whose figures they are),
    but for those `once`, which only their first row shows; the columns a cell spans into
    after its own left empty (a note across two columns of figures is not two notes, nor "2"
    across two years two figures). A row ending in such columns ends at the spanning cell:
    short rows are padded where they are laid out, and search reads "Winter", a group's name
    across the table, not "Winter | —"."""
    shown = [
        p is not None and p.first_column and (p.first_row or p.cell not in once) for p in places
    ]
    while shown and not shown[-1]:
        shown.pop()
    return tuple(
        content(p.cell) if show and p is not None else ()
        for p, show in zip(places, shown, strict=False)
    )


def heading_row(
    stack: Sequence[Sequence[Place | None]], content: Callable[[HtmlElement], Cell]
) -> tuple[Cell, ...]:
    """Rows of headings stacked over each other read as one: each column's heading is the
    headings above it, top to bottom, a heading spanning columns over each of them ("Seats
    2019", "Seats 2024") and one spanning rows once ("Party")."""
    columns = max((len(places) for places in stack), default=0)
    out: list[Cell] = []
    for c in range(columns):
        parts: list[Cell] = []
        for places in stack:
            place = places[c] if c < len(places) else None
            if place is None or not place.first_row:
                continue
            cell = content(place.cell)
            text = "".join(i.text for i in cell).strip()
            if text and (not parts or text != "".join(i.text for i in parts[-1]).strip()):
                parts.append(cell)
        joined: list[Inline] = []
        for part in parts:
            if joined:
                joined.append(Inline(" "))
            joined.extend(part)
        out.append(tuple(joined))
    return tuple(out)
