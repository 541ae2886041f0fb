"""A preprint server's abstract page, as arXiv (and its mirrors) sets it out: the title, an
authors line, the abstract, and a table of the paper's particulars ("Comments: 12 pages, 5
figures", "Subjects: …", "Cite as: arXiv:2612.01234"), each labelled by a screen reader's
`<span class="descriptor">` or a `<td class="label">`.

Laid out before cleanup as an article's paragraphs: the table's box is named "metatable"
(readability's "meta", a box of a byline's) and its comments cell "comments" (a reader's
thread), so both went, and the "Cite as:" a reader of the abstract copies with them; the
abstract, a `<blockquote>`, read as a quotation of someone else's words.
"""

from __future__ import annotations

import copy

from lxml.html import HtmlElement

from ..text_shape import one_line
from .furniture import class_names, replace

# arXiv's markup: `blockquote.abstract` holding a `span.descriptor` ("Abstract:"), and
# `div.metatable > table` whose rows are `td.label` ("Comments:") and the value's cell.
_ABSTRACT = (
    "//blockquote[contains(concat(' ', normalize-space(@class), ' '), ' abstract ')]"
    "[.//span[contains(concat(' ', normalize-space(@class), ' '), ' descriptor ')]]"
)
_TABLES = "//div[contains(concat(' ', normalize-space(@class), ' '), ' metatable ')]"


def _plain(el: HtmlElement) -> HtmlElement:
    """A copy of `el` with no class or id anywhere in it: what they named is read here."""
    el = copy.deepcopy(el)
    for node in el.iter():
        if isinstance(node.tag, str):
            node.attrib.pop("class", None)
            node.attrib.pop("id", None)
    return el


def _row(label: str, value: HtmlElement) -> HtmlElement:
    """ "Label: value" as a paragraph, the value's links and marks kept."""
    paragraph = value.makeelement("p", {})
    paragraph.text = f"{label} {value.text or ''}"
    for child in value:
        paragraph.append(_plain(child))
    return paragraph


def _particulars(box: HtmlElement) -> HtmlElement | None:
    """The table's rows as paragraphs in a box of no name; None when no row is a label and its
    value."""
    laid_out = box.makeelement("div", {})
    for row in box.iter("tr"):
        cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
        if len(cells) != 2 or "label" not in class_names(cells[0]):
            continue
        label = one_line(cells[0].text_content())
        if label.endswith(":") and cells[1].text_content().strip():
            laid_out.append(_row(label, _plain(cells[1])))
    return laid_out if len(laid_out) else None


def lay_out_abstract_page(doc: HtmlElement) -> None:
    """On an arXiv-shaped abstract page (its abstract a `blockquote.abstract` labelled by a
    `span.descriptor`), the abstract as the article's paragraph and the particulars' table as
    "Label: value" paragraphs after it. Any other page is left as it is."""
    abstracts = doc.xpath(_ABSTRACT)
    if not abstracts:
        return
    for abstract in abstracts:
        abstract.tag = "div"
        # Not the key points' "abstract" box, nor a MathJax box to read as one formula.
        abstract.attrib.pop("class", None)
    for box in doc.xpath(_TABLES):
        laid_out = _particulars(box)
        if laid_out is not None:
            replace(box, laid_out)
