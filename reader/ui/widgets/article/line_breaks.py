"""Text wrapped for the reading view: Rich's wrapping, with the line breaks of
`reader.line_breaks` (Chinese, Japanese, Thai, Lao, Khmer, Myanmar; no break at a no-break
space). Korean, Latin and the rest still break at spaces only; a paragraph with none of these
scripts in it is left to Rich alone (most text, and the fastest),
unless it has a flag: a stretch folded at the column's edge is never folded between a flag's
two regional indicators, which Rich measures apart.
"""

from __future__ import annotations

from typing import Literal

from rich._wrap import divide_line
from rich.cells import cell_len, get_character_cell_size
from rich.console import Console
from rich.containers import Lines
from rich.text import Text

from ....line_breaks import CLUSTERED, MAY_HOLD, NO_BREAK, STAND_IN, Spans, breaks
from ...cell_width import terminal_cells

__all__ = ["NARROWEST", "Spans", "wrap", "wrap_for_terminal"]

NARROWEST = 8
"""No text is wrapped narrower than this, whatever the column's prefixes take."""


def wrap(
    text: Text,
    console: Console,
    width: int,
    justify: Literal["default", "center", "right"] = "default",
    keep: Spans = (),
) -> list[Text]:
    """`text` wrapped to lines of at most `width` cells, as `Text.wrap` with overflow "fold",
    breaking Chinese and Japanese by their rules. `keep`: stretches set whole on one line
    when they fit one (they may nest: the inner ones are kept whole when the outer one does
    not fit)."""
    plain = text.plain
    by_spaces = not keep and (plain.isascii() or CLUSTERED.search(plain) is None)
    held = [(start, end) for start, end in keep if cell_len(plain[start:end]) <= width]
    out = Lines()
    at = 0
    for line in text.split(allow_blank=True):
        length = len(line.plain)
        inside = [(s - at, e - at) for s, e in held if at <= s and e <= at + length]
        at += length + 1
        if "\t" in line.plain:
            line.expand_tabs(8)  # as `Text.wrap`: a tab's width is known once expanded
            inside = []  # and the stretches are no longer where they were
        # By spaces: as `Text.wrap` (the same steps, around this loop), its breaks found faster.
        cuts = _space_breaks(line.plain, width) if by_spaces else breaks(line.plain, width, inside)
        pieces = line.divide(cuts)
        for piece in pieces:
            piece.rstrip_end(width)
        pieces.justify(console, width, justify=justify, overflow="fold")
        for piece in pieces:
            piece.truncate(width, overflow="fold")
        out.extend(pieces)
    return list(out)


def wrap_for_terminal(
    text: Text,
    console: Console,
    width: int,
    justify: Literal["default", "center", "right"] = "default",
    keep: Spans = (),
) -> list[Text]:
    """`wrap`, to lines that take at most `width` cells as a terminal draws them
    (`terminal_cells`): narrower by Rich's measure when characters it gives no cell are in
    them (Hindi's vowel signs, the Hangul filler "ㅤ"), down to `NARROWEST` cells; never at a
    no-break space (`NO_BREAK`)."""
    plain = text.plain
    if MAY_HOLD.search(plain) and (held := NO_BREAK.sub(STAND_IN, plain)) != plain:
        return _held_apart(text, held, console, width, justify, keep)
    pieces = wrap(text, console, width, justify, keep)
    narrower = width
    while narrower > NARROWEST:
        over = max((terminal_cells(piece.plain) for piece in pieces), default=0) - width
        if over <= 0:
            break
        narrower = max(NARROWEST, narrower - over)
        pieces = wrap(text, console, narrower, justify, keep)
    return pieces


def _held_apart(
    text: Text,
    held: str,
    console: Console,
    width: int,
    justify: Literal["default", "center", "right"],
    keep: Spans,
) -> list[Text]:
    """`text` wrapped with its no-break spaces stood in for (`held`), then given back."""
    kept = [text.plain[at] for at, char in enumerate(held) if char == STAND_IN]
    stood_in = text.copy()
    stood_in.plain = held  # as long as the text: its spans (links, emphasis) stay put
    pieces = wrap_for_terminal(stood_in, console, width, justify, keep)
    originals = iter(kept)
    for piece in pieces:
        if STAND_IN in piece.plain:
            piece.plain = "".join(
                next(originals) if char == STAND_IN else char for char in piece.plain
            )
    return pieces


def _space_breaks(line: str, width: int) -> list[int]:
    """Where Rich's `divide_line` breaks `line` (at spaces, a word too long for a line folded),
    found a line at a time rather than a word at a time when every character takes one cell:
    most text. Rich measured each word of a 10,000-word article: 60–90 ms of wrapping it, which
    a reopened article waits for down to its place."""
    if not line or line[0].isspace() or not _one_cell_each(line):
        return divide_line(line, width, fold=True)
    last = len(line.rstrip())
    out: list[int] = []
    start = 0
    # A word (with the spaces after it) stays on the line when its last letter is within the
    # edge: the next line starts at the first word that isn't.
    while last - start > width:
        edge = start + width
        if line[edge].isspace():
            at = edge + 1
            while line[at].isspace():
                at += 1
        else:
            at = edge
            while at > start and not line[at - 1].isspace():
                at -= 1
            if at == start:  # a word wider than the line: Rich folds it from here on
                return out + [start + cut for cut in divide_line(line[start:], width, fold=True)]
        out.append(at)
        start = at
    return out


def _one_cell_each(text: str) -> bool:
    """Every character of `text` takes one cell, by Rich's measure: a word's cells are then
    its length."""
    if text.isascii():
        return text.isprintable()
    return all(get_character_cell_size(char) == 1 for char in set(text))
