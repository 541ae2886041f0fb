"""A SOCKS 5 proxy, Tor's among them, in `[network] proxy` ("socks5h://host:port") or named by the
environment under "env" (`ALL_PROXY`): every fetch goes through it, the site's name handed to it
(no DNS lookup here), and a reader without the package httpx speaks SOCKS with says so in one
line (acc48a A3: refused as a setting, and a 55-line ImportError traceback under "env").

Served by pytest-httpserver on 127.0.0.1 behind a SOCKS 5 proxy of the tests' own
(`socks_proxy`), the only one that knows the name news.example."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.socks_proxy import SocksProxy, socks_proxy, watched_lookups
from tests.test_proxy import (  # noqa: F401
    _assert_no_failure_kept,
    _closed_port,
    _probed,
    _reader,
    _secure_feed,
    _site,
    secure_site,
)


@pytest.fixture
def tor() -> Iterator[SocksProxy]:
    with socks_proxy({"news.example": "127.0.0.1", "secure.example": "127.0.0.1"}) as proxy:
        yield proxy


def _synced(
    httpserver: HTTPServer, tmp_path: Path, config: str, **env: str
) -> subprocess.CompletedProcess[str]:
    base = f"http://news.example:{httpserver.port}"
    _site(httpserver, base)
    added = _reader(tmp_path / "data", "add", f"{base}/feed.xml", config=config, **env)
    assert added.returncode == 0, added.stderr
    synced = _reader(tmp_path / "data", "sync", config=config, **env)
    assert synced.returncode == 0, synced.stderr
    return _reader(tmp_path / "data", "show", "--offline", f"{base}/ferry.html", config=config)


@pytest.mark.parametrize("scheme", ["socks5h", "socks5"])
def test_a_feed_and_its_article_come_through_a_socks_proxy_named_in_the_config(
    httpserver: HTTPServer, tor: SocksProxy, tmp_path: Path, scheme: str
) -> None:
    shown = _synced(httpserver, tmp_path, f'[network]\nproxy = "{tor.url(scheme)}"\n')
    assert "after a consultation that drew more replies" in shown.stdout
    # The name handed to the proxy, never an address looked up here (it has none here).
    assert ("name", "news.example", httpserver.port) in tor.log
    assert all(how == "name" for how, _, _ in tor.log)


def test_https_through_a_socks_proxy_checks_the_sites_certificate(
    secure_site: tuple[HTTPServer, Path],  # noqa: F811
    tor: SocksProxy,
    tmp_path: Path,
) -> None:
    """TLS end to end with the site, through the proxy's tunnel: its certificate, by an
    authority not trusted, refused; trusted (`ca_file`), the feed comes."""
    server, ca_file, base = _secure_feed(secure_site)
    config = f'[network]\nproxy = "{tor.url()}"\n'
    untrusted = _reader(tmp_path / "plain", "add", f"{base}/feed.xml", config=config)
    assert "authority this computer doesn't trust" in untrusted.stderr, untrusted.stderr
    config += f'ca_file = "{ca_file}"\n'
    added = _reader(tmp_path / "data", "add", f"{base}/feed.xml", config=config)
    assert added.returncode == 0, added.stderr
    assert ("name", "secure.example", server.port) in tor.log


def test_env_takes_a_socks_proxy_from_all_proxy(
    httpserver: HTTPServer, tor: SocksProxy, tmp_path: Path
) -> None:
    config = '[network]\nproxy = "env"\n'
    shown = _synced(httpserver, tmp_path, config, ALL_PROXY=tor.url())
    assert "after a consultation that drew more replies" in shown.stdout
    assert len(tor.log) >= 2  # the feed and its article


def test_a_socks_proxy_without_its_package_is_said_in_one_line(
    tor: SocksProxy, tmp_path: Path
) -> None:
    """The reader run where socksio can't be imported (a stand-in that fails, first on the
    path), as an install made without the reader's dependencies is."""
    stub = tmp_path / "stub" / "socksio"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text("raise ImportError('no socksio here')\n")
    path = os.pathsep.join([str(stub.parent), os.environ.get("PYTHONPATH", "")])
    for number, (config, env) in enumerate(
        [
            (f'[network]\nproxy = "{tor.url()}"\n', {}),
            ('[network]\nproxy = "env"\n', {"ALL_PROXY": tor.url()}),
        ]
    ):
        added = _reader(
            tmp_path / f"data{number}",
            "add",
            "http://news.example/feed.xml",
            config=config,
            PYTHONPATH=path,
            **env,
        )
        assert added.returncode != 0
        assert "Traceback" not in added.stderr, added.stderr
        line = added.stderr.splitlines()[0]  # the feed, subscribed, is retried by a sync
        assert "socksio" in line and "httpx[socks]" in line, line
        assert ("[network] proxy" if not env else "ALL_PROXY") in line, line
    assert tor.log == []


def test_a_saved_links_host_is_handed_to_the_proxy_never_looked_up_here(
    httpserver: HTTPServer,
    tor: SocksProxy,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`reader import --saved` of a list of links, through Tor: each link's host was looked up
    by this computer's DNS first (whether it is on this computer's network), every `.onion`
    name told to the local resolver though the fetch went through the proxy (acc50f). The
    lookups are watched where Python makes them, the one place a test sees them."""
    from reader.cli import main

    base = f"http://news.example:{httpserver.port}"
    _site(httpserver, base)
    looked_up = watched_lookups(monkeypatch)
    config = tmp_path / "config.toml"
    config.write_text(f'[network]\nproxy = "{tor.url()}"\n')
    links = tmp_path / "links.txt"
    links.write_text(f"{base}/ferry.html\n")
    data = ["--data-dir", str(tmp_path / "data"), "--config", str(config)]
    assert main([*data, "import", "--saved", str(links)]) == 0, capsys.readouterr().err
    assert "1 saved for offline reading" in capsys.readouterr().out
    assert ("name", "news.example", httpserver.port) in tor.log
    assert "news.example" not in looked_up, looked_up


def test_a_socks_proxy_closing_after_the_request_is_said_in_one_line_as_the_proxys(
    tor: SocksProxy, tmp_path: Path
) -> None:
    """The proxy reads the CONNECT and closes (a Tor restarting): was socksio's ProtocolError
    ("Malformed reply"), a 60-line traceback in `reader add`, "an error the reader did not
    foresee" of every feed in a sync, each marked failing (acc50f A6)."""
    config = f'[network]\nproxy = "{tor.url()}"\n'
    tor.closing = True
    added = _reader(tmp_path / "data", "add", "http://news.example/feed.xml", config=config)
    assert added.returncode != 0
    assert "Traceback" not in added.stderr, added.stderr
    line = added.stderr.splitlines()[0]
    assert f"the proxy {tor.url()} ([network] proxy)" in line, line
    assert "news.example" in line and "did not foresee" not in line, line
    synced = _reader(tmp_path / "data", "sync", config=config)
    assert "did not foresee" not in synced.stderr, synced.stderr
    assert f"the proxy {tor.url()}" in synced.stderr, synced.stderr
    _assert_no_failure_kept(tmp_path / "data", config)


@pytest.mark.parametrize("value", ["socks://127.0.0.1:9050", "socks4a://127.0.0.1:9050"])
def test_an_environments_proxy_in_a_shape_not_spoken_is_said_in_one_line(
    tor: SocksProxy, tmp_path: Path, value: str
) -> None:
    """GNOME's proxy settings export ALL_PROXY=socks://…: under "env" it was httpx's ValueError,
    a traceback, where the same value in the config is refused in one line (acc50f A7)."""
    added = _reader(
        tmp_path / "data",
        "add",
        "http://news.example/feed.xml",
        config='[network]\nproxy = "env"\n',
        ALL_PROXY=value,
    )
    assert added.returncode != 0
    assert "Traceback" not in added.stderr, added.stderr
    line = added.stderr.splitlines()[0]
    assert "ALL_PROXY" in line and value in line and "socks5h://host:port" in line, line
    assert tor.log == []


def test_the_networks_probes_ask_a_socks_proxy_in_socks(
    httpserver: HTTPServer, tor: SocksProxy
) -> None:
    """A sync's stalled network probed through the SOCKS proxy its requests take: a HEAD in
    HTTP went to the SOCKS port, never answered by a SOCKS proxy and always by Tor ("501 Tor
    is not an HTTP Proxy"), whatever the network (acc50f A5). Its CONNECT, the name handed."""
    httpserver.expect_request("/").respond_with_data("ok")
    there = f"http://news.example:{httpserver.port}/"
    gone = f"http://news.example:{_closed_port()}/"  # the proxy reaches nothing there
    assert _probed([there, gone], tor.url()) == [True, False]
    assert ("name", "news.example", httpserver.port) in tor.log
    assert all(how == "name" for how, _, _ in tor.log)


@pytest.mark.parametrize("env", [{}, {"HTTPS_PROXY": "socks5h://127.0.0.1:9"}])
def test_env_with_no_variable_for_the_link_says_it_connected_directly(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """`proxy = "env"` in a shell that lost the variables (cron, sudo), or with only
    HTTPS_PROXY for an http link: the direct connection's failure said nothing of the proxy
    the user asked for (acc50f A4)."""
    added = _reader(
        tmp_path / "data",
        "add",
        "http://news.example/feed.xml",
        config='[network]\nproxy = "env"\n',
        **env,
    )
    assert added.returncode != 0
    line = added.stderr.splitlines()[0]
    assert '[network] proxy = "env", but neither HTTP_PROXY nor ALL_PROXY is set' in line, line
