"""A server that answers a feed whole but says it is compressed when it isn't (the header
`Content-Encoding: gzip`, the body plain XML): it answered, so the sync gives its usual summary
with that feed failed, and says what is wrong in words (acc40b P10, P8: it was "Nothing answered
at HOST", the offline wording, and "does not decompress (error)")."""

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


@pytest.mark.parametrize("coding, said", [("gzip", "gzip"), ("br", "Brotli")])
def test_an_answer_falsely_said_compressed_is_the_servers_fault(
    httpserver: HTTPServer,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    coding: str,
    said: str,
) -> None:
    httpserver.expect_request("/notes.xml").respond_with_data(
        FEED, content_type="application/rss+xml", headers={"Content-Encoding": coding}
    )
    url = httpserver.url_for("/notes.xml")
    home = ["--data-dir", str(data_dir)]
    assert main([*home, "add", url]) == 1  # subscribed, its first fetch failed
    assert "not subscribed" not in capsys.readouterr().err  # a server's fault, maybe for now
    assert main([*home, "sync"]) == 1
    err = capsys.readouterr().err
    assert "Nothing answered" not in err and "No connection" not in err
    assert "synced 0 of 1 feed" in err
    assert f"says its answer is {said}-compressed but it isn't" in err
    assert main([*home, "feeds"]) == 0
    out = capsys.readouterr().out
    assert f"says its answer is {said}-compressed but it isn't" in out and "(error)" not in out
