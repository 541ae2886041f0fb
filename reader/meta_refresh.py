"""A page that sends the browser on: `<meta http-equiv="refresh" content="0; url=…">`.

Link shorteners, trackers and moved pages answer with such a page instead of an HTTP redirect.
A browser goes on at once; a reader that didn't would cache "Redirecting…" as the article. Only
a quick refresh counts: a news page that reloads itself, or goes back to the front page after
ten idle minutes, is an article, not a redirect.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from .page_parsing import SHOWN_TEXT, parsed_page
from .urls import absolute_url, canonical_url, is_web_url

MAX_DELAY = 10
"""Seconds: a refresh later than this is a page reloading itself or timing out, not a redirect."""

_MENTIONED = re.compile(rb"http-equiv\s*=\s*[\"']?\s*refresh")  # in a lowered page
_SPACES = " \t\n\f\r"


def refresh_target(
    body: bytes, url: str, header_charset: str | None = None, header: str = ""
) -> str | None:
    """Where the page `body` (fetched from `url`, with `header` its Refresh header if it had
    one) sends the reader at once, or None.

    As a browser with scripts on reads it: the first well-formed refresh, the header's before
    the page's, is the one acted on, whatever it says. One in a comment doesn't count; nor
    does one without an address, one back to the page itself, or one to a link that is not a
    web page's. One in `<noscript>` counts only where the page has no other, and either its
    script goes to the same address or it shows nothing of its own (t.co's answer to a
    browser): the reader runs no scripts, and a browser without them would go there (acc31c
    W18); elsewhere it is a page's way to its version without scripts ("/nojs").
    """
    parsed = _first_refresh(body, header_charset, header)
    if parsed is None:
        return None
    delay, href = parsed
    target = absolute_url(url, href) if href else ""
    if delay > MAX_DELAY or not is_web_url(target):
        return None
    return None if _itself(target, url) else target


def refresh_to_no_web_page(
    body: bytes, header_charset: str | None = None, header: str = ""
) -> str | None:
    """The address, as written, of the quick refresh (`refresh_target`'s) the page `body` is
    when it leads to no web page (`file:`, `data:`, `javascript:`, `ftp:`), else None: the
    page is a stop on the way there, its "Redirecting…" no article (acc50a A9: kept as one),
    refused as an HTTP redirect there is."""
    parsed = _first_refresh(body, header_charset, header)
    if parsed is None or parsed[0] > MAX_DELAY:
        return None
    href = parsed[1].strip()
    try:
        scheme = urlsplit(href).scheme.lower()
    except ValueError:  # "http://[" : an address of no kind, nothing followed
        return None
    return href if scheme and scheme not in ("http", "https") else None


def _first_refresh(body: bytes, header_charset: str | None, header: str) -> tuple[int, str] | None:
    """The delay and address of the refresh acted on: the header's before the page's."""
    parsed = parse_refresh(header) if header else None
    return parsed if parsed is not None else _page_refresh(body, header_charset)


def _itself(target: str, url: str) -> bool:
    """`target` is the page at `url`, its query whole: one back to the page with "utm_source"
    added (which `canonical_url` leaves out) is a page sending on till its parameter is
    there, followed as `urls.untracked_hop` asks it, not read as the article ("Redirecting…")."""
    return (
        canonical_url(target) == canonical_url(url)
        and urlsplit(target).query == urlsplit(url).query
    )


def _page_refresh(body: bytes, header_charset: str | None) -> tuple[int, str] | None:
    # Almost every page stops here, unparsed: the word costs 0.1 ms to look for in a lowered
    # copy, a case-blind regular expression over the page ten times that.
    lowered = body.lower()
    if b"refresh" not in lowered or _MENTIONED.search(lowered) is None:
        return None
    doc = parsed_page(body, header_charset)
    if doc is None:
        return None
    without_scripts: tuple[int, str] | None = None
    for meta in doc.iter("meta"):
        if (meta.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        parsed = parse_refresh(meta.get("content") or "")
        if parsed is None:  # a malformed one is passed over, as a browser does
            continue
        if not any(a.tag == "noscript" for a in meta.iterancestors()):
            return parsed
        without_scripts = without_scripts or parsed
    if without_scripts is not None and _goes_there_anyway(doc, without_scripts[1]):
        return without_scripts
    return None


def _goes_there_anyway(doc: HtmlElement, href: str) -> bool:
    """A `<noscript>` refresh to `href` is where the page goes with scripts too: a script of
    it names the address (`location.replace("https:\\/\\/…")`), or the page shows no text of
    its own to stay for."""
    if href and any(
        href in (script.text or "").replace("\\/", "/") for script in doc.iter("script")
    ):
        return True
    return not any(str(text).strip() for text in doc.xpath(SHOWN_TEXT))


def parse_refresh(content: str) -> tuple[int, str] | None:
    """The delay and address of a refresh's `content`, as HTML's declarative refresh reads it
    ("5; URL='/next'" → (5, "/next")); None when it is malformed. The address may be ""."""
    text = content.lstrip(_SPACES)
    digits = re.match(r"[0-9]*", text).group()  # type: ignore[union-attr]
    rest = text[len(digits) :]
    fraction = re.match(r"[0-9.]*", rest).group()  # type: ignore[union-attr]
    if not digits and not fraction:
        return None
    # Only whether it is small matters; a page's 5,000 digits would overflow int()'s limit.
    significant = digits.lstrip("0")
    delay = int(significant or 0) if len(significant) <= 6 else 10**6
    rest = rest[len(fraction) :]
    if not rest:
        return delay, ""
    if rest[0] not in ";," + _SPACES:
        return None
    rest = rest.lstrip(_SPACES)
    if rest[:1] in (";", ","):
        rest = rest[1:].lstrip(_SPACES)
    named = re.match(r"url[" + _SPACES + r"]*=[" + _SPACES + r"]*", rest, re.IGNORECASE)
    if named:
        rest = rest[named.end() :]
    if rest[:1] in ("'", '"'):
        quote = rest[0]
        rest = rest[1:].split(quote, 1)[0]
    return delay, rest.strip(_SPACES)
