"""A dateline set as two labels, the place and the newsroom, joined to the lead it opens.

CNN writes "London (CNN) —" before its first paragraph as a box of two spans, styled apart
(`<cite class="source__cite"><span class="source__location">London</span><span
class="source__text">CNN</span></cite>`). Read as text it was a paragraph of its own, the
two words run together: "*LondonCNN*". A wire's dateline in a paragraph reads "LONDON (AP)
— The port…"; so does this one now.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from ..text_shape import one_line
from .furniture import drop, names_of

# A place is a few words ("Hong Kong", "Washington, DC"); a newsroom's name fewer ("CNN").
_PLACE_WORDS = 4
_SOURCE_WORDS = 3


def datelines_into_leads(doc: HtmlElement) -> None:
    """Write each two-part dateline as "Place (Source) — " at the start of the paragraph
    after it, or as "Place (Source)" where no paragraph follows."""
    for box in list(doc.iter("cite", "div", "span", "p")):
        parts = _place_and_source(box)
        if parts is None or box.getparent() is None:
            continue
        place, source = parts
        outer = _outermost(box)
        lead = outer.getnext()
        if lead is not None and lead.tag == "p" and not (outer.tail or "").strip():
            lead.text = f"{place} ({source}) — {(lead.text or '').lstrip()}"
            drop(outer)
            continue
        for child in list(box):
            box.remove(child)
        box.text = f"{place} ({source})"


def _place_and_source(box: HtmlElement) -> tuple[str, str] | None:
    """The place and the source a box of two spans names, and nothing else, or None."""
    children = [c for c in box if isinstance(c.tag, str)]
    if len(children) != 2 or any(c.tag != "span" or len(c) for c in children):
        return None
    if (box.text or "").strip() or any((c.tail or "").strip() for c in children):
        return None
    place_el, source_el = children
    if "location" not in names_of(place_el) or "source" not in names_of(source_el):
        return None
    place = one_line(place_el.text_content())
    source = one_line(source_el.text_content())
    if not 1 <= len(place.split()) <= _PLACE_WORDS or not 1 <= len(source.split()) <= _SOURCE_WORDS:
        return None
    return place, source


def _outermost(box: HtmlElement) -> HtmlElement:
    """The largest element around `box` that holds nothing else (CNN's `div.source`)."""
    outer = box
    parent = outer.getparent()
    while (
        parent is not None
        and parent.tag in ("div", "span", "cite")
        and len(parent) == 1
        and not (parent.text or "").strip()
        and not (outer.tail or "").strip()
    ):
        outer = parent
        parent = outer.getparent()
    return outer
