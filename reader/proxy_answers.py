"""A proxy's own answer to a plain-http request, told from the site's answer it passes on.

Plain http goes through a proxy asked in absolute form ("GET http://host/path"): when the
proxy can't reach the site it answers itself, 502, 503 or 504, with its own error page, and
that came as the site's ("HTTP 502 Bad Gateway": the site said to be down, its feed marked
failing, while the proxy had not reached it). A site's own 5xx passes through the proxy too
(its server's, its CDN's): only an answer carrying the proxy's marks is the proxy's:
- a header only a proxy's own error carries: Squid's `X-Squid-Error` ("ERR_CONNECT_FAIL 111"),
  or RFC 9209's `Proxy-Status` whose last member (the intermediary nearest the reader) names
  an `error`;
- or no header a site or its CDN sends (cookies, validators, a CDN's request ids: anything
  but the framing a proxy's page has, `_PROXY_PAGE_HEADERS`), and a body that is empty or
  names the host asked, as a forward proxy's page does ("while trying to retrieve the URL
  http://news.example/feed.xml", "Unable to connect to news.example"): it serves every site,
  and says which it failed to reach. A reverse proxy's page in front of a site ("502 Bad
  Gateway" / nginx) names no host: the site's.
`Via` alone tells nothing: a proxy adds it to the answers it passes on, and a CDN to its own
502. Stdlib only: `fetch` hands the headers and the first bytes of the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

PROXY_STATUSES = frozenset({502, 503, 504})
"""What a proxy answers for a site out of its reach: bad gateway, unavailable, timed out."""

PAGE_READ = 16 * 1024
"""Bytes of an answer's body read for the host it names: a proxy's page is a few KB."""

_PROXY_PAGE_HEADERS = frozenset(
    {
        "cache-control",
        "connection",
        "content-language",
        "content-length",
        "content-type",
        "date",
        "expires",
        "keep-alive",
        "mime-version",
        "pragma",
        "server",
        "transfer-encoding",
        "vary",
        "via",
        "x-cache",
        "x-cache-lookup",
    }
)
"""The headers of a forward proxy's own error page (Squid's, tinyproxy's, Privoxy's): framing,
and the proxy naming itself. Any other (Set-Cookie, ETag, Retry-After, a CDN's request id)
says a site or its CDN answered."""

_ERROR_PARAMETER = re.compile(r";\s*error\s*=\s*\"?([\w.-]+)", re.IGNORECASE)


def proxy_mark(headers: Iterable[tuple[str, str]], body: bytes | None, host: str) -> str | None:
    """What marks a 5xx answer (its `headers`, the first `PAGE_READ` bytes of its `body`, None
    when unread: compressed) as the proxy's own, for a request of `host` (as the address writes
    it, with its port if any): a few words to say beside the status ("ERR_CONNECT_FAIL",
    "connection_refused", "" for a page alone); None when it may be the site's."""
    names = set()
    status = squid = ""
    for name, value in headers:
        name = name.lower()
        names.add(name)
        if name == "x-squid-error":
            squid = value
        elif name == "proxy-status":
            status = value
    if squid:
        return squid.split()[0] if squid.split() else ""
    if status:
        # RFC 9209: members nearest the origin first; the last is the hop nearest the reader.
        last = status.rsplit(",", 1)[-1]
        if found := _ERROR_PARAMETER.search(last):
            return found.group(1)
    if any(not (n in _PROXY_PAGE_HEADERS or n.startswith("proxy-")) for n in names):
        return None
    if body is not None and (not body.strip() or _names_host(body, host)):
        return ""
    return None


def _names_host(body: bytes, host: str) -> bool:
    """`body` names `host` (its name alone will do: a page says "news.example" of
    "news.example:8080"), in any case."""
    try:
        name = urlsplit(f"//{host}").hostname or ""  # lower case, no port, no brackets
    except ValueError:
        return False
    return bool(name) and name.encode("utf-8", "replace") in body.lower()
