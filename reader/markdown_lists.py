"""Where a Markdown list item's marker stands, so a parser reads the list the page had.

CommonMark nests an item under the one above only when its marker stands at or past that
item's text ("10. Tenth" puts its text at column 4: an item three spaces in is no longer under
it), and runs two lists of one kind one after the other into one, a blank line between them or
not ("1. 2. 1." is read 1, 2, 3): a list right after another of its kind changes its marker
("1." to "1)", "-" to "*"), which starts a list there. The blocks are written in order, so one
object follows the lists as they are written.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Block

_OTHER = {".": ")", ")": ".", "-": "*", "*": "-"}
"""The marker that starts a new list of the same kind right after one."""


@dataclass
class _Open:
    column: int  # where the item's text starts: an item or table under it stands there
    ordinal: int
    delimiter: str
    """"." or ")" after a number, "-" or "*" for a bullet: a new list right after another of
    its kind switches."""


class ListLayout:
    """The lists open as the blocks are written, one entry per depth."""

    def __init__(self) -> None:
        self.open: list[_Open] = []
        self.after_item = False
        """The block written last is an item's line, which the next item's follows with no
        blank line between (a paragraph or table of an item has one after it already)."""

    def item(self, block: Block) -> str:
        """The indentation and marker of a list item, its text to follow; a line break first
        when it starts a list right under another item, which its marker would not
        interrupt."""
        depth = min(block.level, len(self.open) + 1)  # no item above: as deep as there is
        column = self.open[depth - 2].column if depth > 1 else 0
        before = self.open[depth - 1] if len(self.open) >= depth else None
        numbered = block.ordinal > 0
        new_list = (
            before is None
            or block.starts_list
            or bool(before.ordinal) != numbered
            or (numbered and block.ordinal != before.ordinal + 1)
        )
        delimiter = "." if numbered else "-"
        if before is not None and bool(before.ordinal) == numbered:
            # Another list of its kind right after one: a parser would count on, 1, 2, 3, or
            # read the bullets as one list's.
            delimiter = before.delimiter if not new_list else _OTHER[before.delimiter]
        # Only a list that starts at 1 may begin on the line after a paragraph: "7." after
        # an item's line would be read as more of its text.
        gap = new_list and self.after_item and (before is not None or block.ordinal > 1)
        marker = f"{block.ordinal}{delimiter}" if numbered else delimiter
        del self.open[depth - 1 :]
        self.open.append(_Open(column + len(marker) + 1, block.ordinal, delimiter))
        self.after_item = True
        return f"{chr(10) if gap else ''}{' ' * column}{marker} "

    def inside(self, level: int) -> str:
        """The indentation of a table or paragraph of a list item (`level` one deeper than the
        item), "" when it is not in one; a block at the margin ends every list."""
        depth = min(level - 1, len(self.open))
        del self.open[depth:]
        self.after_item = False
        return " " * self.open[-1].column if self.open else ""
