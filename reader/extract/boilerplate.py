"""Rules that remove the page around an article: what readability-lxml alone keeps or mis-scores.

Three passes, all in place:
- `prepare`: what is never visible text (scripts, styles, comments, hidden elements).
- `strip_page_furniture`, on the whole page before readability: navigation, cookie banners, share
  rows, newsletter boxes, sidebars, tag rows, found by tag, ARIA role and class/id names.
- `strip_inserts`, on the article readability found: what survives inside it ("Read also"
  boxes, link-dense lists, timestamped headline lists, tag and share rows, cookie notices).

Class names lie both ways (a layout wrapper called "panel-two-col-sidebar" can hold the whole
article), so no rule removes an element that holds the article: one containing an `<article>`,
`<main>` or `articleBody`, a large share of the text around it, or several paragraphs of prose.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.etree
from lxml.html import HtmlElement

from .quotes import in_attribution

# Never article text, wherever they are.
_NEVER_TEXT = ("script", "style", "noscript", "template", "link", "meta")
_CONTROLS = ("button", "select", "input", "textarea", "option", "svg", "canvas", "dialog", "iframe")
# Class/id tokens (split on - _ space) that name page furniture; whole tokens only, so "shared"
# or "tagline" don't match "share" or "tag".
_FURNITURE_TOKENS = frozenset(
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
        "shares",
        "social",
        "socials",
        "sharebar",
        "sharetools",
        "related",
        "readalso",
        "also",
        "recommended",
        "recommendations",
        "outbrain",
        "taboola",
        "newsletter",
        "newsletters",
        "subscribe",
        "subscription",
        "signup",
        "paywall",
        "regwall",
        "promo",
        "advert",
        "advertisement",
        "ad",
        "ads",
        "sponsored",
        "sidebar",
        "aside",
        "rail",
        "popular",
        "trending",
        "latest",
        "mostread",
        "tags",
        "taglist",
        "tagcloud",
        "keywords",
        "topics",
        "comments",
        "comment",
        "disqus",
        "footer",
        "copyright",
        "modal",
        "popup",
        "overlay",
    ]
)
# Names that token splitting would break apart, or that come glued to a prefix ("jp-relatedposts").
_FURNITURE_STEMS = (
    "read-also",
    "readalso",
    "more-stories",
    "most-read",
    "see-also",
    "relatedposts",
    "related-",
    "sharedaddy",
    "share-",
    "social-",
    "newsletter",
    "paywall",
    "cookie",
    "outbrain",
    "taboola",
)
# Names of what opens over the page: a dialog (cookies, newsletter, log-in) or a photo viewer
# (a slideshow whose slides open large). A dialog has words; a viewer has only its photos.
_OVERLAY_TOKENS = frozenset({"modal", "popup", "overlay", "lightbox"})
_FURNITURE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog", "alert"}
)
# Bylines (a short "author" box too) and datelines: the metadata holds them; in the body they are
# noise. Kickers (the section label above a headline) are the site's navigation, not the article's
# words.
_BYLINE_TOKENS = frozenset(
    {
        "byline",
        "dateline",
        "timestamp",
        "pubdate",
        "kicker",
        "eyebrow",
        "overline",
        "rubric",
        "author",
    }
)
_NAME_TOKENS = frozenset({"byline", "author"})
# Path segments of a writer's page on a news site.
_AUTHOR_PATHS = frozenset(
    {
        "author",
        "authors",
        "editors",
        "staff",
        "people",
        "profile",
        "profiles",
        "contributors",
        "contributor",
        "writers",
        "journalists",
        "columnists",
        "by",
    }
)
# An author's bio box: a name, a handle, a few sentences. More text than this is an article.
_BIO_LENGTH = 600
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A line of names ("By Steven Lee Myers, Keith Bradsher and Chris Buckley") is shorter than this;
# a sentence naming its author is longer.
_BYLINE_WORDS = 16
_INLINE_TAGS = frozenset({"span", "a", "em", "strong", "b", "i", "small", "time", "address"})
# Elements a one-line byline does not contain; a box holding them is more than a byline.
_BLOCK_TAGS = ("p", "div", "ul", "ol", "table", "section", "figure", *_HEADING_TAGS)

# The heading or label of an insert that points elsewhere.
_INSERT_LABEL = re.compile(
    r"^\s*(read also|read more|also read|see also|related( stories| articles| posts| coverage)?:?"
    r"\s*$|more on this|more from|recommended|you may also like|you might also like|latest news|"
    r"most read|most popular|читайте также|читайте еще|смотрите также|по теме)",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"^\s*\d{1,2}[:.]\d{2}\b")
_TAG_LABEL = re.compile(r"^\s*(tags|topics|tagged( with)?|filed under|теги|метки)\s*:?", re.I)
_COOKIE_NOTICE = re.compile(
    r"\bcookies?\b.*\b(accept|consent|agree|privacy|settings)\b", re.I | re.S
)
_SHARE_LABEL = re.compile(
    r"^(share|tweet|post|send|email|copy link|share on \w+|share via \w+|поделиться)\b", re.I
)
# "Home > News > Local > Headline": the trail of links to the page, its site's navigation.
_CRUMB_SEPARATOR = re.compile(r"\s*[>›»→]\s*")
_DISPLAY_NONE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)", re.I
)


# Text only a screen reader reads ("Media caption", "Skip to content", "Advertisement"): the
# article as its readers see it doesn't have it.
_SCREEN_READER_ONLY = frozenset(
    {
        "sr-only",
        "u-sr-only",
        "visually-hidden",
        "visuallyhidden",
        "u-visually-hidden",
        "screen-reader-text",
        "off-screen",
        "offscreen",
        "vjs-offscreen",
    }
)


def _drop(el: HtmlElement) -> None:
    """Remove an element and its subtree, keeping the text that follows it."""
    if el.getparent() is not None:
        el.drop_tree()


def _attached(el: HtmlElement, root: HtmlElement) -> bool:
    """Still under `root`: not removed along with an ancestor earlier in the same pass."""
    return any(a is root for a in el.iterancestors())


def _names(el: HtmlElement) -> str:
    if el.tag in _HEADING_TAGS:
        # A heading's id is an anchor made of its own words ("comments-from-the-crew").
        return el.get("class", "").lower()
    return f"{el.get('class', '')} {el.get('id', '')}".lower()


def _text_length(el: HtmlElement) -> int:
    return len(" ".join(el.text_content().split()))


def link_density(el: HtmlElement) -> float:
    """Share of an element's text that sits inside links."""
    total = _text_length(el)
    if not total:
        return 0.0
    return sum(_text_length(a) for a in el.iter("a")) / total


def is_furniture(el: HtmlElement) -> bool:
    """True for an element whose role or class/id says it is page furniture, not article text."""
    if el.tag in ("html", "body", "article", "main"):
        return False
    if el.get("role") in _FURNITURE_ROLES:
        return True
    names = _names(el)
    if not names.strip():
        return False
    if any(stem in names for stem in _FURNITURE_STEMS):
        return True
    return not _FURNITURE_TOKENS.isdisjoint(_TOKEN_SPLIT.split(names))


def holds_article(el: HtmlElement, around: int) -> bool:
    """True when removing `el` could remove the article: it contains the page's own article
    markers, more than 40% of the `around` text, or three paragraphs of prose."""
    if next(el.iter("article", "main"), None) is not None:
        return True
    if el.xpath('descendant-or-self::*[contains(@itemprop, "articleBody")]'):
        return True
    length = _text_length(el)
    if length > 200 and length > 0.4 * around:
        return True
    prose = 0
    for p in el.iter("p"):
        if _text_length(p) >= 100 and link_density(p) < 0.3:
            prose += 1
            if prose >= 3:
                return True
    return False


def prepare(doc: HtmlElement) -> None:
    """Remove what is never visible text: scripts, styles, comments, hidden elements."""
    for el in list(doc.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        _drop(el)
    for el in list(doc.iter(*_NEVER_TEXT)):
        if el.getparent() is not None and el.getparent().tag != "head":
            _drop(el)
    for el in list(doc.iter()):
        if el.getparent() is None or not isinstance(el.tag, str) or el.tag == "head":
            continue
        if (
            el.get("hidden") is not None
            or not _SCREEN_READER_ONLY.isdisjoint(el.get("class", "").lower().split())
            or _DISPLAY_NONE.search(el.get("style", ""))
            # Readability.js's exception: Wikipedia's fallback images are aria-hidden.
            or (el.get("aria-hidden") == "true" and "fallback-image" not in el.get("class", ""))
        ):
            _drop(el)


def _in_section(el: HtmlElement) -> bool:
    """Inside an article, a main part or a section: a <header> there heads that part."""
    return any(a.tag in ("article", "main", "section") for a in el.iterancestors())


def strip_page_furniture(doc: HtmlElement) -> None:
    """First pass, on the whole page before readability scores it."""
    body = doc.find("body") if doc.tag == "html" else doc
    if body is None:
        return
    around = _text_length(body)
    for el in list(body.iter(*_CONTROLS)):
        _drop(el)
    # A syntax highlighter's "comment" or "tag" span is code, whatever its class says.
    in_code = {d for code in body.iter("pre", "code") for d in code.iterdescendants()}
    # Materialised first: dropping while iterating would skip siblings. Ancestors come before
    # their descendants, so the outermost furniture goes and its insides need no test.
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None or el is body:
            continue
        if el in in_code or in_attribution(el):
            # A quote's "— Name" footer is the quote's, wherever the template puts the quote.
            continue
        if not _attached(el, body):
            continue  # already removed with an ancestor
        if _is_page_furniture(el) and not holds_article(el, around):
            _drop(_byline_line(el) if _is_byline(el) else el)
    for box in _author_boxes(body):
        if _attached(box, body) and not holds_article(box, around):
            _drop(box)


def _is_author_link(a: HtmlElement) -> bool:
    """A link to a writer's own page: `rel="author"` or a path like /authors/…, /staff/…"""
    if "author" in a.get("rel", "").lower().split():
        return True
    path = urlsplit(a.get("href", "")).path.lower()
    return not _AUTHOR_PATHS.isdisjoint(path.split("/")[:-1] or [""])


def _author_boxes(body: HtmlElement) -> list[HtmlElement]:
    """Author bio boxes: the writer's photo and name, linked to their page, and a few lines
    about them ("Ana has covered the port since…"). The byline in the metadata names the
    author; the box is the site's, not the article's. Each is the largest element around an
    author link that stays short, holds a photo and no heading, and speaks of the linked
    person by name outside the link."""
    boxes: list[HtmlElement] = []
    for a in body.iter("a"):
        if not _is_author_link(a):
            continue
        name = a.text_content().split()
        if not 1 <= len(name) <= 4:
            continue
        box: HtmlElement | None = None
        for el in a.iterancestors():
            if el is body or el.tag in ("article", "main") or _text_length(el) > _BIO_LENGTH:
                break
            box = el
        if box is None or any(box is b for b in boxes):
            continue
        if next(box.iter("img", "picture"), None) is None:
            continue
        if next(box.iter(*_HEADING_TAGS, "figure"), None) is not None:
            continue
        outside = " ".join(box.xpath(".//text()[not(ancestor::a)]"))
        words = {w.strip(".,:;!?'’").casefold() for w in outside.split()}
        if any(part.casefold() in words for part in name if len(part) > 2):
            boxes.append(box)
    return boxes


def _is_page_furniture(el: HtmlElement) -> bool:
    if el.tag in ("nav", "form"):
        return True
    if el.tag in ("header", "footer", "aside") and not _in_section(el):
        # A page's header/footer/sidebar, not an article's own header (headline, standfirst).
        return True
    if el.tag == "a":
        # A link styled as a popup or a "share" link is still words of its sentence; the row
        # of share links around it is what goes.
        return False
    if is_furniture(el):
        return not _is_photo_viewer(el)
    return _is_byline(el)


def _is_byline(el: HtmlElement) -> bool:
    tokens = set(_TOKEN_SPLIT.split(_names(el)))
    return not _BYLINE_TOKENS.isdisjoint(tokens) and _text_length(el) < 200


def _byline_line(el: HtmlElement) -> HtmlElement:
    """What goes with a byline: the element, or the whole line when the element is a name in a
    line of names.

    "Por <span class="last-byline">Josh Max</span>" marks only the last name; removing the span
    alone would leave "Por Steven Lee Myers, Keith Bradsher y" behind, a byline cut short. A
    longer line (a teaser's standfirst after its author's name) keeps its words.
    """
    if _NAME_TOKENS.isdisjoint(_TOKEN_SPLIT.split(_names(el))):
        return el  # a kicker or a time in a headline's line: the headline stays
    line = el
    while line.tag in _INLINE_TAGS:
        parent = line.getparent()
        if parent is None or parent.tag in ("body", "article", "main"):
            return el
        line = parent
    if line.tag in _HEADING_TAGS or len(line.text_content().split()) > _BYLINE_WORDS:
        return el
    if next(line.iterdescendants(*_BLOCK_TAGS), None) is not None:
        return el
    return line


def _is_photo_viewer(el: HtmlElement) -> bool:
    """A slideshow named for the overlay it opens in ("modal-slideshow"): photos and no words.
    Its text is nothing, but the article's lead photo is in it, and that photo is what tells
    the caption beside it from any other line of the header."""
    if el.get("role") in _FURNITURE_ROLES:
        return False
    tokens = set(_TOKEN_SPLIT.split(_names(el)))
    named = tokens & _FURNITURE_TOKENS
    if not named or not named <= _OVERLAY_TOKENS:
        return False
    if any(stem in _names(el) for stem in _FURNITURE_STEMS):
        return False
    if next(el.iter("img", "picture"), None) is None:
        return False
    return _text_length(el) == 0


def _is_list_of_links(el: HtmlElement) -> bool:
    items = [li for li in el if li.tag == "li"]
    if not items:
        return False
    if link_density(el) > 0.8:
        # Menus and "more stories" lists have short items; a list of long linked titles (bug
        # reports, references) is the article's own.
        words = sum(len(li.text_content().split()) for li in items)
        return words / len(items) < 10
    # "12:05 Headline", "09.30 Headline": a news ticker, whatever its links.
    return sum(bool(_CLOCK.match(li.text_content())) for li in items) * 2 > len(items)


def _is_breadcrumb(links: list[HtmlElement], text: str) -> bool:
    """A trail of links separated by arrows, the last part (this page) maybe unlinked."""
    if len(text) > 200 or len(links) < 2:
        return False
    parts = [part for part in _CRUMB_SEPARATOR.split(text) if part]
    if len(parts) < 3:
        return False
    linked = {" ".join(a.text_content().split()) for a in links}
    return sum(part in linked for part in parts) >= len(parts) - 1


def _is_insert(el: HtmlElement, text: str) -> bool:
    """A short block the article doesn't need: a tag row, a share row, a cookie notice, a
    breadcrumb trail."""
    if len(text) > 400:
        return False
    links = el.findall(".//a")
    if _is_breadcrumb(links, text):
        return True
    if links and _TAG_LABEL.match(text):
        return True
    if links and all(a.get("rel") == "tag" or "/tag" in a.get("href", "") for a in links):
        return link_density(el) > 0.5
    if _COOKIE_NOTICE.search(text) and len(text) < 300:
        return True
    parts = [" ".join(a.text_content().split()) for a in links]
    return len(parts) >= 2 and all(_SHARE_LABEL.match(p) for p in parts if p)


def strip_inserts(article: HtmlElement) -> None:
    """Second pass, on readability's article container."""
    around = _text_length(article)
    for el in list(
        article.iter("div", "section", "aside", "ul", "ol", "p", "h2", "h3", "h4", "h5", "h6")
    ):
        if el.getparent() is None or el is article:
            continue
        if not _attached(el, article):
            continue  # already removed with an ancestor
        if in_attribution(el):
            continue
        text = " ".join(el.text_content().split())
        if el.tag in ("ul", "ol"):
            if _is_list_of_links(el) and not holds_article(el, around):
                _drop(el)
            continue
        if is_furniture(el) and not holds_article(el, around):
            _drop(el)
            continue
        if _INSERT_LABEL.match(text) and (len(text) < 40 or link_density(el) > 0.5):
            # The label itself, or the box it heads when the box is mostly links.
            box = el
            parent = el.getparent()
            if (
                el.tag in ("h2", "h3", "h4", "h5", "h6", "p")
                and parent is not article
                and parent.tag in ("div", "section", "aside")
                and link_density(parent) > 0.4
                and not holds_article(parent, around)
            ):
                box = parent
            _drop(box)
            continue
        if el.tag in ("div", "section", "aside", "p") and _is_insert(el, text):
            _drop(el)
            continue
        if el.tag in ("div", "section", "aside") and len(text) < 400 and link_density(el) > 0.6:
            _drop(el)
