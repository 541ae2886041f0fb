"""A downloaded page parsed: the parser every page is read with, and what a page shows.

Outside `extract/` so that what reads a page for one thing only (a refresh, a "you are leaving"
page, a sign-in form, whether it declares an article) parses it as extraction does without
importing the extractor.
"""

from __future__ import annotations

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from .charset import decode_html, without_xml_declaration

MAX_TAGS = 400_000
"""The most tags (counted as "<"s) of a page parsed whole: twenty times the corpus's largest
(Wikipedia's longest article, 19,252). Parsing and reading cost time and memory by the element: a
hostile page of a million one-word paragraphs under the 10 MB cap took a worker 75 s and 1.4 GB.
Extraction refuses a page past it; `discovery` reads its head alone."""

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

SHOWN_TEXT = (
    "//body/descendant::text()[not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template)]"
)
"""XPath: the text a page shows (a `<noscript>`'s only without scripts). Its step is
`descendant::`: `//body//text()[…]`, the same nodes, takes libxml2 time quadratic in them (each
text node's predicate evaluated once for every element above it: 25,000 paragraphs of a link and
three words, 4.7 s; 0.04 s so), and a link farm's page took a worker past its 30 s."""


def parsed_page(page: bytes, header_charset: str | None = None) -> HtmlElement | None:
    """The page (as downloaded) decoded as extraction decodes it, and parsed; None when it
    doesn't parse, or holds more than `MAX_TAGS` tags: what reads a page for one thing only (a
    refresh, a sign-in form) looks for it in a small page, and the page's extraction refuses it
    in words. Parsed whole, `reader show` of one of 2.3 million list items reached 360 MB before
    it was refused (acc47c C8)."""
    text = decode_html(page, header_charset)
    return None if text.count("<") > MAX_TAGS else parsed_text(text)


def parsed_text(text: str) -> HtmlElement | None:
    """A page's decoded text parsed; None when it doesn't parse."""
    try:
        return lxml.html.document_fromstring(without_xml_declaration(text), parser=HTML_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return None
