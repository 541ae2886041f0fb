"""The reader's idle line says the last sync was stopped before its end ("S carries on") only
while no sync is under way: with one running in another terminal, carrying on what the one
stopped left, it invited a second (acc50d D3). A real store in a tmp dir, the sync's record made
by a child process as `reader sync` makes it, the TUI driven by Pilot."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from reader.keys import entry_id
from reader.library import Library
from reader.models import Entry, Feed
from reader.ui.app_headlines import SYNC_STOPPED

_RUNNING = (
    "import sys\n"
    "from pathlib import Path\n"
    "from reader.library import Library\n"
    "lib = Library(Path(sys.argv[1]), workers='thread')\n"
    "lib.store.mark_sync_running()\n"
    "print('running', flush=True)\n"
    "sys.stdin.read()\n"
)


def _idle_line(data: Path) -> str:
    from reader.ui.app import ReaderApp
    from tests.tui_pilot import started

    async def opened() -> str:
        app = ReaderApp(data, refresh_on_start=False)
        async with app.run_test(size=(160, 20)) as pilot:
            await started(pilot)
            return app.status

    return asyncio.run(opened())


def test_a_sync_stopped_is_not_said_while_another_carries_on(tmp_path: Path) -> None:
    data = tmp_path / "data"
    lib = Library(data, workers="thread")
    feed, link = "http://127.0.0.1:9/feed.xml", "http://127.0.0.1:9/story.html"
    lib.add_feed(feed)
    lib.store.put_feed(Feed(feed, title="Harbour Ledger"))
    entry = Entry(id=entry_id(feed, link), feed_url=feed, title="Quay", link=link)
    lib.store.merge_entries(feed, [entry])
    lib.note_sync_stopped()  # a sync quit mid-way
    assert lib.sync_stopped()
    child = subprocess.Popen(
        [sys.executable, "-c", _RUNNING, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "running\n"
        assert lib.store.sync_under_way() == child.pid
        assert not lib.sync_stopped()
        assert SYNC_STOPPED not in _idle_line(data)
    finally:
        child.kill()
        child.wait()
    # Gone without ending (killed): the last sync stopped before its end, said again.
    assert lib.sync_stopped()
    lib.close()
    assert SYNC_STOPPED in _idle_line(data)
