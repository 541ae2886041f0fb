"""A secure connection's failure that another try won't mend (an expired certificate, one for
another host, https asked of a port speaking plain http) is the feed failing at once, as a 404
is: it lasts until the site fixes it. One that may pass (the connection reset in the middle of
the handshake) counts only once it has lasted, as a time-out does (feeds50 left every TLS
failure passing). Real servers on 127.0.0.1 over TLS with certificates trustme makes, the
reader run as a process."""

from __future__ import annotations

import json
import socket
import ssl
import struct
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import trustme
from pytest_httpserver import HTTPServer

from tests.cli_run import reader_process

_RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay</title>'
    "<item><title>Quay one</title><link>http://127.0.0.1:9/q.html</link></item></channel></rss>"
)


def _secure_server(authority: trustme.CA, *names: str, expired: bool = False) -> HTTPServer:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    past = datetime.now(UTC) - timedelta(days=30)
    if expired:
        cert = authority.issue_cert(*names, not_before=past, not_after=past + timedelta(days=1))
    else:
        cert = authority.issue_cert(*names)
    cert.configure_cert(context)
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.expect_request("/feed.xml").respond_with_data(_RSS, content_type="application/rss+xml")
    server.start()
    return server


@pytest.fixture
def resetting_port() -> Iterator[int]:
    """A port that takes the connection, reads the TLS hello and resets it, handshake unfinished."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    done = threading.Event()

    def serve() -> None:
        while not done.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.recv(4096)
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    done.set()
    thread.join()
    listener.close()


def test_a_lasting_tls_failure_is_failing_at_once_and_a_reset_handshake_is_not(
    httpserver: HTTPServer, resetting_port: int, tmp_path: Path
) -> None:
    authority = trustme.CA()
    ca_file = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    expired = _secure_server(authority, "127.0.0.1", expired=True)
    elsewhere = _secure_server(authority, "other.example")
    httpserver.expect_request("/feed.xml").respond_with_data(_RSS)
    urls = {
        "expired": f"https://127.0.0.1:{expired.port}/feed.xml",
        "elsewhere": f"https://127.0.0.1:{elsewhere.port}/feed.xml",
        "plain": f"https://127.0.0.1:{httpserver.port}/feed.xml",
        "reset": f"https://127.0.0.1:{resetting_port}/feed.xml",
    }
    data = tmp_path / "data"
    data.mkdir()
    (data / "config.toml").write_text(f'[network]\nca_file = "{ca_file}"\nretries = 0\n')
    try:
        for url in urls.values():
            assert reader_process(data, "add", "--keep", url, dropped=("SSL_CERT",)).returncode
        rows = {
            row["url"]: row for row in json.loads(reader_process(data, "feeds", "--json").stdout)
        }
    finally:
        expired.stop()
        elsewhere.stop()
    said = {name: rows[url]["last_error"] for name, url in urls.items()}
    assert "its certificate has expired" in said["expired"], said
    assert "does not speak https" in said["plain"], said
    kept = {name: (rows[url]["failure"], rows[url]["failing"]) for name, url in urls.items()}
    assert kept == {
        "expired": ("tls", True),
        "elsewhere": ("tls", True),
        "plain": ("tls", True),
        "reset": (kept["reset"][0], False),
    }, said
    assert kept["reset"][0] != "tls", said
    failing = reader_process(data, "feeds", "--failing").stdout
    assert urls["expired"] in failing and urls["reset"] not in failing
