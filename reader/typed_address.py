"""An address as a person types or pastes it to add a feed (`reader add`, the reader's `a`), read
as a browser's address bar reads it (acc44a A2, A5).

`example.com` and `example.com/news` are how a browser's user writes a site: taken as
`https://…` (`http://` for a local address), and said so. Slips one fix away get that fix
offered, not a bare refusal: a scheme misspelt (`htps://`, `http//`, `http:/`), an address pasted
with its quotes (`"https://…"`), or with a word after it (`https://… news`). An address with a
space inside is refused: sent, the space went out as %20, to a page that isn't there.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .safe import safe_line
from .urls import (
    _SCHEMELESS,
    from_feed_scheme,
    is_onion,
    is_web_url,
    not_web_url,
    with_scheme,
)

_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»", "<": ">", "(": ")", "`": "`"}
_SCHEME_SLIP = re.compile(r"([a-z]{2,7})(:/{0,3}|/{1,3})(?=[^/\s])(\S+)", re.IGNORECASE)
_NOT_HOSTS = frozenset(
    [
        "htm",
        "html",
        "xml",
        "rss",
        "atom",
        "php",
        "asp",
        "aspx",
        "jsp",
        "json",
        "txt",
        "pdf",
        "jpg",
        "jpeg",
        "png",
        "gif",
        "webp",
        "opml",
        "csv",
        "zip",
    ]
)
"""A name's last part that says a file's name ("story.html"), not a host's."""
_ONION_HTTP = " (an onion service's address is plain http: Tor encrypts it end to end)"


@dataclass(frozen=True)
class TypedAddress:
    """What was typed, read: `url` to add ("" when refused); `note` says how it was read when
    that isn't as typed ("taken as https://example.com"); `refusal`, why nothing is added, with
    the fix when there is one."""

    url: str = ""
    note: str = ""
    refusal: str = ""


def typed_address(text: str) -> TypedAddress:
    """`text`, typed or pasted as a feed's or a site's address, read as one."""
    text = from_feed_scheme(text.strip())
    if not text:
        return TypedAddress()
    if is_web_url(text) and not any(c.isspace() for c in text):
        return TypedAddress(url=text)
    if short := _without_scheme(text):
        note = f"taken as {safe_line(short, 210)}"
        if is_onion(urlsplit(short).hostname or ""):
            note += _ONION_HTTP
        return TypedAddress(url=short, note=note)
    if guess := _meant(text):
        said = f"did you mean {safe_line(guess, 210)}?"
        if any(c.isspace() for c in text) and is_web_url(text.split()[0]):
            return TypedAddress(refusal=f"an address has no spaces: {said}")
        return TypedAddress(refusal=f"{_not_address(text)}: {said}")
    if any(c.isspace() for c in text) and is_web_url(text.split()[0]):
        return TypedAddress(refusal=f"an address has no spaces: {safe_line(text, 200)}")
    said = not_web_url(text)
    # Its words for anything else than the controls or a port it holds ("not an http(s)
    # URL") are jargon to one who pastes from a browser.
    return TypedAddress(refusal=_not_address(text) if said.startswith("not an http(s)") else said)


def _not_address(text: str) -> str:
    return f"not a web address (one starts with https://): {safe_line(text, 200)}"


def _without_scheme(text: str) -> str:
    """The address `text` is, written without its scheme as in a browser's bar; else ""."""
    if guess := with_scheme(text):  # "www.x.org/uk", "127.0.0.1:8771/feed.xml"
        return guess
    if not _SCHEMELESS.fullmatch(text) or text.rsplit(".", 1)[-1].lower() in _NOT_HOSTS:
        return ""
    return "https://" + text  # "example.com": a name, by its last part no file's


def _meant(text: str) -> str:
    """The address `text` is one obvious fix away from: its quotes off, the word after it off,
    its scheme spelt right; "" when there is none."""
    if text[:1] in _QUOTES:
        inner = text[1:].strip()
        inner = inner[:-1].strip() if inner.endswith(_QUOTES[text[0]]) else inner
        return _meant_alone(inner)
    first, _space, rest = text.partition(" ")
    if rest:
        # A word caught after it ("… news"), not a path with a space inside ("/my news/a").
        return "" if any(c in rest for c in "/.?=&") else _meant_alone(first)
    return _meant_alone(text, quotes=False)


def _meant_alone(text: str, quotes: bool = True) -> str:
    text = from_feed_scheme(text.strip())
    if quotes and text and is_web_url(text) and not any(c.isspace() for c in text):
        return text
    if quotes and (short := _without_scheme(text)):
        return short
    slip = _SCHEME_SLIP.fullmatch(text)
    if slip is None:
        return ""
    scheme, _sep, rest = slip.groups()
    close = difflib.get_close_matches(scheme.lower(), ["https", "http"], n=1, cutoff=0.6)
    if not close:
        return ""
    guess = f"{close[0]}://{rest}"
    return guess if is_web_url(guess) and guess != text else ""
