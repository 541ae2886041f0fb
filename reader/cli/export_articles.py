"""`reader export --format markdown|html|epub`: cached articles written to one file, to read on
another device with no network (`article_books`). The cache alone is read: an article not cached
is left out and counted, never fetched."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..article_books import (
    Chapter,
    chapter,
    pictures_as_links,
    write_epub,
    write_html,
    write_markdown,
)
from ..feed_names import names_of, source_name
from ..models import Entry, FetchError
from ..plural import plural
from ..safe import safe_line
from .articles import listed_feeds
from .common import (
    EXIT_FAILED,
    EXIT_OK,
    CommandError,
    UsageError,
    config_of,
    counted_progress,
    err,
    open_library,
    render,
)
from .date_args import between, moment

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..library import Library

# The options that choose articles: no part of an OPML export, which lists feeds.
_CHOOSING = ("ids", "saved", "unread", "since", "before", "feed", "tag", "title")


def cmd_export_articles(args: argparse.Namespace) -> int:
    output = args.output
    if args.format == "epub" and output in (None, "-") and sys.stdout.isatty():
        raise UsageError(
            "an EPUB book is a file: name it with -o FILE (reader export --format epub -o trip.epub)"
        )
    if args.ids and any(getattr(args, name, None) for name in _CHOOSING[1:-1]):
        raise UsageError("articles named by id are exported as they are: no other choice with them")
    # A year's articles take minutes: each read from the cache, then written.
    update, finish = counted_progress("exporting", "exported")
    lib = open_library(args)
    try:
        chosen = _chosen(lib, args)
        style = config_of(args).citation_style
        ticks = len(chosen) * 2
        chapters, missing = _chapters(lib, chosen, style, lambda n: update(n, ticks))
    except BaseException:
        finish()
        raise
    finally:
        lib.close()
    if not chapters:
        finish()
        err(
            f"nothing to export: {plural(missing, 'article')} chosen, none cached (`reader sync` first)"
            if missing
            else "nothing to export: no article is chosen so (`reader list` takes the same choices)"
        )
        return EXIT_FAILED
    title = safe_line(args.title, 200) if args.title else _title(args)
    made = datetime.now(UTC)

    def written(count: int) -> None:
        update(len(chosen) + count, ticks)

    def write(into: BinaryIO) -> None:
        if args.format == "epub":
            write_epub(chapters, title, made, into, written)
        elif args.format == "html":
            write_html(chapters, title, into, written)
        else:
            write_markdown(chapters, into, written)

    try:
        write_output(write, output)
    finally:
        finish()
    where = f" to {output}" if output not in (None, "-") else ""
    left = (
        f"; {plural(missing, 'article')} not cached left out (`reader sync` first)"
        if missing
        else ""
    )
    err(f"{plural(len(chapters), 'article')} exported{where} ({args.format}){left}")
    return EXIT_OK


def check_article_options(args: argparse.Namespace) -> None:
    """An OPML export lists the feeds: the options choosing articles are for the other formats."""
    given = [name for name in _CHOOSING if getattr(args, name, None)]
    if args.format == "opml" and given:
        option = "an ID" if given[0] == "ids" else f"--{given[0]}"
        raise UsageError(
            f"{option} chooses articles: add --format markdown, html or epub (OPML lists the feeds)"
        )


def _chosen(lib: Library, args: argparse.Namespace) -> list[Entry | str]:
    """The articles asked for: by id or address (`-` reads them from stdin, one a line, as
    `reader list --ids` prints them), else the headlines of the feed, tag, saved or unread
    ones between the dates, newest first."""
    names = list(args.ids)
    if names == ["-"]:
        names = [line.strip() for line in sys.stdin if line.strip()]
        if not names:  # an empty list piped in (a search that found none): not every article
            return []
    if names:
        try:
            resolve = lib.resolver()
            return [resolve(name) for name in names]
        except FetchError as error:
            raise CommandError(error.message) from None
    since = moment(args.since) if args.since is not None else None
    before = moment(args.before) if args.before is not None else None
    _, tags = listed_feeds(lib, args)  # as `list` reads --feed and --tag
    feed = lib.feed_named(args.feed) if args.feed else None
    headlines = lib.headlines(feed, unread_only=args.unread, saved_only=args.saved, tags=tags)
    return [h.entry for h in between(headlines, since, before)]


def _chapters(
    lib: Library, chosen: list[Entry | str], style: str, read: Callable[[int], None]
) -> tuple[list[Chapter], int]:
    """The chapters of the cached articles among `chosen`, and how many are not cached; `read`
    told how many were read so far."""
    names = names_of(lib.feeds())
    chapters: list[Chapter] = []
    missing = 0
    for count, target in enumerate(chosen, 1):
        read(count)
        article = lib.cached_article(target)
        if article is None:
            missing += 1
            continue
        entry = target if isinstance(target, Entry) else None
        feed = source_name(entry, names) if entry is not None else article.site_name
        article = pictures_as_links(article)
        chapters.append(chapter(feed, article, render(article, "markdown", style, entry)))
    return chapters, missing


def _title(args: argparse.Namespace) -> str:
    """The book's title when none is given: what was chosen, and the day."""
    day = datetime.now().strftime("%Y-%m-%d")
    if args.saved:
        what = "Saved articles"
    elif args.feed:
        what = safe_line(args.feed, 80)
    elif args.tag:
        what = "#" + ", #".join(safe_line(t, 40) for t in args.tag)
    else:
        what = "Articles"
    return f"{what}, {day}"


def write_output(write: Callable[[BinaryIO], None], output: str | None) -> None:
    """What `write` writes, to the file `output` (written whole, then put in place: an export
    cut short by a full disk leaves no half book where the last one was), or to stdout."""
    if output in (None, "-"):
        sys.stdout.flush()
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    path = Path(output)
    partial: Path | None = None
    try:
        # A new file of a name no one could guess or plant a link under (O_EXCL): a fixed
        # ".NAME.part" was opened through a link planted there, overwriting its target with
        # the export (acc32b B13).
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        partial = Path(name)
        os.fchmod(handle, 0o666 & ~_umask())  # as any file a command makes, not mkstemp's 0600
        with os.fdopen(handle, "wb") as into:
            write(into)
        os.replace(partial, path)
    except OSError as error:
        if partial is not None:
            partial.unlink(missing_ok=True)
        raise CommandError(f"cannot write {output}: {error.strerror or error}") from None


def _umask() -> int:
    """This process's umask (read by setting it: put back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
