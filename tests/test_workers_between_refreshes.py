"""A reader refreshing on a timer shorter than the workers' idle spell (two minutes): its worker
processes end between the timed refreshes, and the next starts them again (acc43c C6: with
`refresh_interval = "1m"` they never ended, the open reader ~240 MB against newsboat's 30).
The real reader under Pilot with a 4-second interval, its feed on 127.0.0.1, the processes
seen from outside (/proc)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.config import load_config
from reader.ui.app import WORKERS_IDLE_END, ReaderApp, workers_idle_end
from tests.test_library import feed_xml
from tests.test_workers_on_demand import _workers
from tests.tui_pilot import started, subscribe, until


def test_the_idle_spell_is_shorter_than_a_short_refresh_interval() -> None:
    assert workers_idle_end(0) == WORKERS_IDLE_END  # no timed refresh: two minutes
    assert workers_idle_end(3600) == WORKERS_IDLE_END
    assert workers_idle_end(60) == 30
    assert workers_idle_end(1) == 1  # not under a second


def test_the_workers_end_between_timed_refreshes(tmp_path: Path, httpserver: HTTPServer) -> None:
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, [("Harbour story", "/story.html", "g1")]),
        content_type="application/rss+xml",
    )
    subscribe(tmp_path, [base + "/feed.xml"])
    tmp_path.joinpath("config.toml").write_text(
        '[feeds]\nrefresh_interval = "4s"\nrefresh_on_open = false\nfetch_ahead = 0\n', "utf-8"
    )
    asked = len(httpserver.log)

    async def run() -> None:
        app = ReaderApp(tmp_path, config=load_config(tmp_path / "config.toml"))
        before = frozenset(_workers())
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            for refresh in (1, 2):  # each timed refresh parses in workers, which then end
                await until(pilot, lambda n=refresh: len(httpserver.log) >= asked + n, "a refresh")
                await until(pilot, lambda: not app._busy, "the refresh's end")
                await until(pilot, lambda: app.lib._pool is None, "the pool ended when idle")
                await until(pilot, lambda: not _workers(before), "its workers gone")

    asyncio.run(run())
