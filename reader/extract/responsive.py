"""The copies a responsive template writes of one part of the page, one for phones and one for
desks, of which a style sheet shows one (Bootstrap's `d-md-none` / `d-none d-md-block`,
`hidden-xs`, "mobile-only"): the later copy goes, so the standfirst or a caption is read once.
So do an ai2html chart's artboards after its first: the same chart drawn for other widths.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from .furniture import TOKEN_SPLIT, drop

# Bootstrap's display classes that differ by screen ("d-none", "d-md-block", "hidden-xs",
# "visible-lg"; not "d-block" or "d-flex", the same on every screen) and words naming the
# screen a copy is for ("mobile-only", "show-desktop").
_BREAKPOINT = re.compile(
    r"^(?:d-none|d-(?:xs|sm|md|lg|xl|xxl)-(?:none|block|flex|inline)|hidden-\w+|visible-\w+)$"
)
_SCREEN_WORDS = frozenset({"mobile", "desktop", "tablet", "phone"})
# What each of those has, searched for first: most elements have none of it.
_SCREEN_HINT = re.compile(r"none|block|flex|inline|hidden|visible|mobile|desktop|tablet|phone")
_CLASSES = etree.XPath("//@class")
# A copy worth telling apart: a line of a few words may be said twice on purpose.
_COPY_WORDS = 6
# ai2html (the charts of the New York Times, the Post, Reuters…) writes one artboard of a chart
# per range of widths, each with its labels as text over its picture: read whole, the chart's
# title came twice or three times ("Interest payments on the national debt").
_ARTBOARDS = etree.XPath(
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' g-artboard ')]"
    "[@data-min-width or @data-max-width]"
)


def _for_a_screen(class_value: str) -> bool:
    names = class_value.lower()
    if not _SCREEN_HINT.search(names):
        return False
    classes = names.split()
    if any(_BREAKPOINT.match(c) for c in classes):
        return True
    return any(not _SCREEN_WORDS.isdisjoint(TOKEN_SPLIT.split(c)) for c in classes)


def without_screen_copies(doc: HtmlElement) -> None:
    """Drop an element that repeats its previous sibling's text when either is marked for a
    screen size."""
    # Only beside an element marked so: a test of every element's sibling cost 2 ms a page.
    # Its class values read, each element taken only when its own is marked: an object for
    # every element with a class was half the pass's time, on every page.
    for marked in [name.getparent() for name in _CLASSES(doc) if _for_a_screen(name)]:
        if marked.getparent() is None:
            continue  # dropped as a copy already
        _drop_if_copy(marked.getprevious(), marked)
        if marked.getparent() is not None:
            _drop_if_copy(marked, marked.getnext())
    boards = _ARTBOARDS(doc)
    for board in boards:
        before = board.getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()
        if before is not None and before in boards:
            board.drop_tree()  # its labels and picture are the first artboard's again


def _drop_if_copy(before: HtmlElement | None, el: HtmlElement | None) -> None:
    """Drop `el` when it says what `before`, its previous sibling of its kind, says."""
    if before is None or el is None or not isinstance(el.tag, str) or before.tag != el.tag:
        return
    text = " ".join(el.text_content().split())
    if len(text.split()) >= _COPY_WORDS and text == " ".join(before.text_content().split()):
        drop(el)
