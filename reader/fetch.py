"""The network policy: one shared httpx client with timeouts, caps and a size limit.

Every byte the reader downloads comes through `Fetcher.get`. It follows redirects itself so that
each hop is checked (http/https only, a hop limit, no more private an address than those it came
through: `address_class`), holds a global and a per-host concurrency cap, bounds a whole request
by a total deadline (a server trickling a byte a second can't hold us), stops reading past a
size cap, and turns every failure into a `FetchError` value (told in words by `fetch_messages`).
"""

from __future__ import annotations

import asyncio
import ssl
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from .address_class import Reach, connect_guard, host_reach, literal_address, peer_of, refusal
from .before_exit import finished_before_exit
from .charset_labels import charset_from_content_type
from .config import DEFAULT_LIMITS, FetchLimits, site_rule_for
from .connection_watch import WATCHED, not_http_said, proxy_not_http_said, watching
from .cookies import ChainCookies, NoCookies
from .dates import parse_datetime
from .download_cap import UNDER_CAP
from .errors import GATEWAY_STATUSES, NoAnswer, Offline
from .fetch_body import Allowance, CutAtCap, deadline_passed, read_body, silent_after
from .fetch_messages import (
    SOCKS_BROKE_OFF,
    _failed_url,
    _host,
    _network_message,
    _try_again,
    certificate_refused,
    gateway_answered,
    handshake_timed_out,
    invalid_url,
    no_such_host,
    not_http,
    page_own_failure,
    proxy_answered,
    proxy_auth_required,
    proxy_failure,
    proxy_not_http,
    shown_proxy,
    too_many_redirects,
    unlooked_up,
)
from .hop_rule import HOP_RULE
from .models import ErrorKind, FetchError, Response, SiteRule
from .no_network import Lookup, looked_up, offline_said
from .priority_gate import PICTURES, USER_WAITS, PriorityGate, rank, user_waits
from .proxies import Route, onion_unrouted, route, unusable
from .proxy_answers import PAGE_READ, PROXY_STATUSES, proxy_mark
from .retries import Retries
from .safe import safe_line, without_terminal_escapes
from .unanswered import HEAD_CAME
from .url_display import shown_url
from .urls import (
    absolute_url,
    address_controls,
    hop_credentials,
    is_web_url,
    not_web_url,
    untracked_hop,
    web_url_problem,
)

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_TRANSIENT = frozenset({502, 503, 504})
PAGE_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
"""A page's `Accept`: a browser's own (Firefox's since 132, Tor Browser's since 15, Safari's),
one of the commonest a site sees, not the reader's of its own ("…;q=0.5"), one more sign in a
watched site's log of what reads it (acc50f A9). A server choosing by it sends the HTML a
browser gets."""
RESERVED = 2
"""Connections over `max_connections` kept for the requests of an article the user waits for
(`priority_gate.USER_WAITS`): a refresh's requests to slow hosts holding every slot held the
article opened meanwhile until one came back."""


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or ''}"


async def _check_redirect(response: httpx.Response) -> None:
    """A redirect to an address no request can be made to ("http://host:99999/", "http://xn--/")
    is that fetch's failure, in words. Checked as the answer comes, before httpx reads its
    `Location` itself (it does, even not following it): it raised IDNAError or ValueError
    there, which ended a whole sync."""
    if response.status_code not in _REDIRECTS or "location" not in response.headers:
        return
    url = str(response.request.url)
    try:
        target = urljoin(url, response.headers["location"])
        problem = web_url_problem(target)
        if not problem:
            httpx.URL(target)
    except (httpx.InvalidURL, ValueError):  # IDNAError is a ValueError
        problem = "it is no valid address"
        target = response.headers["location"]
    if problem:
        message = f"the server sent an invalid redirect: {problem}: {safe_line(target, 120)}"
        # Something answered, with a redirect: not "nothing answered at URL", with advice to
        # check its spelling (acc50a A10).
        raise FetchError(ErrorKind.BAD_URL, message, url, redirected=True)


def _tls_context(ca_file: str) -> ssl.SSLContext:
    """The system's trust, as OpenSSL, curl and Python read it (its store, or what
    `SSL_CERT_FILE` / `SSL_CERT_DIR` name instead), plus the authorities in `ca_file`. Where
    the system has no store OpenSSL reads (python.org's builds on a Mac, a bare container),
    certifi's copy of Mozilla's. Only certifi's was read: a company's authority installed the
    system's way (`update-ca-certificates`) and `SSL_CERT_FILE` were ignored (acc43b B7)."""
    context = ssl.create_default_context()
    if not context.cert_store_stats()["x509_ca"]:
        import certifi

        context.load_verify_locations(cafile=certifi.where())
    if not ca_file:
        return context
    try:
        context.load_verify_locations(cafile=ca_file)
    except (OSError, ssl.SSLError) as error:
        raise FetchError(
            ErrorKind.NETWORK, f"cannot use network.ca_file {ca_file}: {error}", ca_file
        ) from None
    return context


class _Routed(httpx.AsyncBaseTransport):
    """The transports of a client whose requests go through a proxy (`proxies.Route`): each
    request handed to its proxy's, or to the direct one (a host `NO_PROXY` names)."""

    def __init__(self, routes: Route, make: Callable[[str | None], httpx.AsyncHTTPTransport]):
        self._route = routes.proxy_of_site
        self._make = make
        # By the proxy's address a request is handed to: a SOCKS proxy's under each site's
        # user name (`Route.proxy_of_site`) made as the site is first asked.
        self._transports = {proxy: make(proxy) for proxy in (None, *routes.proxies)}
        self._transports_made = frozenset(self._transports)
        self._socks_errors = _socks_errors(routes)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        proxy = self._route(str(request.url))
        if (transport := self._transports.get(proxy)) is None:
            transport = self._transports[proxy] = self._make(proxy)
        try:
            return await transport.handle_async_request(request)
        except self._socks_errors as exc:
            # A SOCKS proxy's reply cut short or garbled: httpcore lets socksio's own error
            # through, httpx's failures' words don't know it. One handed a user name may be
            # one that takes none and closes so, `ssh -D`'s, which no reply tells apart.
            said = f"{SOCKS_BROKE_OFF} {exc}"
            if proxy not in self._transports_made:  # handed the site's name (none of the user's)
                said += f"; {_NAMES_CLOSED}"
            raise httpx.ProxyError(said, request=request) from None
        except httpx.ProxyError as exc:
            if not str(exc).startswith(_NAME_REFUSED):
                raise
            # A SOCKS proxy taking no user name (`ssh -D`'s): httpcore's words name none of
            # the setting that sent one.
            raise httpx.ProxyError(_ISOLATION_REFUSED, request=request) from None

    async def aclose(self) -> None:
        for transport in self._transports.values():
            await transport.aclose()


_NAME_REFUSED = "Requested USERNAME/PASSWORD from proxy server"
"""httpcore's words for a SOCKS proxy refusing the user name a request was handed with."""
_ISOLATION_REFUSED = "it takes no user name: set [network] isolate_sites = false"
"""A SOCKS proxy refusing the site's user name (`proxies.Route.proxy_of_site`), in the words
of its refusal: a proxy not Tor's, which keeps no sites apart anyway."""
_NAMES_CLOSED = "one taking no user name closes so: set [network] isolate_sites = false"
"""Said of a SOCKS proxy closing on a request handed the site's user name: `ssh -D` does so,
offered no method it takes, where Tor restarting closes on any."""


def _socks_errors(routes: Route) -> tuple[type[Exception], ...]:
    """The errors of the package httpx speaks SOCKS with, where a proxy of `routes` is a SOCKS
    one (its absence said before: `unusable`)."""
    if not any(urlsplit(proxy).scheme.startswith("socks") for proxy in routes.proxies):
        return ()
    from socksio.exceptions import SOCKSError

    return (SOCKSError,)


def _client(limits: FetchLimits, routes: Route) -> httpx.AsyncClient:
    """The one httpx client of a `Fetcher`."""
    pool = httpx.Limits(
        max_connections=limits.max_connections + RESERVED,
        max_keepalive_connections=limits.max_connections,
    )
    verify = _tls_context(limits.ca_file)
    for scheme, proxy in routes.by_scheme.items():
        if missing := unusable(proxy, routes.source(f"{scheme}://")):
            raise FetchError(ErrorKind.NETWORK, missing, proxy)

    def transport(proxy: str | None) -> httpx.AsyncHTTPTransport:
        # A site's certificate is checked with `verify` through a proxy too: HTTPS goes
        # through CONNECT, TLS end to end with the site.
        return httpx.AsyncHTTPTransport(
            verify=verify,
            http2=True,  # used where a server offers it over TLS (ALPN); plain http stays 1.1
            limits=pool,
            trust_env=False,
            proxy=None if proxy is None else httpx.Proxy(proxy),
        )

    return httpx.AsyncClient(
        headers={"User-Agent": limits.agent, "Accept-Encoding": "gzip, deflate, br"},
        timeout=httpx.Timeout(
            limits.read_timeout, connect=limits.connect_timeout, pool=limits.total_timeout
        ),
        follow_redirects=False,
        transport=_Routed(routes, transport) if routes.proxies else transport(None),
        # No proxy but `[network] proxy`'s (`proxies`): one the environment names unasked
        # would hide the address a connection reaches, loopback or private reading.
        trust_env=False,
        event_hooks={"response": [_check_redirect]},
        cookies=NoCookies(),  # each fetch's own, for its redirects alone (`cookies`)
    )


class Fetcher:
    """Downloads pages and feeds under one policy. Create one per event loop; close it with `aclose`."""

    def __init__(
        self, limits: FetchLimits = DEFAULT_LIMITS, sites: dict[str, SiteRule] | None = None
    ) -> None:
        self.limits = limits
        # The bytes of every answer's body received on the wire, as they came (compressed),
        # cut ones too, by what they were for: a metered link's figure (`SyncReport.downloaded`).
        self.received = {"pages": 0, "pictures": 0}
        # The requests whose bodies are coming: what they have received so far counts towards
        # a sync's download cap before they end (`receiving`).
        self._live: dict[int, Allowance] = {}
        # The sites given a User-Agent of their own (`[sites."host"] user_agent`), by host.
        self._agents = {host: rule for host, rule in (sites or {}).items() if rule.user_agent}
        self.routes = route(limits.proxy, isolate=limits.isolate_sites)
        # Whether a failure to connect directly has said that the environment names a proxy
        # the reader leaves unused (`Route.unused_hint`): said once, not at every feed.
        self._hinted = False
        # Its TLS context (the authorities read by OpenSSL, the GIL let go) is finished
        # before the process ends, whatever thread makes it: see `before_exit`.
        with finished_before_exit():
            self._client = _client(limits, self.routes)
        # Let in by priority (`priority_gate.rank`): the requests of an article the user waits
        # for before those a refresh queued (300 feeds on one host queued the article behind
        # them all, acc37a H2); and past the global cap, into its `RESERVED` connections.
        self._global = PriorityGate(limits.max_connections)
        self._reserved = asyncio.Semaphore(RESERVED)
        self._per_host: defaultdict[str, PriorityGate] = defaultdict(
            lambda: PriorityGate(limits.per_host)
        )
        self._host_resume: dict[
            str, float
        ] = {}  # event-loop time before which a host is left alone
        # The most private class of address each host name reached, and that address.
        self._reached: dict[str, tuple[Reach, str]] = {}
        self.retries = Retries(limits, self._pause_host)

    def agent_of(self, url: str) -> str:
        """The User-Agent sent to `url`'s host: its site's own, else `[network] user_agent`'s."""
        rule = site_rule_for(self._agents, url)
        return rule.user_agent if rule is not None else self.limits.agent

    def _headers(self, url: str, headers: dict[str, str]) -> dict[str, str]:
        """A hop's headers: a site with an agent of its own is sent it (each hop: a redirect
        may lead to another host)."""
        rule = site_rule_for(self._agents, url)
        return headers if rule is None else {**headers, "User-Agent": rule.user_agent}

    async def aclose(self) -> None:
        await self.retries.aclose()
        await self._client.aclose()

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = PAGE_ACCEPT,
        max_bytes: int | None = None,
        decode: bool = True,
        ceiling: Reach | None = None,
        lead: str = "a link",
    ) -> Response:
        """GET `url`; raises `FetchError` for anything but a 2xx or a 304.

        `ceiling` is the most private class of address the request may reach, that of the
        answer which led to it (`Response.reach`), and `lead` names how ("a feed's link"):
        None for a request of the user's own, which may go anywhere, as long as its redirects
        go no more private than the addresses they came from.

        With `decode=False` the body is returned as it came over the wire (gzip, br…, named in
        `Response.encoding`) for a worker to decompress (`content_coding.decode_body`), so the
        event loop doesn't spend its time inflating pages; `max_bytes` then caps the wire bytes.
        Without `max_bytes`, a page's cap is `FetchLimits.max_bytes`, and a PDF's
        `pdf_max_bytes` (`fetch_body`).
        """
        if not is_web_url(url):
            message = f"not an http(s) link: {safe_line(url, 200)}"
            # A feed subscribed before `add` refused such addresses, an item's link.
            if address_controls(url) or web_url_problem(url):
                message = not_web_url(url)
            raise FetchError(ErrorKind.BAD_URL, message, url)
        headers = {"Accept": accept}
        # One kept before they were checked (`_validator`) is not sent back either.
        if etag := _validator(etag):
            headers["If-None-Match"] = etag
        if last_modified := _validator(last_modified):
            headers["If-Modified-Since"] = last_modified
        limit = max_bytes or self.limits.max_bytes
        pdf_limit = 0 if max_bytes else self.limits.page_bytes(pdf=True)
        hops: list[str] = []  # the redirects it answered with: a failure past one is said so
        try:
            return await self.retries.run(
                url,
                _host_key(url),
                lambda: self._attempt(url, headers, limit, pdf_limit, decode, ceiling, lead, hops),
            )
        except FetchError as error:
            if hops and not error.redirected:
                raise replace(error, redirected=True) from None
            raise

    def failed_try(self, url: str) -> FetchError | None:
        """How the last try of `url` failed, while a request of it is tried again (else None)."""
        return self.retries.failed_try(url)

    def down_alone(self) -> frozenset[str]:
        """The hosts (`outages.host_of`) that refused with the network there: something
        answered after (`outages.AnswerOrder`)."""
        return self.retries.order.alone()

    def tries_ended(self) -> int:
        """The requests' tries ended so far: a mark to ask `answered_since` of."""
        return self.retries.order.tries

    def answered_since(self, mark: int) -> bool:
        """Whether a try ended after `mark` (`tries_ended` then) was answered: the network
        was there since (a sync's "no network" from one that went, `outages.Outage.never`)."""
        return self.retries.order.answered_since(mark)

    def wait_left(self, url: str) -> float:
        """Seconds till `url`'s host, having asked to wait (a 429), may be asked again."""
        return self.retries.wait_left(_host_key(url))

    def timeouts_in_a_row(self, url: str) -> int:
        """The requests to `url`'s host that timed out since the last it answered whole."""
        return self.retries.unanswered.in_a_row(_host_key(url))

    def drips_in_a_row(self, url: str) -> int:
        """Of those (`timeouts_in_a_row`), the answers cut while still coming at their longest."""
        return self.retries.unanswered.dripped_in_a_row(_host_key(url))

    def receiving(self) -> int:
        """Every byte received on the wire so far: `received`, and the bodies still coming."""
        return sum(self.received.values()) + sum(a.received for a in self._live.values())

    def _pause_host(self, url: str, delay: float) -> None:
        """After a 429, nothing more goes to that host until its Retry-After has passed."""
        resume = asyncio.get_running_loop().time() + delay
        key = _host_key(url)
        self._host_resume[key] = max(self._host_resume.get(key, 0.0), resume)

    async def _attempt(
        self,
        url: str,
        headers: dict[str, str],
        limit: int,
        pdf_limit: int,
        decode: bool,
        ceiling: Reach | None,
        lead: str,
        hops: list[str],
    ) -> Response:
        allowance = Allowance(
            limit, pdf_limit, self.limits.total_timeout, self.limits.longest_answer
        )
        if (cap := UNDER_CAP.get()) is not None:
            allowance.cut = cap.far_past  # a sync's download cap (`download_cap`)
        self._live[id(allowance)] = allowance
        try:
            # The whole deadline starts once the request has its connection slot (`_follow`):
            # a sync queues more requests to a host than it has slots, and time spent queued
            # failed requests never sent as "no complete answer within 20 s".
            async with asyncio.timeout(None) as allowance.deadline:
                try:
                    return await self._follow(url, headers, allowance, decode, ceiling, lead, hops)
                finally:
                    self._live.pop(id(allowance), None)
                    self.received["pictures" if PICTURES.get() else "pages"] += allowance.received
        except CutAtCap:
            assert cap is not None  # only its `cut` raises it
            raise cap.failure(url, cut=True) from None
        except TimeoutError:
            # Not tried again: a server that trickled its answer past the whole deadline will
            # trickle it again, and three tries held a reader 60 s saying "within 20 s".
            raise FetchError(
                ErrorKind.TIMEOUT,
                deadline_passed(allowance, _host(url)),
                url,
                no_answer=NoAnswer.TIMED_OUT,
                connected=HEAD_CAME.get() or allowance.received > 0,
                sent_as=allowance.sent_as,
                dripped=allowance.at_longest(),
            ) from None
        except httpx.TimeoutException as exc:
            failed = _failed_url(exc, url)
            connecting = isinstance(exc, httpx.ConnectTimeout)
            watched = WATCHED.get()
            proxy = self.routes.proxy_for(failed)
            # Connected, and no TLS spoken back: the server is there (a portal's, a plain one);
            # through a proxy, at the end of the tunnel the proxy made to it.
            handshake = (
                connecting
                and watched is not None
                and watched.handshaking
                and (proxy is None or watched.tunnelled)
            )
            # The wait may have been the name's lookup: said so, not "timed out".
            unlooked = None
            if connecting and not handshake and proxy is None:
                unlooked = await self._lookup_failure(url, failed)
            if unlooked is not None:
                raise unlooked from None
            raise FetchError(
                ErrorKind.TIMEOUT,
                handshake_timed_out(
                    failed,
                    self.limits.connect_timeout,
                    proxy or "",
                    self.routes.source(failed) if proxy else "",
                )
                if handshake
                else self._timed_out(failed, connecting)
                + (silent_after(allowance) if isinstance(exc, httpx.ReadTimeout) else ""),
                url,
                retryable=True,
                no_answer=NoAnswer.TIMED_OUT,
                connected=handshake or isinstance(exc, httpx.ReadTimeout | httpx.WriteTimeout),
                sent_as=allowance.sent_as if isinstance(exc, httpx.ReadTimeout) else "",
            ) from None
        except httpx.InvalidURL:
            # httpx parses a redirect's Location itself, even when not following it.
            raise FetchError(
                ErrorKind.BAD_URL,
                f"{_host(url)} sent an invalid or non-web link",
                url,
                redirected=True,
            ) from None
        except httpx.HTTPError as exc:
            # A dropped or reset connection may work the next time; a refused one won't soon.
            retryable = isinstance(
                exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError
            )
            failed = _failed_url(exc, url)
            proxy = self.routes.proxy_for(failed)
            source = self.routes.source(failed)
            watched = WATCHED.get()
            tunnelled = watched is not None and watched.tunnelled
            # Past a tunnel the proxy made, a failure is the site's ("cannot connect to the
            # proxy" was said of an SSH port's close in the handshake, once in two).
            if (
                proxy
                and not tunnelled
                and (through := proxy_failure(url, failed, exc, proxy, source))
            ):
                raise through from None
            timeout = self.limits.connect_timeout
            # Before the page's own failures: an https port answering in no TLS is told by
            # what it said (an SSH banner), not as "try http://".
            if proxy is None and (said := await not_http_said(failed, exc, timeout)):
                raise not_http(url, failed, said) from None
            if proxy and (odd := await proxy_not_http_said(proxy, failed, exc, timeout)):
                proxys, said = odd
                raise (
                    proxy_not_http(url, proxy, source, said)
                    if proxys
                    else not_http(url, failed, said)
                ) from None
            if (own := page_own_failure(url, failed, exc)) is not None:
                raise own from None
            if other := await _certificate_for_another(failed, exc, proxy):
                raise other from None
            if (refused := certificate_refused(url, failed, exc)) is not None:
                raise refused from None
            message, how = _network_message(failed, exc)
            if proxy is None and how is not None:
                message = self._unused_proxy_said(message, failed)
            raise FetchError(
                ErrorKind.NETWORK,
                message,
                url,
                retryable=retryable,
                no_answer=how,
                offline=offline_said(exc),
            ) from None

    async def _follow(
        self,
        url: str,
        headers: dict[str, str],
        allowance: Allowance,
        decode: bool,
        ceiling: Reach | None,
        lead: str,
        hops: list[str],
    ) -> Response:
        """The answer of `url`, its redirects followed, each one's target added to `hops`."""
        asked = url  # the address asked for: its name and password go to its origin alone
        moved, permanent = "", True  # where the address has moved for good (`Response.moved`)
        first_redirect = 0  # `Response.redirected_with`
        redirected = ""  # how the last hop answered, when it was a redirect
        cookies = ChainCookies()  # a site's cookie check across its redirects, and no further
        for _hop in range(self.limits.max_redirects + 1):
            # Before any check that may look its name up (`_check_before`).
            if why := onion_unrouted(url, self.routes.proxy_for(url)):
                raise FetchError(ErrorKind.PROXY, why, url, redirected=bool(redirected))
            if ceiling is not None:
                self._check_before(url, ceiling, lead)
            if (rule := HOP_RULE.get()) is not None and (why := rule(url, bool(redirected))):
                raise FetchError(ErrorKind.BAD_URL, why, url, redirected=bool(redirected))
            resume = self._host_resume.get(_host_key(url), 0.0) - asyncio.get_running_loop().time()
            if resume > 0:
                await asyncio.sleep(resume)
            async with self._per_host[_host_key(url)].slot(rank()), self._connection():
                if (cap := UNDER_CAP.get()) is not None and cap.reached():
                    # A sync's download cap reached while it waited its turn: not started.
                    raise cap.failure(url)
                # Queued behind the request its 429 answered: not sent once the host said wait.
                try:
                    self.retries.check_held(url, _host_key(url))
                except FetchError as held:
                    if not redirected:
                        raise
                    # The feed was asked, and answered with a redirect: only its target is
                    # held back (acc40b P2: "not asked" of a feed that answered 302).
                    raise replace(
                        held,
                        message=f"{redirected}, not asked there: "
                        + held.message.removeprefix("not asked: "),
                        held=False,  # asked, and answered: said as its own
                    ) from None
                allowance.start()
                # Through a proxy the connection reaches the proxy, which resolves the name:
                # the name asked is what is judged (`_reach_of`).
                proxied = self.routes.proxy_for(url) is not None
                guarded = ceiling is not None and not proxied
                # What its connection did is watched, to tell how it failed (`connection_watch`):
                # through a proxy, the connection is the proxy's, and whether its tunnel was made.
                guard = connect_guard(ceiling, lead, url) if guarded else None
                extensions = {"trace": watching(guard)}
                try:
                    request = self._client.build_request(
                        "GET", url, headers=self._headers(url, headers), extensions=extensions
                    )
                except (httpx.InvalidURL, ValueError) as error:  # IDNAError is a ValueError
                    # Not sent at all: the address asked for is at fault, not a server.
                    raise FetchError(ErrorKind.BAD_URL, invalid_url(url, error), url) from None
                cookies.send_with(request)
                HEAD_CAME.set(False)  # a redirect's head before it is no answer of this one
                response = await self._client.send(request, stream=True)
                if (watched := WATCHED.get()) is not None:
                    watched.answer = response  # judged as it is closed (`connection_reuse`)
                # Its head came: the host answers, unless its body stalls (`Retries`).
                HEAD_CAME.set(True)
                cookies.keep_from(response)
                try:
                    # Checked again on the answer: a connection kept open from an earlier
                    # request is not guarded as it is made (`_check_before` is what keeps a
                    # request from going out on one).
                    reach, peer = _reach_of(url, response, proxied)
                    if ceiling is not None and reach is None and not peer and not proxied:
                        # Its peer gone as its answer came: a host sending part of an answer,
                        # then resetting (acc46b A2), was refused as a more private address
                        # ("… from a loopback address to a loopback one"). Broken off, unread.
                        raise httpx.ReadError("the connection was broken off as it answered")
                    if reach is not None:
                        self._note_reached(url, reach, peer)
                    if ceiling is not None and (reach is None or reach > ceiling):
                        raise refusal(lead, ceiling, reach or Reach.LOOPBACK, url, peer)
                    # Not told: trusted least from here on.
                    reach = Reach.PUBLIC if reach is None else reach
                    ceiling = reach if ceiling is None else min(ceiling, reach)
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        location = response.headers["location"]
                        # Read as a browser reads it: an invisible or control character in it
                        # percent-encoded (a bidi mark in a query was refused as "non-web").
                        target = absolute_url(url, location)
                        if not target:
                            shown = safe_line(location, 120)
                            refused = (
                                f"refused a redirect to a non-web link: {shown}"
                                if shown
                                else "answered with a redirect to no address (an empty Location)"
                            )
                            raise FetchError(ErrorKind.BAD_URL, refused, url, redirected=True)
                        target = hop_credentials(untracked_hop(target, [url, *hops]), asked)
                        hops.append(target)
                        status = response.status_code
                        first_redirect = first_redirect or status
                        redirected = f"moved (HTTP {status}) to {safe_line(shown_url(target), 120)}"
                        url, lead = target, "a redirect"
                        permanent = permanent and response.status_code in _PERMANENT
                        moved = url if permanent else moved
                        continue
                    done = await self._complete(url, response, allowance, decode, ceiling)
                    if moved or first_redirect:
                        return replace(done, moved=moved, redirected_with=first_redirect)
                    return done
                finally:
                    await response.aclose()
        raise too_many_redirects(url, self.limits.max_redirects)

    @asynccontextmanager
    async def _connection(self) -> AsyncIterator[None]:
        """A place under the global cap; for a request the user waits for, a reserved one when
        the cap is reached. The host's own cap (`per_host`) holds for it all the same."""
        if await self._queued_till_had():
            try:
                yield
            finally:
                self._global.release()
            return
        if user_waits() and not self._global.open and not self._reserved.locked():
            async with self._reserved:
                yield
            return
        async with self._global.slot(rank()):
            yield

    async def _queued_till_had(self) -> bool:
        """A request no one waits for yet (a prefetch's) queued for a global place: True once
        it has one; False at once for one the user waits for, and once the user comes to
        wait for it (the article opened): it takes a reserved place then, not left queued
        behind a refresh's slow requests."""
        urgency = USER_WAITS.get()
        if urgency is None or urgency.waits or self._global.open:
            return False
        slot = asyncio.ensure_future(self._global.acquire(rank()))
        try:
            await asyncio.wait({slot, urgency.raised()}, return_when=asyncio.FIRST_COMPLETED)
        except BaseException:
            if not slot.cancel() and not slot.cancelled() and slot.exception() is None:
                self._global.release()  # had its place as the request was stopped
            raise
        if slot.done():
            return True
        slot.cancel()  # a place handed to it as it is cancelled is passed on (`PriorityGate`)
        return False

    async def _lookup_failure(self, url: str, failed: str) -> FetchError | None:
        """A connection to `failed` that timed out with none made, its name looked up again
        (a second at most): the error to raise when the lookup is what failed, no name server
        answering or the name not found (a slow name server's wait was said "timed out",
        acc51b B7); None when the name resolves, or is an address."""
        watched = WATCHED.get()
        host = urlsplit(failed).hostname or ""
        if not host or literal_address(host) is not None:
            return None
        if watched is not None and watched.peer is not None:
            return None  # a connection was made: the wait was not the lookup's
        lookup = await looked_up(host, min(1.0, self.limits.connect_timeout))
        if lookup == Lookup.FOUND:
            return None
        if lookup == Lookup.NO_SUCH_NAME:
            message = no_such_host(failed)
            return FetchError(ErrorKind.NETWORK, message, url, no_answer=NoAnswer.NO_HOST)
        return FetchError(
            ErrorKind.NETWORK,
            unlooked_up(failed),
            url,
            retryable=True,
            no_answer=NoAnswer.NO_HOST,
            offline=Offline.NO_RESOLVER,
        )

    def _timed_out(self, failed: str, connecting: bool) -> str:
        """A request to `failed` timing out, in words: through the proxy named; a connection
        made directly, with the proxy the environment names unused (a firewall dropping what
        doesn't go through the proxy times out, as a DNS lookup or a refusal fails)."""
        message = f"{_host(failed)} timed out"
        if (proxy := self.routes.proxy_for(failed)) is not None:
            shown = safe_line(shown_proxy(proxy), 100)
            return f"{message} through the proxy {shown} ({self.routes.source(failed)})"
        return self._unused_proxy_said(message, failed) if connecting else message

    def _unused_proxy_said(self, message: str, failed: str) -> str:
        """A direct connection's failure, with the proxy the environment names for `failed`
        and the reader leaves unused (`Route.unused_hint`): said at the first, not each feed's."""
        if self._hinted or not (hint := self.routes.unused_hint(failed)):
            return message
        self._hinted = True
        return f"{message} ({hint})"

    def _check_before(self, url: str, ceiling: Reach, lead: str) -> None:
        """Refuse a request led to `url` before it is sent, when its host is known to be more
        private than `ceiling`: a literal address or "localhost", or a name that reached a
        more private address earlier in this run (a connection to it may be open still, and
        the request would go out on it before its answer could be judged)."""
        reach = host_reach(urlsplit(url).hostname or "")
        peer = ""
        if reach is None:
            reach, peer = self._reached.get(_host_key(url), (None, ""))
        if reach is not None and reach > ceiling:
            raise refusal(lead, ceiling, reach, url, peer)

    def _note_reached(self, url: str, reach: Reach, peer: str) -> None:
        """Remember how private an address `url`'s host reached (the most private so far)."""
        key = _host_key(url)
        if reach > self._reached.get(key, (Reach.PUBLIC, ""))[0]:
            self._reached[key] = (reach, peer)

    async def _complete(
        self,
        url: str,
        response: httpx.Response,
        allowance: Allowance,
        decode: bool = True,
        reach: Reach = Reach.PUBLIC,
    ) -> Response:
        status = response.status_code
        if status == 410:
            raise FetchError(ErrorKind.GONE, "gone for good (HTTP 410)", url, status=status)
        if status == 429:
            wait = _retry_after(response.headers.get("retry-after"))
            if wait is not None and wait > self.limits.max_retry_after:
                raise FetchError(
                    ErrorKind.HTTP,
                    f"rate-limited (HTTP 429): {_try_again(wait)}",
                    url,
                    retry_after=wait,  # not retryable: the rest of this run leaves the host be
                    status=status,
                )
            raise FetchError(
                ErrorKind.HTTP,
                "rate-limited (HTTP 429)",
                url,
                retryable=True,
                retry_after=wait if wait is not None else self.limits.backoff * 4,
                status=status,
            )
        if status == 511:
            raise await self._network_login(url, response, allowance)
        if status in PROXY_STATUSES and (own := await self._proxy_own(url, response)):
            raise own
        if status == 407:
            proxy = self.routes.proxy_for(url)
            source = self.routes.source(url) if proxy is not None else ""
            said = safe_line(_reason_phrase(response), 80)
            raise proxy_auth_required(url, proxy, source, said)
        if status >= 400 or (status >= 300 and status != 304):
            reason = safe_line(_reason_phrase(response), 80)
            said = f"HTTP {status} {reason}".strip()
            retryable = status in _TRANSIENT
            wait = _retry_after(response.headers.get("retry-after")) if retryable else None
            if wait is not None and wait > self.limits.max_retry_after:
                # Its wait honoured as a 429's is (acc45 B6); one longer than a sync waits
                # is said, not waited for: the next sync asks again.
                said, retryable, wait = f"{said}: {_try_again(wait)}", False, None
            if status in GATEWAY_STATUSES:
                said = gateway_answered(url, said)
            raise FetchError(
                ErrorKind.HTTP, said, url, retryable=retryable, retry_after=wait, status=status
            )
        # An escape sequence in it goes whole before it is split at ";": its OSC's own ";" cut
        # "image/\x1b]0;T\x07png" to "image/0" (acc47c C7).
        content_type = without_terminal_escapes(response.headers.get("content-type", ""))
        encoding = response.headers.get("content-encoding", "").strip().lower()
        # Always the bytes as they came: httpx's own decoders inflate with no cap on what
        # comes out (a 3 KB "gzip, gzip" feed took 6 GB, on the event loop).
        media_type = content_type.split(";")[0].strip().lower()
        try:
            body = await read_body(response, allowance, url, media_type, encoding)
            if decode and encoding and encoding != "identity":
                from .content_coding import decode_body, decode_page

                if allowance.pdf_limit:  # a page's, a PDF's
                    body = await asyncio.to_thread(
                        decode_page, body, encoding, media_type, self.limits, url
                    )
                else:
                    limit = allowance.limit
                    body = await asyncio.to_thread(decode_body, body, encoding, limit, url)
                encoding = ""
        except FetchError as error:
            error.sent_as = media_type  # a web page's, never a feed (`FetchError.sent_as`)
            raise
        return Response(
            url=url,
            status=status,
            content_type=media_type,
            charset=charset_from_content_type(content_type),
            body=body,
            etag=_validator(response.headers.get("etag")),
            last_modified=_validator(response.headers.get("last-modified")),
            encoding="" if encoding == "identity" else encoding,
            refresh=response.headers.get("refresh", ""),
            date=response.headers.get("date", ""),
            age=response.headers.get("age", ""),
            reach=reach,
        )

    async def _proxy_own(self, url: str, response: httpx.Response) -> FetchError | None:
        """A plain-http request's 502, 503 or 504 that its proxy answered itself, not the
        site (`proxy_answers`): the proxy's failure, naming it; None for the site's own, an
        https site's (through CONNECT, only the site answers) or one asked directly."""
        proxy = self.routes.proxy_for(url)
        if proxy is None or urlsplit(url).scheme != "http":
            return None
        body: bytes | None = None
        if response.headers.get("content-encoding", "identity").strip().lower() == "identity":
            read = bytearray()
            async for chunk in response.aiter_raw():
                read += chunk
                if len(read) >= PAGE_READ:
                    break
            body = bytes(read[:PAGE_READ])
        mark = proxy_mark(response.headers.multi_items(), body, urlsplit(url).netloc)
        if mark is None:
            return None
        # Its head was the proxy's: the site's host gave no answer (`Retries`: no tries back).
        HEAD_CAME.set(False)
        said = safe_line(f"{_reason_phrase(response)}{f', {mark}' if mark else ''}", 80)
        return proxy_answered(url, proxy, self.routes.source(url), response.status_code, said)

    async def _network_login(
        self, url: str, response: httpx.Response, allowance: Allowance
    ) -> FetchError:
        """HTTP 511 (RFC 6585, "Network Authentication Required"): the network, not the site,
        answered, with its login page, as a 200 or 302 portal does (`portal`); said as one,
        named by the page's title when it sends one readable (acc42c C7: a failure per feed
        and article, every feed marked failing)."""
        from .portal import portal_error
        from .sniff import html_title

        title = ""
        encoding = response.headers.get("content-encoding", "").strip().lower()
        if encoding in ("", "identity"):
            with suppress(FetchError):
                body = await read_body(response, allowance, url, "text/html", "")
                title = html_title(body)
        return portal_error(title, url)


def _reach_of(url: str, response: httpx.Response, proxied: bool) -> tuple[Reach | None, str]:
    """The class of the address an answer came from, and that address. Through a proxy, that
    of the host asked: a literal address's or localhost's, else a public one (the proxy
    resolved the name, out of sight); the proxy's own address says nothing of the site's."""
    if not proxied:
        return peer_of(response.extensions.get("network_stream"))
    return host_reach(urlsplit(url).hostname or "") or Reach.PUBLIC, ""


async def _certificate_for_another(
    url: str, exc: httpx.HTTPError, proxy: str | None
) -> FetchError | None:
    """A secure connection to `url` (through `proxy`, as its request went) refused for its
    certificate, which names other hosts (a Wi-Fi network answering for every site:
    `intercepted`): the failure naming it, with its digest; None for any other failure."""
    from .intercepted import certificate_error, names_host, presented

    if not isinstance(exc, httpx.ConnectError) or "CERTIFICATE_VERIFY_FAILED" not in str(exc):
        return None
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return None
    seen = await asyncio.to_thread(presented, parts.hostname, parts.port or 443, proxy)
    if seen is None or names_host(seen.names, parts.hostname):
        return None
    return certificate_error(_host(url), url, seen)


def _reason_phrase(response: httpx.Response) -> str:
    """The status line's reason phrase read as Latin-1, HTTP/1.1's own reading of it: httpx
    reads it as ASCII, dropping bytes over 0x7F, so an 8-bit CSI ("\x9b31m") lost its 0x9B and
    left "31m" for `safe_line` to keep ("HTTP 404 Not Found31m")."""
    phrase = response.extensions.get("reason_phrase")
    if isinstance(phrase, bytes):
        return phrase.decode("latin-1")
    return response.reason_phrase


_LONGEST_VALIDATOR = 256
_LONGEST_RETRY_AFTER = 1000 * 365.25 * 86400
"""A Retry-After past a thousand years is a thousand years: some figure, never inf."""


def _validator(value: str | None) -> str | None:
    """An ETag or Last-Modified to send back next time, or None: one that is no short run of
    visible ASCII (a control, a byte past 127, 100 KB of it) could not be sent (httpx refuses
    it) or was refused (HTTP 431), and the feed failed at every sync after (acc28a H8)."""
    if value is None or len(value) > _LONGEST_VALIDATOR:
        return None
    return value if all(" " <= char <= "~" for char in value) else None


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date). Only ASCII
    digits are delta-seconds: "²" is a digit to str.isdigit and no number to float (a sync's
    ValueError); a run of 400 nines is no more than `_LONGEST_RETRY_AFTER` (float's inf was
    "the site asks to wait inf years", and Infinity in the store's held-hosts)."""
    if not value:
        return None
    if (seconds := value.strip()).isascii() and seconds.isdigit():
        return min(float(seconds), _LONGEST_RETRY_AFTER)
    when = parse_datetime(value)
    return None if when is None else max(0.0, (when - datetime.now(UTC)).total_seconds())
