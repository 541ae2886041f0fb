"""Whether the name a page gives its site goes with a claim to be another site's page.

A page read at one host may declare itself another site's copy (its canonical link or og:url
on bbc.co.uk) and name itself that site ("BBC News", its og:site_name and JSON-LD publisher).
The citation already refuses the address the claim makes (`citation.cited_url` gives the one
read); the name that goes with it is the same claim, and a journalist pasting "Source: BBC
News" beside a typosquatted address is misled by the line read first (acc37b I3). A
syndicated page that names its own host is honest and stays: Yahoo News's copy of a Reuters
story declares Reuters's address and names itself "Yahoo News". Only a name that fits the
claimed site and not the host read is in doubt; one that fits neither is the site's own as
far as anyone can tell ("Süddeutsche Zeitung" at sueddeutsche.de spells its host otherwise).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit

from .urls import is_web_url, site_of

# Words left out of a name's initials: "The New York Times" is "nyt" (nytimes.com).
_NOT_INITIALLED = frozenset({"the", "a", "an", "of", "and", "&", "le", "la", "les", "der", "die"})


def _spelled(text: str) -> str:
    """`text` as a host would spell it: "Aktuálně.cz" → "aktualnecz"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_text.casefold())


def _by_number(url: str) -> bool:
    try:
        ipaddress.ip_address(urlsplit(url).hostname or "")
    except ValueError:
        return False
    return True


def _site(url: str) -> str:
    """The site `url` belongs to (`site_of`); an address given by number is its own site
    ("127.0.0.1" is no kin of "10.0.0.1", though both end "0.1")."""
    return (urlsplit(url).hostname or "") if _by_number(url) else site_of(url)


def names_site(name: str, url: str) -> bool:
    """`name` is one the site of `url` is known by as its host spells it: its host's name
    within the name ("BBC News" for bbc.co.uk, "Yahoo News" for news.yahoo.com), the name
    within it, or the name's initials opening it ("The New York Times" for nytimes.com). No
    name fits an address given by number."""
    label = "" if _by_number(url) else _spelled(site_of(url).split(".")[0])
    spelled = _spelled(name)
    if len(label) < 2 or not spelled:
        return False
    if (len(label) >= 3 and label in spelled) or (len(spelled) >= 3 and spelled in label):
        return True
    words = [w for w in name.split() if w.casefold() not in _NOT_INITIALLED]
    initials = "".join(_spelled(w)[:1] for w in words)
    return len(initials) >= 2 and label.startswith(initials)


def claimed_elsewhere(name: str, url: str, canonical: str) -> bool:
    """The site `name` of the page read at `url` goes with its claim to be the page at
    `canonical`, another site's: the name fits that site and not the one read."""
    if not (name and url and is_web_url(canonical)) or _site(canonical) == _site(url):
        return False
    return names_site(name, canonical) and not names_site(name, url)
