"""A "you are leaving this site" page: the stop a shared link makes on its way to the article.

LinkedIn's lnkd.in ("This link will take you to a page that's not on LinkedIn"), Facebook's
l.php ("You're about to leave Facebook"), Slack's and many forums' and webmail's answer a link
with a short page naming its one target, for the reader to click on. Saved, that page was the
article ("LinkedIn", one sentence) and the article itself was never fetched (acc31c W18): such a
page sends the reader on, as a meta refresh does (`meta_refresh`), to its one target.

Told by three things together, so that a short story mentioning someone leaving stays a story:
the page says so in an interstitial's own words ("this link will take you", "you are about to
leave", "external link"); it shows a few dozen words at most; and it names one target, the
address written out as a link's text, else the one link to another site.
"""

from __future__ import annotations

import re

from .page_parsing import SHOWN_TEXT, parsed_page
from .urls import absolute_url, canonical_url, is_web_url, site_of

_MOST_BYTES = 150_000
"""An interstitial is small, its styles and scripts with it: a bigger page is read."""
_MOST_WORDS = 80
_SAYS = re.compile(
    r"link will take you|(?:you(?:'|’)re|you are) (?:now )?(?:about to )?leav(?:e|ing)\b|"
    r"\babout to (?:leave|visit|go to)\b|"
    r"(?:page|site|website) (?:that(?:'|’)s |that is )?(?:not on|outside(?: of)?) ",
    re.IGNORECASE,
)
_LABELLED = re.compile(r"\bexternal (?:link|site|website|page)\b", re.IGNORECASE)
"""A label many sites give a link off the site ("(external link)"): an interstitial's words
only on a page that says next to nothing else. A link post (a title, two sentences of its
author's, the link "(external link)") was taken for one, and the story it links to saved in
its place (acc32b B8)."""
_MOST_WORDS_LABELLED = 25
_SAID = (
    b"will take you",
    b"about to leave",
    b"about to visit",
    b"about to go to",
    b"re leaving",
    b"re now leaving",
    b"external link",
    b"external site",
    b"external website",
    b"external page",
)
"""What the page's lowered bytes hold if it says so, or it is not parsed (almost none does):
looked for one by one, as `_SAYS` over the page cost five times as much."""
_ADDRESS = re.compile(
    r"^(?:https?://)?(?:(?:[\w-]+\.)+[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?(?:[/?#]\S*)?$",
    re.IGNORECASE,
)
"""A link's text that is an address written out ("www.example.com/story", "https://…")."""


def leaving_target(body: bytes, url: str, header_charset: str | None = None) -> str | None:
    """Where the "you are leaving" page `body`, fetched from `url`, sends the reader on, or
    None when it is no such page (see the module's docstring)."""
    found = _targets(body, url, header_charset)
    if found is None:
        return None
    for targets in found[:2]:
        if len(targets) == 1:
            return targets.pop()
    return None


def leaving_for_no_page(body: bytes, url: str, header_charset: str | None = None) -> str | None:
    """The one link of a "you are leaving" page that leads to no web page (`javascript:…`,
    `file:…`), when that is all it names: the page is no article, and there is none to go on
    to (it was saved as the article, acc32a A15). None for any other page."""
    found = _targets(body, url, header_charset)
    if found is None or any(found[:2]) or len(found[2]) != 1:
        return None
    return found[2].pop()


def _targets(
    body: bytes, url: str, header_charset: str | None
) -> tuple[set[str], set[str], set[str]] | None:
    """A "you are leaving" page's targets: those written out as a link's text, those on
    another site, and the links to no web page; None when it is no such page."""
    if len(body) > _MOST_BYTES:
        return None
    lowered = body.lower()
    if not any(said in lowered for said in _SAID):
        return None
    doc = parsed_page(body, header_charset)
    if doc is None:
        return None
    shown = " ".join(" ".join(str(text).split()) for text in doc.xpath(SHOWN_TEXT))
    words = len(shown.split())
    if words > _MOST_WORDS:
        return None
    if not _SAYS.search(shown) and not (words <= _MOST_WORDS_LABELLED and _LABELLED.search(shown)):
        return None
    here = canonical_url(url)
    written: set[str] = set()
    elsewhere: set[str] = set()
    nowhere: set[str] = set()
    for link in doc.xpath("//body//a[@href]"):
        href = (link.get("href") or "").strip()
        target = absolute_url(url, href)
        if not is_web_url(target):
            if _NO_PAGE.match(href):
                nowhere.add(href)
            continue
        if canonical_url(target) == here:
            continue
        if _ADDRESS.match(" ".join(link.text_content().split())):
            written.add(target)
        if site_of(target) != site_of(url):
            elsewhere.add(target)
    return written, elsewhere, nowhere


_NO_PAGE = re.compile(r"^(?:javascript|data|file|vbscript):", re.IGNORECASE)
"""A link's scheme that leads to no web page: what a leaving page may name to trick a reader."""
