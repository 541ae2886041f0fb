"""Finding headlines: `/` in the headline list, as in mutt, newsboat or less (and a feed by
its name: `/` in the feed list).

The query is matched as the reading view's `/` matches it (`find_in_article.pattern`: literal
text, smartcase, quotes, dashes, widths and accents folded) against each headline's title; the
cursor goes to the first match from where it stood, and `n` / `N` go on
round the list. The letters typed after `/` are the query's, never the list's commands: "/storm"
was `s`, `t`, `o`, `r`, `m` (unsave, open in the browser, refresh, mark unread)."""

from __future__ import annotations

from ....fold import composed, fold, has_accent
from ....reports import Headline
from ....text_find import pattern, typed


def matching(rows: list[Headline], query: str) -> list[int]:
    """The positions of the headlines `query` finds, in list order (none for a blank query)."""
    return matching_names([headline.entry.title for headline in rows], query)


def matching_names(names: list[str], query: str) -> list[int]:
    """The positions of the titles (or feeds' names) `query` finds, in list order."""
    found = pattern(query)
    if found is None:
        return []
    accents = not has_accent(typed(query))
    out = []
    for position, title in enumerate(names):
        whole = composed(title)
        if found.search(fold(title if whole is None else whole[0], accents)):
            out.append(position)
    return out


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
