"""Worker-side: a cached article extracted again from the pages kept of it (`reader reextract`,
or an article an older extractor made, as it is opened).

Run by `Library._cpu` in a worker process (or a thread), never on the event loop: the
extractor's import alone (lxml, readability) took hundreds of milliseconds, and the reader's
keys froze while it ran on the loop at the first opening of such an article. This module
imports nothing of the extractor until its function runs, so naming it costs the loop nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .article_sources import dated_before, filled_from
from .models import Article, FetchError, SiteRule

KeptPage = tuple[str, bytes, str | None, SiteRule | None]
"""A later page kept of an article over several pages: its address, its body, its charset
(from its Content-Type) and the site rule for it."""


def reextracted(
    body: bytes,
    page_url: str,
    charset: str | None,
    fallback_html: str,
    rule: SiteRule | None,
    later: Sequence[KeptPage],
    old: Article | None,
) -> Article:
    """The article extracted again from its kept first page (`body`, read from `page_url`),
    filled in from `old` (the copy cached before) where the page says nothing, with the text
    of its `later` pages that still read as its own; pages that never came still missing.
    Raises FetchError as extraction does."""
    from .extract import extract_article
    from .extract.next_page import append_page, continues
    from .extract.paywall import FOR_SUBSCRIBERS
    from .extract.pdf_document import placeholder_author

    # The feed's date weighs the page's again as it did when the page was read.
    fed = old.feed_date if old is not None else None
    article = extract_article(body, page_url, charset, fallback_html, rule, fed)
    if old is not None and article.document and placeholder_author(old.author):
        old = replace(old, author="")  # a tool's "anonymous" an older reading took for a writer
    article = filled_from(_dated_as_fetched(article, old), old)
    if old is not None and old.page_url:
        article = replace(article, url=old.url, page_url=old.page_url)
    for later_url, later_body, later_charset, later_rule in later:
        try:
            page = extract_article(later_body, later_url, later_charset, "", later_rule)
        except FetchError:
            continue  # a page that no longer extracts: left out, as one of another story
        if continues(article, page):
            article = append_page(article, page)
    # Pages that never came are still missing: a sync reads on, unless past the cap.
    # Whether the page is for subscribers is this extraction's to say.
    if old is not None and old.incomplete and old.incomplete != FOR_SUBSCRIBERS:
        article = replace(
            article, incomplete=old.incomplete, incomplete_for_good=old.incomplete_for_good
        )
    return article


def _dated_as_fetched(article: Article, old: Article | None) -> Article:
    """`article` without a date its page gives after the copy was retrieved where the fetch
    left it out (`page_caching._as_retrieved`), as far as `old`, that copy, tells: whether
    the server's clock vouched for the computer's is known only then, so a date it kept stays,
    and where the server's clock was the right one (`served_at`) it is the retrieval time."""
    if old is None or old.fetched_at is None:
        return article
    checked = dated_before(article, old.served_at or old.fetched_at)
    if old.served_at is not None:
        return checked
    return replace(
        article,
        published=checked.published if old.published != article.published else article.published,
        updated=checked.updated if old.updated != article.updated else article.updated,
    )
