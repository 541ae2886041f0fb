"""`reader feeds`: the subscribed feeds listed, with their failures and counts (and as JSON)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..dates import local_minute
from ..failing_feeds import LASTED, failing, failing_lately, failure_of
from ..feed_names import folded
from ..feed_tags import feed_folders
from ..marks import said_address
from ..models import Feed
from ..plural import plural
from ..safe import safe_line
from ..search_feeds import SEARCH_MARK
from ..url_display import shown_apart, shown_url
from .common import EXIT_OK, iso_time, json_text, open_stored_library, out
from .tags import shown_tags

if TYPE_CHECKING:
    from ..library.stored import StoredLibrary
    from ..search_feeds import SearchFeed


def cmd_feeds(args: argparse.Namespace) -> int:
    lib = open_stored_library(args)
    try:
        rows = lib.feed_counts()
        every = [row[0].url for row in rows]  # one feed under two accounts: told apart
        offline = lib.offline_counts()
        searches = () if args.failing else lib.search_feeds()  # none ever fails
        counts = _search_feed_counts(lib, searches)
        elsewhere = lib.listed_elsewhere() if args.json else {}
    finally:
        lib.close()
    lately = sum(failing_lately(row[0]) for row in rows) if args.failing else 0
    if args.failing:
        rows = sorted(
            (row for row in rows if failing(row[0])),
            key=lambda row: _failing_from(row[0]),
        )
    if args.json:
        out(
            json_text(
                [
                    {
                        "kind": "feed",
                        "url": feed.fetched_url(),
                        "name": feed.name,
                        "title": feed.title,
                        "site_url": feed.site_url,
                        "entries": total,
                        "unread": unread,
                        # Summed, "All feeds"' counts: an article several list once.
                        "entries_once": total - elsewhere.get(feed.url, (0, 0))[0],
                        "unread_once": unread - elsewhere.get(feed.url, (0, 0))[1],
                        # Of `entries`, those whose article is cached (readable offline).
                        "offline": offline.get(feed.url, 0),
                        "last_success": iso_time(feed.last_success),
                        "last_error": feed.last_error,
                        "last_error_at": iso_time(feed.last_error_at),
                        "problem": feed.problem,
                        "failing_since": iso_time(feed.failing_since),
                        "moved_to": feed.moved_to,
                        "gone_at": iso_time(feed.gone_at),
                        # What `reader feeds --failing` lists and `remove --failing` drops.
                        "failing": failing(feed),
                        "failure": _failure_word(feed),
                        "failure_status": failure_of(feed)[1] or None,
                        "failures": feed.failures,
                        "tags": list(feed.tags),
                        # The folder paths `reader export` nests it in (an OPML file's).
                        "folders": [list(path) for path in feed_folders(feed)],
                    }
                    for feed, total, unread in rows
                ]
                + [_search_feed_json(search, *counts[search.name]) for search in searches]
            )
        )
        return EXIT_OK
    if not rows and not searches:
        out("no failing feeds" if args.failing else "no feeds yet: add one with `reader add URL`")
    for feed, total, unread in rows:
        out(f"{safe_line(feed.display_title, 60)}  ({unread} unread of {total})")
        out(f"    {said_address(shown_apart(feed.url, every))}")
        if feed.tags:
            out(f"    tags: {shown_tags(feed)}")
        if feed.moved_to:
            out(
                f"    moved for good to {said_address(shown_url(feed.moved_to))}: fetched from there"
            )
        if feed.name and feed.title and folded(feed.name) != folded(feed.title):
            out(f"    its own title: {safe_line(feed.title, 60)}")
        if feed.last_error:
            out(f"    last error {local_minute(feed.last_error_at)}: {safe_line(feed.last_error)}")
            out(f"    {_failing(feed)}")
        elif feed.last_success:
            # Its headlines: "synced" said a traveller's articles were in too (acc45 A6).
            out(f"    headlines refreshed {local_minute(feed.last_success)}")
        else:
            out("    never refreshed")
        if total:
            out(f"    {offline.get(feed.url, 0)} of {total} articles offline")
        if feed.problem:
            out(f"    warning: {safe_line(feed.problem)}")
    if lately:  # said after the list, on stderr: stdout lists the failing feeds alone
        out(f"{failed_lately(lately)} (`reader feeds` shows them)", sys.stderr)
    for search in searches:
        unread, total = counts[search.name]
        out(f"{SEARCH_MARK} {safe_line(search.name, 60)}  ({unread} unread of {total})")
        out(f"    a search: {safe_line(search.words)}")
        if search.slip:
            out(f"    warning: {safe_line(search.slip)}")
    return EXIT_OK


def _search_feed_json(search: SearchFeed, unread: int, total: int) -> dict[str, object]:
    """A search feed's row of `reader feeds --json`: a feed's keys, each of the type it has in a
    feed's row ("" for the address it has not: a script's string work on it stays sound, a
    blank line of newsboat's `urls` is passed over; null for the syncs, as a feed never synced
    has none), its words, and whether the data directory keeps it (else the config)."""
    return {
        "kind": "search",
        "url": "",
        "name": search.name,
        "title": "",
        "site_url": "",
        "entries": total,
        "unread": unread,
        "entries_once": total,  # its hits are one an article already
        "unread_once": unread,
        "offline": 0,  # its hits are cached articles, counted where their feeds list them
        "last_success": None,
        "last_error": None,
        "last_error_at": None,
        "problem": search.slip or None,  # words a newer reader refuses (`SearchFeed.slip`)
        "failing_since": None,
        "moved_to": "",
        "gone_at": None,
        "failing": False,
        "failure": None,
        "failure_status": None,
        "failures": 0,
        "tags": [],
        "folders": [],
        "words": search.words,
        "kept": search.kept,
    }


def _search_feed_counts(
    lib: StoredLibrary, searches: tuple[SearchFeed, ...]
) -> dict[str, tuple[int, int]]:
    """By name, each search feed's unread hits and all its hits, as its row in the reader
    counts them (searched through the index: a year's in a second or so, once it is whole)."""
    if not searches:
        return {}
    from ..reports import merged_newest_first
    from .search_said import indexing_said

    listed, unlisted = lib.headlines_and_unlisted()
    rows = merged_newest_first(listed, unlisted)
    found = lib.search_feed_hits(searches, rows, indexing_said(lib.store.sync_under_way()))
    # A cached article no headline lists any more (its feed dropped it, or was removed) is
    # unread until marked read, as `reader list --feed NAME --unread` lists it and the
    # reader's row counts it.
    return {
        name: (sum(not hit.headline.read for hit in hits), len(hits))
        for name, hits in found.items()
    }


def _failing_from(feed: Feed) -> datetime:
    """Since when `feed` fails (a record from before that was kept: its last error's time)."""
    return feed.failing_since or feed.last_error_at or datetime.now(UTC)


def _failing(feed: Feed) -> str:
    """Since when a failing feed fails and when it last worked, and what to do with a dead one."""
    # Local days, as the times above them (`local_minute`).
    worked = f"{feed.last_success.astimezone():%Y-%m-%d}" if feed.last_success else "never"
    if feed.gone_at:  # the site's word, not a failure: when it said it (acc39b Q2)
        return (
            f"gone for good since {feed.gone_at.astimezone():%Y-%m-%d} (HTTP 410; last worked: {worked}):"
            f" asked again weekly; `reader remove {said_address(shown_url(feed.url))}` unsubscribes"
        )
    since = f"since {_failing_from(feed).astimezone():%Y-%m-%d} (last worked: {worked})"
    if failing_lately(feed):  # a 503 at one sync: not counted failing, nor removed as such
        return f"failed {since}: counted failing once it has failed for {LASTED.days} days"
    return f"failing {since}"


def _failure_word(feed: Feed) -> str | None:
    """What a feed's last fetch failed on ("http", "dns"), as `reader feeds --json` gives it."""
    failure = failure_of(feed)[0]
    return None if failure is None else failure.value


def failed_lately(count: int) -> str:
    """The feeds whose last fetch failed that are not failing yet, in a few words."""
    return (
        f"{plural(count, 'feed')} failed lately (a server error, a timeout, nothing answering),"
        f" not for {LASTED.days} days yet: not counted failing"
    )
