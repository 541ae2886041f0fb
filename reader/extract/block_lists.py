"""Lists in the article's blocks: `<ul>` and `<ol>` as LIST_ITEM blocks numbered as a browser
numbers them (from `start` or an item's `value`, counting down when `reversed`, lettered or in
Roman numerals as `type` says), and what an item holds after its first line written under it."""

from __future__ import annotations

from dataclasses import replace

from lxml.html import HtmlElement

from ..list_numbering import numbering_of
from ..models import BlockKind
from .block_elements import _BLOCK_TAGS, _ITEM_PARAGRAPHS, _list_number
from .block_runs import RunWriter


class ListWriter(RunWriter):
    item_from = -1
    """Index the blocks had when the latest list item began: until the item has written a
    block, its first paragraph (`<li><p>`) is the item's own line, marker and all."""

    def item_list(self, el: HtmlElement, tag: str, context: BlockKind, depth: int) -> None:
        """A `<ul>` or `<ol>` (`tag`), one level deeper inside a list item (`context`)."""
        level = depth + 1 if context == BlockKind.LIST_ITEM else 1
        # The number before the first item's, as a browser counts: from `start`, each
        # item one on, or from an item's own `value`; a list `reversed` counts down, from
        # its number of items unless it has a `start`.
        down = tag == "ol" and el.get("reversed") is not None
        step = -1 if down else 1
        items = sum(1 for li in el if li.tag == "li")
        number = _list_number(el.get("start"), items if down else 1) - step if tag == "ol" else 0
        numbering = numbering_of(el.get("type"), el.get("style")) if tag == "ol" else ""
        start = len(self.blocks)
        # Old pages indent a paragraph with a bare <ul>: its text sits in the list itself,
        # outside any item, and is a paragraph.
        self.add_text(el.text, None, False, False, False)
        for li in el:
            child = li.tag if isinstance(li.tag, str) else ""
            if child == "li":
                self.flush(BlockKind.PARAGRAPH)
                number = _list_number(li.get("value"), number + step)
                item = self.item(li, level, number if tag == "ol" else 0)
                # Lettered or in Roman numerals as the list says, or as the item itself does.
                own = numbering_of(li.get("type"), li.get("style"), numbering)
                if own and tag == "ol":
                    self._number_items(item, level, own)
            elif child in _BLOCK_TAGS:
                self.flush(BlockKind.PARAGRAPH)
                self.element(li, context, depth)
            elif child:
                self.inline(li, None, False, False, False)
            self.add_text(li.tail, None, False, False, False)
        self.flush(BlockKind.PARAGRAPH)
        # Its first item begins a list of its own, even right after another list.
        first = True
        for i in range(start, len(self.blocks)):
            b = self.blocks[i]
            if b.kind == BlockKind.LIST_ITEM and b.level == level and (first or down):
                self.blocks[i] = replace(b, starts_list=first, counts_down=down)
                first = False
                if not down:
                    break

    def item(self, li: HtmlElement, level: int, ordinal: int = 0) -> int:
        """Walk a list item; the index of its first block."""
        self.item_from = start = len(self.blocks)
        self.block(li, BlockKind.LIST_ITEM, level, ordinal)
        return start

    def _number_items(self, since: int, level: int, numbering: str) -> None:
        """Mark the items of depth `level` written from block `since` on as numbered so."""
        for i in range(since, len(self.blocks)):
            b = self.blocks[i]
            if b.kind == BlockKind.LIST_ITEM and b.level == level and b.ordinal:
                self.blocks[i] = replace(b, numbering=numbering)

    def _flush_part(self, since: int, kind: BlockKind, level: int, ordinal: int) -> None:
        """Write the run of a block's text so far; in a list item that has written its line
        (blocks from `since` on), the text after a list or box inside it ("Check the gauge:",
        its list, "then call the line.") goes on under the item's text, no second marker.
        Written as a second item, it showed the item's number again ("1. 1. 2."), and Markdown
        read a new list there, numbered from 1."""
        blocks = self.blocks
        if kind == BlockKind.LIST_ITEM and any(
            blocks[i].kind == kind and blocks[i].level == level for i in range(since, len(blocks))
        ):
            self.flush(BlockKind.PARAGRAPH, level + 1)
        else:
            self.flush(kind, level, ordinal)

    def _opens_item(self, kind: BlockKind, tag: str) -> bool:
        """A paragraph or box that begins a list item with nothing of the item written yet."""
        return (
            kind == BlockKind.LIST_ITEM
            and tag in _ITEM_PARAGRAPHS
            and len(self.blocks) == self.item_from
            and not "".join(i.text for i in self.inlines).strip()
        )
