"""The `reader` command: subcommands over the `Library` service, and the TUI when given none.

Start-up matters (`reader list` in a shell loop): heavy modules (httpx, lxml, textual) are
imported inside the commands that need them, never at module level here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from . import __version__
from .config import ConfigError, config_path, data_dir, load_config, parse_duration, parse_size
from .dates import in_local_time, stated_iso
from .marks import SAVED_MARK, offline_mark
from .models import FEED_TEXT_STANDS_IN, Entry, ErrorKind, FetchError, StoreError
from .plural import plural
from .safe import safe_line, safe_text

if TYPE_CHECKING:
    from .config import Config
    from .library import Library
    from .models import Article
    from .reports import Headline, SyncProgress, SyncReport

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_PIPE_CLOSED = 128 + 13  # killed by SIGPIPE, as a shell reports it


class CommandError(Exception):
    """A failure to report in one line and exit 1."""


def _out(text: str = "", stream: TextIO | None = None) -> None:
    print(safe_text(text), file=stream or sys.stdout)


def _err(text: str) -> None:
    print(f"reader: {safe_line(text)}", file=sys.stderr)


def _config(args: argparse.Namespace) -> Config:
    try:
        return load_config(config_path(args.config, args.data_dir))
    except ConfigError as error:
        raise CommandError(str(error)) from None


def _open_library(args: argparse.Namespace, workers: str = "thread") -> Library:
    from .library import Library

    config = _config(args)
    return Library(
        data_dir(args.data_dir),
        limits=config.limits,
        workers=workers,  # type: ignore[arg-type]
        cache_max_bytes=config.cache_max_bytes,
        site_rules=config.site_rules,
    )


def _when(value: Any) -> str | None:
    return stated_iso(value) if value else None


# -- subcommands -------------------------------------------------------------------------------
def cmd_add(args: argparse.Namespace) -> int:
    lib = _open_library(args)

    async def run() -> int:
        added = lib.add_feed(args.url)
        url = lib.subscription_url(args.url.strip())
        if not added:
            _out(f"already subscribed: {safe_line(url)}")
            return EXIT_OK
        result = await lib.refresh_feed(url)
        if result.error:
            _err(f"subscribed to {url}, but its first fetch failed: {result.error.message}")
            _err(
                "it stays subscribed and is retried on the next `reader sync` (`reader remove` drops it)"
            )
            return EXIT_FAILED
        title = safe_line(result.feed.display_title)
        _out(f"subscribed: {title} ({plural(result.new_entries, 'headline')})")
        return EXIT_OK

    return _run(lib, run())


def cmd_remove(args: argparse.Namespace) -> int:
    lib = _open_library(args)
    try:
        if not lib.remove_feed(args.url):
            raise CommandError(f"not subscribed: {args.url}")
        _out(f"unsubscribed: {safe_line(args.url)}")
        return EXIT_OK
    finally:
        lib.close()


def cmd_import(args: argparse.Namespace) -> int:
    from .opml import read_opml

    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        found, skipped = read_opml(data)
    except OSError as error:
        raise CommandError(f"cannot read {args.file}: {error.strerror or error}") from None
    lib = _open_library(args)
    try:
        added = sum(lib.add_feed(url, title) for url, title in found)
    finally:
        lib.close()
    _out(
        f"{plural(added, 'feed')} added, {len(found) - added} already subscribed; "
        "`reader sync` fetches them"
    )
    if skipped:
        _err(f"left out {plural(skipped, 'feed')} whose address is not http(s)")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .opml import to_opml

    lib = _open_library(args)
    try:
        _out(to_opml(lib.feeds()).rstrip("\n"))
    finally:
        lib.close()
    return EXIT_OK


def cmd_feeds(args: argparse.Namespace) -> int:
    lib = _open_library(args)
    try:
        rows = []
        for feed in lib.feeds():
            headlines = lib.headlines(feed.url)
            rows.append((feed, len(headlines), sum(not h.read for h in headlines)))
    finally:
        lib.close()
    if args.json:
        _out(
            json.dumps(
                [
                    {
                        "url": feed.url,
                        "title": feed.title,
                        "site_url": feed.site_url,
                        "entries": total,
                        "unread": unread,
                        "last_success": _when(feed.last_success),
                        "last_error": feed.last_error,
                        "last_error_at": _when(feed.last_error_at),
                        "problem": feed.problem,
                    }
                    for feed, total, unread in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    if not rows:
        _out("no feeds yet: add one with `reader add URL`")
    for feed, total, unread in rows:
        _out(f"{safe_line(feed.display_title, 60)}  ({unread} unread of {total})")
        _out(f"    {safe_line(feed.url)}")
        if feed.last_error:
            when = feed.last_error_at.strftime("%Y-%m-%d %H:%M UTC") if feed.last_error_at else ""
            _out(f"    last error {when}: {safe_line(feed.last_error)}")
        elif feed.last_success:
            _out(f"    last synced {feed.last_success.strftime('%Y-%m-%d %H:%M')} UTC")
        else:
            _out("    never synced")
        if feed.problem:
            _out(f"    warning: {safe_line(feed.problem)}")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    lib = _open_library(args, workers="process")
    lib.start_workers(articles=not args.no_articles)  # now, before any thread exists: forked
    progress, finish = _progress_display()

    async def run() -> int:
        try:
            report = await lib.sync(articles=not args.no_articles, progress=progress)
        finally:
            finish()
        _print_sync_report(lib, report, articles=not args.no_articles)
        return EXIT_OK if report.ok else EXIT_FAILED

    return _run(lib, run())


def _print_sync_report(lib: Library, report: SyncReport, articles: bool) -> None:
    for result in report.feeds:
        if result.error:
            _err(f"feed failed: {result.feed.display_title}: {result.error.message}")
    # A cache that takes no writes (a full disk) fails every article left with one reason:
    # said once with their number, not once per article.
    unwritable = [e for _, e in report.article_failures if e.kind == ErrorKind.STORAGE]
    for entry, error in report.article_failures:
        if error.kind != ErrorKind.STORAGE:
            _err(f"article failed: {entry.title} <{entry.link}>: {error.message}")
    if unwritable:
        _err(f"{plural(len(unwritable), 'article')} not cached: {unwritable[0].message}")
    for entry, error in report.not_articles:
        _err(f"not cached: {entry.title} <{entry.link}>: {error.message}")
    for entry, article in report.incomplete:
        _err(f"not all of it: {entry.title} <{entry.link}>: {article.incomplete}")
    new = sum(r.new_entries for r in report.feeds)
    failed_feeds = sum(r.error is not None for r in report.feeds)
    line = (
        f"synced {len(report.feeds) - failed_feeds} of {plural(len(report.feeds), 'feed')} "
        f"({plural(new, 'new headline')})"
    )
    if articles:
        line += (
            f"; {plural(report.articles_fetched, 'article')} cached for offline, "
            f"{report.articles_already_cached} already cached, {len(report.article_failures)} failed"
        )
        if report.incomplete:
            line += f", {plural(len(report.incomplete), 'article')} incomplete"
    _out(line, sys.stderr)
    if report.pruned:
        _out(
            f"cache limit: evicted {plural(report.pruned.removed, 'least recently read article')} "
            f"({_size(report.pruned.freed_bytes)})",
            sys.stderr,
        )


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


def _progress_display() -> tuple[Callable[[SyncProgress], None], Callable[[], None]]:
    """A Rich progress display on a terminal; plain lines otherwise (logs, pipes, cron)."""
    if not sys.stderr.isatty():
        return _progress_lines()
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("{task.description:>8}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:>8}/s"),
        TextColumn("{task.fields[failures]} failed"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    tasks: dict[str, Any] = {}

    def update(p: SyncProgress) -> None:
        if not tasks:
            bar.start()
        phase = "feeds" if p.phase == "feeds" else "articles"
        done, total = (
            (p.feeds_done, p.feeds_total)
            if phase == "feeds"
            else (p.articles_done, p.articles_total)
        )
        if phase not in tasks:
            tasks[phase] = bar.add_task(phase, total=total, failures=0, rate="")
        task = bar.tasks[tasks[phase]] if tasks[phase] < len(bar.tasks) else None
        elapsed = task.elapsed if task and task.elapsed else 0.0
        rate = f"{done / elapsed:.1f}" if elapsed > 0.5 else ""
        bar.update(tasks[phase], completed=done, total=total, failures=p.failures, rate=rate)

    def finish() -> None:
        if tasks:
            bar.stop()

    return update, finish


def _progress_lines() -> tuple[Callable[[SyncProgress], None], Callable[[], None]]:
    """Progress as a line per tenth of each phase, for output that isn't a terminal."""
    printed: dict[str, int] = {}

    def update(p: SyncProgress) -> None:
        if p.phase == "done":
            return
        phase = p.phase
        done, total = (
            (p.feeds_done, p.feeds_total)
            if phase == "feeds"
            else (p.articles_done, p.articles_total)
        )
        tenth = done * 10 // total if total else 10
        if printed.get(phase, -1) >= tenth:
            return
        printed[phase] = tenth
        failed = f", {p.failures} failed" if p.failures else ""
        _out(f"{phase}: {done}/{total}{failed}", sys.stderr)

    return update, lambda: None


def _headline_json(h: Headline) -> dict[str, Any]:
    e = h.entry
    return {
        "id": e.id,
        "feed": e.feed_url,
        "feed_title": e.feed_title,
        "title": e.title,
        "link": e.link,
        "author": e.author,
        "published": _when(e.published),
        "read": h.read,
        "cached": h.cached,
        "partial": h.partial,
        "not_article": h.not_article,
        "saved": h.saved,
    }


def cmd_list(args: argparse.Namespace) -> int:
    lib = _open_library(args)
    try:
        if args.feed and not any(f.url == lib.subscription_url(args.feed) for f in lib.feeds()):
            raise CommandError(f"not subscribed: {args.feed}")
        headlines = lib.headlines(args.feed, unread_only=args.unread, saved_only=args.saved)
    finally:
        lib.close()
    if args.json:
        _out(json.dumps([_headline_json(h) for h in headlines], ensure_ascii=False, indent=2))
        return EXIT_OK
    for h in headlines:
        e = h.entry
        # Local time, as the reader shows it: a headline's day must not differ between the two.
        when = in_local_time(e.published).strftime("%Y-%m-%d %H:%M") if e.published else " " * 16
        marks = ("N" if not h.read else " ") + offline_mark(h) + (SAVED_MARK if h.saved else " ")
        source = safe_line(e.feed_title, 24)
        _out(f"{e.id}  {when}  {marks}  {source}: {safe_line(e.title, 120)}")
    return EXIT_OK


def _render(article: Article, fmt: str) -> str:
    from .extract.render import to_markdown, to_text

    if fmt == "markdown":
        return safe_text(to_markdown(article))
    if fmt == "json":
        from .codec import article_to_json

        data = article_to_json(article)
        data["markdown"] = to_markdown(article, header=False)
        data["text"] = to_text(article, header=False)
        data["word_count"] = article.word_count
        return json.dumps(data, ensure_ascii=False, indent=2)
    return safe_text(to_text(article))


def cmd_show(args: argparse.Namespace) -> int:
    lib = _open_library(args)

    async def run() -> int:
        target = lib.resolve(args.target)
        try:
            article = await lib.article(target, offline=args.offline)
        except FetchError as error:
            reason = error.message
            if error.kind == ErrorKind.NOT_HTML:
                # "Open the original link in a browser" is no help to someone who asked by id
                # and never saw the link: name it.
                link = target.link if isinstance(target, Entry) else target
                reason = f"{link}: {reason}"
            # Offline, the site down, or a PDF where a page was expected: the text the feed
            # carried is better than nothing, and the exit status still says the article
            # itself could not be had.
            from_feed = None
            if error.kind in FEED_TEXT_STANDS_IN and isinstance(target, Entry):
                from_feed = await lib.feed_text(target)
            if from_feed is None:
                _err(reason)
                return EXIT_FAILED
            _err(f"{reason}; showing the text the feed carried")
            _out(_render(from_feed, args.format).rstrip("\n"))
            return EXIT_FAILED
        _out(_render(article, args.format).rstrip("\n"))
        if missed := lib.unmatched_body_rule(target, article):
            _err(_unmatched_body(missed))
        return EXIT_OK

    return _run(lib, run())


def _unmatched_body(selector: str) -> str:
    return (
        f"the site rule's body selector {safe_line(selector, 80)!r} matches nothing on this "
        "page: it was read as any other page"
    )


def cmd_save(args: argparse.Namespace) -> int:
    lib = _open_library(args)

    async def run() -> int:
        target = lib.resolve(args.target)
        article = await lib.save(target, offline=args.offline)
        _out(f"saved for good: {safe_line(article.title or article.url, 120)}")
        return EXIT_OK

    return _run(lib, run())


def cmd_unsave(args: argparse.Namespace) -> int:
    lib = _open_library(args)
    try:
        target = lib.resolve(args.target)
        if not lib.unsave(target):
            raise CommandError(f"not saved: {args.target}")
        _out("unsaved (the article stays cached until pruned)")
        return EXIT_OK
    finally:
        lib.close()


def cmd_reextract(args: argparse.Namespace) -> int:
    if not args.all and not args.targets:
        _err("name articles to re-extract (ids or URLs), or give --all")
        return EXIT_USAGE
    lib = _open_library(args, workers="process" if args.all else "thread")

    async def run() -> int:
        targets = None if args.all else [lib.resolve(t) for t in args.targets]
        shrunk: list[tuple[str, int, int]] = []
        done, failures = await lib.reextract(targets, shrunk)
        for url, error in failures:
            _err(f"not re-extracted: {url}: {error.message}")
        for url, before, now in sorted(shrunk):
            # A site rule that drops too much shows here, not when the article is next read.
            _out(f"much shorter now: {safe_line(url, 200)}: {before:,} → {now:,} words", sys.stderr)
        if shrunk:
            _out(
                "(each page is kept whole: a site rule mended, reextract brings its text back)",
                sys.stderr,
            )
        _out(
            f"re-extracted {plural(done, 'article')} from their kept pages; {len(failures)} failed",
            sys.stderr,
        )
        return EXIT_OK if not failures else EXIT_FAILED

    return _run(lib, run())


def cmd_cache(args: argparse.Namespace) -> int:
    if args.action != "prune" and (args.older_than or args.max_size):
        _err("--older-than and --max-size go with prune: reader cache prune --older-than 30d")
        return EXIT_USAGE
    lib = _open_library(args)
    try:
        if args.action == "prune":
            try:
                older = parse_duration(args.older_than) if args.older_than else None
                biggest = parse_size(args.max_size) if args.max_size else None
            except ValueError as error:
                _err(str(error))
                return EXIT_USAGE
            if older is None and biggest is None:
                config = _config(args)
                if not config.cache_max_bytes:
                    _err("say what to prune: --older-than 30d and/or --max-size 500MB")
                    return EXIT_USAGE
                biggest = config.cache_max_bytes
            report = lib.prune(older_than=older, max_bytes=biggest)
            _out(
                f"evicted {plural(report.removed, 'article')} ({_size(report.freed_bytes)}); "
                f"{_size(report.remaining_bytes)} of articles left, "
                f"{plural(report.kept_saved, 'saved one')} kept"
            )
            return EXIT_OK
        stats = lib.cache_stats()
    finally:
        lib.close()
    when = lambda d: d.strftime("%Y-%m-%d %H:%M UTC") if d else "-"  # noqa: E731
    _out(f"data directory  {lib.data_dir}")
    _out(f"feeds           {stats.feeds} ({plural(stats.headlines, 'headline')})")
    _out(f"articles        {stats.articles} cached, {stats.saved} saved for good")
    _out(f"size on disk    {_size(stats.disk_bytes)}")
    _out(f"oldest          {when(stats.oldest)}")
    _out(f"newest          {when(stats.newest)}")
    return EXIT_OK


def cmd_config(args: argparse.Namespace) -> int:
    path = config_path(args.config, args.data_dir)
    config = _config(args)  # creates it with commented defaults the first time
    if args.path:
        _out(str(path))
        return EXIT_OK
    _out(f"# {path}")
    try:
        _out(path.read_text(encoding="utf-8").rstrip("\n"))
    except OSError:
        _out(f"# (not writable; running on defaults: {config.limits})")
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract import extract_file
    from .urls import is_web_url

    if args.url is not None and not is_web_url(args.url):
        # Links would resolve against it and site rules match its host: a typo would be silent.
        _err(f"--url wants the page's http(s) address, not {args.url!r}")
        return EXIT_USAGE
    if is_web_url(args.file) and not Path(args.file).exists():
        # Read as a file name it was "No such file or directory", as if the page were missing.
        _err(f"extract reads a saved page; to fetch {args.file} use: reader show {args.file}")
        return EXIT_USAGE
    config = _config(args)
    limit = config.limits.max_bytes
    name = "the input" if args.file == "-" else args.file
    try:
        # No more than a fetch would take, and never the whole of a huge file in memory.
        if args.file == "-":
            page = sys.stdin.buffer.read(limit + 1)
        else:
            with Path(args.file).open("rb") as file:
                page = file.read(limit + 1)
    except OSError as error:
        raise CommandError(f"cannot read {args.file}: {error.strerror or error}") from None
    if len(page) > limit:
        raise CommandError(
            f"{safe_line(name, 200)} is over {limit / 1048576:g} MB: more than reader reads of a "
            "page (a fetch stops there too)"
        )
    url = args.url or ""
    rule = config.rule_for(url) if url else None
    try:
        article = extract_file(page, url, rule)
        declared = article.canonical_url if is_web_url(article.canonical_url) else ""
        if not url and (declared or (declared := _saved_from(page))):
            # A page saved from a browser: its relative links and pictures are relative to the
            # address it declares (or the one the browser noted it was saved from), and its
            # site's rule is that address's.
            url = declared
            rule = config.rule_for(url)
            article = extract_file(page, url, rule)
    except FetchError:
        raise
    except Exception as error:  # a parser's error on a hostile page: one line, as in a sync
        raise CommandError(f"could not read the page ({type(error).__name__})") from None
    if not url and _RELATIVE_ADDRESS.search(page) and not _ABSOLUTE_BASE.search(page):
        _err("the page's relative links and pictures are left out: give its address with --url")
    # A file on disk: when its page was retrieved is not known, and the citation must not
    # claim that it was this moment.
    article = replace(article, fetched_at=None)
    _out(_render(article, args.format).rstrip("\n"))
    from .extract import body_rule_misses

    if rule is not None and body_rule_misses(page, rule):
        _err(_unmatched_body(rule.body))
    return EXIT_OK


# A link or picture whose address needs the page's own to resolve ("../photos/a.jpg",
# "//cdn.example/a.jpg"): no scheme, and not a link within the page ("#notes"). A script's or
# a stylesheet's is none of the article's: a page built by scripts had the line for its
# "/app.js". Not read past a tag's end (a tag is at most this long here: no backtracking over
# a whole page).
_RELATIVE_ADDRESS = re.compile(
    rb"""<(?:a|img|source|video|audio|area)\b[^>]{0,2000}?\b(?:href|src)\s*=\s*["']?"""
    rb"""(?![a-z][a-z0-9+.-]*:|#|["'\s>])""",
    re.IGNORECASE,
)
# `<base href="https://…">`: the page's relative addresses resolve against it, as they are.
_ABSOLUTE_BASE = re.compile(rb"""<base\b[^>]{0,2000}?\bhref\s*=\s*["']?https?://""", re.I)
# What a browser writes atop a page it saved ("Mark of the Web"): the address it came from.
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)([^\s>]+?)\s*-->", re.IGNORECASE)


def _saved_from(page: bytes) -> str:
    """The address a browser noted a saved page came from, or ""."""
    from .urls import is_web_url

    found = _SAVED_FROM.search(page[:4096])
    address = found[1].decode("ascii", "replace") if found else ""
    return address if is_web_url(address) else ""


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo.server import DEMO_PORT, start_demo_server

    # The fixed port keeps a kept data directory's feed URLs the same from one demo to the next;
    # when it is taken (another demo, another program) a free one will do. A port asked for is
    # that port or an error.
    port = DEMO_PORT if args.port is None else args.port
    try:
        server = start_demo_server(port=port, fall_back=args.port is None)
    except OSError as error:
        raise CommandError(
            f"cannot serve the demo on 127.0.0.1:{port}: {error.strerror or error}"
        ) from None
    try:
        if args.serve:
            _out(f"demo news site at {server.base_url}/ — feeds:")
            for url in server.feed_urls:
                _out(url)
            _out("serving until Ctrl-C")
            sys.stdout.flush()
            try:
                import threading

                threading.Event().wait()
            except KeyboardInterrupt:
                pass
            return EXIT_OK
        return _demo_tui(args, server.feed_urls)
    finally:
        server.stop()


def _demo_tui(args: argparse.Namespace, feed_urls: list[str]) -> int:
    import shutil
    import tempfile

    # Throwaway unless a directory is named on the command line: a READER_HOME set in the shell
    # must not fill a real reading list with feeds on a port that is gone tomorrow.
    throwaway = None if args.data_dir else tempfile.mkdtemp(prefix="reader-demo-")
    args.data_dir = args.data_dir or throwaway
    try:
        lib = _open_library(args)
        try:
            subscribe_to_demo(lib, feed_urls)
        finally:
            lib.close()
        return cmd_tui(args)
    finally:
        if throwaway:
            shutil.rmtree(throwaway, ignore_errors=True)


def subscribe_to_demo(lib: Library, feed_urls: list[str]) -> None:
    """Subscribe to the demo's feeds, dropping the copies an earlier demo on another port left.

    A kept data directory then lists the three demo feeds once, whatever port each run got. A
    demo still running beside this one on the same directory keeps its feeds.
    """
    from .demo.server import earlier_demo_feeds, still_serving

    for url in earlier_demo_feeds((feed.url for feed in lib.feeds()), feed_urls):
        if not still_serving(url):
            lib.remove_feed(url)
    for url in feed_urls:
        lib.add_feed(url)


def cmd_tui(args: argparse.Namespace) -> int:
    from .ui.app import run_app

    return run_app(data_dir(args.data_dir), _config(args))


def _run(lib: Library, coro: Any) -> int:
    import asyncio  # here: `reader list` and `--help` don't need it

    async def wrapped() -> int:
        try:
            return await coro
        finally:
            await lib.aclose()

    return asyncio.run(wrapped())


# -- the parser --------------------------------------------------------------------------------
def _add_place_options(parser: argparse.ArgumentParser, default: Any) -> None:
    """`--data-dir` and `--config`: where the reader's data and settings are."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="where feeds and the article cache live (default: $READER_HOME, else the user data directory)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        default=default,
        help="the config file (default: $READER_CONFIG, else config.toml in a --data-dir/$READER_HOME "
        "given, else the user config directory)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="A terminal news reader that keeps the full, cleaned text of articles readable offline. "
        "With no command, opens the reader (TUI).",
        epilog="Exit status: 0 success, 1 something failed (named on stderr), 2 bad usage, "
        "130 stopped by Ctrl-C (what was cached stays), "
        "141 output cut short by a closed pipe (`reader list | head`).",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    _add_place_options(parser, None)
    # Each command takes them too, after its name ("reader list --data-dir DIR"); given there,
    # they win over those before it.
    place = argparse.ArgumentParser(add_help=False)
    _add_place_options(place, argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[place], **kwargs)

    p = command("add", help="subscribe to a feed (RSS or Atom URL) and fetch its headlines")
    p.add_argument("url", metavar="URL")
    p.set_defaults(func=cmd_add)

    p = command("remove", help="unsubscribe from a feed")
    p.add_argument("url", metavar="URL")
    p.set_defaults(func=cmd_remove)

    p = command("import", help="subscribe to every feed of an OPML file ('-' for stdin)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_import)

    p = command("export", help="print the subscriptions as OPML")
    p.set_defaults(func=cmd_export)

    p = command("feeds", help="list subscribed feeds with their last sync or error")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_feeds)

    p = command(
        "sync",
        help="refresh every feed and cache every new article's cleaned text for offline reading",
        description="Refresh every feed and fetch every uncached article into the cache. "
        "Exit 0 when everything came through, 1 when a feed or an article failed (each named on stderr).",
    )
    p.add_argument("--no-articles", action="store_true", help="refresh headlines only")
    p.set_defaults(func=cmd_sync)

    p = command("list", help="list headlines, newest first")
    p.add_argument("--feed", metavar="URL", help="only this feed's headlines")
    p.add_argument("--unread", action="store_true", help="only unread headlines")
    p.add_argument("--saved", action="store_true", help="only articles saved for good")
    p.add_argument(
        "--json",
        action="store_true",
        help="print JSON (id, feed, title, link, published, read, cached…)",
    )
    p.set_defaults(func=cmd_list)

    formats = ("text", "markdown", "json")
    p = command(
        "show",
        help="print an article's cleaned text (fetched and cached when missing)",
        description="Print the cleaned article of a headline (its id from `reader list`) or of any URL. "
        "A headline whose article can't be had (never synced, its site unreachable or refusing "
        "it, the story taken down, or its link a PDF, an image or another file, named on "
        "stderr) prints the text its feed carried "
        "instead, says why on stderr and exits 1.",
    )
    p.add_argument("target", metavar="ID_OR_URL")
    p.add_argument(
        "--offline", action="store_true", help="never touch the network; exit 1 if not cached"
    )
    p.add_argument("--format", choices=formats, default="text")
    p.set_defaults(func=cmd_show)

    p = command(
        "reextract",
        help="re-run extraction on the raw pages kept in the cache (offline)",
        description="Re-run the extractor on the raw pages kept beside cached articles, without the network: "
        "useful after an upgrade improved extraction, or a site rule was set in the config. Each "
        "article that comes out with under half its words (a rule that drops too much) is named "
        "with its words before and after; its page is kept whole, so a mended rule brings the "
        "text back.",
    )
    p.add_argument("targets", nargs="*", metavar="ID_OR_URL")
    p.add_argument("--all", action="store_true", help="every cached article")
    p.set_defaults(func=cmd_reextract)

    p = command("save", help="keep an article for good (cached now, never evicted)")
    p.add_argument("target", metavar="ID_OR_URL")
    p.add_argument("--offline", action="store_true", help="only if already cached")
    p.set_defaults(func=cmd_save)

    p = command("unsave", help="let a saved article be evicted again")
    p.add_argument("target", metavar="ID_OR_URL")
    p.set_defaults(func=cmd_unsave)

    p = command(
        "cache",
        help="show what the cache holds, or prune it",
        description="Without an action: articles, feeds, size on disk, oldest and newest. "
        "`prune` evicts the least recently read articles first; saved articles are never evicted.",
    )
    p.add_argument("action", nargs="?", choices=["prune"], help="evict articles")
    p.add_argument(
        "--older-than", metavar="AGE", help="with prune: articles unread for AGE (30d, 12h…)"
    )
    p.add_argument(
        "--max-size",
        metavar="SIZE",
        help="with prune: evict until the cache is at most SIZE (500MB…)",
    )
    p.set_defaults(func=cmd_cache)

    p = command("config", help="print the config file (created with commented defaults)")
    p.add_argument("--path", action="store_true", help="print only its path")
    p.set_defaults(func=cmd_config)

    p = command(
        "extract",
        help="extract the article from a local HTML or text file ('-' for stdin)",
        description="Extract the article of a saved web page, decoding it as a fetch would; a "
        "plain-text file is read by its lines, as a text/plain page is. A PDF, an image or a "
        "feed is refused, as a fetch refuses one. A web address is not fetched: `reader show "
        "URL` fetches, caches and prints its article.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--url",
        help="the page's http(s) address, to resolve relative links and pick site rules "
        "(default: the canonical address the page declares, else the one a browser noted saving it)",
    )
    p.add_argument("--format", choices=formats, default="text")
    p.set_defaults(func=cmd_extract)

    p = command(
        "demo",
        help="serve the bundled demo news site on 127.0.0.1 and open the reader on it",
        description="Start the bundled demo news site on 127.0.0.1 (port 8650, or a free one when "
        "8650 is taken), subscribe a throwaway data directory to its feeds and open the reader. "
        "Needs no internet. With --data-dir, that directory is kept: it is subscribed to the demo "
        "feeds once, and copies an earlier demo left on another port are removed.",
    )
    p.add_argument(
        "--serve", action="store_true", help="only serve the site and print its feed URLs"
    )
    p.add_argument(
        "--port",
        type=int,
        metavar="N",
        help="port to serve on; 0 picks a free one (default: 8650, or a free one when it is taken)",
    )
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", cmd_tui)
    try:
        status = func(args)
        sys.stdout.flush()  # here, so that a closed pipe is caught below rather than at exit
        return status
    except BrokenPipeError:
        return _stdout_closed()
    except (CommandError, StoreError, FetchError) as error:
        # Failures are values with a one-line message: the faces never show a traceback.
        _err(str(error))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except OSError as error:
        _err(f"{error.strerror or error}" + (f": {error.filename}" if error.filename else ""))
        return EXIT_FAILED


def _stdout_closed() -> int:
    """Quietly end a command whose reader went away (`reader list | head -1`), as `cat` would.

    No message: the reader of the pipe closed it on purpose. The status is 141 (128 + SIGPIPE),
    what a shell reports for `cat`, `grep` or `ls` in the same place, so a script sees the output
    was cut short rather than a success.
    """
    import os

    # Python flushes stdout once more on the way out; pointed at /dev/null that flush can't fail
    # and print "Exception ignored ... BrokenPipeError".
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # a stdout without a file descriptor (io.UnsupportedOperation)
        pass
    return EXIT_PIPE_CLOSED
