"""HTTP/2 where a server offers it: a TLS server of our own on loopback (hypercorn, ALPN h2).

The test's certificate authority is made by trustme and handed to the reader through the
`network.ca_file` setting, as a company's own authority would be.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import trustme
from hypercorn.asyncio import serve
from hypercorn.config import Config as HypercornConfig

PAGE = """<!doctype html><html lang="en"><head><title>Ferry timetable changes</title></head>
<body><nav><a href="/">Home</a> <a href="/harbour">Harbour</a></nav><article>
<h1>Ferry timetable changes</h1>
<p>The island ferry will leave forty minutes earlier on weekdays from next month, the operator
said on Monday, after commuters asked for a crossing that reaches the mainland before eight.</p>
<p>The last evening sailing moves later by the same margin, so the number of crossings a day
stays at nine, and fares are unchanged until the spring review.</p>
<p>Freight bookings made before the change will be honoured on the old times.</p>
</article><footer>Harbour Chronicle · Contact · Privacy</footer></body></html>"""


def _feed(base: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Chronicle</title>
<link>{base}/</link><item><title>Ferry timetable changes</title><link>{base}/ferry.html</link>
<guid>ferry-1</guid><pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>"""


@dataclass
class H2Site:
    base: str
    ca_file: Path
    seen: list[tuple[str, str]] = field(default_factory=list)  # (path, HTTP version)


def _app(site: H2Site) -> Any:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        site.seen.append((scope["path"], scope["http_version"]))
        if scope["path"] == "/feed.xml":
            body, ctype = _feed(site.base).encode(), b"application/rss+xml"
        elif scope["path"] == "/ferry.html":
            body, ctype = PAGE.encode(), b"text/html; charset=utf-8"
        else:
            body, ctype = b"not here", b"text/plain"
        headers = [(b"content-type", ctype)]
        accept = dict(scope["headers"]).get(b"accept-encoding", b"")
        if b"gzip" in accept:
            body = gzip.compress(body)
            headers.append((b"content-encoding", b"gzip"))
        status = 404 if ctype == b"text/plain" else 200
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return app


@pytest.fixture
def h2_site(tmp_path: Path) -> Iterator[H2Site]:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    cert_file, key_file, ca_file = (tmp_path / n for n in ("cert.pem", "key.pem", "ca.pem"))
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    cert.private_key_pem.write_to_path(str(key_file))
    ca.cert_pem.write_to_path(str(ca_file))

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    port = listener.getsockname()[1]
    site = H2Site(f"https://127.0.0.1:{port}", ca_file)

    config = HypercornConfig()
    config.bind = [f"fd://{listener.detach()}"]  # the server owns (and closes) the socket now
    config.certfile, config.keyfile = str(cert_file), str(key_file)
    config.alpn_protocols = ["h2", "http/1.1"]
    config.accesslog = config.errorlog = None
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(serve(_app(site), config, shutdown_trigger=stop.wait))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=10)


def _reader(data_dir: Path, config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "--data-dir",
            str(data_dir),
            "--config",
            str(config),
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_sync_speaks_http2_to_a_server_that_offers_it(h2_site: H2Site, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[network]\nca_file = "{h2_site.ca_file}"\n', encoding="utf-8")
    data = tmp_path / "data"
    assert _reader(data, config, "add", f"{h2_site.base}/feed.xml").returncode == 0
    result = _reader(data, config, "sync")
    assert result.returncode == 0, result.stderr
    assert "1 article cached for offline" in result.stderr
    fetched = {path: version for path, version in h2_site.seen}
    assert fetched == {"/feed.xml": "2", "/ferry.html": "2"}

    listed = json.loads(_reader(data, config, "list", "--json").stdout)
    shown = _reader(data, config, "show", listed[0]["id"], "--offline")
    assert shown.returncode == 0
    assert "forty minutes earlier" in shown.stdout and "Privacy" not in shown.stdout


def test_an_untrusted_certificate_is_one_clear_line(h2_site: H2Site, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    data = tmp_path / "data"
    _reader(data, config, "add", f"{h2_site.base}/feed.xml")
    result = _reader(data, config, "sync")
    assert result.returncode == 1
    assert "certificate" in result.stderr.lower()
    assert "Traceback" not in result.stderr and h2_site.seen == []


def test_a_missing_ca_file_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[network]\nca_file = "{tmp_path / "nope.pem"}"\n', encoding="utf-8")
    result = _reader(tmp_path / "data", config, "feeds")
    assert result.returncode == 78  # EX_CONFIG, as every bad setting
    assert result.stderr.count("\n") == 1 and "network.ca_file" in result.stderr
