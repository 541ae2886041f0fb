"""A page for subscribers: what its schema.org declaration says, and whether the text is hidden.

A site declares an article not free with `isAccessibleForFree: false` in its JSON-LD, on the
article itself or on a part of it (`hasPart`, a `WebPageElement` naming the paywalled element by
its `cssSelector`). The declaration alone does not mean the text is missing: a metered site
declares every article so and still serves it whole, hiding it with scripts after a reader's
tenth article (Folha's and the New York Times's pages in the extraction corpus). So a page is
taken to hide its text when it declares the article not free and either

- the part it names is on the page and (almost) empty: the text was taken out of it; or
- no part it names is on the page, and what the page gives is a teaser's length.

Some sites declare it in microdata instead, as schema.org allows: an `isAccessibleForFree`
property of "False" on the article's item, or on a `hasPart` item, the paywalled element itself.

`FOR_SUBSCRIBERS` is then the article's `incomplete`: not the whole article, and nothing a sync
can fetch will bring the rest. The offer box ("Subscribe to keep reading … Already a subscriber?
Log in") is furniture whatever the page declares: `is_offer_box`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from .metadata import is_article

FOR_SUBSCRIBERS = "the page is for subscribers and shows only the start of the article"
# A paywalled part holding fewer words than this was emptied for us; a page of a site that
# names no part on the page, giving fewer than `_TEASER_WORDS`, gave its teaser. A metered
# site's whole article is longer (Folha's shortest in the corpus: 400 words).
_EMPTIED_WORDS = 10
_TEASER_WORDS = 150

# What the box standing in for the rest of the article says, in the shapes sites write it.
_OFFER = re.compile(
    r"\b(subscribe|sign up|register|log in|sign in|upgrade)( now| today)? to (keep|continue) "
    r"reading\b"
    # "Subscribe to read on" ends the offer; "subscribe to read on the app" is a sentence.
    r"|\b(subscribe|upgrade) to read (the rest\b|on\b(?!\s*\w))"
    r"|\balready (a subscriber|subscribed|have an account|registered)\s*\?"
    r"|\b(get|unlock|enjoy) unlimited (digital )?access\b"
    # Not "members of the club": a sentence of the article, telling what a club keeps to itself.
    r"|\bthis (article|story|post|content) is (only )?(available |reserved )?(to|for) "
    r"(paying |paid )?(subscribers|members)\b(?! of\b)"
    # The same in the languages of the foreign press read here: "Déjà abonné ? Se connecter",
    # "Il vous reste 80 % de cet article à lire. La suite est réservée aux abonnés", "Jetzt
    # weiterlesen mit SPIEGEL+", "Suscríbete para seguir leyendo", "Já é assinante?".
    r"|\b(déjà abonnée?|bereits abonnent(in)?|schon abonnent(in)?|ya eres suscriptora?"
    r"|ya estás suscrito|sei già abbonato|já é assinante|ben je al abonnee|bent u al abonnee"
    r"|masz już (prenumeratę|subskrypcję)|уже есть подписка|zaten abone misiniz)\s*\?"
    r"|\bla suite est réservée aux abonnés\b|\bil vous reste \d+\s*% de cet article à lire\b"
    r"|\b(jetzt )?weiterlesen mit \w+\s*\+"
    r"|\b(suscríbete|abonnez-vous|abbonati|assine|abonneer) (para|pour|per|om) (seguir|continuer"
    r"|continuare|continuar|verder) (leyendo|à lire|la lecture|a leggere|lendo|te lezen)\b",
    re.IGNORECASE,
)
# A page names its paywalled part or two; a declaration of thousands (3,000 on a page of 5,000
# boxes took 195 s) is read no further than this, and no selector longer than this.
_MAX_SELECTORS = 8
_MAX_SELECTOR_CHARS = 200
# A box longer than this is prose, whatever it says.
_OFFER_CHARS = 400


def _not_free(obj: Any) -> bool:
    if not isinstance(obj, dict):
        return False
    free = obj.get("isAccessibleForFree")
    return free is False or (isinstance(free, str) and free.strip().lower() == "false")


def _parts(article: dict[str, Any]) -> list[Any]:
    parts = article.get("hasPart")
    return parts if isinstance(parts, list) else [parts]


def behind_paywall(article: dict[str, Any]) -> bool:
    """A JSON-LD article object declared not free, itself or one of its parts."""
    return _not_free(article) or any(_not_free(part) for part in _parts(article))


@dataclass(frozen=True)
class Paywall:
    """What a page declares of its paywall, read before cleanup drops the paywalled part."""

    declared: bool = False
    """An article of the page is declared not free."""
    part_words: int | None = None
    """Words in the elements its not-free parts name by `cssSelector`; None when none is on
    the page."""

    def hides_text(self, words_read: int) -> bool:
        """The page hides the rest of the article from us (see the module's docstring)."""
        if not self.declared:
            return False
        if self.part_words is not None:
            return self.part_words < _EMPTIED_WORDS
        return words_read < _TEASER_WORDS


def read_paywall(json_ld: list[dict[str, Any]], doc: HtmlElement) -> Paywall:
    """What the page's `json_ld` (its `json_ld_objects`) declares of its paywall, with the
    paywalled parts looked up in `doc`, the page as it came."""
    from lxml.cssselect import CSSSelector

    articles = [obj for obj in json_ld if is_article(obj) and behind_paywall(obj)]
    declared_in_microdata, microdata_parts = _microdata(doc)
    if not articles and not declared_in_microdata:
        return Paywall()
    selectors = list(
        dict.fromkeys(
            part["cssSelector"].strip()
            for article in articles
            for part in _parts(article)
            if _not_free(part)
            and isinstance(part.get("cssSelector"), str)
            and len(part["cssSelector"]) <= _MAX_SELECTOR_CHARS
        )
    )[:_MAX_SELECTORS]
    # Each element once, however many selectors (or microdata besides) name it.
    found: dict[HtmlElement, None] = dict.fromkeys(microdata_parts)
    for selector in selectors:
        try:
            found.update(dict.fromkeys(CSSSelector(selector)(doc)))
        except Exception:  # SelectorError, or lxml's XPath errors ("ns|div"): the site's mistake
            continue  # as if it named no part
    if not found:
        return Paywall(declared=True)
    return Paywall(declared=True, part_words=sum(len(el.text_content().split()) for el in found))


def _microdata(doc: HtmlElement) -> tuple[bool, list[HtmlElement]]:
    """Whether the page's microdata declares an article not free (itself or a part of it), and
    the parts it declares so: the `hasPart` items, each the paywalled element itself."""
    declared, parts = False, []
    # The XPath string test runs on the few elements with an itemprop only.
    found = doc.xpath("//*[@itemprop][contains(@itemprop, 'isAccessibleForFree')]")
    for prop in found[:_MAX_SELECTORS]:
        value = prop.get("content")
        if value is None:
            value = prop.text_content()
        # Read as the JSON-LD property is: "False" in any case, around spaces.
        if "isAccessibleForFree" not in prop.get("itemprop", "").split() or not _not_free(
            {"isAccessibleForFree": value}
        ):
            continue
        item = next((el for el in prop.iterancestors() if el.get("itemscope") is not None), None)
        if item is None:
            continue
        if "hasPart" in item.get("itemprop", "").split():
            declared = True
            parts.append(item)
        elif is_article({"@type": item.get("itemtype", "").split()}):
            declared = True
    return declared, parts


def is_offer_box(text: str) -> bool:
    """A short box offering a subscription in the article's place ("Subscribe to keep reading",
    "Already a subscriber? Log in"); `text` is its text, whitespace collapsed."""
    return len(text) <= _OFFER_CHARS and _OFFER.search(text) is not None
