"""What the typesetter takes and gives: an article's `Paragraph`s, the styles they are drawn
in, and the `Layout` of them wrapped for one width, with the `TextRun`s a search reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from ....models import Block
from .line_breaks import Spans
from .table_layout import TableCells

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
    plain: bool = False
    """The plain layout's (`[ui] plain`): a quotation's bar and a heading marked as Markdown
    marks them ("> ", "## "), no rule under the header, no glyph before a picture's line: a
    screen reader said each glyph, and a heading was only bold (acc42a A8)."""


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
    own: bool = False
    """The reader's own note (✎, `note_paragraphs`): not the article's text, but found by `/`
    as it is (`TextRun.own`)."""
    label: str = ""  # a list item's bullet or number: a passage quoted from it starts with it
    aside: int = 0
    """The last `aside` characters of `text` are the view's own word on it (a picture's
    " ✓ kept"): drawn, but not the article's words, so not searched, nor in a passage copied,
    quoted or kept as a highlight (Ctrl-C took "Image: The quay ✓ kept")."""
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
    rule: bool = False
    """A table's rule line (under its header, between rows): drawn, but no words of it, nor a
    sentence of a passage."""
    own: bool = False
    """The reader's own note (`Paragraph.own`): its words found by `/` and an `F` hit's query
    (a hit found by its note alone had nothing to step through, search46), but none of the
    article's: no highlight, sentence nor passage quoted of it."""

    @property
    def article(self) -> bool:
        """Words of the article's: a passage, a sentence or a highlight may take them."""
        return not (self.rule or self.own)


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
