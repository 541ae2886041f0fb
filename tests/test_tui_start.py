"""The TUI's start-up: what the first screen doesn't need waits until it is drawn (the worker
processes, the fetch ahead, the cyclic garbage collector paused for the imports)."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

import reader.ui.app as app_module
from reader.ui.app import ReaderApp
from reader.ui.collector import pause_for_start
from reader.ui.widgets.main.headline_table import HeadlineTable
from tests.tui_pilot import WAIT, screen_text


class _Watched(ReaderApp):
    """The reader, noting what had started when its first screen was about to be drawn."""

    CSS_PATH = str(Path(app_module.__file__).with_name(ReaderApp.CSS_PATH))  # not beside this file
    pool_before_paint: object = "not reached"
    shown_before_paint: str = ""

    async def _painted(self) -> None:
        self.pool_before_paint = self.lib._pool
        await super()._painted()
        self.shown_before_paint = screen_text(self)


def test_the_workers_start_after_the_first_screen_and_the_collector_runs_again(
    tmp_path: Path,
) -> None:
    async def run() -> None:
        app = _Watched(tmp_path, refresh_on_start=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await asyncio.wait_for(app.shown.wait(), WAIT)
            await pilot.pause()
            assert app.pool_before_paint is None  # not started with the app
            assert app.lib._pool is not None  # but once the list was on screen
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
