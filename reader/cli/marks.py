"""The marking commands: mark-read and mark-unread, of a feed, of a search feed's hits, of a
tag's feeds or of every feed, and of the headlines before a date (newsboat's `A` and `C`, for
scripts and for catching up at once)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..models import FetchError
from ..plural import plural
from ..reports import across_feeds
from ..safe import safe_line
from ..search_feeds import SEARCH_MARK
from .common import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    err,
    given_ids,
    not_subscribed,
    open_library,
    out,
    search_feed_given,
)
from .date_args import between, moment
from .tags import named_tags, tags_named

if TYPE_CHECKING:
    from ..library import Library
    from ..reports import Headline
    from ..search_feeds import SearchFeed


def cmd_mark_read(args: argparse.Namespace) -> int:
    return _mark(args, read=True)


def cmd_mark_unread(args: argparse.Namespace) -> int:
    return _mark(args, read=False)


def _mark(args: argparse.Namespace, read: bool) -> int:
    if args.targets:
        if args.feed or args.tag or args.before:
            raise UsageError("articles by id or address, or --feed/--tag/--before: not both")
        return _mark_given(args, read)
    before = moment(args.before, end=True) if args.before is not None else None
    lib = open_library(args)
    search = None
    try:
        search = search_feed_given(lib, args.feed) if args.feed else None
        # The feed named once (by its title, each time every feed's record is read).
        if args.feed and not search and lib.feed_named(args.feed) not in lib.store.feed_urls():
            raise not_subscribed(lib, args.feed)
        tags = named_tags(lib, args.tag)
        headlines = _hits(lib, search) if search else lib.headlines(args.feed, tags=tags)
        # A headline without a date is before no date: `--before` leaves it as it is.
        within = between(headlines, None, before)
        chosen = [h for h in within if h.read != read]
        if chosen:  # none: nothing written (an older-format library not upgraded for it)
            lib.mark_many_read((h.entry for h in chosen), read)
        # Said beside the count, as for ids: "Marked 0" alone read the same for a feed with
        # nothing in it and one already all read (acc46c F4).
        already = [h for h in within if h.read == read]
        if not args.feed:  # counted as listed: an article several feeds list, once
            chosen = list(across_feeds(chosen))
            already = list(across_feeds(already))
    finally:
        lib.close()
    where = (
        f"of {SEARCH_MARK} {safe_line(search.name, 60)}"
        if search
        else "of the feed"
        if args.feed
        else f"of the feeds tagged {tags_named(tags)}"
        if tags
        else "of every feed"
    )
    state = "read" if read else "unread"
    out(f"Marked {plural(len(chosen), 'headline')} {where} {state}{_already(len(already))}.")
    return EXIT_OK


def _already(count: int) -> str:
    """How many were marked so already, in brackets after the count; "" for none."""
    return f" ({plural(count, 'was', 'were')} already)" if count else ""


def _mark_given(args: argparse.Namespace, read: bool) -> int:
    """Mark the articles given by id or address (`-`: those stdin names, as `reader list --ids`
    prints them): what someone reading by `reader show` alone marks as they go (acc42a A17).
    One that fails is said in its line, the others still marked; exit 1 then."""
    state = "read" if read else "unread"
    status, chosen, already = EXIT_OK, {}, 0
    marks: dict[str, set[str]] = {}  # each feed's read marks, read once for all its ids
    lib = open_library(args)
    try:
        resolve = lib.resolver()
        for given in given_ids(args.targets):
            try:
                entry = lib.marked_entry(resolve(given))
            except FetchError as error:
                err(error.message)
                status = EXIT_FAILED
                continue
            if entry is None:
                err(f"no feed and not Saved lists {safe_line(given, 200)}: it has no read mark")
                status = EXIT_FAILED
            elif (
                entry.id in _feed_marks(lib, marks, entry.feed_url)
            ) == read or entry.id in chosen:
                already += 1
            else:
                chosen[entry.id] = entry
        if chosen:  # none: nothing written (an older-format library not upgraded for it)
            lib.mark_many_read(chosen.values(), read)
    finally:
        lib.close()
    out(f"Marked {plural(len(chosen), 'headline')} {state}{_already(already)}.")
    return status


def _feed_marks(lib: Library, marks: dict[str, set[str]], feed_url: str) -> set[str]:
    """The read marks of `feed_url`, read from the store the first time they are asked."""
    if feed_url not in marks:
        marks[feed_url] = lib.store.read_ids(feed_url)
    return marks[feed_url]


def _hits(lib: Library, search: SearchFeed) -> list[Headline]:
    """What a search feed's words find, as its row in the reader lists them: those no feed
    lists any more too (`reader list --feed NAME`)."""
    from ..reports import merged_newest_first
    from .search_said import indexing_said

    rows = merged_newest_first(*lib.headlines_and_unlisted())
    found = lib.search_feed_hits((search,), rows, indexing_said(lib.store.sync_under_way()))
    return [hit.headline for hit in found.get(search.name, [])]
