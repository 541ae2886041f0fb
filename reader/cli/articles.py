"""The article commands: list, show, save, unsave, reextract, cache, config."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from ..config import config_path, parse_duration, parse_size
from ..config_shown import defaults_not_in
from ..dates import in_local_time
from ..feed_names import names_of, source_name
from ..marks import SAVED_MARK, offline_mark
from ..models import FEED_TEXT_STANDS_IN, Entry, ErrorKind, FetchError
from ..plural import plural, size_text
from ..safe import safe_line
from ..url_display import shown_url
from .common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    check_keys,
    config_of,
    err,
    iso_time,
    open_library,
    out,
    render,
    run_until_done,
    unmatched_body,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..reports import Headline


def headline_json(h: Headline, names: Mapping[str, str]) -> dict[str, Any]:
    e = h.entry
    return {
        "id": e.id,
        "feed": e.feed_url or None,  # a saved article no feed lists
        "feed_name": names.get(e.feed_url, ""),  # the user's name for the feed
        "feed_title": e.feed_title,
        "title": e.title,
        "link": e.link,
        "author": e.author,
        "published": iso_time(e.published),
        "read": h.read,
        "cached": h.cached,
        "partial": h.partial,
        "not_article": h.not_article,
        "saved": h.saved,
    }


def cmd_list(args: argparse.Namespace) -> int:
    lib = open_library(args)
    try:
        feeds = lib.feeds()
        # The feed named once (by its title, each time every feed's record is read).
        if args.feed and lib.feed_named(args.feed) not in {f.url for f in feeds}:
            raise CommandError(f"not subscribed: {args.feed}")
        headlines = lib.headlines(args.feed, unread_only=args.unread, saved_only=args.saved)
        if args.not_offline:
            headlines = [h for h in headlines if not h.cached or h.partial]
        names = names_of(feeds)
        snippets: dict[int, str] = {}
        if args.search is not None:
            from ..full_text import Query, search  # its fold tables only when searching

            query = Query(" ".join(args.search))
            if not query:
                err("--search needs a word to look for: reader list --search ferry strike")
                return EXIT_USAGE
            hits = search(headlines, query, lambda h: lib.cached_text(h.entry))
            headlines = [hit.headline for hit in hits]
            snippets = {id(hit.headline): hit.snippet for hit in hits}
    finally:
        lib.close()
    if args.json:
        rows = [headline_json(h, names) for h in headlines]
        if args.search is not None:
            rows = [
                {**row, "snippet": snippets[id(h)]} for row, h in zip(rows, headlines, strict=True)
            ]
        out(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    sources: dict[tuple[str, str], str] = {}  # a feed's name made once, not on each of its lines
    for h in headlines:
        e = h.entry
        # Local time, as the reader shows it: a headline's day must not differ between the two.
        when = in_local_time(e.published).strftime("%Y-%m-%d %H:%M") if e.published else " " * 16
        marks = ("N" if not h.read else " ") + offline_mark(h) + (SAVED_MARK if h.saved else " ")
        source = sources.get((e.feed_title, e.feed_url))
        if source is None:
            # A feed whose title is blank (once cleaned) is named by its address, as `feeds` does.
            source = safe_line(source_name(e, names) or shown_url(e.feed_url), 24)
            sources[e.feed_title, e.feed_url] = source
        out(f"{e.id}  {when}  {marks}  {source}: {safe_line(e.title, 120)}")
        if snippets.get(id(h)):
            out(f"    {snippets[id(h)]}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    lib = open_library(args)

    async def run() -> int:
        target = lib.resolve(args.target)
        if args.version is not None:
            try:
                article = lib.article_version(target, args.version)
            except FetchError as error:
                err(error.message)
                return EXIT_FAILED
            out(render(article, args.format).rstrip("\n"))
            return EXIT_OK
        try:
            article = await lib.article(target, offline=args.offline)
        except FetchError as error:
            reason = error.message
            if error.kind == ErrorKind.NOT_HTML:
                # "Open the original link in a browser" is no help to someone who asked by id
                # and never saw the link: name it.
                link = target.link if isinstance(target, Entry) else target
                reason = f"{shown_url(link)}: {reason}"
            # Offline, the site down, or a PDF where a page was expected: the text the feed
            # carried is better than nothing, and the exit status still says the article
            # itself could not be had.
            from_feed = None
            if error.kind in FEED_TEXT_STANDS_IN and isinstance(target, Entry):
                from_feed = await lib.feed_text(target)
            if from_feed is None:
                err(reason)
                return EXIT_FAILED
            err(f"{reason}; showing the text the feed carried")
            out(render(from_feed, args.format).rstrip("\n"))
            return EXIT_FAILED
        out(render(article, args.format).rstrip("\n"))
        if missed := lib.unmatched_body_rule(target, article):
            err(unmatched_body(missed))
        return EXIT_OK

    return run_until_done(lib, run())


def cmd_save(args: argparse.Namespace) -> int:
    lib = open_library(args)

    async def run() -> int:
        target = lib.resolve(args.target)
        article = await lib.save(target, offline=args.offline)
        out(f"saved for good: {safe_line(article.title or article.url, 120)}")
        return EXIT_OK

    return run_until_done(lib, run())


def cmd_unsave(args: argparse.Namespace) -> int:
    lib = open_library(args)
    try:
        target = lib.resolve(args.target)
        if not lib.unsave(target):
            raise CommandError(f"not saved: {args.target}")
        out("unsaved (the article stays cached until pruned)")
        return EXIT_OK
    finally:
        lib.close()


def cmd_reextract(args: argparse.Namespace) -> int:
    if not args.all and not args.targets:
        err("name articles to re-extract (ids or URLs), or give --all")
        return EXIT_USAGE
    lib = open_library(args, workers="process" if args.all else "thread")

    async def run() -> int:
        targets = None if args.all else [lib.resolve(t) for t in args.targets]
        shrunk: list[tuple[str, int, int]] = []
        done, failures = await lib.reextract(targets, shrunk)
        for url, error in failures:
            err(f"not re-extracted: {shown_url(url)}: {error.message}")
        for url, before, now in sorted(shrunk):
            # A site rule that drops too much shows here, not when the article is next read.
            out(
                f"much shorter now: {safe_line(shown_url(url), 200)}: {before:,} → {now:,} words",
                sys.stderr,
            )
        if shrunk:
            out(
                "(each page is kept whole: a site rule mended, reextract brings its text back)",
                sys.stderr,
            )
        out(
            f"re-extracted {plural(done, 'article')} from their kept pages; {len(failures)} failed",
            sys.stderr,
        )
        return EXIT_OK if not failures else EXIT_FAILED

    return run_until_done(lib, run())


def cmd_cache(args: argparse.Namespace) -> int:
    if args.action != "prune" and (args.older_than or args.max_size):
        err("--older-than and --max-size go with prune: reader cache prune --older-than 30d")
        return EXIT_USAGE
    lib = open_library(args)
    try:
        if args.action == "prune":
            try:
                older = parse_duration(args.older_than) if args.older_than else None
                biggest = parse_size(args.max_size) if args.max_size else None
            except ValueError as error:
                err(str(error))
                return EXIT_USAGE
            if older is None and biggest is None:
                config = config_of(args)
                if not config.cache_max_bytes:
                    err("say what to prune: --older-than 30d and/or --max-size 500MB")
                    return EXIT_USAGE
                biggest = config.cache_max_bytes
            report = lib.prune(older_than=older, max_bytes=biggest)
            out(
                f"evicted {plural(report.removed, 'article')} ({size_text(report.freed_bytes)}); "
                f"{size_text(report.remaining_bytes)} of articles left, "
                f"{plural(report.kept_saved, 'saved one')} kept"
            )
            return EXIT_OK
        stats = lib.cache_stats()
    finally:
        lib.close()
    when = lambda d: d.strftime("%Y-%m-%d %H:%M UTC") if d else "-"  # noqa: E731
    out(f"data directory  {lib.data_dir}")
    out(f"feeds           {stats.feeds} ({plural(stats.headlines, 'headline')})")
    out(f"articles        {stats.articles} cached, {stats.saved} saved for good")
    if stats.left_out:
        limit = lib.cache_max_bytes
        why = (
            f"the cache is full (max_size {size_text(limit)}); a sync fetches them when it has room"
            if limit
            else "by a size limit since lifted; the next sync fetches them"
        )
        out(f"left out        {stats.left_out}: {why}")
    out(f"size on disk    {size_text(stats.disk_bytes)}")
    out(f"oldest          {when(stats.oldest)}")
    out(f"newest          {when(stats.newest)}")
    return EXIT_OK


def cmd_config(args: argparse.Namespace) -> int:
    path = config_path(args.config, args.data_dir)
    config = config_of(args)  # creates it with commented defaults the first time
    check_keys(config)  # the TUI's keys too, which only the TUI would meet otherwise
    if args.path:
        out(str(path))
        return EXIT_OK
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:  # none, and it could not be written: the defaults are the settings
        out(f"# {path}: none (it could not be written); the defaults in force:\n")
        out(defaults_not_in(""))
        return EXIT_OK
    out(f"# {path}")
    out(text.rstrip("\n"))
    if unset := defaults_not_in(text):
        # A file from before a setting existed runs on its default: shown, to be found.
        out(f"\n# Not in {path.name}, so in force with their defaults:\n")
        out(unset)
    return EXIT_OK
