"""A passage selected in the article (Textual's text selection: a drag of the mouse), as the
lines of one layout show it: where it is, how it is drawn, and the article's words in it. A
drag that begins or ends inside a word takes the whole word.

Textual gives a selection as (line, character) offsets into the widget's screen lines, and
"None" for an end past the widget. The words are taken from the layout's runs, not the screen
lines, so the quote bars, bullets and indents drawn around the text are never copied, and a
paragraph's words come back as written, not as wrapped.
"""

from __future__ import annotations

from unicodedata import east_asian_width

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.selection import Selection
from textual.strip import Strip

from .find_in_article import LineMap

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


def words(selected: Bounds, lines: list[str], line_map: LineMap) -> str:
    """The article's own words selected: each paragraph's text as written (its line breaks
    the text's, not the wrapping's), paragraphs apart by a blank line, a table's rows (runs on
    consecutive lines) and a list's items by one break, each item after its bullet or number
    when taken from its start."""
    (first, start), (last, end) = selected
    chosen: dict[int, list[int]] = {}  # run → [first offset, last offset] selected
    for number in range(first, last + 1):
        text = lines[number]
        low = start if number == first else 0
        high = end if number == last else len(text)
        for r, p in line_map.by_line.get(number, ()):
            _line, begin, finish, cell = line_map.runs[r].pieces[p]
            at = character_at_cell(text, cell)
            a, b = max(low, at), min(high, at + finish - begin)
            if a < b:
                offsets = chosen.setdefault(r, [begin + a - at, begin + b - at])
                offsets[0] = min(offsets[0], begin + a - at)
                offsets[1] = max(offsets[1], begin + b - at)
    # The runs' texts were made display-safe when the article was typeset (display.plain).
    out = ""
    previous_line = -2
    for r, (a, b) in sorted(chosen.items()):
        run = line_map.runs[r]
        if out:
            out += "\n" if run.pieces[0][0] == previous_line + 1 else "\n\n"
        if run.label and not run.text[:a].strip():  # a list item taken from its start
            out += f"{run.label} "
        out += run.text[a:b].strip()
        previous_line = run.pieces[-1][0]
    return out


def character_at_cell(text: str, cell: int) -> int:
    """The index of the character of `text` drawn from column `cell` on."""
    width = 0
    for index, char in enumerate(text):
        if width >= cell:
            return index
        width += cell_len(char)
    return len(text)
