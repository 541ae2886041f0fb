"""A linked page that never answers in time (an aggregator's link to a dead host) cost every sync
its timeout and failed it, a cron job's exit 1 for good (acc49b B6): after 3 tries in a row
timed out, a sync says so once, is no failure for it, and the syncs after it ask once a day.
Real parts: the feed on a pytest-httpserver, a host that takes connections and never answers
(`SilentHost`), the reader's own command and cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import run_reader
from hostile_site import rss
from pytest_httpserver import HTTPServer
from silent_host import SilentHost

from reader.store import Store

STORY = "<html><body><article>" + "<p>The ferry timetable changes on Monday.</p>" * 6


@pytest.fixture
def dead_host() -> Iterator[SilentHost]:
    host = SilentHost()
    yield host
    host.close()


def test_a_page_timing_out_sync_after_sync_is_given_up_once_and_asked_daily(
    httpserver: HTTPServer, dead_host: SilentHost, data_dir: Path
) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(
            "Quayside News",
            [
                ("Ferry timetable changes", httpserver.url_for("/ferry")),
                ("This page never quite arrives", dead_host.url + "too-slow"),
            ],
        ),
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/ferry").respond_with_data(STORY, content_type="text/html")
    (data_dir / "config.toml").write_text(
        "[network]\nconnect_timeout = 1.0\nread_timeout = 0.5\ntotal_timeout = 1.0\nretries = 0\n"
    )
    assert run_reader(data_dir, "add", httpserver.url_for("/feed.xml")).returncode == 0
    for _ in range(2):  # a slow night of the host's: failures, as before
        result = run_reader(data_dir, "sync")
        assert result.returncode == 1
        assert "article failed: This page never quite arrives" in result.stderr
    result = run_reader(data_dir, "sync")
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "never quite arrives" in line]
    assert len(said) == 1 and said[0].startswith("reader: given up for now: This page never")
    assert "at its last 3 tries; syncs ask for it once a day" in said[0]
    assert "1 timing out (asked once a day)" in result.stderr
    asked = len(dead_host.held)
    # The next syncs leave it for a day: not asked, not said, no failure.
    result = run_reader(data_dir, "sync")
    assert result.returncode == 0 and "never quite arrives" not in result.stderr
    assert len(dead_host.held) == asked
    # An answer of any kind, and it is a page as any other again.
    store = Store(data_dir)
    try:
        assert store.timeouts_of(dead_host.url + "too-slow") == 3
        store.answered(dead_host.url + "too-slow")
        assert store.timeouts() == {}
    finally:
        store.close()
