"""Behind a proxy (acc43b B6): `[network] proxy = "http://host:port"` sends every fetch through
it (the feed, its articles), HTTPS by CONNECT with the site's certificate checked end to end;
"env" takes the environment's, NO_PROXY honoured. A proxy not there or refusing is said as the
proxy's, named; with no proxy set, a failure to connect while HTTP_PROXY is set says the reader
left it unused. Real servers on 127.0.0.1 (a forwarding proxy of the tests' own, a feed over
http and one over https with an authority trustme makes), the reader run as a process."""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme
from pytest_httpserver import HTTPServer

from tests.cli_run import reader_process
from tests.forwarding_proxy import ERROR_STYLES, ForwardingProxy, forwarding_proxy
from tests.served_feed import story_page

TITLE = "Ferry timetable changes for the winter"


def _feed(base: str, link: str) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Desk</title>'
        f"<item><title>{TITLE}</title><link>{link}</link><guid>ferry-1</guid></item>"
        "</channel></rss>"
    )


def _site(server: HTTPServer, base: str, link: str = "") -> None:
    server.expect_request("/feed.xml").respond_with_data(
        _feed(base, link or f"{base}/ferry.html"), content_type="application/rss+xml"
    )
    server.expect_request("/ferry.html").respond_with_data(
        story_page(TITLE), content_type="text/html"
    )


@pytest.fixture
def secure_site(tmp_path: Path) -> Iterator[tuple[HTTPServer, Path]]:
    """A site on https, its certificate for secure.example (a name only the proxy resolves),
    and the PEM file of the authority that signed it."""
    authority = trustme.CA()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    authority.issue_cert("secure.example").configure_cert(context)
    ca_file = tmp_path / "company-ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.start()
    yield server, ca_file
    server.clear()
    server.stop()


def _secure_feed(secure_site: tuple[HTTPServer, Path]) -> tuple[HTTPServer, Path, str]:
    """The secure site serving its feed: the server, its authority's file, its address."""
    server, ca_file = secure_site
    base = f"https://secure.example:{server.port}"
    _site(server, base)
    return server, ca_file, base


@pytest.fixture
def proxy() -> Iterator[ForwardingProxy]:
    with forwarding_proxy({"news.example": "127.0.0.1", "secure.example": "127.0.0.1"}) as p:
        yield p


def _reader(
    data: Path, *args: str, config: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    """The reader run on `data` with `config`, no proxy nor authority of the tester's own."""
    data.mkdir(exist_ok=True)
    (data / "config.toml").write_text(config)
    return reader_process(data, *args, dropped=("proxy", "PROXY", "SSL_CERT"), **env)


def _closed_port() -> int:
    """A port of 127.0.0.1 nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _assert_no_failure_kept(data: Path, config: str) -> None:
    """Nothing of the proxy's failure kept against the feed. Not only "not listed by
    `--failing`": a passing failure (a 502, a time-out) is listed there only once it has lasted
    days (feeds50), so that alone would pass were the proxy's 502 kept as the site's."""
    failing = _reader(data, "feeds", "--failing", config=config)
    assert (failing.returncode, failing.stdout, failing.stderr) == (0, "no failing feeds\n", "")
    (row,) = json.loads(_reader(data, "feeds", "--json", config=config).stdout)
    kept = {k: row[k] for k in ("last_error", "failing", "failure", "failure_status", "failures")}
    assert kept == {
        "last_error": None,
        "failing": False,
        "failure": None,
        "failure_status": None,
        "failures": 0,
    }


def test_a_feed_and_its_article_come_through_the_proxy_named_in_the_config(
    httpserver: HTTPServer, proxy: ForwardingProxy, tmp_path: Path
) -> None:
    base = f"http://news.example:{httpserver.port}"
    _site(httpserver, base)
    config = f'[network]\nproxy = "{proxy.url}"\n'
    added = _reader(tmp_path / "data", "add", f"{base}/feed.xml", config=config)
    assert added.returncode == 0, added.stderr
    synced = _reader(tmp_path / "data", "sync", config=config)
    assert synced.returncode == 0, synced.stderr
    shown = _reader(tmp_path / "data", "show", "--offline", f"{base}/ferry.html", config=config)
    assert "after a consultation that drew more replies" in shown.stdout
    assert f"GET {base}/feed.xml HTTP/1.1" in proxy.log
    assert f"GET {base}/ferry.html HTTP/1.1" in proxy.log


def test_https_goes_through_connect_and_the_sites_certificate_is_still_checked(
    secure_site: tuple[HTTPServer, Path], proxy: ForwardingProxy, tmp_path: Path
) -> None:
    server, ca_file, base = _secure_feed(secure_site)
    untrusted = _reader(
        tmp_path / "plain", "add", f"{base}/feed.xml", config=f'[network]\nproxy = "{proxy.url}"\n'
    )
    # The proxy passed the bytes; the site's certificate, by an authority not trusted, refused.
    assert f"CONNECT secure.example:{server.port} HTTP/1.1" in proxy.log
    assert (
        f"secure connection to secure.example:{server.port} failed: its certificate is signed"
        " by an authority this computer doesn't trust"
    ) in untrusted.stderr
    config = f'[network]\nproxy = "{proxy.url}"\nca_file = "{ca_file}"\n'
    added = _reader(tmp_path / "data", "add", f"{base}/feed.xml", config=config)
    assert added.returncode == 0, added.stderr
    listed = _reader(tmp_path / "data", "list", config=config)
    assert TITLE in listed.stdout


def test_a_passing_502_to_connect_is_tried_again(
    secure_site: tuple[HTTPServer, Path], proxy: ForwardingProxy, tmp_path: Path
) -> None:
    """A satellite link's relay answering one CONNECT 502 (acc45 B6): the site out of its reach
    for a moment, still NETWORK (net44's rule), tried again as a gateway's 502 is."""
    server, ca_file, base = _secure_feed(secure_site)
    proxy.connect_blips = 1
    config = f'[network]\nproxy = "{proxy.url}"\nca_file = "{ca_file}"\n'
    added = _reader(tmp_path / "data", "add", f"{base}/feed.xml", config=config)
    assert added.returncode == 0, added.stderr
    assert proxy.log.count(f"CONNECT secure.example:{server.port} HTTP/1.1") == 2
    assert TITLE in _reader(tmp_path / "data", "list", config=config).stdout


def test_a_proxy_not_there_is_named_and_not_taken_for_the_site(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    base = f"http://news.example:{httpserver.port}"
    _site(httpserver, base)
    down = f"http://127.0.0.1:{_closed_port()}"
    config = f'[network]\nproxy = "{down}"\n'
    added = _reader(tmp_path / "data", "add", f"{base}/feed.xml", config=config)
    assert f"cannot connect to the proxy {down} ([network] proxy)" in added.stderr
    second = f"http://blog.example:{httpserver.port}/feed.xml"
    _reader(tmp_path / "data", "add", "--keep", second, config=config)  # subscribed, not fetched
    synced = _reader(tmp_path / "data", "sync", config=config)
    assert synced.returncode == 1
    assert "Nothing answered" not in synced.stderr
    assert "DNS lookup failed" not in synced.stderr
    # Said once for both feeds, not a line a feed (acc50f A8), neither marked failing.
    (line,) = [line for line in synced.stderr.splitlines() if "cannot connect" in line]
    assert line.startswith("reader: feed not reached: 2 feeds: cannot connect to the proxy"), line
    assert f"{down} ([network] proxy)" in line, line


def test_a_proxy_that_never_answers_is_named_in_the_timeout(
    httpserver: HTTPServer, silent_server: str, tmp_path: Path
) -> None:
    base = f"http://news.example:{httpserver.port}"
    stalled = silent_server.rstrip("/")
    config = f'[network]\nproxy = "{stalled}"\nread_timeout = 1\ntotal_timeout = 3\nretries = 0\n'
    added = _reader(tmp_path / "data", "add", f"{base}/feed.xml", config=config)
    assert (
        f"news.example:{httpserver.port} timed out through the proxy {stalled} ([network] proxy)"
    ) in added.stderr


def test_a_connect_the_proxy_refuses_is_said_as_its_refusal(
    secure_site: tuple[HTTPServer, Path], proxy: ForwardingProxy, tmp_path: Path
) -> None:
    server, ca_file, base = _secure_feed(secure_site)
    proxy.refused.add(server.port)
    config = f'[network]\nproxy = "{proxy.url}"\nca_file = "{ca_file}"\n'
    added = _reader(tmp_path / "data", "add", f"{base}/feed.xml", config=config)
    assert (
        f"the proxy {proxy.url} ([network] proxy) refused the request for"
        f" secure.example:{server.port} (403 Forbidden)"
    ) in added.stderr


def test_a_site_the_proxy_cannot_reach_is_said_as_that_site_not_answering(
    proxy: ForwardingProxy, tmp_path: Path
) -> None:
    port = _closed_port()
    config = f'[network]\nproxy = "{proxy.url}"\n'
    added = _reader(
        tmp_path / "data", "add", f"https://secure.example:{port}/feed.xml", config=config
    )
    assert (
        f"the proxy {proxy.url} ([network] proxy) could not reach secure.example:{port}"
        " (502 Bad Gateway)"
    ) in added.stderr


_SAID_OF_STYLE = {
    "page": "(502 Unable to connect)",
    "squid": "(503 Service Unavailable, ERR_CONNECT_FAIL)",
    "proxy-status": "(504 Gateway Timeout, connection_refused)",
    "bare": "(502 Bad Gateway)",
}


@pytest.mark.parametrize("style", ERROR_STYLES)
def test_a_plain_http_site_the_proxy_cannot_reach_is_said_as_the_proxys_failure(
    style: str, proxy: ForwardingProxy, tmp_path: Path
) -> None:
    """The proxy's own 502/503/504 (its error page, its headers) is not the site's answer."""
    proxy.error_style = style
    port = _closed_port()
    config = f'[network]\nproxy = "{proxy.url}"\nretries = 0\n'
    added = _reader(tmp_path / "data", "add", f"http://news.example:{port}/feed.xml", config=config)
    assert (
        f"the proxy {proxy.url} ([network] proxy) could not reach news.example:{port}"
        f" {_SAID_OF_STYLE[style]}"
    ) in added.stderr
    assert "HTTP 50" not in added.stderr


@pytest.mark.parametrize(
    ("status", "headers", "page"),
    [
        # nginx in front of the site: its page names no host.
        (502, {"Server": "nginx"}, "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"),
        # The site down for maintenance, naming itself: a Retry-After is the site's.
        (503, {"Retry-After": "120"}, "<p>news.example is down for maintenance</p>"),
        # A CDN's page naming the host: its request id is no proxy's.
        (502, {"CF-RAY": "8a1b2c3d4e5f-LHR", "Via": "1.1 cdn"}, "<p>news.example: bad gateway</p>"),
    ],
)
def test_the_sites_own_5xx_through_the_proxy_is_still_the_sites(
    status: int,
    headers: dict[str, str],
    page: str,
    httpserver: HTTPServer,
    proxy: ForwardingProxy,
    tmp_path: Path,
) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        page, status=status, headers=headers, content_type="text/html"
    )
    base = f"http://news.example:{httpserver.port}"
    config = f'[network]\nproxy = "{proxy.url}"\nretries = 0\n'
    added = _reader(tmp_path / "data", "add", f"{base}/feed.xml", config=config)
    assert f"HTTP {status}" in added.stderr
    assert "could not reach" not in added.stderr


def test_a_feed_the_proxy_cannot_reach_is_not_marked_failing(
    threaded_server: HTTPServer, proxy: ForwardingProxy, tmp_path: Path
) -> None:
    """The proxy failing to reach the site for an hour is no sign of a dead feed: the sync
    says it, `reader feeds --failing` lists nothing."""
    httpserver = threaded_server  # this test's own: stopped in it
    base = f"http://news.example:{httpserver.port}"
    _site(httpserver, base)
    config = f'[network]\nproxy = "{proxy.url}"\nretries = 0\n'
    added = _reader(tmp_path / "data", "add", f"{base}/feed.xml", config=config)
    assert added.returncode == 0, added.stderr
    httpserver.stop()  # the proxy's connections to it now fail: its own 502
    synced = _reader(tmp_path / "data", "sync", config=config)
    # A gateway's 502 (the proxy's here): left for the next sync, try again later (acc45 B6).
    assert synced.returncode == 75
    said = f"the proxy {proxy.url} ([network] proxy) could not reach news.example:{httpserver.port}"
    assert said in synced.stderr
    # Nor a proxy not there at all.
    down = f'[network]\nproxy = "http://127.0.0.1:{_closed_port()}"\nretries = 0\n'
    assert _reader(tmp_path / "data", "sync", config=down).returncode == 1
    _assert_no_failure_kept(tmp_path / "data", config)


def test_a_plain_http_feeds_407_is_the_proxys_and_marks_no_feed_failing(
    httpserver: HTTPServer, proxy: ForwardingProxy, tmp_path: Path
) -> None:
    """A proxy asking for a password answers a plain-http request itself, 407: its refusal,
    named as the https one's is, never the site's "HTTP 407" marking its feed failing (acc46b
    A5)."""
    base = f"http://news.example:{httpserver.port}"
    _site(httpserver, base)
    config = f'[network]\nproxy = "{proxy.url}"\nretries = 0\n'
    assert _reader(tmp_path / "data", "add", f"{base}/feed.xml", config=config).returncode == 0
    proxy.asks_password = True
    synced = _reader(tmp_path / "data", "sync", config=config)
    assert (
        f"the proxy {proxy.url} ([network] proxy) refused the request for"
        f" news.example:{httpserver.port} (407 Proxy Authentication Required)"
    ) in synced.stderr, synced.stderr
    assert "HTTP 407" not in synced.stderr
    _assert_no_failure_kept(tmp_path / "data", config)


def test_env_takes_the_environments_proxy_and_no_proxy(
    httpserver: HTTPServer, proxy: ForwardingProxy, tmp_path: Path
) -> None:
    base = f"http://news.example:{httpserver.port}"
    _site(httpserver, base)
    config = '[network]\nproxy = "env"\n'
    added = _reader(
        tmp_path / "data", "add", f"{base}/feed.xml", config=config, http_proxy=proxy.url
    )
    assert added.returncode == 0, added.stderr
    assert f"GET {base}/feed.xml HTTP/1.1" in proxy.log
    asked = len(proxy.log)
    again = _reader(
        tmp_path / "other",
        "add",
        "--keep",  # a name not found: not subscribed but kept so (acc44a A1)
        f"{base}/feed.xml",
        config=config,
        HTTP_PROXY=proxy.url,
        NO_PROXY="example",
    )
    # Asked directly: its name, which only the proxy resolves, is not found.
    assert "but its first fetch failed" in again.stderr
    assert "proxy" not in again.stderr
    assert len(proxy.log) == asked


def test_this_computers_own_addresses_are_reached_directly_whatever_the_proxy(
    httpserver: HTTPServer, proxy: ForwardingProxy, tmp_path: Path
) -> None:
    """A proxy elsewhere would reach its own loopback: the demo, a feed served here, go direct."""
    local = f"http://127.0.0.1:{httpserver.port}"
    _site(httpserver, local)
    config = f'[network]\nproxy = "{proxy.url}"\n'
    added = _reader(tmp_path / "data", "add", f"{local}/feed.xml", config=config)
    assert added.returncode == 0, added.stderr
    assert proxy.log == []


def test_a_proxy_the_environment_names_unused_is_said_once_a_connection_fails(
    proxy: ForwardingProxy, tmp_path: Path
) -> None:
    down = f"http://127.0.0.1:{_closed_port()}/feed.xml"
    added = _reader(
        tmp_path / "data", "add", "--keep", down, HTTPS_PROXY=proxy.url, http_proxy=proxy.url
    )
    assert (
        'http_proxy is set, but the reader connects directly: [network] proxy = "env" in the'
        " config uses it (README, Safety)"
    ) in added.stderr
    # A sync sums its failures up in one line: that says it too.
    synced = _reader(tmp_path / "data", "sync", HTTPS_PROXY=proxy.url, http_proxy=proxy.url)
    assert synced.returncode == 1
    assert (
        f"Nothing answered at 127.0.0.1:{down.split(':')[2].partition('/')[0]} (http_proxy is set,"
        " but the reader connects directly"
    ) in synced.stderr
    assert proxy.log == []


def test_a_literal_private_address_a_feed_through_the_proxy_names_is_still_refused(
    httpserver: HTTPServer, proxy: ForwardingProxy, tmp_path: Path
) -> None:
    # The feed is on a public name (the proxy resolves it); its item leads to 127.0.0.1.
    base = f"http://news.example:{httpserver.port}"
    _site(httpserver, base, link=f"http://127.0.0.1:{httpserver.port}/ferry.html")
    config = f'[network]\nproxy = "{proxy.url}"\n'
    _reader(tmp_path / "data", "add", f"{base}/feed.xml", config=config)
    synced = _reader(tmp_path / "data", "sync", config=config)
    assert (
        "refused a feed's link from a public address to a loopback one:"
        f" http://127.0.0.1:{httpserver.port}/ferry.html"
    ) in synced.stderr
    assert not any("ferry.html" in line for line in proxy.log)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ('"ftp://proxy.example:21"', '"http://host:port" or "socks5h://host:port" of a proxy'),
        ('"http://proxy.example:3128/path"', "a proxy's address is its host and port alone"),
        ("3128", 'of a proxy, or "env", in quotes'),
    ],
)
def test_a_proxy_setting_that_is_no_proxy_is_a_bad_setting(
    value: str, said: str, tmp_path: Path
) -> None:
    result = _reader(tmp_path / "data", "feeds", config=f"[network]\nproxy = {value}\n")
    assert result.returncode == 78
    assert said in result.stderr


def test_the_networks_probes_take_the_proxy_the_requests_take(
    httpserver: HTTPServer, secure_site: tuple[HTTPServer, Path], proxy: ForwardingProxy
) -> None:
    """A sync holding its articles while the network is gone probes it as its requests go:
    through the proxy, which alone resolves news.example and secure.example here."""
    from reader.library.network_probes import answers, connects

    httpserver.expect_request("/").respond_with_data("ok")
    plain = f"http://news.example:{httpserver.port}/"
    secure = f"https://secure.example:{secure_site[0].port}/"
    gone = f"http://news.example:{_closed_port()}/"

    async def probed() -> list[bool]:
        return [
            await connects(plain, 5, proxy.url),
            await answers(plain, 5, proxy.url),
            await answers(secure, 5, proxy.url),
            await answers(gone, 5, proxy.url),  # the proxy reaches no site there
        ]

    assert asyncio.run(probed()) == [True, True, True, False]
    assert f"HEAD {plain} HTTP/1.1" in proxy.log
    assert f"CONNECT secure.example:{secure_site[0].port} HTTP/1.1" in proxy.log


FIREFOX = "Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0"


def _probed(links: list[str], proxy: str | None) -> list[bool]:
    """Each of `links` probed as a sync's stalled network is (`NetworkHold`), through `proxy`,
    the requests' User-Agent FIREFOX."""
    from reader.library.network_hold import NetworkHold

    async def run() -> list[bool]:
        hold = NetworkHold(30, 5, lambda: None, lambda _link: proxy, lambda _link: FIREFOX)
        probe = hold._prober_of(stalling=True)
        return [await probe(link) for link in links]

    return asyncio.run(run())


def test_the_networks_probes_say_the_requests_user_agent(
    httpserver: HTTPServer, proxy: ForwardingProxy
) -> None:
    """The HEAD of a probe, directly and through an HTTP proxy, says `[network] user_agent`
    as the requests do: the reader's own, among a browser's, gave it away (acc50f A5)."""
    httpserver.expect_request("/").respond_with_data("ok")
    direct = f"http://127.0.0.1:{httpserver.port}/"
    proxied = f"http://news.example:{httpserver.port}/"
    assert _probed([direct], None) == [True]
    assert _probed([proxied], proxy.url) == [True]
    agents = [request.headers.get("User-Agent") for request, _ in httpserver.log]
    assert agents == [FIREFOX, FIREFOX], agents
