"""A quotation's attribution: the "— Name, title" line a `<blockquote>` carries with it.

Pages mark it up as a `<footer>` or a `<cite>` inside the blockquote, or as the `<figcaption>`
of a `<figure>` holding one. Those tags and their class names ("footer", "author", "caption")
are what page-furniture rules look for, so the attribution needs saying once, here: it is the
quote's own text, kept with the quote and shown as its last line.
"""

from __future__ import annotations

from lxml.html import HtmlElement

# The dash that opens an attribution line; a page that styles one in with CSS has none in its text.
DASHES = ("—", "–", "―", "-", "~")


def _in_blockquote(el: HtmlElement) -> bool:
    return any(a.tag == "blockquote" for a in el.iterancestors())


def is_attribution(el: HtmlElement) -> bool:
    """True for the element that holds a quote's attribution: a `<footer>` or `<cite>` inside a
    `<blockquote>`, or the `<figcaption>` of a `<figure>` around a `<blockquote>`."""
    if el.tag in ("footer", "cite"):
        return _in_blockquote(el)
    if el.tag == "figcaption":
        figure = el.getparent()
        return (
            figure is not None
            and figure.tag == "figure"
            and next(figure.iterchildren("blockquote"), None) is not None
        )
    return False


def in_attribution(el: HtmlElement) -> bool:
    """True for an attribution or anything inside one (a `<cite class="author">` in a footer)."""
    return any(is_attribution(a) for a in (el, *el.iterancestors("footer", "cite", "figcaption")))


def attribution_elements(root: HtmlElement) -> set[HtmlElement]:
    """Every attribution under `root` and everything inside them, found once: a pass over a
    page asks `el in` this instead of `in_attribution(el)`, which climbs every element's
    ancestors (a tenth of a page's extraction time, measured on the benchmark farm's pages)."""
    found: set[HtmlElement] = set()
    for el in root.iter("footer", "cite", "figcaption"):
        if el not in found and is_attribution(el):
            found.update(el.iter())
    return found
