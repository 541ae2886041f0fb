"""One sync at a time in a data directory (acc26b T11): two `reader sync` at once each
downloaded every article, twice the traffic and the time. The second waits for the first and
says so; the reader's `S` beside a running sync says so and downloads nothing. A real `reader
sync` process, the demo site on 127.0.0.1, the lock held as another sync would hold it."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from reader.sync_lock import SyncLock
from tests.cli_run import sync_waits_for
from tests.tui_pilot import running, status


def test_a_second_sync_waits_for_the_first_and_says_so(synced_dir: Path) -> None:
    held = SyncLock(synced_dir)
    assert held.take()
    sync_waits_for(synced_dir, held)
    # Its own turn taken and let go: the lock is free again.
    assert SyncLock(synced_dir).take()


def test_the_readers_sync_beside_another_says_so_and_fetches_nothing(synced_dir: Path) -> None:
    held = SyncLock(synced_dir)
    assert held.take()

    async def run() -> str:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            await pilot.press("S")
            await pilot.pause()
            return status(app)

    try:
        said = asyncio.run(run())
    finally:
        held.release()
    assert said == (
        f"Another sync (pid {os.getpid()}) is running: what it caches shows here as it comes"
    )
