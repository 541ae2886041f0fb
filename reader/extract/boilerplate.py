"""Rules that remove the page around an article: what readability-lxml alone keeps or mis-scores.

Two passes. Before readability: drop elements that are never article text (navigation, cookie
banners, share rows, newsletter boxes, sidebars, tag rows) by tag and by class/id tokens. After
readability: drop what survives inside the article container ("Read also" inserts, link-dense
lists, lists of timestamped headlines).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

# Never article text, wherever they are.
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "form",
    "button",
    "svg",
    "nav",
    "select",
    "input",
    "textarea",
    "dialog",
)
# Class/id tokens (split on - _ space) that name page furniture. Matched as whole tokens, so
# "shared" or "tagline" don't match "share" or "tag".
_BOILERPLATE_TOKENS = frozenset(
    [
        "nav",
        "navbar",
        "navigation",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "masthead",
        "topbar",
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "banner",
        "share",
        "sharing",
        "social",
        "sharebar",
        "socials",
        "related",
        "readalso",
        "read-also",
        "also",
        "more-stories",
        "recommended",
        "recommendations",
        "outbrain",
        "taboola",
        "newsletter",
        "subscribe",
        "subscription",
        "signup",
        "promo",
        "advert",
        "advertisement",
        "ad",
        "ads",
        "sponsored",
        "sidebar",
        "aside",
        "rail",
        "widget",
        "widgets",
        "popular",
        "trending",
        "latest",
        "most-read",
        "mostread",
        "tags",
        "tag-list",
        "taglist",
        "tagcloud",
        "keywords",
        "topics",
        "comments",
        "comment",
        "disqus",
        "footer",
        "site-footer",
        "copyright",
        "modal",
        "popup",
        "overlay",
    ]
)
# Bylines and datelines: the metadata already holds them; in the body they are noise.
_BYLINE_TOKENS = frozenset(
    {"byline", "dateline", "author", "authors", "timestamp", "pubdate", "published"}
)
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
# Compound names that token-splitting would break apart.
_BOILERPLATE_COMPOUNDS = (
    "read-also",
    "readalso",
    "more-stories",
    "most-read",
    "see-also",
    "related-",
)

# The heading or label of an insert that points elsewhere.
_INSERT_LABEL = re.compile(
    r"^\s*(read also|read more|also read|see also|related|more on this|more from|recommended|"
    r"you may also like|latest news|most read|читайте также|читайте еще|смотрите также|по теме)\b",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"^\s*\d{1,2}[:.]\d{2}\b")


def _tokens(el: HtmlElement) -> set[str]:
    names = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return set(_TOKEN_SPLIT.split(names)) - {""}


def _names(el: HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}".lower()


def is_furniture(el: HtmlElement) -> bool:
    """True for an element whose class/id says it is page furniture, not article text."""
    if el.tag in ("html", "body", "article", "main"):
        return False
    names = _names(el)
    if not names.strip():
        return el.get("role") in ("navigation", "banner", "contentinfo", "complementary")
    if any(c in names for c in _BOILERPLATE_COMPOUNDS):
        return True
    return bool(_tokens(el) & _BOILERPLATE_TOKENS)


def _drop(el: HtmlElement) -> None:
    parent = el.getparent()
    if parent is not None:
        el.drop_tree()


def strip_page_furniture(doc: HtmlElement) -> None:
    """First pass, on the whole page, in place."""
    # Lists are materialised first: dropping while iterating would skip siblings.
    for el in list(doc.iter(*_DROP_TAGS)):
        _drop(el)
    for el in list(doc.iter("header", "footer", "aside")):
        # A page's header/footer, not an article's own header (which holds its headline and byline).
        if el.getparent() is not None and not _inside(el, "article"):
            _drop(el)
    for el in list(doc.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if el.tag in ("body", "html", "head"):
            continue
        if (
            is_furniture(el)
            or el.get("aria-hidden") == "true"
            or el.get("hidden") is not None
            or (_tokens(el) & _BYLINE_TOKENS and len(el.text_content()) < 200)
        ):
            _drop(el)


def _inside(el: HtmlElement, tag: str) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _link_density(el: HtmlElement) -> float:
    text = el.text_content()
    total = len(text.strip())
    if not total:
        return 0.0
    linked = sum(len(a.text_content().strip()) for a in el.iter("a"))
    return linked / total


def strip_inserts(article: HtmlElement) -> None:
    """Second pass, on readability's article container, in place."""
    for el in list(
        article.iter("div", "section", "aside", "ul", "ol", "p", "h2", "h3", "h4", "h5", "h6")
    ):
        if el.getparent() is None:
            continue
        text = el.text_content().strip()
        if el.tag in ("ul", "ol"):
            items = [li for li in el if li.tag == "li"]
            if items and (
                _link_density(el) > 0.8
                or sum(bool(_CLOCK.match(li.text_content())) for li in items) * 2 > len(items)
            ):
                _drop(el)
            continue
        if _INSERT_LABEL.match(text) and (len(text) < 40 or _link_density(el) > 0.5):
            # The label itself, or a box it heads: drop the box when the label is its first line.
            box = el
            parent = el.getparent()
            if (
                el.tag in ("h2", "h3", "h4", "h5", "h6", "p")
                and parent is not None
                and parent.tag in ("div", "section", "aside")
                and _link_density(parent) > 0.4
            ):
                box = parent
            _drop(box)
            continue
        if el.tag in ("div", "section", "aside") and len(text) < 400 and _link_density(el) > 0.6:
            _drop(el)
