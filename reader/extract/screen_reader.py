"""Text only a screen reader reads: left out, but for the label an icon stands for.

Sites hide words from sighted readers with a class that moves them off the screen: labels
that announce what the eye sees ("list of 4 items", "end of list", "time" before a live
entry's minute, "Published On 3 Dec 2026" beside the shown date), or skip links. Read as
the page's text they ran into the visible words: "time90+4'", "WarningAnyone breaching…".
The one such word a sighted reader does get is what a drawn icon says: GOV.UK's warning
text shows a "!" (hidden from screen readers) where it says "Warning" to them. The icon is
gone from the text, so its word is kept, shown as a label: "Warning: Anyone breaching…".
"""

from __future__ import annotations

from lxml.html import HtmlElement

SCREEN_READER_ONLY = frozenset(
    {
        "sr-only",
        "u-sr-only",
        "sr-only-focusable",
        "visually-hidden",
        "visuallyhidden",
        "visually-hidden-focusable",
        "u-visually-hidden",
        "hidden-visually",
        "govuk-visually-hidden",  # GOV.UK
        "gs-u-vh",  # BBC
        "u-vh",
        "vh",
        "screen-reader-text",
        "screen-reader-only",  # Al Jazeera
        "screenreader-only",
        "show-for-sr",  # Foundation
        "a11y-hidden",
        "element-invisible",  # Drupal 7
        "assistive-text",
        "off-screen",
        "offscreen",
        "vjs-offscreen",
    }
)
"""Classes that hide an element from view and leave it to screen readers."""
SCREEN_READER_CLASS = "sr-only"
"""The class given to text a page leaves to screen readers without naming it so."""

# A label an icon stands for is a word or two ("Warning", "Important information").
_LABEL_WORDS = 2
# A drawn icon's text: a mark ("!", "ⓘ") or nothing (an SVG, a font's glyph by class).
_ICON_LENGTH = 2
# How far up from the label the icon may sit: beside it, or beside the box it opens.
_ICON_REACH = 3


def is_screen_reader_only(el: HtmlElement) -> bool:
    """`el` is hidden from view by a class and left to screen readers."""
    # Asked of every element with a class: its class read as written, no set made of it.
    names = el.get("class")
    return bool(names) and any(n in SCREEN_READER_ONLY for n in names.lower().split())


def show_icon_labels(hidden: list[HtmlElement]) -> None:
    """Show the labels among `hidden` (screen readers' only) that say what an icon beside
    them draws, as "Label: " before the words they open; the rest stay hidden."""
    for label in hidden:
        text = " ".join(label.text_content().split()).rstrip(" ,:")
        if len(label) or not text or len(text.split()) > _LABEL_WORDS:
            continue
        if not _opens_its_line(label) or not _icon_before(label):
            continue
        del label.attrib["class"]  # shown now: no longer a screen reader's only
        label.text = f"{text}: "


def _opens_its_line(label: HtmlElement) -> bool:
    """Nothing is written before `label` in its box, and words follow it."""
    parent = label.getparent()
    if parent is None or (parent.text or "").strip() or label.getprevious() is not None:
        return False
    return bool((label.tail or "").strip() or label.getnext() is not None)


def _icon_before(label: HtmlElement) -> bool:
    """An icon hidden from screen readers (the label says it to them) comes before `label`
    or before a box `label` opens."""
    el: HtmlElement | None = label
    for _ in range(_ICON_REACH):
        if el is None:
            return False
        if any(_is_icon(sibling) for sibling in el.itersiblings(preceding=True)):
            return True
        el = el.getparent()
    return False


def _is_icon(el: HtmlElement) -> bool:
    """A mark drawn for the eye alone: hidden from screen readers, with no word in it."""
    if not isinstance(el.tag, str) or el.get("aria-hidden") != "true":
        return False
    text = "".join(el.text_content().split())
    return len(text) <= _ICON_LENGTH and not any(c.isalnum() for c in text)
