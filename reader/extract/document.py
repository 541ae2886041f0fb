"""What relative links on a page resolve against: its `<base href>` (`base_url`), for what reads
a page's `<link>`s to another version of it (`next_page.one_page_url_of`, `amp.amp_url_of`)."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..urls import absolute_url


def base_url(doc: HtmlElement, url: str) -> str:
    """What relative links resolve against: the page's `<base href>` when it has one."""
    base = doc.find(".//base[@href]")
    if base is None:
        return url
    return absolute_url(url, base.get("href", "")) or url
