"""Feed bytes → a feed's title and its entries, via feedparser (RSS 0.9x/1.0/2.0, Atom, CDF).

Runs in a worker (thread or process) for large feeds: parsing is CPU work.
"""

from __future__ import annotations

import calendar
import codecs
import html
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser
import feedparser.mixin

from .charset import detect_feed_charset
from .config import DEFAULT_LIMITS
from .keys import entry_id
from .models import Entry, ErrorKind, FetchError
from .safe import safe_line
from .urls import absolute_url

# feedparser looks for an e-mail address in each author-like field (<author>, <dc:creator>,
# <managingEditor>…) with a regular expression whose time grows with the square of the field's
# length: a hostile feed's 100 KB author took 141 s, a 1 MB one hours, holding a worker (and a
# quit waiting on it) all that time. No name is this long: the field is cut before the search.
# A wrapper, not a copy, of feedparser's method (pinned in uv.lock), so its logic stays theirs.
MAX_AUTHOR_CHARS = 1000
_sync_author_detail = feedparser.mixin._FeedParserMixin._sync_author_detail


def _capped_author_detail(self: Any, key: str = "author") -> None:
    context = self._get_context()
    value = context.get(key)
    if isinstance(value, str) and len(value) > MAX_AUTHOR_CHARS:
        context[key] = value[:MAX_AUTHOR_CHARS]
    _sync_author_detail(self, key)


feedparser.mixin._FeedParserMixin._sync_author_detail = _capped_author_detail  # type: ignore[method-assign]


# A document type declaration with its internal subset is where entity bombs ("billion
# laughs") and external entities (XXE) live. Feeds don't need one; it is removed before
# parsing, so no entity is ever expanded or fetched whatever the XML parser would do. It can
# only stand in the prolog, before the root element, after any number of comments and
# processing instructions: the prolog is read whole, however long its comments.
_PROLOG_SPACE = re.compile(rb"[ \t\r\n]*")
_DOCTYPE_START = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
# An XML document without a byte-order mark announces its encoding by how it writes "<?"
# (XML 1.0, appendix F): UTF-16 without a BOM is read here as UTF-8, so the DOCTYPE is seen.
_UTF16_WITHOUT_BOM = {b"<\x00?\x00": "utf-16-le", b"\x00<\x00?": "utf-16-be"}


def _as_utf8(body: bytes) -> bytes:
    """A UTF-16 feed (with or without its byte-order mark) as UTF-8, its declaration saying so;
    any other feed as it is."""
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    elif (codec := _UTF16_WITHOUT_BOM.get(body[:4], "")) == "":
        return body
    text = body.decode(codec, errors="replace")
    text = re.sub(r"""(<\?xml[^>]*encoding=)["'][^"']*["']""", r'\1"utf-8"', text, count=1)
    return text.encode("utf-8")


def _doctype_end(body: bytes, start: int) -> int:
    """Where the DOCTYPE at `start` ends: after its ">", past an internal subset whose
    declarations may hold "]" and ">" in their quoted values. The end of the feed when it
    never closes (the parser would refuse what is left)."""
    quote = 0
    in_subset = False
    for i in range(start + 9, len(body)):
        byte = body[i]
        if quote:
            if byte == quote:
                quote = 0
        elif byte in (0x22, 0x27):  # " '
            quote = byte
        elif byte == 0x5B:  # [
            in_subset = True
        elif byte == 0x5D:  # ]
            in_subset = False
        elif byte == 0x3E and not in_subset:  # >
            return i + 1
    return len(body)


# How EBCDIC and UTF-32 write "<?": no feed is written so, and the prolog can't be read here.
_UNREAD_ENCODINGS = (b"\x4c\x6f\xa7\x94", b"<\x00\x00\x00", b"\x00\x00\x00<")


def without_dtd(body: bytes) -> tuple[bytes, bool]:
    """The feed with its DOCTYPE removed, and whether there was one. Raises ValueError for a
    feed in an encoding whose DOCTYPE this can't see (EBCDIC, UTF-32)."""
    if body.startswith(_UNREAD_ENCODINGS):
        raise ValueError("written in EBCDIC or UTF-32, which feeds are not")
    body = _as_utf8(body)
    at = 3 if body.startswith(codecs.BOM_UTF8) else 0
    while True:
        at = _PROLOG_SPACE.match(body, at).end()  # type: ignore[union-attr]
        if body.startswith(b"<?", at):
            end = body.find(b"?>", at + 2)
        elif body.startswith(b"<!--", at):
            end = body.find(b"-->", at + 4)
        elif _DOCTYPE_START.match(body, at):
            return body[:at] + body[_doctype_end(body, at) :], True
        else:
            return body, False  # the root element: no DOCTYPE can follow
        if end < 0:
            return body, False
        at = end + 2 if body[end] == 0x3F else end + 3


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    site_url: str
    entries: tuple[Entry, ...]
    problem: str = ""  # feedparser's complaint about a malformed feed it still read ("bozo")


def _when(struct: time.struct_time | None) -> datetime | None:
    if not struct:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(struct), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _strip_tags(html: Any) -> str:
    return re.sub(r"<[^>]*>", " ", html) if isinstance(html, str) else ""


# The feed's full text of an item is a fallback for a page that gives little (a paywall); a
# long read is well under this, a feed that sends more is not sending an article.
MAX_CONTENT_CHARS = 500_000


def _content(item: Any, summary: str) -> str:
    """The longest of the item's content values when it holds more words than the summary."""
    best = ""
    for part in item.get("content") or ():
        value = part.get("value") if isinstance(part, dict) else None
        if not isinstance(value, str):
            continue
        if part.get("type") == "text/plain":
            # As HTML, so the extractor sees its paragraphs (and no "<" in it is read as a tag).
            value = "".join(
                f"<p>{html.escape(p.strip())}</p>" for p in re.split(r"\n\s*\n", value) if p.strip()
            )
        if len(value) > len(best):
            best = value
    if len(_strip_tags(best).split()) <= len(_strip_tags(summary).split()):
        return ""
    return best[:MAX_CONTENT_CHARS]


def _text(value: Any, limit: int) -> str:
    return safe_line(value if isinstance(value, str) else "", limit)


# RSS 2.0's <author> is an address with the name after it in brackets ("news@x.org (Lena
# Holm)"); Atom's and many feeds' a name, sometimes with the address ("Lena Holm <l@x.org>").
# feedparser's own split of the first form cuts the name ("ple (Lena Holm").
_NAME_AFTER_ADDRESS = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^()]+)\)\s*$")
_ADDRESS_AFTER_NAME = re.compile(r"^\s*(?P<name>[^<>@]+?)\s*[<(]\s*\S+@[^<>()\s]+\s*[>)]\s*$")


def _author(value: Any) -> str:
    """The author's name, without the e-mail address a feed wrote with it; an address alone
    stays (it is all the feed says of who wrote it)."""
    text = _text(value, 400)
    match = _NAME_AFTER_ADDRESS.match(text) or _ADDRESS_AFTER_NAME.match(text)
    return safe_line(match["name"], 200) if match else _text(value, 200)


def parse_feed(
    body: bytes,
    url: str,
    base_url: str = "",
    content_type: str = "",
    header_charset: str | None = None,
) -> ParsedFeed:
    """Parse a downloaded feed; raises FetchError(BAD_FEED) when the bytes are not a feed at all.

    `url` is the subscription's URL (entries belong to it); `base_url`, where the bytes came
    from after redirects, resolves relative links; `content_type` is the media type alone and
    `header_charset` the charset the header gave with it.
    """
    limits = DEFAULT_LIMITS
    base = base_url or url
    # No content-location, no sanitising and no relative-URI pass: they were a third of the
    # parse time (an urljoin per element), and nothing here needs them. Links are made absolute
    # below; feed HTML is never rendered as markup (titles go through safe_line, a summary
    # through the extractor's own cleaning when it is shown).
    try:
        body, had_dtd = without_dtd(body)
    except ValueError as error:
        raise FetchError(ErrorKind.BAD_FEED, f"not a readable feed ({error})", url) from None
    # feedparser follows RFC 3023 to the letter: the header's charset, else US-ASCII for text/xml,
    # and any other codec it falls back on is a "CharacterEncodingOverride" problem. Told the
    # codec our one policy picks, it complains only when that codec can't read the bytes.
    codec = detect_feed_charset(body, header_charset)
    headers = {"content-type": f"{content_type or 'application/xml'}; charset={codec}"}
    try:
        parsed = feedparser.parse(
            body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
        )
    except Exception as error:  # hostile bytes reach corners of feedparser that raise anything
        raise FetchError(
            ErrorKind.BAD_FEED,
            f"not a readable feed ({type(error).__name__}: {safe_line(error, 120)})",
            url,
        ) from None
    meta = parsed.get("feed", {})
    items = parsed.get("entries", [])
    problems = []
    if had_dtd:
        problems.append("its DOCTYPE was ignored (no entities expanded)")
    if parsed.get("bozo"):
        complaint = parsed.get("bozo_exception", "")
        if isinstance(complaint, feedparser.NonXMLContentType):
            # Its message repeats the Content-Type we handed it, charset and all: the server's is
            # the one to name.
            complaint = f"{content_type or 'no Content-Type'} is not an XML media type"
        problems.append("malformed XML, read leniently: " + safe_line(str(complaint), 160))
    if len(items) > limits.max_feed_items:
        problems.append(f"only the newest {limits.max_feed_items} of {len(items)} items kept")
    problem = "; ".join(problems)
    if not items and not meta.get("title"):
        what = problem or "no items and no title"
        raise FetchError(ErrorKind.BAD_FEED, f"not a readable feed ({what})", url)
    feed_title = _text(meta.get("title"), limits.max_title_length)
    site_url = absolute_url(base, meta.get("link", "") or "")
    entries: list[Entry] = []
    seen: set[str] = set()
    for item in items[: limits.max_feed_items]:
        link = absolute_url(base, item.get("link", "") or "")
        summary = item.get("summary", "") or ""
        # An item with no title (a micro-post) is named by the start of its text.
        title = _text(item.get("title"), limits.max_title_length) or _text(_strip_tags(summary), 80)
        key = item.get("id") or link or title
        if not key:
            continue
        eid = entry_id(url, key)
        if eid in seen:  # duplicate GUIDs inside one feed: the first (newest) wins
            continue
        seen.add(eid)
        author = _author(item.get("author"))
        entries.append(
            Entry(
                id=eid,
                feed_url=url,
                title=title or "(untitled)",
                link=link,
                published=_when(item.get("published_parsed")) or _when(item.get("updated_parsed")),
                updated=_when(item.get("updated_parsed")),
                author=author,
                summary=summary[:20000] if isinstance(summary, str) else "",
                feed_title=feed_title,
                content=_content(item, summary if isinstance(summary, str) else ""),
            )
        )
    return ParsedFeed(feed_title, site_url, tuple(entries), problem)
