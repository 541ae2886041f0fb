"""The page's tree, nested as a browser nests it, and what a site's rule drops from it and names
as its body."""

from __future__ import annotations

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from ..charset import without_xml_declaration
from ..models import (
    ErrorKind,
    FetchError,
    SiteRule,
)
from ..page_parsing import HTML_PARSER
from .nesting import (
    cut_by_the_parser,
    flattened,
    spans_as_boxes,
    without_nested_paragraphs,
    without_wrappers,
)
from .ruby import without_ruby_readings


def _parse(html: str) -> tuple[HtmlElement, bool]:
    """The page's tree, nested as a browser nests it (`nesting`), and whether the parser
    stopped short of its end even so."""
    html = without_xml_declaration(html)
    if not html.strip():
        raise FetchError(ErrorKind.EXTRACTION, "the page is empty")
    try:
        doc = lxml.html.document_fromstring(html, parser=HTML_PARSER)
        cut = cut_by_the_parser(doc)
        if cut:
            # Thousands of unclosed or nested wrappers: read flat rather than cut short.
            doc = lxml.html.document_fromstring(without_wrappers(html), parser=HTML_PARSER)
            cut = cut_by_the_parser(doc)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise FetchError(ErrorKind.EXTRACTION, f"the page is not readable HTML ({exc})") from None
    without_nested_paragraphs(doc)
    spans_as_boxes(doc)
    flattened(doc)
    without_ruby_readings(doc)  # before the headline is read from the page's `h1`
    return doc, cut


def _apply_site_rule(doc: HtmlElement, rule: SiteRule) -> HtmlElement | None:
    """Drop what the rule says to drop; return the rule's body element if it is on the page."""
    from lxml.cssselect import CSSSelector, SelectorError

    try:
        for selector in rule.drop:
            for el in CSSSelector(selector)(doc):
                if el.getparent() is not None:
                    el.drop_tree()
        found = CSSSelector(rule.body)(doc) if rule.body else []
    except SelectorError as error:
        raise FetchError(
            ErrorKind.EXTRACTION, f"bad CSS selector in the site's rule: {error}"
        ) from None
    return found[0] if found else None
