"""The lead image of a page that declares none: the article's first image big enough to be one.

Pages without og:image, twitter:image or a JSON-LD image still open their article with a photo
(`<figure><img>`). Icons, avatars, tracking pixels and inline `data:` placeholders are not it.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..urls import absolute_url

# Smaller than this in either dimension (as the page's width/height attributes say) is an icon.
_MIN_SIDE = 100
_NOT_PHOTO = re.compile(
    r"icon|logo|avatar|sprite|spacer|blank\.gif|pixel|badge|emoji|gravatar|1x1|tracking|/ads?/",
    re.IGNORECASE,
)
_OUTSIDE_ARTICLE = frozenset(["nav", "aside", "footer", "form"])
_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-url")


def _side(value: str | None) -> int | None:
    match = re.match(r"\s*(\d+)\s*(?:px)?\s*$", value or "")
    return int(match.group(1)) if match else None


def _source(img: HtmlElement) -> str:
    """The image's address: `src`, or a lazy loader's attribute when `src` is a placeholder."""
    for attr in ("src", *_LAZY_SOURCES):
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return value
    srcset = (img.get("srcset") or img.get("data-srcset") or "").strip()
    first = srcset.split(",")[0].split()
    return first[0] if first and not first[0].startswith("data:") else ""


def _is_photo(img: HtmlElement, src: str) -> bool:
    if not src or _NOT_PHOTO.search(src) or _NOT_PHOTO.search(img.get("class") or ""):
        return False
    sides = [_side(img.get("width")), _side(img.get("height"))]
    return all(side is None or side >= _MIN_SIDE for side in sides)


def lead_image(doc: HtmlElement, url: str) -> str:
    """The absolute address of the article's first photo, or "" when it has none."""
    containers = doc.xpath("//article | //*[@itemprop='articleBody'] | //main | //*[@role='main']")
    scope = containers[0] if containers else doc.find(".//body")
    if scope is None:
        return ""
    for img in scope.iter("img"):
        if any(a.tag in _OUTSIDE_ARTICLE for a in img.iterancestors()):
            continue
        src = _source(img)
        if _is_photo(img, src):
            return absolute_url(url, src)
    return ""
