"""Subscriptions read from files and written to one: `reader import` (OPML, newsboat's urls,
another reader's database, gzipped or not; read marks and saved links with them) and `reader
export`'s OPML."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..feed_names import folded
from ..feed_tags import all_tags
from ..marks import said_address
from ..models import ErrorKind, Feed, FetchError
from ..plural import plural
from ..safe import safe_line
from ..url_display import line_url
from ..urls import written_address
from .common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    CommandError,
    UsageError,
    err,
    open_library,
    open_stored_library,
    out,
    read_input,
    run_until_done,
    xml_text,
)
from .import_marks import (
    apply_marks_said,
    import_again,
    newsboat_proxy_held,
    read_marks_file,
    say_newsboat_leftovers,
    say_where_marks_are,
)

if TYPE_CHECKING:
    from ..library import Library
    from ..opml import Subscriptions
    from ..read_marks import ReadMarks


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
    marks = read_marks_file(args.read_from, args.saved_flags) if args.read_from else None
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
        say_newsboat_leftovers(args.file, read, marks is not None)
        if newsboat_proxy_held(args, lib, marks is not None) and marks is not None:
            lib.close()  # the feeds are subscribed: their fetch waits for the proxy
            return EXIT_FAILED
    if marks is not None:
        from ..library.imported_marks import MarksUnderWay

        state = MarksUnderWay()
        # What this import did, by which its left-outs are said (`lemon24_library.left_out`).
        did = ({url for url, new in done if new}, dict(lib.store.tags_filed))
        try:
            return run_until_done(lib, apply_marks_said(lib, urls, marks, args, state, did))
        except KeyboardInterrupt:
            # Said, not just "interrupted": the marks of the feeds fetched are kept, and the
            # same command brings the rest (acc43a A11).
            err(
                f"interrupted: {state.fetched:,} of {plural(state.total, 'feed')} fetched, their"
                f" read marks applied ({state.marked:,} marked read); `reader import"
                f" {import_again(args)}` again brings the rest"
            )
            return EXIT_INTERRUPTED
    if read.marks_in:
        say_where_marks_are(args.file, read.marks_in)
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


def cmd_export(args: argparse.Namespace) -> int:
    from .export_articles import check_article_options, cmd_export_articles, write_output

    check_article_options(args)
    if args.format != "opml":
        return cmd_export_articles(args)
    from ..opml import to_opml

    lib = open_stored_library(args)
    try:
        feeds = lib.feeds()
        opml = xml_text(to_opml(feeds, passwords=not args.no_passwords).rstrip("\n"))
    finally:
        lib.close()
    if args.output in (None, "-"):
        out(opml)
    else:
        write_output(lambda into: into.write((opml + "\n").encode()), args.output)
    if not args.no_passwords and not args.quiet:
        _say_accounts_written(feeds)
    return EXIT_OK


def _say_accounts_written(feeds: list[Feed]) -> None:
    """That the OPML written holds feeds' accounts (their passwords), which feeds, and how to
    leave them out: a list given to a class carried a feed's password unsaid (acc52b-9)."""
    from ..opml import exported_url

    held = [feed for feed in feeds if exported_url(feed) != exported_url(feed, passwords=False)]
    if not held:
        return
    names = ", ".join(safe_line(feed.display_title, 60) for feed in held[:3])
    more = f" and {len(held) - 3} more" if len(held) > 3 else ""
    whose = "1 feed's password is" if len(held) == 1 else f"{len(held)} feeds' passwords are"
    err(
        f"{whose} in this file: {names}{more} (as `reader feeds --json` gives them);"
        " `--no-passwords` leaves them out"
    )
