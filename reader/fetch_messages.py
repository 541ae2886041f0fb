"""How a failed fetch is told: each network failure in words a reader can act on ("cannot find the
host example.org (DNS lookup failed)", "rate-limited (HTTP 429): try again in 2 hours"), naming
the host that failed. Apart from `fetch`, the network policy, because these are its messages,
not its rules; `too_many_redirects` is also the error of a chain of pages sending the browser on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .errors import GATEWAY_STATUSES, NoAnswer, Offline
from .models import ErrorKind, FetchError
from .no_network import offline_said
from .safe import safe_line
from .url_display import without_password

if TYPE_CHECKING:
    # Only under the functions that tell an exception of its: `fetch` has imported httpx by
    # then, and the commands that fetch nothing (`reader feeds`, `list`) don't pay its import.
    import httpx


def _try_again(seconds: float) -> str:
    """When a rate limit's Retry-After asks to come back, in words: "try again in 2 hours"; a
    date years ahead (one said 2099: "try again in 2299918820 s") as "later"."""
    for unit, size, up_to in (
        ("second", 1, 90),
        ("minute", 60, 90 * 60),
        ("hour", 3600, 48 * 3600),
        ("day", 86400, 60 * 86400),
    ):
        if seconds < up_to:
            count = max(1, round(seconds / size))
            return f"try again in {count} {unit}{'s' if count != 1 else ''}"
    years = seconds / (365.25 * 86400)
    asked = f"{years:.0f} years" if years >= 1.5 else "months"
    return f"try again later (the site asks to wait {asked})"


# Said after a feed's HTTP 403 while reader sends its own User-Agent.
AGENT_HINT = (
    " (some sites refuse readers that are not a browser: [network] user_agent in the config"
    " sends another)"
)


def too_many_redirects(url: str, limit: int) -> FetchError:
    """The error of a chain of redirects from `url` longer than `limit`."""
    return FetchError(ErrorKind.HTTP, f"more than {limit} redirects from {_host(url)}", url)


# Cells of an address said in a failure's words: a signed CDN address fits whole.
_ADDRESS_CELLS = 200


def invalid_url(url: str, error: Exception) -> str:
    """Why `url` can't be sent (httpx's `error`: "URL too long", an IDNA error), and the address
    cut in its middle (`cells.middle_cut`): a 1 MB link was cut after 200 characters of "aaa…"
    without a word of what was wrong with it (acc37b I2)."""
    address = _address(url)
    why = safe_line(error, 100)
    if why == "URL too long":
        why = f"{len(url):,} characters long"
    return f"not a valid web address{f' ({why})' if why else ''}: {address}"


def _address(url: str) -> str:
    """`url` as a failure says it: made safe, cut in its middle past `_ADDRESS_CELLS`."""
    from .cells import middle_cut

    return middle_cut(safe_line(url), _ADDRESS_CELLS)


_SAID_CHARACTERS = 60
"""Characters shown of what a server that does not speak HTTP said: its banner's, its body's
first line."""


def not_http(url: str, failed: str, said: bytes) -> FetchError:
    """The server at `failed` (asking for `url`) answered with `said`, which is no HTTP: an
    SSH port's banner, an HTTP/0.9 body with no status line. Said as "broke off the
    connection" (acc47c C7), a fault that passes, and retried; it is the address's. To an
    https address, no TLS: said so, where it was "try http://…" whatever the port spoke."""
    spoken = "TLS" if urlsplit(failed).scheme == "https" else "HTTP"
    message = (
        f"the server at {_host(failed)} did not answer in {spoken} ({_said(said)}), so the"
        " address is likely wrong"
    )
    return FetchError(ErrorKind.BAD_URL, message, url, connected=True)


def proxy_not_http(url: str, proxy: str, source: str, said: bytes) -> FetchError:
    """The proxy `proxy` (named by `source`) answered a request of its own with `said`, no
    HTTP: its address is another server's (an SSH port). The proxy's failure, marking no feed
    failing, not "HOST broke off the connection" of every site asked through it."""
    message = (
        f"{_named(proxy, source)} did not answer in HTTP ({_said(said)}), so its address is"
        " likely wrong"
    )
    return FetchError(ErrorKind.PROXY, message, url)


def _said(said: bytes) -> str:
    """What a server said in no HTTP, as a failure shows it: its first line, made safe."""
    first = safe_line(said.decode("utf-8", "replace").replace("\ufffd", ""), _SAID_CHARACTERS)
    return f'it said "{first}"' if first else f"it sent {len(said)} bytes that are not text"


def handshake_timed_out(failed: str, seconds: float, proxy: str = "", source: str = "") -> str:
    """A secure connection to `failed` made, and its TLS handshake not finished in `seconds`:
    not "timed out" at large (acc47c C7), the server is there and silent in TLS (a plain http
    server waiting for a request, or a link's https to a port that speaks something else).
    Through `proxy` (named by `source`), in the tunnel it made: the proxy did its part, the
    site's end of the tunnel is silent in TLS (it was "timed out through the proxy")."""
    host = _host(failed)
    if proxy:
        return (
            f"{_named(proxy, source)} made its tunnel to {host}, but {host} did not complete"
            f" the secure (TLS) handshake in it within {seconds:g} s"
        )
    return (
        f"{host} accepted the connection but did not complete the secure (TLS) handshake"
        f" within {seconds:g} s"
    )


SILENT_AFTER = ", silent after "
"""What `fetch_body.silent_after` starts with: one body's count, left out of a line over several
(`of_every_one`)."""


def of_every_one(message: str) -> str:
    """A timing out's `message` as said of several requests at once: without the one body's
    count (`fetch_body.silent_after`), which was another's than each of theirs."""
    return message.partition(SILENT_AFTER)[0]


def _host(url: str) -> str:
    """The host (and port) `url` asks, as its failures name it: without the name and password
    the address may carry ("cannot connect to me:s3cret@host" went into every sync's line and
    the feed's last error: acc50a A2)."""
    return safe_line(urlsplit(url).netloc.rpartition("@")[2], 100) or "the server"


def _same_host(a: str, b: str) -> bool:
    """`a` and `b` name one host as a request is sent to it: its international name in
    punycode, as httpx asks the DNS for it ("bücher.example" is "xn--bcher-kva.example"), in
    lower case, without a user name or the scheme's own port. Compared as written, every link
    to an international name that didn't resolve was "its redirect names a host that doesn't
    exist", its own failure, not the network's (acc37b I7)."""
    import httpx

    try:
        return httpx.URL(a).netloc == httpx.URL(b).netloc
    except (httpx.InvalidURL, UnicodeError, ValueError):
        return _host(a) == _host(b)


def _too_large(limit: int) -> str:
    return f"larger than {limit / (1024 * 1024):g} MB, not downloaded"


def _failed_url(exc: httpx.HTTPError, url: str) -> str:
    """The address whose request failed: after a redirect, the host that failed is the
    target's ("cannot connect to 127.0.0.1:22"), not the address asked for."""
    try:
        return str(exc.request.url)
    except RuntimeError:  # an error raised before any request was made
        return url


_HEADERS_TOO_LONG = "Receive buffer too long"
"""h11's words for an answer whose status line and headers passed httpcore's 100 KB."""


def page_own_failure(url: str, failed: str, exc: httpx.HTTPError) -> FetchError | None:
    """The failure (at `failed`, asking for `url`) as the page's own when it is one, though
    the network's words would say nothing answered: a redirect naming a host that doesn't
    exist (a dead link: its site answered), a server sending megabytes of headers (it answered,
    and will again). Told as the network's, one page's each was "the network or HOST went
    away", retried at every sync (acc34b D6); None when it may be the network's."""
    import httpx

    if isinstance(exc, httpx.RemoteProtocolError) and _HEADERS_TOO_LONG in str(exc):
        return FetchError(
            ErrorKind.TOO_LARGE, f"{_host(failed)} sent headers too large (over 100 KB)", url
        )
    if _answered_in_plain_http(exc):
        # Whatever it answered in (plain http, an SSH banner), it was no TLS.
        plain = _address(urlsplit(failed)._replace(scheme="http").geturl())
        return FetchError(
            ErrorKind.BAD_URL,
            f"{_host(failed)} does not speak https (its answer is not TLS): try {plain}",
            url,
            connected=True,
        )
    _, how = _network_message(failed, exc)
    if how == NoAnswer.NO_HOST and not _same_host(failed, url):
        return FetchError(
            ErrorKind.BAD_URL,
            f"its redirect names a host that doesn't exist ({_host(failed)})",
            url,
        )
    return None


def refresh_to_nowhere(url: str, error: FetchError) -> FetchError | None:
    """The failure of a page's refresh (the page of `url` sending on to `error.url`) as the
    page's own when the name it sends on to is nowhere, or another host refusing connections,
    as a redirect to nowhere is (`page_own_failure`): its site answered. Told as the network's, eight pages of one feed
    sending on to a made-up name were the network going, asked again without end (acc52a)."""
    failed = error.url or url
    if error.no_answer == NoAnswer.NO_HOST:
        words = "names a host that doesn't exist"
    elif error.no_answer == NoAnswer.REFUSED and not _same_host(failed, url):
        words = "sends on to a host refusing connections"  # the page's own host answered
    else:
        return None
    return FetchError(ErrorKind.BAD_URL, f"its page's refresh {words} ({_host(failed)})", url)


# OpenSSL's words for a TLS handshake answered by a server speaking plain http: 1.1 and 3.0's,
# then 3.2's on.
_PLAIN_HTTP_ANSWER = ("WRONG_VERSION_NUMBER", "record layer failure")


def certificate_refused(url: str, failed: str, exc: httpx.HTTPError) -> FetchError | None:
    """A secure connection (at `failed`, asking for `url`) refused for its certificate, in
    words: its host answered, with a certificate this computer does not take. Told as the
    network's, a sync on one such host said "Nothing answered at …" (acc43b B7)."""
    import httpx

    detail = str(exc)
    if not isinstance(exc, httpx.ConnectError) or "CERTIFICATE_VERIFY_FAILED" not in detail:
        return None
    message = f"secure connection to {_host(failed)} failed: {_tls_words(detail)}"
    return FetchError(ErrorKind.CERTIFICATE, message, url)


SOCKS_BROKE_OFF = "closed the connection without answering the request"
"""How a SOCKS proxy's close after the request is said (`fetch._Routed`): socksio's
ProtocolError, not httpx's, was a traceback (acc50f A6)."""


def proxy_failure(
    url: str, failed: str, exc: httpx.HTTPError, proxy: str, source: str
) -> FetchError | None:
    """A request (at `failed`, asking for `url`) that went to `proxy` (named by `source`:
    "[network] proxy", "HTTPS_PROXY") and failed at the proxy: not there, or refusing it. Said
    as the proxy's, named (acc43b B6), not as the site's "cannot connect to HOST" nor summed up
    as "Nothing answered at HOST"; None for a failure past it (the site's TLS, its answer)."""
    import httpx

    named = _named(proxy, source)
    detail = str(exc)
    if isinstance(exc, httpx.ProxyError):
        # Its answer to CONNECT: a 5xx is the site out of its reach, as a direct connection
        # failing would be; anything else (403, 407) is the proxy's refusal.
        said = safe_line(detail, 80)
        if detail[:1] == "5":
            message = f"{named} could not reach {_host(failed)} ({said})"
            status = int(detail[:3]) if detail[:3].isdigit() else None
            # A gateway's 502 or 504 passes (a satellite link's relay, acc45 B6): tried again.
            return FetchError(
                ErrorKind.NETWORK,
                message,
                url,
                no_answer=NoAnswer.REFUSED,
                status=status,
                retryable=status in GATEWAY_STATUSES,
            )
        if detail.startswith(SOCKS_BROKE_OFF):
            # Tor restarting, a proxy overloaded: its bad moment, not the site's, tried again.
            # socksio's ("Malformed reply"), with the setting a proxy closing so may ask for.
            why = safe_line(detail, 200)[len(SOCKS_BROKE_OFF) :].strip()
            message = f"{named} {SOCKS_BROKE_OFF} for {_host(failed)} ({why})"
            return FetchError(ErrorKind.PROXY, message.replace(" ()", ""), url, retryable=True)
        return proxy_refused(url, failed, named, said)
    if not isinstance(exc, httpx.ConnectError) or "SSL" in detail or "certificate" in detail:
        return None
    if "Name or service not known" in detail or "nodename nor servname" in detail:
        return FetchError(ErrorKind.PROXY, f"cannot find the host of {named}", url)
    return FetchError(ErrorKind.PROXY, f"cannot connect to {named}", url)


def proxy_refused(url: str, failed: str, named: str, said: str) -> FetchError:
    """The proxy `named` ("the proxy http://host:3128 (HTTPS_PROXY)") refused the request
    for `failed` (asking for `url`), saying `said` ("407 Proxy Authentication Required"): the
    proxy's failure, no feed's."""
    return FetchError(
        ErrorKind.PROXY, f"{named} refused the request for {_host(failed)} ({said})", url
    )


def proxy_auth_required(url: str, proxy: str | None, source: str, said: str) -> FetchError:
    """A plain-http request of `url` answered 407 (`said`: its reason): always a proxy's,
    never the site's (acc46b A5: "HTTP 407 …" marked the feed failing) — the one set
    (`proxy`, named by `source`), or one on the network that no setting names."""
    named = _named(proxy, source) if proxy is not None else "a proxy on the network"
    return proxy_refused(url, url, named, f"407 {said}".strip())


def gateway_answered(url: str, said: str) -> str:
    """A 502 or 504 answered for `url` (`said`: "HTTP 502 Bad Gateway") in words that name
    whose it is: the gateway in front of the site (its CDN, its reverse proxy, a satellite
    link's relay), which could not reach the site's server; not the page's own answer."""
    return f"the gateway in front of {_host(url)} answered {said}"


def proxy_answered(url: str, proxy: str, source: str, status: int, said: str) -> FetchError:
    """A plain-http request of `url` answered by `proxy` itself (`proxy_answers`): it could
    not reach the site (`status`, and what it `said`: its reason, its error's code). The
    proxy's failure, named, not the site's "HTTP 502 Bad Gateway" (a feed marked failing by
    a proxy's bad hour); tried again as a 5xx is."""
    message = f"{_named(proxy, source)} could not reach {_host(url)} ({status} {said})"
    return FetchError(
        ErrorKind.PROXY, message.replace(" )", ")"), url, retryable=True, status=status
    )


def _named(proxy: str, source: str) -> str:
    """A proxy as its failures name it: its address (no password) and where it is set."""
    return f"the proxy {safe_line(shown_proxy(proxy), 100)} ({source})"


def shown_proxy(proxy: str) -> str:
    """A proxy's address without the password it may carry ("http://user:pass@host:3128")."""
    return without_password(proxy)


def _answered_in_plain_http(exc: httpx.HTTPError) -> bool:
    """A secure connection's handshake answered in plain http: the server is there and
    answering (an old bookmark's https to a site serving http only), so it is that link's
    failure, not the network's. Said as "the network or HOST went away during the sync" at
    every sync while 40 other articles of the host came (acc35b F15)."""
    import httpx

    detail = str(exc)
    return isinstance(exc, httpx.ConnectError) and any(w in detail for w in _PLAIN_HTTP_ANSWER)


# OpenSSL's reasons for refusing a certificate, and what they mean to whoever reads them.
_UNTRUSTED = (
    "unable to get local issuer certificate",
    "self-signed certificate",
    "self signed certificate",
    "unable to get issuer certificate",
)
_TLS_REASONS = (
    ("certificate has expired", "its certificate has expired"),
    (
        "certificate is not yet valid",
        "its certificate is not valid yet (or this computer's clock is behind)",
    ),
    ("Hostname mismatch", "its certificate is for another name"),
    ("IP address mismatch", "its certificate is for another address"),
    ("certificate revoked", "its certificate was revoked"),
)


def _tls_words(detail: str) -> str:
    """An OpenSSL failure (`[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed:
    unable to get local issuer certificate (_ssl.c:1006)`) in words, its reason whole: cut at
    80 characters it ended "unable to get local…", before what was wrong (acc43b B7)."""
    reason = detail.partition("certificate verify failed:")[2].partition(" (_ssl.c")[0].strip()
    if any(words in reason for words in _UNTRUSTED):
        return (
            f"its certificate is signed by an authority this computer doesn't trust ({reason}):"
            " a company's own authority goes in [network] ca_file"
        )
    for words, meaning in _TLS_REASONS:
        if words in reason:
            return f"{meaning} ({safe_line(reason, 120)})"
    return f"TLS: {safe_line(detail.partition(' (_ssl.c')[0], 160)}"


def no_such_host(url: str) -> str:
    """The name of `url`'s host not found: the name server answered, no such name."""
    return f"cannot find the host {_host(url)} (DNS lookup failed)"


def unlooked_up(url: str) -> str:
    """The name of `url`'s host not looked up, no name server answering (`Offline.NO_RESOLVER`,
    or a connection's timeout spent in its lookup: `no_network.looked_up`): not "cannot
    connect", nor "timed out", nor a name that does not exist (acc51b B7)."""
    return f"the name {_host(url)} could not be looked up: no name server answered"


def _network_message(url: str, exc: httpx.HTTPError) -> tuple[str, NoAnswer | None]:
    """A network failure in words, and how nothing answered (None: the words say more, as a
    certificate refused does)."""
    import httpx

    if isinstance(exc, httpx.ConnectError):
        detail = str(exc)
        if "SSL" in detail or "certificate" in detail.lower():
            return f"secure connection to {_host(url)} failed: {_tls_words(detail)}", None
        said = offline_said(exc)
        if said == Offline.NO_RESOLVER:  # not "no such name": no name server answered
            return unlooked_up(url), NoAnswer.NO_HOST
        if said == Offline.NO_ROUTE:
            return f"cannot connect to {_host(url)}: no route from this computer", NoAnswer.REFUSED
        if (
            "Name or service not known" in detail
            or "nodename nor servname" in detail
            or "getaddrinfo" in detail
        ):
            return no_such_host(url), NoAnswer.NO_HOST
        return f"cannot connect to {_host(url)}", NoAnswer.REFUSED
    if isinstance(exc, httpx.DecodingError):
        return f"{_host(url)} sent a body that does not decompress", None
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)):
        return f"{_host(url)} broke off the connection", NoAnswer.BROKEN_OFF
    return f"network error from {_host(url)}: {safe_line(type(exc).__name__)}", None
