"""A host that rate-limits one feed (a 429 asking to wait two minutes) after answering others:
each of those says the answer it got, not "not asked: rate-limited" (acc40b P2). A feed that
answered 503 says so, not tried again; one that answered a redirect says where to, its target
held back."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from tests.story_site import StorySite, serving

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
    "<link>http://127.0.0.1/</link><item><title>Quay works begin</title>"
    "<link>http://127.0.0.1/quay.html</link></item></channel></rss>"
)


class RateLimiting(StorySite):
    """/busy.xml answers 429 with a long Retry-After; /down.xml (503) and /old.xml (302 to
    /new.xml) answer only after it has, so the host is known to be rate-limiting when the 503
    would be tried again and when the redirect would be followed."""

    told_to_wait: threading.Event
    quiet = False  # /down.xml and /old.xml answer at once, /busy.xml with a feed


class _Handler(http.server.BaseHTTPRequestHandler):
    server: RateLimiting

    def do_GET(self) -> None:
        self.server.asked.append(self.path)
        if self.path in ("/down.xml", "/old.xml") and not self.server.quiet:
            self.server.told_to_wait.wait(10)
            time.sleep(2)  # the 429 taken in by the reader before this answer comes
        if self.path == "/busy.xml" and not self.server.quiet:
            self._answer(429, "Too many requests", [("Retry-After", "120")])
            self.server.told_to_wait.set()
        elif self.path == "/down.xml":
            self._answer(503, "Service unavailable")
        elif self.path == "/old.xml":
            self._answer(302, "", [("Location", "/new.xml")])
        else:
            self._answer(200, FEED.format(title=self.path.strip("/")))

    def _answer(self, status: int, text: str, headers: list[tuple[str, str]] = []) -> None:  # noqa: B006
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def host() -> Iterator[RateLimiting]:
    with serving(RateLimiting, _Handler) as server:
        server.told_to_wait, server.quiet = threading.Event(), True
        yield server


def test_feeds_asked_say_what_they_were_answered(
    host: RateLimiting, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = ["--data-dir", str(data_dir)]
    for path in ("/busy.xml", "/down.xml", "/old.xml"):
        main([*home, "add", host.url(path)])
    host.quiet = False
    host.asked.clear()
    capsys.readouterr()
    main([*home, "sync", "--no-articles"])
    err = capsys.readouterr().err
    failed = dict(
        line.removeprefix("reader: feed failed: ").split(": ", 1)
        for line in err.splitlines()
        if line.startswith("reader: feed failed: ")
    )
    assert "/down.xml" in host.asked and "/old.xml" in host.asked
    assert failed["busy.xml"].startswith("rate-limited (HTTP 429)")
    assert failed[host.url("/down.xml")] == (
        "HTTP 503 Service Unavailable (not tried again: the host is rate-limiting)"
    )
    moved = failed["new.xml"]  # the feed named by its title, read before
    assert moved.startswith(f"moved (HTTP 302) to {host.url('/new.xml')}, not asked there: ")
    assert "rate-limited (HTTP 429)" in moved
    assert "/new.xml" not in host.asked
