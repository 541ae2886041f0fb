"""Search feeds (config.toml's `[[search]]`, newsboat's query feeds, over the articles' text): a
search a user keeps, shown as a row of the feed list whose headlines are its hits, as `F` would
find them, and listed by `reader list --feed NAME`. A journalist following a story across the
feeds ("harbour strike -football") names it once, instead of typing it again after each sync.

A search feed's words are the search's own (`search_query`): words, "phrases", `OR`, `-word`,
`tag:NAME` to keep to a tag's list. It has no address: the name is how it is chosen, so two may
not share one (case and spaces aside, as feeds' names are compared).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .feed_names import clean_name, folded
from .marks import LINUX_CONSOLE

SEARCH_MARK = "/" if LINUX_CONSOLE else "⌕"
"""What the feed list shows before a search feed's name ("⌕ Harbour strike")."""
_MOST_NAME = 100
_MOST_WORDS = 1000  # the search's own limits cut a query further (`search_query.MOST_TERMS`)


@dataclass(frozen=True)
class SearchFeed:
    """One `[[search]]` table."""

    name: str
    words: str

    def named(self, name: str) -> bool:
        return folded(name) == folded(self.name)


def search_feeds(value: Any) -> tuple[SearchFeed, ...]:
    """The config's `[[search]]` tables; ValueError naming the one at fault (its number counted
    from 1 down the file, as `[[ignore]]`'s are) and why."""
    if not isinstance(value, list) or not all(isinstance(table, dict) for table in value):
        raise ValueError('search: write each as a table, [[search]] then name = "…"')
    found: list[SearchFeed] = []
    for number, table in enumerate(value, 1):
        feed = _search_feed(f"search ({number})", table)
        if any(other.named(feed.name) for other in found):
            raise ValueError(f"search ({number}): another search is named {feed.name!r}")
        found.append(feed)
    return tuple(found)


def _search_feed(where: str, table: dict[str, Any]) -> SearchFeed:
    from .search_query import Query  # its fold tables only for a config that has searches

    for key in table:
        if key not in ("name", "words"):
            raise ValueError(f"unknown setting {key} in {where}: a search takes name and words")
    name, words = table.get("name"), table.get("words")
    if not isinstance(name, str) or not clean_name(name) or len(name) > _MOST_NAME:
        raise ValueError(f'{where}: name is what the feed list calls it, in quotes: name = "…"')
    if not isinstance(words, str) or len(words) > _MOST_WORDS or not Query(words).finds:
        raise ValueError(
            f"{where}: words are what to look for, as F takes them, in quotes:"
            " words = 'harbour strike -football'"
        )
    return SearchFeed(clean_name(name), words.strip())


def search_feed_named(feeds: tuple[SearchFeed, ...], name: str) -> SearchFeed | None:
    return next((feed for feed in feeds if feed.named(name)), None)
