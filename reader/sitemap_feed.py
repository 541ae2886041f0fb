"""A site's sitemap (sitemaps.org's `<urlset>`, Google News's `news:` extension) read as a feed of
its newest pages, in the shape feedparser gives RSS and Atom, so that `feeds.parse_feed` makes its
entries by the one set of rules: for a site that publishes no feed, only `/sitemap.xml` (or a
`Sitemap:` line in its robots.txt) for search engines, which `reader add` follows
(`library.discovery`).

A sitemap names pages, not stories: each `<url>`'s `<loc>` is an item's link, its `<lastmod>`
(or a news sitemap's `<news:publication_date>`) its date, its `<news:title>` its headline. A
plain sitemap gives no title: the headline reads as the address's last words ("harbour-fees-rise"
is "Harbour fees rise", `slug_headline`) until its page is read. A site's whole sitemap names
every page it has (up to 50,000); the newest `NEWEST` by date are kept, a sitemap's order being
no one's in particular.

A news site's sitemap is most often an index (`<sitemapindex>`, sitemaps of sitemaps: one a
month, or a day, each with its `<lastmod>`), often of indexes (one a year, each of its months'):
its newest `INDEX_SITEMAPS` by that date are read (`index_sitemaps`, fetched by
`library.sitemap_index`, indexes within it followed `INDEX_DEPTH` deep), the feed's one size limit
(`FetchLimits.feed_max_bytes`) bounding the index and them together, and their pages read as
one sitemap's. The index unchanged, its sitemaps are still asked, each with its own ETag: the
protocol's place to say one changed (its `<lastmod>`) is one sites seldom keep up
(`sitemap_index.changed_sitemaps`). A sitemap may come gzip'd (`sitemap-1.xml.gz`,
served as a file, not with a Content-Encoding): inflated to the same limit (`unpacked`).

The document is a stranger's: parsed by defusedxml, which refuses entities and DTDs.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import time
import zlib
from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote, urlsplit

from .dates import parse_datetime
from .urls import host_named

NEWEST = 50
"""Pages of a sitemap kept as its items: a feed's worth, the newest by date."""

MAX_URLS = 50_000
"""`<url>` elements read: the sitemaps protocol's own cap on one file."""

INDEX_SITEMAPS = 3
"""Sitemaps of an index read, the newest by their `<lastmod>`: a daily index's last three
days, a monthly one's month (and the one before, early in a month); each is a request. Of an
index of indexes, as many in all: the newest of the newest index's, then of the one before."""

INDEX_DEPTH = 3
"""Indexes read one within another, the feed's own the first: a news site's index of years, each
an index of months, or of weeks each of days; a fourth is not followed (nor is an index that
names itself or one read above it: a loop ends there)."""

_SITEMAP_ROOT = re.compile(
    rb"\s*(?:<\?xml[^>]*\?>\s*|<!--.*?-->\s*|<\?xml-stylesheet[^>]*\?>\s*)*"
    rb"<(?:[a-z0-9_-]+:)?(urlset|sitemapindex)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_GZIP = b"\x1f\x8b"
_SAMPLE = 4096
_TEXT = {"type": "text/plain"}
_SLUG_END = re.compile(r"\.(?:s?html?|php|aspx?)$", re.IGNORECASE)
_SLUG_SPLIT = re.compile(r"[-_+\s]+")
_ID_ONLY = re.compile(r"^[0-9a-f]{6,}$|^[0-9]+$", re.IGNORECASE)


class NotASitemap(ValueError):
    """The bytes are no sitemap a reader can read: why, in words."""


def _root(body: bytes) -> str:
    sample = body[:_SAMPLE]
    if sample.startswith(_GZIP):  # its first bytes inflated: sniffed, not read
        try:
            sample = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, _SAMPLE)
        except zlib.error:
            return ""
    if codec := _utf16(sample):  # its ASCII markup written two bytes a character
        sample = sample.decode(codec, "ignore").encode("utf-8", "ignore")
    opened = _SITEMAP_ROOT.match(sample.removeprefix(b"\xef\xbb\xbf"))
    return opened[1].decode().lower() if opened else ""


def _utf16(sample: bytes) -> str | None:
    """The UTF-16 codec `sample` is written in (by its byte-order mark, or its zero bytes), or
    None."""
    from .sniff import utf16_without_bom

    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return utf16_without_bom(sample)


def is_sitemap(body: bytes) -> bool:
    """Whether `body` opens as a sitemap's `<urlset>` or a sitemap index's `<sitemapindex>`
    (after an XML declaration, comments, a stylesheet: Yoast's sitemaps carry one), gzip'd or
    not."""
    return bool(_root(body))


def is_sitemap_index(body: bytes) -> bool:
    """Whether `body` opens as a sitemap index (`<sitemapindex>`)."""
    return _root(body) == "sitemapindex"


def unpacked(body: bytes, most: int, url: str) -> bytes:
    """`body` inflated when it is a gzip file (a `sitemap.xml.gz` served as itself), to `most`
    bytes at most (FetchError(TOO_LARGE) past them: a small gzip bomb stops there); as it is
    otherwise."""
    from .content_coding import decode_body

    return decode_body(body, "gzip", most, url) if body.startswith(_GZIP) else body


def _slug_words(segment: str) -> list[str]:
    return [w for w in _SLUG_SPLIT.split(_SLUG_END.sub("", unquote(segment))) if w]


def _is_id(words: list[str]) -> bool:
    return len(words) == 1 and bool(_ID_ONLY.match(words[0]))


def slug_headline(url: str) -> str:
    """The headline an address's last path segment reads as: "harbour-fees-rise.html" is
    "Harbour fees rise"; a page named by a number or an id under a one-word folder, the two
    ("/p/11.html" is "P 11", "/story/48213" "Story 48213": the folder alone headed a site's
    every page alike, acc46d D4); "" for an address whose path names nothing (a home page, a
    date's folders)."""
    segments = [_slug_words(s) for s in urlsplit(url).path.split("/") if s]
    if len(segments) >= 2 and _is_id(segments[-1]) and len(segments[-2]) == 1:
        folder, number = segments[-2][0], segments[-1][0]
        if not _ID_ONLY.match(folder):  # "p" of "/p/11.html": a folder, not the page's name
            return f"{folder[:1].upper()}{folder[1:]} {number}"
    return _older_slug_headline(url)


def _older_slug_headline(url: str) -> str:
    """The words of the address's last segment that is no id: also what readers before "P 11"
    headed such a page with (its folder alone, "P"), as the headlines they kept still read until
    their pages are cached."""
    for segment in reversed([s for s in urlsplit(url).path.split("/") if s]):
        if (words := _slug_words(segment)) and not _is_id(words):
            text = " ".join(words)
            return text[:1].upper() + text[1:]
    return ""


def addressed(title: str, link: str) -> bool:
    """`title` is what a plain sitemap heads the page at `link` with: its address's words (or
    the address itself, or what an older reader made of them), not a headline of its own."""
    if not link or not title:
        return False
    if title == link:
        return True
    # Its first word in the address, or the address escaped: most feeds' items (2,000 a feed,
    # at every refresh) are told at once, no address parsed.
    lowered = link.lower()
    if title.split(" ", 1)[0].lower() not in lowered and "%" not in lowered:
        return False
    return title in (slug_headline(link), _older_slug_headline(link))


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: Any) -> str:
    return " ".join((element.text or "").split()) if element is not None else ""


def _parsed(body: bytes) -> Any:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    from .charset import decode_feed, without_xml_declaration

    try:
        # Decoded by the feeds' one charset policy, and parsed as text: expat given the bytes
        # refused a Shift_JIS or GBK sitemap whole, and raised on a label it didn't know
        # (acc47c C1, C2). The declaration goes with the bytes it described.
        return fromstring(without_xml_declaration(decode_feed(body).removeprefix("\ufeff")))
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise NotASitemap(f"its XML has errors: {error}") from None


def index_sitemaps(
    body: bytes, url: str, host: str | None = None, known: Collection[str] = ()
) -> list[str]:
    """The sitemaps the index in `body` (fetched from `url`) names on its own host (or `host`:
    the feed's, for an index within its index), the newest `INDEX_SITEMAPS` by their
    `<lastmod>` (undated ones after, in its order), those `known` (read already: itself, an
    index above it) left out before: another host's is a stranger's, as a robots.txt's are
    (`discovery.sitemap_lines`). NotASitemap when it is no readable `<sitemapindex>`."""
    from .urls import absolute_url

    root = _parsed(body)
    if _local(root.tag) != "sitemapindex":
        raise NotASitemap("not a sitemap index: no <sitemapindex>")
    host = host or urlsplit(url).hostname
    named: dict[str, tuple[float, int]] = {}
    for order, node in enumerate(root):
        if order >= MAX_URLS:
            break
        if _local(node.tag) != "sitemap":
            continue
        fields = {_local(child.tag): _text(child) for child in node}
        address = absolute_url(url, fields.get("loc", ""))
        if not address or address in known or urlsplit(address).hostname != host:
            continue
        stated = parse_datetime(fields["lastmod"]) if fields.get("lastmod") else None
        newest = (-stated.timestamp() if stated else float("inf"), order)
        named[address] = min(named.get(address, newest), newest)  # listed twice: its date
    return sorted(named, key=named.__getitem__)[:INDEX_SITEMAPS]


def feedparser_shaped(
    body: bytes, url: str, sitemaps: Sequence[bytes] = ()
) -> tuple[dict[str, Any], int]:
    """The sitemap in `body` (fetched from `url`) as feedparser's result is shaped, its newest
    `NEWEST` pages alone made entries, with how many pages it names; of a sitemap index, the
    pages of its `sitemaps` (`index_sitemaps`, fetched) together, one that is no sitemap left
    out; of a sitemap with `sitemaps` (an index's that changed when it did not), theirs and
    its together. NotASitemap when it is no readable `<urlset>`, or an index none of whose
    `sitemaps` is."""
    root = _parsed(body)
    if _local(root.tag) not in ("sitemapindex", "urlset"):
        raise NotASitemap("not a sitemap: no <urlset>")
    readable = [root]
    for sitemap in sitemaps:
        with contextlib.suppress(NotASitemap):
            readable.append(_parsed(sitemap))
    # An index within the index is followed (`sitemap_index`), not passed: none left here.
    readable = [r for r in readable if _local(r.tag) == "urlset"]
    if not readable:
        raise NotASitemap("a sitemap index whose sitemaps could not be read")
    pages: list[tuple[float, int, dict[str, Any]]] = []
    publication = ""
    listed: set[str] = set()
    nodes = (node for urlset in readable for node in urlset)
    for order, node in enumerate(nodes):
        if order >= MAX_URLS:
            break
        if _local(node.tag) != "url":
            continue
        fields: dict[str, Any] = {}
        for child in node.iter():
            name = _local(child.tag)
            if name in ("loc", "lastmod", "title", "publication_date") and name not in fields:
                fields[name] = _text(child)
            elif name == "name" and not publication:
                publication = _text(child)  # news:publication's name: the site's
        link = fields.get("loc", "")
        if urlsplit(link).path in ("", "/") or link in listed:
            continue  # its home page, listed with the rest: a list of links, no story
        listed.add(link)  # a page in two of an index's sitemaps (a day's and a month's)
        entry: dict[str, Any] = {
            "id": link,
            "link": link,
            "title": fields.get("title", "") or slug_headline(link) or link,
            "title_detail": _TEXT,
        }
        moment: datetime | None = None
        for name, member in (("published", "publication_date"), ("updated", "lastmod")):
            written = fields.get(member, "")
            stated = parse_datetime(written) if written else None
            if stated is not None:
                entry[name] = written
                entry[f"{name}_parsed"] = time.struct_time(stated.astimezone(UTC).timetuple())
                moment = moment or stated
        newest = moment.timestamp() if moment is not None else float("-inf")
        pages.append((newest, order, entry))
    # Newest first; undated pages after, in the sitemap's order.
    pages.sort(key=lambda page: (-page[0], page[1]))
    site = urlsplit(url)
    feed = {
        # Named by its host and port: two sites on one host are not both "127.0.0.1" (acc46d D10).
        "title": publication or host_named(url) or url,
        "title_detail": _TEXT,
        "link": f"{site.scheme}://{site.netloc}/",
    }
    return {"feed": feed, "entries": [e for _, _, e in pages[:NEWEST]], "version": "sitemap"}, len(
        pages
    )
