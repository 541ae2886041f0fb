"""A menu an old table layout writes as links one under another: `<td><font><a>Home</a><br>
<a>News</a><br><a>Sport</a><br>…</font></td>` in the left column. It has no `<nav>` or `<ul>`
to be known by, and readability took it for the start of the story ("Home / News / Sport /
Letters / Contact us" above the first paragraph). Known by its shape: nothing but short links
and line breaks, three links at least.

So is a column of other stories' headlines beside the story in such a layout ("Latest" over
"Darts league results", "Church fete raises £900", acc39a L8): a label at most, then links one
a line, in a cell of the row whose other cell holds the story's prose."""

from __future__ import annotations

from lxml.html import HtmlElement

from .furniture import drop, link_density

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
    """Drop the table cells that hold only a menu of short links set one per line, and the
    columns of headlines beside a layout's story."""
    for cell in list(doc.iter("td")):
        links: list[HtmlElement] = []
        if _is_headlines_column(cell):
            drop(cell)
            continue
        if not _links_only(cell, links) or len(links) < _FEWEST_ITEMS:
            continue
        if next(cell.iter("br"), None) is None:
            continue  # links in a row: a table of data's cell may hold several
        if all(0 < len(a.text_content().split()) <= _ITEM_WORDS for a in links):
            drop(cell)


# A column's headline runs to a dozen words; its label ("Latest", "Most read") to a few.
_HEADLINE_WORDS = 12
_LABEL_WORDS = 3
# The story's cell beside it: prose, many times the column's words.
_STORY_WORDS = 50
_STORY_RATIO = 5
_LABEL_TAGS = ("b", "strong", "font", "span", "h2", "h3", "h4", "h5", "h6", "p", "div")


def _is_headlines_column(cell: HtmlElement) -> bool:
    """`cell` is a layout's column of headlines: a short label at most, then two links or
    more one a line, in a row whose other cell holds the story."""
    children = [child for child in cell if isinstance(child.tag, str)]
    if not children or next(cell.iter("br"), None) is None:
        return False
    label = children[0]
    if (
        label.tag in _LABEL_TAGS
        and label.find(".//a") is None
        and 0 < len(label.text_content().split()) <= _LABEL_WORDS
    ):
        # Its tail is what follows the label: a line break, no words.
        if (label.tail or "").strip():
            return False
        children = children[1:]
    links: list[HtmlElement] = []
    if (cell.text or "").strip():
        return False
    for child in children:
        if (child.tail or "").strip(" \t\r\n|·•-"):
            return False
        if child.tag == "a":
            links.append(child)
        elif child.tag != "br" and (child.tag not in _WRAPPERS or not _links_only(child, links)):
            return False
    if len(links) < 2 or not all(
        0 < len(a.text_content().split()) <= _HEADLINE_WORDS for a in links
    ):
        return False
    return _beside_the_story(cell)


def _beside_the_story(cell: HtmlElement) -> bool:
    own = len(cell.text_content().split())
    row = cell.getparent()
    if row is None:
        return False
    return any(
        other is not cell
        and len(other.text_content().split()) >= max(_STORY_WORDS, _STORY_RATIO * own)
        and link_density(other) < 0.3
        for other in row.iterchildren("td")
    )
