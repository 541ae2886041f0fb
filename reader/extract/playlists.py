"""A video playlist closing a story, with the heading set over it.

g1 ends every story with `<h2>VÍDEOS: veja tudo sobre Minas Gerais</h2>` (in a column box of its
own) over a `div.video-playlist` of links to other clips. The playlist is furniture by its name
("playlist"); its heading, left alone at the article's end, headed nothing of the story.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from .furniture import HEADING_TAGS, TOKEN_SPLIT

_NAMES = etree.XPath(
    "descendant-or-self::*/@class | descendant-or-self::*/@id", smart_strings=False
)


def without_playlist_headings(doc: HtmlElement) -> None:
    """Drop the heading right before a playlist's box: the heading itself, or a box holding
    that heading alone."""
    # The page's names read as one string first: a page naming no playlist (nearly every one)
    # is not walked element by element: 0.3 ms of a demo page, on every page.
    if "playlist" not in " ".join(_NAMES(doc)).lower():
        return
    for box in list(doc.iter()):
        if not isinstance(box.tag, str) or not _is_playlist(box):
            continue
        before = box.getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()
        if before is None or (before.tail or "").strip():
            continue
        if before.tag in HEADING_TAGS or _holds_heading_alone(before):
            before.drop_tree()


def _is_playlist(el: HtmlElement) -> bool:
    names = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return "playlist" in TOKEN_SPLIT.split(names)


def _holds_heading_alone(box: HtmlElement) -> bool:
    children = [c for c in box if isinstance(c.tag, str)]
    return (
        len(children) == 1
        and children[0].tag in HEADING_TAGS
        and not (box.text or "").strip()
        and not (children[0].tail or "").strip()
    )
