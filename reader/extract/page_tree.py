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
    read_flat,
    spans_as_boxes,
    still_too_deep,
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
    # Thousands of unclosed or nested wrappers: read without them rather than cut short;
    # then, past the parser's depth even so (tables in tables), or with the text's own tags
    # in one another past what the extraction reads (headings in headings, which spent
    # seconds failing), read with no tag that nests.
    for flatter in (None, without_wrappers, read_flat):
        doc = _tree(flatter(html) if flatter else html)
        cut = cut_by_the_parser(doc)
        if cut and flatter is not read_flat:
            continue  # no pass over a tree thrown away
        without_nested_paragraphs(doc)
        spans_as_boxes(doc)
        flattened(doc)
        if flatter is read_flat or not still_too_deep(doc):
            break
    without_ruby_readings(doc)  # before the headline is read from the page's `h1`
    return doc, cut


def _tree(html: str) -> HtmlElement:
    try:
        return lxml.html.document_fromstring(html, parser=HTML_PARSER)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise FetchError(ErrorKind.EXTRACTION, f"the page is not readable HTML ({exc})") from None


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
