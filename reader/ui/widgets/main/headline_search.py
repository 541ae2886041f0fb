"""Finding headlines: `/` in the headline list, as in mutt, newsboat or less (and a feed by
its name: `/` in the feed list).

The query is matched as the reading view's `/` matches it (`find_in_article.pattern`: literal
text, smartcase, quotes, dashes, widths and accents folded) against each headline's title and
its tags as its row shows them ("#strikes", `shown_title`); the
cursor goes to the first match from where it stood, and `n` / `N` go on
round the list. The letters typed after `/` are the query's, never the list's commands: "/storm"
was `s`, `t`, `o`, `r`, `m` (unsave, open in the browser, refresh, mark unread)."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import compress, count
from operator import is_, is_not

from ....fold import Folding, composed, fold
from ....reports import Headline
from ....text_find import folding, pattern
from .headline_table import shown_title


def matching(rows: list[Headline], query: str) -> list[int]:
    """The positions of the headlines `query` finds, in list order (none for a blank query):
    by what each row shows, its title and its article's tags ("#strikes" finds those tagged
    strikes, as the row says it)."""
    return matching_names(_titles(rows), query)


_LAST_TITLED: list[tuple[list[Headline], list[Headline], tuple[str, ...]]] = []
"""The list last searched (the same object while its rows stay), its rows then and what they
show: a row replaced by `update_headlines` (tagged, read) is read again, alone."""


def _titles(rows: list[Headline]) -> tuple[str, ...]:
    """What the headlines' rows show (`shown_title`), read once while the list stays: a row's
    entry is decoded when first asked for, and 38,000 of them took 0.2 s at each letter typed."""
    if _LAST_TITLED and _LAST_TITLED[0][0] is rows and len(_LAST_TITLED[0][1]) == len(rows):
        _rows, then, titles = _LAST_TITLED[0]
        if all(map(is_, rows, then)):
            return titles
        # The rows edited since (`#` tagged one): theirs read again, the rest kept.
        shown = list(titles)
        for n in compress(count(), map(is_not, rows, then)):
            shown[n] = shown_title(rows[n])
        titles = tuple(shown)
    else:
        titles = tuple(shown_title(headline) for headline in rows)
    _LAST_TITLED[:] = [(rows, list(rows), titles)]
    return titles


def matching_names(names: list[str] | tuple[str, ...], query: str) -> list[int]:
    """The positions of the titles (or feeds' names) `query` finds, in list order."""
    found = pattern(query)
    if found is None:
        return []
    starts, text = _folded(tuple(names), folding(query))  # a tuple: as is
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
def _folded(names: tuple[str, ...], accents: Folding) -> tuple[list[int], str]:
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
