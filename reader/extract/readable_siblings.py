"""What joins readability's best element from beside it: a paragraph in a box of its own, the
notes its numbers cite, the photo right after a part."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .climb import clean_length
from .corrections import PROMOTION
from .furniture import element_names
from .images import worth_keeping
from .media import MEDIA_CLASS

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
    # A recording's line beside it (an episode's notes under its player) is the note's own.
    children = [c for c in el if isinstance(c.tag, str) and not _is_media_line(c)]
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


def _is_media_line(el: HtmlElement) -> bool:
    """The line `mark_media` made of a recording or a video ("Audio (MP3)")."""
    return el.tag == "p" and el.get("class") == MEDIA_CLASS


# Words a row of links under a player may hold besides them ("Subscribe: Apple Podcasts ·
# Spotify · RSS"): more is text of its own, past which the line is not the article's.
_ROW_LETTERS = 80


def _media_lines_before(row: list[HtmlElement], first: int) -> list[HtmlElement]:
    """The recordings' lines just before `row[first]`, the article's first part, past rows of
    links only (a podcast's "Apple Podcasts · Spotify" under its player)."""
    found: list[HtmlElement] = []
    for el in reversed(row[:first]):
        if not isinstance(el.tag, str):
            continue
        if _is_media_line(el):
            found.append(el)
            continue
        text = clean_length(el.text_content())
        linked = sum(clean_length(a.text_content()) for a in el.iter("a"))
        if el.tag in ("h1", "h2", "h3") or text > _ROW_LETTERS or linked < text:
            break
    return found


# The line after the text naming where the news came from: "Джерело: Львівська міська рада",
# "Source: Environment Agency", "Fuente: Ministerio de Salud". A journalist citing the story
# needs it as much as a "Contributing:" line; too short for readability's sibling test.
_SOURCE_LINE = re.compile(
    r"^(?:sources?|джерело|джерела|источник|источники|fuentes?|fonte|quelle|bron|źródło|kaynak"
    r"|nguồn|sumber|المصدر|מקור|来源|來源|出典|출처)\s*[:：]\s*\S.{0,150}$",
    re.IGNORECASE,
)


def is_source_line(el: HtmlElement | None) -> bool:
    """`el` is a paragraph (or a box of one) naming the story's source."""
    paragraph = _paragraph_of(el) if el is not None and isinstance(el.tag, str) else None
    return paragraph is not None and bool(
        _SOURCE_LINE.match(" ".join(paragraph.text_content().split()))
    )
