"""The lead image of a page that declares none: the article's first image big enough to be one.

Pages without og:image, twitter:image or a JSON-LD image still open their article with a photo
(`<figure><img>`). Icons, avatars, tracking pixels and inline `data:` placeholders are not it.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..urls import absolute_url
from .furniture import element_names

# Smaller than this in either dimension (as the page's width/height attributes say) is an icon.
_MIN_SIDE = 100
# On the address, class or alt text of what is not a photo.
_NOT_PHOTO = re.compile(
    r"icon|logo|avatar|sprite|spacer|blank\.gif|pixel|badge|emoji|gravatar|tracking|/ads?/"
    r"|licen[cs]e",
    re.IGNORECASE,
)
# A size in the file's name: "88x31.png" (a badge), "110x70_flu_update.jpg" (a thumbnail).
_NAMED_SIZE = re.compile(r"(?<!\d)(\d{1,4})x(\d{1,4})(?!\d)")
# Without a size to go by, an address in a photo's format (a GIF or PNG is as often a button).
_PHOTO_FORMAT = re.compile(r"\.(?:jpe?g|webp|avif)(?:$|[?#])", re.IGNORECASE)
_OUTSIDE_ARTICLE = frozenset(["nav", "aside", "footer", "form"])
# On the class or id of the box a writer's portrait sits in, beside the byline: "author-avatar",
# "article-byline", "author-list-item" (its picture's own class may say only "profile-image").
# A name starting so, not one holding the letters ("local-authority-photo" is the story's).
_WRITERS_BOX = re.compile(
    r"(?:^|[\s_-])\w*?(?:author(?!it)|byline|avatar|contributor)", re.IGNORECASE
)
_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-url")


def _side(value: str | None) -> int | None:
    match = re.match(r"\s*(\d+)\s*(?:px)?\s*$", value or "")
    return int(match.group(1)) if match else None


def _largest(srcset: str) -> str:
    """The widest image a `srcset` offers ("a.jpg 80w, b.jpg 640w" → "b.jpg")."""
    best, best_width = "", -1
    for entry in srcset.split(", "):
        parts = entry.split()
        if not parts or parts[0].startswith("data:"):
            continue
        width = _side(parts[1][:-1]) if len(parts) > 1 and parts[1].endswith("w") else 0
        if (width or 0) > best_width:
            best, best_width = parts[0], width or 0
    return best


def _source(img: HtmlElement) -> str:
    """The image's address: `src`, or a lazy loader's attribute when `src` is a placeholder."""
    for attr in ("src", *_LAZY_SOURCES):
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return value
    srcset = img.get("srcset") or img.get("data-srcset") or ""
    return _largest(srcset)


def _is_photo(img: HtmlElement, src: str) -> bool:
    said = f"{src} {img.get('class') or ''} {img.get('alt') or ''}"
    if not src or _NOT_PHOTO.search(said):
        return False
    sides = [
        side for side in (_side(img.get("width")), _side(img.get("height"))) if side is not None
    ]
    named = _NAMED_SIZE.search(src.rsplit("/", 1)[-1])
    if named:
        sides += [int(named.group(1)), int(named.group(2))]
    if sides:
        return min(sides) >= _MIN_SIDE
    in_figure = any(a.tag == "figure" for a in img.iterancestors())
    return in_figure or bool(_PHOTO_FORMAT.search(src))


def lead_image(doc: HtmlElement, url: str) -> str:
    """The absolute address of the article's first photo, or "" when it has none."""
    # Attribute values found on their own axis: a test of every element for one took three
    # times as long.
    containers = doc.xpath(
        "//article | //@itemprop[. = 'articleBody']/.. | //main | //@role[. = 'main']/.."
    )
    scope = containers[0] if containers else doc.find(".//body")
    if scope is None:
        return ""
    for img in scope.iter("img"):
        if any(a.tag in _OUTSIDE_ARTICLE for a in img.iterancestors()):
            continue
        if any(_in_writers_box(a) for a in (img, *_ancestors_within(img, scope))):
            continue
        src = _source(img)
        if _is_photo(img, src):
            return absolute_url(url, src)
    return ""


def _ancestors_within(img: HtmlElement, scope: HtmlElement) -> list[HtmlElement]:
    """The boxes around `img` up to `scope`, which is the article itself."""
    boxes = []
    for box in img.iterancestors():
        if box is scope:
            break
        boxes.append(box)
    return boxes


def _in_writers_box(el: HtmlElement) -> bool:
    return bool(_WRITERS_BOX.search(element_names(el)))
