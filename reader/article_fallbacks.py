"""Worker-side: what may stand in for an article's page, the feed's own text (`feed_text_of`)
or the copy another app kept of it (`kept_copy`), and, for a page that gave little, the address
of its AMP version (`amp_if_little`).

Run by `Library._cpu` in a worker process (or a thread), never on the event loop: the
extractor's import alone (lxml, readability) takes hundreds of milliseconds, and an article
shown by its feed's text, or read on from its last page, as the reader's first use of the
extractor froze the keys meanwhile. This module imports nothing of the extractor until one of
its functions runs, so naming it costs the loop nothing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from .models import Article, Entry


def feed_text_of(entry: Entry, html: str) -> Article | None:
    """The text the feed carried for `entry` (`html`: its content, else its summary) as a
    partial article, its dates said to be the feed's; None when it carried none."""
    from .extract import feed_article

    article = feed_article(entry, html)
    return None if article is None else _dated_by_feed(article)


def entry_article(entry: Entry) -> Article:
    """An article of `entry` as its feed names it (address, title, byline, dates, outlet),
    with no text: what the feed's text (`extract.feed_article`) is put under."""
    return Article(
        url=entry.link,
        title=entry.title,
        author=entry.author,
        published=entry.feeds_published,
        updated=entry.feeds_updated,
        site_name=entry.source_name,
    )


def headline_alone(entry: Entry) -> Article:
    """`entry`'s header with no text, its dates the feed's: what `reader show` prints of an
    item whose link is no article (↗: a picture, a scan) and whose feed's text was only an
    aggregator's pointers, not the reason alone (acc49b leftover)."""
    return _dated_by_feed(entry_article(entry))


def _dated_by_feed(article: Article) -> Article:
    # Its dates are the feed's, as a citation says of any the feed gives (`filled_from`).
    return replace(
        article,
        published_by_feed=article.published is not None,
        updated_by_feed=article.updated is not None,
    )


def amp_if_little(cached: Article, body: bytes, page_url: str, charset: str | None) -> str:
    """The AMP version's address the page (`body`, read from `page_url`) names, when the
    article `cached` of it gave little (`gave_little`); "" otherwise, or when it names none."""
    from .extract import gave_little
    from .extract.amp import amp_url_of

    return amp_url_of(body, page_url, charset) if gave_little(cached) else ""


def kept_copy(
    html: str,
    url: str,
    title: str,
    author: str,
    retrieved: datetime | None,
    kept_by: str,
    published: datetime | None = None,
    language: str = "",
) -> Article | None:
    """The text another app kept of the page at `url` (`html`: wallabag's `content`, when the
    page was alive) as the article: read by the extractor as any page is (the app's HTML is no
    more trusted than the page), under the `title` and `author` the app gave, retrieved when
    it says (`retrieved`), marked as its copy (`kept_by`), published when the app says
    (`published`) and in its `language` where the copy names neither. None when it holds no
    text."""
    from .extract import extract_article
    from .models import FetchError

    try:
        article = extract_article(html.encode(), url, "utf-8", "", None)
    except FetchError:  # no article in it (a consent wall, a login page the app kept)
        return None
    if not article.blocks:
        return None
    return replace(
        article,
        url=url,
        title=title or article.title,
        author=author or article.author,
        # The app's date and language where its copy names none (acc43a A7).
        published=article.published or published,
        language=article.language or language,
        fetched_at=retrieved,
        kept_by=kept_by,
    )
