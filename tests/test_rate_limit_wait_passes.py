"""A host that answers 429 asking to wait longer than a sync waits for one request has its
articles asked again once the wait is over, if the sync is still fetching others then (a
traveller's sync before a flight lost them all to a 5-second wait), or at its end when the wait
has at most `max_retry_after` left."""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path

from pytest_httpserver import HTTPServer
from served_feed import serve_stories, story_page
from test_cli import reader
from werkzeug import Request, Response

HARBOUR = [(f"Harbour story {hour}", hour) for hour in range(3)]
FERRY = [("Ferry timetable", 12)]


class FirstAsked429:
    """The first article request a server gets answered 429 with `Retry-After: wait`, every
    other one with its story; `again` set when that article is asked a second time."""

    def __init__(self, server: HTTPServer, wait: int) -> None:
        self.wait = wait
        self.limited = ""  # the path answered 429
        self.answered_at = 0.0  # time.monotonic() of that answer
        self.limited_now = threading.Event()
        self.again = threading.Event()
        self._lock = threading.Lock()
        server.expect_request(re.compile(r"/story-\d+\.html")).respond_with_handler(self.answer)

    def answer(self, request: Request) -> Response:
        with self._lock:
            first = not self.limited
            if first:
                self.limited = request.path
            elif request.path == self.limited:
                self.again.set()
        if first:
            self.answered_at = time.monotonic()
            self.limited_now.set()
            return Response("Slow down", status=429, headers={"Retry-After": str(self.wait)})
        title = next(t for t, hour in HARBOUR if request.path == f"/story-{hour}.html")
        return Response(story_page(title), content_type="text/html; charset=utf-8")


def _synced(
    home: Path, harbour: HTTPServer, ferry: HTTPServer, max_retry_after: float, *options: str
) -> str:
    """`reader sync OPTIONS` of both servers' feeds, the most a request waits for a 429 set to
    `max_retry_after`: its stderr, every Harbour story cached (asserted)."""
    assert reader(home, "add", serve_stories(harbour, "Harbour", HARBOUR)).returncode == 0
    assert reader(home, "add", ferry.url_for("/feed.xml")).returncode == 0
    (home / "config.toml").write_text(
        f"[network]\nmax_retry_after = {max_retry_after}\n", encoding="utf-8"
    )
    synced = reader(home, "sync", *options)
    listed = json.loads(reader(home, "list", "--json").stdout)
    cached = {h["title"] for h in listed if h["cached"]}
    assert cached == {t for t, _ in HARBOUR + FERRY}, synced.stderr
    assert synced.returncode == 0, synced.stderr
    return synced.stderr


def test_the_articles_come_once_the_wait_passes_while_the_sync_runs(
    tmp_path: Path, httpserver: HTTPServer, threaded_server: HTTPServer
) -> None:
    """Retry-After: 1, longer than the 0.5 s a request waits: the article is asked again after
    that second, while the Ferry page is still coming, not left for the next sync."""
    limited = FirstAsked429(httpserver, wait=1)
    # The Ferry page comes once the Harbour article is asked again (15 s at most: on
    # code that never asks, the sync ends then, the article missing).
    asked_before = threading.Event()

    def slow_ferry() -> None:
        if limited.again.wait(15):
            asked_before.set()

    serve_stories(threaded_server, "Ferry", FERRY, wait_page=lambda _path: slow_ferry())
    said = _synced(tmp_path / "home", httpserver, threaded_server, max_retry_after=0.5)
    assert asked_before.is_set()  # while the sync was fetching the Ferry page, not after it
    host = httpserver.url_for("/").split("/")[2]
    assert f"{host} asked this sync to wait (HTTP 429): 1 article fetched once its wait " in said
    assert "left for the next sync" not in said


def test_a_wait_short_of_the_syncs_end_is_waited_for(
    tmp_path: Path, httpserver: HTTPServer, threaded_server: HTTPServer
) -> None:
    """Retry-After: 2, more than the 1.5 s a request waits; the rest of the sync over a second
    after the 429: at most a second of the wait is left, within `max_retry_after`, so the sync
    waits for it and asks again rather than leaving the article for the next sync."""
    limited = FirstAsked429(httpserver, wait=2)

    def a_second_after_the_429() -> None:
        limited.limited_now.wait(60)
        time.sleep(max(0.0, limited.answered_at + 1.0 - time.monotonic()))

    serve_stories(threaded_server, "Ferry", FERRY, wait_page=lambda _p: a_second_after_the_429())
    said = _synced(tmp_path / "home", httpserver, threaded_server, 1.5, "-q")
    assert limited.again.is_set()
    assert said == ""  # -q: everything came, nothing to say (the wait is no failure)
