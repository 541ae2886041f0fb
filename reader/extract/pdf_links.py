"""The links a PDF carries: a page's link annotations (`/Annots`, `/Subtype /Link` with a `/URI`
action), which its text does not hold. A report's "see the full ruling" leads somewhere only
through the rectangle drawn over those words; `pdf_document` places each link on the piece of
text its rectangle covers, as a page's `<a>` is, and lists the rest (a link over a picture, or
over part of a line set as one piece) after the text.

Only web and mail addresses are kept (`urls.link_url`: resolved, an invisible or control
character percent-encoded), and their words and addresses are shown as any untrusted text is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..models import Block, BlockKind, Inline
from ..safe import safe_line
from ..urls import link_url

_MOST_LINKS = 500
"""Link annotations read of one page: a hostile file's million cost time, not links."""
_MOST_LISTED = 200
"""Links listed after the text at most: a file of a thousand pages, a link over each picture."""
_KEPT_SCHEMES = ("http:", "https:", "mailto:")


@dataclass(frozen=True)
class PageLink:
    """A link annotation of a page: its rectangle (in the page's space, as the text's places
    are) and the address it leads to."""

    url: str
    left: float
    bottom: float
    right: float
    top: float

    def covers(self, x: float, y: float, width: float) -> bool:
        """Whether a piece of text starting at (`x`, `y`), about `width` wide, is the link's:
        it starts inside the rectangle, on a baseline in it, and doesn't run on far past it."""
        slack = (self.top - self.bottom) * 0.5
        return (
            self.left - 2 <= x < self.right
            and self.bottom - slack <= y <= self.top
            and x + width <= self.right + max(10.0, (self.right - self.left) * 0.5)
        )


def page_links(page: Any, base: str) -> list[PageLink]:
    """The web and mail links `page` carries as annotations (links to another page of the
    file, to a file, to a script are not kept); none from a damaged annotation."""
    links: list[PageLink] = []
    try:
        annotations = page.get("/Annots")
        annotations = annotations.get_object() if annotations is not None else []
        for each in list(annotations)[:_MOST_LINKS]:
            link = _link(each.get_object(), base)
            if link is not None:
                links.append(link)
    except Exception:  # a hostile or damaged annotation array: the text is still read
        return links
    return links


def _link(annotation: Any, base: str) -> PageLink | None:
    try:
        if annotation.get("/Subtype") != "/Link":
            return None
        action = annotation.get("/A")
        action = action.get_object() if action is not None else None
        if action is None or action.get("/S") != "/URI":
            return None
        target = action.get("/URI")
        target = target.get_object() if hasattr(target, "get_object") else target
        if isinstance(target, bytes):
            target = target.decode("latin-1")
        if not isinstance(target, str):
            return None
        url = link_url(base, target.strip())
        if not url.startswith(_KEPT_SCHEMES):
            return None
        left, bottom, right, top = (float(value) for value in annotation.get("/Rect"))
    except Exception:  # a damaged dictionary or rectangle: no link
        return None
    return PageLink(url, min(left, right), min(bottom, top), max(left, right), max(bottom, top))


def linked_inlines(
    text: str,
    marks: list[tuple[str, str]],
    plain: Callable[[str], tuple[Inline, ...]],
) -> tuple[Inline, ...]:
    """`text` as inlines: each marked piece (its words and the address it leads to) a link
    where it is found, in order; the text between them as `plain` makes it. Pieces of one
    link next to each other (a link over two runs, two lines) are one link."""
    inlines: list[Inline] = []
    at = 0
    for words, url in marks:
        found = text.find(words, at) if words else -1
        if found < 0:
            continue
        between = text[at:found]
        last = inlines[-1] if inlines else None
        if last is not None and last.href == url and not between.strip():
            inlines[-1] = Inline(last.text + between + words, href=url)
        else:
            if between:
                inlines += plain(between)
            inlines.append(Inline(words, href=url))
        at = found + len(words)
    if at < len(text):
        inlines += plain(text[at:])
    return tuple(inlines)


def listed_links(links: list[PageLink], blocks: list[Block]) -> list[Block]:
    """The links of `links` no block holds, each a list item of its address, in order (the
    first `_MOST_LISTED`)."""
    placed = {
        inline.href
        for block in blocks
        for inline in (*block.inlines, *(i for cell in block.cells for i in cell))
        if inline.href
    }
    listed: list[Block] = []
    for link in links:
        if link.url in placed:
            continue
        if len(listed) == _MOST_LISTED:
            break
        placed.add(link.url)
        shown = safe_line(link.url.removeprefix("mailto:"), 300)
        inlines = (Inline(shown, href=link.url),)
        listed.append(Block(BlockKind.LIST_ITEM, inlines, level=1, starts_list=not listed))
    return listed
