"""`reader cache`: what the data directory holds, and its housekeeping (`prune`): articles
evicted, old read headlines dropped, or, with --dry-run, what would go."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..config import parse_duration, parse_size
from ..dates import local_minute
from ..plural import plural, size_text
from ..safe import safe_line
from ..url_display import shown_url
from .common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    config_of,
    err,
    iso_time,
    json_text,
    open_library,
    open_stored_library,
    out,
    said_path,
)
from .date_args import moment

if TYPE_CHECKING:
    from ..library import Library
    from ..library.stored import StoredLibrary
    from ..reports import CacheStats, PruneReport
    from ..store.retention import DroppedHeadlines


def cmd_cache(args: argparse.Namespace) -> int:
    given = args.older_than or args.max_size or args.headlines_older_than or args.dry_run
    if args.action != "prune" and given:
        err(
            "--older-than, --max-size, --headlines-older-than and --dry-run go with prune: "
            "reader cache prune --headlines-older-than 180d"
        )
        return EXIT_USAGE
    if args.action == "prune":
        return _prune(args)
    lib = open_stored_library(args)
    try:
        stats = lib.cache_stats()
    finally:
        lib.close()
    from ..search_index import index_bytes  # its fold tables only when needed

    index = index_bytes(lib.data_dir)
    if args.json:
        out(json_text(_stats_json(lib, stats, index)))
        return EXIT_OK
    when = lambda d: local_minute(d) or "-"  # noqa: E731
    out(f"data directory  {said_path(lib.data_dir)}")
    kept = ""
    if lib.max_items:
        kept = f"; each feed's newest {lib.max_items:,} kept"
    if lib.drop_read_after:
        days = round(lib.drop_read_after / 86400)
        kept += f"; read ones dropped after {plural(days, 'day')}, by each sync"
    out(f"feeds           {stats.feeds} ({plural(stats.headlines, 'headline')}{kept})")
    out(f"articles        {stats.articles} cached, {stats.saved} saved for good")
    if stats.left_out:
        limit = lib.cache_max_bytes
        why = (
            f"the cache is full (max_size {size_text(limit)}); a sync fetches them when it has room"
            if limit
            else "by a size limit not in force now (a `cache prune --max-size`, or a max_size"
            " since lifted); the next sync fetches them"
        )
        out(f"left out        {stats.left_out}: {why}")
    out(f"size on disk    {size_text(stats.disk_bytes)}")
    if stats.pictures_bytes:
        of = plural(stats.pictures_articles, "article")
        out(f"pictures        {size_text(stats.pictures_bytes)} of it, kept of {of} for offline")
    if index:
        out(f"search index    {size_text(index)} of it (made again by a search when deleted)")
    out(f"oldest          {when(stats.oldest)}")
    out(f"newest          {when(stats.newest)}")
    return EXIT_OK


def _stats_json(lib: StoredLibrary, stats: CacheStats, index: int) -> dict[str, Any]:
    """`reader cache --json`: what its lines say, by the names README gives them."""
    return {
        "data_dir": str(lib.data_dir),
        "feeds": stats.feeds,
        "headlines": stats.headlines,
        "articles": stats.articles,
        "saved": stats.saved,
        "left_out": stats.left_out,
        "max_size": lib.cache_max_bytes or None,
        "drop_read_after": lib.drop_read_after or None,
        "max_items": lib.max_items or None,
        "disk_bytes": stats.disk_bytes,
        "search_index_bytes": index,
        "pictures_bytes": stats.pictures_bytes,
        "pictures_articles": stats.pictures_articles,
        "oldest": iso_time(stats.oldest),
        "newest": iso_time(stats.newest),
    }


def _prune(args: argparse.Namespace) -> int:
    """`reader cache prune`: what the options say, else what the config's limits say (as a
    sync applies them after it)."""
    try:
        older = parse_duration(args.older_than) if args.older_than else None
        biggest = parse_size(args.max_size) if args.max_size else None
    except ValueError as error:
        err(str(error))
        return EXIT_USAGE
    try:  # a date or an age, as --before takes them ("180d", "2026-06-01"): an end, so a
        # local time the clock shows twice is its later one (`moment`)
        before = moment(args.headlines_older_than, end=True) if args.headlines_older_than else None
    except CommandError as error:
        err(str(error))
        return EXIT_USAGE
    most = 0  # the config's max_items, applied by a prune without options
    config = config_of(args)
    held = config.cache_max_bytes  # the limit every sync keeps the cache under
    if older is None and biggest is None and before is None:
        if not (config.cache_max_bytes or config.drop_read_after or config.max_items):
            err(
                "say what to prune: --older-than 30d, --max-size 500MB and/or "
                "--headlines-older-than 180d (or set the config's [cache] max_size, [feeds]"
                " drop_read_after or max_items)"
            )
            return EXIT_USAGE
        biggest = config.cache_max_bytes or None
        if config.drop_read_after:
            before = datetime.now().astimezone() - timedelta(seconds=config.drop_read_after)
        most = config.max_items
    lib = open_library(args)
    shown: dict[str, Any] = {
        "dry_run": args.dry_run,
        "past_max_items": None,
        "headlines": None,
        "articles": None,
        "search_index_bytes": None,
    }
    try:
        if most:  # first, as each feed's refresh applies it before a sync's drop_read_after
            past = lib.keep_newest_headlines(most, args.dry_run)
            if args.json:
                shown["past_max_items"] = _past_json(most, past)
            else:
                _say_past(most, past, args.dry_run)
        if before is not None:
            dropped = lib.drop_read_headlines(before, args.dry_run)
            if args.json:
                shown["headlines"] = _dropped_json(before, dropped)
            else:
                _say_dropped(lib, before, dropped, args.dry_run)
        if older is not None or biggest is not None:
            report = lib.prune(older_than=older, max_bytes=biggest, dry_run=args.dry_run)
            index = _index_compacted(lib) if report.removed and not args.dry_run else None
            if args.json:
                shown["search_index_bytes"] = index[1] if index else None
            if args.json:
                shown["articles"] = _evicted_json(older, biggest, report)
            else:
                verb = "would evict" if args.dry_run else "evicted"
                out(
                    f"{verb} {plural(report.removed, 'article')} "
                    f"({size_text(report.freed_bytes)}); "
                    f"{size_text(report.remaining_bytes)} of articles left, "
                    f"{plural(report.kept_saved, 'saved one')} kept"
                )
                evicted_by_option = args.max_size or args.older_than
                if evicted_by_option and (
                    line := _fetched_again(lib, report, args.max_size, held, args.dry_run)
                ):
                    out(line)
                if index and index[1] < index[0]:
                    before, after = (size_text(n) for n in index)
                    out(f"search index {before} -> {after}: the evicted articles' room given back")
    finally:
        lib.close()
    if args.json:
        out(json_text(shown))
    elif args.dry_run:
        out("nothing was changed (--dry-run)")
    return EXIT_OK


def _index_compacted(lib: Library) -> tuple[int, int]:
    """The search index's bytes before and after it gives back the evicted articles' room
    (`indexed_search.compact_index`)."""
    from ..indexed_search import compact_index
    from ..search_index import index_bytes

    before = index_bytes(lib.data_dir)
    if before:
        compact_index(lib.store)
    return before, index_bytes(lib.data_dir)


def _fetched_again(
    lib: Library, report: PruneReport, size: str | None, held: int, dry_run: bool
) -> str:
    """What the next sync does with the evicted articles their feeds still list: it fetches
    every listed article not cached, so a prune's own `--max-size` or `--older-than` lasts
    until then unless the config's max_size holds the cache there (acc39b Q5: 1,918 evicted,
    1,914 back at the next sync, and the prune had not said so). "" when none is listed."""
    listed: set[str] = set()
    for url in lib.store.feed_urls():
        listed.update(key for key, _ in lib.store.entry_keys(url))
    again = len(listed & report.evicted.keys())
    if not again or (size and held and held <= parse_size(size)):
        return ""  # none listed, or the config's limit keeps them out as the prune did
    them = "all of them" if again == report.removed else f"{again:,} of them"
    verb = "would fetch" if dry_run else "fetches"
    line = f"{them} still listed by their feeds: the next sync {verb} them again"
    if size:
        return (
            f'{line} (set [cache] max_size = "{safe_line(size, 40)}" in the config to keep the'
            " cache at this size)"
        )
    return (
        f"{line} if it has room (`--headlines-older-than` drops old read headlines, and"
        " their articles with them)"
    )


def _past_json(most: int, report: DroppedHeadlines) -> dict[str, Any]:
    """`reader cache prune --json`'s `past_max_items`: the headlines past each feed's newest
    `max_items` dropped (or, dry, that would be)."""
    return {
        "max_items": most,
        "dropped": report.dropped,
        "ids": list(report.ids),
        "by_feed": report.by_feed,
        "remaining": report.remaining,
        "kept_saved": report.kept_saved,
    }


def _say_past(most: int, report: DroppedHeadlines, dry_run: bool) -> None:
    verb = "would drop" if dry_run else "dropped"
    out(
        f"{verb} {plural(report.dropped, 'headline')} past each feed's newest {most:,}"
        f" ([feeds] max_items), of {plural(len(report.by_feed), 'feed')}; saved ones kept:"
        f" {report.kept_saved}; their cached articles stay"
    )


def _dropped_json(before: datetime, report: DroppedHeadlines) -> dict[str, Any]:
    """`reader cache prune --json`'s `headlines`: those dropped (or, dry, that would be)."""
    return {
        "before": iso_time(before),
        "dropped": report.dropped,
        "ids": list(report.ids),
        "by_feed": report.by_feed,
        "remaining": report.remaining,
        "kept_unread": report.kept_unread,
        "kept_saved": report.kept_saved,
    }


def _evicted_json(older: float | None, biggest: int | None, report: PruneReport) -> dict[str, Any]:
    """`reader cache prune --json`'s `articles`: those evicted (or, dry, that would be)."""
    return {
        "older_than": round(older) if older is not None else None,  # seconds
        "max_size": biggest,
        "evicted": report.removed,
        "urls": sorted(report.evicted),
        "freed_bytes": report.freed_bytes,
        "remaining_bytes": report.remaining_bytes,
        "kept_saved": report.kept_saved,
    }


def _say_dropped(lib: Library, before: datetime, report: DroppedHeadlines, dry_run: bool) -> None:
    day = before.strftime("%Y-%m-%d")
    feeds = plural(len(report.by_feed), "feed")
    if dry_run:
        out(f"would drop {plural(report.dropped, 'read headline')} from before {day}, of {feeds}")
        names = {feed.url: feed.display_title for feed in lib.store.feeds()}
        for url, count in sorted(report.by_feed.items(), key=lambda kv: (-kv[1], kv[0])):
            out(f"{count:>8}  {safe_line(names.get(url) or shown_url(url), 70)}")
    else:
        out(f"dropped {plural(report.dropped, 'read headline')} from before {day}, of {feeds}")
    left = "would be left" if dry_run else "left"
    out(
        f"{plural(report.remaining, 'headline')} {left}; kept though as old: "
        f"{report.kept_unread} unread, {report.kept_saved} saved; their cached articles stay"
        " (`reader cache prune --older-than` evicts articles; search finds them meanwhile)"
    )
