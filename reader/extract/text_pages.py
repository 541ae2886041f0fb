"""A page of plain text or Markdown (text/plain, a file of text) as the article."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from ..charset import decode_text
from ..extractor_version import EXTRACTOR
from ..models import Article, BlockKind, ErrorKind, FetchError
from ..safe import safe_text
from .body_blocks import _fragment_blocks
from .markdown_page import is_markdown, markdown_html
from .plain_text import text_article


def _text_article(page: bytes, url: str, header_charset: str | None) -> Article:
    """A page of plain text (text/plain, a file of text): the text is the article, read as
    the Markdown it is written in when it is."""
    text = decode_text(page, header_charset)
    article = _markdown_article(text, url) if is_markdown(text, url) else text_article(text, url)
    if not article.blocks:
        raise FetchError(ErrorKind.EXTRACTION, "the page is empty", url)
    return replace(article, fetched_at=datetime.now(UTC), extractor=EXTRACTOR)


def _markdown_article(text: str, url: str) -> Article:
    """A Markdown page's article, titled by its first heading when that is a top one."""
    blocks = _fragment_blocks(markdown_html(safe_text(text)), url)
    first = blocks[0] if blocks else None
    if first is not None and first.kind is BlockKind.HEADING and first.level == 1:
        return Article(url, title=first.text, blocks=blocks[1:])
    return Article(url, blocks=blocks)
