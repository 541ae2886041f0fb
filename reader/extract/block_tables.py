"""Data tables in the article's blocks: TABLE_ROW blocks, one a row with its cells apart (a cell
spanning rows or columns laid out where it stands), the table's caption and footnotes as captions."""

from __future__ import annotations

from dataclasses import replace

from lxml.html import HtmlElement

from ..models import Block, BlockKind, Inline
from .block_runs import RunWriter
from .run_text import _WS
from .table_grid import Place, cells_of, lay_out, table_rows


class TableWriter(RunWriter):
    tables = 0
    """Data tables so far: the number of the next one's rows is one more."""

    def table(self, el: HtmlElement, level: int) -> None:
        """A data table as TABLE_ROW blocks, one per row with its cells apart, numbered as the
        article's next table; its caption, if any, a caption before it. A row of empty (or "—")
        cells is spacing, and left out. A footer row of one cell across a table of columns
        ("Source: Office of Rail Regulation", "* provisional figures") is a note under the table,
        a caption after it, not a row of data with its other columns empty."""
        caption = el.find("caption")
        if caption is not None:
            self.block(caption, BlockKind.CAPTION)
        self.tables += 1
        rows = list(el.iter("tr"))
        grid = lay_out(rows)
        columns = max((len(places) for places in grid), default=0)
        notes = [
            row
            for row in rows
            if columns > 1
            and len(cells_of(row)) == 1
            and (parent := row.getparent()) is not None
            and parent.tag == "tfoot"
        ]
        made: dict[HtmlElement, tuple[Inline, ...]] = {}

        def content(cell: HtmlElement) -> tuple[Inline, ...]:
            if cell not in made:
                made[cell] = self._cell(cell)
            return made[cell]

        laid: list[tuple[list[Place | None], bool]] = []
        for row, places in zip(rows, grid, strict=True):
            own = cells_of(row)
            blank = all("".join(i.text for i in content(cell)) in ("", "—") for cell in own)
            if row in notes or blank:
                continue  # a note, or spacing (a row covered only by cells from above is too)
            parent = row.getparent()
            # The empty corner over a column of row headings ("<td></td><th>2024</th>…") is
            # no value: the row is the column headings all the same.
            header = (
                any(cell.tag == "th" for cell in own)
                and all(
                    cell.tag == "th" or not "".join(i.text for i in content(cell)).strip()
                    for cell in own
                )
            ) or (parent is not None and parent.tag == "thead")
            laid.append((places, header))
        self.blocks.extend(
            Block(BlockKind.TABLE_ROW, (), level, self.tables, cells, header, spans=spans)
            for cells, header, spans in table_rows(laid, content)
        )
        for row in notes:
            self.block(cells_of(row)[0], BlockKind.CAPTION)

    def _cell(self, cell: HtmlElement) -> tuple[Inline, ...]:
        """A cell's content as one line of inlines: its paragraphs and lines joined by spaces,
        its list items by semicolons; a header cell's text in bold."""
        # The builder itself, for what a cell holds (its lists, its paragraphs).
        inner = type(self)(self.base_url)
        inner._urls = self._urls
        inner.block(cell, BlockKind.PARAGRAPH)
        runs: list[Inline] = []
        previous: Block | None = None
        for block in inner.blocks:
            if previous is not None:
                # A list's items would run together as one phrase: "Independent; backed by…".
                item = previous.kind == BlockKind.LIST_ITEM and previous.text[-1:].isalnum()
                runs.append(Inline("; " if item else " "))
            previous = block
            for i in block.inlines:
                text = _WS.sub(" ", i.text) if "\n" in i.text else i.text
                runs.append(replace(i, text=text, strong=i.strong or cell.tag == "th"))
        return tuple(runs)
