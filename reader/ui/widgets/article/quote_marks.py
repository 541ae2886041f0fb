"""The quotation marks of a run of text, each opening or closing: curly ones as drawn (“ opens,
” closes), straight ones in turn, since `"` opens and closes alike: the first opens, the next
closes. A straight mark right after a figure opens nothing: it is an inch mark ("a 12" pipe"),
though it may close a quotation ("he said "42" and left"). What keeps a quotation's sentences
together when a passage is stepped by sentences (`sentences`, `passage_units`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

OPENING = ("“", '"')
"""What a paragraph carrying on a quotation opens with."""

_MARK = re.compile('[“”"]')
_STRAIGHT = re.compile('"')


def quotation_marks(
    text: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, bool]]:
    """Each quotation mark in `text[start:end]`: where it is, and whether it opens."""
    straight_open = False
    for mark in _MARK.finditer(text, start, len(text) if end is None else end):
        at = mark.start()
        char = text[at]
        if char != '"':
            yield at, char == "“"
        elif straight_open:
            straight_open = False
            yield at, False
        elif not (at and text[at - 1].isdigit()):
            straight_open = True
            yield at, True


def straight_open_at(text: str, start: int, at: int) -> bool:
    """A straight quotation opened in `text[start:at]` is still open at `at`."""
    if _STRAIGHT.search(text, start, at) is None:
        return False  # most text: no straight mark to pair
    open_ = False
    for mark in _STRAIGHT.finditer(text, start, at):
        here = mark.start()
        if open_ or not (here and text[here - 1].isdigit()):
            open_ = not open_
    return open_
