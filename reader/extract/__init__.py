"""Page → article: readability-lxml at the core, our cleanup around it, metadata beside it.

`extract_article` is a plain function of bytes/text → `Article`, so it can run in a worker
process (it is CPU work) and be re-run later on a cached raw page.

The page is parsed once, and `extract_page` reads it in stages, each a module: what the page
declares of itself, read before cleanup drops it (`page_declarations`); the tree cleaned in place
(`page_cleanup`, `article_body.cleaned_page`); the body chosen (`article_body.chosen_body`: a
discussion's thread, a site rule's body, or the element readability-lxml scores highest on a copy
of it, `readable`, cleaned again by `inserts`), turned into our own block model by `blocks`; the
dates and bylines its lines give (`text_metadata`); the parts around the text and what the page
turns out to be (`article_parts`); the article as kept (`finished_article`). When the result is
short, the page's own article container, the `articleBody` its JSON-LD declares, the page as read
without scripts, or the feed's summary is the fallback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from ..charset import clean_markup, decode_html, in_nfc
from ..models import Article, Entry, ErrorKind, FetchError, SiteRule, words_of
from ..page_parsing import MAX_TAGS
from ..render import to_markdown, to_text
from ..safe import safe_line
from ..sniff import PDF, binary_type, feed_type, looks_like_html
from ..start_tags import with_fewer_attributes
from .aggregator_pages import check_script_redirect
from .article_body import chosen_body, cleaned_page
from .article_parts import with_article_parts
from .bluesky import bluesky_post
from .body_blocks import _SHORT, _fragment_blocks, _longer_text
from .consent import consent_choices, page_text
from .declared_authors import _joined_names
from .document import base_url
from .finished_article import CUT_BY_NESTING as CUT_BY_NESTING
from .finished_article import ONLY_ITS_SUMMARY, finished_article
from .github_react import github_embedded_issue
from .live_blog import coverage_end, is_live
from .nesting import nesting_depth, too_deep
from .next_page import next_page_url, without_page_contents
from .page_cleanup import noscript_prose, scripts_off
from .page_declarations import read_declarations
from .page_tree import _apply_site_rule, _parse
from .pdf_document import pdf_article
from .picture_alts import without_repeated_alts
from .playlists import without_playlist_headings
from .script_data import script_data_article
from .text_metadata import with_text_metadata
from .text_pages import _text_article

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


def extract_article(
    page: str | bytes,
    url: str = "",
    header_charset: str | None = None,
    fallback_html: str = "",
    site_rule: SiteRule | None = None,
    fed: datetime | None = None,
) -> Article:
    """Extract the article of one page (see `extract_page`)."""
    return extract_page(page, url, header_charset, fallback_html, site_rule, fed=fed)[0]


def extract_file(page: bytes, url: str = "", site_rule: SiteRule | None = None) -> Article:
    """The article of a local file (`reader extract`), which no Content-Type vouches for: an
    image or a feed is refused as a fetch refuses one, by what it is; a PDF is read for its
    text (`pdf_document`), a file of plain text as a text/plain page is."""
    binary = binary_type(page) or feed_type(page)
    if binary is not None and binary != PDF:
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
    fed: datetime | None = None,
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
    (a paywall's teaser; see `_replaces`), or the feed's whole text opens with the page's and
    goes on far past it (`feed_stub`).
    Raises FetchError(EXTRACTION) when there is no text at all.

    `check_page` is given the page's tree as parsed, before anything reads or changes it: the
    caller's test that the page is an article's at all (`login_page.refuse_sign_in_page`),
    which raises FetchError to refuse it. One parse serves both.

    `fed` is the date the item's feed gives it, when a feed linked to the page: where the page
    declares publication dates days apart, it is a witness for the one it agrees with
    (`date_agreement`); never a date of the page's (`article_sources.filled_from` gives it,
    said to be the feed's, to a page that states none).
    """
    if isinstance(page, bytes):
        binary = binary_type(page)
        if binary == PDF:
            return pdf_article(page, url), ""
        if binary is not None:  # a fetch checked already; a local file or stdin has not
            raise FetchError(ErrorKind.NOT_HTML, f"not an article page ({binary})", url)
        if not looks_like_html(page):  # text/plain, or a file of text
            return _text_article(page, url, header_charset), ""
        html = decode_html(page, header_charset)
    else:
        html = clean_markup(in_nfc(page))
    if html.count("<") > MAX_TAGS:
        # Counted before parsing: the tree of 1.9 million list items took 2.4 GB and 96 s.
        raise FetchError(
            ErrorKind.EXTRACTION,
            f"the page is too complex to read (over {MAX_TAGS:,} tags); open it in a browser",
            url,
        )
    html = with_fewer_attributes(html)
    doc = None
    try:
        doc, cut = _parse(html)
        check_script_redirect(doc, url)
        if check_page is not None:
            check_page(doc)
        declarations = read_declarations(doc, url, fed)
        meta, paywall = declarations.meta, declarations.paywall
        # A saved page read without its address (`reader extract page.html`) still names it in
        # its canonical link: relative links resolve against that instead of being lost.
        url = url or meta.canonical_url
        base = base_url(doc, url)
        body = _apply_site_rule(doc, site_rule) if site_rule else None
        choices = consent_choices(doc) if body is None else frozenset[str]()
        shown = page_text(doc, choices)
        # Before cleanup, which drops the pager and every <noscript>.
        next_page = next_page_url(doc, url, base)
        without_page_contents(doc)
        without_playlist_headings(doc)
        readable_without_scripts = not noscript and body is None and noscript_prose(doc, _SHORT)
        # Before `prepare` drops the `<noscript>` and the script that hold them.
        social_post = bluesky_post(doc) if body is None else None
        scripted_thread = github_embedded_issue(doc)
        paywall, latest_entry = cleaned_page(doc, base, paywall, declarations.live_blog)
        # Before the body is chosen from the page, which may leave the entries' mark behind.
        ended = coverage_end(declarations.json_ld)
        live = is_live(doc, declarations.live_blog, ended)
        chosen = chosen_body(
            doc, url, base, meta, declarations.json_ld, body, social_post, scripted_thread
        )
        blocks, meta = chosen.blocks, chosen.meta
        if body is None:
            # A page built by scripts has little or no article in its HTML; its JSON-LD may.
            from_declared = _longer_text(declarations.declared, blocks, base)
            if not from_declared and declarations.script_data and words_of(blocks) < _SHORT:
                # Nor that: the text its scripts would render, in their data (`script_data`).
                scripted, writers = script_data_article(
                    declarations.script_data, meta.title, meta.description
                )
                from_declared = _longer_text(scripted, blocks, base)
                if from_declared and writers and not meta.author:
                    meta = replace(meta, author=safe_line(_joined_names(writers), 300))
            if from_declared:
                # The whole article, as declared: its other pages would only repeat it.
                blocks, next_page = from_declared, ""
            elif readable_without_scripts and words_of(blocks) < _SHORT:
                read = _read_without_scripts(html, url, fallback_html, site_rule, fed)
                # Only the article itself: more of its own text than the page showed.
                if (
                    read
                    and not read[0].partial
                    and read[0].incomplete != ONLY_ITS_SUMMARY
                    and read[0].word_count > max(words_of(blocks), _SHORT)
                ):
                    return read
        blocks, meta = with_text_metadata(blocks, meta, declarations, latest_entry)
        parts = with_article_parts(
            blocks,
            meta,
            doc,
            url,
            base,
            declarations,
            chosen.discussion,
            chosen.teaser_lines,
            choices,
            shown,
        )
    except RecursionError:
        # Past what `page_tree._parse` reads flat: said with how deep it is.
        depth = nesting_depth(doc) if doc is not None else 0
        raise FetchError(ErrorKind.EXTRACTION, too_deep(depth), url) from None
    article, more = finished_article(parts, url, base, paywall, fallback_html, cut, next_page)
    return replace(article, live=live, coverage_ended=ended), more


def _read_without_scripts(
    html: str, url: str, fallback_html: str, site_rule: SiteRule | None, fed: datetime | None
) -> tuple[Article, str] | None:
    """The page as a browser with scripts off shows it, extracted; None when that gives no
    article either."""
    try:
        return extract_page(
            scripts_off(_parse(html)[0]),
            url,
            None,
            fallback_html,
            site_rule,
            noscript=True,
            fed=fed,
        )
    except FetchError:
        return None


def feed_article(entry: Entry, feed_html: str) -> Article | None:
    """The text a feed carried for an entry (its content or summary) as a partial article, or
    None when it has none: what can be shown of an article whose page can't be fetched."""
    blocks = without_repeated_alts(_fragment_blocks(feed_html, entry.link), entry.title)
    if not blocks:
        return None
    from ..article_fallbacks import entry_article

    return replace(entry_article(entry), blocks=blocks, partial=True)
