"""The entries of a page that feed items point into (`page#block-20`: each entry of a live blog
an item of its own, acc48c C3): which of them a new copy of the page changed, or ever corrected.

An entry runs from the block holding its anchor (`Block.anchors`, an id the extractor kept) to
the next block holding one. A sync that finds the page grew marks the page changed (Δ), but an
item pointing into it is changed only when its own entry is: 168 items of one live blog were
all marked again at each sync for the entries added on top."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Article


def entry_texts(article: Article) -> dict[str, str]:
    """Each anchor of `article`'s text, with a digest of its entry's text."""
    texts: dict[str, list[str]] = {}
    current: list[list[str]] = []
    for block in article.blocks:
        if block.anchors:
            current = [texts.setdefault(anchor, []) for anchor in block.anchors]
        for words in current:
            words.append(block.text)
    return {
        anchor: hashlib.sha256("\n".join(words).encode()).hexdigest()[:16]
        for anchor, words in texts.items()
    }


def changed_entries(before: Article, after: Article) -> list[str]:
    """The anchors of `before` whose entry `after` changed or no longer holds (an entry new in
    `after` is a new item's, not a change)."""
    now = entry_texts(after)
    return sorted(anchor for anchor, text in entry_texts(before).items() if now.get(anchor) != text)


def points_into(link: str) -> bool:
    """Whether an item linking to `link` points into its page (`page#block-20`): one entry of
    it, not the page whole."""
    return bool(link.partition("#")[2])


def item_changed(link: str, changed: list[str] | None) -> bool:
    """Whether the item linking to `link`, whose page a sync found changed (or corrected), is
    changed (corrected) itself: one pointing into the page (`#block-20`) when its entry is among
    those `changed` (None: not known, as for a page changed before entries were told apart),
    any other always."""
    if not points_into(link):
        return True
    return changed is None or link.partition("#")[2] in changed
