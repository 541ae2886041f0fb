"""Worker-side: a page to sign in or accept terms, in the article's place, told from one answer.

A form to log in or accept terms, with no article's text around it, is no article, wherever it
came from: cached, it would stand as the article ("Sign in"), marked as read offline, and no
later sync would fetch the article again. Two rules, each on one answer alone:

- a Wi-Fi login page (`login_page_elsewhere`): many networks send every address on to their
  own page first (a 302 to `https://wifi.hotel.example/login`). The article's address was sent
  to another site, to an address that keeps nothing of the one asked for: the network's, not
  the publisher's, and `portal.PortalWatch` takes it from there. A real site sends a feed's
  tracker link (feedproxy, t.co) on to an article, which has text.
- any other (`refuse_sign_in_page`): the publisher's own sign-in page keeping the article's
  address to come back to (`/signin?next=%2Fstory3.html`), another site's that keeps it (a
  single sign-on, a network's portal passing the address on), or the page at the very address
  asked. Its article is not cached and the fetch fails, saying who asks what: FetchError(SIGN_IN),
  a failure a later try may mend (`UNREACHABLE`), with the feed's text standing in.

A page declaring an article (a brief with a newsletter form under it), a page for subscribers
showing the article's start above its wall, a cookie-consent wall (extraction's to tell), and
a log-in box in a site's header, menu or footer are not such pages.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .models import ErrorKind, FetchError
from .safe import safe_line

if TYPE_CHECKING:  # lxml is imported on first use: `reader list` starts without it
    from lxml.html import HtmlElement

# A page with this many words of its own outside its forms has an article's text: a portal's
# is a welcome line and a paragraph of terms (a page showing its terms whole is let through).
_ARTICLE_WORDS = 150
# A paragraph of an article's lead is a sentence or two: a sign-in page's are a line each.
_LEAD_WORDS = 20


@cache
def _word() -> re.Pattern[str]:
    """One word each: a letter of Chinese or Japanese (written without spaces), else a run of
    letters or digits. Compiled when a page is first looked at, not at every start (~1 ms)."""
    return re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]|\w+")


# The words of an asked path that say nothing of the article: any site's.
_PATH_NOISE = frozenset(
    ["html", "shtml", "htm", "php", "aspx", "index", "news", "article", "articles", "story"]
)
_PATH_WORD = re.compile(r"[^\W_]{4,}")
# What a login or terms form's buttons and labels say, in the languages of most portals.
_SIGN_IN_WORDS = re.compile(
    r"log\s*in|sign\s*in|connect|wi-?fi|internet|password|voucher|anmeld|verbind|connexion|"
    r"conectar|acced|entrar",
    re.IGNORECASE,
)
_TERMS_WORDS = re.compile(
    r"accept|agree|terms|conditions|akzept|accepter|aceptar|accett", re.IGNORECASE
)
# A form that asks for none of that, whatever box it has to tick: a newsletter's ("I agree to
# receive the morning newsletter"), a search's, a comment's ("Save my name for the next time
# I comment").
_NOT_ASKING = re.compile(
    r"newsletter|subscri|sign\s*up|search|comment|abonn|suscrib|iscriviti",
    re.IGNORECASE,
)
_SIGN_IN = "sign in"
_TERMS = "accept terms"
# What declares a page an article, however short (a brief with a newsletter form under it).
_DECLARED_ARTICLE = (
    "//meta[@property='og:type'][contains(@content, 'article')]"
    " | //meta[@property='article:published_time']"
    " | //script[@type='application/ld+json'][contains(., 'Article') or contains(., 'Posting')]"
)
_OWN_TEXT = (
    "//body/descendant::text()[not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template or ancestor::form)]"
)  # `descendant::`, not `//text()[…]`: see `page_parsing.SHOWN_TEXT`


def login_page_elsewhere(asked: str, ended: str, body: bytes, charset: str | None) -> bool:
    """The page `body`, which came for the address `asked` after redirects ending at `ended`,
    is a Wi-Fi login page: `ended` is on another site and keeps no word of `asked`'s path, and
    the page is a login or terms form with no article's text."""
    if not _other_site(asked, ended) or _keeps_address(asked, ended):
        return False
    from .page_parsing import parsed_page

    doc = parsed_page(body, charset)
    return doc is not None and bool(_form_asks(doc)) and not _article_text(doc)


def refuse_sign_in_page(asked: str, ended: str, doc: HtmlElement) -> None:
    """Raise FetchError(SIGN_IN) when the page `doc` (parsed, nothing of it read or changed
    yet), which came for the address `asked` after redirects ending at `ended`, is a form to
    sign in or accept terms with no article's text: not the article, wherever it came from
    (`login_page_elsewhere` had its say on a Wi-Fi login page before). Cheap on an article's
    page: its forms are looked at, and its text counted only when one asks to sign in."""
    asks = _form_asks(doc)
    if not asks or _article_text(doc) or _another_wall(doc, ended):
        return
    raise sign_in_error(asks, asked, ended, doc.findtext(".//title") or "")


def sign_in_error(asks: str, asked: str, ended: str, title: str) -> FetchError:
    """What a fetch says of a page asking to `asks` ("sign in", "accept terms"), titled
    `title` (untrusted: made safe here): who asks, the site asked or another."""
    who = "the site" if not _other_site(asked, ended) else safe_line(_host(ended), 60)
    what = "accept its terms" if asks == _TERMS else "sign in"
    named = safe_line(title, 80)
    return FetchError(
        ErrorKind.SIGN_IN, f"{who} asks you to {what}{f' ({named})' if named else ''}", asked
    )


def _another_wall(doc: HtmlElement, url: str) -> bool:
    """The page is an article's start above a subscription wall (`extract.paywall`: a page for
    subscribers, its sign-in form in the wall), or a cookie-consent wall (`extract.consent`):
    each told, and said, by extraction. A sign-in page speaks as a wall does ("Sign in to keep
    reading"), but has no paragraph of an article's prose above it."""
    from .extract.consent import speaks_as_a_wall
    from .extract.paywall import wall_on_page

    body = doc.find("body")
    text = " ".join(body.itertext()) if body is not None else ""
    if speaks_as_a_wall(text, url):
        return True
    prose = any(
        len(_word().findall(p.text_content())) >= _LEAD_WORDS
        for p in doc.xpath("//body//p[not(ancestor::form)]")
    )
    return prose and wall_on_page(doc)


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""


def _site(url: str) -> str:
    """The site of `url`: its address, or its host's last two labels (news.example for
    www.news.example and login.news.example: one publisher's)."""
    host = _host(url)
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


def _form_asks(doc: HtmlElement) -> str:
    """What a form of the page asks, when it asks to log in (`_SIGN_IN`: a password field, a
    button or label that says so) or to accept terms (`_TERMS`: a box to tick, a button or
    label that says so); "" when none does. A form in the site's header, menu or footer, or
    hidden, is the site's on every page; a newsletter's, a search's or a comment's asks
    nothing of the sort."""
    from .extract.paywall import around_the_page

    for form in doc.iter("form"):
        kinds = {str(t).casefold() for t in form.xpath(".//input/@type")}
        if "password" in kinds:
            if around_the_page(form):
                continue
            return _SIGN_IN
        said = " ".join([*form.xpath(".//button//text() | .//label//text()"), *_shown_values(form)])
        signs_in = _SIGN_IN_WORDS.search(said)
        if not ("checkbox" in kinds or signs_in or _TERMS_WORDS.search(said)):
            continue
        # The form's own address, not its query: a network's login form carries the address
        # asked for there and in hidden fields ("?continue=…/comments/…"), and its words are
        # the article's, not the form's (acc42c C11: a portal cached for any ".../comments/").
        action = _action_path(form.get("action", ""))
        names = " ".join([action, form.get("class", ""), form.get("id", ""), said])
        if _NOT_ASKING.search(names) or around_the_page(form):
            continue
        # A box to tick, or terms spoken of anywhere in the form ("I accept" beside its box).
        text = " ".join([form.text_content(), said])
        return _TERMS if _TERMS_WORDS.search(text) or not signs_in else _SIGN_IN
    return ""


def _shown_values(form: HtmlElement) -> list[str]:
    """The values of `form`'s inputs a reader sees (a button's "Log in"), not a hidden field's
    (a token, the address a network's login page was asked for) nor an address filled in."""
    return [
        str(value)
        for box in form.iter("input")
        if (box.get("type") or "text").casefold() != "hidden"
        and (value := box.get("value"))
        and "://" not in value
        and not value.startswith("/")
    ]


def _action_path(action: str) -> str:
    try:
        return urlsplit(action).path
    except ValueError:
        return ""


def declares_article(doc: HtmlElement) -> bool:
    """The page `doc` says it is an article (og:type, a publication time, JSON-LD's Article or
    Posting): a link someone sent, to keep, even where it names its site's feed."""
    return bool(doc.xpath(_DECLARED_ARTICLE))


def _article_text(doc: HtmlElement) -> bool:
    """The page holds an article's text, or declares one."""
    if declares_article(doc):
        return True
    words = 0
    for text in doc.xpath(_OWN_TEXT):
        words += len(_word().findall(str(text)))
        if words >= _ARTICLE_WORDS:
            return True
    return False
