"""The fetcher's cookies: each goes back to the host that set it, and to no other.

httpx's jar takes http.cookiejar's default policy, with no list of public suffixes: a cookie a
site sets for a parent domain (`Domain=.co.uk` from a.evil.co.uk, `.github.io`, `.0.0.1` from
127.0.0.1) went to every other site under it for the rest of the sync, so one hostile feed
could plant cookies on the others, or "cookie-bomb" them (a Cookie header too large to be
answered). A feed reader needs a cookie only within one site's redirects (a cookie check that
sends the browser back to the page): one kept for its own host does that.
"""

from __future__ import annotations

import copy
from http.cookiejar import Cookie, CookieJar, DefaultCookiePolicy, eff_request_host
from typing import Any


class HostOnlyCookies(CookieJar):
    """A cookie jar whose every cookie is its setter's host's alone: a Domain attribute is
    read as that host (as if it had none), and a cookie with none goes to no sub-domain."""

    def __init__(self) -> None:
        # Strict for cookies with no Domain: example.org's not sent to www.example.org either.
        super().__init__(
            DefaultCookiePolicy(strict_ns_domain=DefaultCookiePolicy.DomainStrictNonDomain)
        )

    def make_cookies(self, response: Any, request: Any) -> list[Cookie]:
        _, host = eff_request_host(request)
        return [_for_host(cookie, host) for cookie in super().make_cookies(response, request)]


def _for_host(cookie: Cookie, host: str) -> Cookie:
    if not cookie.domain_specified and cookie.domain == host:
        return cookie
    kept = copy.copy(cookie)
    kept.domain, kept.domain_specified, kept.domain_initial_dot = host, False, False
    return kept
