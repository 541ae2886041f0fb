"""The reader trusts what the system trusts (acc43b B7): OpenSSL's store, or what
`SSL_CERT_FILE` names instead, as curl and Python read it; only certifi's copy of Mozilla's
list was read, and a company's authority installed the system's way was refused. A refused
certificate is said whole and as the host's answer, not "Nothing answered". A real https server
on 127.0.0.1 with a certificate for its address, signed by an authority trustme makes; the
reader run as a process, its environment as a shell gives it."""

from __future__ import annotations

import http.server
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from reader.intercepted import names_host
from tests.cli_run import reader_process

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Secure Desk</title>
<item><title>Quay lights back on after the storm</title><link>{base}/quay.html</link>
<guid>quay-1</guid></item></channel></rss>"""


class _Site(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        base = f"https://127.0.0.1:{self.server.server_address[1]}"
        body = FEED.format(base=base).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def secure_site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A feed on https://127.0.0.1:PORT, and the PEM file of the authority that signed its
    certificate (one for the address alone, as a server on a company's own address has)."""
    authority = trustme.CA()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    authority.issue_cert("127.0.0.1").configure_cert(context)
    ca_file = tmp_path / "company-ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{server.server_address[1]}/feed.xml", ca_file
    server.shutdown()
    server.server_close()


def _reader(data: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return reader_process(data, *args, dropped=("SSL_CERT_FILE", "SSL_CERT_DIR"), **env)


def test_the_authority_ssl_cert_file_names_is_trusted(
    secure_site: tuple[str, Path], tmp_path: Path
) -> None:
    url, ca_file = secure_site
    added = _reader(tmp_path / "data", "add", url, SSL_CERT_FILE=str(ca_file))
    assert added.returncode == 0, added.stderr
    listed = _reader(tmp_path / "data", "list")
    assert "Quay lights back on after the storm" in listed.stdout


def test_a_certificate_signed_by_an_untrusted_authority_is_said_whole_and_as_an_answer(
    secure_site: tuple[str, Path], tmp_path: Path
) -> None:
    url, _ = secure_site
    host = url.removeprefix("https://").partition("/")[0]
    refused = (
        f"secure connection to {host} failed: its certificate is signed by an authority this"
        " computer doesn't trust (unable to get local issuer certificate): a company's own"
        " authority goes in [network] ca_file"
    )
    added = _reader(tmp_path / "data", "add", url)
    assert refused in added.stderr
    synced = _reader(tmp_path / "data", "sync")
    assert synced.returncode == 1
    assert f"reader: feed failed: {url}: {refused}" in synced.stderr
    # The host answered the handshake: not "Nothing answered at 127.0.0.1:PORT".
    assert "Nothing answered" not in synced.stderr
    assert "certificate for no name" not in synced.stderr + added.stderr


def test_a_certificate_naming_an_address_names_that_host() -> None:
    assert names_host(("127.0.0.1",), "127.0.0.1")
    assert names_host(("0:0:0:0:0:0:0:1",), "[::1]")
    assert not names_host(("10.0.0.1",), "127.0.0.1")
    assert not names_host(("portal.hotel-wifi.example",), "127.0.0.1")


def test_a_ca_file_holding_no_certificate_is_a_bad_setting_at_start(
    secure_site: tuple[str, Path], tmp_path: Path
) -> None:
    """`[network] ca_file` naming a file there but holding no certificate (the wrong file, a
    key, a DER file) passed the config's check and failed every fetch, plain http too, exit 1;
    it is a bad setting as a missing one is: one line, 78 (acc43b B15)."""
    url, ca_file = secure_site
    data = tmp_path / "data"
    data.mkdir()
    wrong = tmp_path / "hostname"
    wrong.write_text("newsroom-7\n")
    (data / "config.toml").write_text(f'[network]\nca_file = "{wrong}"\n')
    added = _reader(data, "add", url)
    assert added.returncode == 78
    assert added.stderr == (
        f"reader: bad setting in {data / 'config.toml'}: network.ca_file: {wrong} can't be"
        " used: it holds no PEM certificate\n"
    )
    (data / "config.toml").write_text(f'[network]\nca_file = "{ca_file}"\n')
    assert _reader(data, "add", url).returncode == 0
