"""Section fronts and index pages: a list of teasers, not one article.

A link in a feed sometimes leads to a section front (a newspaper's "Opinion" page, a blog's
home page): linked headlines, each with a sentence of summary, a photo credit and a byline,
under section labels. No element of such a page is "the article", so readability scores a
fragment or the whole `<main>`, and the result reads as photo credits and kickers between
headlines. The honest reading of that page is its list of teasers: each headline, linked to its
article, with its summary, under its section's name and kicker; not the photo credits and "More
in …" links between them.

A page is taken for one when most of its words are in such teasers and little is long prose:
an article that links its section headings (a roundup of products under linked names) has long
paragraphs between them and stays an article.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urldefrag

from ..models import Block, BlockKind, Inline

# At least this many linked headlines before a page can be a list of teasers.
_MIN_TEASERS = 5
# A summary is a sentence or two; a paragraph this long is an article's prose.
_LONG_PARAGRAPH = 80
# A teaser's line with fewer words is a label ("Photo", "By"), not its summary.
_MIN_SUMMARY_WORDS = 3


def _linked_share(block: Block) -> float:
    total = len(block.text.strip())
    if not total:
        return 0.0
    return sum(len(i.text.strip()) for i in block.inlines if i.href) / total


def _is_headline(block: Block, page_url: str) -> bool:
    """A heading that is a link to another page (a link to a part of this page is a section
    heading with its anchor, as documentation pages have)."""
    if block.kind != BlockKind.HEADING or _linked_share(block) < 0.8:
        return False
    page = urldefrag(page_url).url
    targets = {urldefrag(i.href).url for i in block.inlines if i.href}
    return any(t and t != page and not t.startswith("#") for t in targets)


def _is_summary(block: Block) -> bool:
    return (
        block.kind == BlockKind.PARAGRAPH
        and len(block.text.split()) >= _MIN_SUMMARY_WORDS
        and _linked_share(block) < 0.5
    )


@dataclass(frozen=True)
class Teasers:
    blocks: tuple[Block, ...]
    bylines: tuple[str, ...]
    """The teasers' bylines, as the list shows them."""

    def names_author(self, author: str) -> bool:
        """Every name of `author` is in a teaser's byline."""
        names = [n.strip() for n in author.split(",") if n.strip()]
        return bool(names) and all(any(n in line for line in self.bylines) for n in names)


def teaser_list(
    blocks: tuple[Block, ...], page_url: str, bylines: dict[str, str] | None = None
) -> Teasers | None:
    """The page's teasers (headline, then its summary lines, then its byline) when `blocks`
    read as a section front; None when they read as an article.

    `bylines` are those the page's cleanup removed, by the `href` of the headline they follow."""
    bylines = bylines or {}
    total = sum(len(b.text.split()) for b in blocks)
    long_prose = sum(
        len(b.text.split())
        for b in blocks
        if b.kind == BlockKind.PARAGRAPH and len(b.text.split()) >= _LONG_PARAGRAPH
    )
    if not total or long_prose > 0.2 * total:
        return None
    kept: list[Block] = []
    labels: list[Block] = []
    byline = ""  # of the teaser being read: it ends the teaser, after its summary
    shown: list[str] = []
    headlines = 0
    in_teaser = False
    for block in blocks:
        headline = _is_headline(block, page_url)
        if block.kind == BlockKind.HEADING:
            if byline:
                kept.append(Block(BlockKind.PARAGRAPH, (Inline(byline),)))
                shown.append(byline)
            byline = ""
        if headline:
            # The section's name and the teaser's kicker ("Opinion", "Guest essay") above it.
            kept.extend(labels)
            kept.append(block)
            labels = []
            headlines += 1
            in_teaser = True
            byline = next((bylines[i.href] for i in block.inlines if i.href in bylines), "")
        elif block.kind == BlockKind.HEADING:
            labels.append(block)
            in_teaser = False
        elif in_teaser and _is_summary(block):
            kept.append(block)
    if byline:
        kept.append(Block(BlockKind.PARAGRAPH, (Inline(byline),)))
        shown.append(byline)
    if headlines < _MIN_TEASERS:
        return None
    if sum(len(b.text.split()) for b in kept) < 0.5 * total:
        return None
    return Teasers(tuple(kept), tuple(shown))
