"""Reading for hours: opening and closing articles must not keep what they were made of.

Two of Textual's caches keep closed widgets (its issues #6665 and #6666), and a watcher keeps
its closed watching widget; `collector`, the key bar and the status line let go of them.
Counted in objects, not timed: the count is the same on a busy machine.
"""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from tests.tui_pilot import open_titled

OPENS = 12
# Before the fixes an article opened and closed kept ~2,400 objects, then ~146 while the app
# still watched each closed screen's status line; Textual's bounded caches filling up still add
# a few (~19 an open over these twelve).
MOST_KEPT_PER_OPEN = 60


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
            # The app's status line is watched by each screen's bar: a closed one's is dropped.
            watchers = getattr(app, "__watchers", {}).get("status", [])
            assert watchers and all(node.is_attached for node, _ in watchers)

    asyncio.run(run())
