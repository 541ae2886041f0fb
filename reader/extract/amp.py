"""A page's AMP version (`<link rel="amphtml">`): the same article in plain HTML, drawn without
the site's own scripts. Read in place of a page that scripts fill, which gives little or
nothing to a reader that runs none (`Library._download_pages` tries it)."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..page_parsing import parsed_page
from ..urls import absolute_url, canonical_url
from .document import base_url


def amp_url(doc: HtmlElement, url: str, base: str) -> str:
    """The address of the AMP version of the page `doc` at `url`, or "" when it names none
    (or names itself: an AMP page names its canonical page, never an AMP one)."""
    for link in doc.iter("link"):
        if "amphtml" not in (link.get("rel") or "").lower().split():
            continue
        href = absolute_url(base, link.get("href") or "")
        if href and canonical_url(href) != canonical_url(url):
            return href
    return ""


def amp_url_of(page: bytes, url: str, header_charset: str | None = None) -> str:
    """`amp_url` of a page not parsed yet; "" when it doesn't parse."""
    doc = parsed_page(page, header_charset)
    return amp_url(doc, url, base_url(doc, url)) if doc is not None else ""
