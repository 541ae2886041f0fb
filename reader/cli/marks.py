"""The marking commands: mark-read and mark-unread, of a feed or of every feed, and of the
headlines before a date (newsboat's `A` and `C`, for scripts and for catching up at once)."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta

from ..config import parse_duration
from ..plural import plural
from .common import EXIT_OK, CommandError, open_library, out


def before_moment(text: str) -> datetime:
    """`--before`: a date (2026-11-30, local midnight), a date and time (2026-11-30T08:00), or
    an age (7d, 12h: older than that); raises CommandError."""
    try:
        return datetime.now().astimezone() - timedelta(seconds=parse_duration(text))
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"not a date or an age: {text!r} (try 2026-11-30, 2026-11-30T08:00 or 7d)"
        ) from None
    return moment if moment.tzinfo else moment.astimezone()  # a local time as written


def cmd_mark_read(args: argparse.Namespace) -> int:
    return _mark(args, read=True)


def cmd_mark_unread(args: argparse.Namespace) -> int:
    return _mark(args, read=False)


def _mark(args: argparse.Namespace, read: bool) -> int:
    before = before_moment(args.before) if args.before else None
    lib = open_library(args)
    try:
        # The feed named once (by its title, each time every feed's record is read).
        if args.feed and lib.feed_named(args.feed) not in {f.url for f in lib.feeds()}:
            raise CommandError(f"not subscribed: {args.feed}")
        headlines = lib.headlines(args.feed)
        # A headline without a date is before no date: `--before` leaves it as it is.
        chosen = [
            h
            for h in headlines
            if h.read != read
            and (before is None or ((m := h.entry.published or h.entry.updated) and m < before))
        ]
        lib.mark_many_read((h.entry for h in chosen), read)
    finally:
        lib.close()
    where = "of every feed" if not args.feed else "of the feed"
    state = "read" if read else "unread"
    out(f"Marked {plural(len(chosen), 'headline')} {where} {state}.")
    return EXIT_OK
