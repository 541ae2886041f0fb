"""Which proxy a request goes through: `[network] proxy`'s, the environment's, or none.

`[network] proxy` is the user's, trusted as the rest of their config is: "" (the default) is no
proxy, every connection made directly, so that the address a connection reaches can be judged
(`address_class`); "http://host:port" sends every fetch through that proxy (HTTPS through
CONNECT, TLS end to end with the site), "socks5h://host:port" (or "socks5://") through a SOCKS
proxy, Tor's among them, which is handed the site's name and resolves it (no DNS lookup made
here: httpx hands the name with either scheme); "env" takes `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and
`NO_PROXY` from the environment, as curl and pip read them. Without "env" a proxy the environment
names is not used, and said once where it may be why nothing connects (`unused_hint`).

Stdlib only: `fetch` builds its transports from `Route`.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from .address_class import Reach, host_reach, is_onion
from .registrable_names import registrable_name
from .safe import safe_line

ENVIRONMENT = "env"
"""`[network] proxy`'s value taking the proxy from the environment."""
_CONFIG = "[network] proxy"
"""Where a proxy not the environment's is named, in its failures' words."""

_SCHEMES = ("http", "https")
"""The schemes of the requests a proxy carries."""
_PROXY_SCHEMES = (*_SCHEMES, "socks5", "socks5h")
"""The schemes of a proxy's own address: an HTTP proxy's, a SOCKS one's (acc48a A3)."""
_ADDRESSES = '"http://host:port" or "socks5h://host:port" of a proxy'
SHAPES = f'{_ADDRESSES}, or "env"'


def proxy_problem(value: str, shapes: str = SHAPES) -> str:
    """Why `value` can't be `[network] proxy` ("" when it can): "", "env", or an http(s) or
    SOCKS 5 address naming a host (and a port), no path; `shapes` says what it can be."""
    if value in ("", ENVIRONMENT):
        return ""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return f"{safe_line(value, 80)} is no valid address"
    if parts.scheme not in _PROXY_SCHEMES or not parts.hostname:
        return f"{shapes}, not {safe_line(value, 80)}"
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        return f"a proxy's address is its host and port alone, not {safe_line(value, 80)}"
    return ""


def _with_scheme(address: str) -> str:
    """An environment's proxy as curl reads it: "proxy:3128" is "http://proxy:3128"."""
    return address if "://" in address else f"http://{address}"


def _variable(scheme: str, environ: Mapping[str, str]) -> str:
    """The name of the variable naming `scheme`'s proxy in `environ` ("" when none does), in
    the order `urllib.request.getproxies_environment` reads them."""
    for name in (f"{scheme}_proxy", "all_proxy"):
        for spelled in (name, name.upper()):
            # Under CGI, HTTP_PROXY is a request's header ("httpoxy"): urllib's reading too.
            if spelled == "HTTP_PROXY" and "REQUEST_METHOD" in environ:
                continue
            if environ.get(spelled):
                return spelled
    return ""


@dataclass(frozen=True)
class Route:
    """The proxies of one `[network] proxy` setting: `proxy_for` a URL, `all` of them."""

    setting: str = ""
    by_scheme: Mapping[str, str] = field(default_factory=dict)
    """The proxy of each scheme ("http", "https"); a scheme not here connects directly."""
    named_by: Mapping[str, str] = field(default_factory=dict)
    """Where each scheme's proxy comes from, said in its failures: `[network] proxy` or a
    variable of the environment."""
    unused: Mapping[str, str] = field(default_factory=dict)
    """The environment's proxies the setting leaves unused: their variable, by scheme."""
    isolate: bool | str = False
    """Whether each site's requests go to a SOCKS proxy under a user name of their own
    (`[network] isolate_sites`, `proxy_of_site`): "tor" to a proxy on `TOR_PORTS` only."""

    def proxy_for(self, url: str) -> str | None:
        """The proxy a request of `url` goes through; None for a direct connection: this
        computer's own addresses always (a proxy elsewhere reaches its own loopback, not
        this one's: the demo, a feed served here), and under "env" the hosts NO_PROXY names."""
        parts = urlsplit(url)
        proxy = self.by_scheme.get(parts.scheme)
        if proxy is None or host_reach(parts.hostname or "") == Reach.LOOPBACK:
            return None
        if self.setting == ENVIRONMENT and _bypassed(parts.netloc):
            return None
        return proxy

    def proxy_of_site(self, url: str) -> str | None:
        """The proxy's address a request of `url` is handed to (`proxy_for`'s): a SOCKS one's
        with `url`'s site as its user name where sites are kept apart (`isolate`). Tor puts
        the streams of two user names on two circuits (IsolateSOCKSAuth, on by default), as
        Tor Browser has it: one exit no longer sees every site a reader reads, nor a site the
        other sites read alongside it. A name the address gives is the user's own, kept."""
        proxy = self.proxy_for(url)
        if proxy is None or not self.isolate:
            return proxy
        parts = urlsplit(proxy)
        if not parts.scheme.startswith("socks") or parts.username is not None:
            return proxy
        if self.isolate == "tor" and parts.port not in TOR_PORTS:
            return proxy
        return f"{parts.scheme}://{quote(_site(url), safe='')}:{_RUN}@{parts.netloc}"

    @property
    def proxies(self) -> frozenset[str]:
        """Every proxy a request may go through."""
        return frozenset(self.by_scheme.values())

    def source(self, url: str) -> str:
        """Where the proxy of `url`'s requests is named, for its failure's words."""
        return self.named_by.get(urlsplit(url).scheme, _CONFIG)

    def unused_hint(self, url: str) -> str:
        """Said of a failure to connect to `url` directly while the environment names a proxy
        for it: where only a proxy reaches the web, that is why (acc43b B6); under "env", that
        no variable names one for it, as in a shell that lost them (cron, sudo) or where only
        HTTPS_PROXY is set and the link is http: the user asked for a proxy, and the direct
        connection went unsaid (acc50f A4). "" otherwise."""
        parts = urlsplit(url)
        if (
            self.setting == ENVIRONMENT
            and parts.scheme in _SCHEMES
            and parts.scheme not in self.by_scheme
        ):
            return (
                f'[network] proxy = "env", but neither {parts.scheme.upper()}_PROXY nor'
                " ALL_PROXY is set: the reader connected directly"
            )
        variable = self.unused.get(parts.scheme, "")
        if not variable or _bypassed(parts.netloc):
            return ""
        return f'{variable}{_UNUSED} [network] proxy = "env" in the config uses it (README, Safety)'


_UNUSED = " is set, but the reader connects directly:"
TOR_PORTS = frozenset({9050, 9150})
"""The ports Tor's SOCKS proxy listens on unless told otherwise: the daemon's and Tor Browser's.
`[network] isolate_sites = "tor"` (the default) hands sites' names to a proxy there only: a
SOCKS proxy taking no user name (`ssh -D`'s, on a port of the user's) refuses a request handed
one, and turned on for every proxy it broke those that worked before."""

_RUN = secrets.token_hex(8)
"""The password sent with a site's user name (`Route.proxy_of_site`), new in each run as Tor
Browser's is at each new identity: a run's requests to one site share a circuit, another
run's take another."""


def unused_hint_in(message: str) -> str:
    """The words of `Route.unused_hint` a failure's `message` ends with ("" when none): a
    line summing up failures ("Nothing answered at HOST") says them too, or a sync said
    nothing of the proxy the environment names."""
    if not message.endswith(")") or _UNUSED not in message:
        return ""
    return message[message.rfind(" (", 0, message.find(_UNUSED)) + 2 : -1]


def _site(url: str) -> str:
    """The site `url` belongs to, as Tor Browser keeps sites apart: its host's registrable
    name (`registrable_name`: "example.org" for www.example.org, an onion service's own for
    its subdomains), an address itself (of 10.0.0.5 and 192.168.0.5, a name's last two
    parts are one)."""
    import ipaddress

    host = urlsplit(url).hostname or ""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return registrable_name(host)
    return host


def _bypassed(netloc: str) -> bool:
    """`NO_PROXY` names `netloc`'s host (urllib's reading: a suffix, "*" for all)."""
    import urllib.request  # here: the commands that read the library alone don't load it

    return bool(urllib.request.proxy_bypass_environment(netloc.rpartition("@")[2]))


def onion_unrouted(url: str, proxy: str | None) -> str:
    """Why a request of `url`, an onion service's (RFC 7686), is not sent: with no proxy to
    take it (`Route.proxy_for`), its name would go to this network's DNS, telling it the onion
    service read, and could reach nothing (acc51d D1: `reader add NAME.onion/feed.xml` with
    no proxy set, and every sync of such a feed after). "" for another host, or one a proxy
    takes (a SOCKS one, or an HTTP one, resolves the name itself)."""
    host = urlsplit(url).hostname or ""
    if proxy is not None or not is_onion(host):
        return ""
    return (
        f"{safe_line(host, 80)} is an onion service: reached through Tor alone, and no proxy is"
        ' set ([network] proxy = "socks5h://127.0.0.1:9050" is Tor\'s): not asked, its name'
        " looked up by no DNS"
    )


def route(
    setting: str, environ: Mapping[str, str] | None = None, isolate: bool | str = False
) -> Route:
    """The `Route` of `[network] proxy = setting`, the environment read now; `isolate`:
    `[network] isolate_sites`."""
    environ = os.environ if environ is None else environ
    found = {s: _variable(s, environ) for s in _SCHEMES}
    if setting == ENVIRONMENT:
        by_scheme = {s: _with_scheme(environ[v].strip()) for s, v in found.items() if v}
        return Route(setting, by_scheme, {s: v for s, v in found.items() if v}, isolate=isolate)
    unused = {s: v for s, v in found.items() if v}
    if not setting:
        return Route(setting, unused=unused)
    return Route(setting, dict.fromkeys(_SCHEMES, setting), isolate=isolate)


def unusable(proxy: str, source: str) -> str:
    """Why `proxy` (named by `source`) can't carry a request, "" when it can: an environment's
    variable in a shape the reader does not speak (GNOME's "socks://", "socks4a://": was
    httpx's ValueError, a traceback, acc50f A7; the config's own is refused as it is read), or
    its SOCKS package missing."""
    if source != _CONFIG and (problem := proxy_problem(proxy, _ADDRESSES)):
        return f'{source} (read as [network] proxy = "env" says): {problem}'
    return socks_missing(proxy, source)


def socks_missing(proxy: str, source: str) -> str:
    """Why the SOCKS proxy `proxy` (named by `source`) can't be used, "" when it can: the
    package httpx speaks SOCKS with (socksio, in the reader's dependencies) not installed. Was
    httpx's ImportError, a 55-line traceback (acc48a A3)."""
    if urlsplit(proxy).scheme not in ("socks5", "socks5h"):
        return ""
    try:
        import socksio  # noqa: F401
    except ImportError:
        return (
            f"{source}: the SOCKS proxy {safe_line(proxy, 80)} needs the socksio package, "
            'not installed: install the reader again, or pip install "httpx[socks]" beside it'
        )
    return ""
