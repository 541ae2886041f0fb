"""`reader sync`: its progress on a terminal (none off one), and its report."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..ages import span
from ..config import parse_size
from ..discovery import WEB_PAGE_ANSWER
from ..download_cap import stopped_words
from ..errors import gateway_failure
from ..failing_feeds import LASTED, sync_failures
from ..marks import said_address
from ..models import Entry, ErrorKind, FetchError, StoreError
from ..other_places import library_elsewhere_said
from ..plural import plural, size_text
from ..refused_writes import refused_said
from ..reports import SyncProgress, downloaded_words, gone_for_good, synced_feeds, trimmed_words
from ..safe import safe_line
from ..sync_lock import SyncLock
from ..timing_out import GIVE_UP_AFTER
from ..url_display import line_url, shown_url
from ..urls import page_opened
from ..word_wrap import at_words, terminal_width
from .common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TRY_AGAIN,
    EXIT_USAGE,
    CommandError,
    config_of,
    err,
    open_library,
    out,
    run_until_done,
    said_path,
)
from .stops import stop_on_terminate, stopped_status
from .sync_terminal import no_progress, progress_display
from .tags import named_tags, tags_named

if TYPE_CHECKING:
    from ..library import Library
    from ..reports import FeedResult, SyncReport


def cmd_sync(args: argparse.Namespace) -> int:
    cap = None
    if args.max_download is not None:
        try:
            cap = parse_size(args.max_download)
        except ValueError as error:
            err(f"--max-download: {error}")
            return EXIT_USAGE
    lib = open_library(args, workers="process")
    if cap is not None:
        lib.max_download = cap  # this sync's, over the config's
    if not lib.feeds() and (elsewhere := library_elsewhere_said(lib.data_dir)):
        # A sync of no feeds beside the library left behind: cron's was green on nothing, from
        # the day XDG_DATA_HOME was set for good (acc43b B12). A failure, said even with -q.
        lib.close()
        raise CommandError(f"the library in {said_path(lib.data_dir)} has no feeds; {elsewhere}")
    try:
        tags = named_tags(lib, args.tag)
    except CommandError:
        lib.close()
        raise
    feeds = lib.tagged_urls(tags) if tags else None
    if args.no_pictures:
        lib.keep_pictures = False  # none this time: counted owed, fetched by the next
    if tags and not feeds:
        # A tag only articles carry (an import's): a sync of "0 of 0 feeds" said nothing of why.
        count = len(lib.tagged_keys(tags))
        lib.close()
        raise CommandError(
            f"no feed is tagged {tags_named(tags)}: {plural(count, 'article')}"
            f" {'is' if count == 1 else 'are'}, and a sync fetches feeds (`reader sync` syncs"
            " them all, the saved articles not cached yet with them)"
        )
    # Started when work first comes: a sync of feeds that all answer "not modified" has none.
    lib.workers_when_needed(articles=not args.no_articles)
    # Off a terminal (cron, a log, a pipe) no progress: what is mailed or kept is the summary
    # and what went wrong. A line a tenth of each phase made 25 lines of every cron run's mail,
    # and "the network went at …; Ctrl-C keeps what came" spoke to no one there. Sync prints
    # nothing on stdout, so where that goes has no say (`common.progress_shown`'s has).
    shown = not args.quiet and sys.stderr.isatty()
    show, finish = progress_display() if shown else no_progress()
    last: list[SyncProgress] = []  # where the sync is, for the line a Ctrl-C leaves

    def progress(p: SyncProgress) -> None:
        last[:] = [p]
        show(p)

    async def run() -> int:
        import asyncio  # here: `reader list` and `--help` don't need it

        if refreshed:
            lib.take_refreshed_elsewhere(refreshed)
        try:
            report = await lib.sync(articles=not args.no_articles, progress=progress, feeds=feeds)
        except asyncio.CancelledError:  # Ctrl-C: the reader says so when it next opens
            if not args.no_articles:
                lib.note_sync_stopped()
            raise
        finally:
            finish()
        print_sync_report(lib, report, articles=not args.no_articles, quiet=args.quiet, tags=tags)
        return _sync_status(report)

    stopped_by = stop_on_terminate()
    # Taken after the workers were forked: a worker must not hold the lock past this process.
    lock = SyncLock(lib.data_dir)
    refreshed: list[str] = []
    cached_before: set[str] = set()
    try:
        if not lock.take():
            waited_from = datetime.now(UTC)
            if not _waited_for(lock, args):
                lib.close()
                return EXIT_TRY_AGAIN
            # The feeds the sync waited for refreshed meanwhile are not asked again: each
            # run queued behind it re-asked every feed, for nothing (acc46c F2).
            refreshed = _refreshed_since(lib, feeds, waited_from, args.quiet)
        # To count on disk what a Ctrl-C leaves cached, and how much of it is only in part.
        cached_before = lib.store.article_keys()
        return run_until_done(lib, run())
    except KeyboardInterrupt:
        if not last or last[0].phase == "done":
            raise  # before any feed was asked for, or while the summary was printed
        # Said, not just "interrupted": what a traveller reads boarding is how much is offline.
        cached, in_part = (
            _cached_since(lib.data_dir, cached_before) if not args.no_articles else (None, 0)
        )
        err(
            last[0].stopped(
                "`reader sync`", articles=not args.no_articles, cached=cached, in_part=in_part
            )
        )
        return stopped_status(stopped_by[0]) if stopped_by else EXIT_INTERRUPTED
    finally:
        lock.release()


def _waited_for(lock: SyncLock, args: argparse.Namespace) -> bool:
    """Whether `lock`, held by another sync, was taken within `--wait` (said on stderr unless
    quiet); if not, said in one line always: cron mails it, and the 75 it exits with is tried
    again later."""
    who = lock.holder_said()
    # The config read again only here, a sync waiting: the library keeps none of it.
    wait = config_of(args).sync_wait if args.wait is None else args.wait
    if wait and not args.quiet:
        told = "--wait" if args.wait is not None else "--wait, [system] sync_wait"
        err(f"{who} is running: waiting for it ({span(wait)} at most: {told})")
    if lock.take(wait=wait):
        return True
    held = lock.held_for()
    ran = f" has run for {span(held)}" if held is not None else " is running"
    waited = f" (waited for {span(wait)})" if wait else ""
    err(f"{who}{ran}{waited}: not waiting{' longer' if wait else ''}; try again later")
    return False


def _refreshed_since(
    lib: Library, feeds: list[str] | None, moment: datetime, quiet: bool
) -> list[str]:
    """Of `feeds` (None: all), those refreshed since `moment`, the wait's start; how many
    said unless `quiet`. Their articles are still this sync's to fetch."""
    fresh = [
        f.url
        for f in lib.feeds()
        if f.last_success and f.last_success >= moment and (feeds is None or f.url in feeds)
    ]
    if fresh and not quiet:
        err(f"{plural(len(fresh), 'feed')} refreshed by that sync meanwhile, not asked again")
    return fresh


def _cached_since(data_dir: Path, before: set[str]) -> tuple[int | None, int]:
    """The articles cached in `data_dir` since those of `before` (their keys), counted once a
    stopped sync's workers have ended (the articles they were writing as it stopped are in),
    and how many of them lack their later pages (`Store.incomplete_keys`); None when the store
    can't say."""
    from ..library import Library

    try:
        after = Library(data_dir)
    except StoreError:
        return None, 0
    try:
        new = after.store.article_keys() - before
        return len(new), len(new & after.store.incomplete_keys())
    except StoreError:
        return None, 0
    finally:
        after.close()


def _no_answer(error: FetchError) -> bool:
    """`error` says only that nothing answered (not tried, timed out, broken off, no connection
    made or no host found), nothing of the feed itself."""
    return error.no_answer is not None


def _failed(error: FetchError) -> str:
    """How a line names an article that did not come: "article failed", or, a gateway's 502
    or 504 after its tries, "left for the next sync" (the summary counts it so)."""
    return "left for the next sync" if gateway_failure(error) else "article failed"


def _sync_status(report: SyncReport) -> int:
    """0 when everything came through; 75 (EX_TEMPFAIL: try again later) when all that failed
    was the data directory taking no more (a full disk, another program holding it) or a
    gateway answering 502 or 504 after every try (a satellite link's relay), which a later
    sync finishes with nothing lost; else 1 (README, Exit status)."""
    if report.ok:
        return EXIT_OK
    from ..errors import Unwritable

    later = (Unwritable.DISK_FULL, Unwritable.BUSY)

    def passing(error: FetchError) -> bool:
        return error.unwritable in later or gateway_failure(error)

    if all(r.error is None or passing(r.error) for r in report.feeds) and all(
        passing(error) for _, error in report.article_failures
    ):
        return EXIT_TRY_AGAIN
    return EXIT_FAILED


def print_sync_report(
    lib: Library,
    report: SyncReport,
    articles: bool,
    quiet: bool = False,
    tags: list[str] | None = None,
) -> None:
    """The failures, each named; then, unless `quiet` (a cron job's sync, silent when all went
    well), what was not cached and why, and the summary (of the feeds under `tags`, when a
    sync was of theirs: "3 of 3 feeds" alone read as every feed in a log)."""
    if report.portal:  # first, and once: the feeds' and the articles' failures are all this
        err(report.portal)
    elif report.no_connection:  # before each feed's and article's own failure to connect
        err(report.no_connection)
    # With nothing answered, a feed that failed to connect or wasn't tried says no more than
    # the line above: a cron job's `-q` mailed 25 such lines an hour through a flight (acc29b
    # T17). One whose failure says more (an untrusted certificate) is still named.
    # Told in their host's one line, or in the network's (`outages`).
    left = report.feeds_left.keys() | report.feeds_unreached()
    # A proxy's failure, the same for every feed it carries ("cannot connect to the proxy"):
    # said once with their number, not a line a feed (acc50f A8: 40 feeds, 40 lines).
    through: dict[str, list[str]] = {}
    for result in report.feeds:
        if report.no_connection and result.error and _no_answer(result.error):
            continue
        if result.feed.url in left:
            continue
        if result.error is not None and result.error.held:
            continue  # not asked, its host asking to wait: in that host's one line
        if result.error is not None and result.error.kind == ErrorKind.STORAGE:
            continue  # the store's refusal, not the feed's: said once below (acc49a A7)
        if result.error is not None and result.error.kind == ErrorKind.PROXY:
            through.setdefault(result.error.message, []).append(result.feed.display_title)
            continue
        if result.gone:  # the site's word, said once: the syncs after it ask weekly
            err(
                f"feed gone for good: {result.feed.display_title}: its site says it is gone"
                f" (HTTP 410); asked again weekly; `reader remove {said_address(shown_url(result.feed.url))}`"
                " unsubscribes"
            )
        elif result.error and result.error.kind != ErrorKind.PORTAL:
            # A subscription that only ever answered with a web page: `add` finds its feed.
            hint = (
                f" (`reader add {said_address(line_url(result.feed.url))}` looks for its feed)"
                if _page(result)
                else ""
            )
            if gateway_failure(result.error):
                # A gateway's bad minute (acc45 B6): not the feed failing, nor marked so.
                err(
                    f"feed not reached: {result.feed.display_title}: {result.error.message};"
                    " the next sync asks again"
                )
            else:
                err(f"feed failed: {result.feed.display_title}: {result.error.message}{hint}")
    for message, titles in through.items():
        which = titles[0] if len(titles) == 1 else plural(len(titles), "feed")
        err(f"feed not reached: {which}: {message}; not marked failing, the next sync asks again")
    # A cache that takes no writes (a full disk) fails every article left with one reason:
    # said once with their number, not once per article; so does the network going, a host
    # refusing or given up (`outages`).
    outages, named = report.told_failures()
    for outage in outages:
        err(outage.line())
    feeds = {r.feed.url: r.feed.display_title for r in report.feeds}
    _named(
        feeds,
        [
            (entry, f"{_failed(error)}: {_title(entry)} <{_link(entry)}>: {error.message}")
            for entry, error in named
            if error.kind not in (ErrorKind.STORAGE, ErrorKind.PORTAL) and not error.asks_to_wait
        ],
        "more articles failed",
    )
    for line in report.asked_to_wait:
        err(line)
    if refused := refused_said(report):
        err(f"{refused[1]}: {refused[0].message}")
    if quiet:
        return
    for line in report.waited_out:  # not a failure: said as the summary is
        err(line)
    _named(
        feeds,
        [
            (entry, f"not cached: {_title(entry)} <{_link(entry)}>: {error.message}")
            for entry, error in report.not_articles
        ],
        "more links not cached (a file, not an article)",
    )
    _named(
        feeds,
        [
            (
                entry,
                f"taken down: {_title(entry)} <{_link(entry)}>: {error.message} (its"
                " feed's text stands in; syncs ask again in a day)",
            )
            for entry, error in report.gone
        ],
        "more stories taken down (404/410)",
    )
    _named(
        feeds,
        [
            (
                entry,
                f"given up for now: {_title(entry)} <{_link(entry)}>: {error.message} at its"
                f" last {tries} tries; syncs ask for it once a day from now on (Enter or"
                " `reader show` asks at once)",
            )
            # Said once, as the sync gives up on it; the daily tries after it are counted.
            for entry, error, tries in report.timing_out
            if tries == GIVE_UP_AFTER
        ],
        "more pages given up for now (timing out)",
    )
    _named(
        feeds,
        [
            # A story quietly taken down is news to whoever cites it: its copy is what is left.
            (
                entry,
                f"taken down: {_title(entry)} <{_link(entry)}>: {error.message}: the"
                f" copy{_retrieved(before)} is kept (reader show {entry.id} notes it)",
            )
            for entry, error, before in report.gone_kept
        ],
        "more cached stories taken down (404/410), their copies kept",
        lists=False,
    )
    _named(
        feeds,
        [
            # The import kept wallabag's text for want of the page: the page came.
            (
                entry,
                f"the page in place of wallabag's copy: {_title(entry)} <{_link(entry)}>"
                f" (wallabag's is kept as the earlier copy: reader show {entry.id} names it)",
            )
            for entry in report.copies_replaced
        ],
        "more pages in place of wallabag's copies",
        lists=False,
    )
    _named(
        feeds,
        [
            (entry, f"not fetched: {_title(entry)} <{_link(entry)}>: {error.message}")
            for entry, error in report.held_local
        ],
        "more links from imported files to this computer or its network, not fetched",
        lists=False,
    )
    _named(
        feeds,
        [
            (
                entry,
                f"left out of Saved: {_title(entry)} <{_link(entry)}>: its address"
                " answers with a feed, no article to read later (`reader add URL` subscribes)",
            )
            for entry, _ in report.feeds_unsaved
        ],
        "more saved links left out of Saved: their addresses answer with a feed",
        lists=False,
    )
    _named(
        feeds,
        [
            # As a retraction is said: whoever cites the story, or its withdrawal, must know.
            (
                entry,
                f"{head}: {_title(entry)} <{_link(entry)}>: {said} (reader show {entry.id} notes it)",
            )
            for entry, head, said in report.stands_again
        ],
        "more stories standing again, no longer retracted or taken down",
        lists=False,
    )
    told_again = {entry.id for entry, _, _ in report.stands_again}
    _named(
        feeds,
        [
            # Which ones: a correction matters to whoever quoted the copy before, which is kept.
            (
                entry,
                f"updated: {_title(entry)} <{_link(entry)}>: "
                f"the earlier copy is kept (reader show {entry.id} names it)",
            )
            for entry in report.updated
            if entry.id not in told_again  # one line a story: its earlier copies named there
        ],
        "more stories updated, their earlier copies kept; `reader list` marks them Δ",
        lists=False,
    )
    _named(
        feeds,
        [
            (entry, f"copy dropped: {_title(entry)} <{_link(entry)}>: {said}")
            for entry, said in report.copies_dropped
        ],
        "more earlier copies dropped; `reader show ID` names them",
        lists=False,
    )
    if count := report.live_copies_dropped:
        # One line of all the live blogs' (acc48c C14), each's header counting its own.
        copies = plural(count, "earlier copy", "earlier copies")
        _told(f"{copies} of live blogs not kept (their first and newest are)")
    _named(
        feeds,
        [
            # Its feed told of a change that is not in the copy read offline: said, so the
            # copy is not quoted as the latest unawares.
            (
                entry,
                f"not updated: {_title(entry)} <{_link(entry)}>: fetched again, but not "
                f"taken for the article: {why}; the copy cached stays "
                f"(reader show --refresh {entry.id} asks again)",
            )
            for entry, why in report.not_renewed
        ],
        "more stories fetched again whose pages were not taken for them",
        lists=False,
    )
    _named(
        feeds,
        [
            (
                entry,
                f"not all of it: {_title(entry)} <{_link(entry)}>: {article.incomplete}",
            )
            for entry, article in report.incomplete_named(outages)
        ],
        "more articles cached only in part",
    )
    new = sum(r.new_entries for r in report.feeds)
    # A feed gone for good, found so now or not asked, is neither synced nor failed.
    gone = gone_for_good(report.feeds)
    # Counted as the reader's line counts them (`sync_failures`): 57 lines above the summary
    # were all there was of them (acc49d D6).
    failed = len(sync_failures(report)[0])
    line = (
        f"synced {synced_feeds(report.feeds)} of {plural(len(report.feeds), 'feed')}"
        f"{f' tagged {tags_named(tags)}' if tags else ''} "
        f"({plural(new, 'new headline')}{_meanwhile(report)}"
        f"{f'; {failed} failed' if failed else ''}{f'; {gone}' if gone else ''})"
    )
    if articles:
        # Its own name: the feeds' `failed` decides the hint below (an article failing named
        # `reader feeds --failing`, which then said "no failing feeds": acc50a A6).
        left, articles_failed = report.left_and_failed(outages, named)
        line += (
            f"; {plural(report.articles_fetched, 'article')} cached for offline, "
            f"{report.articles_already_cached} already cached, "
            + (f"{left} left for the next sync, " if left else "")
            + f"{articles_failed} failed"
        )
        if report.articles_updated:
            line += f", {report.articles_updated} updated"
        if report.incomplete:
            line += f", {plural(len(report.incomplete), 'article')} incomplete"
        if taken := len(report.gone) + len(report.gone_kept):
            line += f", {taken} taken down"
        if report.timing_out:
            line += f", {len(report.timing_out)} timing out (asked once a day)"
        # And those standing again, as the takedowns are counted (acc48d D8): "1 back, 2 no
        # longer withdrawn", by what each's line is headed.
        ended = Counter(head for _, head, _ in report.stands_again)
        line += "".join(f", {count} {head}" for head, count in ended.items())
        if report.full:
            line += f", {report.full}"
    _told(line)
    if hint := _failing_hint(report.feeds, failed):
        _told(hint)
    if trimmed := trimmed_words(report.feeds, "older headline"):
        _told(trimmed)
    if articles and (kept := report.pictures_line()):
        _told(kept)
    if report.downloaded:
        # Off a terminal too: a metered link's cron log is where a day's cost is read (B3).
        _told(downloaded_words(report.downloaded, report.downloaded_pictures))
    if report.max_download:  # no failure: said as the summary is
        _told(stopped_words(report.max_download, report.capped))
    if report.pruned:
        _told(
            f"cache limit: evicted {plural(report.pruned.removed, 'article')} "
            f"({size_text(report.pruned.freed_bytes)})"
        )
    if report.headlines_dropped:
        _told(
            f"dropped {plural(report.headlines_dropped, 'read headline')} older than the"
            " config's [feeds] drop_read_after (their cached articles stay)"
        )
    if articles and (recap := report.offline_recap()):
        # Of every headline, not only this sync's: what the last sync before a flight leaves
        # out; after a sync of some feeds, said to be of them all (acc33a A16).
        of_all = " (of every feed and saved article)" if tags else ""
        _told(f"{recap}{of_all}; `reader list --not-offline` lists them")


NAMED_PER_FEED = 5
"""Stories of one feed named in a line each under one heading of the report (taken down,
failed…); the rest counted in one line for the feed: a wire feed whose 1,950 old pages answer
404 buried the two feed failures that mattered under its lines (acc27b B1)."""


def _named(
    feeds: dict[str, str], lines: list[tuple[Entry, str]], more: str, lists: bool = True
) -> None:
    """Each line (a story's, under its entry), at most `NAMED_PER_FEED` of one feed, then a
    line per feed counting the rest ("Wire: 1,945 more stories taken down (404/410)"), and,
    with `lists`, where they are all listed."""
    shown: dict[str, int] = {}
    left: dict[str, int] = {}
    for entry, line in lines:
        name = feeds.get(entry.feed_url) or entry.feed_title or shown_url(entry.feed_url)
        if shown.get(name, 0) < NAMED_PER_FEED:
            shown[name] = shown.get(name, 0) + 1
            err(line)
        else:
            left[name] = left.get(name, 0) + 1
    where = "; `reader list --not-offline` lists them" if lists else ""
    for name, count in left.items():
        err(f"{safe_line(name, 120)}: {count:,} {more}{where}")


def _failing_hint(results: list[FeedResult], failed: int) -> str:
    """Where the failing feeds are listed, and how to drop those whose site says they are not
    there (404, 410: `reader remove --gone`); "" when none failed nor is gone."""
    not_there = sum(r.not_there for r in results)
    hints = (
        [
            "`reader feeds --failing` lists the failing feeds (a server error or a timeout once"
            f" it has lasted {LASTED.days} days)"
        ]
        if failed
        else []
    )
    if not_there:
        hints.append(
            f"{not_there} answered 404 or 410 (not there): `reader remove --gone` unsubscribes"
            " from them"
        )
    return "; ".join(hints)


def _told(text: str) -> None:
    """A line of the report's summary, on stderr, wrapped as `err`'s."""
    out(at_words(safe_line(text), terminal_width(sys.stderr)), sys.stderr)


def _meanwhile(report: SyncReport) -> str:
    """The headlines another refresh (the open reader's) brought in as the sync ran, said
    beside the sync's own: "0 new headlines" over 100 that came read as nothing new (acc42b
    B6); "" when none did."""
    count = report.arrived_meanwhile
    return f", {count} more brought in meanwhile by another refresh" if count else ""


def _page(result: FeedResult) -> bool:
    """A subscription that has only ever answered with a web page (an OPML file's outline
    naming a site's home page): `reader add` of it finds the page's feed, in its place."""
    error = result.error
    return (
        error is not None
        and error.message.startswith(WEB_PAGE_ANSWER)
        and result.feed.last_success is None
    )


def _retrieved(moment: datetime | None) -> str:
    """Of a copy, ' retrieved' and when; '' when that is not known."""
    return f" retrieved {moment.isoformat(timespec='seconds')}" if moment else ""


def _title(entry: Entry) -> str:
    """An entry's title in a line of the report, cut as `reader list` cuts it."""
    return safe_line(entry.title, 120)


def _link(entry: Entry) -> str:
    """An entry's link in a line of the report (`line_url`)."""
    # As a citation gives it: a journalist copies it from the log (acc47e E12).
    return said_address(line_url(page_opened(entry.link)))
