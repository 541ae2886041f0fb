"""The rest of an article folded away behind a "Continue reading" control, unfolded.

Some sites ship the whole article and show its first paragraphs only: the rest sits in a box
hidden (`hidden`, `display: none`, `aria-hidden`) beside a control that opens it ("Continue
reading", "Read more", "Show full article", "Weiterlesen", "Lire la suite"). It is the article's
text, in the page: read as a reader who pressed the control sees it. Everything else hidden
(a modal, a template, a cookie dialog, a folded menu) stays hidden for `prepare` to drop: only a
box next to such a control, holding prose and named as no page furniture, is unfolded.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .furniture import drop, is_furniture, link_density, text_length

# What a control that unfolds the rest says, whole ("Read more", "Continue reading ›", "Show
# the full article"), in the languages of the press read here too.
_UNFOLDS = re.compile(
    r"^\W*(?:(?:read|show|see|view) (?:the )?(?:more|full (?:article|story|text)|whole "
    r"(?:article|story)|rest(?: of (?:the|this) (?:article|story))?)|continue reading"
    r"|expand (?:the )?(?:article|story)|weiterlesen|mehr (?:anzeigen|lesen)|lire la suite"
    r"|(?:leer|ver) más|seguir leyendo|continua a leggere|leggi (?:tutto|di più)"
    r"|continuar lendo|leia mais|lees verder|читать (?:далее|дальше|полностью)"
    r"|показать полностью)\W*$",
    re.IGNORECASE,
)
# A control's words are a few; a wrapper holding it and nothing else is the control's row.
_CONTROL_CHARS = 40
# The folded rest is prose: a paragraph of a sentence or two at least, few of its words links.
_PROSE_CHARS = 100
_MAX_LINK_DENSITY = 0.3
_STYLE_HIDES = re.compile(
    r"(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?;?", re.IGNORECASE
)


def unfold_read_more(hidden: list[HtmlElement]) -> list[HtmlElement]:
    """Unfold, in place, each box of `hidden` (the page's elements hidden from its readers, in
    the page's order) that holds the rest of the article next to a control opening it; the
    control goes. Returns the boxes unfolded."""
    unfolded: list[HtmlElement] = []
    folded = set(hidden)
    for box in hidden:
        if box.getparent() is None:
            continue
        for row in (box.getprevious(), box.getnext()):
            if row is not None and row not in folded and _says_unfold(row) and _holds_the_rest(box):
                _unhide(box)
                drop(row)
                unfolded.append(box)
                break
    return unfolded


def _says_unfold(row: HtmlElement) -> bool:
    """A control opening the rest ("Continue reading"), or a row holding one and no more."""
    if not isinstance(row.tag, str):
        return False
    # Its first words only: a neighbour may be the whole article.
    text = ""
    for piece in row.itertext():
        text += piece
        if len(text) > 2 * _CONTROL_CHARS:
            return False
    text = " ".join(text.split())
    return 0 < len(text) <= _CONTROL_CHARS and _UNFOLDS.match(text) is not None


def _holds_the_rest(box: HtmlElement) -> bool:
    """Prose, in a box named as no furniture (a modal, a cookie notice), holding no form."""
    if is_furniture(box) or box.get("role") in ("dialog", "alertdialog"):
        return False
    if next(box.iter("form", "dialog", "input"), None) is not None:
        return False
    # `iter` starts at the box itself: a folded paragraph alone counts.
    prose = any(text_length(p) >= _PROSE_CHARS for p in box.iter("p"))
    return prose and link_density(box) < _MAX_LINK_DENSITY


def _unhide(box: HtmlElement) -> None:
    for name in ("hidden", "aria-hidden"):
        box.attrib.pop(name, None)
    style = box.get("style")
    if style is not None:
        box.set("style", _STYLE_HIDES.sub("", style))
