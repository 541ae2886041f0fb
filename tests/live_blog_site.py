"""A live blog on 127.0.0.1 that a test grows, edits and closes between syncs, as the breaking-news
editor's server did (acc48c): its RSS item says the same whatever the blog holds ("Live: berth
fires", "Entries so far"), its page answers "changed since?" with a 304 when its ETag matches.

`entries` are the blog's entries, newest first, each (time "10:NN", heading, text); `ended` an
ISO time of `coverageEndTime` once closed; `asked` the paths asked for with the status given.
The blog runs on `DAY`, yesterday: dated so, its last update is within the two days a live blog
is asked for again (`live_blogs.LIVE_FOR`) whenever the tests run, never ahead of the clock."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

PAGE = "/live.html"
OTHER = "/roadworks.html"
DAY = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
"""The day the blog runs ("2026-12-06"): yesterday (see above)."""


def at(clock: str, day: str = DAY) -> str:
    """The ISO time of `clock` ("10:30") on `day`."""
    return f"{day}T{clock}:00+00:00"


def rfc822(clock: str, day: str = DAY) -> str:
    """The RFC 822 time of `clock` ("11:00") on `day`, as an RSS feed dates an item."""
    return format_datetime(datetime.fromisoformat(at(clock, day)), usegmt=True)


def entry(n: int, word: str = "second") -> tuple[str, str, str]:
    """Entry `n` of the blog as the editor's generator wrote it; `word` the one a correction
    changes."""
    return (
        f"10:{n:02d}",
        f"Entry {n}: crews at berth {n}",
        f"Firefighters moved to berth {n} where a {word} fire broke out in stacked containers; "
        f"the harbour master said the berth would stay shut overnight, entry {n}.",
    )


class LiveBlog(http.server.ThreadingHTTPServer):
    entries: list[tuple[str, str, str]]
    ended: str = ""
    summary: str = "Entries so far"
    asked: list[tuple[str, int]]
    day: str = DAY
    """The day the blog runs and its feed's items are dated."""
    began: str = ""
    """The day the blog began, at 10:00 (its datePublished, its item's date): "" for `day`."""
    undated: bool = False
    """The page gives no date of its own (no datePublished, dateModified, entries' times)."""
    other: str = ""
    """The time on `day` of another story the feed lists ("11:00": "Harbour roadworks" at
    /roadworks.html, an ordinary article), "" for none."""

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def grow(self, upto: int) -> None:
        """The blog with entries 1 to `upto`, newest first, those already there kept as they are."""
        have = {e[0] for e in self.entries}
        new = [entry(n) for n in range(upto, 0, -1) if f"10:{n:02d}" not in have]
        self.entries = new + self.entries

    def page(self) -> str:
        blocks = "".join(
            f'<article class="block"><header>{self._timed(clock)}</header><h2>{heading}</h2>'
            f"<p>{text}</p></article>"
            for clock, heading, text in self.entries
        )
        dated = {
            "datePublished": at("10:00", self.began or self.day),
            "dateModified": at(self.entries[0][0], self.day),
        }
        declared = {
            "@context": "https://schema.org",
            "@type": "LiveBlogPosting",
            "headline": "Live: berth fires",
            **({} if self.undated else dated),
            **({"coverageEndTime": self.ended} if self.ended else {}),
        }
        return (
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live: berth fires'
            f'</title><script type="application/ld+json">{json.dumps(declared)}</script></head>'
            '<body><main><article><h1>Live: berth fires</h1><div class="liveblog-body">'
            f"{blocks}</div></article></main></body></html>"
        )

    def _timed(self, clock: str) -> str:
        """An entry's time as the page shows it: a `<time>`, or the words alone (`undated`)."""
        if self.undated:
            return f"<span>Entry at {clock}</span>"
        return f'<time datetime="{at(clock, self.day)}">{clock}</time>'

    def feed(self) -> str:
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Pure Growth</title>'
            f"<link>{self.url('/')}</link><description>x</description><item>"
            f"<title>Live: berth fires</title><link>{self.url(PAGE)}</link>"
            f'<guid isPermaLink="false">pure-1</guid><pubDate>{rfc822("10:00", self.began or self.day)}</pubDate>'
            f"<description>{self.summary}</description></item>{self._other_item()}"
            "</channel></rss>"
        )

    def _other_item(self) -> str:
        if not self.other:
            return ""
        return (
            f"<item><title>Harbour roadworks</title><link>{self.url(OTHER)}</link>"
            f"<guid>{self.url(OTHER)}</guid><pubDate>{rfc822(self.other, self.day)}</pubDate></item>"
        )

    def other_page(self) -> str:
        text = " ".join(
            f"The harbour road will close for repairs for the {n} time this year, the council said."
            for n in ("first", "second", "third", "fourth", "fifth")
        )
        return (
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour roadworks'
            "</title></head><body><article><h1>Harbour roadworks</h1>"
            f"<p>{text}</p><p>{text}</p></article></body></html>"
        )


class _Handler(http.server.BaseHTTPRequestHandler):
    server: LiveBlog

    def do_GET(self) -> None:
        kind = "application/rss+xml" if self.path == "/feed.xml" else "text/html; charset=utf-8"
        if self.path == "/feed.xml":
            data = self.server.feed().encode()
        elif self.path == OTHER:
            data = self.server.other_page().encode()
        else:
            data = self.server.page().encode()
        tag = '"' + hashlib.sha1(data).hexdigest() + '"'
        status = 304 if self.headers.get("If-None-Match") == tag else 200
        self.server.asked.append((self.path, status))
        self.send_response(status)
        self.send_header("ETag", tag)
        if status == 304:
            self.end_headers()
            return
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def live_blog(entries: int) -> Iterator[LiveBlog]:
    """The blog with `entries` entries, served on a free port of 127.0.0.1 till the block ends."""
    server = LiveBlog(("127.0.0.1", 0), _Handler)
    server.entries, server.asked = [], []
    server.grow(entries)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
