"""The site's name as a page writes it in its titles: the one a page that declares none shows at
an end of its `<title>` or og:title ("Headline | Metro Gazette"), and a declared name without the
slogan or the company's legal form some sites write with it ("Aktuálně.cz - Víte, co se právě
děje", "Spiceworks Inc").

How a title is cut into parts, and which part reads as a name, is title.py's: it cuts the name
off the headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..urls import site_host
from .furniture import names_of
from .title import (
    _NAME_COLON,
    _SEPARATOR,
    _folded,
    _is_name_like,
    _is_site_name,
    _norm,
    _without_sections,
    _words,
    compared,
)

# A copyright notice, a few words: "© 2024 The Dale Advertiser", "Copyright 2024 Harbour Media".
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b")
_NOTICE_WORDS = 20
# The element holding the site's logo or name, by its class or id.
_LOGO = re.compile(r"logo|brand|masthead|site[-_]?(?:title|name)")
# Words that name a kind of page, not a site: a title's "Headline - News" or "…のニュース |
# ニュース" ends with its section. A page that declares one as its site's name is believed.
_GENERIC_NAMES = frozenset(
    [
        *("news", "latest news", "breaking news", "top stories", "blog", "the blog", "home"),
        *("homepage", "home page", "articles", "stories", "posts", "nachrichten", "startseite"),
        *("actualités", "actualites", "accueil", "noticias", "inicio", "portada", "notizie"),
        *("nieuws", "nyheter", "nyheder", "uutiset", "wiadomości", "новости", "haberler", "أخبار"),
        *("ニュース", "新闻", "新聞", "뉴스"),
    ]
)
# A company's legal form after its name: "Spiceworks Inc", "Harbour Media Ltd.".
_LEGAL_FORM = re.compile(
    r",?\s+(?:Inc|Ltd|LLC|GmbH|plc|Corp|Corporation|Limited)\.?$", re.IGNORECASE
)


def _at_an_end(title: str, name: str) -> bool:
    """`name` is what `title` says before its first separator or after its last one (a
    separator inside `name` too: "Headline - Harbour - Times")."""
    return _norm(name) in _title_ends(title)


_NAME_SEPARATORS = 8
"""Separators a site's name may hold ("Harbour - Times" one): a title's ends are read up to so
many from each end."""


@lru_cache(maxsize=8)
def _title_ends(title: str) -> frozenset[str]:
    """What `title` says before each of its first separators and after each of its last ones,
    as compared: made once a title. Made for each part of a site name, from each separator of
    the title, a title and a name of 1,000 separators each took minutes (acc29c S9)."""
    cuts = list(_SEPARATOR.finditer(title))
    if len(cuts) > 2 * _NAME_SEPARATORS:
        cuts = cuts[:_NAME_SEPARATORS] + cuts[-_NAME_SEPARATORS:]
    return frozenset(
        end for cut in cuts for end in (_norm(title[: cut.start()]), _norm(title[cut.end() :]))
    )


def _signed_by(doc: HtmlElement, name: str) -> bool:
    """The page's copyright notice names `name` ("© 2024 The Dale Advertiser Ltd")."""
    pattern = re.compile(rf"(?<!\w){re.escape(_norm(name))}(?!\w)")
    for text in doc.xpath("//text()[contains(., '©') or contains(., 'opyright')]"):
        line = _norm(str(text))
        if _words(line) <= _NOTICE_WORDS and _COPYRIGHT.search(line) and pattern.search(line):
            return True
    return False


def _logo_names(doc: HtmlElement, url: str) -> set[str]:
    """What the page's logo says (normalised): a link to the site's home page, or an element
    named for the logo or the site's title, by its text or its picture's `alt`."""
    host = site_host(url)
    names: set[str] = set()
    for el in doc.iter("a", "div", "span", "p", "h1", "h2", "header"):
        if el.tag == "a":
            href = (el.get("href") or "").strip()
            parts = urlsplit(href)
            # "#" is the page itself (a menu's current item), not the home page.
            home = (
                parts.path.strip("/") in ("", "index.html")
                and not parts.query
                and not href.startswith("#")
            )
            if not home or (parts.netloc and site_host(href) != host):
                continue
        elif not _LOGO.search(names_of(el)):
            continue
        names.add(_norm(el.text_content()))
        names.update(_norm(img.get("alt") or "") for img in el.iter("img"))
    return names - {""}


def site_name_of_title(
    doc: HtmlElement, titles: list[str], url: str, authors: Sequence[str] = ()
) -> str:
    """The site's name as a page that declares none writes it at an end of its `<title>` or
    its og:title ("Headline | Metro Gazette", "Metro Gazette - Headline"), else "".

    Said so when the host spells it (metrogazette.example); else the part must read as a name,
    not one of the page's `authors` ("Headline | Jane Smith"), and the page's logo or its
    copyright notice must say it, or the rest of the title be what the page prints as its
    headline (or declares on its own). A part before the headline is then a name of two words
    or more: one word there is the site's section as often ("Opinion | Headline")."""
    headings = {_norm(h.text_content()) for h in doc.iter("h1", "h2", "h3")}
    stated = (headings | {_norm(t) for t in titles}) - {""}
    people = {_norm(a) for a in authors}
    logos: set[str] | None = None
    for title in titles:
        title = " ".join(compared(title).split())
        cuts = list(_SEPARATOR.finditer(title))
        ends: list[tuple[str, str, re.Match[str] | None]] = []
        if cuts:
            last, first = cuts[-1], cuts[0]
            ends = [
                (title[last.end() :], title[: last.start()], last),
                (title[: first.start()], title[first.end() :], None),
            ]
        # Before a colon, a name the page backs by more than its headline.
        colon = _NAME_COLON.match(title)
        if colon is not None:
            ends.append((colon[1], "", None))
        for name, rest, cut in ends:
            name = name.strip()
            if _norm(name) in _GENERIC_NAMES:
                continue
            if _is_site_name(name, [], url):
                return name
            if not _is_name_like(name) or _norm(name) in people:
                continue
            if logos is None:
                logos = _logo_names(doc, url)
            if _norm(name) in logos or _signed_by(doc, name):
                return name
            # The headline after the sections the title names between ("Province of Manitoba
            # | News Releases | Headline").
            sections = (
                {_norm(_without_sections(rest, cut))}
                if cut
                else {_norm(_SEPARATOR.split(rest)[-1])}
            )
            headline = {_norm(rest)} | sections
            if rest and headline & stated and (cut is not None or len(name.split()) > 1):
                return name
    return ""


def site_name_alone(name: str, statements: list[str], titles: list[str], url: str) -> str:
    """The site's `name` without the slogan some sites declare after it ("Aktuálně.cz - Víte, co
    se právě děje", "Yahoo News - Latest News & Headlines"): the part of it another statement
    of the page gives as the name (its publisher's name or Twitter account among `statements`,
    the end of one of its `titles`, its host), or `name` whole when none gives one part alone;
    and without the company's legal form ("Spiceworks Inc") when a title ends with the name
    without it ("… - Spiceworks")."""
    name, titles = compared(name), [compared(t) for t in titles]
    short = _LEGAL_FORM.sub("", name)
    if short != name and any(_at_an_end(t, short) for t in titles):
        return short
    parts = [part.strip() for part in _SEPARATOR.split(name)]
    if len(parts) < 2:
        return name
    said = {_folded(s) for s in statements} - {""}
    host = site_host(url)
    if host:
        said |= {_folded(host), _folded(host.rsplit(".", 1)[0])}

    # A title that writes the whole name beside its headline ("Headline - Harbour - Times",
    # "Headline ✩ Mozilla Hacks – the Web developer blog") says it is one name; a title that
    # is the name alone (Yahoo's og:title on every page) says nothing of its parts.
    beside_a_headline = any(_norm(name) in _norm(t) and _norm(name) != _norm(t) for t in titles)
    if _folded(name) in said or beside_a_headline:
        return name
    if alone := next((p for p in parts if p and _folded(p) in said), ""):
        return alone
    return next((p for p in parts if p and any(_at_an_end(t, p) for t in titles)), name)
