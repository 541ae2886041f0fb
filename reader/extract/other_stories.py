"""The other stories a page preloads beside its own: an endless-scroll news site sends the next
story (and the one after) in the same page, each its own `<article>` with its own headline, and
readability takes the element holding them all.

Only a page whose article element holds several `<article>`s, one of which alone carries the
page's headline, is cut down to that one: a live blog's updates and a section front's teasers
are `<article>`s too, but none of them carries the page's headline. And only the stories made
by the same template as the page's own (an `<article>` of the same class): a page whose
headline sits in an `<article>` of its own, a header above the body's (`article-header`,
`article-body`) or above a live blog's updates, keeps the body and the updates.

And the strips of teaser cards after the story ("Latest", "More from the Gazette"): the site's
other stories as `<article>` cards, each a linked headline and its summary
(`without_teaser_strips`).
"""

from __future__ import annotations

from urllib.parse import urldefrag

from lxml.html import HtmlElement

from .furniture import HEADING_TAGS, class_names, drop
from .live_blog import ENTRIES
from .story_links import all_of_the_site

_HEADLINES = ("h1", "h2")


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def without_other_stories(root: HtmlElement, title: str) -> None:
    """Drop from `root` (readability's article element) each outermost `<article>` with a
    headline of its own, when another one alone carries the page's headline `title`."""
    key = _norm(title)
    if not key:
        return
    stories = [a for a in root.iterdescendants("article") if _outermost(a, root)]
    if len(stories) < 2:
        return
    own = [s for s in stories if any(_norm(h.text_content()) == key for h in s.iter(*_HEADLINES))]
    if len(own) != 1:
        return
    template = class_names(own[0])
    for story in stories:
        if story is own[0] or next(story.iter(*_HEADLINES), None) is None:
            continue
        classes = class_names(story)
        if classes & template or not (classes or template):
            drop(story)


def _outermost(article: HtmlElement, root: HtmlElement) -> bool:
    """No `<article>` holds it between it and `root`."""
    for parent in article.iterancestors():
        if parent is root:
            return True
        if parent.tag == "article":
            return False
    return False


# A teaser card says a headline and a sentence or two of summary, a byline, a time; more words
# are a story of its own (the next story preloaded, above) or an item of a roundup.
_CARD_WORDS = 60
# Fewer cards are a link or two the story itself may set as cards.
_MIN_CARDS = 3
# The story the strip follows: a few sentences at least, in paragraphs outside every card.
_STORY_WORDS = 30


def without_teaser_strips(root: HtmlElement, url: str = "") -> None:
    """Drop from `root` (readability's article element) each strip of teaser cards after the
    story: "Latest" or "More from the Gazette", the site's other stories, each an `<article>`
    with a headline linked to another page of the site and its summary. Many news themes make
    every card an `<article>`, and readability takes the strip for a part of the story (a
    `<div>` card is dropped as a link box already).

    A strip is the cards of one element that holds nothing else but their heading ("Latest"),
    which goes with it. Kept: a page that is only cards (a section front, read as its list of
    teasers by `teasers`); cards among the story's own paragraphs or before its end (a roundup's
    items, written between its paragraphs); cards linked to other sites (products a review
    links to)."""
    strips: dict[HtmlElement, list[HtmlElement]] = {}
    for card in root.iterdescendants("article"):
        parent = card.getparent()
        if parent is not None and _is_card(card, url) and parent.get(ENTRIES) is None:
            strips.setdefault(parent, []).append(card)
    strips = {
        holder: cards
        for holder, cards in strips.items()
        if len(cards) >= _MIN_CARDS and _only_cards(holder, cards, root)
    }
    if not strips:
        return
    in_strips = {el for holder in strips for el in holder.iter()}
    prose = [p for p in root.iter("p") if p not in in_strips]
    if sum(len(p.text_content().split()) for p in prose) < _STORY_WORDS:
        return
    story_end = prose[-1]
    for holder, cards in strips.items():
        if not _follows(cards[0], story_end, root):
            continue
        if holder is root:
            for card in cards:
                heading = card.getprevious()
                if heading is not None and heading.tag in HEADING_TAGS:
                    drop(heading)
                drop(card)
        else:
            drop(holder)


def _is_card(card: HtmlElement, url: str) -> bool:
    """A headline linked to another page of the site, with a summary of a line or two."""
    heading = next(card.iter(*HEADING_TAGS), None)
    if heading is None or len(card.text_content().split()) > _CARD_WORDS:
        return False
    links = heading.findall(".//a[@href]")
    linked = sum(len(" ".join(a.text_content().split())) for a in links)
    if not links or linked < 0.8 * len(" ".join(heading.text_content().split())):
        return False
    page = urldefrag(url).url
    try:
        for a in links:
            href = a.get("href", "").strip()
            if not href or href.startswith("#") or urldefrag(href).url == page:
                return False
    except ValueError:  # a malformed address ("http://[x/#a"): no page of the site
        return False
    return all_of_the_site(heading, url)


def _only_cards(holder: HtmlElement, cards: list[HtmlElement], root: HtmlElement) -> bool:
    """`holder` holds its cards and at most headings ("Latest") besides them; or it is `root`
    and the story beside the cards is an element of its own (`<article class="story">`), not
    paragraphs among them."""
    own = set(cards)
    if holder is root:
        return all(child.tag != "p" for child in holder)
    return (
        all(
            child in own or not isinstance(child.tag, str) or child.tag in HEADING_TAGS
            for child in holder
        )
        and not (holder.text or "").strip()
    )


def _follows(el: HtmlElement, before: HtmlElement, root: HtmlElement) -> bool:
    """`el` comes after `before` in the document's order."""
    for node in root.iter():
        if node is el:
            return False
        if node is before:
            return True
    return False
