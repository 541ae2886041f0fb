"""A page past the tags a page is parsed whole to (`page_parsing.MAX_TAGS`) given to `reader add`
(acc47c C8): its head alone is read for its feed links, as extraction refuses the rest (its
memory is `benchmarks/discovery_memory.py`'s to show). The real command against a server on
127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.page_parsing import MAX_TAGS

RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>'
    "<item><title>Ferry timetable changes</title><link>http://127.0.0.1/a/ferry.html</link>"
    "<guid>ferry</guid></item></channel></rss>"
)


def test_a_page_of_too_many_tags_still_gives_the_feed_its_head_names(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = (
        "<!DOCTYPE html><html><head><title>Ferry timetable changes</title>"
        f"<link rel='alternate' type='application/rss+xml' href='{httpserver.url_for('/feed.xml')}'>"
        "</head><body><ul>"
    )
    httpserver.expect_request("/a/ferry.html").respond_with_data(
        head + "<li>x" * (MAX_TAGS + 10) + "</ul></body></html>",
        content_type="text/html; charset=utf-8",
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        RSS, content_type="application/rss+xml"
    )
    code = main(["--data-dir", str(data_dir), "add", httpserver.url_for("/a/ferry.html")])
    said = capsys.readouterr()
    assert code == 0, said.err
    assert f"found the feed {httpserver.url_for('/feed.xml')} on that page" in said.out
    assert "subscribed: Harbour Gazette (1 headline)" in said.out
