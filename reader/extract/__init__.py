"""Page → article: readability-lxml at the core, our cleanup around it, metadata beside it.

`extract_article` is a plain function of bytes/text → `Article`, so it can run in a worker
process (it is CPU work) and be re-run later on a cached raw page.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import lxml.etree
import lxml.html
from lxml.html import HtmlElement
from readability import Document

from ..charset import decode_html
from ..models import Article, Block, BlockKind, ErrorKind, FetchError
from .blocks import html_to_blocks
from .boilerplate import strip_inserts, strip_page_furniture
from .metadata import extract_metadata
from .render import to_markdown, to_text

__all__ = ["extract_article", "to_markdown", "to_text"]

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
# Below this many words the article container probably missed the article (or there is none).
_SHORT = 40


def _parse(html: str) -> HtmlElement:
    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        raise FetchError(ErrorKind.EXTRACTION, "the page is empty")
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise FetchError(ErrorKind.EXTRACTION, f"the page is not readable HTML ({exc})") from None


def _words(blocks: tuple[Block, ...]) -> int:
    return sum(len(b.text.split()) for b in blocks)


def _readability_blocks(doc: HtmlElement, url: str) -> tuple[Block, ...]:
    # A string, not the tree: readability re-parses its input when it retries less ruthlessly.
    cleaned = lxml.html.tostring(doc, encoding="unicode")
    summary = Document(cleaned, url=url or None).summary(html_partial=True)
    root = lxml.html.fragment_fromstring(summary, create_parent="div")
    strip_inserts(root)
    return html_to_blocks(root, url)


def _container_blocks(doc: HtmlElement, url: str) -> tuple[Block, ...]:
    """The page's own article container, for short articles readability scores too low."""
    found = doc.xpath('//*[@itemprop="articleBody"] | //article | //main | //*[@role="main"]')
    if not found:
        return ()
    strip_inserts(found[0])
    return html_to_blocks(found[0], url)


def _without_title(blocks: tuple[Block, ...], title: str) -> tuple[Block, ...]:
    """Drop a leading heading that repeats the headline (the view shows the headline itself)."""
    key = " ".join(title.split()).casefold()
    for i, block in enumerate(blocks[:3]):
        if block.kind == BlockKind.HEADING and " ".join(block.text.split()).casefold() == key:
            return blocks[:i] + blocks[i + 1 :]
    return blocks


def extract_article(
    page: str | bytes,
    url: str = "",
    header_charset: str | None = None,
    fallback_html: str = "",
) -> Article:
    """Extract the article of one page.

    `fallback_html` is the feed entry's own content or summary: used, and the article marked
    partial, when the page yields (almost) no text — a paywall or a page built by scripts.
    Raises FetchError(EXTRACTION) when there is no text at all.
    """
    html = decode_html(page, header_charset) if isinstance(page, bytes) else page
    try:
        doc = _parse(html)
        meta = extract_metadata(doc, url)
        strip_page_furniture(doc)
        container = _container_blocks(_parse(lxml.html.tostring(doc, encoding="unicode")), url)
        blocks = _readability_blocks(doc, url)
    except RecursionError:
        raise FetchError(
            ErrorKind.EXTRACTION, "the page is nested too deeply to read", url
        ) from None
    if _words(blocks) < _SHORT and _words(container) > _words(blocks):
        blocks = container
    partial = False
    if _words(blocks) < _SHORT and fallback_html.strip():
        summary = html_to_blocks(
            lxml.html.fragment_fromstring(fallback_html, create_parent="div"), url
        )
        if _words(summary) > _words(blocks):
            blocks, partial = summary, True
    blocks = _without_title(blocks, meta.title)
    if not blocks:
        raise FetchError(ErrorKind.EXTRACTION, "no article text found on the page", url)
    return Article(
        url=url,
        title=meta.title,
        author=meta.author,
        published=meta.published,
        updated=meta.updated,
        site_name=meta.site_name,
        language=meta.language,
        canonical_url=meta.canonical_url,
        image_url=meta.image_url,
        description=meta.description,
        blocks=blocks,
        fetched_at=datetime.now(UTC),
        partial=partial,
    )
