"""Where the article's blocks come from: readability's pick, a forum thread's posts, the page's own
container, an HTML fragment (a feed's text, a declared `articleBody`) and when such another text
replaces the page's; and the lead put before the body."""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from ..charset import clean_markup
from ..models import (
    Block,
    BlockKind,
    Inline,
    words_of,
)
from ..page_parsing import HTML_PARSER
from ..safe import safe_text
from .blocks import html_to_blocks
from .inserts import strip_inserts
from .key_points import points_labels
from .lead import Lead, first_paragraph
from .listings import mark_listings
from .math import mark_math
from .media import mark_media
from .nesting import (
    flattened,
    without_nested_paragraphs,
)
from .other_stories import without_other_stories, without_teaser_strips
from .readable import Unparseable, readable_article
from .ruby import without_ruby_readings

_TAG = re.compile(r"<[^>]*>")


# Below this many words the article container probably missed the article (or there is none).
_SHORT = 40


# Another text of the article (the page's declared `articleBody`, the feed's own content or
# summary) replaces what the page's HTML gave when that was almost nothing (a page built by
# scripts), or when the other text is over twice as long: a paywall shows a teaser of a paragraph
# or two, while the feed (content:encoded) carries the whole story.
_TEASER_RATIO = 2


_TEASER_MARGIN = 50


def _replaces(other_words: int, page_words: int) -> bool:
    if page_words < _SHORT:
        return other_words > page_words
    return other_words >= _TEASER_RATIO * page_words + _TEASER_MARGIN


def _longer_text(other_html: str, blocks: tuple[Block, ...], base: str) -> tuple[Block, ...]:
    """`other_html` as blocks when it `_replaces` the page's `blocks`, else none. Its words are
    counted roughly (tags stripped) before its HTML is parsed: it is usually shorter."""
    if not other_html.strip():
        return ()  # most pages: their words need no counting
    page_words = words_of(blocks)
    if not page_words and "<img" in other_html:
        # A page with no words (a post's script shell) gives way to the feed's pictures
        # alone, their descriptions (`alt`) no words of its text: a post that is only a
        # picture (acc49b B3).
        other = _fragment_blocks(other_html, base)
        return other if any(block.kind == BlockKind.IMAGE for block in other) else ()
    if not _replaces(len(_TAG.sub(" ", other_html).split()), page_words):
        return ()
    other = _fragment_blocks(other_html, base)
    return other if _replaces(words_of(other), page_words) else ()


def _readability_blocks(doc: HtmlElement, url: str, base: str, title: str) -> tuple[Block, ...]:
    try:
        root = readable_article(doc, url)
    except Unparseable:
        return ()
    without_other_stories(root, title)
    without_teaser_strips(root, url)
    strip_inserts(root, url)
    return html_to_blocks(root, base)


def _thread_blocks(posts: HtmlElement, url: str, base: str) -> tuple[Block, ...]:
    """A forum thread's posts, each with its author line, as the article."""
    strip_inserts(posts, url)
    return html_to_blocks(posts, base)


def _container_blocks(doc: HtmlElement, base: str) -> tuple[Block, ...]:
    """The page's own article container, for short articles readability scores too low."""
    found = doc.xpath('//*[@itemprop="articleBody"] | //article | //main | //*[@role="main"]')
    if not found:
        return ()
    without_teaser_strips(found[0], base)
    strip_inserts(found[0], base)
    return html_to_blocks(found[0], base)


def _with_lead(blocks: tuple[Block, ...], lead: Lead, base: str) -> tuple[Block, ...]:
    """The lead as the first paragraph, then the lead photo's caption, both before the body:
    after a heading that opens the body (the headline, a dek), except that a standfirst goes
    before a section's heading (an article's second page opens with one)."""
    text = safe_text(lead.text).strip()  # page text: no control or bidi-override characters
    opening = blocks[0] if blocks and blocks[0].kind == BlockKind.HEADING else None
    at = 1 if opening is not None and (opening.level <= 1 or not text) else 0
    head: list[Block] = []
    if text:
        head.append(Block(BlockKind.PARAGRAPH, (Inline(text),)))
    if lead.points is not None:
        head.extend(points_labels(list(html_to_blocks(lead.points, base))))
    if lead.caption is not None:
        # The photo itself first, as in the body: readability dropped its box.
        box = next(lead.caption.iterancestors("figure"), lead.caption.getparent())
        if box is not None:
            photo = [b for b in html_to_blocks(box, base) if b.kind == BlockKind.IMAGE]
            head.extend(photo[-1:])
        head.extend(html_to_blocks(lead.caption, base, BlockKind.CAPTION))
    standfirst = first_paragraph(blocks) if lead.after_standfirst else None
    if standfirst is not None:
        # After the standfirst, the paragraph `find_lead` took for the body's first (not a
        # kicker's or a credit's few words before it).
        at = blocks.index(standfirst) + 1
    return (*blocks[:at], *head, *blocks[at:])


def _fragment_blocks(fragment: str, base: str) -> tuple[Block, ...]:
    """An HTML fragment (a feed's text of an entry, a page's declared body) as blocks; none
    when it is empty or no parseable HTML."""
    if not fragment.strip():
        return ()
    try:
        root = lxml.html.fragment_fromstring(
            clean_markup(fragment), create_parent="div", parser=HTML_PARSER
        )
    except (lxml.etree.ParserError, ValueError):
        return ()
    without_nested_paragraphs(root)
    flattened(root)
    without_ruby_readings(root)
    mark_math(root)
    mark_media(root, base)
    mark_listings(root)
    return html_to_blocks(root, base)
