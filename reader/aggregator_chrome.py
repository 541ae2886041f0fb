"""What a link aggregator's feed writes in an item's text that only points elsewhere: Hacker
News's and Lobsters' "Comments" link to the item's discussion, hnrss's "Article URL: …",
"Comments URL: …", "Points: 212" and "# Comments: 88" lines, Reddit's "submitted by /u/… [link]
[comments]" under a link post (social50). The header names both addresses
already (URL, "Discussion:"); kept as text, they were the whole "article" of an item whose link
is a file (↗: a picture, a scanned PDF), shown and exported as "Comments[1]" and a list of links
(acc49b B8). Plain functions over the item's HTML as the feed sent it; no parser of pages."""

from __future__ import annotations

import re

# A last block of the text: a paragraph, a rule, or a link standing alone.
_LAST_BLOCK = re.compile(
    r"(?:<p\b[^>]*>(?P<para>(?:(?!</?p\b).)*?)</p>|(?P<rule><hr\b[^>]*>)|(?P<bare><a\s[^<]*</a>))"
    r"\s*\Z",
    re.IGNORECASE | re.DOTALL,
)
_LINK = re.compile(r"<a\s[^>]*?href=[\"'](?P<href>[^\"']*)[\"'][^>]*>(?P<text>[^<]*)</a>", re.I)
_TAG = re.compile(r"<[^>]*>")
# Words around the one link of a line of chrome, and the line's counts.
_LINK_LABELS = frozenset({"", "article url:", "comments url:", "link:", "url:"})
_LINK_WORDS = re.compile(r"(?:\d+\s+)?comments?|discuss(?:ion)?|\[comments\]", re.I)
_COUNT = re.compile(r"(?:points|score|#\s*comments|comments):\s*\d+", re.I)


def without_aggregator_chrome(html: str, own: tuple[str, ...]) -> str:
    """`html` without the lines at its end that are an aggregator's pointers to the item's
    `own` addresses (its link, its discussion page) and its counts; any other text as it is,
    a link to another page kept."""
    addresses = {a for a in own if a}
    if not addresses or "<" not in html:
        return html
    from .platform_items import without_reddit_footer  # here: it imports `html` (see `_chrome`)

    html = without_reddit_footer(html, addresses)
    text, dropped = html.rstrip(), False
    while text:
        last = _LAST_BLOCK.search(text)
        if last is None:
            break
        if last["rule"] is not None:
            if not dropped:
                break  # a rule before the text's end is the text's
        elif not _chrome(last["para"] if last["para"] is not None else last["bare"], addresses):
            break
        text, dropped = text[: last.start()].rstrip(), True
    return text if dropped else html


def _chrome(block: str, addresses: set[str]) -> bool:
    """`block` is a line of chrome: a count, or one link to an `addresses` labelled by it
    ("Comments", "Article URL: …", its address)."""
    from html import unescape  # here: the screen's start imports this module, not `html`

    words = " ".join(unescape(_TAG.sub(" ", block)).split())
    if _COUNT.fullmatch(words):
        return True
    links = _LINK.findall(block)
    if len(links) != 1:
        return False
    href, label = unescape(links[0][0]).strip(), " ".join(unescape(links[0][1]).split())
    if href not in addresses:
        return False
    around = " ".join(unescape(_TAG.sub(" ", _LINK.sub(" ", block))).split()).casefold()
    return around in _LINK_LABELS and (bool(_LINK_WORDS.fullmatch(label)) or label == href)
