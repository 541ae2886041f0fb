"""An item's discussion page, as its feed names it: where a Hacker News, Lobsters or
WordPress reader goes for the comments (sources, corrections, the author's replies).

RSS's `<comments>` (feedparser's `comments`) and Atom's `<link rel="replies">` to a page (not
to a feed of the comments: WordPress sends both). Kept with the headline, as its enclosures
are: the cached article replaces the feed's description, which was the one place that named it
(acc42c C2). Records from before it have none.
"""

from __future__ import annotations

from typing import Any

from .commonmark import autolink
from .keys import link_key
from .models import Entry
from .url_display import shown_url
from .urls import LONGEST_ENCLOSURE, absolute_url, is_web_url

LABEL = "Discussion"
"""What the line names it, in every face: "Discussion: news.ycombinator.com/item?id=…"."""

# Atom's replies that are a feed of the comments, not a page to read them on.
_FEED_TYPES = ("application/atom+xml", "application/rss+xml", "application/xml", "text/xml")


def _address(base: str, href: Any) -> str:
    if not isinstance(href, str) or len(href) > LONGEST_ENCLOSURE:
        return ""
    url = absolute_url(base, href)
    return url if is_web_url(url) and len(url) <= LONGEST_ENCLOSURE else ""


def comments_of(item: Any, base: str, link: str) -> str:
    """The address of the discussion of one of feedparser's items, or "": none named, or only
    the item's own `link` (a Reddit thread's, whose page is the discussion itself)."""
    candidates = [item.get("comments")] + [
        each.get("href")
        for each in item.get("links") or ()
        if isinstance(each, dict)
        and each.get("rel") == "replies"
        and str(each.get("type") or "text/html").lower() not in _FEED_TYPES
    ]
    for href in candidates:
        url = _address(base, href)
        if url and url != link:
            return url
    return ""


def discussion_lines(comments: str, markdown: bool = False) -> list[str]:
    """The line `reader show` and the exports print under an article's header for an item's
    discussion page at `comments`, "Discussion: https://…" (the address as `<…>` in Markdown),
    or none."""
    if not comments:
        return []
    address = shown_url(comments)
    return [f"{LABEL}: {autolink(address) if markdown else address}"]


def became_discussion(before: Entry, now: Entry) -> bool:
    """The address the item `before` linked is its discussion `now`: a Reddit link post kept
    by a reader that read its thread as its article, which now reads the story it shares
    (acc49b B1). The thread's copy is no copy of that story: neither moved to its address as
    a story's copy whose slug changed is, nor the item told anew, the story read as new."""
    return bool(before.link and now.comments) and link_key(before.link) == link_key(now.comments)


def discussion(entry: Entry | None) -> str:
    """The address of `entry`'s discussion page, "" for none (or no entry: a page saved alone)."""
    return entry.comments if entry is not None else ""
