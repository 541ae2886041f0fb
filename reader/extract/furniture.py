"""What names page furniture: the tests both cleanup passes share.

- The class/id vocabulary of furniture (`FURNITURE_TOKENS`, `FURNITURE_STEMS`,
  `FURNITURE_ROLES`) and `is_furniture`, the test made of it.
- The small measures and tree operations both passes use: `element_names`, `text_length`,
  `link_density`, `drop`, `attached`.

The passes themselves are `page_cleanup` (the whole page, before readability) and `inserts`
(the article readability found); what holds the article, which no removal may take whatever its
names say (`holds_article`), is in `article_guard`.
"""

from __future__ import annotations

import re
from itertools import pairwise

from lxml import etree
from lxml.html import HtmlElement

from .wall_words import OFFER_CHARS, SUBSCRIBING, is_offer_box, says_wall

# Class/id tokens (split on - _ space) that name page furniture; whole tokens only, so "shared"
# or "tagline" don't match "share" or "tag".
FURNITURE_TOKENS = frozenset(
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
        # A video player's list of other clips closing the story: g1's "video-playlist".
        "playlist",
        "newsletter",
        "newsletters",
        "subscribe",
        "subscription",
        "signup",
        "paywall",
        "regwall",
        "promo",
        # An appeal for money or a sign-up in the body: "donate-box", "inline-cta".
        "donate",
        "donation",
        "donations",
        "cta",
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
        "ufi",  # Substack's (and Facebook's) like, comment and share bar: "post-ufi"
        "footer",
        "copyright",
        # The site's line under each story, not the story's: News24's "article__disclaimer"
        # ("…you need journalism you can trust"), a footer's legal notice.
        "disclaimer",
        "editsection",  # a wiki's "[edit]" link beside each heading
        # A wiki's pointer to other articles atop a section ("Main article: Firefox", "See
        # also: …"), which newer MediaWiki also names "navigation-not-searchable".
        "hatnote",
        # A wiki's end matter: MediaWiki's category box ("Categories: Harbours in Cornwall"),
        # the "Retrieved from" line for print. Not "navbox": Wikipedia names tables of the
        # article so too (New Zealand's largest cities); its series boxes say role=navigation.
        "catlinks",
        "printfooter",
        "modal",
        "popup",
        "overlay",
    ]
)
# Names that token splitting would break apart, or that come glued to a prefix ("jp-relatedposts").
FURNITURE_STEMS = (
    "read-also",
    "readalso",
    "more-stories",
    "more-news",
    "morenews",
    "sp_message",  # Sourcepoint's consent dialog
    "onetrust",
    "didomi",
    "most-read",
    "see-also",
    "relatedposts",
    "relatedcontent",  # The Atlantic's "ArticleRelatedContentModule": "Read: <a story>"
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
FURNITURE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog", "alert"}
)
TOKEN_SPLIT = re.compile(r"[\s_\-]+")
# A modifier naming what an element holds ("has-shares", "with-sidebar"), not what it is.
_HOLDS = re.compile(r"(?<![a-z0-9])(?:has|with)[_-]+[a-z0-9]+")
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def drop(el: HtmlElement) -> None:
    """Remove an element and its subtree, keeping the text that follows it."""
    if el.getparent() is not None:
        el.drop_tree()


def replace(el: HtmlElement, new: HtmlElement) -> None:
    """Put `new` where `el` was, keeping the text that follows it."""
    parent = el.getparent()
    if parent is not None:
        new.tail = el.tail
        parent.replace(el, new)


def attached(el: HtmlElement, root: HtmlElement) -> bool:
    """Still under `root`: not removed along with an ancestor earlier in the same pass."""
    return any(a is root for a in el.iterancestors())


def class_names(el: HtmlElement) -> frozenset[str]:
    """An element's classes, lowercased: the one way the extraction passes read them."""
    return frozenset((el.get("class") or "").lower().split())


def _own_names(el: HtmlElement) -> str:
    """An element's class and id, as written; not a heading's id (an anchor made of its own
    words: "comments-from-the-crew"). A section's id made of its heading's is gone already
    (`page_cleanup.without_heading_anchors`)."""
    if el.tag in HEADING_TAGS:
        return el.get("class", "")
    return f"{el.get('class', '')} {el.get('id', '')}"


def slug(text: str) -> str:
    """The words of `text` as an anchor is made of them: "Related work" is "related-work"."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def names_of(el: HtmlElement) -> str:
    """An element's class, id and `data-component`, lowercased: what names it as a part of a
    page, whatever it is (`element_names` for the furniture rules, which leave a heading's id
    out). The BBC names its parts only so (`data-component="byline-block"`): its classes are
    generated ("ssrcss-1q0x1qg-Paragraph")."""
    names = f"{el.get('class', '')} {el.get('id', '')}"
    component = el.get("data-component")
    return f"{names} {component}".lower() if component else names.lower()


def element_names(el: HtmlElement) -> str:
    """An element's class and id, lowercased: the names furniture rules read."""
    return el.get("class", "").lower() if el.tag in HEADING_TAGS else names_of(el)


def _names_an_opt_in(el: HtmlElement) -> bool:
    """An e-mail sign-up box, by its name's words, camelCase split: "EmailOptin",
    "TeaserOptin", "SimpleOptinForm", a class "opt-in-submit"; not "adopting" or "options", nor
    an anchor "opt-in-by-default" (an id of words may be a section's, named for its heading)."""
    words = _words_of(_own_names(el))
    return "optin" in words or ("opt", "in") in pairwise(_words_of(el.get("class", "")))


# Words naming a widget that asks the reader something: a poll, a quiz, a survey. Looked for
# in every element's names: the plain search first, the camelCase split only where it finds one.
_QUESTION_WORDS = frozenset({"poll", "polls", "quiz", "quizzes", "survey"})
_QUESTION_HINT = re.compile("poll|quiz|survey", re.IGNORECASE)


def asks_the_reader(el: HtmlElement) -> bool:
    """A poll, a quiz or a survey: named so ("wp-polls", "quiz-embed", "PollWidget") and
    holding what a reader answers with: a form, a choice box, or buttons to pick from. Its
    question and its running score are the site's, not the article's. A table of opinion polls
    with a "Show all" button is no vote: one button is not a choice."""
    names = _own_names(el)
    if not _QUESTION_HINT.search(names) or _QUESTION_WORDS.isdisjoint(_words_of(names)):
        return False
    if el.xpath('.//form|.//input[@type="radio" or @type="checkbox"]'):
        return True
    return len(el.xpath(".//button")) >= 2


def questions_to_the_reader(root: HtmlElement) -> list[HtmlElement]:
    """The polls, quizzes and surveys in `root` (`asks_the_reader`), in the page's order. Its
    names are searched as one string first: a page naming none (nearly every one) is not
    tested element by element (0.4 ms of a demo page)."""
    if not _QUESTION_HINT.search(" ".join(_NAMES(root))):
        return []
    return [el for el in root.xpath(".//*[@class or @id]") if asks_the_reader(el)]


_NAMES = etree.XPath(".//@class | .//@id", smart_strings=False)


def _words_of(names: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", names)]


def text_length(el: HtmlElement) -> int:
    """Characters of an element's text, whitespace runs counted as one space."""
    return len(" ".join(el.text_content().split()))


def link_density(el: HtmlElement) -> float:
    """Share of an element's text that sits inside links."""
    total = text_length(el)
    if not total:
        return 0.0
    return sum(text_length(a) for a in el.iter("a")) / total


def is_furniture(el: HtmlElement) -> bool:
    """True for an element whose role or class/id says it is page furniture, not article text."""
    if el.tag in ("html", "body", "article", "main") or el.get(FACT_BOX) is not None:
        return False
    if el.get("role") in FURNITURE_ROLES:
        return True
    names = element_names(el)
    if not names.strip():
        return False  # most elements: no names, and no pattern run over none
    if "has" in names or "with" in names:
        # "fig--has-shares": a figure holding share buttons, not a row of them.
        names = _HOLDS.sub(" ", names)
        if not names.strip():
            return False
    if _WALL_NAMES.search(names):
        return _is_wall_box(el) or _names_furniture(el, _WALL_NAMES.sub(" ", names))
    return _names_furniture(el, names)


def _names_furniture(el: HtmlElement, names: str) -> bool:
    if any(stem in names for stem in FURNITURE_STEMS) or ("opt" in names and _names_an_opt_in(el)):
        return True
    tokens = TOKEN_SPLIT.split(names)
    return not FURNITURE_TOKENS.isdisjoint(tokens) or any(map(_is_nav_word, tokens))


# A wall's names. Bloomberg names the article's own paragraphs `<p class="paywall">` (the text its
# script hides after a reader's free articles), and Google's example of a declared paywalled part
# is `<div class="paywall">` holding the article: a box so named is the wall only when it says
# what a wall says.
_WALL_NAMES = re.compile(r"pay-?wall|reg-?wall")
# Where the article's sentences are, each element holding a few: a sentence of them naming
# subscribers ("registered voters", "its assassination") is no wall unless it says a wall's words.
_TEXT_TAGS = frozenset({"p", "li", "blockquote", "dd", "td", "figcaption", *HEADING_TAGS})
BOX_WORDS = frozenset(
    {
        "newsletter",
        "newsletters",
        "signup",
        "subscribe",
        "subscription",
        "promo",
        "promotion",
        "share",
        "sharing",
        "shares",
        "sharebar",
        "sharetools",
        "social",
        "cta",
        "donate",
        "donation",
        "donations",
    }
)
"""Names of the boxes a site sets inside its story (newsletter, sign-up, share, promotion
boxes), which neither a site rule's `body` (`rule_body`) nor a box of facts (`fact_boxes`) is."""
FACT_BOX = "data-reader-fact-box"
"""Set on a box of facts within the article (`fact_boxes.is_fact_box`), kept by the page's
clean-up: no later pass takes it for furniture by its names ("sidebar factbox")."""
PAID_PART = "data-reader-paid-part"
"""Set on the part of the page its declaration names as the paywalled (subscribers') text: the
article, whatever its name says."""


def _is_wall_box(el: HtmlElement) -> bool:
    """An element named for a wall that is the wall: it speaks of subscribing or signing in
    (a box, shortly: "Create a free account or log in to carry on"), says a wall's words (a
    paragraph), or holds nothing. The part a page declares as paywalled is its article's
    text, never its wall."""
    text = " ".join(el.text_content().split())
    if not text:
        return True
    if el.get(PAID_PART) is not None:
        return False
    if says_wall(text) or is_offer_box(text):
        return True
    return el.tag not in _TEXT_TAGS and len(text) <= OFFER_CHARS and bool(SUBSCRIBING.search(text))


def _is_nav_word(token: str) -> bool:
    """A navigation named in one word, as older templates do: "leftnav", "topnav", "subnav",
    "globalnav" (no English word ends in "nav"; "navy" starts with it)."""
    return len(token) > 3 and token.endswith("nav")
