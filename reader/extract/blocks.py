"""The cleaned article DOM → a flat sequence of `Block`s (headings, paragraphs, quotes, list items…).

This is our own converter: the reading view and the Markdown output are built from these blocks,
never from the page's HTML, so nothing the page says is interpreted as markup downstream.
"""

from __future__ import annotations

from dataclasses import fields, replace
from operator import attrgetter

from lxml.html import HtmlElement

from ..list_numbering import numbering_of
from ..models import Block, BlockKind, Inline
from ..safe import safe_text
from ..urls import link_url
from .block_elements import (
    _BLOCK_TAGS,
    _HEADINGS,
    _ITEM_PARAGRAPHS,
    _SKIP,
    _list_number,
    _neighbours_heading_level,
    is_data_table,
    link_targets,
    pre_text,
)
from .images import Picture, find_pictures, is_picture_caption
from .math import MATH_CLASS
from .media import MEDIA_CLASS
from .picture_alts import says_nothing
from .quotes import DASHES, in_attribution, is_attribution
from .run_text import (
    _SCRIPTS,
    _WS,
    _as_script,
    _collapsed,
    _is_back_link,
    _label_touching,
    _phrases_touching,
    _starts_with_word,
    _trim,
    _words_follow,
    quotation_marks,
)
from .table_grid import Place, cells_of, lay_out, table_rows

# Inline boxes a caption is built of: its text, its credit, the credit's label ("Credit",
# "Photo:"). The page's style sets them apart; without it their words run together.
_CAPTION_PARTS = frozenset({"span", "small", "cite"})
# A run's formatting: all it has but its text. Two runs side by side alike in it are one run;
# read field by field, as two copies of each run made to compare them cost a tenth of the walk.
_FORMATTING = attrgetter(*(f.name for f in fields(Inline) if f.name != "text"))


# What a quotation's list is made of: its items and the paragraphs under them.
_QUOTABLE = frozenset({BlockKind.LIST_ITEM, BlockKind.PARAGRAPH})


class _Builder:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.blocks: list[Block] = []
        self.inlines: list[Inline] = []
        # Pages repeat the same links (footnotes, tags); resolving a URL is the costly part.
        self._urls: dict[str, str | None] = {}
        self.in_caption = False
        self.tables = 0  # data tables so far: the number of the next one's rows is one more
        self.quotes = 0  # quotations so far, numbered as tables are
        self.quote_from = 0
        """Index of the first block of the latest `<blockquote>`: its attribution joins the
        last of them, not a quote before it."""
        self.struck = 0
        """How many struck-through elements (`<del>`, `<s>`) the text being added is inside."""
        self.item_from = -1
        """Index the blocks had when the latest list item began: until the item has written a
        block, its first paragraph (`<li><p>`) is the item's own line, marker and all."""
        self.pictures: dict[HtmlElement, Picture] = {}
        """The pictures to name, by the element the walk meets (`images.find_pictures`); a
        table's cells have none: a picture in a cell is an icon, and a cell is one line."""
        self.targets: frozenset[str] = frozenset()
        """The ids a link of the text names (`link_targets`): anchors to keep."""
        self.anchors: dict[str, int] = {}
        """Each target met, by the index of the block it is in: the block being written when
        the walk met it, or the next one (an empty `<a id>` before a note's text)."""

    def mark(self, el: HtmlElement) -> None:
        """Note `el`'s id when a link of the text names it (see `anchors`)."""
        name = el.get("id") or (el.get("name") if el.tag == "a" else None)
        if name and name in self.targets and name not in self.anchors:
            self.anchors[name] = len(self.blocks)

    def anchored(self) -> list[Block]:
        """The blocks written, each with the anchors met in it."""
        blocks = self.blocks
        for name, index in self.anchors.items():
            if index < len(blocks):
                blocks[index] = replace(blocks[index], anchors=(*blocks[index].anchors, name))
        return blocks

    def resolve(self, href: str) -> str | None:
        url = self._urls.get(href, "")
        if url == "":
            url = self._urls[href] = link_url(self.base_url, href) or None
        return url

    # -- inline runs -----------------------------------------------------------------------
    def add_text(
        self, text: str | None, href: str | None, strong: bool, em: bool, code: bool
    ) -> None:
        if not text:
            return
        text = safe_text(text)
        if not code:
            text = _collapsed(text)
            if text[:1] == " " and self._ends_with_space():
                # The indentation of the line after a <br>, or a space the run before already
                # ends with ("and <b> cracked</b>"): HTML collapses it, and so do we.
                text = text[1:]
        if not text:
            return
        run = Inline(text, href, strong, em, code, struck=self.struck > 0)
        last = self.inlines[-1] if self.inlines else None
        if last and not last.math and _FORMATTING(last) == _FORMATTING(run):
            self.inlines[-1] = replace(last, text=last.text + text)
        else:
            self.inlines.append(run)

    def _ends_with_space(self) -> bool:
        return bool(self.inlines) and self.inlines[-1].text.endswith(("\n", " "))

    def add_break(self) -> None:
        """A `<br>`: a new line, and at most one blank line however many follow one another
        (old pages space their paragraphs, or pad the page, with runs of them)."""
        tail = ""
        for run in reversed(self.inlines):
            tail = run.text + tail
            if run.text.strip():
                break
        if not tail.strip():
            return  # nothing written yet: _trim would drop it anyway
        if tail.rstrip(" ").endswith("\n\n"):
            return
        last = self.inlines[-1]
        if last.text.endswith(" ") and not last.code:
            # The space before the break ends no word: it would be a trailing space on the line.
            self.inlines[-1] = replace(last, text=last.text.rstrip(" "))
            if not self.inlines[-1].text:
                self.inlines.pop()
        self.add_text("\n", None, False, False, True)

    def flush(self, kind: BlockKind, level: int = 1, ordinal: int = 0) -> None:
        inlines = _trim(self.inlines)
        self.inlines = []
        if inlines:
            self.blocks.append(Block(kind, inlines, level, ordinal))

    # -- the walk --------------------------------------------------------------------------
    def inline(self, el: HtmlElement, href: str | None, strong: bool, em: bool, code: bool) -> None:
        """Add an inline element's content; a nested block element ends the current run."""
        tag = el.tag if isinstance(el.tag, str) else ""
        if self.targets:
            self.mark(el)
        if el in self.pictures:
            self.picture(self.pictures[el])
            return
        if tag in _SKIP or not tag:
            return
        if tag == "br":
            self.add_break()
            return
        if self.in_caption and tag in _CAPTION_PARTS and self._caption_part(el):
            return
        if tag == "a":
            if _is_back_link(el):
                return
            href = self.resolve(el.get("href", ""))
        if tag == "code" and el.get("class") == MATH_CLASS:
            # A formula is one run of its own: the code beside it is not part of it.
            text = safe_text(el.text or "")
            if text:
                self.inlines.append(Inline(text, href, strong, em, code=True, math=True))
            return
        if tag in _SCRIPTS:
            script = _as_script(el.text_content(), _SCRIPTS[tag], tag == "sup")
            if script:
                link = el if tag == "a" else el.find(".//a[@href]")
                if link is not None and not _is_back_link(link):
                    href = self.resolve(link.get("href", ""))
                self.add_text(script, href, strong, em, code)
                return
        strong = strong or tag in ("strong", "b")
        em = em or tag in ("em", "i", "cite")
        code = code or tag in ("code", "kbd", "samp", "tt")
        marks = quotation_marks(el) if tag == "q" else ("", "")
        # Text struck through is the page saying it no longer holds ("Collabora <s>Multimedia
        # </s>", a corrected figure): it stays, marked, as a browser shows it.
        struck = tag in ("del", "s", "strike")
        self.struck += struck
        self.add_text(marks[0], href, strong, em, code)
        self.add_text(el.text, href, strong, em, code)
        for child in el:
            # A box inside a link or a span (a link card's title, then its summary) is a line
            # of its own to a browser: its words don't run into the words beside it.
            apart = isinstance(child.tag, str) and child.tag in _BLOCK_TAGS and not code
            if apart or (not code and _phrases_touching(child)):
                self._set_apart(href, strong, em)
            self.inline(child, href, strong, em, code)
            if apart and ((child.tail or "").strip() or child.getnext() is not None):
                self._set_apart(href, strong, em)
            if not code and _label_touching(child):
                self._set_apart(href, strong, em)
            self.add_text(child.tail, href if child.tag != "a" else None, strong, em, code)
        self.add_text(marks[1], href, strong, em, code)
        self.struck -= struck

    def _set_apart(self, href: str | None, strong: bool, em: bool) -> None:
        """A space after what is written, unless it ends with one (or nothing is written)."""
        if self.inlines and not self._ends_with_space():
            self.add_text(" ", href, strong, em, False)

    def picture(self, picture: Picture) -> None:
        """A line naming a picture, where it stands (its box has no other text, so no run of
        text is cut in two)."""
        pending = "".join(i.text for i in self.inlines)
        if pending.strip() and not says_nothing(pending):
            return
        self.inlines = []  # a screen reader's "Image" before it, or nothing
        self.blocks.append(Block(BlockKind.IMAGE, (Inline(picture.alt, picture.url),)))

    def _caption_part(self, el: HtmlElement) -> bool:
        """Set a part of a caption apart from the part before it ("…since December. Photo: Dana
        Kirk", not "December.Photo:"); True when the part only repeats the label just written
        (a visible "Credit" and a screen reader's copy of it) and is to be skipped."""
        written = self.inlines[-1].text if self.inlines else ""
        if not written:
            return False
        if not written[-1].isspace():
            previous = el.getprevious()
            if previous is None or previous.tail or not _starts_with_word(el):
                return False  # a word of the text split by styling ("Photo<b>graph</b>")
            self.add_text(" ", None, False, False, False)
        label = " ".join(el.text_content().split())
        if len(label.split()) > 2:
            return False
        before = " ".join(written.split())
        return before.endswith(label) and before[: -len(label)][-1:] in ("", " ")

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

    def _pending(self) -> bool:
        """Words of the current run are written and not yet flushed."""
        return any(i.text.strip() for i in self.inlines)

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
            header = all(cell.tag == "th" for cell in own) or (
                parent is not None and parent.tag == "thead"
            )
            laid.append((places, header))
        self.blocks.extend(
            Block(BlockKind.TABLE_ROW, (), level, self.tables, cells, header)
            for cells, header in table_rows(laid, content)
        )
        for row in notes:
            self.block(cells_of(row)[0], BlockKind.CAPTION)

    def _cell(self, cell: HtmlElement) -> tuple[Inline, ...]:
        """A cell's content as one line of inlines: its paragraphs and lines joined by spaces,
        its list items by semicolons; a header cell's text in bold."""
        inner = _Builder(self.base_url)
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
        start = len(self.blocks)
        self.block(el, BlockKind.PARAGRAPH, depth or 1)
        self.blocks[start:] = [
            replace(b, inlines=tuple(replace(i, strong=True) for i in b.inlines))
            for b in self.blocks[start:]
        ]

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
            start = len(self.blocks)
            self.block(el, BlockKind.PARAGRAPH, depth + 1)
            self.blocks[start:] = [
                replace(b, inlines=tuple(replace(i, strong=True) for i in b.inlines))
                for b in self.blocks[start:]
            ]
        elif tag in _HEADINGS:
            self.block(el, BlockKind.HEADING, _HEADINGS[tag])
        elif tag == "summary" and context not in (BlockKind.QUOTE, BlockKind.CAPTION):
            self._summary(el, depth)
        elif tag == "blockquote":
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
            start = len(self.blocks)
            self.block(el, BlockKind.PARAGRAPH, depth or 1)
            self.blocks[start:] = [
                replace(b, inlines=tuple(replace(i, strong=True) for i in b.inlines))
                for b in self.blocks[start:]
            ]
        elif tag == "p" and el.get("class") == MEDIA_CLASS:
            self.block(el, BlockKind.MEDIA)
        elif tag == "hr":
            self.blocks.append(Block(BlockKind.RULE, (Inline("---"),)))
        elif tag in ("ul", "ol"):
            level = depth + 1 if context == BlockKind.LIST_ITEM else 1
            # The number before the first item's, as a browser counts: from `start`, each
            # item one on, or from an item's own `value`; a list `reversed` counts down, from
            # its number of items unless it has a `start`.
            down = tag == "ol" and el.get("reversed") is not None
            step = -1 if down else 1
            items = sum(1 for li in el if li.tag == "li")
            number = (
                _list_number(el.get("start"), items if down else 1) - step if tag == "ol" else 0
            )
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
                    self.item_from = item = len(self.blocks)
                    self.block(li, BlockKind.LIST_ITEM, level, number if tag == "ol" else 0)
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
        elif tag == "li":
            self.item_from = len(self.blocks)
            self.block(el, BlockKind.LIST_ITEM, depth or 1)
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
