"""What a search that found nothing tries once more, to say what it would have found: a word is
found whole, so `bin lorry` missed "the bins … lorry" (acc45a A6) and `keyboards` missed "a split
keyboard" (acc51b B12, where lemon24's reader, stemming, found it). The search itself stays whole
words, as documented; its words as prefixes (`bin* lorry*`), then its plurals singular
(`keyboard`), are tried in turn, and the first that finds something is said: "; keyboard finds
1 (…)". `reader list --search` and the reader's `F` say it from here.

The singulars are English's (-ies to -y, -es dropped after a hiss): tried for a query whose
words read as English or say nothing of their language (`english_text.reads_as_english`), its
plural in a–z alone. "les maisons" or "países" ("paíse") are not guessed at: another
language's plurals are its own, and a wrong singular sent the user after nothing. The
articles' language is not weighed: a headline carries none, and the hint is of the query."""

from __future__ import annotations

import re
from collections.abc import Callable

from .english_text import reads_as_english
from .safe import safe_line
from .search_query import _OPERATORS, _QUOTES, Query

_PREFIXABLE = re.compile(r"(?!\d+$)\w{3,}")
"""A word `prefixed` finds as a prefix: a shorter one (`a*`, `of*`) finds most of the text."""
_PLURAL = re.compile(r"[A-Za-z]{3,}s")
"""A word that may be an English plural: letters a–z, four or more, the last an s."""
_NOT_PLURAL = ("ss", "us", "is")
"""Endings of a word in s that is no plural ("class", "bus", "analysis")."""
_NO_PLURALS = frozenset(
    (
        "news", "means", "series", "species", "always", "perhaps", "whereas", "towards",
        "afterwards", "sometimes", "besides", "thanks", "lens", "physics", "politics",
        "economics", "mathematics", "athletics", "ethics",
    )
)  # fmt: skip
"""English words in s that are no plural of a word: `news` said "new finds 40"."""
_ES_AFTER = ("sses", "shes", "ches", "xes", "zes")
"""Plurals in -es whose singular drops it ("classes", "churches", "boxes")."""

_PREFIX_NOTE = "a word is found whole, unless it ends in *"
_SINGULAR_NOTE = "a word is found whole: a plural does not find its singular"


def prefixed(query: Query) -> Query | None:
    """`query` with each word typed whole (three letters or more, not a number, not in a
    phrase, a tag, a field or after `-`) found as a prefix: `bin` as `bin*`, finding "bins";
    None when it has no such word."""
    return _widened(query, singular=False)


def singular(query: Query) -> Query | None:
    """`query` with each plural typed whole as its singular, whole (`keyboards` as
    `keyboard`), its other words as `prefixed` has them; None when it has no plural, or its
    words read as another language than English (`reads_as_english`: "les maisons")."""
    if reads_as_english(query.text) is False:
        return None
    return _widened(query, singular=True)


def singular_of(word: str) -> str | None:
    """The singular of `word` when it reads as a plural in s ("stories" → "story", "boxes" →
    "box", "keyboards" → "keyboard"); None for any other word."""
    lowered = word.lower()
    if not _PLURAL.fullmatch(word) or lowered.endswith(_NOT_PLURAL) or lowered in _NO_PLURALS:
        return None
    if lowered.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    if lowered.endswith(_ES_AFTER):
        return word[:-2]
    return word[:-1]


def widened_note(query: Query, found: Callable[[Query], int]) -> str:
    """What an empty search for `query` says of the first of its widenings (`prefixed`, then
    `singular`) that finds something, `found` counting its hits: "; keyboard finds 1 (a word
    is found whole: …)"; "" when none does (each searched once, until one finds)."""
    for widen, why in ((prefixed, _PREFIX_NOTE), (singular, _SINGULAR_NOTE)):
        wider = widen(query)
        if wider is not None and (count := found(wider)):
            return f"; {safe_line(wider.text, 80)} finds {count:,} ({why})"
    return ""


def widenings(query: Query) -> list[Query]:
    """The queries `widened_note` may try for `query`, in its order."""
    return [wider for wider in (prefixed(query), singular(query)) if wider is not None]


def _widened(query: Query, singular: bool) -> Query | None:
    out, inside, plurals = [], False, False
    for token in query.text.split():
        quotes = sum(token.count(q) for q in _QUOTES)
        whole = not inside and not quotes and token not in _OPERATORS
        one = singular_of(token) if whole and singular else None
        if one is not None:
            out.append(one)
            plurals = True
        else:
            out.append(f"{token}*" if whole and _PREFIXABLE.fullmatch(token) else token)
        inside ^= quotes % 2 == 1
    if singular and not plurals:
        return None
    widened = " ".join(out)
    return None if widened == " ".join(query.text.split()) else Query(widened)
