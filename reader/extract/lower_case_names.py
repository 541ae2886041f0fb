"""A byline whose writer spells their name in lower case on purpose: "By bell hooks", "By danah
boyd". A byline's words are otherwise read as a name only when capitalised (`byline_names`),
which keeps a commenter's handle ("s sai", "jsmith42") and a sentence out of the citation; so a
name in lower case is taken only where nothing else can be meant: the page's own byline
element, its text an English "By" and the name alone, two or three words of letters (no one-
letter word, digit, "_", "@" or address, as handles have), none of them a word a sentence or a
newsroom's credit writes ("By the way", "By wire reports"). Written so, it is cited as written
("hooks, b.", as APA cites her)."""

from __future__ import annotations

import re

from ..text_shape import one_line
from ..writer_names import AGENCIES, WIRE_LETTERS
from .author_names import lower_case_name_word
from .byline_names import clean_byline, names_a_job

# The English labels a byline opens with: "By", "Written by", "Words by", "Story by". Not a
# forum's or a comment's "Posted by", before an account.
_BY = re.compile(r"(?:(?:written|words|story|text)\s+)?by\s+", re.IGNORECASE)
# An account's or an address's marks anywhere in the text: "@bellhooks", "https://…", "www.…".
_HANDLE = re.compile(r"@|://|\bwww\.", re.IGNORECASE)
# Words after "By" that make it no name: an article, a possessive, a credit's words.
_NO_NAME_WORDS = frozenset(
    {
        *("the", "a", "an", "this", "that", "all", "our", "my", "your", "his", "her", "their"),
        *("its", "way", "far", "now", "then", "default", "design", "anonymous", "admin", "guest"),
        *("staff", "wire", "wires", "reports", "agencies", "team", "desk", "news", "editors"),
        *("contributor", "contributors", "user", "member", "reader", "readers", "press"),
        *("service", "bureau", "agency", "newsroom", "online", "web", "digital", "sports"),
        # A desk's, an agency's or an outlet's words ("editorial board", "agence france-presse",
        # "eastquay gazette": acc48d D3, each cited as a person, "gazette, e.").
        *("board", "editorial", "writers", "services", "media", "presse", "agence"),
        *("international", "gazette", "herald", "ledger", "courier", "chronicle", "tribune"),
        *("journal", "times", "telegraph", "echo", "express", "observer", "examiner", "mail"),
        *("dispatch", "sentinel", "mercury", "advertiser", "bulletin", "newsletter", "post"),
    }
)
# An agency's name of several words, in lower case as a CMS may print it ("associated press",
# "agence france-presse"), and the words that are one of its names or letters, but for
# those that are given names too ("sid", "ani", "ria").
_AGENCY_NAMES = frozenset(
    {
        *("agence france-presse", "associated press", "united press international", "pa media"),
        *("press association", "kyodo news", "jiji press", "yonhap news", "press trust of india"),
        *("australian associated press", "canadian press", "deutsche presse-agentur"),
    }
)
_AGENCY_WORDS = (AGENCIES | WIRE_LETTERS) - {"sid", "ani", "ria", "apa"}


def lower_case_byline(text: str, sites: tuple[str, ...] = ()) -> str:
    """The name a byline element's `text` gives in lower case ("bell hooks" of "By bell
    hooks"), or "" for any other text: an agency's ("agence france-presse", "afp") or the
    site's own name, in any case, of the `sites` (its declared names, its title's, its
    address's host) is none."""
    text = one_line(text)
    if _BY.match(text) is None or _HANDLE.search(text):
        return ""
    name = clean_byline(text)
    words = name.split()
    if not 2 <= len(words) <= 3 or _names_an_outlet(name, sites):
        return ""
    for word in words:
        parts = re.split(r"[-'’]", word)
        if not all(len(p) >= 2 and p.isalpha() and p.islower() for p in parts):
            return ""
        if word in _NO_NAME_WORDS or names_a_job(word):
            return ""
    if all(lower_case_name_word(word) for word in words):
        return ""  # "de la": particles alone
    return name


def _names_an_outlet(name: str, sites: tuple[str, ...]) -> bool:
    """`name` is an agency's, or a site's of the `sites` ("eastquay gazette" of "The Eastquay
    Gazette", of eastquay-gazette.co.uk or of eastquaygazette.com)."""
    folded = name.casefold()
    if folded in _AGENCY_NAMES or any(w in _AGENCY_WORDS for w in folded.split()):
        return True
    words = set(folded.split()) - {"the"}
    for site in sites:
        site_words = set(re.split(r"[\W_]+", site.casefold())) - {"the", ""}
        # A host's words hold its domain's besides ("co", "uk"); a name's are the name's.
        host = "." in site and " " not in site.strip()
        if words == site_words or (host and words <= site_words):
            return True
        if host and "".join(folded.split()) in site_words:  # eastquaygazette.com
            return True
    return False
