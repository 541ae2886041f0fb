"""A local HTTP server for the demo news sites (loopback, no internet needed).

Used by ``reader demo`` and as the test-suite's fixture.  Every page is rendered once
when the server starts (URLs inside pages are absolute, so they depend on the port)
and then served from memory.  The server never writes to stdout/stderr: a TUI may be
drawing on the same terminal.
"""

from __future__ import annotations

import errno
import functools
import gzip
import hashlib
import os
import re
import socket
import socketserver
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import quote, unquote, urlsplit

from .assets import (
    STATIC_FILES,
    budget_report_pdf,
    placeholder_png,
    placeholder_svg,
    placeholder_wav,
)
from .content import NON_ARTICLE_LINKS, load_articles, tag_href
from .feeds import build_feed, feed_entries, last_modified
from .sites import SITE_ORDER, SITES
from .templates import (
    render_amp,
    render_article,
    render_index,
    render_info_page,
    render_not_found,
    render_site_front,
)

_MEDIA_PATH = re.compile(
    r"^/(?:gazette|northwind|vestnik)/media/[a-z0-9-]+\.(?P<kind>svg|png|wav)$"
)
_COMPRESSIBLE = ("text/", "application/rss+xml", "application/atom+xml", "image/svg+xml")
# Errors that just mean the client went away; they are expected and must stay quiet.
_DISCONNECTS = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)
_ADDRESS_IN_USE = {errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", errno.EADDRINUSE)}

DEMO_PORT = 8650
"""The port `reader demo` tries first: a data directory kept between demos finds its feeds at the same
URLs each time, so read flags and the offline cache (keyed by URL, port included) carry over."""


@dataclass(frozen=True)
class Resource:
    """A fully rendered response body with its validators."""

    body: bytes
    content_type: str
    last_modified: datetime | None = None

    @functools.cached_property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:20] + '"'


def build_routes(base_url: str) -> dict[str, Resource]:
    """Render every page of the demo for a given base URL: path -> resource."""
    routes: dict[str, Resource] = {}
    html_utf8 = "text/html; charset=utf-8"
    feed_urls = [base_url + SITES[key].feed_path for key in SITE_ORDER]
    routes["/"] = Resource(render_index(base_url, feed_urls), html_utf8)
    pdf = budget_report_pdf()
    sizes = {link.path: len(pdf) for link in NON_ARTICLE_LINKS}
    for link in NON_ARTICLE_LINKS:
        routes[link.path] = Resource(pdf, link.content_type, link.published)
    for path, (content_type, body) in STATIC_FILES.items():
        routes[path] = Resource(body, content_type)

    for article in load_articles():
        # The legacy-encoded pages deliberately send no charset in the header: the
        # only declaration is the <meta> tag, which is what a reader must handle.
        content_type = "text/html; charset=utf-8" if article.charset == "utf-8" else "text/html"
        for number in range(1, len(article.pages) + 1) if article.pages else (0,):
            shown = article.on_page(number) if number else article
            routes[article.page_path(number or 1)] = Resource(
                render_article(shown, base_url),
                content_type,
                article.updated or article.published,
            )
        if article.amp_only:
            routes[article.amp_path] = Resource(
                render_amp(article, base_url), content_type, article.updated or article.published
            )
        for tag in article.tags:
            routes.setdefault(
                unquote(tag_href(article.site, tag)),
                Resource(render_site_front(article.site, tag), html_utf8),
            )

    for key in SITE_ORDER:
        site = SITES[key]
        entries = feed_entries(key, sizes)
        feed_type = "application/atom+xml" if site.feed_format == "atom" else "application/rss+xml"
        routes[site.feed_path] = Resource(
            build_feed(key, base_url, entries),
            f"{feed_type}; charset=utf-8",
            last_modified(entries),
        )
        routes[site.front_path] = Resource(render_site_front(key), html_utf8)
        for label, href in site.nav:
            routes[href] = Resource(render_site_front(key, label), html_utf8)
        for label, href in site.footer_links:
            routes[href] = Resource(render_info_page(key, label), html_utf8)
    return routes


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # SO_REUSEADDR lets a demo restarted at once rebind its port on POSIX; on Windows it would let
    # a second server bind a port that is already serving, so the fallback to a free port never ran.
    allow_reuse_address = os.name != "nt"
    routes: dict[str, Resource]
    latency: float
    base_url: str

    def server_bind(self) -> None:
        # HTTPServer.server_bind() calls socket.getfqdn(), a reverse DNS lookup that can
        # hang for seconds on a machine without network; we never need the name.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def handle_error(self, request: object, client_address: object) -> None:
        # The default prints a traceback to stderr, which would scribble over a TUI.
        return


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "ReaderDemo/1.0"
    sys_version = ""
    # HTTP/1.0: one request per connection. Keep-alive would let a client's pooled
    # connection outlive stop(), and tests rely on "stopped" meaning "refused".
    protocol_version = "HTTP/1.0"
    timeout = 15

    def log_message(self, format: str, *args: object) -> None:
        return  # never write to the terminal

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self) -> None:
        self._respond(include_body=True)

    def do_HEAD(self) -> None:
        self._respond(include_body=False)

    def _respond(self, include_body: bool) -> None:
        try:
            if self.server.latency > 0:
                time.sleep(self.server.latency)
            # Route on the decoded path, so /vestnik/tag/%D1%86... and a raw UTF-8 path match.
            path = unquote(urlsplit(self.path).path) or "/"
            resource = self._lookup(path)
            if resource is None:
                if not path.endswith("/") and path + "/" in self.server.routes:
                    self._redirect(quote(path + "/"))
                    return
                body = render_not_found(path)
                self._send(404, "text/html; charset=utf-8", body, include_body)
                return
            if self._not_modified(resource):
                self.send_response(304)
                self._validators(resource)
                self.end_headers()
                return
            self._send(200, resource.content_type, resource.body, include_body, resource)
        except _DISCONNECTS:
            self.close_connection = True

    def _lookup(self, path: str) -> Resource | None:
        if path in self.server.routes:
            return self.server.routes[path]
        if media := _MEDIA_PATH.match(path):
            name = path.rsplit("/", 1)[1]
            if media["kind"] == "wav":
                return Resource(placeholder_wav(name), "audio/wav")
            if media["kind"] == "png":
                return Resource(placeholder_png(name), "image/png")
            return Resource(placeholder_svg(name), "image/svg+xml")
        return None

    def _not_modified(self, resource: Resource) -> bool:
        # RFC 9110: If-None-Match wins over If-Modified-Since when both are sent.
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            if if_none_match.strip() == "*":
                return True
            tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
            return resource.etag in tags
        since = self.headers.get("If-Modified-Since")
        if since and resource.last_modified is not None:
            try:
                since_dt = parsedate_to_datetime(since)
            except (TypeError, ValueError, IndexError):
                return False
            if since_dt.tzinfo is None:
                since_dt = since_dt.replace(tzinfo=UTC)
            return resource.last_modified.replace(microsecond=0) <= since_dt
        return False

    def _validators(self, resource: Resource) -> None:
        self.send_header("ETag", resource.etag)
        if resource.last_modified is not None:
            self.send_header("Last-Modified", _http_date(resource.last_modified))

    def _send(
        self,
        status: int,
        content_type: str,
        body: bytes,
        include_body: bool,
        resource: Resource | None = None,
    ) -> None:
        encoding = None
        accept = self.headers.get("Accept-Encoding", "")
        if "gzip" in accept and len(body) > 1024 and content_type.startswith(_COMPRESSIBLE):
            body = gzip.compress(body, mtime=0)  # mtime=0 keeps the bytes reproducible
            encoding = "gzip"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if resource is not None:
            self._validators(resource)
            self.send_header("Cache-Control", "max-age=60")
        self.end_headers()
        if include_body:
            self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", self.server.base_url + location)
        self.send_header("Content-Length", "0")
        self.end_headers()


def _http_date(when: datetime) -> str:
    return format_datetime(when.astimezone(UTC), usegmt=True)


class DemoServer:
    """The demo news sites on a local port.

    ``with DemoServer() as demo:`` starts it on a free port (``port=0``) and stops it on
    exit; ``demo.base_url`` and ``demo.feed_urls`` are filled in by :meth:`start`.
    ``latency`` (seconds) is slept before every response, to make slow networks testable.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0, latency: float = 0.0) -> None:
        self.host = host
        self.port = port
        self.latency = latency
        self.base_url: str = ""
        self.feed_urls: list[str] = []
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> DemoServer:
        """Bind, render all pages for the bound address and serve in a daemon thread."""
        if self._server is not None:
            return self
        server_class = _Server6 if ":" in self.host else _Server
        server = server_class((self.host, self.port), _Handler)
        host, port = server.server_address[:2]
        url_host = f"[{host}]" if ":" in str(host) else str(host)
        self.base_url = f"http://{url_host}:{port}"
        self.feed_urls = [self.base_url + SITES[key].feed_path for key in SITE_ORDER]
        server.routes = build_routes(self.base_url)
        server.latency = self.latency
        server.base_url = self.base_url
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"reader-demo-{port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the listening socket; later connections are refused."""
        server, thread = self._server, self._thread
        if server is None:
            return
        self._server = self._thread = None
        server.shutdown()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    @property
    def running(self) -> bool:
        return self._server is not None

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def start_demo_server(
    host: str = "127.0.0.1", port: int = 0, latency: float = 0.0, fall_back: bool = False
) -> DemoServer:
    """Construct a :class:`DemoServer` and start it.

    ``port=0`` (the default, and what tests use) picks a free port. With ``fall_back``, a `port`
    already taken (another demo running, another program) gives a free port instead of an error.
    """
    try:
        return DemoServer(host=host, port=port, latency=latency).start()
    except OSError as error:
        if not fall_back or port == 0 or error.errno not in _ADDRESS_IN_USE:
            raise
    return DemoServer(host=host, port=0, latency=latency).start()


def still_serving(url: str) -> bool:
    """Something still answers at the URL's host and port: a demo running beside this one on
    the same data directory, whose feeds are not this one's to drop."""
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "", parts.port or 80), timeout=0.5):
            return True
    except (OSError, ValueError):
        return False


def earlier_demo_feeds(subscribed: Iterable[str], feed_urls: Sequence[str]) -> list[str]:
    """The URLs among `subscribed` that are the demo's feeds on the host of `feed_urls` but another port.

    They are copies an earlier demo server left in a kept data directory: that server is gone, so
    they would only fail and show every headline once more.
    """
    if not feed_urls:
        return []
    current = urlsplit(feed_urls[0])
    paths = {SITES[key].feed_path for key in SITE_ORDER}
    earlier = []
    for url in subscribed:
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError:  # a port out of range: not a URL any demo server ever had
            continue
        if (
            parts.scheme == current.scheme
            and parts.hostname == current.hostname
            and parts.path in paths
            and port != current.port
        ):
            earlier.append(url)
    return earlier
