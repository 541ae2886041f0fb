"""Page → article: readability-lxml at the core, our cleanup around it, metadata beside it.

`extract_article` is a plain function of bytes/text → `Article`, so it can run in a worker
process (it is CPU work) and be re-run later on a cached raw page.

The page is parsed once. Metadata is read from that tree; the tree is then cleaned in place
(`page_cleanup`), readability-lxml scores a copy of it (`readable`), our second cleanup pass
(`inserts`) runs on the article element it returns, and `blocks` turns that into our own block
model. When the result is short, the page's own article container, the `articleBody` its JSON-LD
declares, or the feed's summary is the fallback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..charset import clean_markup, decode_html
from ..models import (
    EXTRACTOR,
    Article,
    Block,
    BlockKind,
    Entry,
    ErrorKind,
    FetchError,
    Inline,
    SiteRule,
    words_of,
)
from ..render import to_markdown, to_text
from ..sniff import binary_type, feed_type, looks_like_html
from ..urls import absolute_url
from .abstract_page import lay_out_abstract_page
from .article_dates import update_in_publications_zone
from .article_edges import _without_edge_rules, _without_title
from .author_names import without_the_site
from .author_roles import author_roles, with_author_roles
from .blocks import html_to_blocks
from .bluesky import bluesky_post
from .body_blocks import (
    _SHORT,
    _container_blocks,
    _fragment_blocks,
    _longer_text,
    _readability_blocks,
    _thread_blocks,
    _with_lead,
)
from .callouts import icons_beside_their_text
from .claim_review import with_claim_review
from .closing_rows import closing_line_dates
from .consent import has_consent_choice, is_consent_wall
from .corrections import with_head_notes
from .credit_line import credited_authors, right_set_lines, signed_authors
from .declared_body import declared_body_html
from .disclosures import statements_into_article
from .discussion_sites import discussion_thread
from .discussions import thread_box
from .document import base_url
from .font_headline import mark_font_headline
from .forum_posts import thread, thread_posts
from .furniture import drop
from .github_react import github_embedded_issue
from .header_lines import header_line_dates, header_source, without_header_lines
from .heading_parts import spaced_heading_separators
from .info_lines import headline_info_source
from .inserts import strip_inserts
from .json_ld import json_ld_objects
from .kickers import without_headline_labels
from .lead import dek_as_paragraph, find_lead
from .link_menus import without_link_columns
from .listings import mark_listings
from .live_blog import declares_live_blog, mark_live_entries
from .math import mark_math
from .media import mark_media
from .metadata import Metadata, extract_metadata
from .next_page import next_page_url, without_page_contents
from .next_story import without_next_stories
from .page_cleanup import (
    noscript_prose,
    prepare,
    scripts_off,
    strip_page_furniture,
    without_heading_permalinks,
)
from .page_tree import _apply_site_rule, _parse
from .paywall import FOR_SUBSCRIBERS, before_the_wall, read_paywall
from .picture_alts import without_repeated_alts
from .playlists import without_playlist_headings
from .print_page import byline_lines_apart, without_masthead
from .pull_quotes import mark_pull_quotes, without_pull_quotes
from .responsive import without_screen_copies
from .rule_body import without_furniture_in
from .scoreboard import scoreboard_line, with_scoreboard
from .script_language import script_language
from .sidenotes import set_sidenotes_apart
from .source_datelines import datelines_into_leads
from .story_links import story_link_boxes
from .syndication import syndicated
from .teasers import teaser_list
from .text_pages import _text_article
from .wire_ledes import wire_credit, wire_reporters

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = [
    "extract_article",
    "extract_page",
    "feed_article",
    "gave_little",
    "to_markdown",
    "to_text",
]


CUT_BY_NESTING = "the page is nested too deeply: its text stops where the parser stopped"
ONLY_ITS_SUMMARY = (
    "the page builds its article with scripts: this is only the summary it declares; "
    "open the original in a browser"
)
_SUMMARY_WORDS = re.compile(r"\w+(?:\W+\w+){7}")
"""A summary worth showing: eight words at least (not a site's slogan)."""


def _resolved(by_href: dict[str, str], base: str) -> dict[str, str]:
    resolved = ((absolute_url(base, href), value) for href, value in by_href.items())
    return {url: value for url, value in resolved if url}


def _live_updated(
    published: datetime | None, updated: datetime | None, latest_entry: datetime | None
) -> datetime | None:
    """When a live blog was last updated: its latest entry's time, unless the page declares a
    later one (a correction to an entry) or the entry is older than the page's publication.
    Most declare only when the coverage began, and a citation without the time of the last
    entry read does not say which state of it is meant."""
    if latest_entry is None or any(
        known is not None and known >= latest_entry for known in (published, updated)
    ):
        return updated
    return latest_entry


def body_rule_misses(page: bytes, rule: SiteRule | None, header_charset: str | None = None) -> bool:
    """`rule` names a body that is not on `page` (after its drops): the page was read as any
    other, which the user who wrote the rule should hear of (the site changed its markup, or
    the selector is misspelt)."""
    if rule is None or not rule.body or not looks_like_html(page):
        return False
    try:
        doc, _ = _parse(decode_html(page, header_charset))
    except FetchError:
        return False
    return _apply_site_rule(doc, rule) is None


def gave_little(article: Article) -> bool:
    """The page gave little of its own: the feed's text stands in for it (`partial`: the page
    gave almost nothing, or a teaser under half the feed's text), or it is a few words (a
    page scripts fill, for a feed without text)."""
    return article.partial or article.word_count < _SHORT


MAX_TAGS = 400_000
"""The most tags (counted as "<"s) of a page read: twenty times the corpus's largest (Wikipedia's
longest article, 19,252). Parsing and reading cost time and memory by the element: a hostile page
of a million one-word paragraphs under the 10 MB cap took a worker 75 s and 1.4 GB."""


def extract_article(
    page: str | bytes,
    url: str = "",
    header_charset: str | None = None,
    fallback_html: str = "",
    site_rule: SiteRule | None = None,
) -> Article:
    """Extract the article of one page (see `extract_page`)."""
    return extract_page(page, url, header_charset, fallback_html, site_rule)[0]


def extract_file(page: bytes, url: str = "", site_rule: SiteRule | None = None) -> Article:
    """The article of a local file (`reader extract`), which no Content-Type vouches for: a
    PDF, an image or a feed is refused as a fetch refuses one, by what it is; a file of plain
    text is read as a text/plain page is."""
    binary = binary_type(page) or feed_type(page)
    if binary is not None:
        raise FetchError(ErrorKind.NOT_HTML, f"not an article page ({binary})", url)
    return extract_article(page, url, None, "", site_rule)


def extract_page(
    page: str | bytes,
    url: str = "",
    header_charset: str | None = None,
    fallback_html: str = "",
    site_rule: SiteRule | None = None,
    noscript: bool = False,
    check_page: Callable[[HtmlElement], None] | None = None,
) -> tuple[Article, str]:
    """Extract the article of one page, and the address of its next page when the article is
    split over several (`next_page`), else "".

    A page that scripts build and that gives its article to browsers without scripts, in
    `<noscript>`, is read as such a browser shows it (`noscript` True: its `<noscript>`s
    unwrapped) when it gives almost nothing otherwise.

    `site_rule` (from the user's config) names elements to drop and, optionally, the body
    element, for a site the generic path gets wrong.

    A page whose HTML yields (almost) no text (a page built by scripts) is read from the
    `articleBody` its JSON-LD declares, when it declares one (see `declared_body`).

    `fallback_html` is the feed entry's own content or summary: used, and the article marked
    partial, when the page yields (almost) no text or the feed's text is several times longer
    (a paywall's teaser; see `_replaces`).
    Raises FetchError(EXTRACTION) when there is no text at all.

    `check_page` is given the page's tree as parsed, before anything reads or changes it: the
    caller's test that the page is an article's at all (`login_page.refuse_sign_in_page`),
    which raises FetchError to refuse it. One parse serves both.
    """
    if isinstance(page, bytes):
        binary = binary_type(page)
        if binary is not None:  # a fetch checked already; a local file or stdin has not
            raise FetchError(ErrorKind.NOT_HTML, f"not an article page ({binary})", url)
        if not looks_like_html(page):  # text/plain, or a file of text
            return _text_article(page, url, header_charset), ""
        html = decode_html(page, header_charset)
    else:
        html = clean_markup(page)
    if html.count("<") > MAX_TAGS:
        # Counted before parsing: the tree of 1.9 million list items took 2.4 GB and 96 s.
        raise FetchError(
            ErrorKind.EXTRACTION,
            f"the page is too complex to read (over {MAX_TAGS:,} tags); open it in a browser",
            url,
        )
    try:
        doc, cut = _parse(html)
        if check_page is not None:
            check_page(doc)
        # Before the headline is read from the page's `h1`.
        without_heading_permalinks(doc)
        spaced_heading_separators(doc)
        # Before the headline and byline are read: an old layout's are set in <font> and <i>.
        mark_font_headline(doc)
        without_headline_labels(doc)
        without_link_columns(doc)
        # Read before `prepare` removes the scripts that hold it.
        json_ld = json_ld_objects(doc)
        meta = extract_metadata(doc, url, json_ld)
        # Before anything else reads the body: an endless-scroll page's next story is not this
        # page's (its byline, its wall, its body).
        without_next_stories(doc, (meta.title, doc.findtext(".//title") or ""), meta.canonical_url)
        declared = declared_body_html(json_ld)
        # Before cleanup, which may drop the header box that names it.
        headline_source = headline_info_source(doc)
        live_blog = declares_live_blog(json_ld)
        # Before cleanup, which drops the styles that set a closing signature right.
        right_set = right_set_lines(doc)
        # Before cleanup, which drops the match's header box with the page's others.
        headline = doc.find(".//h1")
        scoreboard = scoreboard_line(
            doc,
            " ".join(
                (
                    doc.findtext(".//title") or "",
                    meta.title,
                    headline.text_content() if headline is not None else "",
                )
            ),
        )
        # Before cleanup, which drops the particulars' table by its names ("metatable").
        lay_out_abstract_page(doc)
        # Before cleanup, which drops the byline box that gives them.
        roles = author_roles(doc, meta.author)
        # Before cleanup, which drops the paywalled part it names (a "paywall" box is furniture).
        paywall = read_paywall(json_ld, doc)
        # A saved page read without its address (`reader extract page.html`) still names it in
        # its canonical link: relative links resolve against that instead of being lost.
        url = url or meta.canonical_url
        base = base_url(doc, url)
        body = _apply_site_rule(doc, site_rule) if site_rule else None
        consent_choice = body is None and has_consent_choice(doc)
        # Before cleanup, which drops the pager and every <noscript>.
        next_page = next_page_url(doc, url, base)
        without_page_contents(doc)
        without_playlist_headings(doc)
        readable_without_scripts = not noscript and body is None and noscript_prose(doc, _SHORT)
        # Before `prepare` drops the `<noscript>` and the script that hold them.
        social_post = bluesky_post(doc) if body is None else None
        scripted_thread = github_embedded_issue(doc)
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
        latest_entry = mark_live_entries(doc, live_blog)
        bylines: dict[str, str] = {}
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
                site_name=discussion.site_name or meta.site_name,
            )
        elif body is not None:
            # The rule says where the article is, not that all of it is the article's: the
            # newsletter, sign-up and share boxes the generic pass drops go from inside it too
            # (a rule written for one layout of the site brought them back in its others).
            without_furniture_in(body)
            strip_inserts(body, url)
            blocks = html_to_blocks(body, base)
        else:
            for box in story_link_boxes(doc, url):
                # Before readability makes the box a paragraph of the story.
                drop(box)
            found = thread_posts(doc)
            bylines = strip_page_furniture(doc, found)
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
        if body is None:
            # A page built by scripts has little or no article in its HTML; its JSON-LD may.
            from_declared = _longer_text(declared, blocks, base)
            if from_declared:
                # The whole article, as declared: its other pages would only repeat it.
                blocks, next_page = from_declared, ""
            elif readable_without_scripts and words_of(blocks) < _SHORT:
                read = _read_without_scripts(html, url, fallback_html, site_rule)
                # Only the article itself: more of its own text than the page showed.
                if (
                    read
                    and not read[0].partial
                    and read[0].incomplete != ONLY_ITS_SUMMARY
                    and read[0].word_count > max(words_of(blocks), _SHORT)
                ):
                    return read
        blocks = byline_lines_apart(blocks)
        published, updated = header_line_dates(
            blocks, meta.author, meta.published, meta.updated, meta.dates_language
        )
        published, updated = closing_line_dates(blocks, published, updated, meta.dates_language)
        updated = update_in_publications_zone(published, updated)
        meta = replace(
            meta, published=published, updated=_live_updated(published, updated, latest_entry)
        )
        # A Chinese portal's info line names the source ("来源：新闻网") a page may declare nowhere;
        # a portal republishing another outlet's story names that outlet so (Sohu's "来源: 杭州日报"
        # under the headline), which wrote what the portal's own name alone would be cited for.
        outlet = header_source(blocks) or headline_source
        meta = replace(meta, site_name=syndicated(outlet, meta.site_name))
        blocks, author = without_header_lines(blocks, meta.author, meta.published, meta.updated)
        if author != meta.author:
            # A byline line of the text names the site's desk as a declared one does: g1's "Por
            # Pedro Ferreira, g1 Minas" is Pedro Ferreira's.
            author = without_the_site(author, [meta.site_name], "")
        # A wire story with no byline names its reporters in its lede ("(서울=연합뉴스) 이수진
        # 기자 = …") or at its end ("Reporting by …"); VnExpress signs its last line.
        meta = replace(
            meta,
            author=author
            or wire_reporters(blocks)
            or credited_authors(blocks)
            or signed_authors(blocks, right_set),
        )
        # A portal declaring the agency its author: the lede's reporters wrote it.
        author, source = wire_credit(blocks, meta.author, meta.site_name)
        meta = replace(meta, author=author, site_name=source)
        if discussion is None:
            # A reply quoting the post it answers is no pull quote of the article's.
            blocks = without_pull_quotes(blocks)
        blocks = _with_lead(blocks, find_lead(doc, blocks, meta.description), base)
        blocks = dek_as_paragraph(blocks, meta.description, doc)
        blocks = with_claim_review(blocks, json_ld, doc)
        blocks = with_scoreboard(blocks, scoreboard)
        # A section front: its teasers, not the credits and labels between them.
        teasers = teaser_list(blocks, url, _resolved(bylines, base))
        if teasers is not None:
            blocks = teasers.blocks
            if teasers.names_author(meta.author):
                # The page's byline was its first teaser's: a section front has no author.
                meta = replace(meta, author="")
        else:
            blocks = with_author_roles(blocks, roles, meta.author)
        # The site's cookie-consent page in the article's place: no article text at all.
        signed = bool(meta.author or meta.published or meta.updated)
        wall = is_consent_wall(blocks, url, consent_choice, signed)
        if wall:
            # Its title and picture are the wall's; only the site and its language hold.
            blocks = ()
            meta = Metadata(site_name=meta.site_name, language=meta.language)
    except RecursionError:
        raise FetchError(
            ErrorKind.EXTRACTION, "the page is nested too deeply to read", url
        ) from None
    # A page for subscribers shows the start of the article, then its wall: the teaser is
    # counted, and kept, without the wall's offers (a box longer than the teaser, at the FT).
    teaser = before_the_wall(blocks) if paywall.marked else blocks
    hides_text = paywall.marked and paywall.hides_text(words_of(teaser))
    if hides_text:
        blocks = teaser
    from_feed = _longer_text(fallback_html, blocks, base)
    partial = bool(from_feed)
    # The feed's text, when it stands in, says so itself (`partial`); else a page for
    # subscribers is the start of the article only, and no later fetch brings the rest.
    for_subscribers = not partial and hides_text
    blocks = from_feed or blocks
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
            raise FetchError(ErrorKind.EXTRACTION, "no article text found on the page", url)
        # A page scripts build, read where no feed gives its text (`reader show URL`): the
        # summary it declares for link previews is what there is of it, and says so.
        blocks = (Block(BlockKind.PARAGRAPH, (Inline(meta.description),)),)
        incomplete_note = ONLY_ITS_SUMMARY
    else:
        incomplete_note = FOR_SUBSCRIBERS if for_subscribers else CUT_BY_NESTING if cut else ""
    if not meta.language:
        # A page declaring no language whose script tells it (Xinhua's carry no `lang`).
        text = " ".join([meta.title, *(block.text for block in blocks)])
        meta = replace(meta, language=script_language(text))
    # The datelines' language served the dates, read above; the article keeps the page's.
    declared = {k: v for k, v in asdict(meta).items() if k != "dates_language"}
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
    )
    # A section front's "page 2" is more teasers, and a page read from its feed has no pages.
    return article, "" if teasers is not None or partial else next_page


def _read_without_scripts(
    html: str, url: str, fallback_html: str, site_rule: SiteRule | None
) -> tuple[Article, str] | None:
    """The page as a browser with scripts off shows it, extracted; None when that gives no
    article either."""
    try:
        return extract_page(
            scripts_off(_parse(html)[0]), url, None, fallback_html, site_rule, noscript=True
        )
    except FetchError:
        return None


def feed_article(entry: Entry, feed_html: str) -> Article | None:
    """The text a feed carried for an entry (its content or summary) as a partial article, or
    None when it has none: what can be shown of an article whose page can't be fetched."""
    blocks = without_repeated_alts(_fragment_blocks(feed_html, entry.link), entry.title)
    if not blocks:
        return None
    return Article(
        url=entry.link,
        title=entry.title,
        author=entry.author,
        published=entry.published,
        updated=entry.updated,
        site_name=entry.feed_title,
        blocks=blocks,
        partial=True,
    )
