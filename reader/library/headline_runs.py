"""Every feed's headlines in one list, newest first, made as they are read: a feed's entries are
kept newest first, so the list is their merge, and `reader list | head` decodes and marks only
the headlines it prints (a year's library: 43,000 of them, all read before the first line was).

The order is exactly `LibraryHeadlines.headlines`' (a stable sort of every feed's headlines in
turn): ties go to the feed listed first, then to the entry kept first. A feed whose kept order
is not the list's (a headline its feed left undated but dated by its cached page, a record
written in another order) or that is damaged is read whole and sorted, as that does.

`first` makes the list's first few only, each feed's records decoded as the merge asks for them
(the reader's first screen: a few hundred of a year's 43,000), but a feed that may hold an
undated headline, read whole; a feed found out of order there ends its run instead, the whole
list read after putting its headlines in their place."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from operator import itemgetter
from typing import Any

from ..models import SUMMARY_HELD
from ..reports import Headline, newest_first, newest_first_at
from ..store.feeds import keyed
from .headline_marks import HeadlineMarks

Run = Iterable[tuple[float, int, int, Headline]]
"""One feed's headlines in order, each as (its place in the list: `newest_first`, the feed's
turn, the headline's turn in the feed, the headline): tuples compared by their numbers alone,
in C, the feed listed first and the entry kept first winning a tie."""

_from_iso = datetime.fromisoformat


def merged(runs: list[Run]) -> Iterator[Headline]:
    """The feeds' runs as one list, newest first, ties to the run given first."""
    return map(itemgetter(3), heapq.merge(*runs))


def feed_run(
    turn: int,
    records: Any,
    read: set[str],
    marks: HeadlineMarks,
    unread_only: bool,
    whole: Callable[[], list[Headline]],
) -> Run:
    """A feed's headlines from its `records` as kept, made as they are asked for (the feed's
    `turn` in the list of feeds); `whole`
    (every headline of it, read and checked as any list reads them) when the records are not
    in the list's order or can't be read so."""
    places = _places(records, marks)
    if places is None:
        ordered = sorted(whole(), key=newest_first)
        return [(newest_first(h), turn, n, h) for n, h in enumerate(ordered)]
    return _made(turn, records, places, read, marks, unread_only)


def _made(
    turn: int,
    records: list[dict[str, Any]],
    places: list[float],
    read: set[str],
    marks: HeadlineMarks,
    unread_only: bool,
) -> Iterator[tuple[float, Headline]]:
    for n, (record, place) in enumerate(zip(records, places, strict=True)):
        if unread_only and record["id"] in read:
            continue
        entry, key = keyed(record, SUMMARY_HELD, marks.cached)
        yield place, turn, n, marks.headline(entry, key, entry.id in read)


def _places(records: Any, marks: HeadlineMarks) -> list[float] | None:
    """Each record's place in the list, when they are in its order and each would be listed
    at its own date; else None (the feed to be read whole)."""
    if not isinstance(records, list):
        return None
    places: list[float] = []
    last = float("-inf")
    live = marks.live_links()
    try:
        for record in records:
            if not isinstance(record, dict) or "id" not in record or "feed_url" not in record:
                return None
            if live and record.get("link") in live:
                return None  # a live blog, listed by its last update (`Headline.live_at`)
            when = record.get("published") or record.get("updated")
            if not when:
                # Undated by its feed: dated by its cached page, if any, when listed.
                _, key = keyed(record)
                if key and key in marks.cached:
                    return None
            place = newest_first_at(_from_iso(when) if when else None)
            if place < last:
                return None
            places.append(last := place)
    except (KeyError, TypeError, ValueError):
        return None
    return places


@dataclass
class _Head:
    """A feed's headlines made from its records as the merge asks for them (`first`), or made
    all at once by `whole` when its records may not be in the list's order (`Head`)."""

    turn: int
    records: Iterable[Any]
    whole: Callable[[], list[Headline]] | None
    read: set[str]
    marks: HeadlineMarks
    unread_only: bool
    keys: set[str] = field(default_factory=set)
    """The article keys of the headlines made (those `first` needs for the saved articles no
    feed lists, when every headline was made)."""
    cut: bool = False
    """Some of its headlines were not made: one out of order or damaged, or read ones left
    out of a list shown unread only."""

    def __iter__(self) -> Iterator[tuple[float, int, int, Headline]]:
        if self.whole is not None:
            self.cut = self.unread_only  # the read ones are not made
            ordered = sorted(self.whole(), key=newest_first)
            self.keys.update(h.key for h in ordered)
            yield from ((newest_first(h), self.turn, n, h) for n, h in enumerate(ordered))
            return
        last = float("-inf")
        try:
            for n, record in enumerate(self.records):
                if self.unread_only and record["id"] in self.read:
                    self.cut = True
                    continue
                entry, key = keyed(record, SUMMARY_HELD, self.marks.cached)
                headline = self.marks.headline(entry, key, entry.id in self.read)
                place = newest_first(headline)
                if place < last:
                    # Not in the list's order (a list an older reader wrote): the whole list,
                    # read after, puts it in its place.
                    self.cut = True
                    return
                last = place
                self.keys.add(key)
                yield place, self.turn, n, headline
        except (KeyError, TypeError, ValueError):
            self.cut = True  # damaged: read whole, it is dropped


Head = tuple[Iterable[Any], Callable[[], list[Headline]] | None, set[str]]
"""A feed for `first`: its records as kept, decoded as asked for; None, or what makes every
headline of it when the records may not be in the list's order (an undated one, listed by its
cached page's date); the ids read."""


def first(
    count: int, feeds: list[Head], marks: HeadlineMarks, unread_only: bool
) -> tuple[list[Headline], set[str] | None]:
    """The first `count` headlines of the feeds' list, as `merged` orders them, making no more
    than the merge takes (about `count` and one a feed, but for a feed made whole); and, when
    those were every headline of the feeds, the article keys they list (else None: there are
    more, read whole to list them)."""
    heads = [
        _Head(turn, records, whole, read, marks, unread_only)
        for turn, (records, whole, read) in enumerate(feeds)
    ]
    rest = merged(heads)
    out = list(islice(rest, count))
    if next(rest, None) is not None or any(head.cut for head in heads):
        return out, None
    return out, set().union(*(head.keys for head in heads))
