"""A passage selected in the article (Textual's text selection: a drag of the mouse), as the
lines of one layout show it: where it is, how it is drawn, and the article's words in it. A
drag that begins or ends inside a word takes the whole word.

Textual gives a selection as (line, character) offsets into the widget's screen lines, and
"None" for an end past the widget. The words are taken from the layout's runs, not the screen
lines, so the quote bars, bullets and indents drawn around the text are never copied, and a
paragraph's words come back as written, not as wrapped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from unicodedata import east_asian_width

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Offset
from textual.selection import Selection
from textual.strip import Strip

from ....bidi_isolates import ISOLATES, without_isolates
from ....models import Article, Block, BlockKind, Inline
from ....render import to_markdown, to_text
from ... import display
from ...cell_width import as_written, uncounted_cells
from .find_in_article import LineMap
from .paragraph import Paragraph

_ATTRIBUTION = re.compile(r"[ \t]*\n[ \t]*[—―–][^\n]+")
"""A quote's attribution on the line after its words (`Block`'s QUOTE: "…\n— Name")."""

Bounds = tuple[tuple[int, int], tuple[int, int]]
"""The first and last (screen line, character) selected."""


def bounds(selection: Selection, lines: list[Strip], top: int, height: int) -> Bounds | None:
    """`selection` clamped to the screen lines `lines`: one that began in the margin (a
    negative character) starts at its line's start; one that left the view ("to the end of the
    widget") ends at the last line on screen (`top`, `height`), not the article's end; an end
    inside a word moves out to the word's edge. Asked for each line drawn: only the two end
    lines' texts are read."""
    if not lines:
        return None
    last = len(lines) - 1
    bottom = min(last, top + height - 1)
    start = (top, 0) if selection.start is None else (selection.start.y, selection.start.x)
    end = (bottom, len(lines[bottom].text)) if selection.end is None else selection.end.transpose
    start, end = min(start, end), max(start, end)
    (first, at), (final, to) = (
        (min(start[0], last), max(0, start[1])),
        (min(end[0], last), max(0, end[1])),
    )
    # A drag begun or ended inside a word takes the whole word: a quotation of "he amendment
    # … fund se" is no quotation. (Scripts written without spaces keep the characters.)
    return (first, _word_start(lines[first].text, at)), (final, _word_end(lines[final].text, to))


def as_drawn(selection: Selection, lines: list[Strip]) -> Selection:
    """A drag of the mouse as the characters under it: Textual names the character at the
    mouse's cell by Rich's measure of the line, which gives an emoji's skin tone ("👍🏽")
    no cell, where tmux and the terminals measuring by wcwidth draw it in two (`cell_width`):
    a drag over the words after one began and ended two characters right of the mouse."""

    def drawn(offset: Offset | None) -> Offset | None:
        if offset is None or not 0 <= offset.y < len(lines):
            return offset
        text = lines[offset.y].text
        if text.isascii() or not uncounted_cells(text):
            return offset
        cell = cell_len(text[: max(0, offset.x)])  # the mouse's cell, as Textual counted it
        width = 0
        for index, char in enumerate(text):
            if width >= cell:
                return Offset(index, offset.y)
            width += cell_len(char) + uncounted_cells(char)
        return Offset(len(text), offset.y)

    return Selection(drawn(selection.start), drawn(selection.end))


def _in_word(char: str) -> bool:
    return (
        (char.isalnum() or char in "'’")
        and east_asian_width(char) not in "WF"
        and not (
            "\u0e00" <= char <= "\u0eff"  # Thai and Lao
        )
    )


def _word_start(text: str, at: int) -> int:
    """`at`, or the start of the word it is inside."""
    if not 0 < at < len(text) or not (_in_word(text[at - 1]) and _in_word(text[at])):
        return at
    while at > 0 and _in_word(text[at - 1]):
        at -= 1
    return at


def _word_end(text: str, to: int) -> int:
    """`to` (the end, exclusive), or the end of the word it cuts."""
    if not 0 < to < len(text) or not (_in_word(text[to - 1]) and _in_word(text[to])):
        return to
    while to < len(text) and _in_word(text[to]):
        to += 1
    return to


def span(selected: Bounds, number: int, line: str) -> tuple[int, int] | None:
    """The characters of screen line `number` (its text `line`) the selection covers."""
    (first, start), (last, end) = selected
    if not first <= number <= last:
        return None
    return (start if number == first else 0, end if number == last else len(line))


def highlight(line: Strip, characters: tuple[int, int], style: Style) -> Strip:
    """`line` with `characters` in the selection's `style`, over any other (a code block's
    or a match's background would otherwise win)."""
    text = line.text
    first, last = cell_len(text[: characters[0]]), cell_len(text[: characters[1]])
    if first >= last:
        return line
    inside = Strip(Segment.apply_style(iter(line.crop(first, last)), post_style=style))
    return Strip.join([line.crop(0, first), inside, line.crop(last)])


def words(selected: Bounds, lines: list[str], line_map: LineMap, labels: bool = True) -> str:
    """The article's own words selected: each paragraph's text as written (its line breaks
    the text's, not the wrapping's), paragraphs apart by a blank line, a table's rows (runs on
    consecutive lines) and a list's items by one break, each item after its bullet or number
    when taken from its start (unless not `labels`: the text's words alone, as a highlight
    finds them again)."""
    # The runs' texts were made display-safe when the article was typeset (display.plain).
    out = ""
    previous_line = -2
    for r, (a, b) in sorted(chosen(selected, lines, line_map).items()):
        run = line_map.runs[r]
        if run.rule:  # the table's, drawn between its rows: no words
            previous_line = run.pieces[-1][0]
            continue
        if out:
            out += "\n" if run.pieces[0][0] == previous_line + 1 else "\n\n"
        if labels and run.label and not run.text[:a].strip():  # an item from its start
            out += f"{run.label} "
        out += run.text[a:b].strip()
        previous_line = run.pieces[-1][0]
    # A table's lines are runs as drawn: a Hebrew cell's bidi isolates are not its words.
    return as_written(without_isolates(out))


def quotation(
    selected: Bounds,
    lines: list[str],
    line_map: LineMap,
    paragraphs: list[Paragraph],
    extents: list[range],
    article: Article | None = None,
    markdown: bool = True,
) -> str:
    """The article's own words selected as a Markdown quotation (or, not `markdown`, as plain
    text to paste into a CMS or an e-mail: as `reader show --format text` writes them, but
    without its ">" before a quote and its underline under a heading): the blocks they are in, cut
    to the words selected, written as the article's Markdown writes them (`render`): its bold
    and italics (an interview's questions), its links, a quote in the passage a quote in the
    quotation ("> > …" and its "— Name"), a list a list, a table's rows selected a table. The
    header's words (the title, the byline), which are no block, as plain words. A link within
    `article`'s page names the address its citation gives, as `reader show` writes it."""
    blocks: list[Block] = []
    rows: dict[int, set[int]] = {}  # a table's paragraph → its rows selected
    starts = [extent.start for extent in extents]
    for r, (a, b) in sorted(chosen(selected, lines, line_map).items()):
        run = line_map.runs[r]
        number = bisect_right(starts, run.pieces[0][0]) - 1
        paragraph = paragraphs[number] if 0 <= number < len(paragraphs) else None
        if paragraph is None or not paragraph.blocks:
            # Written literally (escaped) by `render`.
            words = as_written(display.plain(run.text[a:b].strip(), multiline=True).plain)
            blocks.append(Block(BlockKind.PARAGRAPH, (Inline(words),)))
        elif paragraph.table is not None:
            columns = len(paragraph.table.numeric)
            if number not in rows:
                rows[number] = set()
                blocks.append(paragraph.blocks[0])  # the table's place, its rows after
            rows[number] |= {cell // columns for _start, _end, (_top, cell) in run.cells}
            # Its headings with them: "2019 | 1,460 | 140" says nothing without.
            rows[number] |= {n for n, row in enumerate(paragraph.blocks) if row.header}
        else:
            cut = _cut(paragraph.blocks[0], as_written(run.text), a, b)
            blocks.append(_lettered(cut))
    whole: list[Block] = []
    for block in blocks:
        if block.kind != BlockKind.TABLE_ROW:
            whole.append(block)
            continue
        table = next(p for p in rows if paragraphs[p].blocks[0] is block)
        picked = rows.pop(table)
        whole += [row for n, row in enumerate(paragraphs[table].blocks) if n in picked]
    quoted = replace(article, blocks=tuple(whole)) if article else Article("", blocks=tuple(whole))
    written = (
        to_markdown(quoted, header=False)
        if markdown
        else to_text(quoted, header=False, marks=False)
    ).rstrip("\n")
    # A table's rows and a picture's line are the page's own strings, not the view's: made
    # display-safe as the rest was, for whatever the clipboard is pasted into.
    written = display.plain(written, multiline=True).plain
    if not markdown:
        return written
    return "\n".join(f"> {line}" if line else ">" for line in written.split("\n"))


def _lettered(block: Block) -> Block:
    """A list's item lettered or in Roman numerals ("b.", "iv."): a paragraph led by its
    label, as the reading view draws it. Markdown numbers a list in digits only, and "proposal
    (b)" would name no item."""
    if block.kind != BlockKind.LIST_ITEM or not block.ordinal or not block.numbering:
        return block
    return Block(BlockKind.PARAGRAPH, (Inline(f"{block.number}. "), *block.inlines))


def _cut(block: Block, shown: str, a: int, b: int) -> Block:
    """`block` with only its words `shown[a:b]` (`shown`: its text as the reading view drew
    it, each run's text made display-safe), each run of them keeping its bold, italics, link.
    A picture, a recording, a rule, whole."""
    if block.kind in (BlockKind.IMAGE, BlockKind.MEDIA, BlockKind.RULE):
        return block
    while a < b and shown[a].isspace():
        a += 1
    while b > a and shown[b - 1].isspace():
        b -= 1
    if block.kind == BlockKind.QUOTE and _ATTRIBUTION.fullmatch(shown, b):
        b = len(shown)  # to its last words: who said them ("— Callum Reid") with them
    runs = [display.plain(run.text, multiline=True).plain for run in block.inlines]
    if block.kind == BlockKind.PREFORMATTED or "".join(runs) != shown:
        # Code's tabs were set as spaces: its words as drawn.
        return replace(block, inlines=(Inline(shown[a:b]),))
    cut: list[Inline] = []
    at = 0
    for run, text in zip(block.inlines, runs, strict=True):
        piece = text[max(a, at) - at : max(0, min(b, at + len(text)) - at)]
        if piece:
            cut.append(replace(run, text=piece))
        at += len(text)
    return replace(block, inlines=tuple(cut))


def chosen(selected: Bounds, lines: list[str], line_map: LineMap) -> dict[int, list[int]]:
    """The runs selected: run → [first offset, last offset] of it selected."""
    (first, start), (last, end) = selected
    chosen: dict[int, list[int]] = {}  # run → [first offset, last offset] selected
    for number in range(first, last + 1):
        text = lines[number]
        low = start if number == first else 0
        high = end if number == last else len(text)
        for r, p in line_map.by_line.get(number, ()):
            if line_map.runs[r].own:
                continue  # the reader's note: none of the article's words to quote
            _line, begin, finish, cell = line_map.runs[r].pieces[p]
            at = character_at_cell(text, cell)
            a, b = max(low, at), min(high, at + finish - begin)
            if a < b:
                offsets = chosen.setdefault(r, [begin + a - at, begin + b - at])
                offsets[0] = min(offsets[0], begin + a - at)
                offsets[1] = max(offsets[1], begin + b - at)
    return chosen


def character_at_cell(text: str, cell: int) -> int:
    """The index of the character of `text` drawn from column `cell` on: not the bidi
    isolate before it, which takes no cell (`bidi_isolates`: a Hebrew line's words are in
    one), else a passage taken from there began a character early and lost its last."""
    width = 0
    for index, char in enumerate(text):
        if width >= cell and char not in ISOLATES:
            return index
        width += cell_len(char)
    return len(text)
