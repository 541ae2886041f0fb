"""The story's key points in its header (a list named "summary", "highlights", "key-points", or
ABC News's box of short paragraphs under their labels), before the body readability took alone:
found for the lead (`find_lead`) and given back with it. Apart from `lead` because they are
told by their own shape, a few lines of words, not the lead's single paragraph."""

from __future__ import annotations

from itertools import pairwise

from lxml.html import HtmlElement

from ..models import Block, BlockKind, Inline
from .furniture import names_of
from .lead_names import _LEAD_TOKENS, _NAMING_ATTRIBUTES, _TOKEN_SPLIT

# A list of the story's key points in its header, by its name or the name of the box holding
# it (Bloomberg's "abstract-v2" in "lede-text-v2"): "summary", "highlights", "key-points".
_POINTS_TOKENS = frozenset(
    {"abstract", "summary", "highlights", "keypoints", "takeaways", "bullets", "tldr"}
)
# Key points are a few sentences or lines, each a few words: not a menu's words or links.
_POINTS_ITEMS = range(2, 9)
_POINT_WORDS = 4
_POINT_CHARS = 300


def _points_tokens(el: HtmlElement) -> set[str]:
    """The words of `el`'s names, its naming attributes' (the SCMP's
    `data-qa="ContentSubHeadline-SubHeadline"`) and its `aria-label`'s (ABC's "Key points"),
    with each two written as one ("key points" is "keypoints")."""
    names = " ".join([names_of(el), *(el.get(a, "") for a in (*_NAMING_ATTRIBUTES, "aria-label"))])
    parts = _TOKEN_SPLIT.split(names.lower())
    return {*parts, *(a + b for a, b in pairwise(parts))}


def _names_points(el: HtmlElement) -> bool:
    tokens = _points_tokens(el)
    return not _POINTS_TOKENS.isdisjoint(tokens) or not _LEAD_TOKENS.isdisjoint(tokens)


# A box of key points as paragraphs under their own short headings (ABC News's
# `<section aria-label="Key points"><h2>In short:</h2><p>…</p><h2>What's next?</h2><p>…`).
_POINTS_BOX_TAGS = ("section", "div", "aside")
_POINTS_LABEL_WORDS = 5


def _points_box(box: HtmlElement) -> HtmlElement | None:
    """The box of paragraphs `box` is or wraps alone, when it is named for key points and
    holds only a few paragraphs of words, each group under a label of a few words."""
    if box.tag not in _POINTS_BOX_TAGS or _POINTS_TOKENS.isdisjoint(_points_tokens(box)):
        return None
    while True:
        children = [c for c in box if isinstance(c.tag, str)]
        if len(children) != 1 or children[0].tag not in _POINTS_BOX_TAGS:
            break
        box = children[0]
    if (box.text or "").strip() or any((c.tail or "").strip() for c in children):
        return None
    paragraphs = [c for c in children if c.tag == "p"]
    labels = [c for c in children if c.tag in ("h2", "h3", "h4", "h5", "h6", "strong")]
    if len(paragraphs) + len(labels) != len(children) or len(paragraphs) not in _POINTS_ITEMS:
        return None
    if any(len(label.text_content().split()) > _POINTS_LABEL_WORDS for label in labels):
        return None
    texts = [" ".join(p.text_content().split()) for p in paragraphs]
    if any(len(t.split()) < _POINT_WORDS or len(t) > _POINT_CHARS for t in texts):
        return None
    links = sum(len(" ".join(a.text_content().split())) for a in box.iter("a"))
    return box if links < 0.3 * sum(map(len, texts)) else None


def _key_points(
    doc: HtmlElement, anchor: HtmlElement, order: dict[HtmlElement, int], near: set[HtmlElement]
) -> HtmlElement | None:
    """The list of the story's key points in its header, before the body (`anchor`), near it:
    readability takes the body alone and left it out. A list of a few lines of words, named
    for a summary itself or in the header's lead box, not links; or a box of such paragraphs
    named for key points (`_points_box`)."""
    for lst in doc.iter("ul", "ol", *_POINTS_BOX_TAGS):
        if order[lst] >= order[anchor]:
            break
        if near.isdisjoint(lst.iterancestors()) or any(a is lst for a in anchor.iterancestors()):
            continue
        if lst.tag in _POINTS_BOX_TAGS:
            box = _points_box(lst)
            if box is not None:
                return box
            continue
        if not (
            _names_points(lst) or (lst.getparent() is not None and _names_points(lst.getparent()))
        ):
            continue
        items = lst.findall("li")
        if len(items) not in _POINTS_ITEMS or len(items) != len(lst):
            continue
        texts = [" ".join(li.text_content().split()) for li in items]
        if any(len(t.split()) < _POINT_WORDS or len(t) > _POINT_CHARS for t in texts):
            continue
        links = sum(len(" ".join(a.text_content().split())) for a in lst.iter("a"))
        if links < 0.3 * sum(map(len, texts)):
            return lst
    return None


def points_labels(blocks: list[Block]) -> list[Block]:
    """The headings of a key points box ("In short:", "What's next?") as the bold lines they
    are: as headings they would head the body after them as a section of theirs."""
    return [
        Block(BlockKind.PARAGRAPH, (Inline(b.text, strong=True),))
        if b.kind == BlockKind.HEADING
        else b
        for b in blocks
    ]
