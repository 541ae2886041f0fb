"""Article blocks → styled, wrapped lines (`Strip`s) for one column width.

Pure functions, no widget: the reading view builds `Paragraph`s once per article (every
untrusted string through `display.plain`) and wraps them again only when the width changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from itertools import accumulate, count, islice
from typing import Literal

from rich.cells import cell_len, chop_cells, set_cell_size
from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from ....citation import cited_url
from ....models import Article, Block, BlockKind, Entry, Inline, picture_label
from ....tables import group_blocks, table_shape
from ...cell_width import uncounted_cells
from ...display import long_date, plain, when
from .direction import letters_right_to_left, mirrored, right_to_left
from .line_breaks import STAND_IN, Spans, wrap
from .table_layout import CellPiece, TableCells, table_lines

MAX_COLUMN = 80
"""The widest the text column gets: longer lines are hard to read."""
_NARROWEST = 8
"""No text is wrapped narrower than this, whatever the column's prefixes take."""
_CAPTIONED = (BlockKind.IMAGE, BlockKind.MEDIA)
"""The lines a caption sits right under."""
FOLD_MARK = "↪"
"""Before the rest of a line of code folded at the column's edge, as editors mark it."""

Links = tuple[tuple[int, int, str], ...]
"""Links in a text: (start, end, address) each, in order."""


@dataclass(frozen=True)
class ArticleStyles:
    """Rich styles for each part of an article, resolved from the widget's CSS."""

    title: Style
    meta: Style
    url: Style
    notice: Style
    error: Style
    heading: Style
    subheading: Style
    """A heading under a section's (h3 to h6): set apart from the sections' own (h1, h2)."""
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
    align: Literal["default", "center", "right"] = "default"
    rtl: bool = False
    """Right to left (Hebrew, Arabic…): set flush right, its prefixes (a bullet, a quote's bar)
    after its text, at the column's right edge, where such a script's reader looks for them."""
    fill: str = ""  # a rule: this character repeated across the column instead of `text`
    table: TableCells | None = None  # a table: laid out from these instead of `text`
    links: Links = ()  # where its links are in `text`
    heading: bool = False  # a heading of the article: `[` and `]` go from one to the next
    keep: Spans = ()  # stretches of `text` set whole on one line when they fit one
    searched: bool = True  # False: drawn only, not the article's text (the header's address)
    label: str = ""  # a list item's bullet or number: a passage quoted from it starts with it
    folded: Text | None = None
    """Preformatted text: the prefix of a line's continuation where it is folded at the
    column's edge (in place of `rest`, as wide): without a mark, its two halves read as two
    lines of code. None for the rest (not an empty `Text` each: 200 of them an open)."""
    anchors: tuple[str, ...] = ()
    """The ids its blocks hold that a link of the article names (`Block.anchors`)."""
    note: bool = False
    """The newsroom's note at the head of the story (`Block.note`): folded on a low terminal."""
    fold: Text | None = None
    """Drawn on its first line only, this mark after it (a note folded on a low terminal, the
    rest of it not searched either: what is searched is what is shown); None: whole."""
    drawn: bool = True
    """False: on no line (what a compact header leaves out), kept so that the paragraphs after
    it keep their numbers, which a reading place goes by (see `reading_place.Place`)."""
    blocks: tuple[Block, ...] = ()
    """The article's blocks it shows (a table's rows), for a passage quoted from it to be
    written as the article's Markdown is (`passage.quotation`); none for the header's."""


@dataclass(frozen=True)
class TextRun:
    """Text that can be searched, and where its pieces are drawn once wrapped: a whole paragraph
    (so a phrase is found where wrapping broke it over two lines), or one line of a table, taken
    as drawn."""

    text: str
    pieces: tuple[tuple[int, int, int, int], ...]
    """(screen line, start, end, cell) per line: `text[start:end]` is drawn on that screen line
    from `cell` of the text column on."""
    links: Links = ()
    """The links in `text` (a table's: those on its line, a link wrapped in its cell being one
    piece a line)."""
    link_keys: tuple[int, ...] = ()
    """A table's line: per link, which link of the table it is a piece of (the pieces of a link
    wrapped in its cell share it). Empty for a paragraph, whose links are whole."""
    label: str = ""
    """A list item's bullet or number ("•", "3."): copied before its words, which alone read
    as a paragraph of their own."""
    cells: tuple[tuple[int, int, tuple[int, int]], ...] = ()
    """A table's line: where each cell's words on it are, (start, end, cell) each, the cell
    named (the table's first screen line, its number in the table). A cell wrapped over
    several lines is searched as one text, not line by line (see `find_in_article`)."""


@dataclass(frozen=True)
class Layout:
    """An article wrapped for one width: its screen lines and its searchable runs, in order."""

    lines: list[Strip]
    runs: list[TextRun]
    headings: list[int] = field(default_factory=list)
    """The screen line each heading of the article starts on, in order."""
    extents: list[range] = field(default_factory=list)
    """The screen lines of each paragraph (its gap above left out), in order: where the reader
    is in the text is found again from them after a re-wrap."""
    wide: int = 0
    """The cells a table may take when that is more than the column's: the terminal's width."""
    overhang: dict[int, int] = field(default_factory=dict)
    """The lines of a table wider than the column, by screen line: the table's width. They are
    drawn centred on the column, out into its margins (`shift`)."""

    def shift(self, line: int, column: int, available: int) -> int:
        """How many cells left of the column's edge `line` starts, in a view `available` cells
        wide whose column is `column` wide (centred): 0 but for a table wider than the
        column, which is centred on the view as the column is."""
        table = self.overhang.get(line)
        if table is None:
            return 0
        margin = max(0, (available - column) // 2)
        return min(margin, max(0, margin - max(0, (available - table) // 2)))


# -- building paragraphs -----------------------------------------------------------------------
_UPDATED = "updated "
_SEPARATOR = " · "


def header(
    entry: Entry | None,
    article: Article | None,
    styles: ArticleStyles,
    partial_note: str = "",
    compact: int = 0,
) -> list[Paragraph]:
    """Title, source · author · date, the original URL, and a partial-text notice
    (`partial_note`, else the usual one).

    `compact`: the column's width, for a view too low for all of it (see `compact_byline`): the
    title, one line of source, author and date, and the notes; the address and the length are
    left out, on no line (the same paragraphs, so a reading place is the same in both)."""
    title = (article.title if article else "") or (entry.title if entry else "")
    source = (article.site_name if article else "") or (entry.feed_title if entry else "")
    author = (article.author if article else "") or (entry.author if entry else "")
    published = (article.published if article else None) or (entry.published if entry else None)
    updated = (article.updated if article else None) or (entry.updated if entry else None)
    if article is not None and article.published:
        # The page's dates go together: under the date a page gives, the feed's date for the
        # item (an RSS pubDate, which feedparser gives as its update too) read as a revision
        # the page never made, and the citation (`y`) said no such thing.
        updated = article.updated
    # A correction or a developing story: when it was last changed matters to whoever quotes it.
    revised = (
        f"{_UPDATED}{long_date(updated)}"
        if updated and published and updated - published >= timedelta(minutes=1)
        else ""
    )
    # The address `y` cites (where a redirect or a shortener led, or the canonical one): the
    # feed's link showed a tracker's or a shortener's, which may expire, beside a citation
    # giving another.
    url = (cited_url(article) if article else "") or (entry.link if entry else "")
    rtl = article is not None and right_to_left(article)
    out = [
        Paragraph(
            plain(title or url or "(untitled)", styles.title, max_length=1000), gap=0, rtl=rtl
        )
    ]
    parts = [
        part
        for part in (
            plain(source, max_length=200),
            plain(author, max_length=200),
            Text(long_date(published)),
            Text(revised),
        )
        if part.plain
    ]
    meta = Text(style=styles.meta, end="")
    # Each part whole on a line when it fits: a line broke in the middle of a date.
    keep: list[tuple[int, int]] = []
    for number, part in enumerate(parts):
        if number:
            meta.append(_SEPARATOR)
        keep += _parts(part.plain, len(meta), number < len(parts) - 1)
        meta.append_text(part)
    if meta.plain and compact:
        byline = compact_byline(source, author, published, compact)
        out.append(Paragraph(Text(byline, styles.meta, end=""), gap=0, rtl=rtl))
    elif meta.plain:
        out.append(Paragraph(meta, keep=tuple(keep), rtl=rtl))
    if url:
        # Not searched: "storm" found in ".../storm-idris-live.html" counted as a match of
        # the article's, and the view went to the address line.
        out.append(
            Paragraph(plain(url, styles.url, max_length=2000), gap=0, searched=False)
            if not compact
            else _LEFT_OUT
        )
    if article is not None:
        length = Paragraph(Text(reading_length(article.word_count), styles.meta), gap=0)
        out.append(_LEFT_OUT if compact else length)
        if article.partial:
            note = partial_note or (
                "From the feed: the page gave little (a paywall, or a page built by scripts), "
                "so this is the text the feed carried. Press o for the original."
            )
            # The note may quote a server's error message: untrusted.
            out.append(Paragraph(plain(note, styles.notice, max_length=400)))
        if article.incomplete:
            note = f"Not all of it: {article.incomplete}."
            out.append(Paragraph(plain(note, styles.notice, max_length=400)))
    out.append(Paragraph(Text("", styles.rule), fill="─", gap=0 if compact else 1))
    return out


_LEFT_OUT = Paragraph(Text(""), gap=0, searched=False, drawn=False)
"""A part of the header a compact one leaves out."""


def compact_byline(source: str, author: str, moment: datetime | None, width: int) -> str:
    """One line of at most `width` cells for a compact header: source · author · date as the
    headline list writes it ("2026-11-24", "17:30" today). Too wide, the source is cut with
    "…", then the authors after the first; then the source goes, then the authors; the date
    alone cut with an ellipsis (plain text). The byline matters more to whoever quotes the
    article than the site's name, which the feed list shows too."""
    source, author = (plain(part, max_length=200).plain for part in (source, author))
    date = when(moment)
    first_author = _FURTHER_AUTHORS.split(author, maxsplit=1)[0]
    shortest = _cut(source, _SHORTEST_CUT) or ""
    candidates = [
        [source, author, date],
        [_cut(source, width - _line_cells([author, date], source)), author, date],
        [
            shortest,
            _cut_after(author, first_author, width - _line_cells([shortest, date], "x")),
            date,
        ],
        [author, date],
        [_cut_after(author, first_author, width - _line_cells([date], author)), date],
        [source, date],
    ]
    line = Text()
    for parts in candidates:
        if None in parts:
            continue  # a cut that would leave too little
        line = Text(_SEPARATOR.join(part for part in parts if part))
        if line.cell_len <= width:
            return line.plain
    line = Text(date or source or author)
    line.truncate(width, overflow="ellipsis")
    return line.plain


# Between two writers of a byline ("Priya Raman, Dov Ashkenazi", "A and B").
_FURTHER_AUTHORS = re.compile(r",\s+|\s+(?:and|&)\s+")
_SHORTEST_CUT = 4
"""Cells a cut source keeps, its "…" included: fewer say nothing of the site."""


def _line_cells(parts: list[str], other: str) -> int:
    """The cells `parts` take on the line, with the separator before them when `other` (a part
    that comes first) is there too."""
    shown = [part for part in parts if part]
    return cell_len(_SEPARATOR.join(shown)) + (len(_SEPARATOR) if other and shown else 0)


def _cut(text: str, room: int) -> str | None:
    """`text` cut to `room` cells with "…" (None: it would keep under `_SHORTEST_CUT`)."""
    if cell_len(text) <= room:
        return text
    if room < _SHORTEST_CUT:
        return None
    return set_cell_size(text, room - 1).rstrip() + "…"  # "Acc…", not "Acc19b …"


def _cut_after(author: str, first: str, room: int) -> str | None:
    """The authors cut to `room` cells with "…", the first one whole (None: it doesn't fit)."""
    if first == author or cell_len(first) + 1 > room:
        return None
    return _cut(author, room)


READING_SPEED = 230
"""Words a minute, an adult's silent reading of prose."""


def reading_length(words: int) -> str:
    """ "1,840 words · 8 min read"; no minutes for a text read in less than one: a feed's
    three-word summary said "1 min read"."""
    counted = f"{words:,} {'word' if words == 1 else 'words'}"
    minutes = round(words / READING_SPEED)
    return f"{counted} · {minutes} min read" if minutes else counted


def _parts(part: str, at: int, separated: bool) -> list[tuple[int, int]]:
    """Where `part` of the header's line, set at `at`, is to be kept whole: all of it, with the
    "·" after it when another part follows (no line starts with it); and, for a narrower
    column, a date apart from "updated", and the day apart from the time."""
    spans = [(at, at + len(part) + (len(_SEPARATOR.rstrip()) if separated else 0))]
    if part.startswith(_UPDATED):
        at += len(_UPDATED)
        part = part[len(_UPDATED) :]
        spans.append((at, at + len(part)))
    day, comma, _time = part.partition(", ")
    if comma:
        spans += [(at, at + len(day) + 1), (at + len(day) + 2, at + len(part))]
    return spans


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
    out: list[Paragraph] = []
    previous: Block | None = None
    widths = _number_widths(article.blocks)
    whole_rtl = right_to_left(article)
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
        # right-to-left article is: flush right, its bar or bullet on the right.
        words = first.text
        rtl = not whole_rtl and not words.isascii() and letters_right_to_left(words)
        if not tight and first.quoted_with(previous):
            # The quote's bar runs on through the blank line between its paragraphs (and its
            # list).
            bar = Text("▌ ", styles.quote_bar)
            between = Paragraph(Text(end=""), bar, bar, gap=0)
            out.append(_right_to_left(between) if rtl else between)
            gap = 0
        paragraph = (
            _table(group, styles, gap)
            if first.kind == BlockKind.TABLE_ROW
            else _block(first, styles, gap, widths.get(id(first), 0))
        )
        if first.quoted and first.kind != BlockKind.TABLE_ROW:
            # A quotation's list item, behind the quote's bar as its words are.
            bar = Text("▌ " * first.quoted, styles.quote_bar)
            paragraph = replace(
                paragraph,
                first=bar + paragraph.first,
                rest=bar + paragraph.rest,
            )
        anchors = tuple(anchor for block in group for anchor in block.anchors)
        paragraph = replace(paragraph, anchors=anchors, blocks=tuple(group))
        out.append(_right_to_left(paragraph) if rtl else paragraph)
        previous = group[-1]
    if not out:
        out.append(Paragraph(Text("This article has no text.", styles.meta)))
    if whole_rtl:
        out = [_right_to_left(paragraph) for paragraph in out]
    return out


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
    table = TableCells(
        tuple(cells),
        tuple(r.header for r in rows),
        shape.numeric,
        tuple(plain(h, bold) for h in shape.headings),
        styles.rule,
    )
    indent = Text("   " * (max(1, rows[0].level) - 1))
    return Paragraph(Text(end=""), indent, indent, gap=gap, table=table)


# A table's cells are wrapped each in its column and set side by side: their links are found
# again, line by line, by this mark on their spans (which wrapping keeps, and nothing draws).
_LINK_META = "reader-link"


# Each link of a table is numbered apart, so its pieces on the lines it is wrapped onto are
# known for one link.
_LINK_KEYS = count()


def _linked(text: Text, links: Links) -> Text:
    for start, end, href in links:
        text.stylize(Style(meta={_LINK_META: (next(_LINK_KEYS), href)}), start, end)
    return text


def _line_links(line: Text, shift: int) -> tuple[Links, tuple[int, ...]]:
    """The links marked by `_linked` on a laid-out line, as (start, end, address) in the line
    drawn behind a prefix of `shift` characters, and the key of each."""
    found: list[tuple[int, int, str]] = []
    keys: list[int] = []
    for span in sorted(line.spans, key=lambda span: span.start):
        style = span.style
        mark = style.meta.get(_LINK_META) if isinstance(style, Style) else None
        if not mark or not line.plain[span.start : span.end].strip():
            continue
        key, href = mark
        start, end = span.start + shift, span.end + shift
        if found and keys[-1] == key and found[-1][1] >= start:
            found[-1] = (found[-1][0], max(end, found[-1][1]), href)
        else:
            found.append((start, end, href))
            keys.append(key)
    return tuple(found), tuple(keys)


def has_links(paragraph: Paragraph) -> bool:
    """`paragraph` has a link, as its runs will once it is laid out: told without laying it out."""
    if paragraph.table is None:
        return bool(paragraph.links)
    return any(
        isinstance(span.style, Style) and span.style.meta.get(_LINK_META)
        for row in paragraph.table.rows
        for cell in row
        for span in cell.spans
    )


def _block(block: Block, styles: ArticleStyles, gap: int, digits: int = 0) -> Paragraph:
    """One block as a paragraph; a numbered list's item with its number set right in `digits`
    places (its list's widest)."""
    match block.kind:
        case BlockKind.HEADING:
            style = styles.heading if block.level <= 2 else styles.subheading
            text, links = _inlines(block.inlines, styles, style)
            return Paragraph(text, gap=gap, links=links, heading=True)
        case BlockKind.QUOTE:
            bar = Text("▌ " * max(1, block.level), styles.quote_bar)
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
            text = plain(block.text, styles.pre, multiline=True)
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
                text.append_text(plain(href, styles.url))
            return Paragraph(text, Text("▶ ", styles.bullet), Text("  "), gap=gap, links=links)
        case BlockKind.IMAGE:
            # The label is the link: a picture's address is long and says nothing to read.
            href = next((i.href for i in block.inlines if i.href), None)
            label = (Inline(picture_label(block.text), href),)
            text, links = _inlines(label, styles, styles.caption)
            return Paragraph(text, Text("▣ ", styles.bullet), Text("  "), gap=gap, links=links)
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
        text.append_text(plain(inline.text, style, multiline=True))
        if not inline.href or len(text) == start:
            continue
        if links and links[-1][1:] == (start, inline.href):
            links[-1] = (links[-1][0], len(text), inline.href)
        else:
            links.append((start, len(text), inline.href))
    shown = text.plain
    return text, tuple(link for link in links if shown[link[0] : link[1]].strip())


# -- wrapping ----------------------------------------------------------------------------------
def typeset(paragraphs: list[Paragraph], width: int, console: Console) -> list[Strip]:
    """Wrap every paragraph to `width` cells; one `Strip` per screen line (not padded)."""
    return layout(paragraphs, width, console).lines


def layout(
    paragraphs: list[Paragraph],
    width: int,
    console: Console,
    laid: Layout | None = None,
    lines_wanted: int | None = None,
) -> Layout:
    """`typeset`, and where each paragraph's text went (for search).

    Continues `laid` (the first of `paragraphs` laid out for the same width), in place, and
    stops after the paragraph that makes it `lines_wanted` lines long (None: all of them): a
    paragraph's lines depend on no other's, so an article laid out in parts is laid out as in
    one go, and the reading view shows a long one's first screen before the rest is wrapped.
    """
    laid = Layout([], []) if laid is None else laid
    lines, runs, headings, extents = laid.lines, laid.runs, laid.headings, laid.extents
    blank = Strip([])
    for paragraph in islice(paragraphs, len(extents), None):
        if lines_wanted is not None and len(lines) >= lines_wanted:
            break
        if not paragraph.drawn:
            extents.append(range(len(lines), len(lines)))
            continue
        if lines:
            lines.extend([blank] * paragraph.gap)
        top = len(lines)
        if paragraph.heading:
            headings.append(top)
        room = max(_NARROWEST, width - paragraph.first.cell_len)
        text = paragraph.text.copy()
        fold_mark: Text | None = None  # after the first line of a paragraph folded to it
        continued: set[int] = set()  # the pieces that go on a line folded at the column's edge
        cells: list[tuple[CellPiece, ...]] = []  # a table's: its cells' pieces, line by line
        if text.style:
            # The paragraph's own style as a span under the inline ones: wrapping keeps spans,
            # not the base style.
            text.stylize_before(text.style)
            text.style = ""
        if paragraph.table is not None:
            wide = laid.wide - paragraph.first.cell_len
            laid_table = table_lines(paragraph.table, room, console, wide)
            pieces, cells = laid_table.lines, laid_table.cells
        elif paragraph.fill:
            pieces = [Text(paragraph.fill * room, paragraph.text.style)]
        elif paragraph.wrap:
            align = "right" if paragraph.rtl else paragraph.align
            pieces = _wrapped(text, room, align, console, paragraph.keep)
            if paragraph.fold is not None and len(pieces) > 1:
                # Its first line only, short enough to take the mark after it.
                fold_mark = paragraph.fold
                narrower = max(_NARROWEST, room - fold_mark.cell_len)
                pieces = _wrapped(text, narrower, align, console, paragraph.keep)[:1]
        else:
            pieces = []
            for line in text.split("\n", allow_blank=True):
                # Preformatted text keeps its lines; a line wider than the column is folded,
                # by cells: a line of Chinese folded every `room` characters was twice as wide
                # as the column, and the half past its edge was never seen.
                folds = list(accumulate(len(part) for part in chop_cells(line.plain, room)))
                for fold, piece in enumerate(line.divide(folds[:-1]) or [line]):
                    # Padded to the column so a code block reads as one shaded box.
                    piece.append(" " * max(0, room - piece.cell_len), paragraph.text.style)
                    if fold:
                        continued.add(len(pieces))
                    pieces.append(piece)
        for number, piece in enumerate(pieces):
            prefix = paragraph.first if number == 0 else paragraph.rest
            if number in continued and paragraph.folded is not None:
                prefix = paragraph.folded
            line = piece
            parts = (prefix, piece) if fold_mark is None else (prefix, piece, fold_mark)
            if prefix.plain or fold_mark is not None:
                # Not `prefix + piece`: the sum takes the prefix's style (a bullet's colour)
                # as its own, for the whole line.
                line = Text(end="")
                for part in reversed(parts) if paragraph.rtl else parts:
                    line.append_text(part)
            line.end = ""
            lines.append(Strip(list(line.render(console))))
        if paragraph.table is not None:
            drawn = max((strip.cell_length for strip in lines[top:]), default=0)
            if drawn > width:
                laid.overhang.update(dict.fromkeys(range(top, len(lines)), drawn))
        extents.append(range(top, len(lines)))
        if not paragraph.fill and paragraph.searched:
            if fold_mark is not None:
                runs += _folded_runs(paragraph, text.plain, pieces[0], top, lines)
            else:
                runs += _runs(paragraph, text.plain, pieces, top, lines, cells)
    return laid


# Spaces no line may break at: Rich breaks at any whitespace, a no-break one too ("3 €",
# "10 000"), and French sets a space, often a plain one, before ? ! : ; » and after «: a line
# began with a lone "?" or "»". Each is held by a stand-in that is no space while wrapping.
_NO_BREAK = re.compile(
    r"[\u00a0\u202f\u2007]|[ \t](?=[?!:;»](?:\s|$|[.,)»]))|(?:(?<=^«)|(?<=\s«))[ \t]"
)


def _wrapped(
    text: Text,
    room: int,
    align: Literal["default", "center", "right"],
    console: Console,
    keep: Spans = (),
) -> list[Text]:
    """`text` wrapped to lines that take at most `room` cells in any terminal: narrower by
    Rich's measure when marks it gives no cell are in them (Hindi's vowel signs; `cell_width`),
    never at a no-break space (`_NO_BREAK`), nor inside a stretch of `keep` that fits."""
    held = _NO_BREAK.sub(STAND_IN, text.plain)
    if held == text.plain:
        return _wrapped_at_spaces(text, room, align, console, keep)
    kept = [text.plain[at] for at, char in enumerate(held) if char == STAND_IN]
    stood_in = text.copy()
    stood_in.plain = held  # as long as the text: its spans (links, emphasis) stay put
    pieces = _wrapped_at_spaces(stood_in, room, align, console, keep)
    originals = iter(kept)
    for piece in pieces:
        if STAND_IN in piece.plain:
            piece.plain = "".join(
                next(originals) if char == STAND_IN else char for char in piece.plain
            )
    return pieces


def _wrapped_at_spaces(
    text: Text,
    room: int,
    align: Literal["default", "center", "right"],
    console: Console,
    keep: Spans = (),
) -> list[Text]:
    pieces = wrap(text, console, room, align, keep)
    narrower = room
    while narrower > _NARROWEST:
        widths = (piece.cell_len + uncounted_cells(piece.plain) for piece in pieces)
        over = max(widths, default=0) - room
        if over <= 0:
            break
        narrower = max(_NARROWEST, narrower - over)
        pieces = wrap(text, console, narrower, align, keep)
    return pieces


def _folded_runs(
    paragraph: Paragraph, plain: str, piece: Text, top: int, lines: list[Strip]
) -> list[TextRun]:
    """`_runs` of a paragraph folded to its first line, `piece`: its words on that line alone,
    and its links as far as they are on it."""
    core = piece.plain.strip()
    start = plain.find(core)
    if start < 0:
        return []
    cut = start + len(core)
    links = tuple((s, min(e, cut), a) for s, e, a in paragraph.links if s < cut)
    return _runs(replace(paragraph, links=links), plain[:cut], [piece], top, lines)


def _runs(
    paragraph: Paragraph,
    plain: str,
    pieces: list[Text],
    top: int,
    lines: list[Strip],
    cells: list[tuple[CellPiece, ...]] | None = None,
) -> list[TextRun]:
    """Where `plain` went: each wrapped piece is a stretch of it, less the whitespace at its
    ends (and a centred line's padding), so it is found from where the previous one ended.
    A table's lines (`cells`: its cells' pieces on each) are runs of their own."""
    if paragraph.table is None:
        located = []
        cursor = 0
        for number, piece in enumerate(pieces):
            drawn = piece.plain
            core = drawn.strip()
            if not core:
                continue
            start = plain.find(core, cursor)
            if start < 0:
                break  # wrapping changed the text (a tab expanded): taken line by line below
            prefix = paragraph.first if number == 0 else paragraph.rest
            before = 0 if paragraph.rtl else prefix.cell_len  # right to left: it is after
            cell = before + cell_len(drawn[: len(drawn) - len(drawn.lstrip())])
            cursor = start + len(core)
            located.append((top + number, start, cursor, cell))
        else:
            run = TextRun(plain, tuple(located), paragraph.links, label=paragraph.label)
            return [run] if located else []
    # A table's cells are wrapped each in its own column: its lines are searched as drawn.
    out = []
    for offset, piece in enumerate(pieces):
        number = top + offset
        drawn = lines[number].text
        if drawn.strip():
            prefix = paragraph.first if offset == 0 else paragraph.rest
            shift = len(prefix.plain)
            links, keys = _line_links(piece, shift) if paragraph.table else ((), ())
            where = tuple(
                (start + shift, end + shift, (top, cell))
                for start, end, cell in (cells[offset] if cells else ())
            )
            out.append(TextRun(drawn, ((number, 0, len(drawn), 0),), links, keys, cells=where))
    return out
