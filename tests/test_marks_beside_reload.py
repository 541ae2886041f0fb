"""Marks made while the open reader reads the store again for a change another process made
(acc46c F1): after a suspend (SIGSTOP) during a cron sync, the reload queued meanwhile read the
store before the keys typed meanwhile (`m j m`) were written, and was drawn over them: the two
rows the other way round from the store, and the counts with them, until a later sync. The
real app on a copy of the synced demo library, driven by Pilot; the change made by a real
`reader mark-read` process; the reload's read of the store held back once it has read, so that
the marks come after its read and before it is drawn, as they did."""

from __future__ import annotations

import asyncio
import threading
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from reader.library import Library
from reader.ui.app import ReaderApp
from reader.ui.headlines import HeadlineIndex
from tests.cli_run import reader_process
from tests.tui_pilot import started, table, until


def test_marks_made_as_a_reload_reads_the_store_end_on_screen_as_in_it(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_in = threading.Event()
    drawn_may_be = threading.Event()
    load = HeadlineIndex.load
    held = {"armed": False}

    def read_then_held(*args: Any, **kwargs: Any) -> HeadlineIndex:
        index = load(*args, **kwargs)
        if held["armed"]:
            held["armed"] = False
            read_in.set()
            drawn_may_be.wait(60)  # the keys come now, after the read
        return index

    monkeypatch.setattr(HeadlineIndex, "load", read_then_held)

    async def run() -> tuple[dict[str, bool], str]:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.2
        async with app.run_test(size=(120, 30)) as pilot:
            await started(pilot)
            await until(pilot, lambda: app.index.whole, "every headline")
            rows = table(app).rows
            assert len(rows) > 3 and not any(h.read for h in rows[:2])
            last = rows[-1].entry.id
            held["armed"] = True
            # Another process changes the store (a cron's sync, a script's mark): read in.
            done = await asyncio.to_thread(reader_process, synced_dir, "mark-read", last)
            assert done.returncode == 0, done.stderr
            await until(pilot, read_in.is_set, "the reload's read of the store")
            table(app).cursor = 0
            await pilot.press("m", "j", "m")
            await until(pilot, lambda: not app._unkept and app._writing is None, "the marks kept")
            before = app.index
            drawn_may_be.set()
            await until(pilot, lambda: app.index is not before, "the reload drawn")
            await pilot.pause()
            shown = {h.entry.id: h.read for h in app.index.headlines}
            return shown, app.status

    shown, status = asyncio.run(run())
    with closing(Library(synced_dir)) as lib:
        stored = {h.entry.id: h.read for h in lib.headlines()}
    assert {i for i, read in shown.items() if read} == {i for i, read in stored.items() if read}
    unread = sum(not read for read in stored.values())
    assert f"{unread} unread of {len(stored)}" in status
