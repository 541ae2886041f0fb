"""What a picture's `alt` text says: read as one line of text, without a label of its own, and
judged as saying nothing (generic words, a file's name, what a CMS writes in every picture) or
saying again what is written beside it (its caption, the headline), when its line says "Image"
alone.

Apart from `images`, which decides which pictures get a line: this part reads words, and the
pass over the finished blocks (`without_repeated_alts`) reads no markup at all.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml.html import HtmlElement

from ..models import Block, BlockKind
from ..safe import safe_line
from .picture_sources import _PICTURE_FILE

# Wikipedia's longest describe a map in some 300 characters; a page can put a book there.
_ALT_LENGTH = 500


# Words of an `alt` that says only that there is a picture: "An image", "Screenshot 2", "photo".
_GENERIC_WORDS = frozenset(
    {"a", "an", "the", "of", "image", "images", "img", "photo", "photos", "photograph"}
    | {"picture", "pic", "screenshot", "screen", "shot", "illustration", "graphic", "figure"}
    | {"fig", "icon", "logo", "thumbnail", "thumb", "banner", "line", "spacer", "placeholder"}
    | {"untitled", "null", "undefined", "none", "alt", "jpg", "jpeg", "png", "gif", "webp"}
)


_TAG = re.compile(r"<[^>]*>")
_WORDS = re.compile(r"\w+")
# An alt most of whose words the caption has says nothing more; a line under a picture this
# short, of whatever kind, stands for its caption.
_REPEATED = 0.8
_CAPTION_LIKE = 400
_CMS_ALT = re.compile(
    r"^(?:image|illustration|photo|picture)\s+for\s+(?:post|article|story)\b", re.I
)
_LABEL = re.compile(r"^(?:image|photo|picture|photograph|illustration)\s*:\s*", re.I)
# One "word" of letters and digits run together with dashes or underscores, and a digit. (Its
# parts hold no underscore: `\w` does, and "1_a_a_…_a!" was `(a+)+` tried every way, an 82-letter
# alt held a worker for hours, acc29c S5.)
_FILE_NAME = re.compile(r"^(?=.*\d)[^\W_]++(?:[-_]+[^\W_]++)+$")


def says_nothing(alt: str) -> bool:
    """An `alt` that says nothing of the picture: generic words, a file's name
    ("performance.jpg", "0226-SUB-london-hotel-swipe-tmz-02"), or what a CMS writes in every
    picture ("Image for post", "Illustration for article titled <headline>")."""
    if _CMS_ALT.match(alt):
        return True
    words = _WORDS.findall(alt.lower())
    if all(w in _GENERIC_WORDS or w.isdigit() for w in words):
        return True
    return " " not in alt and bool(_PICTURE_FILE.search(alt) or _FILE_NAME.match(alt))


def _alt(img: HtmlElement) -> str:
    """The `alt` text, as text: tags some sites leave in it removed, one line, without a label
    "Image:" of its own (the line has one)."""
    alt = img.get("alt")
    if alt is None:
        alt = img.get("title") or ""
    alt = safe_line(_TAG.sub(" ", alt), _ALT_LENGTH)
    if alt.startswith("[") and alt.endswith("]"):
        alt = alt[1:-1].strip()  # lynx's way of setting it apart ("[QGIS main interface]")
    return _LABEL.sub("", alt)


def _repeats(alt: str, text: str) -> bool:
    """Whether `text` says what `alt` does: most of its words (a caption and its picture's alt
    differ by a full stop, a spelling: "Maōri" and "Māori")."""
    said = set(_WORDS.findall(alt.casefold()))
    there = set(_WORDS.findall(text.casefold()))
    return bool(said) and len(said & there) >= _REPEATED * len(said)


def _is_headline(alt: str, title: str) -> bool:
    """The headline again, "Illustration for article titled <headline>" included."""
    key = " ".join(title.split()).casefold()
    if not key:
        return False
    return alt.casefold() == key or (len(key.split()) >= 4 and key in alt.casefold())


def without_repeated_alts(blocks: tuple[Block, ...], title: str) -> tuple[Block, ...]:
    """Each picture's line, its `alt` left out when it says again what is written beside it: the
    caption under (or over) it, a short line under it, the headline. The line says "Image"
    then. A paragraph over it saying only "Image" goes."""
    out = list(blocks)
    for i, block in enumerate(out):
        alt = block.text
        if block.kind != BlockKind.IMAGE or not alt:
            continue
        # The caption over or under it, or a short line under it standing for one.
        beside = []
        if i and out[i - 1].kind == BlockKind.CAPTION:
            beside.append(out[i - 1].text)
        after = out[i + 1] if i + 1 < len(out) else None
        if after is not None and (
            after.kind == BlockKind.CAPTION or len(after.text) <= _CAPTION_LIKE
        ):
            beside.append(after.text)
        if _is_headline(alt, title) or any(_repeats(alt, text) for text in beside):
            out[i] = replace(block, inlines=tuple(replace(r, text="") for r in block.inlines))
    # A screen reader's label ("Image") over a picture, made a paragraph of its own by
    # readability: the picture's line says it. Over a row of pictures, a line ("Images") is
    # the text's own heading for them.
    return tuple(
        block
        for i, block in enumerate(out)
        if not (
            block.kind == BlockKind.PARAGRAPH
            and i + 1 < len(out)
            and out[i + 1].kind == BlockKind.IMAGE
            and not (i + 2 < len(out) and out[i + 2].kind == BlockKind.IMAGE)
            and says_nothing(block.text)
        )
    )
