"""An article's blocks as `Paragraph`s to typeset: headings, quotes behind their bar, lists with
their bullets and numbers, code, captions, pictures, tables; and the lines under or instead of
an article (its end mark, a notice). Every untrusted string goes through `display.plain`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from rich.style import Style
from rich.text import Text

from ....marks import FOLD_MARK, KEPT_PICTURE, PICTURE_MARK, QUOTE_BAR
from ....models import Article, Block, BlockKind, Inline, picture_label
from ....tables import group_blocks, row_spans, table_shape
from ....url_display import shown_url
from ...display import plain
from .direction import mirrored, paragraph_right_to_left, right_to_left
from .paragraph import ArticleStyles, Links, Paragraph
from .table_layout import TableCells
from .table_links import _linked

_CAPTIONED = (BlockKind.IMAGE, BlockKind.MEDIA)
"""The lines a caption sits right under."""


END_MARK = "— end —"


def end_mark(styles: ArticleStyles) -> Paragraph:
    """The quiet line under an article's last: at the bottom, `space` and `j` do nothing, and
    without it nothing said the article was over. Not the article's text (not searched)."""
    return Paragraph(Text(END_MARK, styles.meta), gap=2, align="center", searched=False)


def notice(message: str, hint: str, style: Style, styles: ArticleStyles) -> list[Paragraph]:
    """One line saying what is happening or what went wrong (untrusted: it may quote a server)."""
    out = [Paragraph(plain(message, style, max_length=300))]
    if hint:
        out.append(Paragraph(Text(hint, styles.meta), gap=0))
    return out


def body(article: Article, styles: ArticleStyles) -> list[Paragraph]:
    """The article's blocks as paragraphs (a table is one paragraph)."""
    return list(paragraphs(article, styles))


def paragraphs(article: Article, styles: ArticleStyles) -> Iterator[Paragraph]:
    """`body`, a paragraph at a time: the reading view builds a huge article's first screen's
    worth first (120,000 words took 130–440 ms to build, before anything was drawn)."""
    previous: Block | None = None
    widths = _number_widths(article.blocks)
    whole_rtl = right_to_left(article)
    given = False
    for group in group_blocks(article.blocks):
        first = group[0]
        tight = previous is not None and (
            (
                previous.kind == first.kind == BlockKind.LIST_ITEM
                and not first.opens_list(previous)
                # A quoted list's items run on as one list only in one quote.
                and first.in_one_quote(previous)
            )
            # A caption right under its picture's or recording's line: one thing, as a page
            # sets it.
            or (previous.kind in _CAPTIONED and first.kind == BlockKind.CAPTION)
        )
        gap = 0 if tight else 1
        # A passage in Hebrew or Arabic inside an article in another script is set as a
        # right-to-left article is: flush right, its bar or bullet on the right; and one in
        # English inside an Arabic article flush left.
        rtl = paragraph_right_to_left(first.text, whole_rtl)
        if not tight and first.quoted_with(previous):
            # The quote's bar runs on through the blank line between its paragraphs (and its
            # list).
            bar = _quote_bar(styles, 1)
            between = Paragraph(Text(end=""), bar, bar, gap=0)
            yield _right_to_left(between) if rtl else between
            gap = 0
        paragraph = (
            _table(group, styles, gap)
            if first.kind == BlockKind.TABLE_ROW
            else _block(first, styles, gap, widths.get(id(first), 0), article.kept_pictures)
        )
        if first.quoted and first.kind != BlockKind.TABLE_ROW:
            # A quotation's list item, behind the quote's bar as its words are.
            bar = _quote_bar(styles, first.quoted)
            paragraph = replace(
                paragraph,
                first=bar + paragraph.first,
                rest=bar + paragraph.rest,
            )
        anchors = tuple(anchor for block in group for anchor in block.anchors)
        paragraph = replace(paragraph, anchors=anchors, blocks=tuple(group))
        yield _right_to_left(paragraph) if rtl else paragraph
        given = True
        previous = group[-1]
    if not given:
        nothing = Paragraph(Text("This article has no text.", styles.meta))
        yield _right_to_left(nothing) if whole_rtl else nothing


def linked(blocks: tuple[Block, ...]) -> bool:
    """Whether any of `blocks` holds a link their paragraphs will have (`_inlines`: a link of
    blank text is none; a picture's label is its link)."""
    for block in blocks:
        for inline in (*block.inlines, *(i for cell in block.cells for i in cell)):
            if inline.href and (inline.text.strip() or block.kind == BlockKind.IMAGE):
                return True
    return False


def _right_to_left(paragraph: Paragraph) -> Paragraph:
    """`paragraph` set right to left, its prefixes mirrored (" •   " for a nested item's
    "   • "). Code keeps its direction, a table its columns, a centred line its place."""
    if not paragraph.wrap or paragraph.table is not None or paragraph.align != "default":
        return paragraph
    return replace(
        paragraph,
        rtl=True,
        first=mirrored(paragraph.first),
        rest=mirrored(paragraph.rest),
    )


def _number_widths(blocks: tuple[Block, ...]) -> dict[int, int]:
    """The width of the widest number of each numbered list, by `id` of each of its items: the
    numbers are set flush right ( 9. above 10., ii. above iii.), so every item's text starts
    in one column."""
    widths: dict[int, int] = {}
    lists: dict[int, list[Block]] = {}
    """The numbered lists still open, by depth: their items so far."""

    def close(level: int) -> None:
        items = lists.pop(level, [])
        width = max((len(item.number) for item in items), default=0)
        widths.update((id(item), width) for item in items)

    previous: Block | None = None
    for block in blocks:
        if block.kind != BlockKind.LIST_ITEM:
            for level in list(lists):
                close(level)
            previous = None
            continue
        for level in [level for level in lists if level > block.level]:
            close(level)
        if not block.ordinal or block.opens_list(previous):
            close(block.level)
        if block.ordinal:
            lists.setdefault(block.level, []).append(block)
        previous = block
    for level in list(lists):
        close(level)
    return widths


def _table(rows: tuple[Block, ...], styles: ArticleStyles, gap: int) -> Paragraph:
    shape = table_shape(rows)
    bold = Style(bold=True)
    cells = []
    for row in rows:
        texts = [_linked(*_inlines(cell, styles)) for cell in row.cells]
        if row.header:
            for text in texts:
                text.stylize_before(bold)  # a span, which wrapping keeps (a base style it drops)
        texts += [Text(end="") for _ in range(shape.columns - len(texts))]
        cells.append(tuple(texts))
    spanned = any(row.spans for row in rows)
    spans = tuple(row_spans(row, shape.columns) for row in rows) if spanned else ()
    table = TableCells(
        tuple(cells),
        tuple(r.header for r in rows),
        shape.numeric,
        tuple(plain(h, bold, laid_out=True) for h in shape.headings),
        styles.rule,
        spans,  # () where no cell spans: the layout's plain path
        stacked=styles.plain,
    )
    indent = Text("   " * (max(1, rows[0].level) - 1))
    return Paragraph(Text(end=""), indent, indent, gap=gap, table=table)


def _block(
    block: Block,
    styles: ArticleStyles,
    gap: int,
    digits: int = 0,
    kept: frozenset[str] = frozenset(),
) -> Paragraph:
    """One block as a paragraph; a numbered list's item with its number set right in `digits`
    places (its list's widest); a picture among those `kept` (`Article.kept_pictures`) said
    to be, for it opens offline."""
    match block.kind:
        case BlockKind.HEADING:
            style = styles.heading if block.level <= 2 else styles.subheading
            text, links = _inlines(block.inlines, styles, style)
            if styles.plain:  # said as a heading by its marks, not only seen as one in bold
                marks = Text("#" * max(1, min(block.level, 6)) + " ", styles.bullet)
                rest = Text(" " * marks.cell_len)
                return Paragraph(text, marks, rest, gap=gap, links=links, heading=True)
            return Paragraph(text, gap=gap, links=links, heading=True)
        case BlockKind.QUOTE:
            bar = _quote_bar(styles, max(1, block.level))
            text, links = _inlines(block.inlines, styles, styles.quote)
            return Paragraph(text, bar, bar, gap=gap, links=links)
        case BlockKind.LIST_ITEM:
            indent = "   " * (max(1, block.level) - 1)
            marker = f"{block.number:>{digits}}." if block.ordinal else "•"
            first = Text(f"{indent}{marker} ", styles.bullet)
            rest = Text(" " * first.cell_len)
            text, links = _inlines(block.inlines, styles)
            label = f"{indent}{marker.lstrip()}"
            return Paragraph(text, first, rest, gap=gap, links=links, label=label)
        case BlockKind.PREFORMATTED:
            text = plain(block.text, styles.pre, multiline=True, laid_out=True)
            text.expand_tabs(4)
            indent = Text("  ")
            folded = Text(FOLD_MARK, styles.meta).append(" " * (indent.cell_len - 1))
            return Paragraph(text, indent, indent, wrap=False, gap=gap, folded=folded)
        case BlockKind.CAPTION:
            text, links = _inlines(block.inlines, styles, styles.caption)
            return Paragraph(text, gap=gap, links=links)
        case BlockKind.RULE:
            return Paragraph(Text("*   *   *", styles.rule), gap=gap, align="center")
        case BlockKind.MEDIA:
            # Nothing plays here: the address, to copy or open, is what the view can give.
            text, links = _inlines(block.inlines, styles, styles.caption)
            href = next((i.href for i in block.inlines if i.href), "")
            if href:  # on a line of its own: an address is long, and copied whole
                text.append("\n")
                text.append_text(plain(shown_url(href), styles.url))
            return Paragraph(text, Text("▶ ", styles.bullet), Text("  "), gap=gap, links=links)
        case BlockKind.IMAGE:
            # The label is the link: a picture's address is long and says nothing to read.
            href = next((i.href for i in block.inlines if i.href), None)
            label = (Inline(picture_label(block.text), href),)
            text, links = _inlines(label, styles, styles.caption)
            kept_mark = "(kept)" if styles.plain else KEPT_PICTURE
            aside = f" {kept_mark}" if href in kept else ""
            text.append(aside, styles.meta)
            mark = "" if styles.plain else f"{PICTURE_MARK} "  # its line says "Image"
            return Paragraph(
                text,
                Text(mark, styles.bullet),
                Text(" " * len(mark)),
                gap=gap,
                links=links,
                aside=len(aside),
            )
    if block.note:
        # In the header's muted colour: the newsroom's word about the story, not the story.
        # (A style of its own cost every restyle of the view one more component class.)
        text, links = _inlines(block.inlines, styles, styles.meta)
        return Paragraph(text, gap=gap, links=links, note=True)
    text, links = _inlines(block.inlines, styles)
    indent = Text("   " * block.indent)  # a definition under its term, a displayed formula
    return Paragraph(text, indent, indent, gap=gap, links=links)


def _inlines(
    inlines: tuple[Inline, ...], styles: ArticleStyles, base: Style | None = None
) -> tuple[Text, Links]:
    """The inlines as one text, and where its links are: one link per run of inlines with the
    same address (`<a>` round bold and plain words is one link), none of blank text."""
    text = Text(style=base or Style(), end="")
    links: list[tuple[int, int, str]] = []
    for inline in inlines:
        style = Style(
            bold=inline.strong or None,
            italic=inline.emphasis or None,
            strike=inline.struck or None,
        )
        if inline.code:
            style += styles.code
        if inline.href:
            style += styles.link
        start = len(text)
        text.append_text(plain(inline.text, style, multiline=True, laid_out=True))
        if not inline.href or len(text) == start:
            continue
        if links and links[-1][1:] == (start, inline.href):
            links[-1] = (links[-1][0], len(text), inline.href)
        else:
            links.append((start, len(text), inline.href))
    shown = text.plain
    return text, tuple(link for link in links if shown[link[0] : link[1]].strip())


def _quote_bar(styles: ArticleStyles, level: int) -> Text:
    """The bar before a quotation's lines, once for each quotation it is in: Markdown's "> "
    in the plain layout (`ArticleStyles.plain`)."""
    return Text(("> " if styles.plain else f"{QUOTE_BAR} ") * level, styles.quote_bar)
