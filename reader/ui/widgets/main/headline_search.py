"""Finding headlines: `/` in the headline list, as in mutt, newsboat or less (and a feed by
its name: `/` in the feed list).

The query is matched as the reading view's `/` matches it (`find_in_article.pattern`: literal
text, smartcase, quotes, dashes, widths and accents folded) against each headline's title; the
cursor goes to the first match from where it stood, and `n` / `N` go on
round the list. The letters typed after `/` are the query's, never the list's commands: "/storm"
was `s`, `t`, `o`, `r`, `m` (unsave, open in the browser, refresh, mark unread)."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from ....fold import composed, fold, has_accent
from ....reports import Headline
from ....text_find import pattern, typed


def matching(rows: list[Headline], query: str) -> list[int]:
    """The positions of the headlines `query` finds, in list order (none for a blank query)."""
    return matching_names(_titles(rows), query)


_LAST_TITLED: list[tuple[list[Headline], tuple[str, ...]]] = []
"""The list last searched (the same object while its rows stay: a row replaced by
`update_headlines` keeps its title) and its titles."""


def _titles(rows: list[Headline]) -> tuple[str, ...]:
    """The headlines' titles, read once while the list stays: a row's entry is decoded when
    first asked for, and 38,000 of them took 0.2 s at each letter typed."""
    if _LAST_TITLED and _LAST_TITLED[0][0] is rows and len(_LAST_TITLED[0][1]) == len(rows):
        return _LAST_TITLED[0][1]
    titles = tuple(headline.entry.title for headline in rows)
    _LAST_TITLED[:] = [(rows, titles)]
    return titles


def matching_names(names: list[str] | tuple[str, ...], query: str) -> list[int]:
    """The positions of the titles (or feeds' names) `query` finds, in list order."""
    found = pattern(query)
    if found is None:
        return []
    starts, text = _folded(tuple(names), not has_accent(typed(query)))  # a tuple: as is
    out: list[int] = []
    at = 0
    while (match := found.search(text, at)) is not None:
        start, end = match.span()
        if _APART in text[start:end]:  # across two titles ("storm" ending one, "surge" next)
            at = start + 1
            continue
        position = bisect_right(starts, start) - 1
        out.append(position)
        at = starts[position + 1] if position + 1 < len(starts) else len(text)
    return out


_APART = "\x00"
"""Between two titles searched as one text: no title shows it (a match holding it is of none)."""


@lru_cache(maxsize=4)
def _folded(names: tuple[str, ...], accents: bool) -> tuple[list[int], str]:
    """The titles composed and folded as a query is compared with them, once for the list and
    not at each letter typed (38,000 titles took 0.4 s a letter: a burst of seven landed
    after 2.7 s, acc30b P3), as one text `_APART`: where each starts, and the text. Kept for
    the few lists last searched, with and without accents."""
    starts: list[int] = []
    parts: list[str] = []
    at = 0
    for title in names:
        whole = composed(title)
        folded = fold(title if whole is None else whole[0], accents).replace(_APART, " ")
        starts.append(at)
        parts.append(folded)
        at += len(folded) + 1
    return starts, _APART.join(parts)


def next_match(matches: list[int], cursor: int, step: int, here: bool = False) -> int | None:
    """The match after (`step` 1) or before (-1) row `cursor`, round the ends; `here`: the
    cursor's own row counts (a query being typed stays on a row that still matches)."""
    if not matches:
        return None
    if step > 0:
        after = [m for m in matches if m > cursor or (here and m == cursor)]
        return after[0] if after else matches[0]
    before = [m for m in matches if m < cursor]
    return before[-1] if before else matches[-1]
