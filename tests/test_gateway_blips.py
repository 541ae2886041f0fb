"""A gateway's passing 502 or 504 (a ship's satellite link: its relay answering so for a moment,
acc45 B6) is tried again, its Retry-After honoured, even at an address whose last try timed
out; still so after its tries, the article or feed is left for the next sync ("the gateway in
front of HOST answered HTTP 502 …"), not failed: exit 75, try again later.

Served by a real server on 127.0.0.1 (pytest-httpserver) answering 502 or 504, then 200."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.reports import SyncReport
from tests.cli_run import run_reader
from tests.served_feed import serve_one_item, story_page

TITLE = "Harbour dues"
_GATEWAY_PAGE = "<html><body><h1>502 Bad Gateway</h1><hr>relay</body></html>"


def answers(*steps: int | str, headers: dict[str, str] | None = None) -> Callable[..., Response]:
    """A handler answering each request with the next of `steps` (a status; "stall": 3 s of
    nothing, then the story; the last step again once they run out), noting when each came."""
    asked: list[float] = []

    def handler(request: Request) -> Response:
        step = steps[min(len(asked), len(steps) - 1)]
        asked.append(time.monotonic())
        if step == "stall":
            time.sleep(3)
            step = 200
        if step == 200:
            return Response(story_page(TITLE), content_type="text/html")
        code = int(step)  # its reason as a relay words it, not werkzeug's upper case
        status = f"{code} {HTTPStatus(code).phrase}"
        return Response(_GATEWAY_PAGE, status=status, headers=headers, content_type="text/html")

    handler.asked = asked  # type: ignore[attr-defined]
    return handler


def subscribed(data_dir: Path, server: HTTPServer, story: Callable[..., Response]) -> str:
    """`data_dir` subscribed to a feed of one story `story` answers for; the story's link."""
    link = server.url_for("/story.html")
    feed = serve_one_item(server, "Port News", TITLE, link)
    server.expect_request("/story.html").respond_with_handler(story)
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "config.toml").write_text("[network]\nread_timeout = 1\ntotal_timeout = 2\n")
    assert run_reader(data_dir, "add", feed).returncode == 0
    return link


def cached(data_dir: Path, link: str) -> bool:
    return run_reader(data_dir, "show", "--offline", link).returncode == 0


def test_a_502_at_an_address_that_timed_out_last_sync_is_tried_again(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    """Its last sync timed out there (the link's stalls): asked once, as an address that gives
    no answer is; a 502 is an answer, and tried again as any is."""
    story = answers("stall", "stall", "stall", 502, 200)
    link = subscribed(data_dir, threaded_server, story)
    stalled = run_reader(data_dir, "sync")
    assert not cached(data_dir, link), stalled.stderr
    asked = len(story.asked)  # type: ignore[attr-defined]
    again = run_reader(data_dir, "sync")
    assert again.returncode == 0, again.stderr
    assert cached(data_dir, link)
    assert len(story.asked) == asked + 2  # type: ignore[attr-defined]


def test_a_502s_retry_after_is_waited(data_dir: Path, threaded_server: HTTPServer) -> None:
    story = answers(502, 200, headers={"Retry-After": "2"})
    link = subscribed(data_dir, threaded_server, story)
    synced = run_reader(data_dir, "sync")
    assert synced.returncode == 0, synced.stderr
    assert cached(data_dir, link)
    first, second = story.asked  # type: ignore[attr-defined]
    # Asked again once its wait was over, not after the back-off's half a second.
    assert second - first >= 1.9


def test_a_504_asking_to_wait_longer_than_a_sync_is_left_for_the_next(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    story = answers(504, 200, headers={"Retry-After": "600"})
    link = subscribed(data_dir, threaded_server, story)
    synced = run_reader(data_dir, "sync")
    assert len(story.asked) == 1  # type: ignore[attr-defined]
    assert synced.returncode == 75, synced.stderr
    assert "answered HTTP 504 Gateway Timeout: try again in 10 minutes" in synced.stderr
    assert "1 left for the next sync, 0 failed" in synced.stderr
    assert run_reader(data_dir, "sync").returncode == 0
    assert cached(data_dir, link)


def test_a_gateway_still_down_after_its_tries_leaves_the_article_for_the_next_sync(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    story = answers(502, 502, 502, 200)
    link = subscribed(data_dir, threaded_server, story)
    synced = run_reader(data_dir, "sync")
    # Exit 75: try again later, as a full disk's; cron's `|| alert` is not for a relay's blip.
    assert synced.returncode == 75, synced.stderr
    said = (
        f"left for the next sync: {TITLE} <{link}>: the gateway in front of"
        f" 127.0.0.1:{threaded_server.port} answered HTTP 502 Bad Gateway (3 tries)"
    )
    assert said in synced.stderr
    assert "article failed" not in synced.stderr
    assert "0 already cached, 1 left for the next sync, 0 failed" in synced.stderr
    after = run_reader(data_dir, "sync")
    assert after.returncode == 0, after.stderr
    assert cached(data_dir, link)


def test_a_feed_behind_a_gateway_answering_504_is_not_reached_not_failing(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    server = threaded_server
    link = subscribed(data_dir, server, answers(200))
    assert run_reader(data_dir, "sync").returncode == 0
    server.clear()
    server.expect_request("/feed.xml").respond_with_handler(answers(504))
    synced = run_reader(data_dir, "sync")
    assert synced.returncode == 75, synced.stderr
    assert "feed not reached: Port News: the gateway in front of" in synced.stderr
    assert "answered HTTP 504 Gateway Timeout (3 tries); the next sync asks again" in (
        synced.stderr
    )
    assert "feed failed" not in synced.stderr
    (row,) = json.loads(run_reader(data_dir, "feeds", "--json").stdout)
    assert row["last_error"] is None
    assert cached(data_dir, link)


def test_the_readers_sync_line_says_left_not_failed(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    """The reader's S leaves the same word on its status line as `reader sync` does."""
    from reader.config import FetchLimits
    from reader.library import Library
    from reader.ui.app_sync import sync_summary

    subscribed(data_dir, threaded_server, answers(502))

    async def synced() -> SyncReport:
        lib = Library(data_dir, limits=FetchLimits(retries=1, backoff=0.01))
        try:
            return await lib.sync()
        finally:
            await lib.aclose()

    line = sync_summary(asyncio.run(synced()))
    assert f"1 left for the next sync (e.g. {TITLE}: the gateway in front of" in line
    assert "answered HTTP 502 Bad Gateway (2 tries))" in line
    assert "failed (e.g." not in line
