"""The page's byline, dateline and author-bio elements, as its markup names them: a box named
"byline", "author", "dateline" or "kicker" that is a line and not a wire story's lede, the whole
line of names a marked name stands in, and the writer's bio box round a link to their page.
page_cleanup.py drops them with the rest of the page's furniture.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from .byline import in_a_sentence
from .credit_line import holds_contributors_line
from .furniture import HEADING_TAGS, TOKEN_SPLIT, element_names, text_length

# Bylines (a short "author" box too) and datelines: the metadata holds them; in the body they are
# noise. Kickers (the section label above a headline) are the site's navigation, not the article's
# words. Drupal's "Submitted by editor on Thu, 04/06/2026 - 09:12" is its byline and date.
_BYLINE_TOKENS = frozenset(
    {
        "byline",
        "submitted",
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
# A line of names ("By Steven Lee Myers, Keith Bradsher and Chris Buckley") is shorter than this;
# a sentence naming its author is longer.
_BYLINE_WORDS = 16
_INLINE_TAGS = frozenset({"span", "a", "em", "strong", "b", "i", "small", "time", "address"})
# Elements a one-line byline does not contain; a box holding them is more than a byline.
_BLOCK_TAGS = ("p", "div", "ul", "ol", "table", "section", "figure", *HEADING_TAGS)


def _is_author_link(a: HtmlElement) -> bool:
    """A link to a writer's own page: `rel="author"` or a path like /authors/…, /staff/…"""
    if "author" in a.get("rel", "").lower().split():
        return True
    try:
        path = urlsplit(a.get("href", "")).path.lower()
    except ValueError:  # a malformed address ("http://[x/"): no writer's page
        return False
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
            if el is body or el.tag in ("article", "main") or text_length(el) > _BIO_LENGTH:
                break
            box = el
        if box is None or any(box is b for b in boxes):
            continue
        if next(box.iter("img", "picture"), None) is None:
            continue
        if next(box.iter(*HEADING_TAGS, "figure"), None) is not None:
            continue
        outside = " ".join(box.xpath(".//text()[not(ancestor::a)]"))
        words = {w.strip(".,:;!?'’").casefold() for w in outside.split()}
        if any(part.casefold() in words for part in name if len(part) > 2):
            boxes.append(box)
    return boxes


# A dateline's dash: "PORTLAND, Maine -- Harbour Foods said…", "LONDON (Reuters) - …".
_DATELINE_DASH = re.compile(r"--|[—–]|\s-\s")


def _goes_on_to_a_sentence(text: str) -> bool:
    """After its dash, a dateline's line goes on to a sentence of a few words ("PORTLAND,
    Maine -- Harbour Foods said today it will open a second cold store."); a dateline alone
    ends at its dash, or with its date or time ("LONDON -- 10:42 a.m.")."""
    dash = _DATELINE_DASH.search(text)
    if dash is None:
        return False
    rest = " ".join(text[dash.end() :].split())
    return (
        len(rest.split()) >= 4
        and rest.rstrip('"”’').endswith((".", "!", "?"))
        and not rest.endswith(("a.m.", "p.m."))
    )


def _is_byline(el: HtmlElement, texts: dict[HtmlElement, str]) -> bool:
    tokens = set(TOKEN_SPLIT.split(element_names(el)))
    if _BYLINE_TOKENS.isdisjoint(tokens) or text_length(el) >= 200 or in_a_sentence(el, texts):
        return False
    if holds_contributors_line(el):
        # "Omar Reyes and Ana Silva contributed." in the author box: the story's credit line
        # (the bylines inside the box are asked one by one).
        return False
    # A wire story's or a press release's dateline opens its first sentence ("HOUSTON, Oct. 29
    # -- Brightwater Energy today reported…"): a "dateline" longer than a line of names and
    # dates, or one going on past its dash to a sentence's end, is that paragraph, the lede.
    if tokens & _BYLINE_TOKENS != {"dateline"}:
        return True
    text = el.text_content()
    if len(text.split()) > _BYLINE_WORDS or _goes_on_to_a_sentence(text):
        return False
    return not _opens_a_sentence(el)


def _opens_a_sentence(dateline: HtmlElement) -> bool:
    """A dateline marked inside its paragraph ("<p><span class="dateline">LONDON —</span> The
    Bank of England held rates…"): the first words of the lede, whose sentence goes on after
    it, as a wire story's does when the paragraph itself is marked."""
    if dateline.tag not in _INLINE_TAGS:
        return False
    paragraph = next(dateline.iterancestors("p"), None)
    if paragraph is None:
        return False
    return _goes_on_to_a_sentence(" ".join(paragraph.text_content().split()))


def _names_author(el: HtmlElement) -> bool:
    """A byline of names ("byline", "author"), not a kicker or a timestamp."""
    return not _NAME_TOKENS.isdisjoint(TOKEN_SPLIT.split(element_names(el)))


def _byline_line(el: HtmlElement) -> HtmlElement:
    """What goes with a byline: the element, or the whole line when the element is a name in a
    line of names.

    "Por <span class="last-byline">Josh Max</span>" marks only the last name; removing the span
    alone would leave "Por Steven Lee Myers, Keith Bradsher y" behind, a byline cut short. A
    longer line (a teaser's standfirst after its author's name) keeps its words.
    """
    if not _names_author(el):
        return el  # a kicker or a time in a headline's line: the headline stays
    line = el
    while line.tag in _INLINE_TAGS:
        parent = line.getparent()
        if parent is None or parent.tag in ("body", "article", "main"):
            return el
        line = parent
    if line.tag in HEADING_TAGS or len(line.text_content().split()) > _BYLINE_WORDS:
        return el
    if next(line.iterdescendants(*_BLOCK_TAGS), None) is not None:
        return el
    return line
