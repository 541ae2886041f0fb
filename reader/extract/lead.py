"""The lead paragraph (standfirst, dek) that sits in the article's header, outside its body.

readability-lxml finds the body of the text; many pages put the lead in the header beside the
headline (`<div class="story-dek">`, `<div id="news-lead">`) where readability never looks.
A lead is recognised by its class/id or by repeating the page's own description, and only when it
comes shortly before the body readability found. The lead photo's caption sits there too (the
headline, the standfirst, the photo, then the body): it is kept as the body's own captions are.
A standfirst set as a heading is a paragraph (`dek_as_paragraph`). The words a lead is named by
are in `lead_names`; the story's key points, found with the lead, in `key_points`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml.html import HtmlElement

from ..models import Block, BlockKind
from .byline_names import line_byline
from .furniture import names_of
from .key_points import _key_points
from .lead_names import _TOKEN_SPLIT, _is_lead_like, _norm
from .written_dates import line_dates, opens_with_date_label, states_only_dates

# The shortest standfirst: a line of a few words ("And what the fishermen knew all along"),
# not a label ("Summary", "Intro").
_LEAD_CHARS = 20
_LEAD_WORDS = 4
_CAPTION_TOKENS = frozenset({"caption", "description"})
# How far apart (in common ancestors) a lead and the first paragraph of the body may be.
_NEAR = 4


# What may set a standfirst under the headline: a subheading or a paragraph.
_UNDER_HEADLINE_TAGS = ("h2", "h3", "p")


def _under_the_headline(el: HtmlElement, body: HtmlElement) -> bool:
    """`el` comes right after the headline, in its box: the subtitle however a site names it
    (El País's `<h2 class="a_st">`, its "subtítulo"), unless it is the byline or the date
    (Le Monde's "Le Monde | 04.05.2015 à 13h36 • Mis à jour … | Par Martin Untersinger").
    The headline's box is apart from the `body`'s: a line after an `h1` among the body's own
    paragraphs is the body's, which its cleanup kept or left out (an affiliate notice)."""
    if el.tag not in _UNDER_HEADLINE_TAGS:
        return False
    box = el.getparent()
    if box is None or any(a is box for a in body.iterancestors()):
        return False
    if el.tag == "p" and box.tag != "header":
        # A paragraph is a subtitle only in the article's <header> (El País's <p class="a_st">):
        # elsewhere it may be a blurb the corpus's reference leaves out of the article
        # (BuzzFeed's <hgroup><h1>…<p class="description">), so only a name makes it one.
        return False
    before = el.getprevious()
    if before is None or before.tag != "h1" or (before.tail or "").strip():
        return False
    text = " ".join(el.text_content().split())
    return not (
        line_byline(text)
        or opens_with_date_label(text)
        or states_only_dates(text)
        or any(line_dates(text))
    )


@dataclass(frozen=True)
class Lead:
    """What the article's header holds that the body readability found misses."""

    text: str = ""
    """The standfirst, as plain text ("" when there is none or the body has it)."""
    caption: HtmlElement | None = None
    """The lead photo's caption (a `<figcaption>`), to come before the body."""
    after_standfirst: bool = False
    """The caption comes after the body's first paragraph, the standfirst readability kept
    beside the body (the headline, the standfirst, the photo, then the body)."""
    points: HtmlElement | None = None
    """The story's key points, a list in its header under the headline (Bloomberg's
    `<ul class="abstract-v2">`), to come after the standfirst."""


def _is_photo_caption(el: HtmlElement, anchor: HtmlElement) -> bool:
    """An element named a caption that shares a box with a photo, apart from the body."""
    if not isinstance(el.tag, str) or el.tag not in ("div", "p", "span"):
        return False
    tokens = set(_TOKEN_SPLIT.split(names_of(el)))
    if _CAPTION_TOKENS.isdisjoint(tokens):
        return False
    for holder in el.iterancestors():
        if holder is anchor or any(a is holder for a in anchor.iterancestors()):
            return False  # the box holds the body too: the photo is not the caption's
        if next(holder.iter("img", "picture"), None) is not None:
            return True
    return False


def _lead_caption(
    doc: HtmlElement,
    anchor: HtmlElement,
    order: dict[HtmlElement, int],
    near: set[HtmlElement],
    have: str,
) -> HtmlElement | None:
    """The caption of the last photo before the body, in the body's near ancestors: a
    <figcaption>, or an element named a caption beside a photo (a slideshow's first slide)."""
    found: HtmlElement | None = None
    for el in doc.iter():
        if el is anchor:
            break
        if found is not None and any(a is found for a in el.iterancestors()):
            continue  # a part of the caption found (its text beside its credit)
        if el.tag == "figcaption" or _is_photo_caption(el, anchor):
            found = el
    if found is None or near.isdisjoint(found.iterancestors()):
        return None
    text = " ".join(found.text_content().split())
    # Compared without spaces: the blocks set a caption's credit apart from its text, and the
    # page's markup may not ("the plan.Photo by …").
    # A credit alone ("Фото: КМВА") is a short caption, and worth keeping under its figure's
    # photo, which would be lost with it; a few words elsewhere may be a stray label.
    if len(text.split()) < 3 and not _in_a_pictured_figure(found):
        return None
    if "".join(_norm(text).split()) in "".join(have.split()):
        return None
    links = sum(len(a.text_content()) for a in found.iter("a"))
    return found if links < 0.5 * len(text) else None


def _in_a_pictured_figure(caption: HtmlElement) -> bool:
    """`caption` is a `<figcaption>` whose `<figure>` holds a picture."""
    figure = next(caption.iterancestors("figure"), None)
    return (
        caption.tag == "figcaption"
        and figure is not None
        and next(figure.iter("img", "picture"), None) is not None
    )


def _starting_with(doc: HtmlElement, start: str) -> HtmlElement | None:
    """The outermost paragraph or box whose text starts with `start` (normalised)."""
    for el in doc.iter("p", "div"):
        if _opens_with(el, start):
            return el
    return None


def _opens_with(el: HtmlElement, start: str) -> bool:
    """`_norm(el.text_content()).startswith(start)`, reading only the first of the text: the
    boxes round the whole page come first, and each was read whole (a third of the time taken
    to find the lead). Once its words hold as many characters as `start`, the text read so far,
    normalised, is as long and a start of the whole normalised (case folding never shortens a
    word)."""
    read: list[str] = []
    letters = 0
    for chunk in el.itertext():
        read.append(chunk)
        letters += sum(map(len, chunk.split()))
        if letters >= len(start):
            break
    return _norm("".join(read)).startswith(start)


def first_paragraph(blocks: tuple[Block, ...]) -> Block | None:
    """The body's first paragraph of prose: more than a kicker's or a credit's few words."""
    return next((b for b in blocks if b.kind == BlockKind.PARAGRAPH and len(b.text) > 40), None)


def dek_as_paragraph(
    blocks: tuple[Block, ...], description: str, doc: HtmlElement | None = None
) -> tuple[Block, ...]:
    """The standfirst a template sets as a heading above the body (Arc XP's
    `<h2 class="b-subheadline">`, Hürriyet's `<h2 class="news-detail-spot">`), saying what the
    page's description says or named a lead, as the paragraph it is: a heading would head the
    body as a section and stand in its outline."""
    description = _norm(description)
    named = _lead_headings(doc) if doc is not None else set()
    if not description and not named:
        return blocks
    for i, block in enumerate(blocks):
        if block.kind == BlockKind.PARAGRAPH:
            break  # the body has begun: a heading there is a section's
        if block.kind == BlockKind.HEADING and block.level > 1:
            text = _norm(block.text)
            if text and (text == description or text in named):
                return (
                    *blocks[:i],
                    replace(block, kind=BlockKind.PARAGRAPH, level=1),
                    *blocks[i + 1 :],
                )
    return blocks


def _lead_headings(doc: HtmlElement) -> set[str]:
    """The texts of the page's subheadings named a lead ("spot", "standfirst", "subtitle")."""
    return {
        _norm(el.text_content())
        for el in doc.iter("h2", "h3", "h4")
        if _is_lead_like(el, "") and len(el.text_content().split()) >= _LEAD_WORDS
    }


def find_lead(doc: HtmlElement, blocks: tuple[Block, ...], description: str) -> Lead:
    """The page's lead (and lead photo's caption, and key points) when the extracted `blocks`
    miss them."""
    first = first_paragraph(blocks)
    if first is None:
        return Lead()
    paragraphs = [_norm(b.text) for b in blocks]
    have = " ".join(paragraphs)
    description = _norm(description)
    start = _norm(first.text)[:60]
    order = {el: i for i, el in enumerate(doc.iter())}
    anchor = _starting_with(doc, start)
    if anchor is None:
        return Lead()
    near = set(list(anchor.iterancestors())[:_NEAR])
    points = _key_points(doc, anchor, order, near)
    if points is not None and _norm(next(points.iter("li", "p")).text_content()) in have:
        points = None  # readability kept it
    caption = _lead_caption(doc, anchor, order, near, have)
    if caption is None and _is_lead_like(anchor, description):
        # readability kept the standfirst, a paragraph beside the body: the lead photo stands
        # between the two, before the body's own first paragraph.
        second = next(
            (b for b in blocks[blocks.index(first) + 1 :] if b.kind == BlockKind.PARAGRAPH),
            None,
        )
        body = _starting_with(doc, _norm(second.text)[:60]) if second is not None else None
        if body is not None and order[body] > order[anchor]:
            body_near = set(list(body.iterancestors())[:_NEAR])
            caption = _lead_caption(doc, body, order, body_near, have)
            if caption is not None:
                return Lead("", caption, after_standfirst=True, points=points)
    for el in doc.iter("p", "div", "span", "h2", "h3", "strong"):
        if order[el] >= order[anchor]:
            break
        # Told by its place and shape before its text is gathered: the page's wrappers before
        # the body held most of its text, gathered for each (a tenth of the pass's time).
        if next(el.iterdescendants("p", "div", "figure", "ul"), None) is not None:
            continue  # a header block holding the lead and more, not the lead itself
        if next(el.iter("h1"), None) is not None:
            continue  # the headline's box, named a "lead" (AP's `div.Page-lead > h1`)
        if near.isdisjoint(el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        if not _LEAD_CHARS <= len(text) <= 800 or len(text.split()) < _LEAD_WORDS:
            continue
        if _norm(text) in have:
            continue
        if not (_is_lead_like(el, description) or _under_the_headline(el, anchor)):
            continue
        if any(a.tag in ("figure", "figcaption") for a in el.iterancestors()):
            continue  # a caption
        if any(len(b) > 40 and b in _norm(text) for b in paragraphs):
            continue  # overlaps what readability already kept
        links = sum(len(a.text_content()) for a in el.iter("a"))
        if links < 0.3 * len(text):
            return Lead(text, caption, points=points)
    return Lead("", caption, points=points)
