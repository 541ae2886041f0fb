"""Text folded for find-in-page: the quotes, dashes and accents a keyboard doesn't type.

Articles are typeset with curly quotes (’ “ ”), dashes (– —) and accented names (café,
Zoë); a query is typed with ' " - and plain letters. As browsers' find does, the search
compares both folded: each of these characters replaced by the one a keyboard gives, and,
unless the query itself has an accent, each accented Latin letter by its plain one.

Every fold replaces one character by one, so a match in the folded text is at the same
indices in the text shown (its highlight lands on the right cells).
"""

from __future__ import annotations

import unicodedata

_PUNCTUATION = {
    "'": "\u2018\u2019\u201a\u201b\u02bc\u2032",  # ‘ ’ ‚ ‛ ʼ ′
    '"': "\u201c\u201d\u201e\u201f\u2033",  # “ ” „ ‟ ″
    "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212",  # ‐ ‑ ‒ – — ― −
}
PUNCTUATION = str.maketrans({c: plain for plain, cs in _PUNCTUATION.items() for c in cs})
"""Typographic quotes and dashes → the keyboard's."""

# Letters with no decomposition that readers still type without their stroke.
_STROKED = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H"}


def _unaccented() -> dict[int, str]:
    """Each Latin letter with marks (é, Å, ŝ, ệ) → the letter without them."""
    table: dict[int, str] = {ord(c): plain for c, plain in _STROKED.items()}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        decomposed = unicodedata.normalize("NFD", chr(code))
        base = decomposed[0]
        if len(decomposed) > 1 and base.isascii() and base.isalpha():
            table[code] = base
    return table


ACCENTS = _unaccented()
"""Accented Latin letters → plain ones (not Cyrillic й or ё: letters of their own there)."""
ALL = str.maketrans({**PUNCTUATION, **ACCENTS})
"""Quotes, dashes and accents folded."""


def has_accent(query: str) -> bool:
    """The query holds an accented letter: then accents are matched as typed (as a capital
    makes the case count)."""
    return any(ord(c) in ACCENTS for c in query)


def fold(text: str, accents: bool = True) -> str:
    """`text` with quotes and dashes folded, and accents unless `accents` is False; as long as
    `text`, each character where it was."""
    return text.translate(ALL if accents else PUNCTUATION)
