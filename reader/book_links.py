"""Links that stay inside an exported book or page (acc50e A3): a note's number ("¹", linking to
"#fn1"), a link to a heading or figure of the same article, and a link to another article the
book holds, led there rather than to the web, as the reading view follows them offline
(`ui.widgets.article.anchors`, `opens_another_here`: the same article by its own addresses and
the ids its blocks keep, another by its cache key).

The ids a book gives are its own ("n1", "n2"…, under the chapter's prefix in one HTML page): a
page's ids may be anything (spaces, a digit first), never valid XML, nor unique across a page of
many articles.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urldefrag

from .citation import own_addresses
from .keys import article_key
from .models import Article, BlockKind, picture_label

_SPACES = re.compile(r"\s+")
_KEPT = 80
"""How much of a block's words tells it among the chapter's blocks (its start)."""


@dataclass(frozen=True, slots=True)
class Anchors:
    """What a chapter's links are led by: the addresses of its own page, and its blocks that a
    link names (each its first words and the ids it holds), in their order."""

    own: frozenset[str] = frozenset()
    blocks: tuple[tuple[str, tuple[str, ...]], ...] = ()


def anchors_of(article: Article) -> Anchors:
    """The `Anchors` of `article`'s chapter."""
    # A picture by its label, as the file shows it (a link to it, or the picture kept, its
    # alt text its words): a figure's id (`#fig1`) found, not sent to the web (acc50e A8).
    blocks = tuple(
        (_words(picture_label(b.text) if b.kind == BlockKind.IMAGE else b.text), b.anchors)
        for b in article.blocks
        if b.anchors
    )
    return Anchors(frozenset(own_addresses(article)), blocks)


def _words(text: str) -> str:
    return _SPACES.sub(" ", text).strip()[:_KEPT]


def lead_inside(
    tokens: list[Any],
    anchors: Anchors,
    chapters: Mapping[str, str],
    here: str,
    prefix: str = "",
) -> None:
    """Give the blocks among `tokens` (markdown-it's) that a link names an id of the book's,
    and lead each link to an id of them there (`#n1`, `prefix` before it in a page of many
    articles), or to another chapter (`chapters`: its target by its article's cache key; `here`
    this chapter's). A link to this article naming a place no kept text holds (a figure
    left out, an id of the page's script) leads to its start: it went to the web (acc50e
    A8). A link the book can't follow is left to the web."""
    ids = _give_ids(tokens, anchors.blocks, prefix)
    for token in tokens:
        for child in token.children or ():
            if child.type != "link_open":
                continue
            href = str(child.attrGet("href") or "")
            page, fragment = urldefrag(href)
            if not page:
                continue
            name = unquote(fragment)
            if page in anchors.own and fragment:  # its own address, cited, stays the web's
                child.attrSet("href", f"#{ids[name]}" if name in ids else here)
                continue
            target = chapters.get(article_key(page)) if page.startswith("http") else None
            if target and target != here:
                child.attrSet("href", target)


def _give_ids(
    tokens: Sequence[Any], blocks: Sequence[tuple[str, tuple[str, ...]]], prefix: str
) -> dict[str, str]:
    """Set an id on the element of each of `blocks` (found in order by its words), and the
    book's id each of the page's names is given."""
    given: dict[str, str] = {}
    if not blocks:
        return given
    waiting = list(blocks)
    count = 0
    item: Any = None  # the list item a tight list's hidden paragraph is in
    for at, token in enumerate(tokens[:-1]):
        if token.type == "list_item_open":
            item = token
        if token.type not in ("paragraph_open", "heading_open") or not waiting:
            continue
        words = _words(_plain(tokens[at + 1]))
        found = next((n for n, (start, _) in enumerate(waiting) if start == words), None)
        if found is None or not words:
            continue
        _, names = waiting.pop(found)
        count += 1
        own = f"{prefix}n{count}"
        (item if token.hidden and item is not None else token).attrSet("id", own)
        given |= {name: own for name in names if name not in given}
    return given


def section_ids(tokens: Sequence[Any], prefix: str = "") -> list[tuple[str, str]]:
    """The sections of an article among `tokens` (markdown-it's): each heading of the level
    under its title's (h2), its words and its id, given one (`s1`, `s2`… under `prefix`)
    where a link gave it none: a long read's parts listed in the book's contents under it,
    as an e-reader's nested contents show them (acc50e A8)."""
    sections = []
    for at, token in enumerate(tokens[:-1]):
        if token.type != "heading_open" or token.tag != "h2":
            continue
        words = " ".join(_plain(tokens[at + 1]).split())
        if not words:  # a heading of a picture alone: nothing to list it by
            continue
        if not token.attrGet("id"):
            token.attrSet("id", f"{prefix}s{len(sections) + 1}")
        sections.append((words, str(token.attrGet("id"))))
    return sections


def _plain(inline: Any) -> str:
    """The words of markdown-it's inline token, as `Block.text` gives them."""
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "image":  # a picture kept: its label, as a link to one says it
            parts.append(picture_label(_plain(child)))
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def chapter_targets(addresses: Sequence[str], target: Any) -> dict[str, str]:
    """Each chapter's target (`target(n)`, numbered from 1) by its article's cache key: those
    with a web address (an item with no link has none to be linked by)."""
    return {
        article_key(address): target(n)
        for n, address in enumerate(addresses, 1)
        if address.startswith("http")
    }
