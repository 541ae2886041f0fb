"""Searching every cached article's text: the headlines whose title or cleaned text holds all
the words of a query, in any order, each with a snippet of the text round its first match.

Each word is matched as the reading view's `/` matches a query (`text_find.pattern`: smartcase,
quotes, dashes, widths and accents folded), so "lodz" finds "Łódź" here as it does there. Only the
cache is read, never the network: a headline whose article was never fetched is searched by its
title alone. A plain scan of the decompressed texts, with no index: benchmarks/search.py measures
it (a few thousand articles take well under a second or two).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .fold import composed, fold, has_accent
from .models import Article, BlockKind
from .reports import Headline
from .safe import safe_line
from .text_find import pattern, typed

SNIPPET_LENGTH = 110
"""The characters of text a snippet shows round a match (one line of a wide terminal)."""
_BEFORE = 40
"""Of them, how many come before the match, so it reads in its sentence."""
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Hit:
    """A headline the search found."""

    headline: Headline
    snippet: str
    """One line of the article's text round the first match, safe to show ("" when only the
    title holds every word)."""
    word: str = ""
    """The word of the query matched first in the text ("" when only the title holds them):
    what the reading view finds when the article is opened from the hits."""


@dataclass(frozen=True)
class _Word:
    typed: str
    found: re.Pattern[str]
    accents: bool
    """The text's accents are folded for it (the word has none)."""


class Query:
    """A query's words, each a pattern of its own (blank words dropped)."""

    def __init__(self, query: str) -> None:
        self.text = query
        words = []
        for word in query.split():
            found = pattern(word)
            if found is not None:
                words.append(_Word(word, found, not has_accent(typed(word))))
        self.words: tuple[_Word, ...] = tuple(words)

    def __bool__(self) -> bool:
        return bool(self.words)


class _Folded:
    """A text as the words are compared with it: composed, then folded with or without its
    accents, each worked out once."""

    def __init__(self, text: str) -> None:
        whole = composed(text)
        self.text = text if whole is None else whole[0]
        self._folded: dict[bool, str] = {}

    def search(self, word: _Word) -> re.Match[str] | None:
        if word.accents not in self._folded:
            self._folded[word.accents] = fold(self.text, word.accents)
        return word.found.search(self._folded[word.accents])


def article_text(article: Article) -> str:
    """The text searched: the article's blocks, a line each (a table row's text is its cells'),
    without its pictures' descriptions, as the words an article counts leave them out; what
    `Library.cached_text` reads from the cache without rebuilding the article."""
    return "\n".join(block.text for block in article.blocks if block.kind != BlockKind.IMAGE)


def snippet(text: str, at: int, end: int) -> str:
    """One line of `text` round the match at `at`..`end`, cut at spaces, "…" where it goes on."""
    start = max(0, at - _BEFORE)
    if start:  # from the first word that starts whole before the match
        space = _SPACE.search(text, start, at)
        start = space.end() if space else start
    stop = min(len(text), max(end, start + SNIPPET_LENGTH))
    if stop < len(text):  # to the end of the last word that ends whole
        spaces = [m.start() for m in _SPACE.finditer(text, end, stop + 1)]
        stop = spaces[-1] if spaces else stop
    line = safe_line(text[start:stop])
    return ("…" if start else "") + line + ("…" if stop < len(text) else "")


def matches(query: Query, title: str, text: str) -> str | None:
    """The snippet of `text` when every word is in `title` or `text` ("" when `text` holds
    none of them), else None."""
    found = _found(query, title, text)
    return None if found is None else found[0]


def _found(query: Query, title: str, text: str) -> tuple[str, str] | None:
    """The snippet of `text` and the word matched first in it ("", "" when `text` holds none
    of them) when every word is in `title` or `text`, else None."""
    heading = _Folded(title)
    body = _Folded(text)
    first: tuple[int, int, str] | None = None
    for word in query.words:
        found = body.search(word)
        if found is None:
            if heading.search(word) is None:
                return None
            continue
        if first is None or found.start() < first[0]:
            first = (*found.span(), word.typed)
    return ("", "") if first is None else (snippet(body.text, first[0], first[1]), first[2])


def search(
    headlines: Iterable[Headline],
    query: Query,
    cached_text: Callable[[Headline], str | None],
    stopped: Callable[[], bool] = lambda: False,
) -> list[Hit]:
    """The headlines `query` finds, in the order given, their cached articles' texts read by
    `cached_text` (`Library.cached_text`: only for those the list marks cached); `stopped` is
    asked between two (a search the reader replaced by another ends early)."""
    hits: list[Hit] = []
    if not query:
        return hits
    for headline in headlines:
        if stopped():
            break
        text = (cached_text(headline) if headline.cached else None) or ""
        found = _found(query, headline.entry.title, text)
        if found is not None:
            hits.append(Hit(headline, *found))
    return hits
