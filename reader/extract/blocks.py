"""The cleaned article DOM → a flat sequence of `Block`s (headings, paragraphs, quotes, list items…).

This is our own converter: the reading view and the Markdown output are built from these blocks,
never from the page's HTML, so nothing the page says is interpreted as markup downstream.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from ..models import Block, BlockKind, Inline
from .block_elements import (
    _BLOCK_TAGS,
    _HEADINGS,
    _SKIP,
    _neighbours_heading_level,
    is_data_table,
    link_targets,
    pre_text,
)
from .block_lists import ListWriter
from .block_quotes import QuoteWriter
from .block_tables import TableWriter
from .images import find_pictures, is_picture_caption
from .media import MEDIA_CLASS
from .run_text import _label_touching, _phrases_touching, _words_follow


class _Builder(QuoteWriter, ListWriter, TableWriter):
    """The walk of the article's elements: each kind of element to its writer, the inline runs
    between them to `block_runs`."""

    def block(self, el: HtmlElement, kind: BlockKind, level: int = 1, ordinal: int = 0) -> None:
        """Walk a block container: runs of inline content become blocks of `kind`."""
        outer = self.in_caption
        self.in_caption = outer or kind == BlockKind.CAPTION
        try:
            self._block(el, kind, level, ordinal)
        finally:
            self.in_caption = outer

    def _block(self, el: HtmlElement, kind: BlockKind, level: int, ordinal: int) -> None:
        if self.targets:
            self.mark(el)
        since = len(self.blocks)
        self.add_text(el.text, None, False, False, kind == BlockKind.PREFORMATTED)
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if self._is_attribution_line(child, kind):
                self.attribution(child, kind, level, ordinal)
            elif tag in _BLOCK_TAGS:
                self._flush_part(since, kind, level, ordinal)
                if self._opens_item(kind, tag):
                    # A "loose" list's item (`<li><p>Run it…</p>`, Markdown's and GitHub's
                    # output; a recipe's `<li><div>` steps): its paragraph is the item, and
                    # keeps the item's bullet or number.
                    self.block(child, kind, level, ordinal)
                else:
                    self.element(child, kind, level)
            else:
                if kind != BlockKind.PREFORMATTED and _phrases_touching(child):
                    self._set_apart(None, False, False)
                opening = kind == BlockKind.QUOTE and tag == "cite" and not self._pending()
                self.inline(child, None, False, False, kind == BlockKind.PREFORMATTED)
                if opening and _words_follow(child):
                    # A forum's "<cite>saltydave wrote:</cite>" over the words it quotes: the
                    # line naming who is quoted, then the quote ("saltydave wrote:Fuel is…").
                    self.add_break()
            if kind != BlockKind.PREFORMATTED and _label_touching(child):
                self._set_apart(None, False, False)
            self.add_text(child.tail, None, False, False, kind == BlockKind.PREFORMATTED)
        self._flush_part(since, kind, level, ordinal)

    def _summary(self, el: HtmlElement, depth: int) -> None:
        """A `<details>`'s summary, the question of an FAQ or the title of a folded part, set
        apart from what it opens as a browser sets it apart with its triangle: a heading when
        it holds one, or when a summary beside it does (each question as its neighbour's, where
        some hold an `<h2>`); else in bold. As a plain paragraph a question read as one more line
        of the answers."""
        if next(el.iter(*_HEADINGS), None) is not None:
            self.block(el, BlockKind.PARAGRAPH, depth or 1)  # its heading makes the heading
            return
        level = _neighbours_heading_level(el)
        if level:
            self.block(el, BlockKind.HEADING, level)
            return
        self.in_bold(el, depth or 1)

    def element(self, el: HtmlElement, context: BlockKind, depth: int) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP or not tag:
            return
        if self.targets:
            self.mark(el)
        if (
            tag in _HEADINGS
            and context == BlockKind.LIST_ITEM
            and len(self.blocks) > self.item_from
        ):
            # A heading inside a list item after the item's own words (a timeline's event:
            # its date, then "<h3>Sale announced</h3>" and what happened): the item's part, in
            # bold under its first line as the item's paragraphs are. As a heading it ended the
            # list, and its paragraph stood outside the item as a section of the article.
            self.in_bold(el, depth + 1)
        elif tag in _HEADINGS:
            self.block(el, BlockKind.HEADING, _HEADINGS[tag])
        elif tag == "summary" and context not in (BlockKind.QUOTE, BlockKind.CAPTION):
            self._summary(el, depth)
        elif tag == "blockquote":
            self.quotation(el, context, depth)
        elif tag == "pre":
            self.inlines = []
            self.add_text(pre_text(el), None, False, False, True)
            self.flush(BlockKind.PREFORMATTED)
        elif tag == "table" and is_data_table(el):
            self.table(el, depth + 1 if context == BlockKind.LIST_ITEM else 1)
        elif tag == "figcaption" or (
            tag in ("p", "div") and context != BlockKind.CAPTION and is_picture_caption(el)
        ):
            self.block(el, BlockKind.CAPTION)
        elif tag == "dl" and context not in (BlockKind.QUOTE, BlockKind.CAPTION):
            self.block(el, BlockKind.PARAGRAPH, depth or 1)
        elif tag == "dd" and context not in (BlockKind.QUOTE, BlockKind.CAPTION):
            # A definition is indented under its term, as browsers draw it (Wikipedia indents its
            # displayed formulas and proofs so): a paragraph one level deeper.
            self.block(el, BlockKind.PARAGRAPH, (depth or 1) + 1)
        elif tag == "dt":
            # The term a definition list defines, bold as browsers draw it: without it, "Length"
            # and "1.2 km" read as two unrelated lines.
            self.in_bold(el, depth or 1)
        elif tag == "p" and el.get("class") == MEDIA_CLASS:
            self.block(el, BlockKind.MEDIA)
        elif tag == "hr":
            self.blocks.append(Block(BlockKind.RULE, (Inline("---"),)))
        elif tag in ("ul", "ol"):
            self.item_list(el, tag, context, depth)
        elif tag == "li":
            self.item(el, depth or 1)
        else:
            # Paragraphs and generic containers keep the surrounding kind (a <p> in a quote is a quote).
            kind = (
                context if context in (BlockKind.QUOTE, BlockKind.CAPTION) else BlockKind.PARAGRAPH
            )
            # A paragraph deeper than 1 is a definition's: what it holds is indented with it.
            nested = context in (BlockKind.LIST_ITEM, BlockKind.QUOTE) or (
                context == BlockKind.PARAGRAPH and depth > 1
            )
            # A list item's paragraph after its first line is under the item's text.
            under = 1 if context == BlockKind.LIST_ITEM else 0
            self.block(el, kind, depth + under if nested else 1)


def html_to_blocks(
    root: HtmlElement, base_url: str, context: BlockKind = BlockKind.PARAGRAPH
) -> tuple[Block, ...]:
    """`context` CAPTION reads `root` as a caption (its paragraphs become captions)."""
    builder = _Builder(base_url)
    builder.pictures = find_pictures(root, base_url)
    builder.targets = link_targets(root, base_url)
    if context == BlockKind.CAPTION:
        builder.block(root, BlockKind.CAPTION)
    else:
        builder.element(root, context, 0)
    return tuple(builder.anchored())
