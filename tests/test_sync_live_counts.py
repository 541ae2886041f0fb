"""The reader's `S` line counts the articles that did not come as its summary does: those of a
host given up for stalling are "left for the next sync" as they come, not "failed" until the
summary calls them left (`outages.left_for_later`, one place for both)."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from reader.config import load_config
from reader.library import Library
from reader.ui.app import ReaderApp
from tests.failing_site import FailingSite
from tests.tui_pilot import started, until

CONFIG = """[network]
connect_timeout = 2.0
read_timeout = 1.5
total_timeout = 15.0
retries = 2
backoff = 0.01
per_host = 2
"""


def test_the_live_count_says_left_for_the_next_sync_as_the_summary_does(tmp_path: Path) -> None:
    site = FailingSite(stories=10, mode="stall")  # every page's head, half its body, then nothing
    data = tmp_path / "data"
    data.mkdir()
    (data / "config.toml").write_text(CONFIG)

    async def subscribe() -> None:
        async with Library(data) as lib:
            lib.add_feed(site.base + "/feed.xml")

    async def run() -> None:
        app = ReaderApp(data, refresh_on_start=False, config=load_config(data / "config.toml"))
        app.prefetch_limit = 0
        async with app.run_test(size=(200, 20)) as pilot:
            await started(pilot)
            await pilot.press("S")
            ended = ("Synced", "the network or 127.0.0.1")
            await until(pilot, lambda: app.status.startswith(ended), "the end")
            host = re.escape(site.base.removeprefix("http://"))
            # The sync's one host: its stall can't be told from the network's.
            given_up = f"the network or {host} stopped answering \\(timed out 6 times in a row\\)"
            assert re.match(f"{given_up}: 10 articles left for the next sync", app.status)
            assert "not readable offline: 10 left for the next sync" in app.status
            # The live count as the sync ended (the last line, shown or due), in its words.
            assert app._pending_status == "Syncing: articles 10/10, 10 left for the next sync"

    try:
        asyncio.run(subscribe())
        asyncio.run(run())
    finally:
        site.close()
