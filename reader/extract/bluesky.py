"""A Bluesky post's page, as Bluesky serves it to what runs no script: an empty app shell, and
in its `<noscript>` the post itself (`p#bsky_post_text`), its account's name and handle and
the time it was indexed, above the "JavaScript Required" notice.

The post is short (a few sentences), too short for the page to count as readable without
scripts, so it was shown as the summary the page declares, marked as not all of it, and signed
by no one. Read here, before the cleanup drops every `<noscript>`, it is the whole post, signed
by its account: "Coast Watch (@coastwatch.bsky.social)", as the page's title names it.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from ..dates import parse_datetime
from ..safe import safe_text
from .discussion_markup import first, text_of
from .discussions import Thread, paragraphs


def _field(noscript: HtmlElement, name: str) -> str:
    return text_of(first(noscript, f'.//p[@id="bsky_{name}"]'))


def bluesky_post(doc: HtmlElement) -> Thread | None:
    """The post a Bluesky page holds for readers without scripts, or None. Read before
    `prepare`, which drops the `<noscript>` holding it."""
    text = first(doc, '//noscript//p[@id="bsky_post_text"]')
    if text is None:
        return None
    noscript = next(text.iterancestors("noscript"))
    words = paragraphs(safe_text(text.text_content()))
    if words is None:
        return None
    # The noscript's text is the post whole: a summary the page declares holding more words
    # would say it is not, and then the page is read as before.
    summary = first(doc, '//meta[@property="og:description"]/@content')
    if summary is not None and len(str(summary).split()) > len(text.text_content().split()):
        return None
    name, handle = _field(noscript, "display_name"), _field(noscript, "handle").lstrip("@")
    author = f"{name} (@{handle})" if name and handle else name or (f"@{handle}" if handle else "")
    return Thread(
        title="",
        author=author,
        published=parse_datetime(_field(noscript, "post_indexedat") or None),
        opening=[words],
    )
