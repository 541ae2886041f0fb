"""A page for subscribers: what its schema.org declaration says, and whether the text is hidden.

A site declares an article not free with `isAccessibleForFree: false` in its JSON-LD, on the
article itself or on a part of it (`hasPart`, a `WebPageElement` naming the paywalled element by
its `cssSelector`). The declaration alone does not mean the text is missing: a metered site
declares every article so and still serves it whole, hiding it with scripts after a reader's
tenth article (Folha's and the New York Times's pages in the extraction corpus). So a page is
taken to hide its text when it declares the article not free and either

- the part it names is on the page and (almost) empty: the text was taken out of it; or
- no part it names is on the page, and what the page gives is a teaser's length.

Some sites declare it in microdata instead, as schema.org allows: an `isAccessibleForFree`
property of "False" on the article's item, or on a `hasPart` item, the paywalled element itself.

Many sites declare nothing and cut the article server-side, showing a box in the rest's place:
"This article is for subscribers only … Already a subscriber? Sign in" (`wall_on_page`). Such a
box, shown on the page, after a teaser's length of text is the same mark; a whole article with a
subscription offer at its foot is longer, and a newsletter's "Subscribe to our newsletter" is no
wall.

`FOR_SUBSCRIBERS` is then the article's `incomplete`: not the whole article, and nothing a sync
can fetch will bring the rest. The offer box ("Subscribe to keep reading … Already a subscriber?
Log in") is furniture whatever the page declares: `is_offer_box`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import islice
from typing import Any

from lxml.html import HtmlElement

from ..models import Block, BlockKind
from .furniture import (
    FURNITURE_ROLES,
    HEADING_TAGS,
    PAID_PART,
    TOKEN_SPLIT,
    attached,
    names_of,
)
from .json_ld import is_article
from .page_cleanup import hides_from_view
from .wall_words import (
    OFFER_CHARS,
    SUBSCRIBING,
    SUBSCRIBING_HINT,
    WALL_NAME,
    is_offer_box,
    says_wall,
)

FOR_SUBSCRIBERS = "the page is for subscribers and shows only the start of the article"
# A paywalled part holding fewer words than this was emptied for us; a page of a site that
# names no part on the page, giving fewer than `_TEASER_WORDS`, gave its teaser. A metered
# site's whole article is longer (Folha's shortest in the corpus: 400 words).
_EMPTIED_WORDS = 10
_TEASER_WORDS = 150

# Where a site's log-in line sits on every page ("Already a subscriber? Sign in" in its header,
# "Subscribe to comment" under the comments): no wall in the article's place.
_AROUND_THE_PAGE = ("nav", "header", "footer", "aside")
_AROUND_NAMES = frozenset(
    {"nav", "navbar", "menu", "masthead", "topbar", "header", "footer", "comments", "comment"}
)
# A page names its paywalled part or two; a declaration of thousands (3,000 on a page of 5,000
# boxes took 195 s) is read no further than this, and no selector longer than this.
_MAX_SELECTORS = 8
_MAX_SELECTOR_CHARS = 200


def _not_free(obj: Any) -> bool:
    if not isinstance(obj, dict):
        return False
    free = obj.get("isAccessibleForFree")
    return free is False or (isinstance(free, str) and free.strip().lower() == "false")


def _declared_free(json_ld: list[dict[str, Any]], props: list[HtmlElement]) -> bool:
    """An article of the page declared free (`isAccessibleForFree: true`), in JSON-LD or in
    microdata (`props`, the page's `_free_props`)."""
    if any(is_article(obj) and _free(obj.get("isAccessibleForFree")) for obj in json_ld):
        return True
    return any(_free(prop.get("content", prop.text_content())) for prop in props)


def _free_props(doc: HtmlElement) -> list[HtmlElement]:
    """The page's microdata properties saying whether an item is free, the first few."""
    # The XPath string test runs on the few itemprop values only, found on the attribute axis
    # (a test of every element for one took three times as long).
    found = doc.xpath("//@itemprop[contains(., 'isAccessibleForFree')]/..")
    return found[:_MAX_SELECTORS]


def _free(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _parts(article: dict[str, Any]) -> list[Any]:
    parts = article.get("hasPart")
    return parts if isinstance(parts, list) else [parts]


def behind_paywall(article: dict[str, Any]) -> bool:
    """A JSON-LD article object declared not free, itself or one of its parts."""
    return _not_free(article) or any(_not_free(part) for part in _parts(article))


@dataclass(frozen=True)
class Paywall:
    """What a page declares of its paywall, read before cleanup drops the paywalled part."""

    declared: bool = False
    """An article of the page is declared not free."""
    part_words: int | None = None
    """Words in the elements its not-free parts name by `cssSelector`; None when none is on
    the page."""
    free: bool = False
    """An article of the page is declared free: taken at its word, a box of offers on it is
    no wall."""
    wall: bool = False
    """A box standing in for the rest of the article is shown on the page (`wall_on_page`)."""

    def with_wall(self, doc: HtmlElement) -> Paywall:
        """This, with the wall looked for on `doc` when the page declares nothing: `doc` as
        `prepare` left it (no scripts, nothing hidden), before the furniture pass drops the
        wall."""
        if self.declared or self.free:
            return self
        return replace(self, wall=wall_on_page(doc))

    @property
    def marked(self) -> bool:
        """The page declares the article not free or shows a wall: else `hides_text` is False
        whatever the words read, and they need no counting."""
        return self.declared or self.wall

    def hides_text(self, words_read: int) -> bool:
        """The page hides the rest of the article from us (see the module's docstring)."""
        if not self.declared:
            return self.wall and words_read < _TEASER_WORDS
        if self.part_words is not None:
            return self.part_words < _EMPTIED_WORDS
        return words_read < _TEASER_WORDS


def before_the_wall(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The article's `blocks` up to the wall: the first line saying a wall's words ("Subscribe
    to unlock this article") after a paragraph of the teaser, and all after it, go. The FT's
    barrier is a box of its own, not named as furniture nor an offer in the words
    `is_offer_box` knows, holding its offer's prices and FAQs under headings: it came out as
    the article's sections, longer than the teaser. Nothing cut when no teaser comes first (a
    label over the article, Le Monde's "Article réservé aux abonnés")."""
    teaser = False
    for at, block in enumerate(blocks):
        text = block.text
        if len(text) <= OFFER_CHARS and (says_wall(text) or is_offer_box(text)):
            if teaser:
                return blocks[:at]
        elif block.kind == BlockKind.PARAGRAPH and text.strip():
            teaser = True
    return blocks


def read_paywall(json_ld: list[dict[str, Any]], doc: HtmlElement) -> Paywall:
    """What the page's `json_ld` (its `json_ld_objects`) declares of its paywall, with the
    paywalled parts looked up in `doc`, the page as it came, and marked there (`PAID_PART`)."""
    from lxml.cssselect import CSSSelector

    articles = [obj for obj in json_ld if is_article(obj) and behind_paywall(obj)]
    props = _free_props(doc)
    declared_in_microdata, microdata_parts = _microdata(props)
    if not articles and not declared_in_microdata:
        return Paywall(free=_declared_free(json_ld, props))
    selectors = list(
        dict.fromkeys(
            part["cssSelector"].strip()
            for article in articles
            for part in _parts(article)
            if _not_free(part)
            and isinstance(part.get("cssSelector"), str)
            and len(part["cssSelector"]) <= _MAX_SELECTOR_CHARS
        )
    )[:_MAX_SELECTORS]
    # Each element once, however many selectors (or microdata besides) name it.
    found: dict[HtmlElement, None] = dict.fromkeys(microdata_parts)
    for selector in selectors:
        try:
            found.update(dict.fromkeys(CSSSelector(selector)(doc)))
        except Exception:  # SelectorError, or lxml's XPath errors ("ns|div"): the site's mistake
            continue  # as if it named no part
    if not found:
        return Paywall(declared=True)
    words = 0
    for part in found:
        if _is_the_wall(part):
            # Haaretz names its wall itself (`<div class="paywall">`, "כתבה זו זמינה למנויים
            # בלבד"): the subscribers' text was taken out and the wall put in its place.
            continue
        # The subscribers' text, which the site names for its paywall often ("paywall",
        # "paywall-content"): never taken for the wall by that name (`furniture.PAID_PART`).
        part.set(PAID_PART, "")
        words += len(part.text_content().split())
    return Paywall(declared=True, part_words=words)


def _is_the_wall(part: HtmlElement) -> bool:
    """The part a page declares paywalled is its wall: a short box saying a wall's words. The
    subscribers' text (Bloomberg's every paragraph named "paywall") is prose."""
    text = " ".join(part.text_content().split())
    return len(text) <= OFFER_CHARS and (says_wall(text) or is_offer_box(text))


def _microdata(props: list[HtmlElement]) -> tuple[bool, list[HtmlElement]]:
    """Whether the page's microdata (`props`, its `_free_props`) declares an article not free
    (itself or a part of it), and the parts it declares so: the `hasPart` items, each the
    paywalled element itself."""
    declared, parts = False, []
    for prop in props:
        value = prop.get("content")
        if value is None:
            value = prop.text_content()
        # Read as the JSON-LD property is: "False" in any case, around spaces.
        if "isAccessibleForFree" not in prop.get("itemprop", "").split() or not _not_free(
            {"isAccessibleForFree": value}
        ):
            continue
        item = next((el for el in prop.iterancestors() if el.get("itemscope") is not None), None)
        if item is None:
            continue
        if "hasPart" in item.get("itemprop", "").split():
            declared = True
            parts.append(item)
        elif is_article({"@type": item.get("itemtype", "").split()}):
            declared = True
    return declared, parts


def wall_on_page(doc: HtmlElement) -> bool:
    """A subscription wall in the article's place, shown on the page `doc` (as `prepare` left
    it, before the furniture pass drops the wall): a short box saying the article is for
    subscribers or offering one to read on (`is_offer_box`), or a short box named for a wall
    that speaks of subscribing or signing in. Not one the page hides (a metered site's, for
    scripts to show after a reader's tenth article), nor a log-in line in the site's header,
    menu or footer."""
    body = doc.find("body")
    if body is None or not _may_hold_a_wall(body):
        return False
    boxes: dict[HtmlElement, None] = {}
    # A walk of the page: each element named for a wall, and each text run saying its words,
    # in the block holding that run; no more of either than a teaser's page shows.
    hinted = 0
    for el in body.iter():
        if len(boxes) > _MAX_BOXES or hinted > _MAX_BOXES:
            break
        if not isinstance(el.tag, str):
            continue
        if (el.get("class") or el.get("id")) and WALL_NAME.search(names_of(el)):
            boxes[el] = None
        for run, holder in ((el.text, el), (el.tail, el.getparent())):
            if not run or holder is None or not SUBSCRIBING_HINT.search(run.lower()):
                continue
            hinted += 1
            if (
                says_wall(run)
                and holder.tag not in _UNSHOWN
                and not any(a.tag in _UNSHOWN for a in holder.iterancestors())
            ):
                block = next(
                    (b for b in (holder, *holder.iterancestors()) if b.tag in _BOX_TAGS), holder
                )
                boxes[block] = None
    for box in boxes:
        text = " ".join(box.text_content().split())
        short = len(text) <= OFFER_CHARS  # a box, not prose
        if (
            short
            # Its runs apart too: a label ending its run ("付费阅读", pay to read) runs into the
            # button after it ("付费阅读登录") in unspaced scripts.
            and (says_wall(text) or says_wall(" ".join(box.itertext())) or _named_wall(box, text))
            and not around_the_page(box)
            and not _text_goes_on_after(box)
            and not _after_the_text_it_hides(box)
        ):
            return True
    return False


def _after_the_text_it_hides(box: HtmlElement) -> bool:
    """The box follows the text it stands over, on the page whole: a box named for the wall
    holding the article's paragraphs (Bloomberg's `class="paywall"`, which its script hides
    after a reader's free articles) comes just before it. Those paragraphs are read as the
    article, so "Subscribe to read the rest" under them cuts nothing (acc39a L6: the whole
    article marked "not all of it")."""
    for el in (box, *box.iterancestors()):
        before = el.getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()
        if before is not None:
            return WALL_NAME.search(names_of(before)) is not None and _prose_in(before)
        if el.tag in ("article", "main", "body"):
            return False
    return False


def _prose_in(el: HtmlElement) -> bool:
    prose = 0
    for para in el.iter("p"):
        if len(" ".join(para.text_content().split())) >= _PROSE_CHARS:
            prose += 1
            if prose >= _PROSE_AFTER:
                return True
    return False


# The paragraphs of the article after a box that say it goes on past the box.
_PROSE_AFTER = 2
_PROSE_CHARS = 40
# The paragraphs after a box, and the headings between them, no more than a page's first few.
_PARAGRAPHS_AFTER = (
    "following::*[self::p or self::h1 or self::h2 or self::h3 or self::h4][position() <= 50]"
)


def _text_goes_on_after(box: HtmlElement) -> bool:
    """The article's paragraphs follow the box, in its `<article>` or `<main>`: the box labels
    the article rather than cutting it ("Article réservé aux abonnés" over a whole Le Monde
    article, as a subscriber's copy shows it, was read as a wall and the article as a teaser).
    A wall ends the teaser: what follows it, if anything, is the site's."""
    holder = next((a for a in box.iterancestors() if a.tag in ("article", "main")), None)
    if holder is None:
        return False
    wall = _whole_wall(box, holder)
    # A heading saying a wall's words ("Subscribe to read the rest") after the teaser heads the
    # wall's own lines, its price and what a subscription brings, up to the next heading; over
    # the article, it labels it.
    under_the_heading = box.tag in HEADING_TAGS and _prose_before(box, holder)
    prose = 0
    for para in box.xpath(_PARAGRAPHS_AFTER):
        if para.tag != "p":
            under_the_heading = False
            continue
        if (
            not under_the_heading
            and attached(para, holder)
            and not attached(para, wall)
            and len(" ".join(para.text_content().split())) >= _PROSE_CHARS
        ):
            prose += 1
            if prose >= _PROSE_AFTER:
                return True
    return False


def _prose_before(box: HtmlElement, holder: HtmlElement) -> bool:
    """A paragraph of the article's prose comes before `box` in `holder`: the teaser."""
    return any(
        attached(para, holder) and len(" ".join(para.text_content().split())) >= _PROSE_CHARS
        for para in box.xpath("preceding::p[position() <= 50]")
    )


def _whole_wall(box: HtmlElement, holder: HtmlElement) -> HtmlElement:
    """The box of offers `box` is a line of: its largest ancestor under `holder` still a box's
    length. Its price line and what a subscription brings, under "Subscribe to read the rest",
    are the wall's lines, not the article going on (acc44c C2: a teaser read whole)."""
    wall = box
    for el in box.iterancestors():
        if el is holder or len(" ".join(el.text_content().split())) > OFFER_CHARS:
            break
        wall = el
    return wall


def _may_hold_a_wall(body: HtmlElement) -> bool:
    """A class or id of a wall's name, or a text run of a wall's words, is in `body`: read as
    plain strings, without the walk of every element `wall_on_page` then takes (a third of
    the time a page took to read, on every page)."""
    names = body.xpath(".//@class | .//@id", smart_strings=False)
    if WALL_NAME.search(" ".join(names).lower()):
        return True
    # The page's text as one string, each word of subscribing in it read with the words around
    # it; its text runs joined by spaces, as the walk reads them apart: run into the next box's
    # ("…aux abonnésDepuis mardi"), a label's last word was no word, and its wall was missed.
    text = " ".join(body.xpath(".//text()", smart_strings=False))
    hits = islice(SUBSCRIBING_HINT.finditer(text.lower()), _MAX_BOXES)
    return any(
        says_wall(text[max(hit.start() - _PHRASE_CHARS, 0) : hit.end() + _PHRASE_CHARS])
        for hit in hits
    )


# Every phrase of a wall or an offer (`wall_words`) is shorter than this, and holds its word of subscribing:
# read this far either side of that word, each is found (a box's whole text was read, 400
# characters a side, each time: half a small page's reading).
_PHRASE_CHARS = 120


# A page's words of subscribing, and boxes that may be its wall, read no further than this: a
# hostile page of 60,000 "subscribe"s took a minute.
_MAX_BOXES = 100
# Text no reader sees.
_UNSHOWN = frozenset({"script", "style", "template", "noscript", "textarea"})
_BOX_TAGS = frozenset({"p", "div", "section", "aside", "li", "td", "blockquote", *HEADING_TAGS})


def _named_wall(box: HtmlElement, text: str) -> bool:
    return WALL_NAME.search(names_of(box)) is not None and SUBSCRIBING.search(text) is not None


def around_the_page(box: HtmlElement) -> bool:
    """Hidden, or in the site's header, menu or footer rather than the article's place."""
    for el in (box, *box.iterancestors()):
        if hides_from_view(el):
            return True
        if el is box:
            continue
        if el.tag in _AROUND_THE_PAGE and not any(
            a.tag in ("article", "main", "section") for a in el.iterancestors()
        ):
            return True
        if el.get("role") in FURNITURE_ROLES - {"dialog", "alert"}:
            return True
        if not _AROUND_NAMES.isdisjoint(TOKEN_SPLIT.split(names_of(el))):
            return True
    return False
