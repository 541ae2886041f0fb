"""A headline whose link goes through a click tracker carrying the story whole in its query
(Google Alerts' "google.com/url?url=…", a newsletter's "click?u=…"): its page is asked at the
publisher's (`urls.page_asked`), and so is it opened, copied and cited while it is not cached
(`urls.page_opened`: `o` handed the browser the tracker's address, which counted the click),
and the sync's slots, waits and give-ups are the publisher's host's, not the tracker's (a 429
from the publisher was waited for as the tracker's, which had none). Real servers on 127.0.0.1:
the publisher, the tracker (asked by nothing) and a host that never answers; the reader driven
with Pilot, `reader sync` run as a process."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.cli_run import run_reader
from tests.served_feed import own_http_server, serve_items, serve_one_item, story_page
from tests.silent_host import SilentHost
from tests.test_article_links import copies
from tests.tui_pilot import open_titled, running, table, until

TITLE = "Harbour board doubles the dredging contract"


def through_tracker(tracker: HTTPServer, story: str) -> str:
    """`story` as a newsletter links it: through `tracker`, which redirects to it."""
    return tracker.url_for("/click") + "?u=" + quote(story, safe="") + "&mc_cid=abc3"


@pytest.fixture
def tracker() -> Iterator[HTTPServer]:
    """A click tracker that redirects to the story: asked by nothing, its log says."""
    with own_http_server() as server:
        yield server


def test_o_and_c_on_a_headline_not_cached_give_the_page_past_its_tracker(
    data_dir: Path, own_server: HTTPServer, tracker: HTTPServer, browser: list[str]
) -> None:
    """The story answers 404 (not cached): the list's `o`, the reading view's `o`, `c` and
    `y` give the publisher's address, clean, as its page is asked; the old code's `o`
    opened the tracker's link, `c` copied it."""
    story = own_server.url_for("/story.html")
    own_server.expect_request("/story.html").respond_with_data("gone", status=404)
    click = through_tracker(tracker, f"{story}?utm_source=rss&id=7")
    subscribe_feed = serve_one_item(
        own_server, "Coastal Courier", TITLE, click.replace("&", "&amp;")
    )
    assert run_reader(data_dir, "add", subscribe_feed).returncode == 0

    async def run() -> None:
        async with running(data_dir, (100, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: bool(table(app).rows), "the headlines")
            await pilot.press("o")
            await until(pilot, lambda: bool(browser), "the browser handed an address")
            await open_titled(pilot, "dredging")
            copied = copies(app)
            await pilot.press("o", "c", "y")
            await until(pilot, lambda: len(browser) == 2 and len(copied) == 2, "o, c and y")
            assert copied[0] == f"{story}?id=7"
            assert f"{story}?id=7" in copied[1] and "/click" not in copied[1]

    asyncio.run(run())
    assert browser == [f"{story}?id=7", f"{story}?id=7"]
    assert tracker.log == []


class FirstAsked429:
    """The story answered 429 `Retry-After: 1` the first time, then whole."""

    def __init__(self) -> None:
        self.asked = 0
        self._lock = threading.Lock()

    def answer(self, _request: Request) -> Response:
        with self._lock:
            self.asked += 1
            first = self.asked == 1
        if first:
            return Response("Slow down", status=429, headers={"Retry-After": "1"})
        return Response(story_page(TITLE), content_type="text/html; charset=utf-8")


def test_a_publishers_429_is_waited_for_as_its_host_s_not_the_trackers(
    data_dir: Path, threaded_server: HTTPServer, own_server: HTTPServer, tracker: HTTPServer
) -> None:
    """The sync's wait for a host's 429 was looked up by the tracker's host, which had none:
    the story was asked again at once, refused again as held, round and round till the wait
    was over, and said as the tracker's ("127.0.0.1:TRACKER asked this sync to wait"). A
    second story, slow on a host of its own, keeps the sync going till the wait is over."""
    limited = FirstAsked429()
    threaded_server.expect_request("/story.html").respond_with_handler(limited.answer)

    def slow(_request: Request) -> Response:
        time.sleep(0.8)
        return Response(story_page("Ferry timetable"), content_type="text/html; charset=utf-8")

    own_server.expect_request("/ferry.html").respond_with_handler(slow)
    click = through_tracker(tracker, threaded_server.url_for("/story.html"))
    items = [(TITLE, click), ("Ferry timetable", own_server.url_for("/ferry.html"))]
    feed = serve_items(threaded_server, "Courier", items)
    assert run_reader(data_dir, "add", feed).returncode == 0
    (data_dir / "config.toml").write_text("[network]\nmax_retry_after = 0.5\n", encoding="utf-8")
    synced = run_reader(data_dir, "sync")
    assert synced.returncode == 0, synced.stderr
    host = threaded_server.url_for("/").split("/")[2]
    said = f"{host} asked this sync to wait (HTTP 429): 1 article fetched once its wait was over"
    assert said in synced.stderr, synced.stderr
    assert limited.asked == 2 and tracker.log == []


def test_a_publisher_that_stops_answering_is_given_up_as_its_host_not_the_trackers(
    data_dir: Path, own_server: HTTPServer, tracker: HTTPServer
) -> None:
    """Every story of a feed on a host that takes connections and never answers, each linked
    through one tracker: the host is given up after its timeouts in a row and the rest left,
    said as that host's; the old code counted the timeouts of the tracker's host (none) and
    waited each story out, the failures said as the tracker's."""
    silent = SilentHost()
    try:
        stories = [(f"Story {n}", f"{silent.url}story-{n}.html") for n in range(12)]
        feed = serve_items(
            own_server, "Quiet", [(t, through_tracker(tracker, u)) for t, u in stories]
        )
        assert run_reader(data_dir, "add", feed).returncode == 0
        (data_dir / "config.toml").write_text(
            "[network]\nretries = 0\nread_timeout = 1\ntotal_timeout = 3\nper_host = 2\n",
            encoding="utf-8",
        )
        synced = run_reader(data_dir, "sync")
    finally:
        silent.close()
    host = silent.url.split("/")[2]
    assert f"{host} stopped answering (" in synced.stderr, synced.stderr
    assert tracker.url_for("/").split("/")[2] not in synced.stderr
    assert tracker.log == []
