"""acc31a F9: a reader left open kept ↓ and "N available offline" for the articles a `reader
cache prune` in another window evicted, as if a traveller could still read them offline. The
real store on a temp dir, the prune run as a process of its own beside the reader."""

from __future__ import annotations

import asyncio
from pathlib import Path

from test_cli import reader


def test_articles_pruned_in_another_window_lose_their_marks(synced_dir: Path) -> None:
    from tui_pilot import started, status, table, until

    from reader.ui.app import ReaderApp

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.1
        async with app.run_test(size=(120, 30)) as pilot:
            await started(pilot)
            cached = sum(row.cached for row in table(app).rows)
            assert cached > 20 and status(app).endswith(f" · {cached} available offline")
            pruned = reader(synced_dir, "cache", "prune", "--older-than", "0d")
            assert pruned.returncode == 0, pruned.stderr
            # The count is shown at once, the rows once the screen handles the message telling
            # them (`recache`): asserted at once, they were still marked in 2 runs of 3.
            await until(pilot, lambda: status(app).endswith(" · 0 available offline"), "recount")
            await until(pilot, lambda: not any(row.cached for row in table(app).rows), "the rows")

    asyncio.run(run())
