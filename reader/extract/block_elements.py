"""Which elements are what to the block walk: blocks, skipped, headings; a data table, a list's
numbers, a `<pre>`'s text, the ids a link names."""

from __future__ import annotations

import re
from urllib.parse import unquote, urldefrag

from lxml.html import HtmlElement

from ..urls import absolute_url
from .live_blog import ENTRY
from .run_text import _is_back_link

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "blockquote",
        "ul",
        "ol",
        "li",
        "pre",
        "figure",
        "figcaption",
        "table",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "dl",
        "dt",
        "dd",
        "hr",
        "header",
        "footer",
        "aside",
        "details",
        "summary",
        "address",
        "center",
        "body",
        *_HEADINGS,
    }
)


_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "button",
        "svg",
        "img",
        "picture",
        "source",
        "video",
        "audio",
        "iframe",
        "object",
        "embed",
        "head",
        "title",
        "meta",
        "link",
    }
)


# What a list item's text may be wrapped in: a paragraph, or a box of no other meaning.
_ITEM_PARAGRAPHS = frozenset({"p", "div", "section"})


_WHOLE_NUMBER = re.compile(r"[ \t\n\r\f]*([+-]?)([0-9]+)")


# The highest number a Markdown list may show (CommonMark reads nine digits at most); a list
# numbered below 1 counts from 1 (0 is a bullet's).
_MAX_NUMBER = 999_999_999


def _neighbours_heading_level(summary: HtmlElement) -> int:
    """The level of the heading another `<details>`'s summary beside this one's holds, 0 for
    none: an FAQ whose first question is an `<h2>` and the rest plain text."""
    details = summary.getparent()
    parent = details.getparent() if details is not None else None
    if details is None or details.tag != "details" or parent is None:
        return 0
    for other in parent.iterchildren("details"):
        for own in other.iterchildren("summary"):
            heading = next(own.iter(*_HEADINGS), None)
            if heading is not None:
                return _HEADINGS[heading.tag]
    return 0


def _list_number(value: str | None, default: int) -> int:
    """An `<ol start>` or `<li value>` as a browser reads it (its leading digits, a sign
    before them), `default` when it holds none; from 1 to the most Markdown can show."""
    match = _WHOLE_NUMBER.match(value or "")
    if not match:
        number = default
    else:
        sign, digits = match.groups()
        number = int(digits) if len(digits) <= 10 else _MAX_NUMBER  # past it, all the same
        number = -number if sign == "-" else number
    return min(max(number, 1), _MAX_NUMBER)


def in_data_table(el: HtmlElement) -> bool:
    """`el` stands in a cell of a data table: the table's data, however many links it holds (an
    infobox's "Divisions" cell, a list of two links)."""
    cell = next(el.iterancestors("td", "th"), None)
    table = next(cell.iterancestors("table"), None) if cell is not None else None
    return table is not None and is_data_table(table)


def is_data_table(table: HtmlElement) -> bool:
    """A table of data, not of layout, by Readability.js's tests: declared so (a caption,
    headers, column groups), or enough rows and columns. A table holding tables lays them out
    side by side (two rankings under one header row): its own rows are not rows of data."""
    if table.get("role") == "presentation" or table.get("datatable") == "0":
        return False
    if next(table.iterdescendants("table"), None) is not None:
        return False
    if table.get("summary"):
        return True
    caption = table.find("caption")
    if caption is not None and len(caption):
        return True
    if next(table.iterdescendants("col", "colgroup", "tfoot", "thead", "th"), None) is not None:
        return True
    rows = 0
    columns = 0
    for row in table.iter("tr"):
        rows += 1
        cells = sum(
            int(c.get("colspan", "1") or 1) if c.get("colspan", "1").isdigit() else 1
            for c in row
            if c.tag in ("td", "th")
        )
        columns = max(columns, cells)
    if rows == 1 or columns == 1:
        return False
    return rows >= 10 or columns > 4 or rows * columns > 10


def pre_text(el: HtmlElement) -> str:
    """A code block's text with its line breaks: highlighters write some lines as `<br>`."""
    parts = [el.text or ""]
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            parts.append("\n")
        elif tag and tag not in _SKIP:
            parts.append(pre_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def link_targets(root: HtmlElement, base_url: str) -> frozenset[str]:
    """The ids inside `root` that a link of its text names: "#cite_note-1", or the page's own
    address with it. Not a note's link back to its number (dropped from the text)."""
    page = urldefrag(base_url).url if base_url else ""
    named: set[str] = set()
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if "#" not in href or _is_back_link(a):
            continue
        address, _hash, fragment = href.partition("#")
        if fragment and (not address or (page and absolute_url(base_url, address) == page)):
            named.add(unquote(fragment))
    # A live blog's entries are named by the feed's items pointing into it (`live_blog.ENTRY`).
    entries = {
        el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get(ENTRY) is not None
    }
    if not named:
        return frozenset(entries)
    ids = {
        el.get("id") or el.get("name")
        for el in root.iter()
        if isinstance(el.tag, str) and (el.get("id") or (el.tag == "a" and el.get("name")))
    }
    return frozenset(named & ids) | entries
