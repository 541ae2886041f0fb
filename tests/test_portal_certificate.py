"""A Wi-Fi network catching secure connections for its login page, with a certificate of its
own naming none of the sites asked (acc42c C17): said once ("secure sites answered with the
network's certificate (…)"), no feed marked failing. Two https servers on 127.0.0.1 (two
hosts to the reader, by their ports) presenting one self-signed certificate, made by openssl."""

from __future__ import annotations

import asyncio
import http.server
import ssl
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.library import Library
from reader.models import ErrorKind
from tests.forwarding_proxy import forwarding_proxy
from tests.served_feed import story_page
from tests.test_portal import PORTAL, _run
from tests.test_proxy import _feed, _site

_NAME = "portal.hotel-wifi.example"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("portal-certificate")
    key, cert = folder / "key.pem", folder / "cert.pem"
    made = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
    subprocess.run(
        [
            *made,
            *("-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2"),
            *("-subj", f"/CN={_NAME}", "-addext", f"subjectAltName=DNS:{_NAME}"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


class _Portal(http.server.BaseHTTPRequestHandler):
    def body(self) -> str:
        return PORTAL

    def do_GET(self) -> None:
        body = self.body().encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def secure_sites(certificate: tuple[Path, Path]) -> Iterator[list[str]]:
    """Two https "sites" the network answers for, each with its login page."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    servers = []
    for _ in range(2):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Portal)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    yield [f"https://127.0.0.1:{s.server_address[1]}/feed.xml" for s in servers]
    for server in servers:
        server.shutdown()
        server.server_close()


def _said_once_none_marked(
    feeds: list[str], data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`feeds` imported and synced: the network's certificate said once, no feed failing."""
    listed = tmp_path / "feeds.txt"
    listed.write_text("\n".join(feeds) + "\n")
    _run(data_dir, "import", str(listed))
    capsys.readouterr()
    assert _run(data_dir, "sync") == 1
    err = capsys.readouterr().err
    said = f"secure sites answered with the network's certificate ({_NAME})"
    assert err.count(said) == 1, err
    assert "feed failed" not in err and "certificate verify failed" not in err, err
    assert "Nothing answered" not in err and "doesn't trust" not in err, err

    async def last_errors() -> list[str | None]:
        async with Library(data_dir) as lib:
            return [f.last_error for f in lib.feeds()]

    assert asyncio.run(last_errors()) == [None, None]


def test_secure_sites_answered_with_the_networks_certificate_are_said_once_not_marked(
    secure_sites: list[str], data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _said_once_none_marked(secure_sites, data_dir, tmp_path, capsys)


def test_one_secure_site_answering_with_another_hosts_certificate_names_it(
    secure_sites: list[str], data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One site alone with a certificate for another name: its own failure still (a site's
    broken setup), now naming the name its certificate is for."""

    async def refreshed() -> list[tuple[ErrorKind | None, str]]:
        async with Library(data_dir) as lib:
            results = await lib.refresh()
            return [(r.error.kind if r.error else None, str(r.error)) for r in results]

    listed = tmp_path / "feeds.txt"
    listed.write_text(secure_sites[0] + "\n")
    _run(data_dir, "import", str(listed))
    ((kind, said),) = asyncio.run(refreshed())
    assert kind == ErrorKind.NETWORK
    assert f"it answered with a certificate for {_NAME}, not for it" in said


def test_behind_a_proxy_the_networks_certificate_is_read_through_it(
    secure_sites: list[str], data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Behind a company's proxy the network's gateway answers the sites asked through it:
    its certificate is read through the proxy (a CONNECT, as the fetches go), and said once.
    The sites have names only the proxy resolves: nothing reaches them directly."""
    ports = [site.split(":")[2].partition("/")[0] for site in secure_sites]
    names = ["harbour.example", "quay.example"]
    with forwarding_proxy(dict.fromkeys(names, "127.0.0.1")) as proxy:
        (data_dir / "config.toml").write_text(f'[network]\nproxy = "{proxy.url}"\n')
        feeds = [f"https://{n}:{p}/feed.xml" for n, p in zip(names, ports, strict=True)]
        _said_once_none_marked(feeds, data_dir, tmp_path, capsys)
    # A tunnel for each fetch, and one for each of the certificate's two handshakes.
    for name, port in zip(names, ports, strict=True):
        assert proxy.log.count(f"CONNECT {name}:{port} HTTP/1.1") >= 3, proxy.log


def test_one_feed_that_verified_before_meeting_another_name_is_not_failing_at_once(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A single https feed on a hotel's login network, a plain http one answering: its
    certificate, for the network's own name, told from a site's broken setup by nothing, was
    counted failing at the first sync and dropped by `reader remove --failing` (net52). Where
    the feed verified before it is failing once the failure has lasted, as a timeout is;
    marked `!` meanwhile."""
    import trustme

    from reader.failing_feeds import LASTED, LASTED_FETCHES, failing, failing_lately

    authority = trustme.CA()
    own, portal = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER), ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    authority.issue_cert("127.0.0.1").configure_cert(own)
    authority.issue_cert(_NAME).configure_cert(portal)
    caught = threading.Event()

    def handshake(sock: ssl.SSLObject, _name: str | None, _context: ssl.SSLContext) -> None:
        if caught.is_set():
            sock.context = portal

    own.sni_callback = handshake

    class Feed(_Portal):
        def body(self) -> str:
            base = f"https://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/ferry.html":
                return story_page("Ferry timetable changes")
            return _feed(base, f"{base}/ferry.html")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    server.socket = own.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ca_file = data_dir.parent / "ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "config.toml").write_text(f'[network]\nca_file = "{ca_file}"\n')
    url = f"https://127.0.0.1:{server.server_address[1]}/feed.xml"
    plain = httpserver.url_for("/feed.xml")
    _site(httpserver, plain.removesuffix("/feed.xml"))

    async def feed_now() -> Feed:
        async with Library(data_dir) as lib:
            return next(f for f in lib.feeds() if f.url == url)

    try:
        assert _run(data_dir, "add", url) == 0
        assert _run(data_dir, "add", plain) == 0
        assert _run(data_dir, "sync") == 0
        caught.set()
        _run(data_dir, "sync")
        capsys.readouterr()
        feed = asyncio.run(feed_now())
        assert f"it answered with a certificate for {_NAME}, not for it" in (feed.last_error or "")
        assert not failing(feed) and failing_lately(feed)
        # Lasted (days, fetches), it is failing; so at once is one that never verified.
        assert feed.failing_since is not None
        lasted = replace(feed, failing_since=feed.failing_since - LASTED, failures=LASTED_FETCHES)
        assert failing(lasted, feed.failing_since + timedelta(seconds=1))
        assert failing(replace(feed, last_success=None))
        _run(data_dir, "remove", "--failing")
        assert asyncio.run(feed_now()).url == url  # still subscribed
    finally:
        server.shutdown()
        server.server_close()
