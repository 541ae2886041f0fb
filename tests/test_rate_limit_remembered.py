"""A host's 429 asking to wait two minutes is kept past the sync that was told it: the next
sync, seconds later, sends it nothing and says so (acc40b P3: it asked every feed of the host
again, got the same 429, and cached nothing again)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Notes</title>'
    "<link>http://127.0.0.1/</link><item><title>Tide tables for January</title>"
    "<link>http://127.0.0.1/tides.html</link></item></channel></rss>"
)


def test_a_hosts_wait_is_kept_for_the_next_sync(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = ["--data-dir", str(data_dir)]
    httpserver.expect_request("/notes.xml").respond_with_data(
        FEED, content_type="application/rss+xml"
    )
    assert main([*home, "add", httpserver.url_for("/notes.xml")]) == 0
    httpserver.clear()
    httpserver.expect_request("/notes.xml").respond_with_data(
        "Slow down", status=429, headers={"Retry-After": "120"}
    )
    main([*home, "sync", "--no-articles"])
    assert len(httpserver.log) == 1
    capsys.readouterr()
    assert main([*home, "sync", "--no-articles"]) == 1
    err = capsys.readouterr().err
    assert len(httpserver.log) == 1  # nothing more asked
    assert "not asked: rate-limited (HTTP 429): try again in 2 minutes" in err
