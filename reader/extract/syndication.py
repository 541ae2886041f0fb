"""A story one outlet wrote and another publishes, cited as the first's "via" the second:
"杭州日报 via 搜狐" (Sohu republishing the Hangzhou Daily), "연합뉴스 via 네이버 뉴스" (Naver News
carrying Yonhap's story), "Associated Press via Yahoo News". The outlet wrote it, and is the
source a quote names; the site it was read on is where the address leads, and stays in the
citation after "via", as a journalist writes "Reuters via Yahoo News"."""

from __future__ import annotations

from typing import Any

from lxml.html import HtmlElement

from ..safe import safe_line
from ..text_shape import one_line
from .json_ld import _dereferenced, _described, _names, the_article

# How many elements before and after the headline, in page order, are its header: Yahoo's
# agency logo is four after its `<h1>`, MSN's provider line three before.
_BESIDE_HEADLINE = 12


def syndicated(outlet: str, site_name: str) -> str:
    """The source of a story `outlet` wrote, read on the site named `site_name`: the outlet via
    the site, the outlet alone when the site names none, the site alone when the page names no
    outlet or names the site itself (a paper's story on the paper's own site)."""
    outlet, site_name = safe_line(outlet), safe_line(site_name)
    if not outlet:
        return site_name
    if not site_name:
        return outlet
    if outlet.casefold() in site_name.casefold() or site_name.casefold() in outlet.casefold():
        return site_name
    return f"{outlet} via {site_name}"


def _said(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _beside_the_headline(doc: HtmlElement) -> set[str]:
    """What the elements round the page's headlines say on their own: a logo's alt text
    ("Associated Press"), a short element's whole text ("Reuters")."""
    elements = [el for el in doc.iter() if isinstance(el.tag, str)]
    where = {el: i for i, el in enumerate(elements)}
    said: set[str] = set()
    for heading in doc.iter("h1"):
        at = where[heading]
        for el in elements[max(0, at - _BESIDE_HEADLINE) : at + _BESIDE_HEADLINE + 1]:
            if el.tag == "img":
                said.add(_said(el.get("alt")))
            elif len(el) == 0:
                said.add(_said(el.text_content()))
    return said - {""}


def declared_outlet(doc: HtmlElement, objects: list[dict[str, Any]], site_name: str) -> str:
    """The outlet a portal's page declares it carries the story of, and names beside the
    headline: Yahoo's JSON-LD `provider` "Associated Press" with the agency's logo under the
    `<h1>`; MSN's `publisher` "Reuters" (its og:site_name is "MSN") with the provider's logo
    and name over it. A declaration alone is not enough: a site's publisher is often its company's
    name ("Guardian News & Media" on The Guardian). "" when the page names no other outlet."""
    ld = the_article(objects)
    described = _described(objects)
    site = _said(site_name)
    candidates = [
        name
        for key in ("provider", "sourceOrganization", "publisher")
        for name in _names(_dereferenced(ld.get(key), described))
        if _said(name) and _said(name) not in site and site not in _said(name)
    ]
    if not candidates:
        return ""
    beside = _beside_the_headline(doc)
    return next((one_line(n) for n in candidates if _said(n) in beside), "")
