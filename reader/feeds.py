"""Feed bytes → a feed's title and its entries, via feedparser (RSS 0.9x/1.0/2.0, Atom, CDF).

Runs in a worker (thread or process) for large feeds: parsing is CPU work.
"""

from __future__ import annotations

import calendar
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from .config import DEFAULT_LIMITS
from .keys import entry_id
from .models import Entry, ErrorKind, FetchError
from .safe import safe_line
from .urls import absolute_url


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


def _text(value: Any, limit: int) -> str:
    return safe_line(value if isinstance(value, str) else "", limit)


def parse_feed(body: bytes, url: str, base_url: str = "", content_type: str = "") -> ParsedFeed:
    """Parse a downloaded feed; raises FetchError(BAD_FEED) when the bytes are not a feed at all.

    `url` is the subscription's URL (entries belong to it); `base_url`, where the bytes came
    from after redirects, resolves relative links.
    """
    limits = DEFAULT_LIMITS
    base = base_url or url
    headers = {"content-location": base}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    meta = parsed.get("feed", {})
    items = parsed.get("entries", [])
    problem = ""
    if parsed.get("bozo"):
        problem = safe_line(str(parsed.get("bozo_exception", "malformed feed")), 200)
    if not items and not meta.get("title"):
        what = problem or "no items and no title"
        raise FetchError(ErrorKind.BAD_FEED, f"not a readable feed ({what})", url)
    feed_title = _text(meta.get("title"), limits.max_title_length)
    site_url = absolute_url(base, meta.get("link", "") or "")
    entries: list[Entry] = []
    seen: set[str] = set()
    for item in items[: limits.max_feed_items]:
        link = absolute_url(base, item.get("link", "") or "")
        title = _text(item.get("title"), limits.max_title_length)
        key = item.get("id") or link or title
        if not key:
            continue
        eid = entry_id(url, key)
        if eid in seen:  # duplicate GUIDs inside one feed: the first (newest) wins
            continue
        seen.add(eid)
        author = _text(item.get("author"), 200)
        summary = item.get("summary", "") or ""
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
            )
        )
    return ParsedFeed(feed_title, site_url, tuple(entries), problem)
