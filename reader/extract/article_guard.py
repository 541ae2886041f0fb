"""What holds the article: the guard on every removal both cleanup passes make.

Class names lie both ways (a layout wrapper called "panel-two-col-sidebar" can hold the whole
article), so no rule removes an element that contains an `<article>`, `<main>` or `articleBody`,
a large share of the text around it, or several paragraphs of prose (`holds_article`); nor the
paragraphs `mark_article_named_away` finds the class words would take when they would take the
whole article ("<p class="ad-text">" each). Apart from `furniture`, which names what the page's
furniture is, because this is the other side of each removal: what must stay whatever its name.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml.html import HtmlElement

from .furniture import HEADING_TAGS, attached, link_density, text_length

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


# What a site rule's body holds that the user named as the article (`chosen_text`): a paragraph
# of text is a sentence's length at least, most of it no link ("Advertisement", "Read more:
# <a story>", a share row or a list of links are none).
_CHOSEN_PARAGRAPH_CHARS = 60
_CHOSEN_TEXT_BLOCKS = ("p", "blockquote", "li", "dd", "pre")


def chosen_text(el: HtmlElement) -> bool:
    """`el`, inside the body a site rule names, holds what the user said is the article's
    whatever the page's names or tags guess: a paragraph of text, a table (or a list of terms
    and their values, `<dl>`), a figure, or headings alone (an `<h2>` in a `<header>` of its
    own). A box of links, a share row, a label ("Advertisement") holds none of these."""
    if next(el.iter("td", "th", "dt"), None) is not None:
        return True
    if any(
        next(f.iter("img", "picture", "video", "svg"), None) is not None for f in el.iter("figure")
    ):
        return True
    if link_density(el) >= 0.5:
        return False
    blocks = list(el.iter(*_CHOSEN_TEXT_BLOCKS)) or [el]
    if any(text_length(b) >= _CHOSEN_PARAGRAPH_CHARS and link_density(b) < 0.5 for b in blocks):
        return True
    headings = sum(text_length(h) for h in el.iter(*HEADING_TAGS))
    return headings > 0 and headings == text_length(el)


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
