"""`reader sync` starts its workers (the processes that parse feeds and read pages) when work
first comes: a sync whose feeds all answer "not modified" starts none (it imported the
extractor and forked them for nothing); one that brings articles reads them in workers forked
from a server process, as the sync's threads are in none of them."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli import main
from reader.cpu_workers import CpuWorkers
from reader.library import Library
from tests.test_library import ARTICLE, feed_xml


def serve(server: HTTPServer) -> str:
    base = server.url_for("").rstrip("/")
    feed = feed_xml(base, [("Tide tables revised", "/tide.html", "g1")])

    def answer(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(feed, content_type="application/rss+xml", headers={"ETag": '"v1"'})

    server.expect_request("/feed.xml").respond_with_handler(answer)
    server.expect_request("/tide.html").respond_with_data(ARTICLE, content_type="text/html")
    return base + "/feed.xml"


def test_a_sync_with_nothing_to_read_starts_no_worker(
    httpserver: HTTPServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = serve(httpserver)
    assert main(["--data-dir", str(data_dir), "add", url]) == 0
    started: list[bool] = []
    start = CpuWorkers.start  # the library's pools (sec31: moved out of the library)

    def recorded(self: CpuWorkers, articles: bool = True) -> None:
        started.append(articles)
        start(self, articles)

    monkeypatch.setattr(CpuWorkers, "start", recorded)
    assert main(["--data-dir", str(data_dir), "sync", "-q"]) == 0  # the article: read in one
    assert started
    with closing(Library(data_dir)) as lib:
        assert len(lib.store.article_keys()) == 1
    started.clear()
    assert main(["--data-dir", str(data_dir), "sync", "-q"]) == 0  # the feed: 304
    assert started == []
    assert [answer.status_code for _, answer in httpserver.log[-1:]] == [304]
