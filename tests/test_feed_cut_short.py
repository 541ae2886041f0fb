"""A feed cut short (a server's Content-Length too small for its body, acc47c C6): `reader add`
says so when the user is looking, not "subscribed: … (0 headlines)" alone, a clean success."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main

RSS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
    "<title>Harbour Gazette</title>\n<link>http://127.0.0.1/</link>\n"
    "<description>News of the harbour</description>\n"
    "<item><title>Ferry timetable changes from Monday</title>"
    "<link>http://127.0.0.1/a/ferry.html</link><guid>ferry</guid></item>\n"
    "</channel></rss>\n"
)


def test_add_of_a_feed_cut_short_warns_that_it_is_and_that_it_lists_no_items(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Cut inside the channel, before its first item: what a client reads of a body whose
    # Content-Length says less than was written.
    cut = RSS[: RSS.index("<item>") + 20]
    httpserver.expect_request("/feed.xml").respond_with_data(
        cut, content_type="application/rss+xml"
    )
    code = main(["--data-dir", str(data_dir), "add", httpserver.url_for("/feed.xml")])
    said = capsys.readouterr()
    assert code == 0
    assert said.out.splitlines() == [
        "subscribed: Harbour Gazette (0 headlines)",
        "warning: it lists no items; the feed's XML is cut short (it ends before its elements"
        " close), read anyway (no element found at line 6, column 20)",
    ]
