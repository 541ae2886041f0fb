"""What aggregators and platforms add to their feeds' items that is no part of the story:
the outlet Google News names in an item's RSS `<source>` and again at its title's end ("Harbour
board delays dredging - The Harbour Post"), and the footer Reddit's feeds put under every post
("submitted by /u/islander22 [link] [comments]"). Plain functions over feedparser's item and
the item's HTML as the feed sent it; no parser of pages."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from .safe import safe_line
from .urls import item_link, page_address

_SOURCE_SEPARATORS = (" - ", " – ", " — ", " | ")
"""What an aggregator puts between a headline and its outlet's name (Google News: " - ")."""


def source_of(item: Any) -> str:
    """The outlet an item names as its story's (RSS `<source>`, Atom's `<source>` feed
    title: a planet's blog), "" for none."""
    source = item.get("source")
    title = source.get("title") if isinstance(source, dict) else None
    return safe_line(title, 200) if isinstance(title, str) else ""


def without_source(title: str, source: str) -> str:
    """`title` without the outlet's name an aggregator adds at its end ("Harbour board delays
    dredging - The Harbour Post" of "The Harbour Post"), when it is that name; a title that is
    the name alone stays."""
    if not source:
        return title
    name = source.casefold()
    for separator in _SOURCE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and tail.strip().casefold() == name:
            return head.rstrip()
    return title


# Reddit's footer of a post: "submitted by /u/NAME", then "[link]" and "[comments]", each a
# link. A self-post's "[link]" is its own thread, as "[comments]" is: nothing to follow, dropped
# as the feed is read. A link post's goes to the story it shares: read as the item's link, the
# footer is dropped where the feed's text is shown (`aggregator_chrome`).
_REDDIT_FOOTER = re.compile(
    r"(?:\s|&#32;)*submitted\s+by(?:\s|&#32;)*<a\s[^>]*>\s*/u/[^<]*</a>\s*<br\s*/?>\s*"
    r"<span>\s*<a\s+href=\"(?P<story>[^\"]*)\"\s*>\[link\]</a>\s*</span>(?:\s|&#32;)*"
    r"<span>\s*<a\s+href=\"(?P<thread>[^\"]*)\"\s*>\[comments\]</a>\s*</span>\s*"
    r"(?P<after>(?:</t[dr]>|</table>|</tbody>|\s)*)\Z"
)


def reddit_footer(html: str) -> re.Match[str] | None:
    """Reddit's footer at the end of a post's HTML (in a link post's table, its cells'
    closing tags after it: `after`), its "[link]" (`story`) and "[comments]" (`thread`)
    addresses as written; None for none."""
    return _REDDIT_FOOTER.search(html) if "[comments]" in html else None


def without_reddit_footer(html: str, own: set[str], base: str = "") -> str:
    """`html` without Reddit's footer when both its links are to `own` addresses (`base`
    resolving them): the post's thread and, for a link post, the story it shares."""
    found = reddit_footer(html)
    if found is None:
        return html
    links = {page_address(item_link(base, unescape(found[n]))) for n in ("story", "thread")}
    mine = {page_address(address) for address in own}
    return html[: found.start()] + found["after"] if links <= mine else html


# The same two links wherever the footer stands (a link post's is in a table beside its
# thumbnail): "[link]" to the story a link post shares, "[comments]" to its thread.
_REDDIT_LINKS = re.compile(
    r"<span>\s*<a\s+href=\"(?P<story>[^\"]*)\"\s*>\[link\]</a>\s*</span>(?:\s|&#32;)*"
    r"<span>\s*<a\s+href=\"(?P<thread>[^\"]*)\"\s*>\[comments\]</a>\s*</span>"
)


def shared_story(html: str, base: str, link: str) -> str:
    """The address of the story a Reddit link post shares (its footer's "[link]"), whose item's
    `link` is its thread (the "[comments]"): read as the item's article, as a Hacker News
    item's is, the thread its discussion (acc49b B1). "" for a self-post (its "[link]" is its
    own thread) or any other item."""
    found = _REDDIT_LINKS.search(html) if "[comments]" in html else None
    if found is None or not link:
        return ""
    story = item_link(base, unescape(found["story"]))
    thread = item_link(base, unescape(found["thread"]))
    own = page_address(link)
    return story if story and page_address(thread) == own != page_address(story) else ""


# Google News's description of an item: the headline linked, two no-break spaces, the outlet's
# name in grey.
_OUTLET_TAIL = re.compile(r"(?:\s|&nbsp;|&#160;|\xa0)*<font\b[^>]*>(?P<name>[^<]*)</font>\s*\Z")


def without_platform_footer(html: str, source: str = "") -> str:
    """A post's HTML without the footer its platform adds (Reddit's "submitted by /u/…
    [link] [comments]" under a self-post, Google News's outlet's name after the headline,
    `source`); any other as it is."""
    if source and "</font>" in html:
        tail = _OUTLET_TAIL.search(html)
        if tail and " ".join(tail["name"].split()).casefold() == source.casefold():
            html = html[: tail.start()]
    found = reddit_footer(html)
    if found is None or found["story"] != found["thread"]:
        return html
    return html[: found.start()] + found["after"]
