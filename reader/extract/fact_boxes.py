"""A box of facts set inside the article: a heading over a short list of figures ("The sea wall
in numbers: Built: 1887, Length: 1.4 km"), which sites often name "sidebar" for where it floats.

It is the article's, the figures a journalist most likely quotes, and stays in its place
(acc39a L2: `<aside class="sidebar factbox">` between two paragraphs went, with or without a
site rule's `body`). A box of links ("Read also", "Most read"), one that asks for an address,
or one named as a newsletter, sign-up, share or promotion box is no box of facts.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from .furniture import (
    BOX_WORDS,
    HEADING_TAGS,
    TOKEN_SPLIT,
    element_names,
    link_density,
    text_length,
)
from .furniture import FACT_BOX as FACT_BOX

_FACT_ITEMS = range(1, 16)
"""A box of facts lists a few: a menu or a site map lists more."""
_FACT_CHARS = 200
"""The longest fact: a figure with its label, or a sentence; not a paragraph of prose."""
_PROSE_CHARS = 80
"""A paragraph of the article's prose beside the box, which tells it is set in the text."""
_NOT_FACTS = BOX_WORDS | {
    "related",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "sponsored",
    "comments",
    "nav",
    "menu",
    "tags",
    "author",
    "bio",
}
"""Names that say what the box is for, whatever it lists."""
_NOT_FACTS_STEMS = ("sharedaddy", "share-", "social-", "newsletter", "subscri", "signup", "sign-up")
"""The same, glued to a prefix or run together: Jetpack's "sharedaddy" share row under every
WordPress post, whose "Share this:" and two networks were kept as the article's facts (acc42c
C3)."""


def is_fact_box(el: HtmlElement, in_story: bool) -> bool:
    """`el` is a box of facts within the article's text: a heading and a short list (or table
    or definition list) of short items, hardly a link among them, set beside the article's
    paragraphs (`in_story`: it is inside the element the page or a site rule names as the
    article)."""
    if el.tag not in ("aside", "div", "section", "figure"):
        return False
    names = element_names(el)
    if not _NOT_FACTS.isdisjoint(TOKEN_SPLIT.split(names)) or any(
        stem in names for stem in _NOT_FACTS_STEMS
    ):
        return False
    if el.find(".//form") is not None or el.find(".//input") is not None:
        return False
    heading = next(el.iter(*HEADING_TAGS), None)
    if heading is None or not heading.text_content().strip():
        return False
    items = [i for lst in el.iter("ul", "ol", "dl", "table") for i in lst.iter("li", "dd", "tr")]
    if len(items) not in _FACT_ITEMS or any(text_length(i) > _FACT_CHARS for i in items):
        return False
    if link_density(el) >= 0.3:
        return False
    return in_story or _beside_prose(el)


def _beside_prose(el: HtmlElement) -> bool:
    """`el` sits among the article's paragraphs: its parent holds two of prose."""
    parent = el.getparent()
    if parent is None:
        return False
    prose = 0
    for p in parent.iterchildren("p"):
        if text_length(p) >= _PROSE_CHARS and link_density(p) < 0.3:
            prose += 1
            if prose >= 2:
                return True
    return False
