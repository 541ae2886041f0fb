"""Reading through Tor (acc50f): a `.onion` address typed without its scheme taken as plain
http, as onion services are served.

Served by pytest-httpserver on 127.0.0.1 behind a SOCKS 5 proxy of the tests' own
(`socks_proxy`), standing in for Tor's port 9050: the only one that knows the `.onion` names."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.socks_proxy import SocksProxy, socks_proxy
from tests.test_proxy import _reader, _site

ONION = "news.example.onion"


@pytest.fixture
def tor() -> Iterator[SocksProxy]:
    with socks_proxy({ONION: "127.0.0.1", "cdn.example.onion": "127.0.0.1"}) as proxy:
        yield proxy


def test_an_onion_address_typed_without_its_scheme_is_taken_as_plain_http(
    httpserver: HTTPServer, tor: SocksProxy, tmp_path: Path
) -> None:
    """Taken as https, the onion feed timed out or was refused for its certificate: an onion
    service is plain http as a rule, Tor encrypting it end to end (acc50f A11)."""
    base = f"http://{ONION}:{httpserver.port}"
    _site(httpserver, base)
    config = f'[network]\nproxy = "{tor.url()}"\n'
    added = _reader(tmp_path / "data", "add", f"{ONION}:{httpserver.port}/feed.xml", config=config)
    assert added.returncode == 0, added.stderr
    assert f"taken as {base}/feed.xml" in added.stderr, added.stderr
    assert "plain http" in added.stderr, added.stderr
    assert ("name", ONION, httpserver.port) in tor.log
