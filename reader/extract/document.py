"""A page parsed for what its markup says of it, not for its text: the `<link>`s that lead to
another version of it (`next_page.one_page_url_of`, `amp.amp_url_of`), read on the rare paths
that need them. Also what relative links on a page resolve against."""

from __future__ import annotations

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from ..charset import decode_html, without_xml_declaration
from ..urls import absolute_url


def base_url(doc: HtmlElement, url: str) -> str:
    """What relative links resolve against: the page's `<base href>` when it has one."""
    base = doc.find(".//base[@href]")
    if base is None:
        return url
    return absolute_url(url, base.get("href", "")) or url


def parsed_page(page: bytes, header_charset: str | None = None) -> HtmlElement | None:
    """The page (as downloaded) decoded as extraction decodes it, and parsed; None when it
    doesn't parse."""
    try:
        return lxml.html.document_fromstring(
            without_xml_declaration(decode_html(page, header_charset))
        )
    except (lxml.etree.ParserError, ValueError):
        return None
