"""Addresses no request can be made to: a port out of range ("http://host:99999/"), one that is
no number, a malformed international host name ("http://xn--/"). Refused by `add` and `import`
with their reason, and a redirect to one is that fetch's failure, never a traceback that ends a
whole sync."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.cli import main
from reader.library import Library
from reader.urls import is_web_url, not_web_url
from tests.test_library import ARTICLE, feed_xml

BAD = {
    "http://127.0.0.1:99999/feed.xml": "port 99999 is out of range (0 to 65535)",
    "http://127.0.0.1:-1/feed.xml": "port -1 is out of range (0 to 65535)",
    "http://127.0.0.1:8o/feed.xml": "its port 8o is not a number",
    "http://xn--/feed.xml": "its host name xn-- is a malformed international name",
    # A browser reads the "\\" as a "/" (host 127.0.0.1:8827); httpx fetched 127.0.0.1:9.
    "http://127.0.0.1:8827\\@127.0.0.1:9/feed.xml": (
        "it reads as two hosts (a \\ before its host): 127.0.0.1:8827\\@127.0.0.1:9"
    ),
}


@pytest.mark.parametrize("address", BAD)
def test_such_an_address_is_no_web_address_and_says_why(address: str) -> None:
    assert not is_web_url(address)
    assert not_web_url(address) == f"not a web address: {BAD[address]}: {address}"


def test_good_addresses_stay_web_addresses() -> None:
    for address in ("http://127.0.0.1:8080/", "https://xn--80ak6aa92e.com/", "https://a.b:65535/"):
        assert is_web_url(address)


class _Site(ThreadingHTTPServer):
    """A server of our own: werkzeug's (pytest-httpserver's) rewrites a `Location` it sends,
    and fails on these very addresses."""

    routes: dict[str, tuple[int, dict[str, str], bytes]]

    def url_for(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class _Handler(BaseHTTPRequestHandler):
    server: _Site

    def do_GET(self) -> None:
        status, headers, body = self.server.routes.get(self.path, (404, {}, b"Not found"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[_Site]:
    server = _Site(("127.0.0.1", 0), _Handler)
    base = server.url_for("")
    server.routes = {
        "/good.xml": (
            200,
            {"Content-Type": "application/rss+xml"},
            feed_xml(base, [("Tide tables revised", "/tide.html", "g1")]).encode(),
        ),
        "/tide.html": (200, {"Content-Type": "text/html"}, ARTICLE.encode()),
    }
    for number, target in enumerate(BAD):
        server.routes[f"/moved{number}.xml"] = (301, {"Location": target}, b"")
        story = target.replace("feed.xml", "story.html")
        server.routes[f"/moved{number}.html"] = (302, {"Location": story}, b"")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_redirect_to_such_an_address_fails_that_feed_and_the_sync_goes_on(
    site: _Site, data_dir: Path
) -> None:
    """Before, `reader add` and every `reader sync` after it ended in "ValueError: Port out of
    range 0-65535" or an IDNAError, with no feed synced."""
    moved = [site.url_for(f"/moved{n}.xml") for n in range(len(BAD))]

    async def go():
        async with Library(data_dir, workers="thread") as lib:
            for url in [site.url_for("/good.xml"), *moved]:
                lib.add_feed(url)
            return await lib.sync()

    report = asyncio.run(go())
    errors = {r.feed.url: r.error.message for r in report.feeds if r.error}
    assert errors == {
        url: f"the server sent an invalid redirect: {reason}: {target}"
        for url, (target, reason) in zip(moved, BAD.items(), strict=True)
    }
    assert report.articles_fetched == 1


def test_a_page_redirecting_to_such_an_address_fails_as_that_page(
    site: _Site, data_dir: Path
) -> None:
    async def go(url: str) -> str:
        async with Library(data_dir, workers="thread") as lib:
            try:
                await lib.article(url)
            except Exception as error:
                return getattr(error, "message", repr(error))
            return "read"

    for number, (target, reason) in enumerate(BAD.items()):
        message = asyncio.run(go(site.url_for(f"/moved{number}.html")))
        story = target.replace("feed.xml", "story.html")
        assert message == f"the server sent an invalid redirect: {reason}: {story}"


def test_add_and_import_refuse_such_an_address(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for address, reason in BAD.items():
        assert main(["--data-dir", str(data_dir), "add", address]) == 2
        assert capsys.readouterr().err.strip() == f"reader: not a web address: {reason}: {address}"
    outlines = "".join(f'<outline text="x" xmlUrl="{a}"/>' for a in BAD)
    opml = tmp_path / "feeds.opml"
    opml.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>')
    assert main(["--data-dir", str(data_dir), "import", str(opml)]) == 1  # none left
    said = capsys.readouterr().err.splitlines()
    assert said[-1] == f"reader: {opml} names no feed to subscribe to"
    assert sorted(said[:-1]) == sorted(
        [f"reader: left out 1 feed whose address is invalid: {r}:" for r in BAD.values()]
        + [f"reader: - x <{address}>" for address in BAD]
    )
    assert main(["--data-dir", str(data_dir), "feeds"]) == 0
    assert "127.0.0.1" not in capsys.readouterr().out


def test_a_redirect_holding_an_invisible_character_is_followed_with_it_percent_encoded(
    site: _Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As a browser reads a `Location` holding a bidi mark: percent-encoded, and followed. It
    was refused "to a non-web link", naming an address that looked like any other (acc30c D6)."""
    mark = "\u202e".encode().decode("latin-1")  # its UTF-8 bytes, sent as they are
    site.routes["/bidi.xml"] = (301, {"Location": f"/good.xml?q={mark}abc"}, b"")
    site.routes["/good.xml?q=%E2%80%AEabc"] = site.routes["/good.xml"]
    assert main(["--data-dir", str(data_dir), "add", site.url_for("/bidi.xml")]) == 0
    said = capsys.readouterr()
    assert "failed" not in said.err and "(1 headline)" in said.out
