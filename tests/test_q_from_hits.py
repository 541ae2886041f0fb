"""`q` on `F`'s hits goes back to the list searched, as `Esc` does
(acc41a A13): it moved to the feed list with the hits still shown beside it, one `q` from
quitting. Driven with Pilot on the synced demo data."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.ui.screens.main import MainScreen
from reader.ui.screens.main_full_text import SEARCH_VIEW
from reader.ui.widgets.main.headline_table import HeadlineTable
from tests.tui_pilot import keys_handled, running, table, until


def test_q_on_the_hits_goes_back_to_the_list_searched(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen) and screen.feed_url is None
            await pilot.press("F", *"budget", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the hits")
            await until(pilot, lambda: bool(table(app).rows), "the hits listed")
            await pilot.press("q")
            await keys_handled(pilot)
            assert screen.feed_url is None  # "All feeds" again
            assert isinstance(screen.focused, HeadlineTable)
            assert len(table(app).rows) == len(app.index.headlines)
            assert app.is_running  # not one `q` from quitting: this one did not quit

    asyncio.run(run())
