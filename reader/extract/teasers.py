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
paragraphs between them and stays an article. So does a listicle of short items (a product
round-up, "films to watch"): its headings are numbered ("1.", "2.", …), or it opens with a
paragraph of its own before them and they lead to other sites (shops, a film's page), where a
front's headlines lead to the site's own stories, or it ends with a section of its own after
them ("How we tested" and how), where a front ends with its last teaser. That last holds
whatever the page's address: a round-up saved to a file has none, and a shop's own round-up
links to the shop's pages as a front links to its stories.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import urldefrag

from ..models import Block, BlockKind, Inline
from ..urls import site_of

# At least this many linked headlines before a page can be a list of teasers.
_MIN_TEASERS = 5
# A summary is a sentence or two; a paragraph this long is an article's prose.
_LONG_PARAGRAPH = 80
# A teaser's line with fewer words is a label ("Photo", "By"), not its summary.
_MIN_SUMMARY_WORDS = 3
# An article's opening paragraph, before its first item, says more than a section's blurb.
_MIN_INTRO_WORDS = 12
# A closing section's paragraph ("We compared each clock with the tide tables every day.") is a
# sentence, not a label or a line of links.
_MIN_CLOSING_WORDS = 8
# An item's number: "1.", "2)", "#3", "4:" before its name.
ITEM_NUMBER = re.compile(r"\s*#?(\d{1,3})\s*[.):]\s")


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


def _numbered(headlines: list[Block]) -> bool:
    """The headlines count up (1, 2, 3…) or down (10, 9, 8…) by one: a listicle's items."""
    numbers = [ITEM_NUMBER.match(b.text) for b in headlines]
    if len(numbers) < 2 or not all(numbers):
        return False
    values = [int(m[1]) for m in numbers if m]
    steps = {b - a for a, b in pairwise(values)}
    return steps in ({1}, {-1}) and 1 in (values[0], values[-1])


def _lead_elsewhere(headlines: list[Block], page_url: str) -> bool:
    """Every headline leads to another site than the page's own (a shop, a film's page)."""
    site = site_of(page_url)
    if not site:
        return False  # no address to judge by: a relative link is the site's own
    targets = [i.href for b in headlines for i in b.inlines if i.href]
    return bool(targets) and all(site_of(t) not in ("", site) for t in targets)


def _closing_section(blocks: tuple[Block, ...], last: int) -> bool:
    """After the last item (at `last`), a heading of the article's own, not linked, with a
    paragraph of prose under it: a round-up's "How we tested", a guide's "The verdict"."""
    after = blocks[last + 1 :]
    for at, block in enumerate(after):
        if block.kind != BlockKind.HEADING or _linked_share(block) > 0:
            continue
        for under in after[at + 1 :]:
            if under.kind == BlockKind.HEADING:
                break
            if _is_summary(under) and len(under.text.split()) >= _MIN_CLOSING_WORDS:
                return True
    return False


def _is_listicle(blocks: tuple[Block, ...], page_url: str) -> bool:
    """`blocks` are one article's items under linked headings: numbered, or after an opening
    paragraph of the article's own and either leading to other sites or followed by a closing
    section of its own."""
    headlines = [i for i, b in enumerate(blocks) if _is_headline(b, page_url)]
    if _numbered([blocks[i] for i in headlines]):
        return True
    first = headlines[0] if headlines else 0
    intro = any(_is_summary(b) and len(b.text.split()) >= _MIN_INTRO_WORDS for b in blocks[:first])
    if not intro or not headlines:
        return False
    return _lead_elsewhere([blocks[i] for i in headlines], page_url) or _closing_section(
        blocks, headlines[-1]
    )


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
    if not total or long_prose > 0.2 * total or _is_listicle(blocks, page_url):
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
