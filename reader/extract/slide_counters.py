"""A carousel's counter: the "1 / 2" (or "3 of 12") a gallery shows beside its ‹ › buttons.

The buttons are controls and go with the page's others; the counter is a `<span>` of text,
and came out as a stray paragraph "1 / 2" under the gallery's captions (acc39a L14). Told by its
shape, a count and nothing else, set beside a button: read before the buttons go.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .furniture import drop

_COUNT = re.compile(r"^\s*\d{1,4}\s*(?:/|of|von|de|sur|di|из)\s*\d{1,4}\s*$", re.IGNORECASE)
_COUNTER_TAGS = ("span", "div", "p", "small", "em", "b", "strong")


def without_slide_counters(root: HtmlElement) -> None:
    """Drop each count of slides set beside a button: in the button's box, or a box in it."""
    boxes = {box: None for button in root.iter("button") if (box := button.getparent()) is not None}
    for box in boxes:
        # Its children and theirs only: a page's buttons all in its <body> would each have
        # had the whole page read.
        for el in [grand for child in box for grand in (child, *child)]:
            if (
                isinstance(el.tag, str)
                and el.tag in _COUNTER_TAGS
                and len(el) == 0
                and _COUNT.match(el.text or "")
            ):
                drop(el)
