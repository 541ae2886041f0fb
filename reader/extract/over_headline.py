"""A dateline set right above the article's headline, in the box that holds it.

Xinhua prints "2026 12/03 14:20:45" and "来源：新华网" in `div.header-cont`, before the
`div.head-line` holding its `<h1>`, in no `<article>`: `text_dates` reads a date outside the
article only under the headline, or labelled ("Published …"), as a site's header shows today's
date unlabelled. Above the headline it is the article's when the `<h1>` is the headline the
page's `<title>` or og:title gives (a masthead's `<h1>` is the site's name), and the boxes
between are short: a masthead's date before the page's main box is not.
"""

from __future__ import annotations

from lxml.html import HtmlElement

# How many siblings after the dateline (or its box) the headline may be in, and how many words
# (or characters: Chinese puts no spaces between words) each may hold: the source line, a share
# row; more is the article, or the page's main box.
_SIBLINGS = 4
_SIBLING_WORDS = 60
_SIBLING_CHARACTERS = 300


def page_headlines(doc: HtmlElement) -> set[str]:
    """The headlines the page's `<title>` and og:title give: og:title whole; the `<title>`
    whole, and its longer part before a site's name after it ("我国首条跨海高铁全线贯通-新华网",
    "Harbour wall rebuilt | Coast Courier")."""
    found = set()
    for text in doc.xpath("//head/title/text() | //meta[@property='og:title']/@content"):
        text = _folded(str(text))
        if not text:
            continue
        found.add(text)
        for separator in (" | ", " - ", " – ", " — ", "-", "_", "|"):
            first, _, rest = text.rpartition(separator)
            if first and len(first) > len(rest):
                found.add(first.strip())
                break
    return found


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def over_the_headline(el: HtmlElement, headlines: set[str]) -> bool:
    """`el` is followed, among its siblings or its box's, by the article's headline: an `<h1>`
    whose text is one of `headlines`, alone or in a short box of its own, with only short
    siblings between."""
    if not headlines:
        return False
    for node in (el, el.getparent()):
        if node is None or node.tag in ("body", "html"):
            return False
        after = node.getnext()
        for _ in range(_SIBLINGS):
            while after is not None and not isinstance(after.tag, str):  # a comment
                after = after.getnext()
            if after is None:
                break
            text = after.text_content()
            if len(text.split()) > _SIBLING_WORDS or len(text) > _SIBLING_CHARACTERS:
                break
            heading = after if after.tag == "h1" else next(after.iter("h1"), None)
            if heading is not None:
                return _folded(heading.text_content()) in headlines
            after = after.getnext()
    return False
