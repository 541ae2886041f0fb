"""A host that answers 429 with a longer Retry-After than a sync waits is left be for the rest of
that sync: its other requests not sent, its articles left for the next sync in one line."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from pytest_httpserver import HTTPServer
from served_feed import serve_stories
from test_cli import reader

STORIES = [(f"Harbour story {hour}", hour) for hour in range(20)]


def test_a_long_retry_after_stops_the_sync_asking_that_host(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc29b T9: "Retry-After: 120" was met with 79 more requests in the same second, each
    an "article failed" line."""
    # Matched before the pages `serve_stories` serves: every story answers "wait 2 minutes".
    httpserver.expect_request(re.compile(r"/story-\d+\.html")).respond_with_data(
        "Slow down", status=429, headers={"Retry-After": "120"}
    )
    home = tmp_path / "home"
    assert reader(home, "add", serve_stories(httpserver, "Harbour", STORIES)).returncode == 0
    synced = reader(home, "sync")
    asked = [r.path for r, _ in httpserver.log if r.path.startswith("/story-")]
    # Those already on their way when the first 429 came (four in flight to a host), no more.
    assert 1 <= len(asked) <= 4, asked
    assert "article failed" not in synced.stderr
    host = httpserver.url_for("/").split("/")[2]
    assert (
        f"reader: {host} is rate-limiting (HTTP 429, try again in 2 minutes): 20 articles left "
        "for the next sync (its wait outlasting this one)\n"
    ) in synced.stderr
    # acc36a G6: and the last line did not call them "20 failed".
    assert "0 already cached, 20 left for the next sync, 0 failed" in synced.stderr
    assert "not readable offline: 20 left for the next sync;" in synced.stderr
    assert synced.returncode == 1


def test_the_readers_sync_line_says_the_wait_once(tmp_path: Path, httpserver: HTTPServer) -> None:
    """The reader's `S` line as `reader sync` says it: the host that asked to wait, not
    "20 failed (e.g. …: rate-limited …)"."""
    from reader.library import Library
    from reader.ui.app_sync import sync_summary

    httpserver.expect_request(re.compile(r"/story-\d+\.html")).respond_with_data(
        "Slow down", status=429, headers={"Retry-After": "120"}
    )
    home = tmp_path / "home"
    assert reader(home, "add", serve_stories(httpserver, "Harbour", STORIES)).returncode == 0

    async def sync() -> str:
        async with Library(home) as lib:
            return sync_summary(await lib.sync())

    line = asyncio.run(sync())
    host = httpserver.url_for("/").split("/")[2]
    assert f" · {host} is rate-limiting (HTTP 429, try again in 2 minutes): 20 articles" in line
    assert "failed (e.g." not in line
