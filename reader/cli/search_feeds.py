"""`reader search-feed`: search feeds kept in the data directory, added, renamed, taken away
and listed beside the config's `[[search]]` tables (`search_feeds`)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..library.search_feeds import SearchFeedClash
from ..safe import safe_line
from ..search_feeds import SEARCH_MARK
from .common import EXIT_OK, CommandError, UsageError, err, open_library, open_stored_library, out

if TYPE_CHECKING:
    from ..library import Library
    from ..search_feeds import SearchFeed


def cmd_search_feed_add(args: argparse.Namespace) -> int:
    lib = open_library(args)
    try:
        try:
            feed, was = lib.keep_search_feed(args.name, " ".join(args.words))
        except SearchFeedClash as clash:
            raise CommandError(str(clash)) from None
        except ValueError as error:
            raise UsageError(str(error)) from None
        _feed_named_too(lib, feed)
    finally:
        lib.close()
    name = safe_line(feed.name, 60)
    if was is None:
        out(f"search feed added: {SEARCH_MARK} {name}, for {safe_line(feed.words)}")
    else:
        out(f"search feed {name}: now for {safe_line(feed.words)} (was {safe_line(was)})")
    return EXIT_OK


def cmd_search_feed_remove(args: argparse.Namespace) -> int:
    lib = open_library(args)
    try:
        try:
            gone = lib.drop_search_feed(args.name)
        except SearchFeedClash as clash:
            raise CommandError(str(clash)) from None
    finally:
        lib.close()
    if gone is None:
        raise CommandError(
            f"no search feed is named {safe_line(args.name, 60)!r}: `reader search-feed list`"
            " lists them"
        )
    out(f"search feed removed: {safe_line(gone.name, 60)} (it searched {safe_line(gone.words)})")
    return EXIT_OK


def cmd_search_feed_list(args: argparse.Namespace) -> int:
    lib = open_stored_library(args)
    try:
        shown, hidden = lib.search_feeds(), lib.hidden_search_feeds()
    finally:
        lib.close()
    if not shown:
        out("no search feeds yet: `reader search-feed add NAME WORDS…` keeps one")
    for feed in shown:
        where = "kept here" if feed.kept else "the config's"
        out(f"{SEARCH_MARK} {safe_line(feed.name, 60)}  ({where})")
        out(f"    a search: {safe_line(feed.words)}")
        if feed.slip:
            out(f"    warning: {safe_line(feed.slip)}")
    for feed in hidden:
        err(
            f"{safe_line(feed.name, 60)}, kept here for {safe_line(feed.words)}, is hidden by the"
            " config's search of that name: `reader search-feed remove` takes it away"
        )
    return EXIT_OK


def cmd_search_feed_rename(args: argparse.Namespace) -> int:
    lib = open_library(args)
    try:
        try:
            feed = lib.rename_search_feed(args.name, args.new_name)
        except SearchFeedClash as clash:
            raise CommandError(str(clash)) from None
        except ValueError as error:
            raise UsageError(str(error)) from None
        if feed is not None:
            _feed_named_too(lib, feed)
    finally:
        lib.close()
    if feed is None:
        raise CommandError(
            f"no search feed is named {safe_line(args.name, 60)!r}: `reader search-feed list`"
            " lists them"
        )
    out(
        f"search feed renamed: {SEARCH_MARK} {safe_line(feed.name, 60)}, for {safe_line(feed.words)}"
    )
    return EXIT_OK


def _feed_named_too(lib: Library, feed: SearchFeed) -> None:
    """Said when a feed subscribed has the search feed's name: `--feed` takes the feed."""
    if lib.feed_named(feed.name) in lib.store.feed_urls():
        err(
            f"a feed is named {safe_line(feed.name, 60)!r} too: `reader list --feed` takes"
            " the feed by that name"
        )
