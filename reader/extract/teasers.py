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
from dataclasses import dataclass, field, replace
from itertools import pairwise
from urllib.parse import urldefrag, urlsplit

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
class TeaserLines:
    """What the page's cleanup removed beside linked headlines, by the headline's `href`: on a
    section front each teaser's byline and kicker are the teaser's, not furniture."""

    bylines: dict[str, str] = field(default_factory=dict)
    kickers: dict[str, str] = field(default_factory=dict)
    """The labels set over the headlines ("Analysis", "Guest essay")."""


@dataclass(frozen=True)
class Teasers:
    blocks: tuple[Block, ...]
    bylines: tuple[str, ...]
    """The teasers' bylines, as the list shows them."""

    def names_author(self, author: str) -> bool:
        """Every name of `author` is in a teaser's byline."""
        names = [n.strip() for n in author.split(",") if n.strip()]
        return bool(names) and all(any(n in line for line in self.bylines) for n in names)


@dataclass
class _Teaser:
    headline: Block
    kickers: list[Block]
    lines: list[Block]
    """Its summary."""
    byline: str

    @property
    def bare(self) -> bool:
        """A linked headline alone, nothing set above or under it."""
        return not (self.kickers or self.lines or self.byline)

    def item(self) -> Block:
        """The teaser as a list item: its kicker ("Guest essay: "), its headline, bold and
        linked to its story, then its summary and byline after a dash."""
        kickers = " · ".join(k.text.strip() for k in self.kickers)
        inlines = [Inline(f"{kickers}: ")] if kickers else []
        inlines += [replace(i, strong=True) if i.href else i for i in self.headline.inlines]
        after = [line.inlines for line in self.lines]
        after += [(Inline(self.byline),)] if self.byline else []
        for number, run in enumerate(after):
            inlines.append(Inline(" — " if number == 0 else " "))
            inlines.extend(run)
        return Block(BlockKind.LIST_ITEM, tuple(inlines))


def _with_linked_sections(read: list[Block | _Teaser]) -> list[Block]:
    """The section headings and teasers as blocks. Where most teasers have a summary, a bare
    linked headline right before a teaser with one, leading to a page above that teaser's
    story ("/section/opinion" over "/2022/01/24/opinion/story.html"), is the heading of its
    section, linked to the section's page ("Opinion ›"), not a story."""
    teasers = [t for t in read if isinstance(t, _Teaser)]
    summed = sum(bool(t.lines) for t in teasers) > len(teasers) / 2
    out: list[Block] = []
    for at, entry in enumerate(read):
        if isinstance(entry, Block):
            out.append(entry)
            continue
        after = read[at + 1] if at + 1 < len(read) else None
        if (
            summed
            and entry.bare
            and isinstance(after, _Teaser)
            and after.lines
            and _depth(entry.headline) < _depth(after.headline)
        ):
            out.append(entry.headline)
        else:
            out.append(entry.item())
    return out


def _depth(headline: Block) -> int:
    """How many steps down its site the page a headline links to is."""
    href = next((i.href for i in headline.inlines if i.href), "")
    return len([step for step in urlsplit(href).path.split("/") if step])


def _kickers(labels: list[Block], level: int) -> list[Block]:
    """The last of `labels` (the headings above a headline of `level`) that are set smaller
    than it: its kicker, where those before are its section's name."""
    at = len(labels)
    while at and labels[at - 1].level > level:
        at -= 1
    return labels[at:]


def teaser_list(
    blocks: tuple[Block, ...], page_url: str, removed: TeaserLines | None = None
) -> Teasers | None:
    """The page's teasers when `blocks` read as a section front, a list item each (see
    `_Teaser.item`) under its section's heading; None when they read as an article.

    `removed`: the bylines and kickers the page's cleanup removed, by their headline's `href`
    (resolved against the page's address)."""
    removed = removed or TeaserLines()
    total = sum(len(b.text.split()) for b in blocks)
    long_prose = sum(
        len(b.text.split())
        for b in blocks
        if b.kind == BlockKind.PARAGRAPH and len(b.text.split()) >= _LONG_PARAGRAPH
    )
    if not total or long_prose > 0.2 * total or _is_listicle(blocks, page_url):
        return None
    # Each section's heading (a Block) and each teaser: its headline, kickers, summary lines
    # and byline.
    read: list[Block | _Teaser] = []
    labels: list[Block] = []
    teaser: _Teaser | None = None
    for block in blocks:
        if _is_headline(block, page_url):
            # Above the headline, the section's name ("Opinion") and the teaser's kicker
            # ("Guest essay"), which a page sets smaller than the headline.
            kickers = _kickers(labels, block.level)
            # A heading between two lists keeps them apart: no item needs `starts_list`.
            read.extend(labels[: len(labels) - len(kickers)])
            hrefs = [i.href for i in block.inlines if i.href]
            byline = next((removed.bylines[h] for h in hrefs if h in removed.bylines), "")
            kicker = next((removed.kickers[h] for h in hrefs if h in removed.kickers), "")
            if kicker and not kickers:
                # One set as a label (`<span class="kicker">`), not as a heading.
                kickers = [Block(BlockKind.PARAGRAPH, (Inline(kicker),))]
            teaser = _Teaser(block, kickers, [], byline)
            read.append(teaser)
            labels = []
        elif block.kind == BlockKind.HEADING:
            teaser = None
            labels.append(block)
        elif teaser is not None and _is_summary(block):
            teaser.lines.append(block)
    kept = _with_linked_sections(read)
    if sum(isinstance(t, _Teaser) for t in read) < _MIN_TEASERS:
        return None
    if sum(len(b.text.split()) for b in kept) < 0.5 * total:
        return None
    shown = [t.byline for t in read if isinstance(t, _Teaser) and t.byline]
    return Teasers(tuple(kept), tuple(shown))
