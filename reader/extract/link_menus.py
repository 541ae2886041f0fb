"""A menu an old table layout writes as links one under another: `<td><font><a>Home</a><br>
<a>News</a><br><a>Sport</a><br>…</font></td>` in the left column. It has no `<nav>` or `<ul>`
to be known by, and readability took it for the start of the story ("Home / News / Sport /
Letters / Contact us" above the first paragraph). Known by its shape: nothing but short links
and line breaks, three links at least."""

from __future__ import annotations

from lxml.html import HtmlElement

from .furniture import drop

# A menu's item is a word or a few ("Contact us", "What's on"); a story's link list is longer.
_ITEM_WORDS = 3
_FEWEST_ITEMS = 3
# The inline wrappers such a column sets its links in.
_WRAPPERS = ("font", "b", "strong", "span", "small")


def _links_only(el: HtmlElement, links: list[HtmlElement]) -> bool:
    """`el` holds nothing but links, line breaks and wrappers of them, and no text of its own;
    each link found is added to `links`."""
    if (el.text or "").strip():
        return False
    for child in el:
        if (child.tail or "").strip(" \t\r\n|·•-"):
            return False
        if not isinstance(child.tag, str):
            continue
        if child.tag == "a":
            links.append(child)
        elif child.tag == "br":
            continue
        elif child.tag not in _WRAPPERS or not _links_only(child, links):
            return False
    return True


def without_link_columns(doc: HtmlElement) -> None:
    """Drop the table cells that hold only a menu of short links set one per line."""
    for cell in list(doc.iter("td")):
        links: list[HtmlElement] = []
        if not _links_only(cell, links) or len(links) < _FEWEST_ITEMS:
            continue
        if next(cell.iter("br"), None) is None:
            continue  # links in a row: a table of data's cell may hold several
        if all(0 < len(a.text_content().split()) <= _ITEM_WORDS for a in links):
            drop(cell)
