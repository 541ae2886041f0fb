"""A news site on 127.0.0.1 that a test changes between syncs: its feed at /feed.xml (each test
module's own), every other address answered with the story's page, and the paths asked for.

The test sets what the site answers as attributes (`body`, `status`, and its feed's own), read
afresh by each request."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest


class StorySite(http.server.ThreadingHTTPServer):
    """The site: a subclass writes its feed (`feed`) and sets its first page (`body`)."""

    body = ""
    """The story's page, answered at every address but the feed's."""
    status = 200
    """The status the page is answered with."""
    feed_type = "application/rss+xml"
    asked: list[str]
    """The paths asked for, in order."""
    moved: dict[str, str]
    """Paths answered with 301 to another path of the site (a slug changed, a story pulled)."""
    pages: dict[str, str]
    """Paths answered with a page of their own (the site's front page), not the story's."""

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def item(self, title: str, path: str, published: str, guid: str = "") -> str:
        """An RSS item of the feed: a story `title`d at `path` on this site, `published` (an
        RFC 822 date), with its `guid` when given."""
        return (
            f"<item><title>{title}</title><link>{self.url(path)}</link>"
            + (f"<guid>{guid}</guid>" if guid else "")
            + f"<pubDate>{published}</pubDate></item>"
        )

    def feed(self) -> str:
        raise NotImplementedError


class _Handler(http.server.BaseHTTPRequestHandler):
    server: StorySite

    def do_GET(self) -> None:
        self.server.asked.append(self.path)
        if (to := self.server.moved.get(self.path)) is not None:
            self.send_response(301)
            self.send_header("Location", self.server.url(to))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path in self.server.pages:
            status, kind, text = 200, "text/html; charset=utf-8", self.server.pages[self.path]
        elif self.path == "/feed.xml":
            status, kind, text = 200, self.server.feed_type, self.server.feed()
        else:
            status, kind, text = self.server.status, "text/html; charset=utf-8", self.server.body
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


Site = TypeVar("Site", bound=StorySite)


def site_fixture(site: type[Site], name: str) -> Callable[[], Iterator[Site]]:
    """A fixture called `name` serving `site` (`serving`) to each test that names it."""

    @pytest.fixture(name=name)
    def served() -> Iterator[Site]:
        with serving(site) as server:
            yield server

    return served


@contextmanager
def serving(
    site: type[Site], handler: type[http.server.BaseHTTPRequestHandler] = _Handler
) -> Iterator[Site]:
    """A `site` listening on a free port of 127.0.0.1 till the block ends, answering as
    `handler` does (by default as above)."""
    server = site(("127.0.0.1", 0), handler)
    server.asked, server.moved, server.pages = [], {}, {}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def ran(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[str, str]:
    """`reader --data-dir DATA_DIR ARGS…` run as a user runs it, and what it printed on stdout
    and stderr; it must succeed."""
    from reader.cli import main

    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out, err
