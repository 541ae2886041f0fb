"""A section's heading in a box of its own, the section's text in the boxes after it.

Pages built of components (Adobe Experience Manager's grid, a theme's `<header>` over each
section) set every heading alone in its wrappers: `<div class="section"><div id="system-
guarantees"><h2>System guarantees</h2></div></div>`, then `<div class="text">` with the
paragraphs. readability-lxml's final clean-up removes any box under 25 characters, so each such
heading went and the article kept its paragraphs without one of its headings. A box is kept
while what it heads is: a heading over a box of other stories' links that the clean-up removes
goes with it.

A heading may stand over the tabs that show the panels after it (Mozilla's "More ways to
customize" over "Themes · Add-ons · Awesome Bar", each panel a section with its own heading):
the tabs are links within the page and go, the heading heads the panels and stays
(`heads_tabs`).
"""

from __future__ import annotations

from collections.abc import Iterable

import lxml.etree
from lxml.html import HtmlElement

from .furniture import HEADING_TAGS

# A section's heading, not the headline (`title` and `article_edges` read the `<h1>`).
_SECTION_HEADINGS = HEADING_TAGS - {"h1"}
_TABLISTS = lxml.etree.XPath("*[@role='tablist']")
_TABBED_BOXES = lxml.etree.XPath(".//*[@role='tablist']/..")
# The boxes readability-lxml's clean-up removes when short, and the `<p>` it makes of a `<div>`
# holding no block of its tags (a heading is none); any other (an `<article>` holding a
# teaser's headline) is left to the passes that judged it before.
_BOXES = frozenset({"div", "section", "header", "footer", "aside", "p"})


def heading_boxes(node: HtmlElement) -> list[list[HtmlElement]]:
    """Each section heading under `node` set in a box of its own: the wrappers from the
    heading's parent up to the outermost box holding nothing but the heading. A heading that
    is a link (another story's headline) is in none."""
    found = []
    for heading in node.iter(*_SECTION_HEADINGS):
        wrappers = _wrappers(heading, node)
        if wrappers and not _is_linked(heading):
            found.append(wrappers)
    return found


def heads_something(box: HtmlElement) -> bool:
    """Words or a picture after `box`, among its siblings, before the next heading: the
    section it heads is there."""
    if (box.tail or "").strip():
        return True
    for el in box.itersiblings():
        if not isinstance(el.tag, str):
            continue
        if el.tag in HEADING_TAGS or is_heading_box(el):
            return False
        if next(el.iter("img", "picture", "video"), None) is not None:
            return True
        if any(text.strip() for text in el.itertext()):
            return True
        if (el.tail or "").strip():
            return True
    return False


def _wrappers(heading: HtmlElement, top: HtmlElement | None = None) -> list[HtmlElement]:
    wrappers: list[HtmlElement] = []
    inner = heading
    for outer in heading.iterancestors():
        if outer is top or outer.tag not in _BOXES or not _holds_alone(outer, inner):
            break
        wrappers.append(outer)
        inner = outer
    return wrappers


def _is_linked(heading: HtmlElement) -> bool:
    linked = sum(len("".join(a.text_content().split())) for a in heading.iter("a"))
    return linked > 0.5 * len("".join(heading.text_content().split()))


def _holds_alone(box: HtmlElement, inner: HtmlElement) -> bool:
    """`box` holds `inner` and, besides it, only empty elements (an anchor's target, an icon's
    span): no text, no picture."""
    if (box.text or "").strip():
        return False
    for child in box:
        if (child.tail or "").strip():
            return False
        if child is inner or not isinstance(child.tag, str):
            continue
        if (
            child.tag in ("img", "picture", "video", "iframe")
            or next(child.iter("img", "picture", "video", "iframe"), None) is not None
        ):
            return False
        if any(text.strip() for text in child.itertext()):
            return False
    return True


def is_heading_box(el: HtmlElement) -> bool:
    """`el` is a box holding a section's heading and nothing else."""
    heading = next(el.iter(*_SECTION_HEADINGS), None)
    return heading is not None and not _is_linked(heading) and el in _wrappers(heading)


def headings_over_tabs(headings: Iterable[HtmlElement], node: HtmlElement) -> list[HtmlElement]:
    """Those of `headings` (of `node`) that head tabs (`heads_tabs`), looked for only in the
    boxes holding tabs, found once: asked of each heading's box, a page of 3,000 headings in
    one box looked at its 6,000 children 3,000 times over, twice (12 s of CPU)."""
    tabbed = set(_TABBED_BOXES(node))
    above = node.getparent()
    if above is not None and _TABLISTS(above):  # `node` a heading itself
        tabbed.add(above)
    return [h for h in headings if h.getparent() in tabbed and heads_tabs(h, node)]


def heads_tabs(heading: HtmlElement, node: HtmlElement) -> bool:
    """`heading` stands beside a list of tabs (`role="tablist"`) whose every link opens a part
    of this page (`href="#themes"`) named by a heading of `node` ("Themes"): the panels the
    heading heads once the tabs are gone. (By the panel's heading, not its id: an id only
    repeating its heading is dropped before, `without_heading_anchors`.)"""
    parent = heading.getparent()
    if parent is None:
        return False
    links = [a for tabs in _TABLISTS(parent) for a in tabs.iter("a")]
    if not links or not all(a.get("href", "").startswith("#") for a in links):
        return False
    headings = {_words(h) for h in node.iter(*_SECTION_HEADINGS) if h is not heading}
    return all(_words(a) in headings for a in links)


def _words(el: HtmlElement) -> str:
    return " ".join(el.text_content().split()).casefold()


def tab_boxes(heading: HtmlElement, node: HtmlElement) -> list[HtmlElement]:
    """The box of `heading` and its tabs, and the boxes round it holding nothing else: what the
    clean-up must leave while the panels after them are kept (`heads_something`)."""
    parent = heading.getparent()
    if parent is None or parent is node:
        return []
    return [parent, *_wrappers(parent, node)]


def box_heads_something(heading: HtmlElement, node: HtmlElement) -> bool:
    """Words or a picture after `heading`'s outermost box holding it alone (or after the
    heading itself), before the next heading (see `heads_something`)."""
    wrappers = _wrappers(heading, node)
    return heads_something(wrappers[-1] if wrappers else heading)
