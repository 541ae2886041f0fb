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
no one's in particular. A sitemap index (`<sitemapindex>`, sitemaps of sitemaps) is not read.

The document is a stranger's: parsed by defusedxml, which refuses entities and DTDs.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote, urlsplit

from .dates import parse_datetime

NEWEST = 50
"""Pages of a sitemap kept as its items: a feed's worth, the newest by date."""

MAX_URLS = 50_000
"""`<url>` elements read: the sitemaps protocol's own cap on one file."""

_SITEMAP_ROOT = re.compile(
    rb"\s*(?:<\?xml[^>]*\?>\s*|<!--.*?-->\s*|<\?xml-stylesheet[^>]*\?>\s*)*<(?:[a-z0-9_-]+:)?urlset[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_SAMPLE = 4096
_TEXT = {"type": "text/plain"}
_SLUG_END = re.compile(r"\.(?:s?html?|php|aspx?)$", re.IGNORECASE)
_SLUG_SPLIT = re.compile(r"[-_+\s]+")
_ID_ONLY = re.compile(r"^[0-9a-f]{6,}$|^[0-9]+$", re.IGNORECASE)


class NotASitemap(ValueError):
    """The bytes are no sitemap a reader can read: why, in words."""


def is_sitemap(body: bytes) -> bool:
    """Whether `body` opens as a sitemap's `<urlset>` (after an XML declaration, comments, a
    stylesheet: Yoast's sitemaps carry one)."""
    return bool(_SITEMAP_ROOT.match(body[:_SAMPLE].removeprefix(b"\xef\xbb\xbf")))


def slug_headline(url: str) -> str:
    """The headline an address's last path segment reads as: "harbour-fees-rise.html" is
    "Harbour fees rise"; "" for an address whose path names nothing (a home page, an id)."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    for segment in reversed(segments):
        words = _SLUG_SPLIT.split(_SLUG_END.sub("", unquote(segment)))
        words = [w for w in words if w]
        if not words or (len(words) == 1 and _ID_ONLY.match(words[0])):
            continue  # "/2026/12/07/" or "/story/48213": look further up the path
        text = " ".join(words)
        return text[:1].upper() + text[1:]
    return ""


def addressed(title: str, link: str) -> bool:
    """`title` is what a plain sitemap heads the page at `link` with: its address's words (or
    the address itself), not a headline of its own."""
    if not link or not title:
        return False
    if title == link:
        return True
    # Its first word in the address, or the address escaped: most feeds' items (2,000 a feed,
    # at every refresh) are told at once, no address parsed.
    lowered = link.lower()
    if title.split(" ", 1)[0].lower() not in lowered and "%" not in lowered:
        return False
    return title == slug_headline(link)


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: Any) -> str:
    return " ".join((element.text or "").split()) if element is not None else ""


def feedparser_shaped(body: bytes, url: str) -> tuple[dict[str, Any], int]:
    """The sitemap in `body` (fetched from `url`) as feedparser's result is shaped, its newest
    `NEWEST` pages alone made entries, with how many pages it names. NotASitemap when it is no
    readable `<urlset>`."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(body)
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise NotASitemap(f"its XML has errors: {error}") from None
    if _local(root.tag) != "urlset":
        raise NotASitemap("not a sitemap: no <urlset>")
    pages: list[tuple[float, int, dict[str, Any]]] = []
    publication = ""
    for order, node in enumerate(root):
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
        if urlsplit(link).path in ("", "/"):
            continue  # its home page, listed with the rest: a list of links, no story
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
        "title": publication or site.hostname or url,
        "title_detail": _TEXT,
        "link": f"{site.scheme}://{site.netloc}/",
    }
    return {"feed": feed, "entries": [e for _, _, e in pages[:NEWEST]], "version": "sitemap"}, len(
        pages
    )
