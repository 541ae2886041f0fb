"""The timed refresh backs off while nothing answers (acc48b B2): a reader left open on a flight
with `refresh_interval = "1m"` started its worker processes every minute (~0.5 s of CPU each) to
learn again that the network was gone. The real reader under Pilot with a 1-second interval,
its feed's server stopped (the port closed on 127.0.0.1); the policy's doubling on its own."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.config import load_config
from reader.cpu_workers import CpuWorkers
from reader.ui import app as app_module
from reader.ui.app import ReaderApp
from reader.ui.timed_refresh import BACK_OFF_AT_MOST, TimedRefresh
from tests.tui_pilot import started, subscribe_to_page, until

PAGE = "<html><body><article><h1>Harbour</h1><p>The pump house opened.</p></article></body></html>"


def _refreshing_ticks(timed: TimedRefresh, ticks: int) -> list[int]:
    """Which of `ticks` timer ticks refresh, nothing answering any of them."""
    refreshed = []
    for tick in range(1, ticks + 1):
        if timed.tick():
            refreshed.append(tick)
            timed.ended(nothing_answered=True)
    return refreshed


def test_the_wait_doubles_while_nothing_answers_up_to_its_most() -> None:
    timed = TimedRefresh(60)
    assert _refreshing_ticks(timed, 40) == [1, 3, 7, 15, 31]
    most = int(BACK_OFF_AT_MOST / 60)
    for _ in range(10):
        timed.ended(nothing_answered=True)
    assert timed.every == most  # 30 minutes, not more
    timed.ended(nothing_answered=False)  # an answer: the interval again
    assert not timed.backing_off and timed.tick()
    timed.ended(nothing_answered=True)
    timed.asked()  # `r`: the interval again
    assert timed.tick()
    hourly = TimedRefresh(7200)
    hourly.ended(nothing_answered=True)
    assert hourly.every == 1  # an interval past the most: itself


def test_a_timed_refresh_with_nothing_answering_backs_off(tmp_path: Path) -> None:
    subscribe_to_page(tmp_path, PAGE, "Harbour Gazette", "Pump house")  # its server stopped
    tmp_path.joinpath("config.toml").write_text(
        '[feeds]\nrefresh_interval = "1s"\nrefresh_on_open = false\nfetch_ahead = 0\n', "utf-8"
    )

    class Counted(ReaderApp):
        CSS_PATH = str(Path(app_module.__file__).with_name(ReaderApp.CSS_PATH))  # not here
        ticks = refreshes = 0

        def _timed_refresh(self) -> None:
            self.ticks += 1
            super()._timed_refresh()

        async def _refresh(self, feeds: frozenset[str] | None = None, name: str = "") -> None:
            self.refreshes += 1
            await super()._refresh(feeds, name)

    async def run() -> None:
        app = Counted(tmp_path, config=load_config(tmp_path / "config.toml"))
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            pool_starts = 0
            start = app.lib.cpu.start

            def counted_start(articles: bool = True) -> None:
                nonlocal pool_starts
                pool_starts += 1
                start(articles)

            app.lib.cpu.start = counted_start  # type: ignore[method-assign]
            await until(pilot, lambda: app.ticks >= 12, "12 ticks of the timer", timeout=120)
            await until(pilot, lambda: not app._busy, "the refresh's end")
            # Ticks 1, 3 and 7 (the 4th at 15), each failing: one in every tick refreshed
            # before, each starting the worker processes.
            assert app.refreshes <= 3, app.refreshes
            assert pool_starts <= 1, pool_starts  # the first only: none while backing off
            assert "Nothing answered at 127.0.0.1" in app.status
            assert "trying again at" in app.status
            before = app.refreshes
            await pilot.press("r")  # the user's: at once, whatever the back-off
            await until(pilot, lambda: app.refreshes > before, "r's refresh")

    asyncio.run(run())


def test_a_sync_in_another_process_ends_the_back_off(tmp_path: Path) -> None:
    """acc48b: cron's `reader sync` reaching the feeds again left the open reader backing off,
    its line still "Nothing answered … · trying again at …", until one of its own refreshes
    was answered (up to 30 minutes on). The reader's interval ten minutes, so none of its
    own comes meanwhile; the other sync run as cron runs it, in a process of its own."""
    from pytest_httpserver import HTTPServer

    from tests.cli_run import run_reader
    from tests.served_feed import serve_one_item

    subscribe_to_page(tmp_path, PAGE, "Harbour Gazette", "Pump house")  # its server stopped
    tmp_path.joinpath("config.toml").write_text(
        '[feeds]\nrefresh_interval = "10m"\nrefresh_on_open = false\nfetch_ahead = 0\n', "utf-8"
    )
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    link = server.url_for("/ferry.html")
    server.expect_request("/ferry.html").respond_with_data(PAGE, content_type="text/html")
    feed = serve_one_item(server, "Quay Times", "Ferry", link)

    async def run() -> None:
        app = ReaderApp(tmp_path, config=load_config(tmp_path / "config.toml"))
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            app._timed_refresh()  # the interval's tick, ten minutes on
            await until(pilot, lambda: "trying again at" in app.status, "the failure's line")
            assert app.timed is not None and app.timed.backing_off
            for args in (("add", feed), ("sync", "-q")):
                done = await asyncio.to_thread(run_reader, tmp_path, *args)
                assert done.returncode in (0, 1), done.stderr  # the stopped feed failed
            await until(pilot, lambda: not app.timed.backing_off, "the back-off's end")  # type: ignore[union-attr]
            await until(pilot, lambda: "trying again at" not in app.status, "the counts")
            assert "Nothing answered" not in app.status

    try:
        asyncio.run(run())
    finally:
        server.stop()


def _pool_starts(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each start of the library's pool for CPU work from now on (its `articles`)."""
    starts: list[bool] = []
    real = CpuWorkers.start

    def counted(self: CpuWorkers, articles: bool = True) -> None:
        starts.append(articles)
        real(self, articles)

    monkeypatch.setattr(CpuWorkers, "start", counted)
    return starts


def test_the_refresh_on_opening_with_nothing_answering_starts_no_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened on a plane (its feed's port closed on 127.0.0.1, its headline not cached): the
    refresh on opening started the worker processes as it began (~0.5 s of CPU, the reader's
    start's busiest moment) to learn that nothing answered, and its fetch ahead as each
    download began. They start as the first request connects."""
    from tests.served_feed import own_http_server, serve_one_item
    from tests.tui_pilot import subscribe

    with own_http_server() as server:  # stopped after: nothing answers the reader opened
        link = server.url_for("/ferry.html")
        subscribe(tmp_path, [serve_one_item(server, "Quay Times", "Ferry", link)])
    starts = _pool_starts(monkeypatch)

    async def run() -> None:
        app = ReaderApp(tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            await until(pilot, lambda: "Nothing answered" in app.status, "the refresh's end")
            await until(pilot, lambda: not app._busy, "the refresh's end")
            # Its fetch ahead too, which started them as each of its downloads began.
            await until(pilot, lambda: bool(app._prefetch_failed), "the fetch ahead's failure")
            await until(pilot, lambda: not app._under_way("prefetch"), "the fetch ahead's end")

    asyncio.run(run())
    assert starts == []


def test_the_refresh_on_opening_starts_the_workers_when_a_feed_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The network there, the refresh on opening starts them as before (their imports
    overlapping its downloads), and its feed is read."""
    from tests.served_feed import own_http_server, serve_one_item
    from tests.tui_pilot import subscribe

    with own_http_server() as server:
        server.expect_request("/ferry.html").respond_with_data(PAGE, content_type="text/html")
        subscribe(
            tmp_path, [serve_one_item(server, "Quay Times", "Ferry", server.url_for("/ferry.html"))]
        )
        starts = _pool_starts(monkeypatch)

        async def run() -> str:
            app = ReaderApp(tmp_path)
            async with app.run_test(size=(100, 30)) as pilot:
                await started(pilot)
                await until(pilot, lambda: app.job_ended is not None, "the refresh's end")
                return app.status

        status = asyncio.run(run())
    assert starts  # as before: the refresh's, then the fetch ahead's pages
    assert "Refreshed 1 of 1 feed" in status, status
