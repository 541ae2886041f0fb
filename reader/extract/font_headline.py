"""The headline and byline of a page written before headings were styled: a table layout whose
story opens `<font size=4><b>Mill to close</b></font><br><i>By Tom Okafor, 5 March 2024</i>`.

Such a page has no `h1`, and its `<title>` is often the site's alone ("Old site"): the headline
was taken from the `<title>`, and the headline and byline were read as the text's first lines.
Here they are made what they are, an `h1` and a byline line under it, before anything is read
from the page; the rules for headlines and header lines then take them as any other page's.
Only a bold or large line followed by a "By" line or a date line ("Friday, 27 November 2026"):
a bold line alone is as often a section's name or a subheading ("Footpath closure").
"""

from __future__ import annotations

from lxml.html import HtmlElement

from ..text_shape import one_line
from .byline_names import line_byline
from .furniture import drop
from .written_dates import states_only_dates

# A headline is a few words, not a paragraph set in bold.
_FEWEST_WORDS = 3
_MOST_WORDS = 25
# `<font size>` from which a line is a headline: 4 and up (the default is 3), or "+1" and up.
_LARGE = 4
_EMPHASIS = ("i", "em", "font", "span", "small")
_INLINE = ("font", "span", "b", "strong", "i", "em", "small", "big")


def _large(el: HtmlElement) -> bool:
    size = (el.get("size") or "").strip()
    if size.startswith("+"):
        return size[1:].isdigit() and int(size[1:]) >= 1
    return size.isdigit() and int(size) >= _LARGE


def _is_headline_line(el: HtmlElement) -> bool:
    """`el` is a line set large or bold and nothing else: no block inside it."""
    bold = el.tag in ("b", "strong") or next(el.iter("b", "strong"), None) is not None
    if not (bold or (el.tag == "font" and _large(el))):
        return False
    if next(el.iter("p", "div", "table", "br", "ul", "ol"), None) is not None:
        return False
    return _FEWEST_WORDS <= len(el.text_content().split()) <= _MOST_WORDS


def _next_line(el: HtmlElement) -> HtmlElement | None:
    """The element after `el`, past line breaks, when no text stands between them."""
    node = el
    while True:
        if (node.tail or "").strip():
            return None
        node = node.getnext()
        if node is None or node.tag != "br":
            return node


def _opens_its_box(el: HtmlElement) -> bool:
    """No text comes before `el` in the element holding it."""
    parent = el.getparent()
    if parent is None or (parent.text or "").strip():
        return False
    for sibling in el.itersiblings(preceding=True):
        if sibling.text_content().strip() or (sibling.tail or "").strip():
            return False
    return True


def mark_font_headline(doc: HtmlElement) -> None:
    """On a page with no `h1`, the first large or bold line followed by a "By" line or a date
    line becomes the `h1`, and that line a paragraph under it."""
    if next(doc.iter("h1"), None) is not None:
        return
    body = doc.find(".//body")
    for el in (body if body is not None else doc).iter("font", "b", "strong"):
        # The outermost of `<font><b>…</b></font>`: the line as a whole.
        line = el
        while (parent := line.getparent()) is not None and parent.tag in ("font", "b", "strong"):
            if parent.text_content().strip() != line.text_content().strip():
                break
            line = parent
        if not _is_headline_line(line) or not _opens_its_box(line):
            continue
        byline = _next_line(line)
        if byline is None or byline.tag not in _EMPHASIS:
            continue
        said = " ".join(byline.text_content().split())
        if not (line_byline(said) or states_only_dates(said)):
            continue
        heading = line.makeelement("h1", {})
        heading.text = one_line(line.text_content())
        credit = byline.makeelement("p", {})
        credit.text = one_line(byline.text_content())
        # The line breaks between them, and those after the byline, are the layout's.
        for br in [n for n in line.itersiblings() if n.tag == "br" and _before(n, byline)]:
            br.drop_tree()
        for br in list(byline.itersiblings()):
            if br.tag != "br" or (byline.tail or "").strip():
                break
            br.drop_tree()
        # Out of the inline wrappers round the whole story (`<font face=Verdana size=2>`):
        # inside one, a heading would run into the text as one paragraph.
        anchor = line
        while (parent := anchor.getparent()) is not None and parent.tag in _INLINE:
            if not _opens_its_box(anchor):
                break
            anchor = parent
        anchor.addprevious(heading)
        heading.addnext(credit)
        drop(byline)
        drop(line)
        return


def _before(node: HtmlElement, other: HtmlElement) -> bool:
    return any(n is other for n in node.itersiblings())
