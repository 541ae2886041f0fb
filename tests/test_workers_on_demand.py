"""The reader's worker processes (feed parsing, reading pages) start when work comes and end
after a spell without any: a reader left open on its list kept two of them (~45 MB each) for
work that might not come for hours. The real reader under Pilot, a real server on 127.0.0.1,
the processes seen from outside (/proc)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

import reader.ui.app as app_module
from reader.ui.app import ReaderApp
from reader.ui.widgets.article.article_body import ArticleBody
from tests.processes import spawned_workers as _workers
from tests.test_library import ARTICLE, feed_xml
from tests.tui_pilot import WAIT, open_row, started, subscribe, until


def test_no_worker_starts_for_a_reader_that_has_no_work_for_one(tmp_path: Path) -> None:
    """Opened on what was synced, no refresh: its list is read from the cache in threads, and
    no worker process is started (two were, once the list was on screen)."""
    subscribe(tmp_path, ["http://127.0.0.1:9/feed.xml"])

    async def run() -> None:
        app = ReaderApp(tmp_path, refresh_on_start=False)
        app.prefetch_limit = 0
        before = frozenset(_workers())
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            await asyncio.wait_for(app.shown.wait(), WAIT)
            await until(pilot, lambda: not app._busy, "the start's work")
            await pilot.pause(0.5)
            assert app.lib._pool is None
            assert _workers(before) == []

    asyncio.run(run())


def test_the_workers_end_when_idle_and_an_article_opens_after(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The refresh on opening parses its feed in a worker; with no work for the idle spell
    (1 s here) the workers end; an article not yet cached is then opened all the same, read
    by a worker started for it."""
    monkeypatch.setattr(app_module, "WORKERS_IDLE_END", 1.0, raising=False)
    base = httpserver.url_for("").rstrip("/")
    items = [("Harbour story", "/story.html", "g1")]
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, items), content_type="application/rss+xml"
    )
    httpserver.expect_request("/story.html").respond_with_data(ARTICLE, content_type="text/html")
    subscribe(tmp_path, [base + "/feed.xml"])
    asked = len(httpserver.log)

    async def run() -> None:
        app = ReaderApp(tmp_path)  # the refresh on opening: its feed parsed in a worker
        app.prefetch_limit = 0  # the article fetched once the workers have gone
        before = frozenset(_workers())
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            await until(pilot, lambda: len(httpserver.log) > asked, "the refresh's request")
            await until(pilot, lambda: not app._busy, "the refresh's end")
            await until(pilot, lambda: app.lib._pool is None, "the pool ended when idle")
            await until(pilot, lambda: not _workers(before), "its workers gone")
            app.lib.cpu.idle_end = WAIT * 10  # the next pool seen before its own idle end
            screen = await open_row(pilot, 0)
            body = screen.query_one(ArticleBody)
            assert body.article is not None
            assert "harbour master" in " ".join(b.text for b in body.article.blocks)
            assert _workers(before), "a worker started again for the page"

    asyncio.run(run())
