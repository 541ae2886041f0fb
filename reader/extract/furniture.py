"""What names page furniture and what holds the article: the tests both cleanup passes share.

- The class/id vocabulary of furniture (`FURNITURE_TOKENS`, `FURNITURE_STEMS`,
  `FURNITURE_ROLES`) and `is_furniture`, the test made of it.
- `holds_article`, the guard on every removal. Class names lie both ways (a layout wrapper
  called "panel-two-col-sidebar" can hold the whole article), so no rule removes an element
  that contains an `<article>`, `<main>` or `articleBody`, a large share of the text around it,
  or several paragraphs of prose; nor the paragraphs `mark_article_named_away` finds the class
  words would take when they would take the whole article ("<p class="ad-text">" each).
- The small measures and tree operations both passes use: `element_names`, `text_length`,
  `link_density`, `drop`, `attached`.

The passes themselves are `page_cleanup` (the whole page, before readability) and `inserts`
(the article readability found).
"""

from __future__ import annotations

import re
from collections.abc import Callable
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
    if el.tag in ("html", "body", "article", "main"):
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


ARTICLE_TEXT = "data-reader-article-text"
"""Set on the article's paragraphs when the page names every one of them as furniture
(`mark_article_named_away`): kept, with whatever holds them, whatever their names say."""
# What `holds_article` counts as the article's prose: paragraphs of this many characters, few of
# them links, and this many of them.
_PROSE_CHARS = 100
_PROSE_PARAGRAPHS = 3


def _is_prose(p: HtmlElement) -> bool:
    return text_length(p) >= _PROSE_CHARS and link_density(p) < 0.3


def holds_article(el: HtmlElement, around: int, story: HtmlElement | None = None) -> bool:
    """True when removing `el` could remove the article: it contains the page's own article
    markers, more than 40% of the `around` text, three paragraphs of prose, or a paragraph
    marked as the article's (`ARTICLE_TEXT`). When the page's `story` is known
    (`story_article`), prose outside it is not the article's."""
    if next(el.iter("article", "main"), None) is not None:
        return True
    # Its itemprop values and markers, on their own axis: a test of every element took five
    # times as long.
    if el.xpath(
        'descendant-or-self::*/@itemprop[contains(., "articleBody")]'
        f" | descendant-or-self::*/@{ARTICLE_TEXT}"
    ):
        return True
    if story is not None and not attached(el, story):
        return False
    length = text_length(el)
    if length > 200 and length > 0.4 * around:
        return True
    prose = 0
    for p in el.iter("p"):
        if _is_prose(p):
            prose += 1
            if prose >= _PROSE_PARAGRAPHS:
                return True
    return False


def mark_article_named_away(
    root: HtmlElement, story: HtmlElement | None, takes: Callable[[HtmlElement], bool]
) -> None:
    """Mark the article's paragraphs (`ARTICLE_TEXT`) when the page's names would take them all.

    `takes` tells an element the cleanup would remove for its names (its class, id, role or
    tag: "ad-text", "comment-text", "sidebar-text", an `<aside>`). A page may name every
    paragraph of its story so ("<p class="ad-text">", for the ad slots its script places
    between them): one by one each is a short box of furniture, and together they were the
    whole article, which then said "no article text found". So when the removals would leave
    the story less than a sentence of its paragraphs while the box they take most of its prose
    with (or the boxes of that one class) holds three paragraphs of prose, the names lie: every
    paragraph taken with it (the short lines between them too) is the article's.

    The story is `story` (`story_article`), else the box round the headline holding paragraphs,
    else the page: readers' comments under a story of three short paragraphs, or sponsored
    offers beside a brief of one, still go; so does furniture of other names on a page whose
    paragraphs are so named (a cookie notice's)."""
    scope = story if story is not None else _headline_box(root)
    taken: dict[HtmlElement, HtmlElement | None] = {}

    def box_taking(p: HtmlElement) -> HtmlElement | None:
        """The outermost element round `p` (or `p` itself) that its names remove."""
        box = None
        for el in (p, *p.iterancestors()):
            if el is root:
                break
            if el not in taken:
                taken[el] = el if takes(el) else None
            found = taken[el]
            box = found if found is not None else box
        return box

    boxes: dict[HtmlElement, HtmlElement] = {}
    left = 0
    for p in scope.iter("p"):
        length = text_length(p)
        if not length:
            continue
        box = box_taking(p)
        if box is None:
            left += length if link_density(p) < 0.3 else 0
            if left >= _STORY_SENTENCE:
                return  # the story keeps a sentence's worth: its names are believed
        else:
            boxes[p] = box
    if not boxes:
        return
    # The boxes of one name (or the one box) taking the most of the prose: the story's.
    named: dict[object, list[HtmlElement]] = {}
    for p, box in boxes.items():
        named.setdefault(box.get("class") or box, []).append(p)
    story_paragraphs = max(
        named.values(), key=lambda ps: sum(text_length(p) for p in ps if _is_prose(p))
    )
    if sum(map(_is_prose, story_paragraphs)) < _PROSE_PARAGRAPHS:
        return
    for p in story_paragraphs:
        p.set(ARTICLE_TEXT, "")


def _headline_box(root: HtmlElement) -> HtmlElement:
    """The nearest box round the page's headline (`<h1>`) that holds a paragraph of words:
    the story's, on a page with no `<article>` round it; else `root`."""
    headline = root.find(".//h1")
    if headline is None:
        return root
    for box in headline.iterancestors():
        if box is root:
            break
        if any(p.text_content().strip() for p in box.iter("p")):
            return box
    return root


# The least a paragraph of the story says: one sentence of news ("The beach reopened on Monday
# after a week of clean-up work following the oil spill, the council said.").
_STORY_SENTENCE = 80


def story_article(body: HtmlElement) -> HtmlElement | None:
    """The page's one `<article>` holding its headline (`<h1>`) and a paragraph of prose: the
    story, where a short one's text is. Prose outside it in a box named as furniture (sponsored
    offers, "More news" teasers, a consent dialog) is no part of it, however much there is: a
    one-paragraph story beside four sponsored ones had been read as those four. None when no
    `<article>` holds the headline (the story may be anywhere), or several do (a page of
    stories), or it holds no prose (only the story's header, its body beside it)."""
    found: HtmlElement | None = None
    for article in body.iter("article"):
        if article.find(".//h1") is None:
            continue
        if found is not None and not attached(article, found):
            return None
        found = found if found is not None else article
    if found is None:
        return None
    for p in found.iter("p"):
        if text_length(p) >= _STORY_SENTENCE and link_density(p) < 0.3:
            return found
    return None
