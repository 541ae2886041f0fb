"""The articles several feeds list, of a `Library`: which feeds list each (`reader list` names
the others, "also in …") and how each feed's counts come out when "All feeds" lists each once
(`reader feeds --json`'s `entries_once` and `unread_once`)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from itertools import chain

from ..reports import article_of, newest_first, newest_first_at
from .headlines import LibraryHeadlines


class LibrarySharedStories(LibraryHeadlines):
    """The articles several of a `Library`'s feeds list."""

    def shared_articles(self) -> dict[str, tuple[str, ...]]:
        """The articles several feeds list, by key: the addresses of those feeds, in the
        order they are subscribed in (`reports.also_in` names the others of a row's)."""
        listed = {url: self.store.listed_keys(url) for url in self.store.feed_urls()}
        twice = {k for k, n in Counter(chain.from_iterable(listed.values())).items() if n > 1}
        where: dict[str, list[str]] = {}
        for url, keys in listed.items():
            for key in keys & twice:
                where.setdefault(key, []).append(url)
        return {key: tuple(urls) for key, urls in where.items()}

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
