"""The parts of an article around its text, set where a reader looks for them: the lead picture
and the dek, a fact-check's verdict, a match's score, the authors' roles; and what the page turns
out to be instead of an article: a section front's teasers, or a cookie-consent wall. The stage of
`extract_page` after the article's own lines have given its metadata."""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml.html import HtmlElement

from ..models import Block
from ..urls import absolute_url
from .author_roles import with_author_roles
from .body_blocks import _with_lead
from .claim_review import with_claim_review
from .consent import is_consent_wall
from .discussions import Thread
from .lead import dek_as_paragraph, find_lead
from .metadata import Metadata
from .page_declarations import Declarations
from .pull_quotes import without_pull_quotes
from .scoreboard import with_scoreboard
from .teasers import TeaserLines, teaser_list


def _resolved(by_href: dict[str, str], base: str) -> dict[str, str]:
    resolved = ((absolute_url(base, href), value) for href, value in by_href.items())
    return {url: value for url, value in resolved if url}


@dataclass(frozen=True)
class Parts:
    """The article's blocks with their parts in place, and what the page turned out to be."""

    blocks: tuple[Block, ...]
    meta: Metadata
    section_front: bool
    """A section front: its blocks are its teasers."""
    wall: bool
    """The site's cookie-consent page in the article's place: no blocks, no metadata but the
    site's name and language."""


def with_article_parts(
    blocks: tuple[Block, ...],
    meta: Metadata,
    doc: HtmlElement,
    url: str,
    base: str,
    page: Declarations,
    discussion: Thread | None,
    removed: TeaserLines,
    consent_choices: frozenset[str],
    shown: str = "",
) -> Parts:
    """`blocks` with their parts; `removed` the teasers' bylines and kickers the furniture pass
    found, `consent_choices` the consent choices the page offers (`consent_choices`), `shown`
    the text it showed before cleanup (`consent.page_text`)."""
    if discussion is None:
        # A reply quoting the post it answers is no pull quote of the article's.
        blocks = without_pull_quotes(blocks)
    blocks = _with_lead(blocks, find_lead(doc, blocks, meta.description), base)
    blocks = dek_as_paragraph(blocks, meta.description, doc)
    blocks = with_claim_review(blocks, page.json_ld, doc)
    blocks = with_scoreboard(blocks, page.scoreboard)
    # A section front: its teasers, not the credits and labels between them.
    resolved = TeaserLines(_resolved(removed.bylines, base), _resolved(removed.kickers, base))
    teasers = teaser_list(blocks, url, resolved)
    if teasers is not None:
        blocks = teasers.blocks
        if teasers.names_author(meta.author):
            # The page's byline was its first teaser's: a section front has no author.
            meta = replace(meta, author="")
        # A teaser's `<time>` dates its story, not the front: only what the page declares of
        # itself does (a front changes all day; its retrieval is the date that matters).
        published, updated = meta.declared_dates
        meta = replace(meta, published=published, updated=updated)
    else:
        blocks = with_author_roles(blocks, page.roles, meta.author)
    # The site's cookie-consent page in the article's place: no article text at all.
    signed = bool(meta.author or meta.published or meta.updated)
    wall = is_consent_wall(blocks, url, consent_choices, signed, shown)
    if wall:
        # Its title and picture are the wall's; only the site and its language hold.
        blocks = ()
        meta = Metadata(site_name=meta.site_name, language=meta.language)
    return Parts(blocks, meta, teasers is not None, wall)
