"""An article's pictures, as lines naming them: "Image: Idle cranes at Eastquay", linking to it.

A terminal shows no picture, and without a word of it a reader doesn't know a chart or a photo
is there, nor where: "as the map shows" points at nothing. Text browsers write a picture as its
`alt` text (lynx's "[QGIS main interface]", newsboat's "[image 1 (link #2)]"); so do we, on a
line of its own where the picture stands, linking to the picture so it opens in a browser.

Only pictures that stand alone are written: one in a `<figure>`, in a box holding no other
text, or floated at the start of a paragraph. Left out: a picture inside a sentence (an emoji,
an icon in a button), one the page marks as decoration (`alt=""` outside a figure), one
declared icon-sized, a small one inside a link to another page (a "next page" button, a logo),
an advert, and one with no address of its own. A lazy page's placeholder gives way to the real
picture in its `<noscript>`, and a graphic drawn by a script (Datawrapper's chart) is named by
the picture in its `<noscript>` (`picture_sources`); readability's clean-up spares a
picture's empty boxes (`worth_keeping`).

Half of the `alt` texts on real pages say nothing: "An image", "Screenshot", the file's name,
what a CMS writes in every one, the headline or the caption beside it again. Those give a line
"Image" alone: that a picture is there is still worth a line, and its caption follows it
(`picture_alts`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..urls import absolute_url, site_of
from .furniture import class_names, names_of
from .picture_alts import _WORDS, _alt, says_nothing
from .picture_sources import (
    _ANY,
    _PICTURE_FILE,
    _address,
    _holder,
    _is_advert,
    _names_a_picture,
)

# A declared width or height under this many pixels is an icon, a rule or a tracking pixel.
_ICON = 50
# Outside a figure, a picture with no `alt` is named only when declared at least this wide: a
# photo, not a decoration.
_PHOTO = 200
_CMS_PLACED = frozenset(
    {"aligncenter", "alignleft", "alignright", "alignnone", "size-full", "size-large"}
)
_PICTURE_BOX = re.compile(r"(?:^|[\s_-])(?:photo|image|img|picture|figure)(?:box)?(?:$|[\s_-])")
# Words of an `alt` that names a site's furniture, not a thing the article shows: a partner's
# logo, an app store's badge, a sponsor's banner.
_FURNITURE_WORDS = frozenset(
    {"logo", "badge", "button", "icon", "banner", "sponsor", "sponsored", "advert"}
    | {"advertisement", "download", "subscribe", "app", "store", "follow"}
)
_LETTERS = re.compile(r"[a-z]+")
# Boxes whose text is a picture's caption or credit, not text the picture stands inside.
_CAPTION_NAME = re.compile(r"caption|credit", re.I)
_BLOCKS = frozenset(
    {"p", "div", "figure", "li", "td", "th", "section", "article", "main", "body", "center"}
    | {"blockquote", "dd", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"ul", "ol", "dl", "dt", "table", "tr", "pre", "hr", "figcaption", "details", "address"}
)


@dataclass(frozen=True)
class Picture:
    """A picture to name: its address, and what its `alt` says of it ("" for nothing)."""

    url: str
    alt: str


def _size(img: HtmlElement, name: str) -> int | None:
    value = (img.get(name) or "").strip().removesuffix("px")
    return int(value) if value.isdigit() else None


def _is_icon(img: HtmlElement) -> bool:
    """Declared icon-sized: a button, a rule, a tracking pixel. (Not by its shape: a banner
    is 650 by 120, and so is a screenshot of a table.)"""
    sizes = [s for s in (_size(img, "width"), _size(img, "height")) if s is not None]
    return any(s < _ICON for s in sizes)


def _own_text(box: HtmlElement, parts: list[str]) -> None:
    """The text of a box that is not a caption's or a credit's, added to `parts`."""
    parts.append(box.text or "")
    for child in box:
        if (
            isinstance(child.tag, str)
            and child.tag != "figcaption"
            and not _CAPTION_NAME.search(names_of(child))
        ):
            _own_text(child, parts)
        parts.append(child.tail or "")


def _has_own_text(box: HtmlElement) -> bool:
    """Whether a box holds text besides a caption's or a credit's, and besides a label saying
    only that a picture is there (the "Image" a screen reader hears at the NYT)."""
    parts: list[str] = []
    _own_text(box, parts)
    text = " ".join("".join(parts).split())
    return bool(text) and not says_nothing(text)


# Words of a picture file's name that say it is a page's furniture or a beacon, not a picture
# of the article's.
_SPACER_WORDS = frozenset({"spacer", "pixel", "blank", "divider", "tracking", "transparent"})
"""Run together with others in a file's name as often as not ("sitelogo.png"): looked for whole."""


def _unsaid(img: HtmlElement) -> bool:
    """A picture with no `alt` at all, on a line of its own among the article's paragraphs: a
    map or a chart a page left undescribed, not one it marks as decoration (`alt=""`). A
    reader who can't see it must know it is there (acc42a A10). Not a spacer or a beacon."""
    if img.get("alt") is not None:
        return False
    try:
        address = urlsplit(_address(img, _ANY))
    except ValueError:
        return False
    path = address.path.lower()
    # Written in a file's name run together too: "siteLogo_share.jpg".
    furniture = any(word in path for word in _SPACER_WORDS | {"logo", "icon", "badge", "banner"})
    return address.scheme in ("http", "https", "") and not furniture and not path.endswith(".gif")


def _is_photo(img: HtmlElement) -> bool:
    """Declared a content picture: photo-wide, placed by a CMS (WordPress's `aligncenter`,
    `size-full`, `wp-image-12`), or named by the camera's or the upload's file
    ("P1610088.jpg"): no button or logo is."""
    if (_size(img, "width") or 0) >= _PHOTO:
        return True
    classes = class_names(img)
    if any(c in _CMS_PLACED or c.startswith("wp-image-") for c in classes):
        return True
    alt = (img.get("alt") or "").strip()
    return " " not in alt and bool(_PICTURE_FILE.search(alt))


def _floats(img: HtmlElement) -> bool:
    """Set beside the text (`align`, a float) or declared a content picture: a picture of its
    own, even at the start of a paragraph."""
    style = (img.get("style") or "").replace(" ", "").lower()
    return (
        (img.get("align") or "").lower() in ("left", "right")
        or "float:left" in style
        or "float:right" in style
        or _is_photo(img)
    )


def is_picture_box(box: HtmlElement) -> bool:
    """A box named for the picture it holds ("photobox_right"): its text is the caption."""
    return bool(_PICTURE_BOX.search(names_of(box)))


@dataclass(frozen=True)
class _Run:
    """Where an `<img>` sits in its run of a box's text (a block before or after it ends the
    run): whether text comes before it there, and whether the run has any text at all."""

    text_before: bool
    has_text: bool


def _runs(box: HtmlElement) -> dict[HtmlElement, _Run]:
    """Each `<img>` of `box` in its run of the box's text. One walk for all of them."""
    before: dict[HtmlElement, tuple[bool, int]] = {}
    texts: list[bool] = [False]  # by run, in the box's order

    def end_run() -> None:
        texts.append(False)

    def walk(el: HtmlElement) -> None:
        texts[-1] = texts[-1] or bool((el.text or "").strip())
        for child in el:
            if isinstance(child.tag, str):
                if child.tag == "img":
                    before[child] = (texts[-1], len(texts) - 1)
                block = child.tag in _BLOCKS
                if block:
                    end_run()
                walk(child)
                if block:
                    end_run()
            texts[-1] = texts[-1] or bool((child.tail or "").strip())

    walk(box)
    return {img: _Run(seen, texts[run]) for img, (seen, run) in before.items()}


class _Boxes:
    """What `_standing_alone` asks of a box, worked out once per box: a box of a hundred
    pictures is read once, not a hundred times."""

    def __init__(self) -> None:
        self._text: dict[HtmlElement, bool] = {}
        self._runs: dict[HtmlElement, dict[HtmlElement, _Run]] = {}

    def has_text(self, box: HtmlElement) -> bool:
        if box not in self._text:
            self._text[box] = _has_own_text(box)
        return self._text[box]

    def run(self, img: HtmlElement, box: HtmlElement) -> _Run:
        if box not in self._runs:
            self._runs[box] = _runs(box)
        return self._runs[box].get(img, _Run(True, True))


def _standing_alone(
    img: HtmlElement, boxes: _Boxes, page: str
) -> tuple[HtmlElement, bool, str] | None:
    """The block the picture stands in, whether it is a figure's, and the address of a bigger
    copy it links to; None when the picture is inside a sentence, or is a small one inside a
    link to a page (a button, a logo; a photo linking to its page is still a photo, and so is
    a product's picture linking to its shop: `_shows_where_it_leads`)."""
    link = ""
    el = img.getparent()
    while el is not None:
        tag = el.tag if isinstance(el.tag, str) else ""
        href = el.get("href", "").strip() if tag == "a" else ""
        if href and _opens_page(el):
            if not _is_photo(img) and not _shows_where_it_leads(img, el, page):
                return None  # a button, a logo: the link is what it is for
        elif href and _names_a_picture(href):
            link = link or href  # a bigger copy of the picture
        if tag in _BLOCKS:
            in_figure = tag == "figure" or next(el.iterancestors("figure"), None) is not None
            alone = not boxes.has_text(el)
            run = boxes.run(img, el) if not alone else None
            # A picture floated at the start of a paragraph, or first in a box named for it
            # (its caption after it), comes before that text. One between a box's paragraphs,
            # with no words beside it, is a line of its own.
            if (
                run is not None
                and run.has_text
                and (not (_floats(img) or is_picture_box(el)) or run.text_before)
            ):
                return None
            return el, in_figure, link
        el = el.getparent()
    return None


def worth_keeping(img: HtmlElement, page: str | None = None) -> bool:
    """Whether an `<img>` may get a line, by what it says of itself (its box is not read): not
    an icon, not a small picture linking to a page (unless it shows what it links to on
    another site than `page`'s, when the page is known: `_shows_where_it_leads`), and with an
    address that is not `data:`."""
    address = _address(img, _ANY)
    if _is_icon(img) or not address or _is_advert(address):
        return False
    return _is_photo(img) or not any(
        _opens_page(a) and (page is None or not _shows_where_it_leads(img, a, page))
        for a in img.iterancestors("a")
    )


def _shows_where_it_leads(img: HtmlElement, a: HtmlElement, page: str) -> bool:
    """A picture of the thing its link leads to on another site: a round-up's product linking
    to its shop, a film's still to the film's page. Its `alt` names the thing, not furniture (a
    partner's logo, an app store's badge). A link on the page's own site (a teaser's thumbnail,
    the next page) is not one; nor a picture whose file is named for furniture
    ("content_logo.png"). On a page read without its address (a saved file), every absolute
    link is taken for another site's."""
    alt = _alt(img)
    if says_nothing(alt) or _FURNITURE_WORDS & set(_WORDS.findall(alt.lower())):
        return False
    try:
        path = urlsplit(_address(img, _ANY)).path
    except ValueError:
        return False
    if _FURNITURE_WORDS & set(_LETTERS.findall(path.lower())):
        return False  # "content_logo.png", "/icons/app-store.svg"
    target = site_of(a.get("href", "").strip())
    return bool(target) and target != site_of(page)


def opens_page(a: HtmlElement) -> bool:
    """`a` links to another page (`_opens_page`)."""
    return _opens_page(a)


def _opens_page(a: HtmlElement) -> bool:
    """A link to another page, not to the picture (its file) nor within this page (a
    lightbox's "#img-1", a script)."""
    href = a.get("href", "").strip()
    if not href or href.startswith("#") or href.lower().startswith("javascript:"):
        return False
    return not _names_a_picture(href)


def find_pictures(root: HtmlElement, base: str) -> dict[HtmlElement, Picture]:
    """The pictures of an article to name, by the element the walk meets them at (the `<img>`,
    or the `<picture>` holding it)."""
    found: dict[HtmlElement, Picture] = {}
    shown: set[tuple[HtmlElement, str]] = set()
    boxes = _Boxes()
    for img in root.iter("img"):
        if _is_icon(img):
            continue
        alone = _standing_alone(img, boxes, base)
        if alone is None:
            continue
        box, in_figure, link = alone
        alt = _alt(img)
        # A picture linking to a bigger copy of itself (Blogger's `div.separator > a[href=
        # …/s1600/photo.jpg] > img`, a lightbox's) is a photo: no icon has a bigger copy.
        if not (in_figure or alt or link or _is_photo(img) or _captioned(img) or _unsaid(img)):
            continue  # decoration (`alt=""`), or nothing says it is more than an icon
        url = absolute_url(base, link) if link else _address(img, base)
        # The same picture twice in one box is one picture in two sizes (a phone's, a desk's).
        if not url or _is_advert(url) or (box, url) in shown:
            continue
        shown.add((box, url))
        found[_holder(img)] = Picture(url, "" if says_nothing(alt) else alt)
    return found


# A caption's box, not a credit's: a credit alone after a picture says nothing of it.
_CAPTION_ONLY_NAME = re.compile(r"caption", re.IGNORECASE)


def _captioned(img: HtmlElement) -> bool:
    """A caption comes right after the picture (`<div class="image"><img alt=""><p
    class="caption">…`): a photo of the article's, with no `alt` of its own, as a figure
    without the `<figure>`; not decoration, and its caption was left under no picture."""
    el = _holder(img)
    parent = el.getparent()
    while parent is not None and len(parent) == 1:
        el, parent = parent, parent.getparent()  # alone in its box: the box's neighbour
    following = el.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()  # a comment between them
    if following is None:
        return False
    named = f"{following.get('class', '')} {following.get('id', '')}"
    return following.tag == "figcaption" or bool(_CAPTION_ONLY_NAME.search(named))


# A caption's own names: WordPress's "wp-caption-text", "caption", "image-caption"; not a
# "captioned-gallery" box holding pictures and their captions alike.
_CAPTION_OWN_NAME = re.compile(r"(?:^|[\s_-])caption(?:[\s_-]text)?(?:$|\s)", re.I)


def is_picture_caption(el: HtmlElement) -> bool:
    """A line named a caption right under a picture and nothing else (WordPress's classic
    `div.wp-caption > img + p.wp-caption-text`): the picture's caption, as a `<figcaption>`
    is, not a paragraph of the text."""
    if not _CAPTION_OWN_NAME.search(names_of(el)) or next(el.iter("img"), None) is not None:
        return False
    before = el.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()  # a comment between them
    if before is None or (el.getparent() is not None and (el.getparent().text or "").strip()):
        return False
    pictures = [img for img in before.iter("img") if worth_keeping(img)]
    return bool(pictures) and not before.text_content().strip()
