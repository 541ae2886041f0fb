"""The copies a responsive template writes of one part of the page, one for phones and one for
desks, of which a style sheet shows one (Bootstrap's `d-md-none` / `d-none d-md-block`,
`hidden-xs`, "mobile-only"): the later copy goes, so the standfirst or a caption is read once.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .furniture import TOKEN_SPLIT, drop

# Bootstrap's display classes ("d-none", "d-md-block", "hidden-xs", "visible-lg") and words
# naming the screen a copy is for ("mobile-only", "show-desktop").
_BREAKPOINT = re.compile(
    r"^(?:d(?:-(?:xs|sm|md|lg|xl|xxl))?-(?:none|block|flex|inline)|hidden-\w+|visible-\w+)$"
)
_SCREEN_WORDS = frozenset({"mobile", "desktop", "tablet", "phone"})
# A copy worth telling apart: a line of a few words may be said twice on purpose.
_COPY_WORDS = 6


def _for_a_screen(el: HtmlElement) -> bool:
    classes = (el.get("class") or "").lower().split()
    if any(_BREAKPOINT.match(c) for c in classes):
        return True
    return any(not _SCREEN_WORDS.isdisjoint(TOKEN_SPLIT.split(c)) for c in classes)


def without_screen_copies(doc: HtmlElement) -> None:
    """Drop an element that repeats its previous sibling's text when either is marked for a
    screen size."""
    for el in list(doc.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        before = el.getprevious()
        if before is None or not isinstance(before.tag, str) or before.tag != el.tag:
            continue
        if not (_for_a_screen(el) or _for_a_screen(before)):
            continue
        text = " ".join(el.text_content().split())
        if len(text.split()) >= _COPY_WORDS and text == " ".join(before.text_content().split()):
            drop(el)
