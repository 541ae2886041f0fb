"""An aggregator's page that sends on to the story by scripts alone: no article, and nothing a
reader without scripts can follow.

Google News RSS links (`news.google.com/rss/articles/CBMi…`) have, since 2024, answered a page
whose scripts decode the story's address: a `<c-wiz>` with the signed `data-n-a-sg` and
`data-n-a-ts` its script posts back, no HTTP redirect, no meta refresh. Read as an article, it
was cached as "Google News", cited at the tracker's address, the feed's text under it (acc42c
C14). Told apart, it is a link to open in a browser (`ErrorKind.NOT_HTML`: `↗`, `o` opens it),
the headline and the text its feed gave kept. One that names where it goes without scripts (a
`<noscript>` meta refresh, a link) is followed before it gets here (`meta_refresh`).
"""

from __future__ import annotations

from lxml.html import HtmlElement

from ..models import ErrorKind, FetchError

NEEDS_A_BROWSER = (
    "the link goes through Google News, whose page sends on to the story by scripts alone; "
    "open it in a browser"
)

# Words a page that is only its scripts' holder shows at most (a "Google News" title, an
# "Opening …" line).
_FEW_WORDS = 12


def check_script_redirect(doc: HtmlElement, url: str) -> None:
    """Raise `NOT_HTML` for Google News's page that sends on by scripts alone (see above)."""
    signed = doc.xpath("//c-wiz//*[@data-n-a-sg and @data-n-a-ts]")
    # One with a meta refresh names where it goes: followed by the fetch, not refused here.
    refresh = doc.xpath("//meta[translate(@http-equiv, 'REFSH', 'refsh') = 'refresh']")
    if not signed or refresh:
        return
    shown = doc.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]")
    words = sum(len(str(text).split()) for text in shown)
    if words <= _FEW_WORDS:
        raise FetchError(ErrorKind.NOT_HTML, NEEDS_A_BROWSER, url)
