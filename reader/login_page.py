"""Worker-side: a Wi-Fi login page told from one answer, with nothing to compare it with.

`portal.PortalWatch` tells a login page by the same page coming back for different addresses;
one article asked for alone (`reader show URL`, the first article opened in the reader) gives
it nothing to compare. Many networks send every address on to their own page first (a 302 to
`https://wifi.hotel.example/login`); that answer alone tells it: the article's address was
sent to another site, to an address that keeps nothing of the one asked for, and the page there
is a form to log in or accept terms, with no article's text around it. A real site sends a
feed's tracker link (feedproxy, t.co) on to an article, which has text; a publisher's own login
page keeps the article's address to come back to, and lives on the publisher's own domain.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:  # lxml is imported on first use: `reader list` starts without it
    from lxml.html import HtmlElement

# A page with this many words of its own outside its forms has an article's text: a portal's
# is a welcome line and a paragraph of terms (a page showing its terms whole is let through).
_ARTICLE_WORDS = 150
# One word each: a letter of Chinese or Japanese (written without spaces), else a run of
# letters or digits.
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]|\w+")
# The words of an asked path that say nothing of the article: any site's.
_PATH_NOISE = frozenset(
    ["html", "shtml", "htm", "php", "aspx", "index", "news", "article", "articles", "story"]
)
_PATH_WORD = re.compile(r"[^\W_]{4,}")
# What a login or terms form's buttons and labels say, in the languages of most portals.
_LOGIN_WORDS = re.compile(
    r"log\s*in|sign\s*in|connect|accept|agree|terms|conditions|wi-?fi|internet|password|"
    r"voucher|anmeld|verbind|akzept|connexion|accepter|conectar|aceptar|acced|accett|entrar",
    re.IGNORECASE,
)
# What declares a page an article, however short (a brief with a newsletter form under it).
_DECLARED_ARTICLE = (
    "//meta[@property='og:type'][contains(@content, 'article')]"
    " | //meta[@property='article:published_time']"
    " | //script[@type='application/ld+json'][contains(., 'Article') or contains(., 'Posting')]"
)
_OWN_TEXT = (
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template or ancestor::form)]"
)


def login_page_elsewhere(asked: str, ended: str, body: bytes, charset: str | None) -> bool:
    """The page `body`, which came for the address `asked` after redirects ending at `ended`,
    is a Wi-Fi login page: `ended` is on another site and keeps no word of `asked`'s path, and
    the page is a login or terms form with no article's text."""
    if not _other_site(asked, ended) or _keeps_address(asked, ended):
        return False
    from .extract.document import parsed_page

    doc = parsed_page(body, charset)
    return doc is not None and _login_form(doc) and not _article_text(doc)


def _site(url: str) -> str:
    """The site of `url`: its address, or its host's last two labels (news.example for
    www.news.example and login.news.example: one publisher's)."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""
    if ":" in host or host.replace(".", "").isdigit():
        return host  # an IP address
    return ".".join(host.split(".")[-2:])


def _other_site(asked: str, ended: str) -> bool:
    asked_site, ended_site = _site(asked), _site(ended)
    return bool(asked_site and ended_site) and asked_site != ended_site


def _keeps_address(asked: str, ended: str) -> bool:
    """`ended` keeps a word of `asked`'s path, or its host: a login page that will send the
    reader back (`?return=/2026/11/ferry-timetable`), a tracker's link to its article."""
    where = unquote(unquote(ended)).casefold()
    parts = urlsplit(asked)
    host = (parts.hostname or "").casefold().removeprefix("www.")
    words = set(_PATH_WORD.findall(unquote(parts.path).casefold())) - _PATH_NOISE
    return (bool(host) and host in where) or any(word in where for word in words)


def _login_form(doc: HtmlElement) -> bool:
    """A form to log in or accept terms: a password field, a box to tick, or a button or
    label that says so."""
    for form in doc.iter("form"):
        kinds = {str(t).casefold() for t in form.xpath(".//input/@type")}
        if kinds & {"password", "checkbox"}:
            return True
        said = " ".join(
            [*form.xpath(".//button//text() | .//label//text()"), *form.xpath(".//input/@value")]
        )
        if _LOGIN_WORDS.search(said):
            return True
    return False


def _article_text(doc: HtmlElement) -> bool:
    """The page holds an article's text, or declares one."""
    if doc.xpath(_DECLARED_ARTICLE):
        return True
    words = 0
    for text in doc.xpath(_OWN_TEXT):
        words += len(_WORD.findall(str(text)))
        if words >= _ARTICLE_WORDS:
            return True
    return False
