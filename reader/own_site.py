"""Which feed speaks for a page: the one on the page's own site.

Two feeds listing one page are one row in "All feeds" (`reports.across_feeds`), under one
feed's headline, and a page naming no site was cited by the name of the feed that fetched it.
A hostile feed titled "Reuters" listing an outlet's page under "Minister arrested for fraud"
had its headline shown, "(also in Harbour Times)" after it, and its name cited as the page's
source (acc52a A2). A feed on the page's own site is the outlet's word on its page; another's
is a claim about it. So the row of a page several feeds list is its own site's feed's when
one lists it, and a citation names the page's site by the page (else its host), never by a
feed on another site.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .claimed_names import site_key


def same_site(feed_url: str, link: str) -> bool:
    """The feed at `feed_url` is on the site of the page at `link` (`claimed_names.site_key`:
    a paper's sections on their subdomains are its site; an address given by number its own)."""
    site = site_key(link)
    return bool(site) and _feed_site(feed_url) == site


def own_site_feed(link: str, feeds: Iterable[str]) -> str:
    """The first of `feeds` (addresses) on the site of the page at `link`; "" for none."""
    feeds = [url for url in feeds if url]
    if not feeds:
        return ""
    site = site_key(link)
    return next((url for url in feeds if site and _feed_site(url) == site), "")


@lru_cache(maxsize=4096)
def _feed_site(feed_url: str) -> str:
    # A library's few hundred feeds, asked of for each article several list (a year's: 1,000s).
    return site_key(feed_url)
