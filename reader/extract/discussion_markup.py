"""How the discussion sites' readers find a post's parts in a page's markup: a class among an
element's classes, the first element a path finds, an element's words as one safe line, and a
post's time from the attribute a site writes it in."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from lxml.html import HtmlElement

from ..safe import safe_line
from .discussions import when


def has_class(name: str) -> str:
    """An XPath test that an element's class list holds `name`: the plain search first, the
    costly whole-token one only on the few classes it finds (asked of every element of every
    page read, the token test alone was 2 ms a page)."""
    return (
        f'contains(@class, "{name}") and '
        f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'
    )


def first(el: HtmlElement, path: str) -> HtmlElement | None:
    found = el.xpath(path)
    return found[0] if found else None


def text_of(el: HtmlElement | None) -> str:
    """An element's words as one line of plain text (a name, a title)."""
    return safe_line(" ".join(el.text_content().split())) if el is not None else ""


# Stack Overflow's tooltip times: "2026-11-30 12:01:02Z", a space where ISO puts its "T".
_SPACED_TIME = re.compile(r"^(\d{4}-\d\d-\d\d) (\d\d:\d\d)")


def post_time(value: str | None) -> datetime | None:
    """A post's time from its attribute. Hacker News's tooltip gives the time without its zone
    and then the Unix time ("2026-12-02T18:11:09 1796235069"): the latter says it whole."""
    parts = (value or "").split()
    if len(parts) == 2 and parts[1].isdigit():
        try:
            return datetime.fromtimestamp(int(parts[1]), UTC)
        except (OverflowError, OSError, ValueError):
            pass
    return when(_SPACED_TIME.sub(r"\1T\2", (value or "").strip()))
