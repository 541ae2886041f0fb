"""The subscription commands: add, remove, rename, import, export, feeds."""

from __future__ import annotations

import argparse
import shlex
import sys
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..add_answers import AddAnswer, add_answer
from ..dates import local_minute
from ..discovery import is_comments_feed
from ..failing_feeds import LASTED, failing, failing_lately, failure_of, gone
from ..feed_names import folded, renamed
from ..feed_tags import all_tags, feed_folders
from ..marks import said_address, said_path
from ..models import ErrorKind, Feed, FetchError
from ..plural import plural
from ..safe import safe_line
from ..search_feeds import SEARCH_MARK
from ..typed_address import typed_address
from ..url_display import line_url, shown_apart, shown_url
from ..urls import not_web_url, written_address
from .common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    UsageError,
    counted_progress,
    err,
    given_names,
    iso_time,
    json_text,
    not_subscribed,
    open_library,
    open_stored_library,
    out,
    read_input,
    run_until_done,
    xml_text,
)
from .tags import shown_tags

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from ..config import FetchLimits
    from ..library import Library
    from ..library.imported_marks import MarksUnderWay
    from ..library.saved_imports import SavedImport
    from ..library.stored import StoredLibrary
    from ..opml import MarksElsewhere, Subscriptions
    from ..read_marks import ReadMarks
    from ..search_feeds import SearchFeed


def cmd_add(args: argparse.Namespace) -> int:
    # "feed://…" (a site's subscribe button's), "example.com" as a browser's bar takes it.
    typed = typed_address(args.url)
    if not typed.url:
        # Refused before anything is stored: bad input, as a wrong option is; with the fix
        # when one is plain ("htps://…", quotes pasted with it).
        err(typed.refusal or not_web_url(args.url))
        return EXIT_USAGE
    if typed.note:
        err(typed.note)  # "taken as https://example.com": stdout keeps the answer alone
    args.url = typed.url
    lib = open_library(args)
    lib.start_page_workers()  # a web page's address is read for its feeds: as `show` does

    if args.all and args.title:
        err("--title names one feed, --all adds several: not both")
        return EXIT_USAGE

    def said(answer: AddAnswer) -> None:
        for line in answer.lines:
            if line.error:
                err(line.text)
            else:
                out(line.text)

    async def run() -> int:
        with _said_if_long(args.url, lib.limits):
            added = await lib.add(args.url, name=args.title, keep=args.keep)
        wanted = [f for f in added.feeds if not is_comments_feed(f)] if args.all else []
        if not wanted or added.url or added.error is not None:
            answer = add_answer(added, args.title)
            said(answer)
            return EXIT_FAILED if answer.failed else EXIT_OK
        # Every feed the page names (acc45 A12), one at a time as `add` of each would: one
        # that fails is said and the rest still added.
        out(f"that page names {plural(len(wanted), 'feed')} (comment feeds aside): adding each")
        failed = False
        for feed in wanted:
            try:
                answer = add_answer(await lib.add(feed.url))
            except FetchError as error:  # its address answered 404: the next one still added
                err(safe_line(error.message))
                failed = True
                continue
            said(answer)
            failed = failed or answer.failed
        return EXIT_FAILED if failed else EXIT_OK

    return run_until_done(lib, run())


@contextmanager
def _said_if_long(url: str, limits: FetchLimits) -> Iterator[None]:
    """On a terminal, an answer from `url` still coming past the whole-request deadline (a
    slow link's, or a server's dripping without end) is said once: `reader add` sat silent for
    25 minutes (acc50a A1)."""

    # Here, not at the top: `reader feeds` and the other commands of this module start no
    # event loop (test_start_imports).
    import asyncio

    from ..outages import shown_at

    def waiting() -> None:
        if sys.stderr.isatty():
            longest = f"{limits.longest_answer:g} s at most: [network] longest_answer"
            err(f"still waiting for {shown_at(url)} after {limits.total_timeout:g} s ({longest})")

    said = asyncio.get_running_loop().call_later(limits.total_timeout, waiting)
    try:
        yield
    finally:
        said.cancel()


def cmd_remove(args: argparse.Namespace) -> int:
    if not (args.urls or args.failing or args.gone):
        raise UsageError("give a FEED, `-` (addresses on stdin, one a line), --failing or --gone")
    bulk = args.failing or args.gone or len(args.urls) > 1 or "-" in args.urls
    lib = open_library(args)
    try:
        status = EXIT_OK
        chosen: dict[str, str] = {}  # address: how its line names it
        for name in given_names(args.urls):
            url = lib.feed_named(name.strip())
            if url not in lib.store.feed_urls():
                if not bulk:
                    raise not_subscribed(lib, name)
                err(str(not_subscribed(lib, name)))  # the others still go, as `save` does
                status = EXIT_FAILED
                continue
            # One named alone as before ("unsubscribed: NAME"), an address without its
            # password; several by address.
            # One feed under two accounts: the one gone named by its user name too.
            apart = shown_apart(url, lib.store.feed_urls())
            named = apart if apart != shown_url(url) else written_address(name)
            chosen.setdefault(url, said_address(apart if bulk else named))
        lately = 0  # failing feeds left: their failure not lasted yet
        if args.failing or args.gone:
            picked = gone if args.gone else failing
            for feed in lib.feeds():
                if picked(feed) and feed.url not in chosen:
                    why = f"{feed.display_title}: {feed.last_error}"
                    chosen[feed.url] = (
                        f"{said_address(shown_url(feed.url))} ({safe_line(why, 160)})"
                    )
                elif args.failing and failing_lately(feed) and feed.url not in chosen:
                    lately += 1
        said = "would unsubscribe" if args.dry_run else "unsubscribed"
        for url, words in chosen.items():
            if not args.dry_run:
                lib.remove_feed(url)
            out(f"{said}: {words}")
    finally:
        lib.close()
    if bulk:
        which = "no feed gone for good" if args.gone else "no failing feed"
        nothing = not chosen and (args.failing or args.gone)
        # A summary on stderr, as `sync`'s: stdout keeps a line a feed, for a script.
        out(
            f"{which}: nothing unsubscribed"
            if nothing
            else f"{said} from {plural(len(chosen), 'feed')}"
            + (" (--dry-run: nothing changed)" if args.dry_run else ""),
            sys.stderr,
        )
        if lately:
            out(f"{_failed_lately(lately)}, left subscribed", sys.stderr)
    return status


def _failed_lately(count: int) -> str:
    """The feeds whose last fetch failed that are not failing yet, in a few words."""
    return (
        f"{plural(count, 'feed')} failed lately (a server error, a timeout, nothing answering),"
        f" not for {LASTED.days} days yet: not counted failing"
    )


def cmd_rename(args: argparse.Namespace) -> int:
    lib = open_library(args)
    try:
        before = lib.feeds()
        feed = lib.rename_feed(args.url, args.name)
        if feed is None:
            raise not_subscribed(lib, args.url)
        was = next((f.display_title for f in before if f.url == feed.url), feed.display_title)
        others = [f for f in lib.feeds() if f.url != feed.url]
    finally:
        lib.close()
    out(renamed(was, feed))
    if feed.name and any(folded(f.display_title) == folded(feed.name) for f in others):
        err(
            "another feed is shown by that name too: --feed, remove and rename take neither by "
            "it (their address, as `reader feeds` shows it, names each)"
        )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from ..opml import MAX_OPML_BYTES
    from ..read_marks import is_sqlite
    from ..saved_exports import (
        FORMATS,
        MAX_EXPORT_BYTES,
        ExportError,
        export_kind,
        read_link_list,
        read_saved_export,
    )
    from ..subscriptions import read_subscriptions

    if args.file != "-" and _gzipped(Path(args.file)):
        return _import_gzipped(args)
    if args.file != "-" and is_sqlite(Path(args.file)):
        return _import_database(args)
    # No more than the cap, which `read_subscriptions` refuses in one line.
    data = read_input(args.file, MAX_OPML_BYTES)
    if len(data) > MAX_OPML_BYTES and (args.saved or export_kind(data)):
        # An export of saved articles may be larger (wallabag's holds every article's HTML).
        data = read_input(args.file, MAX_EXPORT_BYTES, data)
    # A read-it-later app's export is articles to save, never feeds to subscribe to.
    try:
        export = read_saved_export(data) if len(data) <= MAX_EXPORT_BYTES else None
    except ExportError as error:
        raise CommandError(str(error)) from None
    if export is None and len(data) > MAX_EXPORT_BYTES:
        raise CommandError(f"the export is larger than {MAX_EXPORT_BYTES // 2**20} MB")
    if export is None and args.saved:
        export = read_link_list(data)
        if export is None:
            raise CommandError(
                "not a wallabag (JSON), Pocket (HTML or CSV), starred-articles (JSON) or bookmarks.html export, nor a"
                " list of addresses one a line"
            )
    if export is not None:
        from .saved_import import import_saved_links

        if args.read_from:
            raise UsageError(
                "--read-from is another reader's read marks, for feeds: not for saved links"
            )
        del data  # the file's bytes: its links are all the import needs (up to 256 MB)
        return import_saved_links(args, export)
    try:
        read = read_subscriptions(data[: MAX_OPML_BYTES + 1], args.file)
    except FetchError as error:
        if error.kind is not ErrorKind.BAD_FEED or not error.message.startswith("not an OPML"):
            raise
        # A JSON or HTML file was the other app's export more often than a list of feeds: what
        # is read is named (acc32a A17).
        raise CommandError(f"{error.message}; {FORMATS}") from None
    if args.saved_flags and not args.read_from:
        raise UsageError("--saved-flags names newsboat's flags in its cache.db: give --read-from")
    marks = _read_marks(args.read_from, args.saved_flags) if args.read_from else None
    return _subscribe_all(args, read, marks)


GZIP_MAGIC = b"\x1f\x8b"
MAX_GUNZIPPED_BYTES = 4 * 2**30
"""The most a gzipped database is unpacked to: a file of a few kilobytes may unpack to any size."""


def _gzipped(path: Path) -> bool:
    """Whether the file at `path` is gzip's (by its first bytes)."""
    try:
        with path.open("rb") as file:
            return file.read(2) == GZIP_MAGIC
    except OSError:
        return False


def _import_gzipped(args: argparse.Namespace) -> int:
    """`reader import` of a gzipped file: lemon24's reader's export (`python -m reader export`,
    a `.sqlite.gz`: acc51b B8, refused as "not UTF-8 text") read as the database it holds,
    unpacked to a temporary file (SQLite reads files); any other said in one line."""
    import gzip
    import shutil
    import tempfile
    import zlib

    from ..read_marks import SQLITE_MAGIC

    path = Path(args.file)
    with tempfile.TemporaryDirectory(prefix="reader-import-") as folder:
        unpacked = Path(folder) / path.name.removesuffix(".gz")
        try:
            with gzip.open(path, "rb") as packed:
                if packed.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                    raise CommandError(
                        f"{safe_line(args.file, 300)} is gzipped: unzip it first (gunzip -k"
                        " FILE), then import what it holds"
                    )
                with unpacked.open("wb") as out_file:
                    out_file.write(SQLITE_MAGIC)
                    shutil.copyfileobj(_capped(packed, MAX_GUNZIPPED_BYTES), out_file)
        except (OSError, EOFError, zlib.error) as error:
            raise CommandError(
                f"{safe_line(args.file, 300)}: gzip could not unpack it ({error})"
            ) from None
        return _import_database(args, unpacked)


class _capped:
    """A file's reads, refused past `limit` bytes (a gzip bomb)."""

    def __init__(self, file: IO[bytes], limit: int) -> None:
        self.file, self.left = file, limit

    def read(self, size: int = -1) -> bytes:
        chunk = self.file.read(size if size > 0 else 2**20)
        self.left -= len(chunk)
        if self.left < 0:
            raise OSError(f"it unpacks to more than {MAX_GUNZIPPED_BYTES // 2**30} GB")
        return chunk


def _import_database(args: argparse.Namespace, path: Path | None = None) -> int:
    """`reader import` of another reader's database (newsraft's, nom's, lemon24's reader's):
    its feeds, and its read marks and stars applied once they are fetched (`reader_databases`).
    `path`: where it is read from, when not the file named (unpacked from gzip)."""
    from ..reader_databases import read_database

    if args.saved:
        raise UsageError("--saved takes a read-it-later export or a list of links, not a database")
    if args.read_from:
        raise UsageError("a reader's database brings its own read marks: no --read-from")
    try:
        read, marks = read_database(path or Path(args.file))
    except ValueError as error:
        raise CommandError(str(error)) from None
    return _subscribe_all(args, read, marks)


LEFT_OUT_NAMED = 10
"""The entries left out of an import named for each reason, at most."""


def _say_left_out(read: Subscriptions) -> None:
    """How many entries of the file were left out, by why, each named with its address (the
    first `LEFT_OUT_NAMED`): which to fix, not only how many (acc40b P8)."""
    for why, count in read.skipped.items():
        named = read.left_out.get(why, [])
        err(f"left out {plural(count, 'feed')} {why}{':' if named else ''}")
        for name, url in named[:LEFT_OUT_NAMED]:
            shown = " ".join(
                p
                for p in (
                    safe_line(name, 80),
                    url and f"<{said_address(written_address(url, 160))}>",
                )
                if p
            )
            err(f"- {shown or '(no name)'}")
        if len(named) > LEFT_OUT_NAMED:
            err(f"- and {len(named) - LEFT_OUT_NAMED} more")


def _say_names_left(names: list[tuple[str, str]], why: str) -> None:
    """The names (by address) an import did not apply, the first three named, and why."""
    shown = ", ".join(
        f"{safe_line(name, 40)} <{said_address(written_address(url, 80))}>"
        for url, name in names[:3]
    )
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    err(f"{plural(len(names), 'name')} {why}: {shown}{more} (`reader rename FEED NAME` gives one)")


def _subscribe_all(args: argparse.Namespace, read: Subscriptions, marks: ReadMarks | None) -> int:
    """Every feed `read` names subscribed to, filed under its tags; then, with `marks`, each
    fetched, the headlines the other reader had read marked read and those it starred saved."""
    if not read.found:
        _say_left_out(read)
        raise CommandError(f"{safe_line(args.file, 200)} names no feed to subscribe to")
    if read.read_as:
        out(f"read as {read.read_as}")
    lib = open_library(args)
    try:
        # A feed subscribed already is filed under the file's tags too, its own kept.
        done = lib.add_feeds(
            (f.url, f.title, f.name, f.tags, f.folders, f.site_url) for f in read.found
        )
        added = sum(new for _, new in done)
        urls = [url for url, _ in done]
        unnamed = _names_not_applied(lib, read, done)
        passwords = _passwords_not_applied(lib, read, done)
    except BaseException:
        lib.close()
        raise
    if marks is None:
        lib.close()
    fetches = "" if marks is not None else "; `reader sync` fetches them"
    out(f"{plural(added, 'feed')} added, {len(read.found) - added} already subscribed{fetches}")
    # Those it filed: run again, an import said it filed the feeds the first had (acc50b).
    if filed := lib.store.tags_filed:
        tags = all_tags(Feed(url, tags=tuple(tags)) for url, tags in filed.items())
        named = ", ".join(safe_line(tag, 30) for tag in tags[:8])
        more = f" and {len(tags) - 8} more" if len(tags) > 8 else ""
        out(f"{plural(len(filed), 'feed')} filed under {plural(len(tags), 'tag')}: {named}{more}")
    _say_left_out(read)
    if unnamed:
        _say_names_left(
            unnamed, "the file gives not applied, the feeds subscribed already keeping theirs"
        )
    if passwords:
        named = ", ".join(said_address(line_url(url)) for url in passwords[:3])
        more = f" and {len(passwords) - 3} more" if len(passwords) > 3 else ""
        err(
            f"{plural(len(passwords), 'feed')} subscribed already kept the password it has, not"
            f" the file's: {named}{more} (`reader add URL` with the new one changes it)"
        )
    if read.repeated:
        # An OPML file's repeats are a web reader's labels (a feed in 2 folders), not slips.
        merged = (
            "their lines' tags" if read.newsboat == "urls" else "subscribed once, their folders"
        )
        out(
            f"{plural(len(set(read.repeated)), 'address', 'addresses')} listed twice or more:"
            f" {merged} merged"
        )
    if read.names_aside:
        _say_names_left(
            read.names_aside, "given again to a feed listed before not taken, its first kept"
        )
    if read.hidden:
        named = ", ".join(
            said_address(written_address(url, 80)) for url in read.hidden[:LEFT_OUT_NAMED]
        )
        more = (
            f" and {len(read.hidden) - LEFT_OUT_NAMED} more"
            if len(read.hidden) > LEFT_OUT_NAMED
            else ""
        )
        err(
            f'{plural(len(read.hidden), "feed")} newsboat hid ("!") shown here, the reader'
            f" hiding none: {named}{more} (`reader remove` one you don't want listed)"
        )
    if read.newsboat:
        _say_newsboat_leftovers(args.file, read, marks is not None)
        if _newsboat_proxy_held(args, lib, marks is not None) and marks is not None:
            lib.close()  # the feeds are subscribed: their fetch waits for the proxy
            return EXIT_FAILED
    if marks is not None:
        from ..library.imported_marks import MarksUnderWay

        state = MarksUnderWay()
        try:
            return run_until_done(lib, _apply_marks(lib, urls, marks, args, state))
        except KeyboardInterrupt:
            # Said, not just "interrupted": the marks of the feeds fetched are kept, and the
            # same command brings the rest (acc43a A11).
            err(
                f"interrupted: {state.fetched:,} of {plural(state.total, 'feed')} fetched, their"
                f" read marks applied ({state.marked:,} marked read); `reader import"
                f" {_again(args)}` again brings the rest"
            )
            return EXIT_INTERRUPTED
    if read.marks_in:
        _say_where_marks_are(args.file, read.marks_in)
    return EXIT_OK


def _passwords_not_applied(
    lib: Library, read: Subscriptions, done: list[tuple[str, bool]]
) -> list[str]:
    """The feeds subscribed already whose address in the file gives another password: an
    import keeps the one a feed has (an old backup's would undo a change), said with how to
    change it (acc51a A4: the file's was dropped without a word)."""
    return [
        url
        for found, (url, new) in zip(read.found, done, strict=True)
        if not new and (feed := lib.store.feed(url)) and feed.new_password(found.url) is not None
    ]


def _names_not_applied(
    lib: Library, read: Subscriptions, done: list[tuple[str, bool]]
) -> list[tuple[str, str]]:
    """The (address, name) of the feeds subscribed already whose name in the file is not the
    one they have: an import keeps the name a feed has (yours, or none), said so (acc43a A17:
    another reader's names were dropped without a word)."""
    unnamed = []
    for found, (url, new) in zip(read.found, done, strict=True):
        if new or not found.name:
            continue
        feed = lib.store.feed(url)
        # The name it shows: one an import gave is dropped as a copy of the feed's own title
        # once fetched (`copies_own_title`), and that title is no other name (acc51d D4).
        if feed is not None and folded(feed.name or feed.title) != folded(found.name):
            unnamed.append((url, found.name))
    return unnamed


def _say_newsboat_leftovers(file: str, read: Subscriptions, marked: bool) -> None:
    """What a newsboat user's file left behind: its read marks (unless `marked`: brought with
    --read-from), the tags `newsboat -e` leaves out, its config's killfile and macros."""
    from ..newsboat_leftovers import (
        NEWSBOAT_OPML_TAGS,
        config_leftovers,
        newsboat_config,
        newsboat_marks,
    )

    opml = read.newsboat == "opml"
    if not marked and (where := newsboat_marks(file, opml)):
        _say_where_marks_are(file, where)
    if opml and not any(found.tags for found in read.found):
        err(NEWSBOAT_OPML_TAGS)
    if line := config_leftovers(newsboat_config(file)):
        err(line)


def _newsboat_proxy_held(args: argparse.Namespace, lib: Library, fetching: bool) -> bool:
    """Whether newsboat's config beside `args.file` fetches through a proxy the reader's own
    config does not set, said in one line: the import's fetches (`fetching`: --read-from's)
    are then not made, and a sync's would connect directly (acc50f A3)."""
    from ..newsboat_leftovers import newsboat_config, proxy_not_in_force, proxy_read_elsewhere

    found = newsboat_config(args.file)
    again = _again(args) if fetching else ""
    if line := proxy_not_in_force(found, lib.limits.proxy, again):
        err(line)
        return True
    if fetching and not lib.limits.proxy and (line := proxy_read_elsewhere(found)):
        err(line)  # which config was read, where the file's own may be elsewhere
    return False


def _say_where_marks_are(file: str, marks: MarksElsewhere) -> None:
    """Where the reader a file came from keeps its read marks, and how to bring them."""
    import shlex

    database = Path(marks.database)
    there = "" if database.is_file() else " (none there now: where it keeps one by default)"
    kept = f"read marks and {marks.stars}" if marks.stars else "read marks"
    out(
        f"{marks.source} keeps its {kept} in its database,"
        f" {safe_line(marks.database, 300)}{there}: `reader import"
        f" {safe_line(shlex.quote(file), 300)} --read-from"
        f" {safe_line(shlex.quote(marks.database), 300)}` brings them (the feeds fetched then)"
    )


def _read_marks(path: str, flags: str = "") -> ReadMarks:
    from ..newsboat_marks import read_marks

    try:
        return read_marks(Path(path), flags)
    except OSError as error:
        raise CommandError(f"cannot read {said_path(path)}: {error.strerror or error}") from None
    except ValueError as error:
        raise CommandError(str(error)) from None


def _again(args: argparse.Namespace) -> str:
    """The import's file and --read-from, as the command to run again takes them."""
    given = [args.file] + (["--read-from", args.read_from] if args.read_from else [])
    return " ".join(shlex.quote(safe_line(a, 300)) for a in given)


async def _apply_marks(
    lib: Library,
    urls: list[str],
    marks: ReadMarks,
    args: argparse.Namespace,
    state: MarksUnderWay | None = None,
) -> int:
    """`imported_marks.apply_marks`, said: the feeds fetched, the headlines marked read, the
    starred articles saved, and what was not brought across."""
    from ..library.imported_marks import apply_marks

    source = marks.source
    show, finish = counted_progress(f"saving {source}'s {marks.star} articles")
    # The feeds' fetch took half a minute with nothing shown (acc43a A11): a bar on a terminal.
    fetching, fetched = counted_progress(f"fetching the feeds for {source}'s read marks")
    try:
        done = await apply_marks(lib, urls, marks, show, _ended(fetching, fetched), state)
    finally:
        fetched()
        finish()
    out(
        f"fetched {plural(done.fetched, 'feed')} ({plural(done.headlines, 'headline')}): "
        f"{done.marked} marked read as {source} had them ({len(marks)} read in {source}'s"
        " list)"
    )
    if marks.deleted:
        out(f"{plural(marks.deleted, 'article')} deleted unread in newsboat: marked read here")
    if done.kept_unread:
        out(
            f"{plural(done.kept_unread, 'headline')} an import marked read before and you marked"
            " unread since: left unread"
        )
    if done.saved is not None:
        out(_stars_saved(done.saved, marks))
    if done.failed:
        names = ", ".join(safe_line(feed.display_title, 40) for feed in done.failed[:3])
        more = f" and {len(done.failed) - 3} more" if len(done.failed) > 3 else ""
        again = _again(args)
        # Why, by kind (acc43a A8): a 404 or 410 will not "answer" later, and a slow site is
        # a setting away.
        why = []
        if done.taken_down:
            why.append(f"{len(done.taken_down)} answered 404 or 410 (`reader remove` one gone)")
        if done.timed_out:
            why.append(
                f"{len(done.timed_out)} timed out (a slow site: `[network] read_timeout`,"
                f" {lib.limits.read_timeout:g} s now)"
            )
        err(
            f"{plural(len(done.failed), 'feed')} could not be fetched ({names}{more}"
            f"{': ' + '; '.join(why) if why else ''}): their read marks are not applied;"
            f" `reader import {again}` again applies them once they answer"
        )
    if marks.flagged:
        letters = marks.flag_letters or "s"
        again = _again(args)
        err(
            f"newsboat's flags on {plural(marks.flagged, 'article')} are not carried over"
            f" (flags mean what each user gives them; theirs: {safe_line(letters, 52)}):"
            f" `reader import {again} --saved-flags {'s' if 's' in letters else letters[:1]}`"
            " saves those flagged so, `s` in the reader one for good"
        )
    for line in marks.untaken:
        err(f"left out: {line}")
    if marks.unlinked_stars:
        err(
            f"left out {plural(marks.unlinked_stars, 'article')} {source} marked {marks.star}"
            " with no web address: nothing to save"
        )
    return EXIT_OK


def _ended(
    update: Callable[[int, int], None], finish: Callable[[], None]
) -> Callable[[int, int], None]:
    """`update`, and `finish` once every item is in: the next bar starts on a clean line."""

    def told(seen: int, total: int) -> None:
        update(seen, total)
        if seen >= total:
            finish()

    return told


def _links(count: int) -> str:
    return "a link" if count == 1 else "links"


def _stars_saved(saved: SavedImport, marks: ReadMarks) -> str:
    """The line of the starred articles saved: how many, and how each was kept."""
    parts = [f"{saved.fetched} for offline reading"] if saved.fetched else []
    if saved.kept:  # the site down or busy now
        unasked = (
            f" ({saved.unasked} not asked: the network did not answer)" if saved.unasked else ""
        )
        parts.append(
            f"{saved.kept} as {_links(saved.kept)} the next `reader sync` fetches{unasked}"
        )
    if saved.failed:
        parts.append(f"{len(saved.failed)} as {_links(len(saved.failed))}, no article there now")
    if saved.local:  # as an export's links are (`saved_imports.import_saved`)
        parts.append(
            f"{saved.local} as {_links(saved.local)} to this computer or its network, not"
            " fetched (open one to fetch it)"
        )
    if saved.copied:  # its page not coming: the text the database held (lemon24's reader's)
        parts.append(f"{saved.copied} with the text {marks.source} kept, its page not fetched")
    if saved.already:
        parts.append(f"{saved.already} saved before")
    if saved.unsaved_since:  # what this import did, not what the database holds (acc51b B10)
        parts.append(f"{saved.unsaved_since} you unsaved since: left as you left them")
    if saved.feeds:
        parts.append(f"{saved.feeds} left out (a feed)")
    marked = f"marked {marks.star}"
    if marks.tagged_alone:
        marked += f" or tagged ({marks.tagged_alone} tagged alone)"
    done = saved.total - saved.already - saved.unsaved_since - saved.feeds
    count = (
        plural(saved.total, "article")
        if done == saved.total
        else f"{done} of the {plural(saved.total, 'article')}"
    )
    tags = (
        f"; filed under {plural(len(saved.tagged_now), 'tag')} it gave them: "
        f"{', '.join(safe_line(t, 40) for t in saved.tagged_now[:8])}"
        if saved.tagged_now
        else ""
    )
    return (
        f"saved {count} {marks.source} {marked} (`reader list --saved`):"
        f" {', '.join(parts) or 'none fetched'}{tags}"
    )


def cmd_export(args: argparse.Namespace) -> int:
    from .export_articles import check_article_options, cmd_export_articles, write_output

    check_article_options(args)
    if args.format != "opml":
        return cmd_export_articles(args)
    from ..opml import to_opml

    lib = open_stored_library(args)
    try:
        opml = xml_text(to_opml(lib.feeds()).rstrip("\n"))
    finally:
        lib.close()
    if args.output in (None, "-"):
        out(opml)
    else:
        write_output(lambda into: into.write((opml + "\n").encode()), args.output)
    return EXIT_OK


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
        out(f"{_failed_lately(lately)} (`reader feeds` shows them)", sys.stderr)
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
