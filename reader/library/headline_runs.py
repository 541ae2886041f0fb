"""Every feed's headlines in one list, newest first, made as they are read: a feed's entries are
kept newest first, so the list is their merge, and `reader list | head` decodes and marks only
the headlines it prints (a year's library: 43,000 of them, all read before the first line was).

The order is exactly `LibraryQueries.headlines`' (a stable sort of every feed's headlines in
turn): ties go to the feed listed first, then to the entry kept first. A feed whose kept order
is not the list's (a headline its feed left undated but dated by its cached page, a record
written in another order) or that is damaged is read whole and sorted, as that does."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from operator import itemgetter
from typing import Any

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
        entry, key = keyed(record)
        yield place, turn, n, marks.headline(entry, key, entry.id in read)


def _places(records: Any, marks: HeadlineMarks) -> list[float] | None:
    """Each record's place in the list, when they are in its order and each would be listed
    at its own date; else None (the feed to be read whole)."""
    if not isinstance(records, list):
        return None
    places: list[float] = []
    last = float("-inf")
    try:
        for record in records:
            if not isinstance(record, dict) or "id" not in record or "feed_url" not in record:
                return None
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
