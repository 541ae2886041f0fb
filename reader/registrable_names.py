"""A host's registrable name, the site Tor Browser keeps apart from others (its "first party"):
read from the Public Suffix List the `publicsuffixlist` package ships, offline, with the
list's private suffixes too ("github.io", "blogspot.com": each user's site a site of its own).

A guess from the host's labels alone ("two labels, three under a country's short second level")
took alice.github.io and bob.github.io for one site, one Tor circuit carrying both, and
news.abc.de and www.abc.de for two. The list is read once, when first asked (~70 ms), by the
requests that hand a site's name to a SOCKS proxy only."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList


@lru_cache(maxsize=1)
def _suffixes() -> PublicSuffixList:
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


@lru_cache(maxsize=4096)
def registrable_name(host: str) -> str:
    """`host`'s registrable name: "bbc.co.uk" for news.bbc.co.uk, "alice.github.io" for
    www.alice.github.io, "harbour.onion" for www.harbour.onion; `host` itself (lower case)
    where it has none (a public suffix itself, "localhost")."""
    host = host.lower().rstrip(".")
    return _suffixes().privatesuffix(host) or host
