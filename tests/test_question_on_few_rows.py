"""`D`'s question on a small terminal: its every word on screen at 30x8 (its end ran below the
screen, the list showing beside the box), and at 20x5 its start on the rows above the key bar
(acc51c C6)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Static

from reader.ui.dialogs.confirm import ConfirmScreen
from reader.ui.screens.main_feeds import removal_question
from tests.tui_pilot import on_top, running, screen_text


def test_the_removal_question_is_whole_at_30x8_and_starts_on_screen_at_20x5(
    synced_dir: Path,
) -> None:
    question = removal_question("Remove “Valley Times”?", 100, 0)

    async def run() -> None:
        async with running(synced_dir, (30, 8), prefetch=False) as (app, pilot):
            app.push_screen(ConfirmScreen(question))
            asked = await on_top(pilot, ConfirmScreen, "the question")
            await pilot.pause(0.3)
            assert question in " ".join(screen_text(app).split())
            await pilot.resize_terminal(20, 5)
            await pilot.pause(0.3)
            panel = asked.query_one("#confirm-panel", Static)
            assert panel.region.y >= 0 and panel.region.bottom <= 4  # above the key bar
            assert screen_text(app).split()[:2] == ["Remove", "“Valley"]

    asyncio.run(run())
