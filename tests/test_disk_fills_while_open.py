"""A disk that fills under the open reader: the first change it refused was said once, in a
notice, and then nothing: the status line kept its counts, and the marks and tags made after
looked kept, though none was (acc49a A4). The real store on a small real disk (a tmpfs),
filled while the reader runs, then given room again."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from test_travel import fill, tiny_disk  # noqa: F401  (a fixture)

from reader.library import Library
from reader.ui.app import ReaderApp
from tests.tui_pilot import started, status, until


def test_changes_refused_by_a_disk_that_filled_are_said_while_it_lasts(
    tiny_disk: Path,  # noqa: F811
    synced_master: Path,
) -> None:
    home = tiny_disk / "home"
    shutil.copytree(synced_master, home)

    async def run() -> tuple[str, str, str, str]:
        app = ReaderApp(home, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.5  # the tries again once there is room
        async with app.run_test(size=(140, 30), notifications=True) as pilot:
            await started(pilot)
            filler = fill(tiny_disk)
            await pilot.press("m")
            await until(pilot, lambda: "not kept yet" in status(app), "the refusal said")
            first = status(app)
            await pilot.press("j", "m")  # the next change said waiting too, not taken for kept
            await until(pilot, lambda: "2 marks not kept" in status(app), "the second")
            await pilot.press("#", *"trip", "enter")  # named as a tag, not a change to Saved
            await until(pilot, lambda: "tags" in status(app), "the tag")
            await pilot.press("j", "E")  # and an archiving as one
            await until(pilot, lambda: "Archive" in status(app), "the archiving")
            second = status(app)
            await pilot.press("S")  # known full: no sync to download what can't be kept
            await until(pilot, lambda: status(app).startswith("No sync"), "the sync refused")
            refused = status(app)
            filler.unlink()
            await until(pilot, lambda: "kept" in status(app) and "not" not in status(app), "room")
            return first, second, refused, status(app)

    first, second, refused, after = asyncio.run(run())
    assert first.startswith("The disk is full: 1 mark not kept yet (tried again every few seconds)")
    assert second.startswith(
        "The disk is full: 2 marks, 1 change of tags and 1 change to the Archive not kept yet"
    )
    assert refused == "No sync: the disk is full, so nothing new can be kept"
    assert after == (
        "The disk has room again: 2 marks, 1 change of tags and 1 change to the Archive kept"
    )
    lib = Library(home)
    try:
        assert len([h for h in lib.headlines() if h.read]) == 3  # archived: read too
        assert len([h for h in lib.headlines() if h.archived]) == 1
        assert len(lib.headlines(tags=["trip"])) == 1
    finally:
        lib.close()


def test_a_sync_on_a_disk_that_filled_counts_no_feed_failed(
    tiny_disk: Path,  # noqa: F811
    synced_master: Path,
) -> None:
    """`S` on a disk that filled since the reader opened: every feed's headlines refused by
    the store, said once with the store's reason, not "15 feeds failed" beside "Synced 0 of 15
    feeds" (acc49a A6): no feed failed, and `reader feeds` showed none failing."""
    home = tiny_disk / "home"
    shutil.copytree(synced_master, home)

    async def run() -> str:
        app = ReaderApp(home, refresh_on_start=False)
        app.prefetch_limit = 0
        async with app.run_test(size=(400, 30), notifications=True) as pilot:
            await started(pilot)
            fill(tiny_disk)
            await pilot.press("S")
            await until(pilot, lambda: "Synced" in status(app), "the sync's summary")
            return status(app)

    summary = asyncio.run(run())
    lib = Library(home)
    try:
        feeds = len(lib.feeds())
    finally:
        lib.close()
    assert summary.startswith(f"The disk is full: {feeds} feeds' headlines not kept · "), summary
    assert "failed" not in summary
