"""Which country a page's "IST" and "GST" are of, when its language doesn't say.

"IST" is India's (+05:30), Ireland's (+01:00) and Israel's (+02:00); "GST" the Gulf's (+04:00)
and a sales tax. `text_dates` reads them by the page's language ("en-IN", "hi", "he", "ar");
The Hindu and Hindustan Times declare a bare `lang="en"`, which names no country, and their
"10:40 pm IST" was kept without a zone. The page may say its country otherwise: a region in a
locale it declares (og:locale "en_IN"), its address (a `.in` host, or a paper of the country
by its address or name), the offset of the times it declares (+05:30), or the place its dateline
or byline names ("IST - CHENNAI", "By …, New Delhi"). Each of these gives the language a region
(`en` → `en-IN`), and only for these countries: a wrong offset cited is worse than none, so a
page that gives none of them keeps its IST unread.

The same region settles the order of a slashed date ("02/12/2026 18:40") on a page of bare
`lang="en"` from Britain, Ireland, Australia or New Zealand by its host (".co.uk", ".ie",
".com.au", ".nz") or declared locale ("en_GB"): day first, as their English writes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from ..urls import site_of

# The regions whose IST or GST the dates read, by a country's top-level domain; and those
# whose English writes "02/12/2026" day first, which a bare "en" leaves open (`day_first`):
# Britain's (".co.uk"), Australia's, New Zealand's. Not ".com": the United States' too.
_BY_DOMAIN = {
    **{"in": "IN", "ae": "AE", "om": "OM", "ie": "IE", "il": "IL"},
    **{"uk": "GB", "gb": "GB", "au": "AU", "nz": "NZ"},
}
# Papers of India and the Gulf on a `.com` (or another country's) address, by the site
# `site_of` names, and by the name they give themselves. Only names no paper elsewhere uses:
# not "The Tribune", "The Telegraph", "The Statesman" or "The National".
_SITES = {
    **dict.fromkeys(
        [
            "thehindu.com",
            "thehindubusinessline.com",
            "hindustantimes.com",
            "livehindustan.com",
            "indianexpress.com",
            "newindianexpress.com",
            "financialexpress.com",
            "indiatimes.com",
            "ndtv.com",
            "livemint.com",
            "news18.com",
            "deccanherald.com",
            "deccanchronicle.com",
            "business-standard.com",
            "firstpost.com",
            "moneycontrol.com",
            "tribuneindia.com",
            "telegraphindia.com",
            "outlookindia.com",
            "dnaindia.com",
            "thequint.com",
            "mid-day.com",
            "onmanorama.com",
            "manoramaonline.com",
            "mathrubhumi.com",
            "jagran.com",
            "bhaskar.com",
            "amarujala.com",
            "abplive.com",
            "indiatvnews.com",
            "timesnownews.com",
            "republicworld.com",
        ],
        "IN",
    ),
    **dict.fromkeys(
        ["gulfnews.com", "khaleejtimes.com", "thenationalnews.com", "emirates247.com"], "AE"
    ),
    **dict.fromkeys(["timesofoman.com", "muscatdaily.com"], "OM"),
}
_NAMES = {
    **dict.fromkeys(
        [
            "the hindu",
            "the hindu businessline",
            "hindustan times",
            "the indian express",
            "the new indian express",
            "the times of india",
            "times of india",
            "the economic times",
            "ndtv",
            "livemint",
            "deccan herald",
            "deccan chronicle",
            "business standard",
            "moneycontrol",
        ],
        "IN",
    ),
    **dict.fromkeys(["gulf news", "khaleej times"], "AE"),
    **dict.fromkeys(["times of oman", "muscat daily", "oman observer"], "OM"),
}
# The offsets only one reading of the names has: +05:30 is India's IST (and Sri Lanka's, of
# the same offset), +04:00 the Gulf's GST (and of other zones at +04:00, read the same).
_BY_OFFSET = {"+05:30": "IN", "+04:00": "AE"}
_OFFSET = re.compile(r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*([+-]\d\d):?(\d\d)$")
# The places an Indian or Gulf dateline or byline names ("Updated - … IST - CHENNAI", "By …,
# New Delhi"): its big cities, each a name of that country alone.
_PLACES = [
    (
        re.compile(
            r"\b(?:new delhi|delhi|mumbai|chennai|kolkata|bengaluru|bangalore|hyderabad"
            r"|ahmedabad|pune|jaipur|lucknow|kochi|thiruvananthapuram|chandigarh|bhopal|patna"
            r"|guwahati|bhubaneswar|srinagar|coimbatore|madurai|noida|gurugram|gurgaon|nagpur"
            r"|indore|visakhapatnam|vijayawada|mangaluru|mysuru|ranchi|raipur|dehradun|varanasi"
            r"|kanpur|amritsar|ludhiana|kozhikode|puducherry)\b",
            re.IGNORECASE,
        ),
        "IN",
    ),
    (
        re.compile(
            r"\b(?:dubai|abu dhabi|sharjah|ajman|fujairah|ras al[- ]khaimah|umm al[- ]quwain"
            r"|al ain)\b",
            re.IGNORECASE,
        ),
        "AE",
    ),
    (re.compile(r"\b(?:muscat|salalah|sohar)\b", re.IGNORECASE), "OM"),
]
# The names whose country these decide, as a dateline writes them after its time.
_OPEN_NAMES = re.compile(r"\b(?:IST|GST)\b", re.IGNORECASE)
# A box round a dateline is read for its place when it is no longer than a byline and a date.
_BOX_WORDS = 30


def _leaves_country_open(language: str) -> bool:
    """`language` names no region and is English or none: "en", "". A page in Hindi or
    Arabic, or in English of a country, has said which IST or GST it means."""
    parts = language.replace("_", "-").casefold().split("-")
    return len(parts) == 1 and parts[0] in ("", "en")


def _with_region(language: str, region: str) -> str:
    return f"{language or 'en'}-{region}"


def _declared_region(locales: Iterable[str]) -> str:
    for locale in locales:
        parts = locale.replace("_", "-").split("-")
        region = parts[1].casefold() if len(parts) > 1 else ""
        if parts[0].casefold() in ("en", "hi", "ar") and region in _BY_DOMAIN:
            return _BY_DOMAIN[region]
    return ""


def _site_region(addresses: Iterable[str], names: Iterable[str]) -> str:
    for address in addresses:
        site = site_of(address).casefold()
        if site in _SITES:
            return _SITES[site]
        top = site.rsplit(".", 1)[-1]
        if top in _BY_DOMAIN:
            return _BY_DOMAIN[top]
    for name in names:
        region = _NAMES.get(" ".join(name.split()).casefold())
        if region:
            return region
    return ""


def _offset_region(times: Iterable[str]) -> str:
    """The region of the one offset other than UTC's the page's declared times give, when it
    is one only that region's name reads."""
    offsets = set()
    for value in times:
        match = _OFFSET.search(value.strip())
        if match and match.group(1, 2) not in (("+00", "00"), ("-00", "00")):
            offsets.add(f"{match[1]}:{match[2]}")
    return _BY_OFFSET.get(offsets.pop(), "") if len(offsets) == 1 else ""


def dates_language(
    language: str,
    locales: Iterable[str] = (),
    addresses: Iterable[str] = (),
    names: Iterable[str] = (),
    times: Iterable[str] = (),
) -> str:
    """`language` with the region of India, the Gulf, Ireland, Israel, Britain, Australia or
    New Zealand when it names none
    ("en") and the page says it otherwise: a region in one of its declared `locales`
    ("en_IN"), its `addresses` (a `.in` host, "hindustantimes.com"), its site's `names`
    ("The Hindu"), or the offset its declared `times` give ("…T20:15:00+05:30"), tried in that
    order. Else `language` as it is."""
    if not _leaves_country_open(language):
        return language
    region = _declared_region(locales) or _site_region(addresses, names) or _offset_region(times)
    return _with_region(language, region) if region else language


def placed_language(language: str, text: str, el: HtmlElement | None = None) -> str:
    """`language` with the region of the place a dateline names, when it writes its time in
    IST or GST and `language` names no region: The Hindu's "Updated - … IST - CHENNAI" (its
    `text`), or, from the short box holding the dateline `el` with its byline, Hindustan
    Times's "By …, New Delhi" beside "Updated on … IST"."""
    if not _leaves_country_open(language) or not _OPEN_NAMES.search(text):
        return language
    texts = [text]
    box = el.getparent() if el is not None else None
    if box is not None and box.tag not in ("body", "html"):
        # Its pieces apart: "New Delhi" in one `<div>`, "Updated …" in the next.
        words = " ".join(box.itertext()).split()
        if len(words) <= _BOX_WORDS:
            texts.append(" ".join(words))
    for place, region in _PLACES:
        if any(place.search(t) for t in texts):
            return _with_region(language, region)
    return language
