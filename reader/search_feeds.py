"""Search feeds (config.toml's `[[search]]`, newsboat's query feeds, over the articles' text): a
search a user keeps, shown as a row of the feed list whose headlines are its hits, as `F` would
find them, and listed by `reader list --feed NAME`. A journalist following a story across the
feeds ("harbour strike -football") names it once, instead of typing it again after each sync.

A search feed's words are the search's own (`search_query`): words, "phrases", `OR`, `-word`,
`tag:NAME` to keep to a tag's list. It has no address: the name is how it is chosen, so two may
not share one (case and spaces aside, as feeds' names are compared).

They are kept in the config, or in the data directory (`reader search-feed add`, the reader's
`S` after `F`: `store.search_feeds`); both show, the config's winning a clash of names (`merged`)
and the one it hides said by `reader search-feed list`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .feed_names import clean_name, folded
from .marks import SEARCH_MARK as SEARCH_MARK  # the feed list's mark, where it was looked for

_MOST_NAME = 100
_MOST_WORDS = 1000  # the search's own limits cut a query further (`search_query.MOST_TERMS`)


@dataclass(frozen=True)
class SearchFeed:
    """One `[[search]]` table, or one kept in the data directory (`kept`)."""

    name: str
    words: str
    kept: bool = False
    """Kept in the data directory, not the config: the reader and `reader search-feed remove`
    can take it away."""
    slip: str = field(default="", compare=False)
    """Why its words are no search (`is:foo`, `tga:`: `search_slips`), for one a reader that
    searched them as words took, in its config or kept: still listed, finding nothing, and
    saying this, not stopping every command at the upgrade (acc46d D1, D2); "" for none."""

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
    if not _a_name(name):
        raise ValueError(f'{where}: name is what the feed list calls it, in quotes: name = "…"')
    if isinstance(words, str) and len(words) <= _MOST_WORDS and (slip := Query(words).slip):
        return SearchFeed(clean_name(name), words.strip(), slip=f"{where}: {slip}")
    if not isinstance(words, str) or len(words) > _MOST_WORDS or not Query(words).finds:
        raise ValueError(
            f"{where}: words are what to look for, as F takes them, in quotes:"
            " words = 'harbour strike -football'"
        )
    return SearchFeed(clean_name(name), words.strip())


def _a_name(name: object) -> bool:
    """Whether `name` can name a search feed: a word or more, `_MOST_NAME` characters at most."""
    return isinstance(name, str) and bool(clean_name(name)) and len(name) <= _MOST_NAME


def search_feed_named(feeds: tuple[SearchFeed, ...], name: str) -> SearchFeed | None:
    return next((feed for feed in feeds if feed.named(name)), None)


def new_search_feed(name: str, words: str) -> SearchFeed:
    """A search feed to keep in the data directory; ValueError saying what is wrong."""
    from .search_query import Query

    if not _a_name(name):
        raise ValueError(
            f"a search feed's name is what the feed list calls it: a word or more,"
            f" {_MOST_NAME} characters at most"
        )
    if isinstance(words, str) and (slip := Query(words).slip):
        raise ValueError(slip)
    if not isinstance(words, str) or len(words) > _MOST_WORDS or not Query(words).finds:
        raise ValueError(
            "a search feed's words are what to look for, as F takes them: harbour strike -football"
        )
    return SearchFeed(clean_name(name), words.strip(), kept=True)


def kept_search_feeds(records: list[dict[str, Any]]) -> tuple[SearchFeed, ...]:
    """The search feeds the data directory keeps (a record this reader can't take passed over:
    only a newer reader writes one)."""
    found: list[SearchFeed] = []
    for record in records:
        try:
            feed = new_search_feed(record.get("name"), record.get("words"))  # type: ignore[arg-type]
        except ValueError:
            if (feed := _kept_before_its_slip(record)) is None:
                continue
        if not any(other.named(feed.name) for other in found):
            found.append(feed)
    return tuple(found)


def _kept_before_its_slip(record: dict[str, Any]) -> SearchFeed | None:
    """A search feed kept by a reader that searched `is:foo` or `tga:` as words: kept still,
    saying why it finds nothing (`SearchFeed.slip`), not lost at the upgrade; `search-feed add`
    and `F` refuse them since (`search_slips`)."""
    from .search_query import Query

    name, words = record.get("name"), record.get("words")
    if not _a_name(name):
        return None
    if not isinstance(words, str) or len(words) > _MOST_WORDS or not (slip := Query(words).slip):
        return None
    return SearchFeed(clean_name(name), words.strip(), kept=True, slip=slip)


def merged(
    configured: tuple[SearchFeed, ...], kept: tuple[SearchFeed, ...]
) -> tuple[tuple[SearchFeed, ...], tuple[SearchFeed, ...]]:
    """The search feeds shown (the config's, then those kept in the data directory) and those
    kept that a config's of the same name hides."""
    hidden = tuple(feed for feed in kept if search_feed_named(configured, feed.name))
    return configured + tuple(f for f in kept if f not in hidden), hidden
