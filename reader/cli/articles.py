"""The article commands: list, show, save, unsave, forget, reextract, config (`cache`: its
own)."""

from __future__ import annotations

import argparse
import sys
from contextlib import suppress
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..claimed_dates import claimed_json
from ..codec import enclosures_json
from ..config import CITATION_RECORDS, config_path, dangling_config, data_dir
from ..config_shown import defaults_not_in
from ..dates import date_only, in_local_time
from ..feed_names import listed_names, names_of, source_name
from ..feed_tags import hashed_tags, saved_tags, tagged
from ..keys import copy_id, item_address
from ..marks import TAKEN_DOWN, offline_mark, said_address, saved_mark, verbatim
from ..models import (
    FEED_TEXT_STANDS_IN,
    Article,
    Entry,
    ErrorKind,
    Feed,
    FetchError,
    StoreError,
)
from ..plural import plural
from ..reports import (
    LIVE_WORD,
    SaveOutcome,
    across_feeds,
    also_in,
    listed_at,
    newest_first,
    saved_moment,
)
from ..retraction_notes import corrected_word
from ..safe import safe_line
from ..url_display import line_url, shown_url, without_password
from ..word_wrap import at_words, terminal_width
from .common import (
    ARTICLES_APART,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    ConfigFault,
    UsageError,
    check_keys,
    config_of,
    counted_progress,
    each_article,
    each_article_now,
    err,
    given_copies,
    given_ids,
    iso_time,
    json_text,
    not_subscribed,
    open_library,
    open_stored_library,
    out,
    render,
    render_item,
    run_until_done,
    said_path,
    search_feed_given,
    unmatched_body,
)
from .date_args import between, moment, read_since, saved_since, within
from .headline_search import Bounds, query_of, search_headlines
from .nothing_listed import nothing_listed
from .on_demand_loop import OnDemandLoop
from .search_said import holds_nothing
from .tags import named_tags

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Mapping
    from pathlib import Path

    from ..full_text import Hit
    from ..ignore_rules import IgnoreRule
    from ..library.highlights import KeptHighlights
    from ..library.reextraction import Reextracted
    from ..library.stored import StoredLibrary
    from ..reports import Headline
    from ..search_query import Query


def headline_json(
    h: Headline,
    names: Mapping[str, str],
    read_at: datetime | None = None,
    exported_at: datetime | None = None,
) -> dict[str, Any]:
    e = h.entry
    return {
        "id": e.id,
        "feed": without_password(e.feed_url) or None,  # a saved article no feed lists
        "feed_name": names.get(e.feed_url, ""),  # the user's name for the feed
        "feed_title": e.feed_title,
        "title": e.title,
        "link": e.link,
        "author": e.author,
        "published": iso_time(e.published),
        "read": h.read,
        "read_at": iso_time(read_at),  # last opened in the reader: not marked read unopened
        "cached": h.cached,
        "partial": h.partial,
        "not_article": h.not_article,
        "saved": h.saved,
        "taken_down": h.taken_down,
        "changed": h.updated,  # the list's Δ: said in words too (acc42a A4)
        "corrected": h.corrected,  # earlier copies kept, read or not (acc44c C7)
        "live": bool(h.live_at),  # a live blog still running: the row's "(live)"
        # What became of the story, and whose word it is, as `show --format json` has them.
        "retracted": h.retracted,
        "retracted_by": ("feed" if h.retracted_by_feed else "page") if h.retracted else None,
        "tags": list(h.tags),
        "archived": h.archived,
        # When it was saved: the user's `s`, or the time added an import kept (acc43a A14).
        "saved_at": iso_time(saved_moment(h)),
        # When it last went into a book or file to read elsewhere (`export --not-exported`).
        "exported_at": iso_time(exported_at),
        "enclosures": enclosures_json(e),
        "comments": e.comments or None,  # the item's discussion page, as its feed names it
        "categories": list(e.categories),  # its feed's (Lobsters' tags, a subreddit)
        "claimed": claimed_json(e),  # the date its feed gives, when over an hour ahead
    }


def hit_json(hit: Hit) -> dict[str, Any]:
    """What `reader list --search --json` adds to a hit's row: its snippet, the kept copy the
    words are in, and the live blog's entry they are in, as the hit's line names it (the JSON
    named none: a script could not tell which update of four hundred held them)."""
    return {"snippet": hit.snippet, "version": hit.version or None, "entry": hit.entry or None}


def cmd_list(args: argparse.Namespace) -> int:
    since = moment(args.since) if args.since is not None else None
    before = moment(args.before, end=True) if args.before is not None else None
    if since is not None and before is not None and since >= before:
        raise UsageError(
            f"--since {args.since} is not before --before {args.before}: no headline is"
        )
    opened = moment(args.read_since) if args.read_since is not None else None
    # Not offline, of every feed: the saved articles no feed lists are read too (acc31c W7).
    # The archive is of saved articles, and so are those saved since a moment.
    args.saved = args.saved or args.archived or args.saved_since is not None
    # Opened once for a name `--feed` gives: a search feed's or a feed's, the library tells.
    lib = open_stored_library(args) if args.feed else None
    try:
        return _list_of(args, since, before, opened, lib)
    finally:
        if lib is not None:
            lib.close()


def _list_of(
    args: argparse.Namespace,
    since: datetime | None,
    before: datetime | None,
    opened: datetime | None,
    given: StoredLibrary | None,
) -> int:
    """`reader list`, on the library `given` (None: opened when one is needed)."""
    if given is not None and (search := search_feed_given(given, args.feed)) is not None:
        # A search feed lists what its words find, as its row in the reader does.
        args.search, args.feed = [search.words, *(args.search or [])], None
    # Of every feed and none: the saved articles no feed lists too, as a search's `is:` finds
    # them (acc51b B2: `--corrected` said none where `is:corrected` listed a saved essay).
    every_unlisted = (args.not_offline or args.corrected) and not (
        args.feed or args.tag or args.saved
    )
    if args.search is None and not args.json and not args.saved and not every_unlisted:
        return _list_as_read(args, since, before, opened, given)
    query: Query | None = None
    if args.search is not None:
        query = query_of(args.search, "reader list --search ferry strike")
        if query is None:
            return EXIT_USAGE
        if not (args.feed or args.tag) and holds_nothing(args, query):
            return _listed([], args, {}, {}, {}, {}, {})
    lib = given or open_stored_library(args)
    try:
        feeds, tags = listed_feeds(lib, args)
        if query is not None and (args.feed or args.tag) and holds_nothing(args, query, lib.store):
            return _listed([], args, {}, {}, {}, {}, {})
        every = lib.headlines(args.feed, unread_only=args.unread, saved_only=args.saved, tags=tags)
        if every_unlisted and args.search is None:
            unlisted = lib.headlines_and_unlisted()[1]
            every += [h for h in unlisted if not (args.unread and h.read)]
            every.sort(key=newest_first)
        if args.not_offline:
            owed = _owing_pictures(lib)
            every = [h for h in every if _not_offline(h, owed)]
        if args.archived:
            every = [h for h in every if h.archived]
        if args.saved_since is not None:
            every = list(saved_since(every, moment(args.saved_since)))
        if args.corrected:
            every = [h for h in every if h.corrected]
        if not args.feed and not args.saved and query is None:
            # One row an article (acc39b Q3); a search's hits are sifted so: the rows searched
            # are every feed's, for a `tag:` or words only one feed's text of it holds.
            every = list(across_feeds(every))
        read_at = lib.reading_times()
        every = list(read_since(every, read_at, opened))
        headlines = between(every, since, before)  # before a search: fewer texts read
        names = names_of(feeds)
        row_names = listed_names(feeds)  # what each row names its feed by
        hits_of: dict[int, Hit] = {}
        lines: dict[int, str] = {}
        more_note = ""
        streamed = False  # the hits printed as the search found them
        if query is not None:
            printing: list[tuple[Mapping[str, Any], Mapping[str, tuple[str, ...]]]] = []

            def printed(rows: list[Headline], hits: list[Hit]) -> None:
                if args.ids:
                    # A hit only in a kept copy as "ID@N", which `show` reads as that copy and
                    # every other command as the article (`given_copies`, acc47a A7).
                    copies = {id(hit.headline): hit.version for hit in hits}
                    for h in rows:
                        out(copy_id(h.entry.id, copies.get(id(h), 0)))
                    return
                if not printing:  # read once there is a line to print
                    printing.append((lib.store.page_dates(), lib.also_listed()))
                of_row = {id(hit.headline): hit for hit in hits}
                lines = {id(h): of_row[id(h)].line for h in rows if id(h) in of_row}
                _print_lines(rows, row_names, lines, *printing[0], shown_names(feeds))

            found = search_headlines(
                lib,
                args,
                query,
                every,
                headlines,
                Bounds(since, before, opened, read_at),
                lines=not args.ids,
                printed=None if args.json else printed,
                more=not args.ids and not args.json,
            )
            headlines, more_note, streamed = found.headlines, found.more_note, found.streamed
            if not streamed:
                hits_of = {id(hit.headline): hit for hit in found.hits}
                lines = {id(hit.headline): hit.line for hit in found.hits}
        # Read for the lines printed only: a search that found none needs no page's date.
        printing_now = headlines and not streamed
        page_dates = lib.store.page_dates() if printing_now else {}
        opened_at = {h.entry.id: read_at(h.entry) for h in headlines} if args.json else {}
        exported = lib.exported_at()
        exported_at = (
            {h.entry.id: exported(h.entry.link or item_address(h.entry.id)) for h in headlines}
            if args.json
            else {}
        )
        # How many copies of each corrected one are kept: its copies' times read, for those only.
        copies = (
            {
                h.entry.id: len(lib.store.version_times(h.entry.link)) + 1
                for h in headlines
                if h.corrected
            }
            if args.json
            else {}
        )
        shared = lib.also_listed() if printing_now and not args.ids else {}
        if not headlines and query is None and not args.json:  # a search says its own
            say_nothing_listed(lib, args, feeds, tags)
    finally:
        if given is None:
            lib.close()
    if streamed:
        code = EXIT_OK  # a search with no hit is said on stderr: nothing wrong (Exit status)
    else:
        code = _listed(
            headlines,
            args,
            names,
            hits_of,
            lines,
            page_dates,
            opened_at,
            shared,
            shown_names(feeds),
            row_names,
            copies,
            exported_at,
        )
    if more_note:  # under the hits, where a reader looks once they are read
        err(more_note)
    return code


def _listed(
    headlines: list[Headline],
    args: argparse.Namespace,
    names: Mapping[str, str],
    hits: dict[int, Hit],
    lines: dict[int, str],
    page_dates: Mapping[str, Any],
    opened_at: Mapping[str, datetime | None] | None = None,
    shared: Mapping[str, tuple[str, ...]] | None = None,
    shown: Mapping[str, str] | None = None,
    row_names: Mapping[str, str] | None = None,
    copies: Mapping[str, int] | None = None,
    exported_at: Mapping[str, datetime | None] | None = None,
) -> int:
    """`reader list`'s output of `headlines` (after a search, with what it found of each, `hits`
    by `id` of the headline; when
    each was last opened in the reader, and last exported, by entry id, for JSON), and its
    status: a search that found nothing fails, for a script to tell, as grep's does."""
    if args.json:
        opened_at = opened_at or {}
        exported_at = exported_at or {}
        rows = [
            {
                **headline_json(h, names, opened_at.get(h.entry.id), exported_at.get(h.entry.id)),
                "page_day": page_day(h, page_dates) or None,
                "also_in": also_in(h, shared or {}),
                # The copies kept of a corrected one, the latest among them (acc44c C7).
                "versions": (copies or {}).get(h.entry.id),
            }
            for h in headlines
        ]
        if args.search is not None:
            rows = [
                {**row, **hit_json(hits[id(h)])} for row, h in zip(rows, headlines, strict=True)
            ]
        out(json_text(rows))
        return _nothing_listed_said(not headlines, args)
    if args.ids:
        for h in headlines:  # none: no line at all (an empty one was an empty id to `read`)
            out(h.entry.id)
        return _nothing_listed_said(not headlines, args)
    _print_lines(
        headlines,
        row_names or names,
        lines,
        page_dates,
        shared or {},
        shown or {},
        by_saving=args.saved and args.search is None,
    )
    return _nothing_listed_said(not headlines, args)


def _nothing_listed_said(nothing: bool, args: argparse.Namespace) -> int:
    """`reader list`'s status (0: a search with no hit is said on stderr: nothing wrong, Exit
    status); a list of nothing at all (`nothing`: no headline, or no feed to list), no search
    or feed asked, names the library left behind
    where the reader kept it before XDG_DATA_HOME was set, if there is one (acc43b B12)."""
    if nothing and args.search is None and not (args.feed or args.tag):
        from ..other_places import library_elsewhere_said

        if said := library_elsewhere_said(data_dir(args.data_dir)):
            err(f"no headlines here; {said}")
    return EXIT_OK


def listed_feeds(lib: StoredLibrary, args: argparse.Namespace) -> tuple[list[Feed], list[str]]:
    """Every subscribed feed, and the tags `--tag` names; a CommandError when `--feed` names no
    feed subscribed (read once: by its title, each time every feed's record is read)."""
    feeds = lib.feeds()
    if args.feed and lib.feed_named(args.feed) not in {f.url for f in feeds}:
        raise not_subscribed(lib, args.feed)
    return feeds, named_tags(lib, args.tag)


def say_nothing_listed(
    lib: StoredLibrary, args: argparse.Namespace, feeds: list[Feed], tags: list[str]
) -> None:
    """`nothing_listed`'s line, unless the store said why already: a headline list whose file
    is not here yet (a file sync under way), or a damaged record dropped."""
    if not (lib.store.not_here or lib.store.problems):
        err(nothing_listed(args, listed_scope(lib, args, feeds, tags), tags))


def listed_scope(
    lib: StoredLibrary, args: argparse.Namespace, feeds: list[Feed], tags: list[str]
) -> list[Feed]:
    """The feeds a `reader list` lists: the one `--feed` names, those `--tag` names, or all."""
    if args.feed:
        url = lib.feed_named(args.feed)
        return [feed for feed in feeds if feed.url == url]
    return tagged(feeds, *tags) if tags else feeds


class Counted:
    """`headlines` as they are taken, counted (`count`): a list printed as it is read says
    so when it printed none."""

    def __init__(self, headlines: Iterable[Headline]) -> None:
        self._headlines = iter(headlines)
        self.count = 0

    def __iter__(self) -> Counted:
        return self

    def __next__(self) -> Headline:
        headline = next(self._headlines)
        self.count += 1
        return headline


def shown_names(feeds: Iterable[Feed]) -> dict[str, str]:
    """Each feed's address → what a list names it by (its name, else its title)."""
    return {f.url: f.display_title for f in feeds}


def _not_offline(h: Headline, owing_pictures: Collection[str] = ()) -> bool:
    """`--not-offline`'s: an article not cached, or cached in part, or cached without some of
    its pictures (`owing_pictures`, by key: the next sync fetches them). Not an item with no
    link (nor audio): the text its feed carried is all of it, kept with its headline and read
    offline; nothing is left to fetch (a sync's "not readable offline" leaves it out too)."""
    if not h.entry.link and not h.entry.enclosures:
        return False
    return not h.cached or h.partial or h.key in owing_pictures


def _owing_pictures(lib: StoredLibrary) -> set[str]:
    """The keys of the cached articles some of whose pictures the next sync is to fetch
    (`Store.pictures_owed`), when the config keeps pictures."""
    if not lib.pictures_wanted:
        return set()
    with suppress(StoreError):
        return lib.store.pictures_owed_keys()
    return set()


def _list_as_read(
    args: argparse.Namespace,
    since: datetime | None,
    before: datetime | None,
    opened: datetime | None,
    given: StoredLibrary | None = None,
) -> int:
    """`reader list` with no search, JSON or `--saved` (which read everything first): each line
    printed as its headline is read (`Library.streamed_headlines`), so the first comes at once
    however many the feeds keep, and a pipe's reader that has seen enough (`| head`) stops it."""
    lib = given or open_stored_library(args)
    try:
        feeds, tags = listed_feeds(lib, args)
        headlines = within(lib.streamed_headlines(args.feed, args.unread, tags), since, before)
        if not args.feed:
            headlines = across_feeds(headlines)  # one row an article (acc39b Q3)
        headlines = read_since(headlines, lib.reading_times(), opened)
        if args.not_offline:
            owed = _owing_pictures(lib)
            headlines = (h for h in headlines if _not_offline(h, owed))
        if args.corrected:
            headlines = (h for h in headlines if h.corrected)
        printed = Counted(headlines)
        if args.ids:
            for h in printed:  # none: no line at all, as when the list is read whole
                out(h.entry.id)
        else:
            shared = lib.also_listed() if len(feeds) > 1 else {}
            dates = lib.store.page_dates()
            _print_lines(printed, listed_names(feeds), {}, dates, shared, shown_names(feeds))
        if not printed.count:
            say_nothing_listed(lib, args, feeds, tags)
    finally:
        if given is None:
            lib.close()
    return _nothing_listed_said(not feeds, args)


# A page dating its story this much apart from its feed, on another day, is said to (acc27a
# A28): a citation dates it by the page, and `--since` by the feed.
_DATES_APART = timedelta(hours=6)
LIST_HANG = "  "
"""How far in the rest of a headline's line is set, broken on a terminal: under its id, the
ids down the left edge still where one headline starts."""


def page_day(h: Headline, page_dates: Mapping[str, str]) -> str:
    """The day the cached page of `h` says it was published ("2026-11-30", local time), when
    that is another day than its feed's and hours apart from it; else ""."""
    stated = page_dates.get(h.key) if h.cached and h.entry.published else None
    if not stated or h.entry.published is None:
        return ""
    try:
        page = datetime.fromisoformat(stated)
    except ValueError:
        return ""
    if page.tzinfo is None or abs(page - h.entry.published) < _DATES_APART:
        return ""
    day = in_local_time(page).strftime("%Y-%m-%d")
    return "" if day == in_local_time(h.entry.published).strftime("%Y-%m-%d") else day


def _listed_when(moment: datetime | None) -> str:
    """A headline's date and time in local time as a line lists it, 16 wide; a date alone
    without a time (midnight UTC, 19:00 the day before in New York: acc46a A4)."""
    if moment is None:
        return " " * 16
    return in_local_time(moment).strftime(
        "%Y-%m-%d      " if date_only(moment) else "%Y-%m-%d %H:%M"
    )


def _print_lines(
    headlines: Iterable[Headline],
    names: Mapping[str, str],
    lines: Mapping[int, str],
    page_dates: Mapping[str, str],
    shared: Mapping[str, tuple[str, ...]],
    shown: Mapping[str, str],
    by_saving: bool = False,
) -> None:
    """A line for each headline (and its search hit's line under it, `lines` by `id` of the
    headline); a cached page dating its story on another day than its feed says so, the
    date a citation gives (`page_dates`, `Store.page_dates`); one other feeds list too
    names them (`shared`: `Library.also_listed`; `shown`: each feed's name as shown).
    `by_saving`: dated by when each was saved ("saved 2023-11-14"), as `--saved` orders them."""
    sources: dict[tuple[str, str], str] = {}  # a feed's name made once, not on each of its lines
    # On a terminal, each line broken at its words, the rest of it under the id (acc45b B7).
    width = terminal_width(sys.stdout)
    for h in headlines:
        e = h.entry
        # Local time, as the reader shows it: a headline's day must not differ between the two.
        # As the reader's row (`listed_at`): a live blog still running by its last update.
        when = _listed_when(listed_at(h))
        if by_saving and (saved := saved_moment(h)) is not None:
            when = in_local_time(saved).strftime("saved %Y-%m-%d")
        marks = ("N" if not h.read else " ") + offline_mark(h) + saved_mark(h)
        source = sources.get((e.feed_title, e.feed_url))
        if source is None:
            # A feed whose title is blank (once cleaned) is named by its address, as `feeds` does.
            source = safe_line(source_name(e, names) or shown_url(e.feed_url), 24)
            sources[e.feed_title, e.feed_url] = source
        # A copy of a page taken down since is all that is left: said as `show` says it.
        gone = f"  ({TAKEN_DOWN})" if h.taken_down else ""
        if h.corrected:  # Δ goes once read; that the outlet changed it stays (acc44c C7)
            gone += f"  ({corrected_word(h.retracted)})"
        if h.live_at:  # listed by its last update, not its start (acc48c C11)
            gone += f"  ({LIVE_WORD})"
        if day := page_day(h, page_dates):
            gone += f"  (the page: {day})"
        if h.tags:
            gone += f"  {hashed_tags(h.tags)}"
        if others := also_in(h, shared):
            named = (safe_line(shown.get(u) or shown_url(u), 24) for u in others)
            gone += f"  (also in {', '.join(named)})"
        line = f"{e.id}  {when}  {marks}  {source}: {safe_line(e.title, 120)}{gone}"
        out(at_words(line, width, hang=LIST_HANG))
        if lines.get(id(h)):
            out(at_words(f"    {lines[id(h)]}", width))


def cmd_show(args: argparse.Namespace) -> int:
    # Here, not at the top: citations and highlights (their name rules, their styles) are
    # `show`'s, and `reader list` in a shell loop paid their import at every start.
    from ..citation import cited_article, cited_url, moment_text
    from ..citation_styles import reference_list
    from ..render import article_of
    from .highlights import after_article

    if args.refresh and args.offline:
        raise UsageError("--refresh fetches the page again: not with --offline")
    config = config_of(args)
    style, copy = args.style or config.citation_style, config.citation_copy
    # --offline reads only: neither the network's layers of the library nor an event loop
    # (`OnDemandLoop`) are started for a cached article, only to read it.
    lib = open_stored_library(args) if args.offline else open_library(args)
    loop = OnDemandLoop(lib)
    # A print of the text: the pictures' downloads behind it would be stopped as it ends,
    # nothing kept (a sync, or the reader opening it, keeps them).
    lib.keep_pictures = False
    if not args.offline:
        # Its page is read by a worker process, under its time limit: forked now, before any
        # thread, it starts in a few ms (`CpuWorkers.start_pages`).
        lib.start_page_workers()
    items: list[Any] = []  # the JSON formats' objects, printed together at the end
    # A reference list's lines, printed together at the end in the style's order.
    references: list[tuple[Article, str]] = []
    printed = 0

    def show(name: str, number: int, copy_named: int | None = None) -> int:
        """One article printed, the `number`th given (after `ARTICLES_APART` unless it is the
        first; in text, several each under its `article_of` line), or the copy its id names
        (`copy_named`, over `--version`): its exit status."""
        nonlocal printed
        target = lib.resolve(name)
        status = EXIT_OK
        if args.refresh:
            status = refresh(target)
        if copy_named is not None and args.version is not None and args.version != copy_named:
            # Both named, each another copy: said, not one of them printed in silence
            # (acc47e E10).
            raise UsageError(
                f"{name}@{copy_named} names copy {copy_named}: not --version {args.version}"
            )
        version = args.version if copy_named is None else copy_named
        if version is not None:  # a copy kept of an article a sync found changed
            try:
                article = lib.article_version(target, version)
            except FetchError as error:
                err(error.message)
                return EXIT_FAILED
        else:
            try:
                # Printing is not reading it in the reader: a change a sync found stays
                # marked (Δ) until it is opened there (a bibliography's citations, a search's
                # hits piped into `show`).
                article = lib.offline_article(target, seen=False) if args.offline else None
                if article is None:
                    article = loop.run(lib.article(target, offline=args.offline, seen=False))
            except FetchError as error:
                reason = error.message
                if error.kind == ErrorKind.NOT_HTML:
                    # "Open the original link in a browser" is no help to someone who asked by id
                    # and never saw the link: name it.
                    link = target.address if isinstance(target, Entry) else target
                    reason = f"{said_address(line_url(link))}: {reason}"
                # Offline, the site down, or a PDF where a page was expected: the text the feed
                # carried is better than nothing, and the exit status still says the article
                # itself could not be had.
                from_feed = None
                if error.kind in FEED_TEXT_STANDS_IN and isinstance(target, Entry):
                    from contextlib import suppress

                    with suppress(FetchError):  # its text too slow to read: the reason alone
                        from_feed = loop.run(lib.feed_text(target))
                if from_feed is not None:
                    err(f"{reason}; showing the text the feed carried")
                    article, status = from_feed, EXIT_FAILED
                elif error.kind == ErrorKind.NOT_HTML and isinstance(target, Entry):
                    # A file (↗) whose feed carried only an aggregator's pointers: its header
                    # (the address, "Discussion:") is still what there is to read of it.
                    from ..article_fallbacks import headline_alone

                    err(f"{reason}; its feed carried no text: its header alone is shown")
                    article, status = headline_alone(target), EXIT_FAILED
                else:
                    err(reason)
                    return EXIT_FAILED
            if article.unkept:  # read from the site now; the store takes no writes
                err(f"shown, not kept: {article.unkept}")
        # Your highlights of it, looked for in the copy printed (a journalist's own marks
        # travel with the text they were made on).
        kept = None
        if args.format not in ("citation", *CITATION_RECORDS):
            kept = lib.highlights_in(target, article)
        if isinstance(target, Entry):
            # An item pointing into a page (a live blog's entry, `page#block-3`) shown and
            # cited by its own anchor, as `y` cites it (acc50c C2).
            article = cited_article(target, article)
        if args.format == "json":
            items.append(article_item(lib, target, article, kept))
        elif args.format in CITATION_RECORDS:
            item_id = target.id if isinstance(target, Entry) else cited_url(article)
            if version is not None:  # an earlier copy, an item of its own (acc47e E2)
                item_id += f"@{version}"
            entry = target if isinstance(target, Entry) else None
            items.append(render_item(article, "csl-json", item_id, entry))
        else:
            entry = target if isinstance(target, Entry) else None
            # Text on a terminal: its lines broken at words to its width, not by the terminal
            # at its edge mid-word (acc45b B7). Markdown, a citation: as written, for a file.
            width = terminal_width(sys.stdout) if args.format == "text" else None
            text = render(article, args.format, style, entry, copy, width).rstrip("\n")
            if section := after_article(kept, markdown=args.format == "markdown"):
                text += "\n\n" + at_words(section, width)
            one_line = args.format == "citation" and style != "block"
            if one_line:
                # A reference list is one line an article (`… --ids | xargs reader show
                # --format citation --style apa > refs.txt`): what the copy's notes say of it
                # (only in part, the feed's date, other copies kept) goes to stderr.
                text, *notes = text.split("\n")
                for note in notes:
                    err(f"{safe_line(article.title or article.url, 60)}: {note}")
                references.append((article, text))
            elif args.format == "text" and len(names) > 1:
                out(("\n\n" if printed else "") + f"{article_of(number, len(names))}\n\n{text}")
                printed += 1
            else:
                out(ARTICLES_APART[args.format] + text if printed else text)
                printed += 1
        if status == EXIT_OK and (missed := lib.unmatched_body_rule(target, article)):
            err(unmatched_body(missed))
        return status

    def refresh(target: Entry | str) -> int:
        """The cached article's page fetched again now, what came of it said on stderr: its
        exit status (the copy stays, and is printed, when the site can't be reached)."""
        try:
            # A `Library`: --refresh is refused with --offline.
            renewal = loop.run(lib.refresh_article(target))  # type: ignore[attr-defined]
        except FetchError as error:
            if error.kind == ErrorKind.NOT_CACHED:
                return EXIT_OK  # not cached: showing it fetches it
            copy = lib.cached_article(target)
            kept = f"the copy retrieved {moment_text(copy.fetched_at)} is shown" if copy else ""
            err(f"not fetched again: {error.message}" + (f"; {kept}" if kept else ""))
            return EXIT_FAILED
        err(renewal.said())
        for said in renewal.dropped:  # as the sync says it (README: Corrections)
            err(f"copy dropped: {said}")
        for head, said in renewal.ended:  # a retraction or takedown ended, as the sync says it
            err(f"{head}: {said}")
        return EXIT_OK

    # An id of a search's hit in a kept copy ("2c62e4e2c688@1", `reader list --search --ids`)
    # names that copy: the one its words are in is cited, not the latest (acc47a A7).
    given = given_copies(args.targets)
    names = [name for name, _copy in given]
    # One object for the one id given; a list for several, or for `-` (however many it reads).
    listed = len(args.targets) > 1 or "-" in args.targets

    def run() -> int:
        status = EXIT_OK
        for number, (name, copy_named) in enumerate(given, 1):
            try:
                done = show(name, number, copy_named)
            except FetchError as error:  # no such id, or no web address: the others still go
                if not listed:
                    raise
                err(error.message)
                done = EXIT_FAILED
            status = max(status, done)
        # The styles list references by the first author's surname, or the title's first
        # word past "The", "A", "An" where no one is named: in the order given, the list
        # read newest first (`reader list --ids`), and `sort` misplaces "Élodie" and "Weiß".
        for line in reference_list(references, style):
            out(line)
        if args.format in ("bibtex", "ris"):
            from ..citation_records import bibtex, ris

            if items:
                out((bibtex if args.format == "bibtex" else ris)(items).rstrip("\n"))
        elif args.format == "csl-json" or (args.format == "json" and listed):
            # CSL-JSON is a list of items, one or many; several articles' JSON is a list too.
            out(json_text(items))
        elif items:
            out(json_text(items[0]))
        return status

    with loop:
        return run()


def cmd_save(args: argparse.Namespace) -> int:
    lib = open_library(args)
    if not args.offline:
        lib.start_page_workers()  # as `show` does

    async def save(name: str) -> None:
        target = lib.resolve(name)
        if args.offline:
            already = lib.is_saved(target)
            outcome = SaveOutcome(await lib.save(target, offline=True), None, already)
        else:
            outcome = await lib.save_or_keep(target)
        if (article := outcome.article) is None:
            assert outcome.failure is not None
            # Offline, or the site down: the link is in Saved, for the next sync to fetch.
            out(
                f"saved as a link, not fetched yet ({safe_line(outcome.failure.message, 200)}): "
                "the next sync fetches it"
            )
            return
        said = "already saved" if outcome.already else "saved for good"
        out(f"{said}: {safe_line(article.title or article.url, 120)}")
        if article.incomplete:
            out(f"not all of it: {safe_line(article.incomplete, 300)}")

    return run_until_done(lib, each_article(args.targets, save))


def cmd_unsave(args: argparse.Namespace) -> int:
    lib = open_library(args)

    def unsave(name: str) -> None:
        target = lib.resolve(name)
        tags = lib.tags_of(target)
        if not lib.unsave(target):
            # Nothing to do is no failure (README, Exit status): said, exit 0.
            err(f"not saved: {safe_line(name, 200)}")
            return
        went = f"; its tags went: {', '.join(safe_line(t, 40) for t in tags)}" if tags else ""
        out(f"unsaved (the article stays cached until pruned{went})")

    try:
        # The store alone: no event loop (asyncio's import and a loop's start), as `highlights`.
        return each_article_now(args.targets, unsave)
    finally:
        lib.close()


def cmd_forget(args: argparse.Namespace) -> int:
    lib = open_library(args)

    def forget(name: str) -> None:
        gone = lib.forget(lib.resolve(name))
        if not gone.cached and not gone.saved:
            # Nothing to do is no failure (README, Exit status): said, exit 0.
            err(f"nothing kept of {safe_line(name, 120)}: not cached")
            return
        what = "its cached text, page and copies" if gone.cached else "nothing cached"
        what += "; unsaved" if gone.saved else ""
        if gone.listed:
            what += "; its headline stays in its feed, not cached"
        if kept := marks_kept(gone.highlights, gone.notes):
            what += f"; {kept}"
        named = safe_line(gone.title or shown_url(name), 120)
        out(f"forgotten: {named} ({what})")

    try:
        return each_article_now(args.targets, forget)  # the store alone, as `unsave`
    finally:
        lib.close()


def marks_kept(highlights: int, notes: int) -> str:
    """What `forget` says of your highlights and notes on the article it dropped: kept
    ("its 2 highlights and 1 note are kept: reader highlights lists them"); "" for none."""
    said = [plural(n, noun) for n, noun in ((highlights, "highlight"), (notes, "note")) if n]
    if not said:
        return ""
    verb = "is" if highlights + notes == 1 else "are"
    return f"its {' and '.join(said)} {verb} kept: reader highlights lists them"


def cmd_reextract(args: argparse.Namespace) -> int:
    if not args.all and not args.outdated and not args.targets:
        err("name articles to re-extract (ids or URLs), or give --all or --outdated")
        return EXIT_USAGE
    every = args.all or args.outdated
    # Workers of their own even for one article: only a process's work can be held to the
    # time limit of a page (`within_time`), and stopped past it.
    lib = open_library(args, workers="process")
    show, finish = _reextract_progress(args.quiet)
    last: list[Reextracted] = []

    def progress(state: Reextracted) -> None:
        last[:] = [state]
        show(state)

    async def run() -> int:
        # A full or read-only disk keeps none of them: said once, not once an article (acc31a F3).
        lib.store.check_writable()
        targets = None if every else list(map(lib.resolver(), given_ids(args.targets)))
        shrunk: list[tuple[str, int, int, str]] = []
        try:
            state = await lib.reextract(targets, shrunk, progress, outdated=args.outdated)
        finally:
            finish()
        for url, error in state.failures:
            err(f"not re-extracted: {said_address(line_url(url))}: {error.message}")
        for url, before, now, unit in sorted(shrunk):
            # A site rule that drops too much shows here, not when the article is next read.
            # Counted as the reading view counts it: characters for Chinese and Japanese.
            out(
                f"much shorter now: {said_address(line_url(url))}: {before:,} → {now:,} {unit}",
                sys.stderr,
            )
        if shrunk:
            out(
                "(each page is kept whole: a site rule mended, reextract brings its text back)",
                sys.stderr,
            )
        current = f", {state.current} already current" if args.outdated else ""
        if args.quiet:  # for cron: the failures alone, said above
            return EXIT_OK if not state.failures else EXIT_FAILED
        out(
            f"re-extracted {plural(state.done, 'article')} from their kept pages{current}; "
            f"{len(state.failures)} failed",
            sys.stderr,
        )
        return EXIT_OK if not state.failures else EXIT_FAILED

    try:
        return run_until_done(lib, run())
    except KeyboardInterrupt:
        if not last:
            raise
        state = last[0]
        # Said, not just "interrupted": how far it went, and how to carry on.
        err(
            f"interrupted: {state.done:,} of {state.total:,} articles re-extracted"
            f" ({state.total - state.seen:,} not yet); `reader reextract --outdated` carries on"
            " with those an older extractor made"
        )
        return EXIT_INTERRUPTED


def _reextract_progress(
    quiet: bool,
) -> tuple[Callable[[Reextracted], None], Callable[[], None]]:
    """A progress bar on a terminal (`counted_progress`)."""
    update, finish = counted_progress("re-extracting", quiet)
    return (lambda state: update(state.seen, state.total)), finish


def cmd_config(args: argparse.Namespace) -> int:
    path = config_path(args.config, args.data_dir)
    if args.from_newsboat is not None:
        from .from_newsboat import cmd_from_newsboat

        return cmd_from_newsboat(args)
    if args.path:  # where it is, or would be: asking writes nothing (acc28b D9)
        out(verbatim(str(path)))  # to be used again: its bytes as they are (acc51a A1)
        return EXIT_OK
    try:
        config = config_of(args, create_named=True)  # made with commented defaults the first time
    except ConfigFault:
        _file_it_cannot_read(path)
        raise
    check_keys(config)  # the TUI's keys too, which only the TUI would meet otherwise
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:  # none, and it could not be written: the defaults are the settings
        said = dangling_config(path)  # a link to nothing is said as one (acc51a A13)
        said = said or f"{said_path(path)}: none (it could not be written); the defaults in force"
        out(f"# {said}:\n")
        out(defaults_not_in(""))
        return EXIT_OK
    out(f"# {said_path(path)}")
    out(text.rstrip("\n"))
    if unset := defaults_not_in(text):
        # A file from before a setting existed runs on its default: shown, to be found.
        out(f"\n# Not in {path.name}, so in force with their defaults:\n")
        out(unset)
    _rules_covering_nothing(args, config.ignore)
    if config.commands:
        from ..user_commands import missing_programs

        for line in missing_programs(config.commands):
            err(line)
    return EXIT_OK


def _file_it_cannot_read(path: Path) -> None:
    """A file the reader can't run on is still shown, so that it can be seen and mended: every
    other command stops on it, this one too once shown (acc44a A7)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return
    out(f"# {said_path(path)} (it can't be read as it is: see below)")
    out(text.rstrip("\n"))


def _rules_covering_nothing(args: argparse.Namespace, rules: Iterable[IgnoreRule]) -> None:
    """An `[[ignore]]` rule whose `feed` covers no feed subscribed to (a tag misspelt, a feed
    renamed or removed since) leaves nothing out, silently: said, a line each."""
    named = [(number, rule) for number, rule in enumerate(rules, 1) if rule.feed]
    if not named or not (data_dir(args.data_dir) / "state").exists():
        return  # no rule names a feed, or nothing subscribed to yet
    from contextlib import closing

    with closing(open_library(args)) as lib:
        feeds = lib.feeds()
    for number, rule in named:
        if not any(rule.covers(feed) for feed in feeds):
            err(
                f"ignore (rule {number}): no feed subscribed to is {safe_line(rule.feed, 200)!r}:"
                " the rule leaves nothing out (a feed is named by its address, its name or"
                ' "#tag")'
            )


YOUR_FIELDS = ("read_at", "saved", "tags", "archived", "highlights", "highlights_note")
"""The fields of an article's JSON object that are the reader's own, not the article's: when it
was read, saved, tagged, archived, its highlights and note (`reader export --no-notes` leaves
them out)."""


def article_item(
    lib: StoredLibrary,
    target: Entry | str,
    article: Article,
    kept: KeptHighlights | None,
    yours: bool = True,
) -> dict[str, Any]:
    """The article as an object of `reader show --format json` and `reader export --format
    json`: its metadata and text (`render_item`), and the reader's marks, as `list --json`
    gives them: its id and feed, so that `list --ids | xargs show --format json` keys each
    object back (acc38b K7); null for an address no feed lists, saved or shown by it. Not
    `yours`, the article's alone: none of `YOUR_FIELDS`."""
    from ..citation import cited_url
    from .highlights import highlight_items

    entry = target if isinstance(target, Entry) else None
    item = render_item(article, "json", entry.id if entry else cited_url(article), entry)
    item["id"] = entry.id if entry else None
    item["feed"] = (without_password(entry.feed_url) or None) if entry else None
    record = lib.saved_record(target)
    item["read_at"] = iso_time(lib.reading_times()(entry) if entry else None)
    item["saved"] = record is not None
    item["tags"] = list(saved_tags(record))
    item["archived"] = bool(record and record.get("archived"))
    item["highlights"] = highlight_items(kept)
    item["highlights_note"] = safe_line(kept.kept.note) if kept else ""
    if not yours:
        for field in YOUR_FIELDS:
            del item[field]
    return item
