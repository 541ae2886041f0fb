"""Where a picture's file is: the address to open (its largest `srcset` candidate, a lazy
loader's attribute, its `<picture>`'s sources, never a `data:` placeholder), whether that address
is an ad server's or names a picture's file, and the real picture a lazy or AMP page hides in its
`<noscript>` or `<amp-img>`, put in place before the page is read.

Apart from `images`, which decides which pictures of an article get a line: this part reads one
picture's markup and addresses, not the box it stands in.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..urls import absolute_url
from .furniture import drop
from .furniture import replace as put_in_place

_AD_HOSTS = frozenset({"ad", "ads", "adserver", "adservice", "banner", "banners"})
_AD_NETWORKS = ("doubleclick.net", "googlesyndication.com", "adnxs.com", "taboola.com")
_AD_FOLDER = re.compile(r"(?:^|[-_.])(?:ads?|adverts?|banners?)(?:$|[-_.])")


# Lazy loading keeps the real address in one of these until a script swaps it in.
_LAZY_SOURCES = (
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-hi-res-src",
    "data-high-res-src",
    "data-full-src",
    "data-url",
)
_SRCSETS = ("srcset", "data-srcset", "data-lazy-srcset")


_PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$", re.I)


# A base for asking whether an element has an address of its own at all.
_ANY = "http://example.invalid/"


def _is_advert(url: str) -> bool:
    """An address on an ad server ("ad.gmw.cn", doubleclick.net) or in a folder of banners."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:  # "http://[x/": no address, so no ad server's either
        return False
    if host.split(".", 1)[0] in _AD_HOSTS or host.endswith(_AD_NETWORKS):
        return True
    folders = parts.path.lower().split("/")[:-1]
    return any(_AD_FOLDER.search(folder) for folder in folders)


def _largest(srcset: str) -> str:
    """The widest candidate of a `srcset` ("a.jpg 480w, b.jpg 1200w" → "b.jpg"): the one to
    open in a browser. Without widths, the last."""
    best, best_width = "", -1.0
    for candidate in srcset.split(","):
        parts = candidate.split()
        if not parts:
            continue
        width = 0.0
        if len(parts) > 1 and parts[1][:-1].replace(".", "", 1).isdigit():
            width = float(parts[1][:-1]) * (1000 if parts[1].endswith("x") else 1)
        if width >= best_width:
            best, best_width = parts[0], width
    return best


def _holder(img: HtmlElement) -> HtmlElement:
    """The `<picture>` holding the `<img>` (lxml puts the `<img>` inside its last `<source>`),
    else the `<img>` itself: the element the walk meets."""
    return next(img.iterancestors("picture"), img)


def _address(img: HtmlElement, base: str) -> str:
    """The picture's own address: its largest `srcset` candidate (its `<picture>`'s too), a
    lazy loader's, else `src`. Never a `data:` URL (a placeholder, or the picture itself
    inlined: nothing to open) nor a template ("…/{width}/…")."""
    boxes = [img]
    holder = _holder(img)
    if holder is not img:
        # A `<source>` of a newer format (AVIF, WebP) is passed over for what every viewer
        # and e-reader shows, the `<img>`'s own JPEG or PNG or another source's: a book held
        # the AVIF, which EPUB readers can't show and EPUBCheck fails (acc50e A2).
        sources = list(holder.iter("source"))
        boxes += [s for s in sources if _shown_everywhere(s)]
        fallbacks = [s for s in sources if not _shown_everywhere(s)]
    else:
        fallbacks = []
    candidates = [_largest(box.get(name, "")) for box in boxes for name in _SRCSETS]
    candidates += [img.get(name, "") for name in (*_LAZY_SOURCES, "src")]
    candidates += [_largest(box.get(name, "")) for box in fallbacks for name in _SRCSETS]
    for candidate in candidates:
        candidate = candidate.strip()
        if not candidate or "{" in candidate or candidate.startswith("data:"):
            continue
        url = absolute_url(base, candidate)
        if url:
            return url
    return ""


_NEWER_TYPES = frozenset({"image/avif", "image/webp", "image/jxl", "image/heic"})
"""The picture types a `<picture>` offers first to browsers that show them, beside a JPEG or
PNG for the rest (EPUB's core types: JPEG, PNG, GIF, SVG)."""


def _shown_everywhere(source: HtmlElement) -> bool:
    """The `<source>` is of a type every viewer shows, or names none."""
    return source.get("type", "").strip().lower() not in _NEWER_TYPES


def _single_picture(el: HtmlElement) -> HtmlElement | None:
    """The `<img>` an element is, or holds alone with no text (a placeholder's wrappers)."""
    while el.tag != "img":
        children = [c for c in el if isinstance(c.tag, str)]
        if len(children) != 1 or el.text_content().strip():
            return None
        el = children[0]
    return el


def _figure_picture(before: HtmlElement, picture: HtmlElement) -> HtmlElement | None:
    """What a `<noscript>`'s `picture` after `before` stands for there: `picture` itself
    when `before` holds a picture of the same address (the lazy one a script loads, read
    from its `data-src`), or the one placeholder of a `<figure>` with no address of its own
    (a `data:` blur); else None."""
    if not isinstance(before.tag, str):
        return None
    held = list(before.iter("img"))
    address = _address(picture, _ANY)
    if any(_address(img, _ANY) == address for img in held):
        return picture
    if before.tag == "figure" and len(held) == 1 and not _address(held[0], _ANY):
        return held[0]
    return None


def unwrap_amp_pictures(doc: HtmlElement) -> None:
    """An AMP page's `<amp-img>` (and `<amp-anim>`, its GIF) is its `<img>`, drawn by the AMP
    runtime: read as one, with its attributes, its placeholder and fallback children left out.
    Without this, no picture of an AMP page got a line."""
    for amp in list(doc.iter("amp-img", "amp-anim")):
        if (
            amp.getparent() is None
            or next(amp.iterancestors("amp-img", "amp-anim"), None) is not None
        ):
            continue  # a fallback inside another: that one stands for both
        put_in_place(amp, amp.makeelement("img", dict(amp.attrib)))


def unwrap_noscript_pictures(doc: HtmlElement) -> None:
    """Put the real picture in place of a lazy page's placeholder, as Readability.js does, and
    a `<noscript>`'s picture where a script would draw its graphic.

    Such a page shows a blurred 60-pixel copy, or an `<img>` with no address at all, until a
    script loads the picture; the picture itself is in the `<noscript>` after them, which is
    never read as text. Without this, a Medium story's pictures linked to their blurred copies.
    """
    for noscript in list(doc.iter("noscript")):
        inside = noscript.findall(".//img")
        if len(inside) != 1 or noscript.text_content().strip() or not _address(inside[0], _ANY):
            continue
        before = noscript.getprevious()
        while before is not None and before.tag == "img" and not _address(before, _ANY):
            empty, before = before, before.getprevious()
            drop(empty)
        placeholder = _single_picture(before) if before is not None else None
        picture = inside[0]
        if placeholder is None and before is not None:
            placeholder = _figure_picture(before, picture)
            if placeholder is picture:
                # The picture before it is this one, in its figure with its caption and
                # another alt: shown twice, "(lazy)" and then "(noscript)" (acc50e A8).
                drop(noscript)
                continue
            if placeholder is not None:
                before = placeholder  # the figure's placeholder: the picture in its place
        if placeholder is None:
            # A graphic a script draws, its picture for readers without scripts (Datawrapper's
            # chart as a PNG): the picture stands where the graphic would.
            put_in_place(noscript, picture)
            continue
        if picture.get("alt") is None and placeholder.get("alt") is not None:
            picture.set("alt", placeholder.get("alt", ""))
        put_in_place(before, picture)


def _names_a_picture(href: str) -> bool:
    """The address is a picture's file ("…/photo.jpg"). An address `urlsplit` refuses
    ("http://[x/", an unclosed IPv6 bracket) names none: a hostile page's link must not stop
    the article."""
    try:
        path = urlsplit(href).path
    except ValueError:
        return False
    return bool(_PICTURE_FILE.search(path))
