"""Article blocks → styled, wrapped lines (`Strip`s) for one column width.

Pure functions, no widget: the reading view builds `Paragraph`s once per article (every
untrusted string through `display.plain`) and wraps them again only when the width changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Literal

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from ....models import Article, Block, BlockKind, Entry, Inline
from ....tables import group_blocks, table_shape
from ...display import long_date, plain

MAX_COLUMN = 80
"""The widest the text column gets: longer lines are hard to read."""


@dataclass(frozen=True)
class ArticleStyles:
    """Rich styles for each part of an article, resolved from the widget's CSS."""

    title: Style
    meta: Style
    url: Style
    notice: Style
    error: Style
    heading: Style
    quote: Style
    quote_bar: Style
    bullet: Style
    caption: Style
    pre: Style
    code: Style
    link: Style
    rule: Style


@dataclass(frozen=True)
class TableCells:
    """A table's cells, styled, for `typeset` to lay out once it knows the column's width."""

    rows: tuple[tuple[Text, ...], ...]
    header: tuple[bool, ...]
    """Per row: a row of column headings."""
    numeric: tuple[bool, ...]
    """Per column: figures, set flush right."""
    headings: tuple[Text, ...]
    """Per column: its heading, for the stacked layout of a table too wide for the column."""
    rule: Style


@dataclass(frozen=True)
class Paragraph:
    """A block of text to wrap, with the prefix of its first line and of the lines after."""

    text: Text
    first: Text = field(default_factory=Text)
    rest: Text = field(default_factory=Text)
    wrap: bool = True  # False: preformatted, lines kept as they are (cut into column-wide pieces)
    gap: int = 1  # blank lines before it
    align: Literal["default", "center"] = "default"
    fill: str = ""  # a rule: this character repeated across the column instead of `text`
    table: TableCells | None = None  # a table: laid out from these instead of `text`


# -- building paragraphs -----------------------------------------------------------------------
def header(
    entry: Entry | None, article: Article | None, styles: ArticleStyles, partial_note: str = ""
) -> list[Paragraph]:
    """Title, source · author · date, the original URL, and a partial-text notice
    (`partial_note`, else the usual one)."""
    title = (article.title if article else "") or (entry.title if entry else "")
    source = (article.site_name if article else "") or (entry.feed_title if entry else "")
    author = (article.author if article else "") or (entry.author if entry else "")
    published = (article.published if article else None) or (entry.published if entry else None)
    updated = (article.updated if article else None) or (entry.updated if entry else None)
    # A correction or a developing story: when it was last changed matters to whoever quotes it.
    revised = (
        f"updated {long_date(updated)}"
        if updated and published and updated - published >= timedelta(minutes=1)
        else ""
    )
    url = (entry.link if entry else "") or (article.url if article else "")
    out = [Paragraph(plain(title or url or "(untitled)", styles.title, max_length=1000), gap=0)]
    meta = Text(style=styles.meta, end="")
    for part in (
        plain(source, max_length=200),
        plain(author, max_length=200),
        Text(long_date(published)),
        Text(revised),
    ):
        if part.plain:
            if meta.plain:
                meta.append(" · ")
            meta.append_text(part)
    if meta.plain:
        out.append(Paragraph(meta))
    if url:
        out.append(Paragraph(plain(url, styles.url, max_length=2000), gap=0))
    if article is not None:
        words = article.word_count
        out.append(
            Paragraph(
                Text(f"{words:,} words · {max(1, round(words / 230))} min read", styles.meta), gap=0
            )
        )
        if article.partial:
            note = partial_note or (
                "From the feed: the page gave little (a paywall, or a page built by scripts), "
                "so this is the text the feed carried. Press o for the original."
            )
            # The note may quote a server's error message: untrusted.
            out.append(Paragraph(plain(note, styles.notice, max_length=400)))
    out.append(Paragraph(Text("", styles.rule), fill="─"))
    return out


def notice(message: str, hint: str, style: Style, styles: ArticleStyles) -> list[Paragraph]:
    """One line saying what is happening or what went wrong (untrusted: it may quote a server)."""
    out = [Paragraph(plain(message, style, max_length=300))]
    if hint:
        out.append(Paragraph(Text(hint, styles.meta), gap=0))
    return out


def body(article: Article, styles: ArticleStyles) -> list[Paragraph]:
    """The article's blocks as paragraphs (a table is one paragraph)."""
    out: list[Paragraph] = []
    previous: Block | None = None
    for group in group_blocks(article.blocks):
        first = group[0]
        tight = previous is not None and previous.kind == first.kind == BlockKind.LIST_ITEM
        gap = 0 if tight else 1
        if first.continues(previous):
            # The quote's bar runs on through the blank line between its paragraphs.
            bar = Text("▌ ", styles.quote_bar)
            out.append(Paragraph(Text(end=""), bar, bar, gap=0))
            gap = 0
        out.append(
            _table(group, styles, gap)
            if first.kind == BlockKind.TABLE_ROW
            else _block(first, styles, gap)
        )
        previous = group[-1]
    if not out:
        out.append(Paragraph(Text("This article has no text.", styles.meta)))
    return out


def _table(rows: tuple[Block, ...], styles: ArticleStyles, gap: int) -> Paragraph:
    shape = table_shape(rows)
    bold = Style(bold=True)
    cells = []
    for row in rows:
        texts = [_inlines(cell, styles) for cell in row.cells]
        if row.header:
            for text in texts:
                text.stylize_before(bold)  # a span, which wrapping keeps (a base style it drops)
        texts += [Text(end="") for _ in range(shape.columns - len(texts))]
        cells.append(tuple(texts))
    table = TableCells(
        tuple(cells),
        tuple(r.header for r in rows),
        shape.numeric,
        tuple(plain(h, bold) for h in shape.headings),
        styles.rule,
    )
    indent = Text("   " * (max(1, rows[0].level) - 1))
    return Paragraph(Text(end=""), indent, indent, gap=gap, table=table)


def _block(block: Block, styles: ArticleStyles, gap: int) -> Paragraph:
    match block.kind:
        case BlockKind.HEADING:
            return Paragraph(_inlines(block.inlines, styles, styles.heading), gap=gap)
        case BlockKind.QUOTE:
            bar = Text("▌ ", styles.quote_bar)
            return Paragraph(_inlines(block.inlines, styles, styles.quote), bar, bar, gap=gap)
        case BlockKind.LIST_ITEM:
            indent = "   " * (max(1, block.level) - 1)
            marker = f"{block.ordinal}." if block.ordinal else "•"
            first = Text(f"{indent}{marker} ", styles.bullet)
            rest = Text(" " * first.cell_len)
            return Paragraph(_inlines(block.inlines, styles), first, rest, gap=gap)
        case BlockKind.PREFORMATTED:
            text = plain(block.text, styles.pre, multiline=True)
            text.expand_tabs(4)
            return Paragraph(text, Text("  "), Text("  "), wrap=False, gap=gap)
        case BlockKind.CAPTION:
            return Paragraph(_inlines(block.inlines, styles, styles.caption), gap=gap)
        case BlockKind.RULE:
            return Paragraph(Text("*   *   *", styles.rule), gap=gap, align="center")
    return Paragraph(_inlines(block.inlines, styles), gap=gap)


def _inlines(inlines: tuple[Inline, ...], styles: ArticleStyles, base: Style | None = None) -> Text:
    text = Text(style=base or Style(), end="")
    for inline in inlines:
        style = Style(bold=inline.strong or None, italic=inline.emphasis or None)
        if inline.code:
            style += styles.code
        if inline.href:
            style += styles.link
        text.append_text(plain(inline.text, style, multiline=True))
    return text


# -- wrapping ----------------------------------------------------------------------------------
def typeset(paragraphs: list[Paragraph], width: int, console: Console) -> list[Strip]:
    """Wrap every paragraph to `width` cells; one `Strip` per screen line (not padded)."""
    lines: list[Strip] = []
    blank = Strip([])
    for paragraph in paragraphs:
        if lines:
            lines.extend([blank] * paragraph.gap)
        room = max(8, width - paragraph.first.cell_len)
        text = paragraph.text.copy()
        if text.style:
            # The paragraph's own style as a span under the inline ones: wrapping keeps spans,
            # not the base style.
            text.stylize_before(text.style)
            text.style = ""
        if paragraph.table is not None:
            pieces = table_lines(paragraph.table, room, console)
        elif paragraph.fill:
            pieces = [Text(paragraph.fill * room, paragraph.text.style)]
        elif paragraph.wrap:
            pieces = list(text.wrap(console, room, justify=paragraph.align, overflow="fold"))
        else:
            pieces = []
            for line in text.split("\n", allow_blank=True):
                # Preformatted text keeps its lines; a line wider than the column is folded.
                for piece in line.divide(range(room, max(room, len(line.plain)), room)) or [line]:
                    # Padded to the column so a code block reads as one shaded box.
                    piece.append(" " * max(0, room - piece.cell_len), paragraph.text.style)
                    pieces.append(piece)
        for number, piece in enumerate(pieces):
            prefix = paragraph.first if number == 0 else paragraph.rest
            line = piece
            if prefix.plain:
                # Not `prefix + piece`: the sum takes the prefix's style (a bullet's colour)
                # as its own, for the whole line.
                line = Text(end="")
                line.append_text(prefix)
                line.append_text(piece)
            line.end = ""
            lines.append(Strip(list(line.render(console))))
    return lines


# -- tables ------------------------------------------------------------------------------------
_SEPARATOR = " │ "
_NARROWEST = 6
"""The narrowest a column may be squeezed to before the table is stacked instead."""


def table_lines(table: TableCells, width: int, console: Console) -> list[Text]:
    """A table in `width` cells: columns side by side when they fit (the widest ones wrapped),
    else each row stacked as "heading: value" lines."""
    columns = len(table.numeric)
    natural = [max((row[c].cell_len for row in table.rows), default=0) for c in range(columns)]
    room = width - len(_SEPARATOR) * (columns - 1)
    if not columns or sum(min(n, _NARROWEST) for n in natural) > room:
        return _stacked(table, width, console)
    words = [
        max((cell_len(word) for row in table.rows for word in row[c].plain.split()), default=0)
        for c in range(columns)
    ]
    widths = _fit(natural, words, room)
    grids = []
    for row in table.rows:
        grids.append(
            [list(cell.wrap(console, widths[c], overflow="fold")) for c, cell in enumerate(row)]
        )
    # Rows that wrap onto several lines run together unless a rule sets them apart.
    ruled = any(len(lines) > 1 for grid in grids for lines in grid)
    rule = Text("─┼─".join("─" * w for w in widths), table.rule, end="")
    out: list[Text] = []
    for r, grid in enumerate(grids):
        if r and (ruled or (table.header[r - 1] and not table.header[r])):
            out.append(rule)
        for i in range(max(1, *(len(lines) for lines in grid))):
            line = Text(end="")
            for c, lines in enumerate(grid):
                if c:
                    line.append(_SEPARATOR, table.rule)
                piece = lines[i] if i < len(lines) else Text()
                piece.rstrip()
                pad = " " * (widths[c] - piece.cell_len)
                if table.numeric[c]:
                    line.append(pad)
                    line.append_text(piece)
                else:
                    line.append_text(piece)
                    line.append(pad)
            line.rstrip()
            out.append(line)
    return out


def _fit(natural: list[int], words: list[int], room: int) -> list[int]:
    """Column widths summing to at most `room`. Each column first gets its longest word (so
    words are not cut when that fits), then the cells left over go one at a time to the column
    furthest from its natural width, so the wrapped columns end up about equally deep."""
    widths = [min(w, n) for w, n in zip(words, natural, strict=True)]
    if sum(widths) > room:
        # Even the words don't fit: an even share, narrow columns keeping their width.
        widths = list(natural)
        wide = list(range(len(natural)))
        while wide:
            share = room // len(wide)
            narrow = [c for c in wide if natural[c] <= share]
            if not narrow:
                for n, c in enumerate(wide):
                    widths[c] = share + (1 if n < room - share * len(wide) else 0)
                break
            room -= sum(natural[c] for c in narrow)
            wide = [c for c in wide if c not in narrow]
        return widths
    for _ in range(room - sum(widths)):
        c = max(range(len(widths)), key=lambda c: natural[c] - widths[c])
        if widths[c] >= natural[c]:
            break
        widths[c] += 1
    return widths


def _stacked(table: TableCells, width: int, console: Console) -> list[Text]:
    """Each row as a group of lines, one per filled cell, led by its column's heading."""
    out: list[Text] = []
    for r, row in enumerate(table.rows):
        if table.header[r] and r == 0:
            continue  # its cells are the headings below
        if out:
            out.append(Text("─" * min(width, 20), table.rule, end=""))
        for c, cell in enumerate(row):
            if not cell.plain.strip():
                continue
            line = Text(end="")
            heading = table.headings[c]
            if heading.plain and not table.header[r]:
                line.append_text(heading)
                line.append(": ")
            line.append_text(cell)
            out.extend(line.wrap(console, width, overflow="fold"))
    return out
