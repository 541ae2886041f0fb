"""A terminal of few rows: the status line (and its notices) leaves the list one headline row
at the least. At 20x5 its three rows took every row between the list's borders and the key
bar, and no headline showed (acc51c C6); the rows it takes follow the height as it changes."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.ui.widgets.status_bar import StatusBar
from tests.tui_pilot import running, table


def test_at_20x5_a_headline_shows_under_a_status_line_of_one_row(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (20, 5), prefetch=False) as (app, pilot):
            await pilot.pause(0.3)
            status = app.screen.query_one(StatusBar)
            assert table(app).content_region.height >= 1
            assert status.size.height == 1
            await pilot.resize_terminal(20, 9)
            await pilot.pause(0.3)
            assert status.size.height > 1  # the line whole again, where it has room
            await pilot.resize_terminal(20, 5)
            await pilot.pause(0.3)
            assert table(app).content_region.height >= 1
            assert status.size.height == 1

    asyncio.run(run())
