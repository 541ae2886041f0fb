"""A page parsed for what its markup says of it, not for its text: the `<link>`s that lead to
another version of it (`next_page.one_page_url_of`, `amp.amp_url_of`), read on the rare paths
that need them. Also what relative links on a page resolve against, and the parser every page
extraction reads is parsed with (`HTML_PARSER`)."""

from __future__ import annotations

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from ..charset import decode_html, without_xml_declaration
from ..urls import absolute_url

HTML_PARSER = lxml.html.HTMLParser(huge_tree=True)
"""lxml.html's parser, with each element's Python class looked up in C. lxml.html's own lookup
calls a Python method each time an element is first touched from Python (the extraction passes
touch each one many times over: a sixth of their time), to give forms and their fields classes
of their own for filling in forms, which extraction never does. Every element is an
`HtmlElement` here, as every element but those already was.

`huge_tree`: without it libxml2 stops reading at 256 levels of nesting, and an old page's
unclosed `<font>`s (one level a paragraph) lost the rest of the article without a word; deep
trees are flattened after (`nesting`)."""
HTML_PARSER.set_element_class_lookup(
    lxml.etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


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
            without_xml_declaration(decode_html(page, header_charset)), parser=HTML_PARSER
        )
    except (lxml.etree.ParserError, ValueError):
        return None
