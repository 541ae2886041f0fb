"""A callout's icon set beside its text (Ghost's callout card, a Notion-style callout): one line.

The card is a box of two: a box holding only an emoji ("💡", "⚠️") and a box of text. Read as
blocks, the emoji stood as a paragraph of its own above the text; the page shows it at the
start of the text's line, and there it goes.
"""

from __future__ import annotations

import unicodedata

from lxml.html import HtmlElement

from .furniture import drop

# The most code points an icon runs to: a flag, a person with a skin tone and a joiner.
_ICON_LENGTH = 8


def _is_emoji(text: str) -> bool:
    """Pictographs only (with their joiners, selectors and skin tones), at least one: not a
    letter, a digit, nor a typographic mark ("* * *", "❧")."""
    if not text or len(text) > _ICON_LENGTH:
        return False
    pictures = 0
    for char in text:
        point = ord(char)
        if point >= 0x1F000 or 0x2600 <= point <= 0x26FF or 0x2B00 <= point <= 0x2BFF:
            pictures += 1
        elif unicodedata.category(char) not in ("Mn", "Cf", "Sk"):
            return False
    return pictures > 0


def icons_beside_their_text(doc: HtmlElement) -> None:
    """Move each callout's emoji to the start of its text's line."""
    for icon in list(doc.iter("div", "span")):
        parent = icon.getparent()
        if parent is None or len(icon) or not _is_emoji("".join(icon.text_content().split())):
            continue
        if (icon.tail or "").strip():
            continue  # words follow it on its line ("📌 Minutes: <a>…</a>"): it starts them
        children = [c for c in parent if isinstance(c.tag, str)]
        if len(children) != 2 or children[0] is not icon:
            continue
        target = children[1]
        # Its first line of words: the box's own text, or its first paragraph's.
        while not (target.text or "").strip() and len(target):
            target = target[0]
        if not (target.text or "").strip():
            continue
        target.text = f"{icon.text_content().strip()} {target.text.lstrip()}"
        drop(icon)
