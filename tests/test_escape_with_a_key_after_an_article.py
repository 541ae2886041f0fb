"""`Enter j j j`, then Esc and `j` together (a fast typist over ssh, tmux's escape-time joining
them, which Textual reads as one Alt+j): the `j`s scroll the article Enter opened, Esc goes
back, and the last `j` moves the list one row. The `j`s typed for the article acted in the list
instead, the cursor five rows on for one (acc51c C2)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import events

from reader.ui.app import ReaderApp
from reader.ui.widgets.main.headline_table import HeadlineTable
from tests.tui_pilot import burst, first_article_row, running, table, until


def _typed(app: ReaderApp, key: str, character: str) -> None:
    assert app._driver is not None
    event = events.Key(key, character)
    event.set_sender(app)
    app._driver.send_message(event)


def test_enter_j_j_j_then_esc_and_j_together_scroll_the_article_then_move_one_row(
    synced_dir: Path,
) -> None:
    async def run() -> None:
        async with running(synced_dir, (80, 24), prefetch=False) as (app, pilot):
            row = first_article_row(app)
            table(app).cursor = row
            opened = table(app).rows[row].entry.id
            await pilot.pause()
            burst(app, "\rjjj")
            _typed(app, "alt+j", "j")  # Esc and j in one read
            await until(
                pilot,
                lambda: (
                    app.index.get(opened).read
                    and app.screen is app.main_screen
                    and not app._typed_ahead
                ),
                "the article read, and back at the list with every key taken",
            )
            await pilot.pause()
            assert app.main_screen.query_one(HeadlineTable).cursor == row + 1

    asyncio.run(run())
