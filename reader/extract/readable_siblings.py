"""What joins readability's best element from beside it: a paragraph in a box of its own, the
notes its numbers cite, the photo right after a part."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .climb import clean_length
from .corrections import PROMOTION
from .furniture import element_names
from .images import worth_keeping

# A note's number in the text, linked to a place in the page: "1", "[2]", "a", "¹", "†" (not
# a "Top" link back up to the page's header).
_NOTE_NUMBER = re.compile(r"[\[(]?(?:\d{1,3}|[a-z]|[⁰¹²³⁴-⁹]{1,3}|[*†‡§]{1,3})[\])]?", re.I)


def _cited_ids(el: HtmlElement) -> frozenset[str]:
    """The ids the note numbers in `el` link to ("#fn1", "#cite_note-2")."""
    return frozenset(
        href[1:]
        for a in el.iter("a")
        if (href := a.get("href") or "").startswith("#")
        and len(href) > 1
        and _NOTE_NUMBER.fullmatch(a.text_content().strip())
    )


def _holds_ids(el: HtmlElement, ids: frozenset[str]) -> bool:
    """`el` holds the targets of at least two of `ids`, or of the only one: a box of notes."""
    if not ids or not isinstance(el.tag, str):
        return False
    held = sum(1 for e in el.iter() if e.get("id") in ids)
    return held >= min(2, len(ids))


def _paragraph_of(el: HtmlElement) -> HtmlElement | None:
    """The paragraph `el` is: itself, or the one a `<div>` holds and nothing else, which
    Readability.js reads as that paragraph (a correction or an update in its own box beside the
    body: "Correction: an earlier version of this article…")."""
    if el.tag == "p":
        return el
    if el.tag != "div" or (el.text or "").strip() or PROMOTION.search(element_names(el)):
        return None
    children = [c for c in el if isinstance(c.tag, str)]
    if len(children) != 1 or children[0].tag != "p" or (children[0].tail or "").strip():
        return None
    return children[0]


def _pictures_after(el: HtmlElement) -> list[HtmlElement]:
    """The boxes right after `el` holding a picture and at most its caption (a figure, and the
    `<figcaption>` some pages put after it)."""
    found: list[HtmlElement] = []
    following = el.getnext()
    while following is not None and isinstance(following.tag, str):
        caption = following.tag == "figcaption"
        if not (found and caption) and (caption or not _holds_picture_alone(following)):
            break
        found.append(following)
        following = following.getnext()
    return found


def _holds_picture_alone(el: HtmlElement) -> bool:
    """A picture worth a line, and at most its caption and 25 characters more. Read only as far
    as needed: every candidate's next box is asked, and a box of the whole article may be one."""
    if next(el.iter("img"), None) is None:
        return False
    room = 25 + sum(clean_length(c.text_content()) for c in el.iter("figcaption"))
    seen = 0
    for text in el.itertext():
        seen += len(text.strip())
        if seen > room:
            return False
    return any(worth_keeping(img) for img in el.iter("img"))


# The line naming where the story came from, in a box of its own after the body: a Ukrainian
# paper's `<p class="source">Джерело: Львівська міська рада</p>`. Short and unended, it fails
# the sibling test of a paragraph; a citation needs it as much as a "Contributing:" line.
_SOURCE_LINE = re.compile(
    r"(?:source|sources|quelle|fuente|fonte|bron|źródło|джерело|источник|kaynak|sumber|nguồn"
    r"|πηγή|المصدر|מקור)\s*:\s*[^\W\d_][^:]{1,80}",
    re.IGNORECASE,
)


def is_source_line(el: HtmlElement) -> bool:
    """`el` is a paragraph that only names the story's source: "Джерело: …", "Source: …"."""
    paragraph = _paragraph_of(el)
    if paragraph is None or next(paragraph.iter("a", "img"), None) is not None:
        return False
    return bool(_SOURCE_LINE.fullmatch(" ".join(paragraph.text_content().split())))
