"""The fetcher's cookies: each lives for one fetch's redirects, and goes back to the host that
set it, and to no other.

httpx's jar takes http.cookiejar's default policy, with no list of public suffixes: a cookie a
site sets for a parent domain (`Domain=.co.uk` from a.evil.co.uk, `.github.io`, `.0.0.1` from
127.0.0.1) went to every other site under it for the rest of the sync, so one hostile feed
could plant cookies on the others, or "cookie-bomb" them (a Cookie header too large to be
answered). A feed reader needs a cookie only within one site's redirects (a cookie check that
sends the browser back to the page): one kept for its own host does that. Kept longer (a whole
sync, a reader left open for hours), a CDN's or a click tracker's cookie came back with every
picture and click-through, tying them together behind a shared address (acc48a A1): each fetch
has a jar of its own (`ChainCookies`), the client's keeps none (`NoCookies`).
"""

from __future__ import annotations

import copy
from http.cookiejar import Cookie, CookieJar, DefaultCookiePolicy, eff_request_host
from typing import Any

import httpx


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


class NoCookies(CookieJar):
    """The client's own jar, which httpx fills from every answer: it keeps none (`ChainCookies`
    holds those of one fetch)."""

    def set_cookie(self, cookie: Cookie) -> None:
        pass


class ChainCookies:
    """The cookies of one fetch, from its first request to its last redirect: each answer's
    kept for its host (`HostOnlyCookies`), sent with the requests that follow it."""

    def __init__(self) -> None:
        self._jar = httpx.Cookies(HostOnlyCookies())

    def send_with(self, request: httpx.Request) -> None:
        self._jar.set_cookie_header(request)

    def keep_from(self, response: httpx.Response) -> None:
        self._jar.extract_cookies(response)
