"""`reader export --format markdown|text|html|epub|json`: cached articles written to one file, to
read on another device with no network (`article_books`), or for a script (JSON). The cache alone is read: an article not cached
is left out and counted, never fetched. An item with no link (a notes feed's, a micro-post, show
notes) is its feed's text, kept with its headline: exported as it is shown."""

from __future__ import annotations

import argparse
import errno
import os
import stat
import sys
import tempfile
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import urldefrag

from ..article_books import (
    Chapter,
    ChapterText,
    book_pictures,
    chapter,
    chapter_text,
    pictures_as_links,
    write_epub,
    write_html,
    write_markdown,
    write_text,
)
from ..commonmark import escape_inline
from ..feed_names import listed_names, source_name
from ..highlights import article_text
from ..keys import article_key, item_address, item_of_address
from ..marks import said_path
from ..models import Article, Entry, FetchError
from ..part_files import PART_SUFFIX, hold, part_prefix, sweep_stale_parts
from ..plural import plural
from ..safe import safe_line
from ..whole_file import process_umask
from .articles import article_item, listed_feeds
from .common import (
    EXIT_FAILED,
    EXIT_OK,
    CommandError,
    UsageError,
    config_of,
    counted_progress,
    err,
    given_ids,
    json_text,
    open_stored_library,
    render,
    render_item,
)
from .date_args import moment, read_since, saved_since, within
from .highlights import after_article

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

    from ..library.highlights import KeptHighlights
    from ..library.stored import StoredLibrary
    from ..reports import Headline

# The options that choose articles: no part of an OPML export, which lists feeds.
_CHOOSING = (
    "ids",
    "saved",
    "unread",
    "highlighted",
    "since",
    "before",
    "read_since",
    "saved_since",
    "feed",
    "tag",
    "not_exported",
    "title",
)
POINTING = "Items pointing into this page"
"""The heading of the list of a feed's items whose links point into an exported page."""

_NARROWING = (
    *("saved", "unread", "since", "before", "read_since", "saved_since", "feed", "tag"),
    "not_exported",
)
"""The choices of `--highlighted`'s articles that leave out some with highlights."""


def cmd_export_articles(args: argparse.Namespace) -> int:
    output = args.output
    if args.format == "epub" and output in (None, "-") and sys.stdout.isatty():
        raise UsageError(
            "an EPUB book is a file: name it with -o FILE (reader export --format epub -o trip.epub)"
        )
    if args.ids and any(getattr(args, name, None) for name in _CHOOSING[1:-1]):
        raise UsageError("articles named by id are exported as they are: no other choice with them")
    # A year's articles take minutes: each read from the cache, then written.
    update, finish = counted_progress("exporting", args.quiet)
    lib = open_stored_library(args)
    try:
        return _export(lib, args, update, finish)
    finally:
        finish()
        lib.close()


def _export(
    lib: StoredLibrary,
    args: argparse.Namespace,
    update: Callable[[int, int], None],
    finish: Callable[[], None],
) -> int:
    """The export, the library open: the contents read first (each article's heading), then
    each chapter's text as it is written; `update` and `finish` its progress."""
    chosen = _chosen(lib, args)
    before = 0
    if args.not_exported:
        chosen, before = _not_exported(lib, chosen)
    if args.format == "json":  # for a script: what it takes is not noted as exported
        return _export_json(lib, args, chosen, update, finish, before)
    style = config_of(args).citation_style
    # Two runs over the articles, each counted as what it is: one count over both read
    # "exported: 152/152" for 76 articles (acc33a A2, acc33b B5).
    contents, contents_read = counted_progress("reading the contents", args.quiet)
    copies = _Copies(args.earlier_copies)
    try:
        chapters, missing = _chapters(
            lib,
            chosen,
            style,
            lambda n: contents(n, len(chosen)),
            args.format,
            copies,
            pictures=not args.no_pictures,
        )
    finally:
        contents_read()
    if not chapters:
        finish()
        return _nothing_exported(lib, missing, before)
    title = safe_line(args.title, 200) if args.title else _title(args, _feed_shown(lib, args.feed))
    made = datetime.now(UTC)

    def written(count: int) -> None:
        update(count, len(chapters))

    def write(into: BinaryIO) -> None:
        if args.format == "epub":
            write_epub(chapters, title, made, into, written)
        elif args.format == "html":
            write_html(chapters, title, into, written)
        elif args.format == "text":
            write_text(chapters, into, written)
        else:
            write_markdown(chapters, title, into, written)

    through = write_output(write, args.output)
    finish()
    # Noted once the file is written whole: an export that failed took nothing.
    left_out = set(missing)
    noted = lib.note_exported([one.link for one in chosen if one.link and one.link not in left_out])
    if not noted and not args.quiet:
        err("not noted as exported: the data directory is read as it is (its older format)")
    folded = len(chosen) - len(chapters) - len(missing)
    _exported(lib, args, len(chapters), missing, copies.left, folded, before, through)
    return EXIT_OK


def _not_exported(lib: StoredLibrary, chosen: list[_Chosen]) -> tuple[list[_Chosen], int]:
    """Those of `chosen` no earlier export took (`--not-exported`: each week's book holds
    what the last did not, the unread left from it no more), and how many were left out."""
    exported = lib.exported_at()
    kept = [one for one in chosen if not one.link or exported(one.link) is None]
    return kept, len(chosen) - len(kept)


def _exported(
    lib: StoredLibrary,
    args: argparse.Namespace,
    count: int,
    missing: list[str],
    uncopied: int = 0,
    folded: int = 0,
    before: int = 0,
    through: Path | None = None,
) -> None:
    """The line an export ends with: how many articles, where (the file a link of the user's
    led to, `through`: that the export went elsewhere than the name given is news), those not
    cached, how many of those exported have earlier copies it left out (`uncopied`), how many
    items were listed with the page they point into rather than written again (`folded`), and
    how many an earlier export took (`before`, `--not-exported`)."""
    where = f" to {args.output}" if args.output not in (None, "-") else ""
    if through is not None:
        where = f" to {said_path(through)} through the link {args.output}"
    left = (
        f"; {plural(len(missing), 'article')} not cached left out{_why_not_cached(lib, missing)}"
        if missing
        else ""
    )
    if folded:
        left += f"; {plural(folded, 'more item')} pointing into a page listed with it"
    if before:
        left += f"; {plural(before, 'article')} exported before left out"
    if uncopied:
        left += f"; {uncopied} with earlier copies kept, not exported (--earlier-copies adds them)"
    if not args.quiet:  # for cron: an article not cached is not a failure
        err(f"{plural(count, 'article')} exported{where} ({args.format}){left}")


def _nothing_exported(lib: StoredLibrary, missing: list[str], before: int = 0) -> int:
    said = [f"{plural(before, 'article')} chosen exported before"] if before else []
    if missing:
        said.append(
            f"{plural(len(missing), 'article')} chosen not cached{_why_not_cached(lib, missing)}"
            if before
            else f"{plural(len(missing), 'article')} chosen, none cached"
            f"{_why_not_cached(lib, missing)}"
        )
    if not said:
        said = ["no article is chosen so (`reader list` takes the same choices)"]
    err(f"nothing to export: {'; '.join(said)}")
    return EXIT_FAILED


def _export_json(
    lib: StoredLibrary,
    args: argparse.Namespace,
    chosen: list[_Chosen],
    update: Callable[[int, int], None],
    finish: Callable[[], None],
    before: int = 0,
) -> int:
    """`--format json`: a list of the cached articles among `chosen`, each the object `reader
    show --format json` prints of it (its text, metadata, marks and highlights: acc44c C9),
    for a script or an archive; those not cached counted, as in every format."""
    missing: list[str] = []
    copies = _Copies(args.earlier_copies)
    pages = _pages(chosen)
    # Each object written as it is made, as the other formats write each chapter: the whole
    # list made first, then dumped, took 894 MB for 15,000 articles (acc50d D1). The first
    # made before the file is opened: with none, nothing is written.
    items = _json_items(lib, pages, missing, copies, update)
    first = next(items, None)
    if first is None:
        finish()
        return _nothing_exported(lib, missing, before)
    count = 0

    def write(into: BinaryIO) -> None:
        nonlocal count
        # As `json_text` writes the whole list (indent=2), byte for byte: "[", each object
        # indented one level more, a comma between them, "]".
        for count, item in enumerate(chain((first,), items), 1):
            text = json_text(item).replace("\n", "\n  ")
            into.write(f"{',' if count > 1 else '['}\n  {text}".encode())
        into.write(b"\n]\n")

    through = write_output(write, args.output)
    finish()
    _exported(lib, args, count, missing, copies.left, len(chosen) - len(pages), before, through)
    return EXIT_OK


def _json_items(
    lib: StoredLibrary,
    pages: list[tuple[_Chosen, list[_Chosen]]],
    missing: list[str],
    copies: _Copies,
    update: Callable[[int, int], None],
) -> Iterator[dict[str, object]]:
    """The JSON object of each cached article of `pages`, one at a time; the links of those not
    cached added to `missing`, `update` told of each read."""
    for count, (one, pointing) in enumerate(pages, 1):
        update(count, len(pages))
        target: Entry | str = one.entry or one.link
        if item_of_address(one.link):
            item = one.entry or lib.entry(item_of_address(one.link))
            article = lib.linkless_text(item) if item is not None else None
            article = article or lib.kept_item_text(one.link)
        else:
            article = lib.cached_article_as_shown(one.link) if one.link else None
        if article is None:
            missing.append(one.link)
            continue
        item = article_item(lib, target, article, lib.highlights_in(target, article))
        if earlier := copies.of(lib, one.link, article):
            item["earlier_copies"] = [_copy_item(copy) for copy in earlier]
        if pointing:
            item["items_pointing_in"] = [
                {
                    "id": p.entry.id if p.entry else None,
                    "title": p.into,
                    "anchor": urldefrag(p.link).fragment,
                }
                for p in pointing
            ]
        yield item


_NOT_CACHED = {
    "to_fetch": "{} not fetched yet (`reader sync` first)",
    "taken_down": "{} taken down (404, 410)",
    "not_page": "{} no article page (a PDF, a feed, another file)",
    "held": "{} to this computer or its network (fetched when opened)",
    "left_out": "{} left out by the cache's size limit",
    "no_text": "{} with no link and no text from the feed",
    "unlisted_item": (
        "{} with no link that no feed lists now (its feed removed, or the item dropped),"
        " its text kept nowhere: highlights kept before its text was kept with them"
        " (`reader highlights` lists them)"
    ),
}


def _why_not_cached(lib: StoredLibrary, links: list[str]) -> str:
    """Why the articles of `links` are not cached, to follow "N articles not cached left out":
    the hint to sync first only when a sync would fetch them all, else each kind counted. A
    sync brings no page taken down, no PDF and no link held (acc33a A15)."""
    kinds = lib.uncached_kinds(links)
    if set(kinds) == {"to_fetch"}:
        return " (`reader sync` first)"
    return ": " + ", ".join(
        _NOT_CACHED[kind].format(kinds[kind]) for kind in _NOT_CACHED if kinds[kind]
    )


def check_article_options(args: argparse.Namespace) -> None:
    """An OPML export lists the feeds: the options choosing articles, and `--earlier-copies`,
    are for the other formats."""
    given = [name for name in _CHOOSING if getattr(args, name, None)]
    if args.format == "opml" and args.earlier_copies:
        raise UsageError(
            "--earlier-copies writes articles' earlier copies: add --format markdown, text, html,"
            " epub or json (OPML lists the feeds)"
        )
    if args.format == "opml" and given:
        option = "an ID" if given[0] == "ids" else f"--{given[0]}"
        raise UsageError(
            f"{option} chooses articles: add --format markdown, text, html, epub or json (OPML lists the feeds)"
        )


@dataclass(frozen=True, slots=True)
class _Chosen:
    """An article asked for, as little of its headline as its chapter needs: a year's
    51,550 headlines are not kept whole (their summaries, which no chapter shows) while the
    book is written."""

    link: str
    """What its article is cached by; for an item with no link, the item's own address
    (`keys.item_address`), which its highlights are kept by."""
    feed: str | None
    """Its feed's name as a list shows it; None for an address no feed lists (its site's)."""
    entry: Entry | None
    """Its headline when it carries files for a player, which the chapter lists, or has no
    link: its feed's text is its chapter."""
    into: str = ""
    """Its headline, for an item pointing into a page (`page#block-20`: one entry of a live
    blog): the page is written once, and its chapter lists each item pointing into it."""


def _chosen(lib: StoredLibrary, args: argparse.Namespace) -> list[_Chosen]:
    """The articles asked for: by id or address (`-` reads them from stdin, one a line, as
    `reader list --ids` prints them), else the headlines of the feed, tag, saved or unread
    ones between the dates, newest first (made one at a time, as `reader list` makes them)."""
    names = given_ids(args.ids)
    if (
        args.ids and not names
    ):  # an empty list piped in (a search that found none): not every article
        return []
    feeds, tags = listed_feeds(lib, args)  # as `list` reads --feed and --tag: the feeds once
    named = listed_names(feeds)
    if names:
        try:
            resolve = lib.resolver()
            return [_choice(resolve(name), named, args.format == "json") for name in names]
        except FetchError as error:
            raise CommandError(error.message) from None
    since = moment(args.since) if args.since is not None else None
    before = moment(args.before, end=True) if args.before is not None else None
    picked = moment(args.saved_since) if args.saved_since is not None else None
    if args.saved or picked is not None:  # a few hundred, those no feed lists too: read whole
        feed = lib.feed_named(args.feed) if args.feed else None
        headlines: Iterable[Headline] = lib.headlines(
            feed, unread_only=args.unread, saved_only=True, tags=tags
        )
    else:
        headlines = lib.streamed_headlines(args.feed, args.unread, tags)
    opened = moment(args.read_since) if args.read_since is not None else None
    headlines = read_since(within(headlines, since, before), lib.reading_times(), opened)
    headlines = saved_since(headlines, picked)
    whole = args.format == "json"  # its id, feed and read mark in each object
    chosen = [_choice(h.entry, named, whole) for h in headlines]
    return _highlighted(lib, chosen, args) if args.highlighted else chosen


def _highlighted(
    lib: StoredLibrary, chosen: list[_Chosen], args: argparse.Namespace
) -> list[_Chosen]:
    """Those of `chosen` whose article has highlights or a note kept (`--highlighted`), and,
    with nothing else to narrow them, every other article `reader highlights` lists after
    them: a saved link's, an import's, one read by its address (they were left out unsaid,
    acc35b F3); narrowed, those left out are counted on stderr."""
    marked = set(lib.highlighted([one.link for one in chosen]))
    kept = [one for one in chosen if one.link in marked]
    listed = {article_key(one.link) for one in chosen}
    others = [link for link in lib.highlighted_links() if article_key(link) not in listed]
    if not others:
        return kept
    narrowed = [name for name in _NARROWING if getattr(args, name, None)]
    if not narrowed:
        return kept + [_Chosen(link, None, None) for link in others]
    options = ", ".join(f"--{name.replace('_', '-')}" for name in narrowed)
    err(
        f"{plural(len(others), 'highlighted article')} outside the choice ({options}) left out:"
        " `reader highlights` lists them"
    )
    return kept


def _choice(target: Entry | str, names: Mapping[str, str], whole: bool = False) -> _Chosen:
    """`target` as an export needs it: its headline kept when its chapter lists its files or
    is its feed's text, or when `whole` (JSON's objects, which name its id and feed)."""
    if not isinstance(target, Entry):
        return _Chosen(target, None, None)
    if not target.link:
        # Its feed's text is all of it: left out as "not cached", a tag's or a feed's export
        # lost every note and micro-post of it unsaid.
        return _Chosen(item_address(target.id), source_name(target, names), target)
    return _Chosen(
        target.link,
        source_name(target, names),
        target if whole or target.enclosures or target.comments else None,
        safe_line(target.title or target.link, 300) if urldefrag(target.link).fragment else "",
    )


def _pages(chosen: list[_Chosen]) -> list[tuple[_Chosen, list[_Chosen]]]:
    """`chosen` a page at a time, each with the items pointing into it (`_Chosen.into`): a live
    blog whose feed lists each entry as an item (`page#block-20`) was written once per item,
    168 times and 19 MB for one page the cache holds once (acc48c C2)."""
    pages: dict[str, tuple[_Chosen, list[_Chosen]]] = {}
    for one in chosen:
        key = article_key(one.link) if one.link and not item_of_address(one.link) else ""
        _page, pointing = pages.setdefault(key or f"{len(pages)}\0{one.link}", (one, []))
        if one.into:
            pointing.append(one)
    return list(pages.values())


def _pointing(pointing: list[_Chosen], fmt: str) -> str:
    """The items pointing into a page, as its chapter lists them after its text: each
    headline with the anchor its link names ("" when none does)."""
    if not pointing:
        return ""
    rows = [(one.into, urldefrag(one.link).fragment) for one in pointing]
    if fmt == "text":
        head = f"{POINTING}\n{'-' * len(POINTING)}"
        return "\n".join([head, "", *(f"- {title} (#{anchor})" for title, anchor in rows)])
    return "\n".join(
        [f"## {POINTING}", "", *(f"- {escape_inline(t)} (#{escape_inline(a)})" for t, a in rows)]
    )


def _chapters(
    lib: StoredLibrary,
    chosen: list[_Chosen],
    style: str,
    read: Callable[[int], None],
    fmt: str = "markdown",
    copies: _Copies | None = None,
    pictures: bool = True,
) -> tuple[list[Chapter], list[str]]:
    """The chapters of the cached articles among `chosen`, and the links of those not cached;
    `read` told how many were read so far. Each chapter's text is read as it is written, in
    `fmt` (`reader export --format`: "text" is plain text, the rest Markdown), with the
    pictures kept of it in an EPUB (unless not `pictures`: `--no-pictures`), and its earlier
    copies as `copies` asks."""
    copies = copies or _Copies(False)
    chapters: list[Chapter] = []
    missing: list[str] = []
    for count, (one, pointing) in enumerate(_pages(chosen), 1):
        read(count)
        if item_of_address(one.link):
            item = one.entry or lib.entry(item_of_address(one.link))
            heading = lib.linkless_heading(item) if item is not None else None
            if item is None:
                # Its feed removed, or the item dropped: the text kept with its highlights.
                heading = lib.kept_item_text(one.link)
                text = partial(_kept_item, lib, one.link, style, fmt)
            else:
                text = partial(_item, lib, item, style, fmt)
            if heading is None:
                missing.append(one.link)  # no text from its feed (or none kept)
                continue
            made = chapter(one.feed or heading.site_name, heading, text)
            chapters.append(replace(made, address=one.link))
            continue
        heading = lib.cached_heading(one.link) if one.link else None
        if heading is None:
            missing.append(one.link)
            continue
        text = partial(_markdown, lib, one.link, style, one.entry, fmt, copies, pointing, pictures)
        chapters.append(chapter(one.feed or heading.site_name, heading, text))
    return chapters, missing


def _markdown(
    lib: StoredLibrary,
    link: str,
    style: str,
    entry: Entry | None,
    fmt: str = "markdown",
    copies: _Copies | None = None,
    pointing: list[_Chosen] | None = None,
    pictures: bool = True,
) -> ChapterText:
    """The chapter of the article cached for `link`, as `reader show --format markdown`
    prints it, pictures as links (but those kept for offline in an EPUB: `book_pictures`),
    or as `reader show` prints it in plain text (`fmt` "text"), with your highlights to mark
    in it and list after it, and its earlier copies after them as `copies` asks; the items
    `pointing` into it listed before its highlights; a book's pictures links too, not
    `pictures` (a 55 MB photo set made a 60 MB book, over a mail-to-device service's limit)."""
    article = lib.cached_article_as_shown(link)
    if article is None:  # gone since the contents were read: another process's prune
        return ChapterText(_left(fmt, "This article left the cache while the book was made."))
    own = article
    earlier = (copies or _Copies(False)).of(lib, link, article)
    # The copies in the file, its notes say which of them is which, not how to run the reader
    # its reader may not have (acc47e E8).
    copied = bool(earlier)
    if fmt == "text":
        kept = lib.highlights_in(link, article)
        shown = render(article, fmt, style, entry, copied=copied, away=True)
        made = _with_marks(shown, own, kept, markdown_marks=False)
        return replace(
            made, earlier=_earlier(earlier, fmt, style), items=_pointing(pointing or [], fmt)
        )
    held = fmt == "epub" and pictures
    files = book_pictures(lib.store.kept_picture_data(link), own) if held else {}
    article = pictures_as_links(article, {address: name for address, (name, _) in files.items()})
    kept = lib.highlights_in(link, article)
    markdown = render(article, "markdown", style, entry, copied=copied, away=True)
    made = _with_marks(markdown, own, kept, {name: body for name, body in files.values()})
    return replace(
        made, earlier=_earlier(earlier, fmt, style), items=_pointing(pointing or [], fmt)
    )


class _Copies:
    """What an export takes of the earlier copies kept of its articles (a correction's, a
    retraction's): each, with `--earlier-copies`; else none, counting the articles that have
    some (`left`), for its summary line to say."""

    def __init__(self, wanted: bool) -> None:
        self.wanted = wanted
        self.left = 0
        """The articles exported without the earlier copies kept of them."""

    def of(self, lib: StoredLibrary, link: str, latest: Article) -> list[Article]:
        """The earlier copies kept of the article at `link` whose latest is `latest`, oldest
        first, each numbered (copy N of M) and told what became of the story since; [] when
        none is asked for, or kept. A damaged one is left out (`numbered_copies`)."""
        if len(latest.versions) < 2:
            return []
        if not self.wanted:
            self.left += 1
            return []
        return [c for c in lib.numbered_copies(lib.cached_link(link)) if c.version < latest.version]


def _earlier(copies: list[Article], fmt: str, style: str) -> str:
    """The earlier `copies` of an article as a chapter shows them after it: each under a
    heading naming it and its retrieval time, then as `reader show --version N` prints it (its
    citation and notes: the latest differs, the story was retracted since, said as to a
    reader of the file), pictures as links; plain text in `fmt` "text", else Markdown, its
    headings under the copy's (acc47e E8: "## Copy 1" then "# Title")."""
    parts = []
    for copy in copies:
        when = (
            copy.fetched_at.isoformat(timespec="seconds")
            if copy.fetched_at
            else "at a time not kept"
        )
        heading = f"Copy {copy.version} of {len(copy.versions)}, retrieved {when}"
        shown = render(_shown(copy, fmt), _written(fmt), style, copied=True, below=2)
        parts.append(
            f"{heading}\n\n{shown.rstrip()}"
            if fmt == "text"
            else f"## {heading}\n\n{shown.rstrip()}"
        )
    return "\n\n".join(parts)


def _copy_item(copy: Article) -> dict[str, object]:
    """An earlier copy of an article as `reader export --format json --earlier-copies` gives
    it: its number and retrieval time (as `versions` lists them), its title, and its text as
    `reader show --version N --format json` gives it, with what became of the story since."""
    item = render_item(copy, "json", copy.url)
    kept = ("version", "title", "markdown", "text", "word_count", "later_retracted")
    shown = {key: item[key] for key in kept if key in item}
    at = copy.fetched_at
    return {**shown, "retrieved": at.isoformat(timespec="seconds") if at else None}


def _left(fmt: str, said: str) -> str:
    """What a chapter says in place of a text gone while the book was made."""
    return said if fmt == "text" else f"*{said}*"


def _shown(article: Article, fmt: str) -> Article:
    """`article` as a chapter in `fmt` shows it: its pictures links in Markdown (a viewer
    would load them from the site), labels with their addresses in text, as `show` prints."""
    return article if fmt == "text" else pictures_as_links(article)


def _item(lib: StoredLibrary, entry: Entry, style: str, fmt: str = "markdown") -> ChapterText:
    """The chapter of an item with no link: the text its feed carried, as `reader show
    --format markdown` prints it (cited without an address, saying so), pictures as links,
    with your highlights of it."""
    article = lib.linkless_text(entry)
    if article is None:  # its text gone since the contents were read: another process's
        return ChapterText(_left(fmt, "This item's text left the store while the book was made."))
    kept = lib.highlights_in(entry, article)
    text = render(_shown(article, fmt), _written(fmt), style, entry, away=True)
    return _with_marks(text, article, kept, markdown_marks=fmt != "text")


def _kept_item(lib: StoredLibrary, address: str, style: str, fmt: str = "markdown") -> ChapterText:
    """The chapter of an item with no link its feed no longer lists (the feed removed, the
    item dropped): the text its feed carried as kept with its highlights, which it holds."""
    article = lib.kept_item_text(address)
    if article is None:  # its highlights dropped since the contents were read
        return ChapterText(_left(fmt, "This item's text left the store while the book was made."))
    kept = lib.highlights_in(address, article)
    text = render(_shown(article, fmt), _written(fmt), style, away=True)
    return _with_marks(text, article, kept, markdown_marks=fmt != "text")


def _written(fmt: str) -> str:
    """The `render` format a chapter of an export in `fmt` is written in."""
    return "text" if fmt == "text" else "markdown"


def _with_marks(
    markdown: str,
    article: Article,
    kept: KeptHighlights | None,
    pictures: dict[str, bytes] | None = None,
    markdown_marks: bool = True,
) -> ChapterText:
    """The chapter of `article` shown as `markdown` (plain text without `markdown_marks`),
    with your highlights `kept` of it to mark in it and list after it (as Markdown or as
    text), and the `pictures` a book holds of it."""
    marked = kept.kept.items if kept else ()
    return chapter_text(
        markdown,
        article,
        marked=marked,
        highlights=after_article(kept, markdown=markdown_marks),
        own=article_text(article) if marked else "",
        pictures=pictures or {},
    )


def _feed_shown(lib: StoredLibrary, feed: str | None) -> str:
    """What the feed list names the feed `--feed` names (by its address, its name or its
    title): the same book title whichever way it was named, not its address (acc41c C5)."""
    if not feed:
        return ""
    url = lib.feed_named(feed)
    return next((f.display_title for f in lib.feeds() if f.url == url), feed)


def _title(args: argparse.Namespace, feed: str) -> str:
    """The book's title when none is given: what was chosen (`feed` the chosen feed's name as
    shown; unread, between dates), and the day and time it was made: each selection and each
    export of a day a title of its own (three books were all "Articles, 2026-12-07", acc50e
    A6)."""
    made = datetime.now().strftime("%Y-%m-%d %H:%M")
    if args.saved or args.saved_since:
        what = "Saved articles"
    elif args.highlighted:
        what = "Highlighted articles"
    elif args.read_since:
        what = "Articles read"
    elif feed:
        what = safe_line(feed, 80)
    elif args.tag:
        what = "#" + ", #".join(safe_line(t, 40) for t in args.tag)
    else:
        what = "Articles"
    if args.unread:
        what = f"{what}, unread" if feed or args.tag else f"Unread {what[0].lower()}{what[1:]}"
    for option in ("since", "before"):
        if (day := getattr(args, option, None)) is not None:
            what += f" {option} {safe_line(day, 30)}"
    if getattr(args, "not_exported", False):
        what += ", not exported before"
    return f"{what}, {made}"


def write_output(write: Callable[[BinaryIO], None], output: str | None) -> Path | None:
    """What `write` writes, to the file `output` (written whole, then put in place: an export
    cut short by a full disk leaves no half book where the last one was), or to stdout. A link
    at `output` is written through, a pipe or a device into (`_written_at`); the file written
    when it is not `output` itself (a link's target, for the summary to name), else None."""
    if output in (None, "-"):
        sys.stdout.flush()
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return None
    partial: Path | None = None
    try:
        path, into_it = _written_at(Path(output))
        through = path if path != Path(output) else None
        if into_it:
            with path.open("wb") as into:
                write(into)
            return through
        # A new file of a name no one could guess or plant a link under (O_EXCL): a fixed
        # ".NAME.part" was opened through a link planted there, overwriting its target with
        # the export (acc32b B13).
        handle, name = tempfile.mkstemp(
            prefix=part_prefix(path), suffix=PART_SUFFIX, dir=path.parent
        )
        partial = Path(name)
        hold(handle)  # locked until put in place: no later export takes it for a stale one
        _keep_mode(handle, path)
        sweep_stale_parts(path, partial)
        with os.fdopen(handle, "wb") as into:
            write(into)
            into.flush()
            os.replace(partial, path)  # the lock still held
    except OSError as error:
        if partial is not None:
            partial.unlink(missing_ok=True)
        raise CommandError(f"cannot write {output}: {error.strerror or error}") from None
    return through


def _keep_mode(handle: int, path: Path) -> None:
    """The part `handle` given the mode (and group, where the user may set it) of the file
    `path` it replaces, as `cp` and a shell's `>` keep them: a pack the teacher had closed to
    the class (0640) became everyone's to read (0644) at the next weekly export (acc52b-6). A
    new file's is the umask's, as any file a command makes, not mkstemp's 0600."""
    try:
        was = os.stat(path)
    except OSError:
        os.fchmod(handle, 0o666 & ~process_umask())
        return
    with suppress(OSError):  # a group the user is not in: the user's own, as `cp` leaves it
        os.fchown(handle, -1, was.st_gid)
    # Set after the group: a chown clears set-id bits. Never set-uid (`cp` drops it too).
    os.fchmod(handle, stat.S_IMODE(was.st_mode) & ~(stat.S_ISUID | stat.S_ISGID))


def _written_at(path: Path) -> tuple[Path, bool]:
    """Where an export named `path` is written, and whether into it as it is (True) rather than
    beside it, then put in place. A special file is never replaced: the export replaced a link
    to an e-reader's book, a pipe and /dev/full with a plain file, saying it succeeded
    (acc50e A1). As `cp` and `tar -f` do: a link is written through, its target replaced
    (atomically, beside it); a pipe, a terminal or a device is written into (`-o /dev/stdout`,
    a FIFO another program reads); a folder or a socket is refused (OSError)."""
    if said := _others_link(path):
        raise OSError(errno.EPERM, said)
    real = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        return real, False  # a new file, or a link to one not made yet
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    if stat.S_ISSOCK(mode):
        raise OSError(errno.ENXIO, "a socket, not a file")
    return real, not stat.S_ISREG(mode)


def _others_link(path: Path) -> str:
    """Why `path` is not written through a link of another user's in it (it, or a folder on
    its way), or "" for none, the user's own or root's: as the kernel's `protected_symlinks`
    in a sticky folder. A student's link in the class's shared folder, named as the teacher's
    weekly export, had it overwrite the teacher's ~/.bashrc (acc52b-2)."""
    for place in (path, *path.parents):
        try:
            found = place.lstat()
        except OSError:
            continue  # not there (yet): nothing is followed
        if not stat.S_ISLNK(found.st_mode) or found.st_uid in (os.geteuid(), 0):
            continue
        from ..store.ownership import user_name

        name = safe_line(user_name(found.st_uid), 64)
        link = "it" if place == path else safe_line(str(place), 200)
        return (
            f"{link} is a link of {name}'s (to {safe_line(os.readlink(place), 200)}), not yours:"
            " a link of another user's is never written through; remove it, or name another file"
        )
    return ""
