"""A query word's matches in an all-ASCII text folded for it, tried only where the first run of
its letters stands (`search_query._Word.letters`), as the word's pattern gives them run at
every place: its edges' lookbehinds and the marks it may skip between two letters made each
place tried cost as much as a word's letters compared. A snippet's place (`full_text._closest`)
looked for each other word round 40 matches of the longest, and for its next match from each:
half of `reader list --search "tunnel ministers"` over a year's 8,600 hits (search41).

The pattern's match at a place doesn't depend on where the search started (its lookbehinds read
the text before it; no query's pattern holds `^`), only on where it must end: a match tried at
each place the run stands, from after the last one found, is the one `finditer` and `search`
give there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

__all__ = ["first_from", "matches_within"]


class _Lettered(Protocol):
    """A query's word as matched here (`search_query._Word`)."""

    @property
    def found(self) -> re.Pattern[str]: ...

    @property
    def letters(self) -> tuple[tuple[str, ...], bool]: ...

    @property
    def caseless(self) -> bool: ...


def matches_within(
    word: _Lettered, text: str, lowered: str, pos: int, endpos: int
) -> Iterator[re.Match[str]]:
    """`word.found.finditer(text, pos, endpos)`, `text` folded for it and all ASCII (`lowered`:
    it in lower case)."""
    runs, leading = word.letters
    if not leading:
        yield from word.found.finditer(text, pos, endpos)
        return
    within = lowered if word.caseless else text
    first = runs[0]
    at = within.find(first, pos, endpos)
    while at >= 0:
        match = word.found.match(text, at, endpos)
        if match is not None:
            yield match
            at = max(match.end(), at + 1)
        else:
            at += 1
        at = within.find(first, at, endpos)


def first_from(word: _Lettered, text: str, lowered: str, pos: int = 0) -> re.Match[str] | None:
    """`word.found.search(text, pos)`, `text` folded for it and all ASCII (`lowered`: it in
    lower case)."""
    runs, leading = word.letters
    if not leading:
        return word.found.search(text, pos)
    within = lowered if word.caseless else text
    first = runs[0]
    at = within.find(first, pos)
    while at >= 0:
        if (match := word.found.match(text, at)) is not None:
            return match
        at = within.find(first, at + 1)
    return None
