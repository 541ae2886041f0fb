"""The page cleaned for reading and its article's body chosen: after `page_declarations` has read
what cleanup drops, `cleaned_page` strips what no reader sees and marks what the blocks treat apart
(formulas, pull quotes, media, live entries); `chosen_body` takes a discussion's thread post by
post, the body a site's rule names, a forum's posts, or what readability scores highest, and the
page's own article container when that holds more than a short pick."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from lxml.html import HtmlElement

from ..models import Block, words_of
from .blocks import html_to_blocks
from .body_blocks import _SHORT, _container_blocks, _readability_blocks, _thread_blocks
from .callouts import icons_beside_their_text
from .disclosures import statements_into_article
from .discussion_sites import discussion_thread
from .discussions import Thread, thread_box
from .forum_posts import thread, thread_posts
from .furniture import drop
from .inserts import strip_inserts
from .listings import mark_listings
from .live_blog import mark_live_entries
from .math import mark_math
from .media import mark_media
from .metadata import Metadata
from .page_cleanup import prepare, strip_page_furniture
from .paywall import Paywall
from .pull_quotes import mark_pull_quotes
from .responsive import without_screen_copies
from .rule_body import without_furniture_in
from .sidenotes import set_sidenotes_apart
from .source_datelines import datelines_into_leads
from .story_links import story_link_boxes
from .teasers import TeaserLines


def cleaned_page(
    doc: HtmlElement, base: str, paywall: Paywall, live_blog: bool
) -> tuple[Paywall, datetime | None]:
    """Clean `doc` for reading; the paywall as the cleaned page shows it, and the time of a live
    blog's latest entry (None for any other page)."""
    # Before `prepare`: Wikipedia's MathML is hidden behind an image of the formula.
    mark_math(doc)
    prepare(doc)
    # After `prepare` (scripts and what the page hides are gone), before the furniture
    # pass drops a wall that no declaration names.
    paywall = paywall.with_wall(doc)
    set_sidenotes_apart(doc)
    mark_pull_quotes(doc)
    icons_beside_their_text(doc)
    datelines_into_leads(doc)
    statements_into_article(doc)
    without_screen_copies(doc)
    mark_media(doc, base)
    mark_listings(doc)
    return paywall, mark_live_entries(doc, live_blog)


@dataclass(frozen=True)
class Body:
    """The article's blocks as chosen, and what choosing them told."""

    blocks: tuple[Block, ...]
    meta: Metadata
    """The page's metadata, with a discussion's own title, author and date."""
    discussion: Thread | None
    teaser_lines: TeaserLines
    """The teasers' bylines and kickers the furniture pass found, by their headline's link."""


def chosen_body(
    doc: HtmlElement,
    url: str,
    base: str,
    meta: Metadata,
    json_ld: list[dict[str, Any]],
    body: HtmlElement | None,
    social_post: Thread | None,
    scripted_thread: Thread | None,
) -> Body:
    """The blocks of the cleaned page's article; `body` the element a site's rule names."""
    teaser_lines = TeaserLines()
    # A discussion page's thread is its content: read post by post, not scored; also in
    # the body a site's rule names, when that holds the thread's replies.
    discussion = social_post or discussion_thread(doc, base, json_ld, scripted_thread)
    if discussion is not None and body is not None and not discussion.replies_within(body):
        discussion = None
    if discussion is not None:
        blocks = html_to_blocks(thread_box(discussion), base)
        meta = replace(
            meta,
            title=discussion.title or meta.title,
            author=discussion.author or meta.author,
            published=discussion.published or meta.published,
            # The page's own name for itself before the name its shape is known by: a
            # site run on Hacker News's or Lobsters' software calls itself otherwise
            # ("Quayside News"), and its citation named it "Hacker News" (acc49b B4).
            site_name=meta.site_name or discussion.site_name,
        )
    elif body is not None:
        # The rule says where the article is, not that all of it is the article's: the
        # newsletter, sign-up and share boxes the generic pass drops go from inside it too
        # (a rule written for one layout of the site brought them back in its others).
        without_furniture_in(body)
        strip_inserts(body, url, rule_body=True)
        blocks = html_to_blocks(body, base)
    else:
        for box in story_link_boxes(doc, url):
            # Before readability makes the box a paragraph of the story.
            drop(box)
        found = thread_posts(doc)
        teaser_lines = strip_page_furniture(doc, found)
        posts = thread(doc, found)
        blocks = (
            _thread_blocks(posts, url, base)
            if posts is not None
            else _readability_blocks(doc, url, base, meta.title)
        )
    if words_of(blocks) < _SHORT and body is None and discussion is None:
        # Short: readability may have picked a fragment (a caption, a teaser) of a short
        # article; the page's own <article>/<main> is the better guess when it holds more.
        container = _container_blocks(doc, base)
        if words_of(container) > words_of(blocks):
            blocks = container
    return Body(blocks, meta, discussion, teaser_lines)
