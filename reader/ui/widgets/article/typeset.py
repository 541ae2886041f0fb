"""Article blocks → styled, wrapped lines (`Strip`s) for one column width.

Pure functions, no widget: the reading view builds `Paragraph`s once per article (every
untrusted string through `display.plain`) and wraps them again only when the width changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from ....models import Article, Block, BlockKind, Entry, Inline
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
class Paragraph:
    """A block of text to wrap, with the prefix of its first line and of the lines after."""

    text: Text
    first: Text = field(default_factory=Text)
    rest: Text = field(default_factory=Text)
    wrap: bool = True  # False: preformatted, lines kept as they are (cut into column-wide pieces)
    gap: int = 1  # blank lines before it
    align: Literal["default", "center"] = "default"
    fill: str = ""  # a rule: this character repeated across the column instead of `text`


# -- building paragraphs -----------------------------------------------------------------------
def header(entry: Entry | None, article: Article | None, styles: ArticleStyles) -> list[Paragraph]:
    """Title, source · author · date, the original URL, and a partial-text notice."""
    title = (article.title if article else "") or (entry.title if entry else "")
    source = (article.site_name if article else "") or (entry.feed_title if entry else "")
    author = (article.author if article else "") or (entry.author if entry else "")
    published = (article.published if article else None) or (entry.published if entry else None)
    url = (entry.link if entry else "") or (article.url if article else "")
    out = [Paragraph(plain(title or url or "(untitled)", styles.title, max_length=1000), gap=0)]
    meta = Text(style=styles.meta, end="")
    for part in (
        plain(source, max_length=200),
        plain(author, max_length=200),
        Text(long_date(published)),
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
            note = "Partial text: the page gave little, so this is the feed's summary. Press o for the original."
            out.append(Paragraph(Text(note, styles.notice)))
    out.append(Paragraph(Text("", styles.rule), fill="─"))
    return out


def notice(message: str, hint: str, style: Style, styles: ArticleStyles) -> list[Paragraph]:
    """One line saying what is happening or what went wrong (untrusted: it may quote a server)."""
    out = [Paragraph(plain(message, style, max_length=300))]
    if hint:
        out.append(Paragraph(Text(hint, styles.meta), gap=0))
    return out


_TIGHT = (BlockKind.LIST_ITEM, BlockKind.TABLE_ROW)


def body(article: Article, styles: ArticleStyles) -> list[Paragraph]:
    """The article's blocks as paragraphs."""
    out: list[Paragraph] = []
    previous: Block | None = None
    for block in article.blocks:
        tight = previous is not None and previous.kind == block.kind in _TIGHT
        out.append(_block(block, styles, gap=0 if tight else 1))
        previous = block
    if not out:
        out.append(Paragraph(Text("This article has no text.", styles.meta)))
    return out


def _block(block: Block, styles: ArticleStyles, gap: int) -> Paragraph:
    if block.kind == BlockKind.TABLE_ROW:
        runs: list[Inline] = []
        for cell in block.cells:
            if runs:
                runs.append(Inline(" | "))
            runs.extend(cell or (Inline("—"),))
        block = Block(BlockKind.LIST_ITEM, tuple(runs), block.level)
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
        if paragraph.fill:
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
            line = prefix + piece if prefix.plain else piece
            line.end = ""
            lines.append(Strip(list(line.render(console))))
    return lines
