"""The headlines a search's words find among those the options chose, as `reader list --search`
lists them and `reader export --search` exports them: one search, read the one way for both
(the pipe `list --search --ids | export -` stood in for the second)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..reports import across_feeds
from .common import err
from .date_args import between, read_since
from .search_said import indexing_said, none_holds, say_syncing, scanning_said
from .streamed_hits import StreamedHits

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..full_text import Hit
    from ..library.stored import StoredLibrary
    from ..library.text_search import TextSearch
    from ..models import Entry
    from ..reports import Headline
    from ..search_query import Query


def query_of(words: list[str], example: str) -> Query | None:
    """The search of `words` (`--search`'s), or None, said on stderr, when it can't be run: a
    slip in its syntax, or no word to look for (`example` the command to show instead)."""
    from ..search_query import Query  # its fold tables only when searching

    query = Query(" ".join(words))
    if query.slip:
        err(query.slip)
        return None
    if not query.finds:
        err(f"--search needs a word to look for: {example}")
        return None
    return query


@dataclass(frozen=True, slots=True)
class Bounds:
    """What the dates asked bound a search's hits by: published at `since` or after and before
    `before`, opened in the reader at `opened` or after (`read_at` each one's time)."""

    since: datetime | None
    before: datetime | None
    opened: datetime | None
    read_at: Callable[[Entry], datetime | None]


@dataclass(frozen=True, slots=True)
class Searched:
    """What a search found: its `headlines` (one row an article, within the bounds), its
    `hits` (their lines, when asked), whether they were printed as found (`streamed`), and the
    note of more found a letter looser (`more_note`: "" for none)."""

    headlines: list[Headline]
    hits: list[Hit]
    streamed: bool
    more_note: str = ""


def search_headlines(
    lib: StoredLibrary,
    args: argparse.Namespace,
    query: Query,
    every: list[Headline],
    headlines: list[Headline],
    bounds: Bounds,
    lines: bool = False,
    printed: Callable[[list[Headline], list[Hit]], None] | None = None,
    more: bool = False,
) -> Searched:
    """The headlines of `headlines` (those of `every` within `bounds`' dates) `query` finds,
    with every cached article no feed lists when the options (`args`: --feed, --tag, --saved,
    --unread, --since, --before) choose none; each hit's line when `lines`; `printed` as found
    when given (else gathered). None found is said on stderr, with what a looser search finds;
    with `more`, more found a looser way is noted for after the lines."""
    from ..library.text_search import search_cached

    since, before, opened, read_at = bounds.since, bounds.before, bounds.opened, bounds.read_at
    not_offline = getattr(args, "not_offline", False)
    unlisted = not (args.feed or args.tag or args.saved or not_offline)
    # Those the dates or --unread leave out are still listed: their articles are not
    # searched as ones no headline lists.
    narrowed = unlisted and (args.unread or since is not None or before is not None)
    listed_too = lib.headlines() if narrowed else []
    # Read before: what it has not cached yet is searched by its feed's text only.
    syncing = lib.store.sync_under_way()
    scanning = scanning_said()  # once, whichever of its searches scans

    def searched(
        rows: list[Headline],
        asked: Query = query,
        lines: bool = False,
        page: Callable[[list[Hit]], None] | None = None,
    ) -> TextSearch:
        return search_cached(
            lib,
            rows,
            asked,
            listed_too=listed_too,
            # Every cached article: those no feed lists any more too, but in one feed's.
            unlisted=unlisted,
            unread_only=args.unread,
            indexing=indexing_said(syncing),
            # A hit's line (its snippet) only where it is printed: not for the ids
            # alone, nor for a count (most of a common word's search, acc37a H4).
            details=None if lines else 0,
            page=page,
            unindexed=scanning,
        )

    def as_listed(hits: list[Hit]) -> list[Headline]:
        """The headlines of `hits`, of several feeds' lists one row an article."""
        rows = [hit.headline for hit in hits]
        return rows if args.feed or args.saved else list(across_feeds(rows))

    def listed(hits: list[Hit]) -> list[Headline]:
        # Those no feed lists are dated by their page: the bounds hold for them too.
        return between(list(read_since(as_listed(hits), read_at, opened)), since, before)

    # Printed as found (not a JSON list, made whole): the first lines at once.
    streamed = None if printed is None else StreamedHits(listed, printed)
    uncached = sum(not h.cached for h in headlines) if syncing is not None else 0
    found = searched(headlines, lines=lines, page=streamed)
    if streamed is not None:
        streamed(found.hits)  # those of the last run, and any the pages left out
    headlines = listed(found.hits)
    more_note = ""
    if not headlines:
        # A name copied from wire copy in capitals is found in lower case (acc30a J12),
        # a pointed or accented word without its marks (acc38a J5).
        lowered = query.loosened()
        caseless = searched(every, lowered).hits if lowered is not None else []
        within = between(as_listed(caseless), since, before)
        case = query.case_note(len(within))
        if lowered is None:
            from ..search_widening import widened_note

            # "bin lorry" missed "the bins … lorry", "keyboards" "a keyboard": its
            # words as prefixes, then its plurals singular, each once.
            case = widened_note(
                query,
                lambda wider: len(between(as_listed(searched(every, wider).hits), since, before)),
            )
        # "holds" alone would say the words are nowhere in the archive (acc27a A17).
        dated = since is not None or before is not None
        outside = len(as_listed(searched(every).hits)) if dated else 0
        err(none_holds(query, args.since, args.before, outside, args.unread) + case)
    elif more and (lowered := query.loosened()) is not None:
        # A name typed with its capital and accent missed "Zoe Hartley" (acc40a M4).
        shown = {h.entry.id for h in headlines}
        loose = [hit.headline for hit in searched(every, lowered).hits]
        if not args.feed and not args.saved:
            loose = list(across_feeds(loose))
        loose = between(list(read_since(loose, read_at, opened)), since, before)
        more_note = query.more_note(sum(h.entry.id not in shown for h in loose))
    say_syncing(syncing, uncached)
    return Searched(headlines, found.hits, streamed is not None, more_note)
