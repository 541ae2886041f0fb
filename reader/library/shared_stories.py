"""The articles several feeds list, of a `Library`: which feeds list each (`reader list` names
the others, "also in …") and how each feed's counts come out when "All feeds" lists each once
(`reader feeds --json`'s `entries_once` and `unread_once`)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from itertools import chain

from ..keys import article_key
from ..reports import article_of, newest_first, newest_first_at
from .headlines import LibraryHeadlines


class LibrarySharedStories(LibraryHeadlines):
    """The articles several of a `Library`'s feeds list."""

    def shared_articles(self) -> dict[str, tuple[str, ...]]:
        """The articles several feeds list, by key: the addresses of those feeds, in the
        order they are subscribed in. "All feeds" lists each once (`listed_elsewhere`)."""
        return _shared(self._listed())

    def also_listed(self) -> dict[str, tuple[str, ...]]:
        """`shared_articles`, and the stories two feeds list at two addresses of one page
        (`one_story_keys`), by each of their keys: what "also in" names (`reports.also_in`).
        A Google News item and the outlet's own item of the story were two stories, its link
        Google's, though it had ended at the outlet's story when fetched."""
        listed = self._listed()
        also = _shared(listed)
        joined = _one_story_keys(listed, self.store.other_addresses())
        feeds_of: dict[str, list[str]] = {}  # the joined keys' feeds, in subscription order
        for url, keys in listed.items():
            for key in keys & joined.keys():
                feeds_of.setdefault(key, []).append(url)
        turn = {url: n for n, url in enumerate(listed)}
        for key, others in joined.items():
            found = {*feeds_of[key], *chain.from_iterable(feeds_of[o] for o in others)}
            also[key] = tuple(sorted(found, key=turn.__getitem__))
        return also

    def one_story_keys(self) -> dict[str, tuple[str, ...]]:
        """The articles feeds list at two addresses of one page, each one's key → the others':
        a link (an aggregator's, a tracker's) that ended, fetched, at the address another
        headline links to, or on a page declaring it canonical (`Store.aliased`'s records).
        Their rows stay two ("All feeds" lists both), each saying it is "also in" the other's
        feed; their read marks, saved marks and copies their own."""
        return _one_story_keys(self._listed(), self.store.other_addresses())

    def _listed(self) -> dict[str, set[str]]:
        """Each feed's article keys, by its address, in the order they are subscribed in."""
        urls = self.store.feed_urls()
        return dict(zip(urls, self.store.each_listed_keys(urls), strict=True))

    def listed_elsewhere(self) -> dict[str, tuple[int, int]]:
        """By feed address, how many of its headlines "All feeds" (and `reader list`) lists
        under another feed, one row an article (`reports.across_feeds`: the feed of its
        newest row, the first subscribed among equals), and how many of them are unread:
        what its counts less these say in a sum of every feed's, "All feeds"'. Only the
        records of the articles several feeds list are read (`shared_articles`), found in
        their lists' text, not every headline made (a year's: seconds)."""
        shared = self.shared_articles()
        keys_of: dict[str, set[str]] = {}
        for key, urls in shared.items():
            for url in urls:
                keys_of.setdefault(url, set()).add(key)
        # Each shared article's rows as `headlines` sorts them: (place, feed's turn, row's
        # turn in its feed), with its feed and whether it is read.
        rows: dict[str, list[tuple[float, int, int, str, bool]]] = {}
        for turn, url in enumerate(self.store.feed_urls()):
            if not (keys := keys_of.get(url)):
                continue
            read = self.store.read_ids(url)
            for n, (key, when, entry_id) in enumerate(self._dated_rows(url, keys)):
                rows.setdefault(key, []).append((when, turn, n, url, entry_id in read))
        left: dict[str, tuple[int, int]] = {}
        for found in rows.values():
            found.sort()
            first = found[0][3]
            for *_, url, read in found:
                if url != first:
                    count, unread = left.get(url, (0, 0))
                    left[url] = (count + 1, unread + (not read))
        return left

    def _dated_rows(self, url: str, keys: set[str]) -> list[tuple[str, float, str]]:
        """The feed's headlines of the articles of `keys`, in its list's order: each one's
        key, its place in the list (`newest_first`) and its id. One its feed left undated is
        dated by its cached page: the feed's headlines are then made, as a list makes them."""
        records = self.store.records_listing(url, keys)
        dated: list[tuple[str, float, str]] = []
        for key, record in records:
            when = record.get("published") or record.get("updated")
            if not isinstance(when, str):
                made = self._feed_headlines([url], self._marks(), False, False)[0]
                made.sort(key=newest_first)
                return [
                    (key, newest_first(h), h.entry.id)
                    for h in made
                    if (key := article_of(h)) in keys
                ]
            dated.append((key, newest_first_at(datetime.fromisoformat(when)), str(record["id"])))
        return dated


def _shared(listed: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    """Of each feed's article keys (`listed`), those several feeds list: the feeds, in order."""
    twice = {k for k, n in Counter(chain.from_iterable(listed.values())).items() if n > 1}
    where: dict[str, list[str]] = {}
    for url, keys in listed.items():
        for key in keys & twice:
            where.setdefault(key, []).append(url)
    return {key: tuple(urls) for key, urls in where.items()}


def _one_story_keys(
    listed: dict[str, set[str]], other_addresses: dict[str, str]
) -> dict[str, tuple[str, ...]]:
    """`LibrarySharedStories.one_story_keys` of each feed's keys (`listed`) and the cache's
    other addresses (`Store.other_addresses`: a key → the link its article was cached under)."""
    every = set(chain.from_iterable(listed.values()))
    joined: dict[str, set[str]] = {}
    for other, link in other_addresses.items():
        if other not in every:
            continue
        # The record's link is the one a headline gave: its key as the store makes it.
        key = article_key(link)
        if key != other and key in every:
            joined.setdefault(key, set()).add(other)
            joined.setdefault(other, set()).add(key)
    return {key: tuple(sorted(others)) for key, others in joined.items()}
