"""The marking commands: mark-read and mark-unread, of a feed, of a tag's feeds or of every
feed, and of the headlines before a date (newsboat's `A` and `C`, for scripts and for catching up at once)."""

from __future__ import annotations

import argparse

from ..plural import plural
from .common import EXIT_OK, not_subscribed, open_library, out
from .date_args import between, moment
from .tags import named_tags, tags_named


def cmd_mark_read(args: argparse.Namespace) -> int:
    return _mark(args, read=True)


def cmd_mark_unread(args: argparse.Namespace) -> int:
    return _mark(args, read=False)


def _mark(args: argparse.Namespace, read: bool) -> int:
    before = moment(args.before) if args.before is not None else None
    lib = open_library(args)
    try:
        # The feed named once (by its title, each time every feed's record is read).
        if args.feed and lib.feed_named(args.feed) not in {f.url for f in lib.feeds()}:
            raise not_subscribed(lib, args.feed)
        tags = named_tags(lib, args.tag)
        headlines = lib.headlines(args.feed, tags=tags)
        # A headline without a date is before no date: `--before` leaves it as it is.
        chosen = [h for h in between(headlines, None, before) if h.read != read]
        lib.mark_many_read((h.entry for h in chosen), read)
    finally:
        lib.close()
    where = (
        "of the feed"
        if args.feed
        else f"of the feeds tagged {tags_named(tags)}"
        if tags
        else "of every feed"
    )
    state = "read" if read else "unread"
    out(f"Marked {plural(len(chosen), 'headline')} {where} {state}.")
    return EXIT_OK
