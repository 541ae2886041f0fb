"""Links to read later, read from another app's export for `reader import`: wallabag's JSON
(2.x "Export → JSON"), Pocket's `ril_export.html` and its newer CSV (`part_000000.csv`), and a
browser's bookmarks.html (the Netscape format Instapaper, Raindrop and every browser write).
Each link with what the file says of it: its title, when it was added, its tags, whether it
was read (archived). No network here: the links are saved by `library.saved_imports`.

The HTML formats are read by an HTML tokenizer, never as XML: a bookmarks file's DOCTYPE is no
attack, and it loads no DTD nor entity whatever the file declares; nor does it build a tree,
whose depth a bookmarks file (never closing a `<DT>`) outgrows."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import zlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from .charset import decode_html
from .highlights import MAX_NOTE
from .safe import safe_line, safe_text
from .urls import is_web_url, without_credentials

MAX_EXPORT_BYTES = 256 * 2**20
"""The largest export read: wallabag's JSON carries every article's HTML (a 2,000-entry one is
tens of MB)."""

_POCKET_CSV_HEADER = ("title", "url", "time_added")


@dataclass(frozen=True)
class SavedNote:
    """A passage the user marked in the app the export came from, with their note on it
    (wallabag's annotation): kept here as a highlight (`Library.import_highlights`)."""

    quote: str  # the words marked, as the app quotes them: one line or several
    note: str = ""
    at: datetime | None = None  # when it was made


MAX_QUOTE = 10_000
"""As long a passage as is kept of a note: a few paragraphs; the rest is no highlight."""


@dataclass(frozen=True)
class SavedLink:
    """One link of an export, as the file gives it."""

    url: str
    title: str = ""
    added: datetime | None = None
    tags: tuple[str, ...] = ()
    read: bool = False  # read or archived in the app it came from
    kept_html: bytes = b""
    """The HTML of the article's text as the app kept it when the page was alive (wallabag's
    `content`), as UTF-8 compressed (`kept_text` reads it): held so through the import, an
    export's every text (most of its size) takes a fifth of it in memory, not one to four
    times it as text."""
    author: str = ""  # the article's authors as the app read them (wallabag's `published_by`)
    notes: tuple[SavedNote, ...] = ()  # the passages marked there, with their notes
    published: datetime | None = None  # when the article was published, as the app read it
    language: str = ""  # its language as the app read it (wallabag's `language`)
    kept_by: str = "wallabag"  # the app whose copy `kept_html` is (`Article.kept_by`)

    @property
    def kept_text(self) -> str:
        """`kept_html` as text, "" for none: untrusted as any page, read only when the page
        doesn't come now."""
        if not self.kept_html:
            return ""
        return zlib.decompress(self.kept_html).decode("utf-8", errors="replace")


@dataclass(frozen=True)
class SavedExport:
    """The links of an export file, the app it came from ("wallabag", "Pocket", "bookmarks"),
    and what of the file they leave out or change, counted to be said: entries with no web
    address, times added that can't be (the year 9999, before 1995: saved as added now)…"""

    kind: str
    links: tuple[SavedLink, ...]
    skipped: int = 0
    bad_dates: int = 0
    twice: int = 0  # links the file gives again (kept once)
    sites: int = 0  # bookmarks of a site's home page or of a feed, left out: no article
    # (of a list of addresses: those of a feed)
    credentials: int = 0  # links whose name and password were dropped
    starred: int = 0  # links starred there (wallabag's `is_starred`), tagged STARRED here


STARRED = "starred"
"""The tag an article starred in wallabag is filed under: every link of an export is saved, so
the star is the one mark left to keep (acc43a A7), as a tag, which lists them and can go."""

FORMATS = (
    "`reader import` reads OPML, a list of feed addresses, and wallabag (JSON), Pocket (HTML"
    " or CSV), FreshRSS's or Inoreader's starred articles (JSON) and bookmarks.html exports"
)


class ExportError(ValueError):
    """An export that can't be read (no valid JSON, a CSV field past 128 KB, nesting past what
    a parser takes), with why in one line."""


def read_saved_export(data: bytes) -> SavedExport | None:
    """The links of a read-it-later export or a bookmarks file, told by their shape; None when
    `data` is none of them (an OPML file, a list of feeds). Raises ExportError for one of them
    that can't be read."""
    kind = export_kind(data)
    if kind in ("Pocket", "bookmarks"):
        # In the charset it declares, or its BOM says: an old browser's is windows-125x, an
        # Edge or IE one UTF-16 (acc32b B11).
        return _html_links(decode_html(data), kind)
    if not kind:
        return None
    if kind == "wallabag":
        return _wallabag(data)
    if kind == "Google Reader":
        return _google_reader(data)
    # A stray bad byte in a title is no reason to refuse a library's links.
    return _pocket_csv(data.decode("utf-8-sig", errors="replace"))


def export_kind(head: bytes) -> str:
    """What kind of export a file is, told by its start (`head`: its first megabytes will
    do): "wallabag", "Pocket CSV", "Pocket" (HTML), "bookmarks", or "" for none of them."""
    start = _head_text(head[:200_000])
    first = start.lstrip()[:2000]
    if first.startswith("["):
        return "wallabag"
    if first.startswith("{") and _GOOGLE_ITEMS.search(start):
        return "Google Reader"
    if first.lower().startswith(_POCKET_CSV_HEADER[0]) and _is_pocket_csv(first):
        return "Pocket CSV"
    if first.lower().startswith("<!doctype netscape-bookmark-file"):
        return "bookmarks"
    # Told by its structure, never by a word anywhere in the file: a feed titled
    # "time_added=1764000000" made the user's own OPML backup a "Pocket export" (acc32b B9).
    if first.startswith("<") and not _OPML_START.match(first) and _POCKET_LINK.search(start):
        return "Pocket"
    return ""


# FreshRSS's and Inoreader's starred articles: Google Reader's stream, an object with `items`.
_GOOGLE_ITEMS = re.compile(r'^\{.*?"items"\s*:\s*\[', re.S)
_LABEL = "user/-/label/"
_READ_STATE = "user/-/state/com.google/read"

# An XML file (an OPML one) opens with its declaration or its root; Pocket's is an HTML page.
_OPML_START = re.compile(r"(?:<!--.*?-->\s*)*<(?:\?xml|opml)\b", re.I | re.S)
# Pocket's links: an `<a>` tag with its own `time_added` attribute.
_POCKET_LINK = re.compile(r"<a\s[^<>]*\btime_added\s*=", re.I)


def _head_text(head: bytes) -> str:
    """The start of a file as text enough to tell its kind: UTF-16 by its BOM, else UTF-8, any
    byte that isn't dropped (a windows-1252 bookmarks file's letters are no part of its shape)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    return head.decode("utf-8-sig", errors="ignore")


def read_link_list(data: bytes) -> SavedExport | None:
    """A plain list of addresses, one a line (`reader import --saved urls.txt`), as links to
    save; None when it holds no web address."""
    text = _text(data)
    if text is None:
        return None
    links, skipped, feeds = [], 0, 0
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_web_url(line):
            skipped += 1
        elif _FEED_PATH.search(urlsplit(line).path):
            # No article to read later, and kept it was a "file" link every sync counted, as
            # a bookmarks file's feed was before it was left out (acc33a A9).
            feeds += 1
        else:
            links.append(SavedLink(line))
    return _export("list", links, skipped, sites=feeds) if links or feeds else None


def _text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _export(kind: str, links: list[SavedLink], skipped: int, **counts: Any) -> SavedExport:
    """The export of `links`: each without the name and password it held (a file from elsewhere
    sent them as Basic auth to whatever host it named, acc32b B1), then each address once (the
    first), as an export may list one twice; those dropped counted."""
    credentials = 0
    seen: set[str] = set()
    kept = []
    for link in links:
        if (url := without_credentials(link.url)) != link.url:
            credentials += 1
            link = replace(link, url=url)
        if link.url not in seen:
            seen.add(link.url)
            kept.append(link)
    twice = len(links) - len(kept)
    return SavedExport(kind, tuple(kept), skipped, twice=twice, credentials=credentials, **counts)


def _title(value: Any) -> str:
    return safe_line(value, 500) if isinstance(value, str) else ""


def _compressed_html(value: Any) -> bytes:
    """wallabag's `content` as `SavedLink.kept_html` keeps it; b"" for none."""
    if not isinstance(value, str) or not value.strip():
        return b""
    # A lone surrogate (a "\\ud800" in the JSON) is no character: replaced, as a bad byte is.
    return zlib.compress(value.encode("utf-8", errors="replace"), 1)


def _authors(value: Any) -> str:
    names = value if isinstance(value, list) else [value]
    return safe_line(", ".join(n for n in names if isinstance(n, str) and n.strip()), 300)


def _annotations(values: Any) -> tuple[SavedNote, ...]:
    """wallabag's annotations of an entry: each the passage it quotes (`quote`), the note
    (`text`) and when it was made (`created_at`); one quoting nothing and saying nothing left
    out."""
    if not isinstance(values, list):
        return ()
    notes = []
    for value in values:
        if not isinstance(value, dict):
            continue
        quote, note = value.get("quote"), value.get("text")
        quote = safe_text(quote)[:MAX_QUOTE].strip() if isinstance(quote, str) else ""
        note = safe_line(note[: 2 * MAX_NOTE]) if isinstance(note, str) else ""
        if quote or note:
            notes.append(SavedNote(quote, note, _iso(value.get("created_at"))))
    return tuple(notes)


def _tags(values: Any) -> tuple[str, ...]:
    if isinstance(values, str):
        values = values.replace("|", ",").split(",")
    if not isinstance(values, list):
        return ()
    names = (v.get("label") if isinstance(v, dict) else v for v in values)
    return tuple(t for name in names if isinstance(name, str) and (t := safe_line(name, 60)))


# A time before 1995 or in the year 3000 is no time a link was saved at; one past 9999 in
# UTC ("9999-12-31T23:59:59-23:59") could not even be read back as a date (acc32b B14).
_EARLIEST, _LATEST = 788_918_400, 32_503_680_000


def _epoch(value: Any) -> datetime | None:
    try:
        seconds = int(str(value).strip())
    except ValueError:
        return None
    if not _EARLIEST <= seconds <= _LATEST:
        return None
    return datetime.fromtimestamp(seconds, UTC)


def _iso(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        seconds = moment.timestamp()
    except (ValueError, OverflowError):
        return None
    return moment if _EARLIEST <= seconds <= _LATEST else None


def _wallabag(data: bytes) -> SavedExport:
    """wallabag's JSON: an array of entries, each with `url` (`given_url` the one saved),
    `title`, `created_at`, `is_archived`, `tags` (labels), `content` (the text wallabag kept,
    `published_by` its authors) and `annotations` (the passages the user marked, `quote`, and
    their notes, `text`). Read an entry at a time: the whole array made into objects
    took 27 times the file (a 256 MB one of `{}`s, 7 GB), and only a link of each is kept;
    decoded a chunk at a time too (`_JsonStream`), each entry's text kept compressed."""
    decoder = json.JSONDecoder()
    stream = _JsonStream(data)
    links, skipped, bad, starred = [], 0, 0, 0
    addressed = False  # an entry named a "url", a web one or not
    own: bool | None = None  # the reader's own export, told by its first entry
    if stream.next_char() != "[":
        raise ExportError("not a wallabag export (JSON): it is no list of entries")
    stream.take()
    first = True
    while stream.next_char() != "]":
        if not first:
            if stream.next_char() != ",":
                raise ExportError(f"not a readable wallabag export (JSON): {stream.where()}")
            stream.take()
        first = False
        entry = stream.value(decoder)
        own = _own_entry(entry) if own is None else own
        url = entry.get("url") if isinstance(entry, dict) else None
        addressed = addressed or url is not None
        if not isinstance(url, str) or not is_web_url(url.strip()):
            skipped += 1
            continue
        assert isinstance(entry, dict)
        if own:
            links.append(_own_link(url.strip(), entry))
            continue
        created = entry.get("created_at")
        added = _iso(created)
        bad += added is None and isinstance(created, str) and bool(created.strip())
        tags = _tags(entry.get("tags"))
        if entry.get("is_starred") in (1, True, "1"):
            starred += 1
            tags = tags if STARRED in map(str.casefold, tags) else (*tags, STARRED)
        links.append(
            SavedLink(
                url.strip(),
                _title(entry.get("title")),
                added,
                tags,
                bool(entry.get("is_archived")),
                _compressed_html(entry.get("content")),
                _authors(entry.get("published_by")),
                _annotations(entry.get("annotations")),
                # The one date a researcher cites, in the file (acc43a A7): kept with the copy.
                _iso(entry.get("published_at")),
                safe_line(entry.get("language"), 20)
                if isinstance(entry.get("language"), str)
                else "",
            )
        )
    stream.take()
    if stream.next_char():
        raise ExportError(f"not a readable wallabag export (JSON): {stream.where()}")
    if not links and not skipped:
        raise ExportError("a wallabag export with no entries: nothing to import")
    if not addressed:
        raise ExportError(f'not a wallabag export: no entry of it has a "url" ({FORMATS})')
    return _export(OWN if own else "wallabag", links, skipped, bad_dates=bad, starred=starred)


OWN = "reader"
"""The kind of the reader's own `reader export --format json` (`SavedExport.kind`)."""

OWN_COPY = "a reader export"
"""Whose copy an article's text is, taken from the reader's own JSON export (`Article.kept_by`):
"this is the text a reader export kept"."""

_OWN_FIELDS = frozenset({"markdown", "text", "extractor", "word_count_unit"})
"""Fields every object of `reader export --format json` has (`render_item`), wallabag's none."""


def _own_entry(entry: Any) -> bool:
    """Whether `entry`, a JSON list's first, is one of the reader's own export (`reader export
    --format json`), not wallabag's: it was imported as "a wallabag export" (acc52b-10)."""
    return isinstance(entry, dict) and entry.keys() >= _OWN_FIELDS


def _own_link(url: str, entry: dict[str, Any]) -> SavedLink:
    """An object of the reader's own JSON export as a link to save, as wallabag's is: its title,
    when its text was retrieved (`fetched_at`), its tags and archived mark (when the file
    has them: `--no-notes` leaves them out), its text (its Markdown, as HTML, the copy to cache
    should its page not come now), its author, date and language, and its highlights with their
    notes."""
    from .article_books import markdown_html

    markdown = entry.get("markdown")
    highlights = entry.get("highlights")
    marked = (
        [
            {"quote": h.get("text"), "text": h.get("note"), "created_at": h.get("kept_at")}
            for h in highlights
            if isinstance(h, dict)
        ]
        if isinstance(highlights, list)
        else []
    )
    author = entry.get("author")
    return SavedLink(
        url,
        _title(entry.get("title")),
        _iso(entry.get("fetched_at")),
        _tags(entry.get("tags")),
        bool(entry.get("archived")),
        _compressed_html(markdown_html(markdown)) if isinstance(markdown, str) else b"",
        safe_line(author, 200) if isinstance(author, str) else "",
        _annotations(marked),
        _iso(entry.get("published")),
        safe_line(entry.get("language"), 20) if isinstance(entry.get("language"), str) else "",
        kept_by=OWN_COPY,
    )


def _google_reader(data: bytes) -> SavedExport:
    """FreshRSS's "export starred articles" and Inoreader's JSON, in Google Reader's stream
    shape (acc43a A5): `items`, each with its link (`canonical`, else `alternate`: `href`),
    `title`, `published` (epoch seconds: kept as the time it was added, the file giving no
    other), `author`, and `categories`: its labels (`user/-/label/NAME`, tags here) and
    states (`user/-/state/com.google/read`: read). The whole document decoded at once: such
    exports are of starred articles, thousands at most."""
    try:
        document = json.loads(data.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError) as error:
        raise ExportError(f"not a readable starred-articles export (JSON): {error}") from None
    items = document.get("items") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise ExportError("not a starred-articles export (JSON): it has no list of items")
    links, skipped, bad = [], 0, 0
    for item in items:
        url = _item_link(item)
        if url is None:
            skipped += 1
            continue
        categories = [c for c in item.get("categories") or () if isinstance(c, str)]
        published = item.get("published")
        added = _epoch(published)
        bad += added is None and published not in (None, "")
        labels = [c[len(_LABEL) :] for c in categories if c.startswith(_LABEL)]
        links.append(
            SavedLink(
                url,
                _title(item.get("title")),
                added,
                _tags(labels),
                _READ_STATE in categories,
                author=_authors(item.get("author")),
            )
        )
    if not links and not skipped:
        raise ExportError("a starred-articles export with no items: nothing to import")
    return _export("starred", links, skipped, bad_dates=bad)


def _item_link(item: Any) -> str | None:
    """The web address of a Google Reader stream's item: its `canonical`, else `alternate`."""
    if not isinstance(item, dict):
        return None
    for key in ("canonical", "alternate"):
        for ref in item.get(key) or ():
            href = ref.get("href") if isinstance(ref, dict) else None
            if isinstance(href, str) and is_web_url(href.strip()):
                return href.strip()
    return None


_CHUNK = 1 << 18
"""The bytes of an export decoded at a time, at the least (`_JsonStream`)."""


class _JsonStream:
    """A JSON document's bytes read as text a chunk at a time, its values taken one by one
    (`value`): the text of the whole file held at once was one to four times its size (four
    for a text with one letter past the BMP), beside its bytes. UTF-8, a BOM ignored, a byte
    that is none replaced, as a chunk's end splitting a letter is not."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._read = 3 if data.startswith(codecs.BOM_UTF8) else 0
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._text = ""
        self._at = 0  # where in `_text` the next value starts
        self._lines = 0  # the lines of the text dropped before `_text`

    def _more(self) -> bool:
        """Decode the next chunk (as long as the text held, at the least: a value longer
        than a chunk is tried again as many times as it doubles); False at the end."""
        if self._read >= len(self._data):
            return False
        size = max(_CHUNK, len(self._text) - self._at)
        chunk = self._data[self._read : self._read + size]
        self._read += len(chunk)
        self._lines += self._text.count("\n", 0, self._at)
        done = self._read >= len(self._data)
        self._text = self._text[self._at :] + self._decoder.decode(chunk, done)
        self._at = 0
        return True

    def next_char(self) -> str:
        """The next character after spaces, "" at the end."""
        while True:
            self._at = _skip_space(self._text, self._at)
            if self._at < len(self._text) or not self._more():
                return self._text[self._at : self._at + 1]

    def take(self) -> None:
        """Step over the character `next_char` gave."""
        self._at += 1

    def value(self, decoder: json.JSONDecoder) -> Any:
        """The JSON value starting at the next character: an ExportError when none does."""
        self.next_char()
        while True:
            try:
                value, end = decoder.raw_decode(self._text, self._at)
            except RecursionError:
                raise ExportError("not a wallabag export (JSON): nested too deep") from None
            except ValueError:
                # Cut by the chunk's end, or not JSON: told by the text after it.
                if self._more():
                    continue
                raise ExportError(
                    f"not a readable wallabag export (JSON): {self.where()}"
                ) from None
            if end >= len(self._text) and self._more():
                continue  # a number may go on past the chunk ("12" of "1234")
            self._at = end
            return value

    def where(self) -> str:
        line = self._lines + self._text.count("\n", 0, self._at) + 1
        return f"something else than an entry at line {line}"


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _is_pocket_csv(start: str) -> bool:
    header = next(csv.reader(io.StringIO(start.splitlines()[0])), [])
    return tuple(h.strip().lower() for h in header[:3]) == _POCKET_CSV_HEADER


def _pocket_csv(text: str) -> SavedExport:
    """Pocket's CSV (2025): `title,url,time_added,cursor,tags,status`, tags apart by "|",
    status "unread" or "archive"."""
    links, skipped = [], 0
    try:
        rows = list(csv.DictReader(io.StringIO(text)))
    except csv.Error as error:
        # Past 128 KB a field is no title nor address: a quote never closed, most likely.
        raise ExportError(f"not a readable Pocket export (CSV): {error}") from None
    for row in rows:
        row = {(k or "").strip().lower(): (v or "") for k, v in row.items() if isinstance(v, str)}
        url = row.get("url", "").strip()
        if not is_web_url(url):
            skipped += 1
            continue
        status = row.get("status", "").strip().lower()
        links.append(
            SavedLink(
                url,
                _title(row.get("title")),
                _epoch(row.get("time_added")),
                _tags(row.get("tags", "")),
                status in ("archive", "archived", "read"),
            )
        )
    return _export("Pocket", links, skipped)


class _LinkReader(HTMLParser):
    """The `<a>` tags of a page and the text of each, read as a stream: a bookmarks file never
    closes its `<DT>`s, so a tree of it nests every bookmark in the one before, and libxml2
    stopped building it 256 deep, 252 bookmarks into a folder (acc32b B2). No tree here, no
    depth; entities in attributes and text decoded as a browser would, none declared loaded."""

    def __init__(self, kind: str) -> None:
        super().__init__(convert_charrefs=True)
        self.kind = kind
        self.links: list[SavedLink] = []
        self.skipped = 0
        self.sites = 0
        self._read = False  # under Pocket's "Read Archive"
        self._a: dict[str, str] | None = None
        self._h1: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._close_link()
            self._a = {name: value or "" for name, value in attrs}
            self._text = []
        elif tag == "h1":
            self._h1 = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._close_link()
        elif tag == "h1" and self._h1 is not None:
            # Pocket's sections; a bookmarks file's one h1 is its title.
            heading = "".join(self._h1).lower()
            self._read = self.kind == "Pocket" and "archive" in heading
            self._h1 = None

    def handle_data(self, data: str) -> None:
        if self._a is not None and sum(map(len, self._text)) < 4000:
            self._text.append(data)
        if self._h1 is not None:
            self._h1.append(data)

    def close(self) -> None:
        super().close()
        self._close_link()

    def _close_link(self) -> None:
        if self._a is None:
            return
        attrs, self._a = self._a, None
        url = attrs.get("href", "").strip()
        if not is_web_url(url):
            self.skipped += 1
            return
        if self.kind == "bookmarks" and _no_article(url):
            self.sites += 1
            return
        added = attrs.get("time_added") or attrs.get("add_date")
        self.links.append(
            SavedLink(
                url,
                _title("".join(self._text).strip()),
                _epoch(added),
                _tags(attrs.get("tags", "")),
                self._read,
            )
        )


def _html_links(text: str, kind: str) -> SavedExport:
    """The links of a bookmarks.html (`<DT><A HREF ADD_DATE TAGS>`) or of Pocket's
    ril_export.html (`<a href time_added tags>` under "Unread", then "Read Archive": read)."""
    reader = _LinkReader(kind)
    reader.feed(text)
    reader.close()
    return _export(kind, reader.links, reader.skipped, sites=reader.sites)


_FEED_PATH = re.compile(r"(?:/feed|/rss|/atom|\.rss|\.atom|\.xml|/feed\.json)/?$", re.I)


def _no_article(url: str) -> bool:
    """A browser's bookmark of a site's home page or of a feed: no article to read later, and
    saved it failed at every sync for good (acc32a A13)."""
    parts = urlsplit(url)
    return (parts.path in ("", "/") and not parts.query) or bool(_FEED_PATH.search(parts.path))
