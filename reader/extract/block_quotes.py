"""Quotations in the article's blocks: a `<blockquote>`'s lines numbered as one quote, with the
lists it holds quoted with it, and its attribution (a `<footer>`, a `<figcaption>`, a closing
`<cite>`) as the quote's last line."""

from __future__ import annotations

from dataclasses import replace

from lxml.html import HtmlElement

from ..models import Block, BlockKind, Inline
from .block_runs import RunWriter
from .quotes import DASHES, in_attribution, is_attribution

# What a quotation's list is made of: its items and the paragraphs under them.
_QUOTABLE = frozenset({BlockKind.LIST_ITEM, BlockKind.PARAGRAPH})


class QuoteWriter(RunWriter):
    quotes = 0
    """Quotations so far, numbered as tables are."""
    quote_from = 0
    """Index of the first block of the latest `<blockquote>`: its attribution joins the last of
    them, not a quote before it."""

    def quotation(self, el: HtmlElement, context: BlockKind, depth: int) -> None:
        """A `<blockquote>` as QUOTE blocks of one number, at `depth`'s level inside another."""
        start = self.quote_from = len(self.blocks)
        # A quotation inside a quotation (a reply quoting a letter) is one level deeper.
        level = depth + 1 if context == BlockKind.QUOTE else 1
        self.block(el, BlockKind.QUOTE, level)
        # Its paragraphs share its number, so they read as one quote, not several; a quote
        # inside it has numbered its own already. Its lists are quoted with its words, at
        # its depth: they stood outside the quote, which the page's bar runs beside.
        self.quotes += 1
        self.blocks[start:] = [
            replace(b, ordinal=self.quotes)
            if b.kind == BlockKind.QUOTE and not b.ordinal
            else replace(b, quoted=level, quote=self.quotes)
            if b.kind in _QUOTABLE and not b.quoted
            else b
            for b in self.blocks[start:]
        ]

    def _is_attribution_line(self, el: HtmlElement, kind: BlockKind) -> bool:
        """A quote's attribution on a line of its own: its `<footer>`, the `<figcaption>` of its
        figure, or a `<cite>` after the quote's words (not a title cited inside a sentence)."""
        if not isinstance(el.tag, str) or not is_attribution(el):
            return False
        parent = el.getparent()
        if parent is not None and in_attribution(parent):
            return False  # the <cite> in "<footer>— <cite>Name</cite></footer>": part of its line
        if el.tag == "figcaption":
            # Under the quote; a caption above it is no line of a quote written yet.
            return next(el.itersiblings("blockquote", preceding=True), None) is not None
        if kind != BlockKind.QUOTE:
            return False
        if el.tag == "footer":
            return True
        pending = "".join(i.text for i in self.inlines).strip()
        if pending not in ("", *DASHES) or (el.tail or "").strip():
            return False
        return not any(
            s.text_content().strip() or (s.tail or "").strip() for s in el.itersiblings()
        )

    def attribution(self, el: HtmlElement, kind: BlockKind, level: int, ordinal: int) -> None:
        """The attribution as the last line of the quote it follows, "— Name, title", so the quote
        and who said it read as one."""
        if "".join(i.text for i in self.inlines).strip() in DASHES:
            self.inlines = []  # "— <cite>Name</cite>": the dash comes back with the line
        self.flush(kind, level, ordinal)
        start = len(self.blocks)
        if el.tag == "cite":
            self.inline(el, None, False, False, False)  # in italics, as in a footer
            self.flush(BlockKind.QUOTE)
        else:
            self.block(el, BlockKind.QUOTE)
        lines = self.blocks[start:]
        del self.blocks[start:]
        runs: list[Inline] = []
        for line in lines:
            if runs:
                runs.append(Inline(" "))
            runs.extend(line.inlines)
        if not runs:
            return
        if not runs[0].text.startswith(DASHES):
            runs.insert(0, Inline("— "))  # the dash a stylesheet draws before a <cite>
        quote = self.blocks[-1] if len(self.blocks) > self.quote_from else None
        if quote is not None and quote.kind == BlockKind.QUOTE:
            # A line break, as <br> writes one.
            inlines = (*quote.inlines, Inline("\n", None, False, False, True), *runs)
            self.blocks[-1] = replace(quote, inlines=inlines)
        else:
            self.blocks.append(Block(BlockKind.QUOTE, tuple(runs)))
