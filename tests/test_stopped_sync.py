"""A real `reader sync` stopped mid-request (SIGSTOP, as Ctrl-Z or a closed lid stops it) and
resumed: the articles whose requests were in flight end cached, none failed as "timed out".

The site is a threaded server, as every web server is: it answers the requests it holds while
the reader is stopped, and the tries after the pause at once. (pytest-httpserver's default
server answers one connection at a time: during the stop it sat reading a connection the reader
had opened but not yet written to, the tries after the stop waited behind what was left from
before it, and with 1 s timeouts the test failed under load.) The test waits on events, not on
times: the reader is stopped once the site has every request of the first round in hand, and the
stop's length is the one time it sets."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.silent_host import SilentHost

# Timeouts far longer than the test's own steps take under load (the reader is stopped within
# `read_timeout` of asking, with seconds to spare), and a stop longer than all of them and than
# `stalls.GAP`: without the pause watch, every request in flight would time out.
PER_HOST = 4
CONFIG = f"""[network]
connect_timeout = 5.0
read_timeout = 5.0
total_timeout = 8.0
per_host = {PER_HOST}
retries = 0
"""
PAUSE = 10.0  # seconds stopped

STORY = """<!doctype html><html><head><title>{title} | The Estuary Post</title></head><body>
<nav><a href="/">Home</a> <a href="/ferries">Ferries</a></nav>
<article><h1>{title}</h1><p class="byline">By Morwenna Tregear</p>
<p>The ferry company told passengers on Monday that the morning crossing would run to its winter
timetable from next week, leaving the quay twenty minutes later than in the summer months.</p>
<p>Commuters who catch the early train on the far bank said the change would cost them the
connection, and the parish council has asked the company to keep one early sailing on weekdays.</p>
<p>A spokesman said the company would look again at the timetable once the new vessel arrives
from the yard in the spring, and that season tickets bought before the change would be honoured.</p>
</article></body></html>"""

TITLES = [
    "Winter timetable for the morning ferry",
    "Parish council asks for an early sailing",
    "New vessel due from the yard in spring",
    "Season tickets to be honoured",
    "Quay repairs finished ahead of schedule",
    "Harbour master retires after thirty years",
]


def rss(title: str, links: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>ep-{n}</guid></item>"
        for n, (t, link) in enumerate(links)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.org/</link>{items}</channel></rss>"
    )


def reader_add(home: Path, url: str) -> None:
    added = subprocess.run(
        [sys.executable, "-m", "reader", "add", url],
        env={**os.environ, "READER_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert added.returncode == 0, added.stderr


def start_sync(home: Path) -> subprocess.Popen[str]:
    """`reader sync` in a process group of its own (it and its workers), to stop as a shell's
    Ctrl-Z stops a job."""
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "sync"],
        env={**os.environ, "READER_HOME": str(home), "PYTHONIOENCODING": "utf-8"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def pause(sync: subprocess.Popen[str]) -> None:
    os.killpg(sync.pid, signal.SIGSTOP)


def resume(sync: subprocess.Popen[str]) -> None:
    os.killpg(sync.pid, signal.SIGCONT)


def cached_titles(home: Path) -> set[str]:
    from reader.library import Library

    lib = Library(home)
    try:
        return {h.entry.title for h in lib.headlines() if h.cached}
    finally:
        lib.close()


@pytest.fixture
def threaded_site() -> Iterator[HTTPServer]:
    server = HTTPServer(threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@dataclass
class HeldSync:
    """A `reader sync` started on a site that holds its first round of article requests."""

    home: Path
    sync: subprocess.Popen[str]
    asked: list[str]
    in_hand: threading.Event  # set once the first round is in the site's hands
    answer: threading.Event  # set to answer them


def sync_held_at_first_round(tmp_path: Path, site: HTTPServer) -> HeldSync:
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text(CONFIG)
    lock = threading.Lock()
    asked: list[str] = []
    in_hand, answer = threading.Event(), threading.Event()

    def story(request: Request) -> Response:
        # The first round (a host's `per_host` requests) is held until `answer`; what comes
        # after (the other articles, the tries again) is answered at once.
        with lock:
            asked.append(request.path)
            if len(asked) == PER_HOST:
                in_hand.set()
        answer.wait(120)
        title = TITLES[int(request.path.rsplit("-", 1)[1].split(".")[0])]
        return Response(STORY.format(title=title), content_type="text/html; charset=utf-8")

    links = [(t, site.url_for(f"/ferries/story-{n}.html")) for n, t in enumerate(TITLES)]
    site.expect_request("/feed.xml").respond_with_data(
        rss("The Estuary Post", links), content_type="application/rss+xml"
    )
    for n in range(len(TITLES)):
        site.expect_request(f"/ferries/story-{n}.html").respond_with_handler(story)
    reader_add(home, site.url_for("/feed.xml"))
    return HeldSync(home, start_sync(home), asked, in_hand, answer)


def test_a_sync_stopped_mid_request_caches_every_article_the_site_answered(
    tmp_path: Path, threaded_site: HTTPServer
) -> None:
    held = sync_held_at_first_round(tmp_path, threaded_site)
    home, sync, asked, in_hand, answer = (
        held.home,
        held.sync,
        held.asked,
        held.in_hand,
        held.answer,
    )
    try:
        assert in_hand.wait(120), f"the sync asked for {asked} only"
        pause(sync)
        answer.set()  # answered while the reader is stopped, as a site does
        time.sleep(PAUSE)  # the stop's length: past every timeout, nothing to race
    finally:
        resume(sync)
        answer.set()
    _, err = sync.communicate(timeout=120)
    assert sync.returncode == 0, err
    assert "6 articles cached for offline, 0 already cached, 0 failed" in err, err
    assert "article failed" not in err and "timed out" not in err, err
    assert cached_titles(home) == set(TITLES)


def test_a_host_that_never_answers_still_fails_after_a_pause_tried_once_more(
    tmp_path: Path, threaded_site: HTTPServer
) -> None:
    silent = SilentHost()
    try:
        home = tmp_path / "home"
        home.mkdir()
        (home / "config.toml").write_text(CONFIG)
        threaded_site.expect_request("/feed.xml").respond_with_data(
            rss("The Estuary Post", [("The story that never comes", silent.url + "never.html")]),
            content_type="application/rss+xml",
        )
        reader_add(home, threaded_site.url_for("/feed.xml"))
        sync = start_sync(home)
        try:
            assert silent.first.wait(120), "the sync never asked the silent host"
            pause(sync)
            time.sleep(PAUSE)
        finally:
            resume(sync)
        _, err = sync.communicate(timeout=120)
        held: list[socket.socket] = list(silent.held)
    finally:
        silent.close()
    assert sync.returncode == 1, err
    assert "The story that never comes" in err and "timed out" in err, err
    # Asked once more for the pause (not counted against `retries = 0`), and no more: the
    # second try saw no pause, and the host's silence is its own.
    assert len(held) == 2
    assert "paused" not in err
