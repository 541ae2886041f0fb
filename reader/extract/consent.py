"""A cookie-consent wall: the page a site answers with instead of the article until you choose.

Yahoo, AOL, Google and many European publishers send a reader without their cookie to a page
of their own ("Yahoo is part of the Yahoo family of brands… Accept all / Reject all"), with an
HTTP 200. Readability takes its paragraphs for the article, and that text would be cached and
read offline in the article's place. A wall is told by four things together, so that a story
*about* consent banners, on a page that has one, stays a story:

- the page has a consent choice to make: a button (or a form's submit, or a link styled as a
  button) saying "Accept all", "Reject", "Manage settings", "Alle akzeptieren"…;
- the text is short, as walls are (a few hundred words);
- the page declares no author and no date: a story has them, a wall has nothing to date;
- it speaks in the wall's own phrases ("personalised ads", "withdraw your consent"), several
  different ones, one of them the site speaking of itself ("we and our partners"), where a
  story about walls would quote them; or in two, when the page the redirects ended at is a
  consent wall's host or path (consent.yahoo.com, /collectConsent). The page's own consent
  buttons count among them ("Accept all", "Reject all"): a small publisher's wall is a line of
  "we and our partners" above its buttons, and was saved as the article (acc31c W13).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..models import Block, words_of

# What a wall asks the reader to click: the whole control's text, in the languages of the sites
# that put up walls (English, German, French, Spanish, Italian, Dutch, Portuguese, Nordic).
_CHOICE = re.compile(
    r"^\W*(i\s+)?(accept|agree|allow|consent|reject|decline|refuse|deny|manage|customi[sz]e|"
    r"more options|settings|continue without|"
    r"akzeptieren|alle akzeptieren|zustimmen|einverstanden|ablehnen|einstellungen|"
    r"accepter|tout accepter|j'accepte|refuser|tout refuser|continuer sans accepter|"
    r"aceptar|rechazar|configurar|accetta|accetto|rifiuta|gestisci|"
    r"accepteren|akkoord|weigeren|aceitar|rejeitar|godkänn|godta|hyväksy)\b",
    re.IGNORECASE,
)
_CONTROLS = "//button | //input[@type='submit' or @type='button'] | //a[@role='button']"

# The site speaking of itself and its partners, as a wall does and a story about walls doesn't.
_WE = (
    r"we and our (?:\d+ )?partners|our partners|we use cookies|wir und unsere partner|"
    r"nous et nos partenaires|nosotros y nuestros socios|noi e (?:i nostri partner|terze parti)|"
    r"wij en onze partners"
)
# Any of a wall's phrases, those above among them.
_PHRASES = re.compile(
    r"\b(" + _WE + r"|(?:third|3rd)[- ]part(?:y|ies) partners|"
    r"accept all|reject all|allow all|manage (?:your )?(?:privacy |cookie )?"
    r"(?:settings|preferences|options|choices)|privacy (?:&|and) cookie settings|"
    r"personali[sz]ed? (?:ads|advertising|content)|"
    r"store and(?:/or)? access information on (?:a|your) device|we value your privacy|"
    r"legitimate interests?|withdraw your consent|change your choices|"
    r"transparency (?:&|and) consent framework|cookie policy|by clicking|"
    r"alle akzeptieren|personalisierte (?:anzeigen|werbung)|berechtigte[mns]? interesse|"
    r"einwilligung (?:jederzeit )?widerrufen|"
    r"tout accepter|publicités personnalisées|intérêt légitime|"
    r"aceptar todo|publicidad personalizada|interés legítimo|"
    r"accetta tutto|pubblicità personalizzata|legittimo interesse|"
    r"alles accepteren|gepersonaliseerde advertenties)",
    re.IGNORECASE,
)
_SPEAKS = re.compile(_WE, re.IGNORECASE)
# Where consent walls live: a host of their own (consent.yahoo.com, guce.aol.com), or a path
# only a wall has. Not a page merely named "consent": a guide to the law of consent is one.
_HOST = re.compile(r"^(consent|guce|myprivacy|cmp)\.", re.IGNORECASE)
_PATH = re.compile(
    r"(^|/)(collectconsent|cookiewall|cookie-wall|privacy-gate|consent-wall)(/|$|\.)",
    re.IGNORECASE,
)

_MAX_WORDS = 600
_PHRASES_NEEDED = 3
_PHRASES_AT_CONSENT_ADDRESS = 2


def consent_choices(doc: HtmlElement) -> frozenset[str]:
    """The labels of the page's controls offering a consent choice ("accept all", "reject
    all"), folded; none when it offers none. Read before cleanup removes forms."""
    labels: set[str] = set()
    for control in doc.xpath(_CONTROLS):
        label = control.get("value") if control.tag == "input" else control.text_content()
        said = " ".join((label or "").split())
        if said and len(said) < 60 and _CHOICE.match(said):
            labels.add(said.lower())
    return frozenset(labels)


_SHOWN_TEXT = "//body/descendant::text()[not(ancestor::script) and not(ancestor::style)]"
"""XPath: the text the body shows. `descendant::`, never `//body//text()[…]`: libxml2 takes
that in time quadratic in the text nodes (a link farm's 50,000 paragraphs: 28 s; see
`page_parsing.SHOWN_TEXT`)."""


def page_text(doc: HtmlElement, choices: frozenset[str]) -> str:
    """The text the page's body shows, before cleanup, when it offers a consent choice ("" when
    it offers none, or says more than a wall does): cleanup drops a wall's box as it drops a
    cookie banner, and a wall so left with no text was taken for a page with none (acc32a A15)."""
    if not choices:
        return ""
    text = " ".join(" ".join(doc.xpath(_SHOWN_TEXT)).split())
    return "" if len(text.split()) > _MAX_WORDS else text


def is_consent_wall(
    blocks: tuple[Block, ...], url: str, choices: frozenset[str], signed: bool, shown: str = ""
) -> bool:
    """`blocks`, read from the page at `url`, are a consent wall's, not an article's.
    `choices` are `consent_choices` of the page; `signed`, that it declares an author or a
    date; `shown`, the page's text before cleanup (`page_text`), read when no block is left."""
    if signed or not choices or words_of(blocks) > _MAX_WORDS:
        return False
    text = " ".join(block.text for block in blocks) if blocks else shown
    return bool(text) and speaks_as_a_wall(" ".join([text, *choices]), url)


def speaks_as_a_wall(text: str, url: str) -> bool:
    """`text`, of the page at `url`, says a consent wall's phrases, as many as tell one."""
    phrases = {" ".join(m.group().lower().split()) for m in _PHRASES.finditer(text)}
    parts = urlsplit(url)
    if _HOST.match(parts.hostname or "") or _PATH.search(parts.path):
        return len(phrases) >= _PHRASES_AT_CONSENT_ADDRESS
    return len(phrases) >= _PHRASES_NEEDED and any(_SPEAKS.fullmatch(p) for p in phrases)
