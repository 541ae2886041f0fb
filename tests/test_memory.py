"""Reading for hours: opening and closing articles must not keep what they were made of.

Two of Textual's caches keep closed widgets (its issues #6665 and #6666); `collector` and the
key bar let go of them. Counted in objects, not timed: the count is the same on a busy machine.
"""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from tests.test_tui import open_titled

OPENS = 12
# Before the fix an article opened and closed kept ~2,400 objects; Textual's bounded caches
# filling up still add a few dozen.
MOST_KEPT_PER_OPEN = 400


def test_articles_opened_and_closed_leave_nothing_behind(synced_dir: Path) -> None:
    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(100, 30)) as pilot:

            async def open_and_close() -> None:
                await open_titled(pilot, "Crane operators walk out")
                await pilot.press("escape")
                await pilot.pause()
                assert not isinstance(app.screen, ArticleScreen)

            def alive() -> int:
                gc.unfreeze()
                gc.collect()
                return len(gc.get_objects())

            for _ in range(3):  # caches that fill once
                await open_and_close()
            before = alive()
            for _ in range(OPENS):
                await open_and_close()
            kept = alive() - before
            assert kept < OPENS * MOST_KEPT_PER_OPEN, kept

    asyncio.run(run())
