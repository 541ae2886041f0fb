"""The TUI's start-up: what the first screen doesn't need waits until it is drawn (the network
stack, the fetch ahead, the cyclic garbage collector paused for the imports), and the worker
processes start only when work comes for them (tests/test_workers_on_demand.py)."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

import reader.ui.app as app_module
import reader.ui.app_headlines as headlines_module
import reader.ui.app_lifecycle as lifecycle_module
from reader.config import ConfigError, load_config
from reader.ui.app import ReaderApp
from reader.ui.collector import pause_for_start
from reader.ui.widgets.main.headline_table import HeadlineTable
from tests.test_library import ARTICLE, feed_xml
from tests.tui_pilot import WAIT, screen_text, subscribe, table, until


class _Watched(ReaderApp):
    """The reader, noting what had started when its first screen was about to be drawn."""

    CSS_PATH = str(Path(app_module.__file__).with_name(ReaderApp.CSS_PATH))  # not beside this file
    fetcher_before_paint: object = "not reached"
    shown_before_paint: str = ""

    async def _painted(self) -> None:
        self.fetcher_before_paint = self.lib._fetcher
        await super()._painted()
        self.shown_before_paint = screen_text(self)


def test_the_network_stack_is_made_after_the_first_screen_and_the_collector_runs_again(
    tmp_path: Path,
) -> None:
    async def run() -> None:
        app = _Watched(tmp_path, refresh_on_start=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await asyncio.wait_for(app.shown.wait(), WAIT)
            await pilot.pause()
            assert app.fetcher_before_paint is None  # not made with the app
            assert app.lib._fetcher is not None  # but once the list was on screen
            assert app.lib._pool is None  # no work for the workers: none started
            assert "No feeds yet" in app.shown_before_paint
            assert app.main_screen.query_one(HeadlineTable).rows == []
            assert gc.isenabled()

    was_enabled = gc.isenabled()
    pause_for_start()  # as `reader` does before it imports the app
    assert not gc.isenabled()
    try:
        asyncio.run(run())
    finally:
        if was_enabled:
            gc.enable()


class _Settled(ReaderApp):
    """The reader, noting its first frame and its settles (collections) in their order."""

    CSS_PATH = _Watched.CSS_PATH

    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir, refresh_on_start=False)
        self.events: list[str] = []

    def _show_first_frame(self) -> None:
        if self.first_frame_held:
            self.events.append("first frame")
        super()._show_first_frame()

    def settle(self) -> None:
        self.events.append("settle")
        super().settle()


def test_the_first_headlines_are_settled_after_the_first_frame(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The collection and freeze after the first headlines are drawn (`settle`) comes once
    they are on screen. Put in hand half a second after they were read, a start slower than
    that (load 10-14 on two cores: 1.2-2.7 s to the first screen, acc48b B4) collected the
    whole heap first, ~50 ms of CPU. Here the half second is none: on the old order the
    settle came before the frame at once."""
    monkeypatch.setattr(headlines_module, "COLLECT_AFTER_CLOSE", 0.0)
    base = httpserver.url_for("").rstrip("/")
    items = [(f"Harbour story {n}", f"/story{n}.html", f"g{n}") for n in range(3)]
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, items), content_type="application/rss+xml"
    )
    subscribe(tmp_path, [base + "/feed.xml"])

    async def run() -> list[str]:
        app = _Settled(tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await asyncio.wait_for(app.shown.wait(), WAIT)
            await until(pilot, lambda: "settle" in app.events, "the settle")
            assert len(table(app).rows) == 3
            return app.events

    assert asyncio.run(run())[:2] == ["first frame", "settle"]


def test_keys_pressed_as_the_list_shows_keep_the_starts_work_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article opened as soon as the list showed shared the CPU with the worker processes'
    start (started on demand now) and the network stack's import: the start's remaining work
    waits for the keys to rest. (The rest is made 10 s here so that a loaded machine's slow keys still come within
    it: at 1 s, keys held up more than that on a machine running two suites at once let the
    work start mid-keys, ci54; 3 s left little room at load 45, 9 suites at once.)"""
    monkeypatch.setattr(lifecycle_module, "_KEYS_REST", 10.0)
    monkeypatch.setattr(lifecycle_module, "_KEYS_REST_AT_MOST", 60.0)
    subscribe(tmp_path, ["http://127.0.0.1:9/feed.xml"])

    async def run() -> None:
        app = ReaderApp(tmp_path, refresh_on_start=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await asyncio.wait_for(app.ready.wait(), WAIT)
            loop = asyncio.get_running_loop()
            pressing_until = loop.time() + 2.5
            while loop.time() < pressing_until:
                await pilot.press("j")
                await asyncio.sleep(0.1)
                assert not app.shown.is_set()
                assert app.lib._fetcher is None
            await asyncio.wait_for(app.shown.wait(), WAIT)
            assert app.lib._fetcher is not None

    asyncio.run(run())


def test_a_reader_told_not_to_fetch_on_open_opens_on_what_was_synced_without_a_request(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """`[feeds] refresh_on_open = false` and `fetch_ahead = 0` (a metered tether): the list
    of what was synced comes up and nothing is asked of the network; `r` still refreshes.
    With the defaults the same start asks for the feed and its articles."""
    base = httpserver.url_for("").rstrip("/")
    items = [(f"Harbour story {n}", f"/story{n}.html", f"g{n}") for n in range(3)]
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, items), content_type="application/rss+xml"
    )
    for _title, path, _guid in items:
        httpserver.expect_request(path).respond_with_data(ARTICLE, content_type="text/html")
    home = tmp_path / "home"
    subscribe(home, [base + "/feed.xml"])
    asked_before = len(httpserver.log)
    quiet = tmp_path / "quiet.toml"
    quiet.write_text("[feeds]\nrefresh_on_open = false\nfetch_ahead = 0\n")

    async def opened(config_file: Path | None) -> int:
        config = load_config(config_file, create=False) if config_file else None
        app = ReaderApp(home, config=config)
        async with app.run_test(size=(100, 30)) as pilot:
            await asyncio.wait_for(app.shown.wait(), WAIT)
            await until(pilot, lambda: not app._busy, "the start's work")
            await pilot.pause(0.5)
            assert len(table(app).rows) == 3
            asked = len(httpserver.log) - asked_before
            if config_file:
                await pilot.press("r")
                await until(pilot, lambda: len(httpserver.log) > asked_before, "r's refresh")
            return asked

    assert asyncio.run(opened(quiet)) == 0
    assert asyncio.run(opened(None)) > 0


def test_the_fetch_settings_are_checked(tmp_path: Path) -> None:
    for text, named in (
        ("[feeds]\nrefresh_on_open = 'no'\n", "feeds.refresh_on_open must be true or false"),
        ("[feeds]\nfetch_ahead = -1\n", "feeds.fetch_ahead must be a whole number"),
        ("[feeds]\nfetch_ahead = 2.5\n", "feeds.fetch_ahead must be a whole number"),
    ):
        path = tmp_path / "config.toml"
        path.write_text(text)
        with pytest.raises(ConfigError) as raised:
            load_config(path, create=False)
        assert named in str(raised.value)
