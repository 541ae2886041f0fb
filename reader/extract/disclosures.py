"""A shop's review or a buying guide says, in a line of its own, that it is paid for the
sales its links bring: "We may earn a commission when you buy through links on our site",
"This article contains affiliate links", "Als Amazon-Partner verdiene ich an qualifizierten
Verkäufen". The line is the site's notice, as a cookie notice is, not the article's words.

Told by what it says, in the first person or of "this article", and only a line or two: an
article about affiliate marketing ("The regulator said sites that earn a commission must say
so") reports it, at more length.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..models import words_in
from .wall_words import lowered_as_ignorecase

_AFFILIATE = re.compile(
    # "We may earn a commission…", "We earn an affiliate commission…", "I receive a small fee…"
    r"\b(?:we|i)(?:\s+(?:may|might|can|could|will|also|sometimes|often))*\s+(?:earn|receive"
    r"|get|make|be paid)\s+(?:an?\s+|some\s+)?(?:small\s+)?(?:affiliate\s+)?(?:commission"
    r"|compensation|fee|share of (?:the )?(?:sale|revenue))"
    # "This article contains affiliate links", "Some links in this post are affiliate links"
    r"|\b(?:article|post|page|story|guide|review|site|content|video)\s+(?:may\s+)?(?:contains?"
    r"|includes?|uses?|has)\s+(?:some\s+)?affiliate\s+links?"
    r"|\blinks?\s+(?:on|in)\s+(?:this|our)\s+\w+\s+(?:are|may be)\s+affiliate\s+links?"
    r"|\bas an amazon associate\b"
    # German, French, Spanish, Italian, Dutch: "Als Amazon-Partner verdiene ich…", "Dieser
    # Artikel enthält Affiliate-Links", "Wir erhalten eine Provision", "liens affiliés",
    # "nous percevons une commission", "enlaces de afiliados", "link di affiliazione".
    r"|\bals amazon[- ]partner\b|\b(?:enthält|beinhaltet|sind|nutzt|verwendet|handelt es sich um)"
    r"\s+(?:\w+\s+)?affiliate-links?\b|\b(?:wir|ich)\s+(?:\w+\s+)?(?:erhalten"
    r"|bekommen|verdienen)\s+(?:\w+\s+)?provision"
    r"|\bliens? (?:affiliés|d['’]affiliation)\b|\bnous (?:\w+\s+)?(?:percevons|touchons|recevons)"
    r"\s+(?:\w+\s+)?commission"
    r"|\benlaces? (?:de )?afiliad[oa]s?\b|\blink (?:di )?affiliazione\b|\baffiliate[- ]links?\b"
    r".{0,80}\b(?:commission|commissie|provisie)",
    re.IGNORECASE | re.DOTALL,
)
# A notice is a line or two...
_NOTICE_WORDS = 50
# ...and reports nothing anyone said.
_REPORTED = re.compile(
    r"\b(?:said|says|told|according to|sagte|sagt|a déclaré|dijo|disse)\b", re.IGNORECASE
)


# A word of every phrase `_AFFILIATE` finds, as the lower-cased text holds it: looked for as
# plain substrings first. The pattern, each phrase opening on a word boundary and in either
# case, tries all of them at every character of every short box of the page: 0.1 ms a box, half
# a millisecond of a small page, where hardly any box says one of these words.
AFFILIATE_WORDS = (
    "commission",
    "compensation",
    "fee",
    "share of",
    "affili",
    "afiliad",
    "amazon",
    "provision",
)


def may_disclose(text: str) -> bool:
    """`text` holds a word every phrase `_AFFILIATE` finds holds: False means it says none
    (the dotless ı, the long ſ and the dot "İ" keeps after lower() folded as IGNORECASE
    takes them)."""
    folded = lowered_as_ignorecase(text)
    return any(word in folded for word in AFFILIATE_WORDS)


def is_affiliate_disclosure(el: HtmlElement, text: str) -> bool:
    """`el`, whose whole text is `text`, is the site's note that it earns from the links in
    the article; a box holding it with other paragraphs is not (the note is judged alone)."""
    if (
        words_in(text) > _NOTICE_WORDS
        or not may_disclose(text)
        or _REPORTED.search(text)
        or not _AFFILIATE.search(text)
    ):
        return False
    inner = (" ".join(b.text_content().split()) for b in el.iterdescendants("p", "div", "li"))
    return all(not part or _AFFILIATE.search(part) for part in inner)


# The heading of an author's declaration of interests: The Conversation's "Disclosure
# statement", "Declaration of interests", "Conflict of interest", "Competing interests".
_STATEMENT_HEADING = re.compile(
    r"(?:disclosure(?: statement)?|declarations? of interests?|conflicts? of interests?"
    r"|competing interests?)\W*",
    re.IGNORECASE,
)
# A statement is a few sentences; a box of more is something else.
_STATEMENT_LENGTH = 800


def statements_into_article(doc: HtmlElement) -> None:
    """Move the author's disclosure statement, which a site sets in the sidebar beside the
    article (The Conversation's "Disclosure statement: Helen Tregarthen receives funding
    from…"), to the end of the article's body: it is part of what the author wrote for it,
    needed to quote them fairly, and the sidebar goes with the page's furniture. A note that
    the site earns from its links (`is_affiliate_disclosure`) is not such a statement."""
    body = _article_body(doc)
    if body is None:
        return
    for box in list(doc.iter("div", "section", "aside")):
        # Headed so, and by nothing else: a sidebar of boxes holds more than the statement.
        headings = list(box.iter("h2", "h3", "h4", "h5", "h6", "strong", "b"))
        if len(headings) != 1 or box[0] is not headings[0]:
            continue
        if not _STATEMENT_HEADING.fullmatch(headings[0].text_content().strip()):
            continue
        text = " ".join(box.text_content().split())
        if len(text) > _STATEMENT_LENGTH or _AFFILIATE.search(text):
            continue
        if box is body or any(a is body for a in box.iterancestors()):
            continue  # in the article already
        if next(box.iter("p"), None) is None or any(d is body for d in box.iterdescendants()):
            continue
        box.getparent().remove(box)
        box.tail = None
        for el in box.iter():
            # Named as it was ("disclosure", "sidebar-note"), it would go as furniture.
            el.attrib.pop("class", None)
            el.attrib.pop("id", None)
        body.append(box)


def _article_body(doc: HtmlElement) -> HtmlElement | None:
    """The element the page declares as its article's body (`itemprop="articleBody"`)."""
    # The value found on the attribute axis: a test of every element took four times as long.
    found = doc.xpath('//@itemprop[. = "articleBody"]')
    return found[0].getparent() if found else None
