"""The last stage of `extract_page`: the article as it is kept and shown. A paywall's teaser
without the wall's offers, the feed's text where it says more or the page is a stub of it
(`feed_stub`), no title or masthead repeated at the edges, the corrections' notes on top; a page
with no text refused (or its declared summary shown, saying so), its language told by its script
when it declares none, and what it leaves out said (`incomplete`)."""

from __future__ import annotations

import re
from dataclasses import asdict, replace
from datetime import UTC, datetime

from ..extractor_version import EXTRACTOR
from ..models import (
    CONSENT_WALL,
    FEED_CONTENT_MARK,
    FEED_WHOLE,
    VIDEO_PAGE,
    Article,
    Block,
    BlockKind,
    ErrorKind,
    FetchError,
    Inline,
    words_of,
)
from .article_edges import _without_edge_rules, _without_title
from .article_parts import Parts
from .body_blocks import _longer_text
from .corrections import with_head_notes
from .feed_stub import whole_feed_text
from .nesting import PARSERS_DEPTH, too_deep
from .offer_lines import without_offer_lines
from .paywall import FOR_SUBSCRIBERS, Paywall, before_the_wall
from .print_page import without_masthead
from .script_language import script_language
from .social_titles import is_account_title, opening_words

CUT_BY_NESTING = (
    f"the page is nested too deeply (over {PARSERS_DEPTH:,} levels): its text stops where the"
    " parser stopped"
)
ONLY_ITS_SUMMARY = (
    "the page builds its article with scripts: this is only the summary it declares; "
    "open the original in a browser"
)
_SUMMARY_WORDS = re.compile(r"\w+(?:\W+\w+){7}")
"""A summary worth showing: eight words at least (not a site's slogan)."""


def finished_article(
    parts: Parts,
    url: str,
    base: str,
    paywall: Paywall,
    fallback_html: str,
    cut: bool,
    next_page: str,
) -> tuple[Article, str]:
    """The article of `parts`, and the address of its next page ("" when none). `fallback_html`
    the feed's text of it, `cut` whether the parser stopped short of the page's end."""
    blocks, meta, wall = parts.blocks, parts.meta, parts.wall
    # A page for subscribers shows the start of the article, then its wall: the teaser is
    # counted, and kept, without the wall's offers (a box longer than the teaser, at the FT).
    teaser = before_the_wall(blocks) if paywall.marked else blocks
    hides_text = paywall.marked and paywall.hides_text(words_of(teaser))
    if hides_text:
        blocks = teaser
    from_feed = _longer_text(fallback_html, blocks, base)
    if not from_feed and fallback_html.startswith(FEED_CONTENT_MARK):
        # The feed's whole text opening with the page's, the page a stub of it: the lines its
        # wall leaves after the lead are no words of the article (acc44c C2).
        from_feed = whole_feed_text(fallback_html, blocks, base, hides_text)
    partial = bool(from_feed)
    # The feed's text, when it stands in, says so itself (`partial`); else a page for
    # subscribers is the start of the article only, and no later fetch brings the rest.
    for_subscribers = not partial and hides_text
    # The teaser alone, then: its wall's price and promises are none of it.
    blocks = from_feed or (without_offer_lines(blocks) if for_subscribers else blocks)
    blocks = _without_edge_rules(
        _without_title(without_masthead(blocks, meta.site_name), meta.title)
    )
    blocks = with_head_notes(blocks)
    if not blocks:
        if wall:
            raise FetchError(
                ErrorKind.CONSENT_WALL,
                "the site answered with a cookie-consent page, not the article; "
                "open it in a browser",
                url,
            )
        if not _SUMMARY_WORDS.search(meta.description):
            # The text below where the parser stopped, if any, is what is missing: said so.
            why = too_deep(PARSERS_DEPTH) if cut else "no article text found on the page"
            raise FetchError(ErrorKind.EXTRACTION, why, url)
        # A page scripts build, read where no feed gives its text (`reader show URL`): the
        # summary it declares for link previews is what there is of it, and says so.
        blocks = (Block(BlockKind.PARAGRAPH, (Inline(meta.description),)),)
        incomplete_note = ONLY_ITS_SUMMARY
    else:
        incomplete_note = FOR_SUBSCRIBERS if for_subscribers else CUT_BY_NESTING if cut else ""
    if meta.author in (meta.title, "") and is_account_title(meta.title):
        # A post's page titled by its account, its author (Mastodon's, its profile's name the
        # title's handle): titled by its opening words, as a post is cited. One declaring no
        # author (no `profile:username`) is the account's all the same: its three posts were
        # three headings "Lena Morgan (@lena@social.example)" (acc49b B10).
        title = opening_words(blocks)
        if title:
            # Not one naming another profile: its title's account is not the post's then.
            author = meta.author or ("" if meta.profile_named else meta.title)
            meta = replace(meta, title=title, author=author)
    if not meta.language:
        # A page declaring no language whose script tells it (Xinhua's carry no `lang`).
        text = " ".join([meta.title, *(block.text for block in blocks)])
        meta = replace(meta, language=script_language(text))
    # The datelines' language and the page's declared dates served the dates, read above; the
    # article keeps the page's language and the dates chosen.
    declared = {
        k: v
        for k, v in asdict(meta).items()
        if k not in ("dates_language", "declared_dates", "video", "profile_named")
    }
    article = Article(
        url=url,
        **declared,
        blocks=blocks,
        fetched_at=datetime.now(UTC),
        partial=partial,
        # Said, not kept quiet: a page nested past what any parser reads ends early. Each of
        # these is what the page gives: no later fetch brings the rest.
        incomplete=incomplete_note,
        incomplete_for_good=bool(incomplete_note),
        extractor=EXTRACTOR,
        section_front=parts.section_front and not partial,
        # The feed's text in a consent wall's place: said, since a browser gets past it.
        stood_in_for=(
            ""
            if not partial
            else CONSENT_WALL
            if wall
            else VIDEO_PAGE
            if meta.video
            else FEED_WHOLE
            if fallback_html.startswith(FEED_CONTENT_MARK)
            else ""
        ),
    )
    # A section front's "page 2" is more teasers, and a page read from its feed has no pages.
    return article, "" if parts.section_front or partial else next_page
