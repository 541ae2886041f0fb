"""Reading through Tor (acc50f): a `.onion` address typed without its scheme taken as plain
http, as onion services are served; each site's requests handed to the proxy under a user name
of their own, the site's, so that Tor gives each site a circuit of its own (IsolateSOCKSAuth);
a page's and a picture's `Accept` a browser's, Tor Browser's, not the reader's own; an onion
service's article's pictures on the clearnet left alone unless the config lets them come; a
newsboat urls file's proxy read from its own config, or the one read said.

Served by pytest-httpserver on 127.0.0.1 behind a SOCKS 5 proxy of the tests' own
(`socks_proxy`), standing in for Tor's port 9050: the only one that knows the `.onion` names."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.picture_bytes import png
from tests.served_feed import story_page
from tests.socks_proxy import SocksProxy, socks_proxy, watched_lookups
from tests.test_newsboat_marks import newsboat_files
from tests.test_proxy import TITLE, _feed, _reader, _site

ONION = "news.example.onion"
CLEARNET = "img.clearnet.example"
SITES = (ONION, "harbour.onion", "www.harbour.onion", "quay.onion", CLEARNET)


@pytest.fixture
def tor() -> Iterator[SocksProxy]:
    with socks_proxy(dict.fromkeys(SITES, "127.0.0.1")) as proxy:
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


def _read_feeds(tor: SocksProxy, data: Path, config: str, *sites: str) -> None:
    """The feeds at /feed.xml of `sites` subscribed and synced through `tor`."""
    config = f'[network]\nproxy = "{tor.url()}"\n{config}'
    for site in sites:
        added = _reader(data, "add", f"{site}/feed.xml", config=config)
        assert added.returncode == 0, added.stderr
    synced = _reader(data, "sync", config=config)
    assert synced.returncode == 0, synced.stderr


def _read_two_sites(server: HTTPServer, tor: SocksProxy, data: Path, config: str) -> None:
    """harbour.onion's feed, its article on www.harbour.onion, and quay.onion's feed, read."""
    base = f"http://harbour.onion:{server.port}"
    _site(server, base, f"http://www.harbour.onion:{server.port}/ferry.html")
    _read_feeds(tor, data, config, base, f"http://quay.onion:{server.port}")
    assert ("name", "www.harbour.onion", server.port) in tor.log  # the article, fetched


def test_each_site_is_handed_to_tor_under_a_user_name_of_its_own(
    httpserver: HTTPServer, tor: SocksProxy, tmp_path: Path
) -> None:
    """One user name, no circuit kept apart: Tor carried every site a reader reads over one
    circuit, one exit seeing them all (acc50f A9). A site's subdomains are the site's."""
    _read_two_sites(httpserver, tor, tmp_path / "data", "isolate_sites = true\n")
    names = {host: {user for at, user in tor.users if at == host} for host, _ in tor.users}
    assert names == {
        "harbour.onion": {"harbour.onion"},
        "www.harbour.onion": {"harbour.onion"},
        "quay.onion": {"quay.onion"},
    }


@pytest.mark.parametrize(
    ("feed_host", "article_host", "one_site"),
    [("alice.github.io", "bob.github.io", False), ("news.abc.de", "www.abc.de", True)],
)
def test_sites_are_told_apart_by_the_public_suffix_list(
    httpserver: HTTPServer, tmp_path: Path, feed_host: str, article_host: str, one_site: bool
) -> None:
    """A guess from the labels ("two, three under a country's short second level") put two
    users' sites on github.io under one user name, one circuit, and split a .de paper's
    sections on three-letter names into two sites (net52)."""
    with socks_proxy(dict.fromkeys((feed_host, article_host), "127.0.0.1")) as tor:
        base = f"http://{feed_host}:{httpserver.port}"
        _site(httpserver, base, f"http://{article_host}:{httpserver.port}/ferry.html")
        _read_feeds(tor, tmp_path / "data", "isolate_sites = true\n", base)
        names = {host: {user for at, user in tor.users if at == host} for host, _ in tor.users}
    site = feed_host.partition(".")[2] if one_site else ""
    assert names == {
        feed_host: {site or feed_host},
        article_host: {site or article_host},
    }


def test_the_networks_probes_hand_the_sites_user_name(
    httpserver: HTTPServer, tor: SocksProxy
) -> None:
    """A stalled sync's probe of a site, through the proxy, under the site's user name as
    its requests are: under none, Tor put the probes of every site on one circuit."""
    import asyncio

    from reader.library.network_hold import NetworkHold
    from reader.proxies import route

    httpserver.expect_request("/").respond_with_data("ok")
    routes = route(tor.url(), {}, isolate=True)

    async def run() -> bool:
        hold = NetworkHold(30, 5, lambda: None, routes.proxy_of_site, lambda _link: "")
        return await hold._prober_of(stalling=True)(f"http://www.harbour.onion:{httpserver.port}/")

    assert asyncio.run(run())
    assert tor.users == [("www.harbour.onion", "harbour.onion")]


@pytest.mark.parametrize("setting", ["isolate_sites = false\n", ""])
def test_isolate_sites_false_hands_no_user_name(
    httpserver: HTTPServer, tor: SocksProxy, tmp_path: Path, setting: str
) -> None:
    """Nor the default, "tor", to a proxy on a port not Tor's (the tests' own): a proxy
    taking no user name (`ssh -D`'s) refused every request once the reader sent one."""
    _read_two_sites(httpserver, tor, tmp_path / "data", setting)
    assert {user for _, user in tor.users} == {""}


def test_the_default_hands_sites_names_to_tors_own_ports_only() -> None:
    from reader.config import FetchLimits
    from reader.proxies import route

    default = FetchLimits().isolate_sites
    for port, named in ((9050, True), (9150, True), (1080, False), (9051, False)):
        routes = route(f"socks5h://127.0.0.1:{port}", {}, isolate=default)
        proxy = routes.proxy_of_site("http://www.harbour.onion/ferry.html") or ""
        assert ("harbour.onion:" in proxy) is named, (port, proxy)
    routes = route("socks5h://127.0.0.1:1080", {}, isolate=True)
    assert "harbour.onion:" in (routes.proxy_of_site("http://harbour.onion/") or "")


@pytest.mark.parametrize(("closing", "said"), [(False, "refused"), (True, "closed")])
def test_a_socks_proxy_taking_no_user_name_names_the_setting(
    tor: SocksProxy, tmp_path: Path, closing: bool, said: str
) -> None:
    """A SOCKS proxy not Tor's refusing the site's user name, in a reply (Dante) or closing
    (`ssh -D`): one line naming the setting that sends it."""
    tor.takes_names, tor.closes_on_names = False, closing
    config = f'[network]\nproxy = "{tor.url()}"\nisolate_sites = true\n'
    added = _reader(tmp_path / "data", "add", "http://quay.onion/feed.xml", config=config)
    assert added.returncode != 0
    line = added.stderr.splitlines()[0]
    assert f"the proxy {tor.url()} ([network] proxy) {said}" in line, line
    assert "set [network] isolate_sites = false" in line, line  # the fix, named (acc51d D6)


def test_a_page_and_its_picture_are_asked_for_with_a_browsers_accept(
    httpserver: HTTPServer, tor: SocksProxy, tmp_path: Path
) -> None:
    """Each a value of the reader's own ("…*/*;q=0.5", "…image/gif;q=0.9"), a sign among Tor
    Browser's requests in a watched site's log of what reads it (acc50f A9)."""
    base = f"http://{ONION}:{httpserver.port}"
    httpserver.expect_request("/feed.xml").respond_with_data(
        _feed(base, f"{base}/ferry.html"), content_type="application/rss+xml"
    )
    page = story_page(TITLE).replace("<h1>", "<img src='/quay.png' alt='The quay'><h1>")
    httpserver.expect_request("/ferry.html").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/quay.png").respond_with_data(png(), content_type="image/png")
    _read_feeds(tor, tmp_path / "data", "", base)
    accepts = {request.path: request.headers.get("Accept") for request, _ in httpserver.log}
    assert accepts["/ferry.html"] == (
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    )
    assert accepts["/quay.png"] == (
        "image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5"
    )


def _onion_page_with_pictures(server: HTTPServer) -> str:
    """An onion service's feed, its article with a picture of its own, one on another onion
    service, one on a clearnet host, one sent on there, and an og:image there: its address."""
    base = f"http://{ONION}:{server.port}"
    server.expect_request("/feed.xml").respond_with_data(
        _feed(base, f"{base}/ferry.html"), content_type="application/rss+xml"
    )
    pictures = "".join(
        f"<figure><img src='{src}' alt='The quay'></figure>"
        for src in (
            "/own.png",
            f"http://quay.onion:{server.port}/onion.png",
            f"http://{CLEARNET}:{server.port}/clear.png",
            "/moved.png",  # sent on to the clearnet
        )
    )
    page = story_page(TITLE).replace("<h1>", f"{pictures}<h1>")
    og = f"<meta property='og:image' content='http://{CLEARNET}:{server.port}/og.png'>"
    page = page.replace("</head>", f"{og}</head>")
    server.expect_request("/ferry.html").respond_with_data(page, content_type="text/html")
    for name in ("own", "onion", "clear", "og", "away"):
        server.expect_request(f"/{name}.png").respond_with_data(png(), content_type="image/png")
    server.expect_request("/moved.png").respond_with_data(
        "", status=302, headers={"Location": f"http://{CLEARNET}:{server.port}/away.png"}
    )
    return base


@pytest.mark.parametrize("allowed", [False, True])
def test_an_onion_articles_clearnet_pictures_are_left_alone_unless_let_come(
    httpserver: HTTPServer, tor: SocksProxy, tmp_path: Path, allowed: bool
) -> None:
    """Asking for them told the clearnet hosts, at the moment, that someone reads the onion
    service's article, its og:image among them, which no browser shows (acc50f A9)."""
    base = _onion_page_with_pictures(httpserver)
    config = "onion_clearnet_pictures = true\n" if allowed else ""
    _read_feeds(tor, tmp_path / "data", config, base)
    asked = {request.path for request, _ in httpserver.log}
    assert {"/own.png", "/onion.png"} <= asked
    clearnet = {"/clear.png", "/og.png", "/away.png"}
    assert (clearnet <= asked) if allowed else not (clearnet & asked), asked
    assert any(host == CLEARNET for _, host, _ in tor.log) is allowed
    if not allowed:
        shown = _reader(
            tmp_path / "data", "show", "--offline", "--format", "json", f"{base}/ferry.html"
        )
        why = {
            p["url"].rpartition("/")[2]: p.get("why", "")
            for p in json.loads(shown.stdout)["pictures"]
        }
        assert all(
            "onion_clearnet_pictures" in why[name] for name in ("clear.png", "og.png", "moved.png")
        ), why
        # The one its onion address sent on says where (acc51d D7: said on a clearnet host).
        assert f"not fetched: sent on to {CLEARNET}, a clearnet host," in why["moved.png"], why
        assert f"not fetched: on {CLEARNET}, a clearnet host," in why["clear.png"], why


@pytest.mark.parametrize("how", ["sync", "open"])
def test_clearnet_pictures_left_out_come_once_let_come(
    httpserver: HTTPServer, tor: SocksProxy, tmp_path: Path, how: str
) -> None:
    """Left out while `onion_clearnet_pictures` was off, they were refused for good: turned
    on, no sync nor opening asked for them again (net52). Now the next sync fetches them, as
    does the article's opening (`reader show`, online, as the reader opens it)."""
    base = _onion_page_with_pictures(httpserver)
    data = tmp_path / "data"
    _read_feeds(tor, data, "", base)
    clearnet = {"/clear.png", "/og.png", "/away.png"}
    assert not clearnet & {request.path for request, _ in httpserver.log}
    config = f'[network]\nproxy = "{tor.url()}"\nonion_clearnet_pictures = true\n'
    if how == "sync":
        done = _reader(data, "sync", config=config)
        assert done.returncode == 0, done.stderr
    else:  # opened as the reader opens it: its pictures fetched behind it
        (data / "config.toml").write_text(config)
        asyncio.run(_opened(data))
    assert clearnet <= {request.path for request, _ in httpserver.log}
    shown = _reader(data, "show", "--offline", "--format", "json", f"{base}/ferry.html")
    why = {
        p["url"].rpartition("/")[2]: p.get("why", "") for p in json.loads(shown.stdout)["pictures"]
    }
    assert not any("onion_clearnet_pictures" in said for said in why.values()), why


async def _opened(data: Path) -> None:
    from reader.config import load_config
    from reader.library import Library

    async with Library.configured(data, load_config(data / "config.toml")) as lib:
        (headline,) = lib.headlines()
        assert await lib.article(headline.entry) is not None
        await lib.pictures_settled()


def test_newsboat_s_own_config_read_for_a_urls_file_elsewhere_is_said_so(
    httpserver: HTTPServer, tor: SocksProxy, tmp_path: Path
) -> None:
    """A urls file with no config beside it had newsboat's own config read for its proxy,
    said as the file's ("newsboat's config, ~/.newsboat/config"), which need not be the one
    its newsboat ran with (acc50f)."""
    home = tmp_path / "home"
    (home / ".newsboat").mkdir(parents=True)
    own = home / ".newsboat" / "config"
    own.write_text(f"use-proxy yes\nproxy 127.0.0.1:{tor.port}\nproxy-type socks5h\n")
    elsewhere = tmp_path / "stick"
    elsewhere.mkdir()
    urls = elsewhere / "urls"
    feed = f"http://{ONION}:{httpserver.port}/feed.xml"
    urls.write_text(f"{feed}\n")
    _site(httpserver, f"http://{ONION}:{httpserver.port}")
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
    held = _reader(tmp_path / "data", "import", str(urls), **env)
    (line,) = [line for line in held.stderr.splitlines() if "fetches through" in line]
    assert line.startswith(f"reader: newsboat's own config, {own} (none beside {urls}),"), line
    config = f'[network]\nproxy = "{tor.url()}"\n'
    synced = _reader(tmp_path / "data", "sync", config=config, **env)
    assert synced.returncode == 0, synced.stderr
    assert ("name", ONION, httpserver.port) in tor.log


@pytest.mark.parametrize("own", [False, True])
def test_an_import_fetching_directly_says_which_newsboat_config_it_read(
    httpserver: HTTPServer, tmp_path: Path, own: bool
) -> None:
    """A urls file from elsewhere, imported with its read marks while the reader sets no
    proxy: its own config, not beside it, may send newsboat through Tor; nothing said of which
    was read, its feeds were fetched directly (acc50f)."""
    home = tmp_path / "home"
    (home / ".newsboat").mkdir(parents=True)
    if own:
        (home / ".newsboat" / "config").write_text("auto-reload yes\n")
    elsewhere = tmp_path / "stick"
    elsewhere.mkdir()
    urls, cache = newsboat_files(httpserver, elsewhere)
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
    done = _reader(tmp_path / "data", "import", str(urls), "--read-from", str(cache), **env)
    assert done.returncode == 0, done.stderr
    (line,) = [line for line in done.stderr.splitlines() if "no proxy read" in line]
    read = (
        f"newsboat's own config, {home}/.newsboat/config (none beside {urls}) sets none"
        if own
        else f"no newsboat config beside {urls}, nor newsboat's own"
    )
    assert f"{read}; the feeds are fetched directly" in line, line
    (elsewhere / "config").write_text("auto-reload yes\n")  # its own: nothing to say
    again = _reader(tmp_path / "data", "import", str(urls), "--read-from", str(cache), **env)
    assert "no proxy read" not in again.stderr, again.stderr


def test_an_onion_address_with_no_proxy_set_is_looked_up_by_no_dns(
    httpserver: HTTPServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A Tor user's first `reader add NAME.onion/feed.xml` before the proxy is set: its name
    went to this network's DNS (RFC 7686 says never), and so at every sync of it after, a
    saved onion link's at an import, a redirect's to one (acc51d D1). Not asked, said why."""
    from reader.cli import main

    looked_up = watched_lookups(monkeypatch)
    httpserver.expect_request("/moved.xml").respond_with_data(
        "", status=301, headers={"Location": "http://quay.onion/feed.xml"}
    )
    links = tmp_path / "links.txt"
    links.write_text(f"http://{ONION}/story.html\n")
    data = ["--data-dir", str(tmp_path / "data")]
    main([*data, "add", f"{ONION}/feed.xml"])
    said = capsys.readouterr().err
    assert f"{ONION} is an onion service: reached through Tor alone" in said, said
    main([*data, "sync"])
    main([*data, "add", httpserver.url_for("/moved.xml")])
    assert "quay.onion is an onion service" in capsys.readouterr().err
    main([*data, "import", "--saved", str(links)])
    assert not [host for host in looked_up if host.endswith(".onion")], looked_up
