"""A search that reads every article because the index could not be brought up to date says
so, once: on a full disk `reader list --search` took 24.6 s against 9.0 s and said nothing of
why (acc45c C4). The demo site's synced cache on a real tmpfs of its own, filled to the last
byte; the CLI run as a shell runs it, the reader under Pilot."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from reader.ui.widgets.status_bar import StatusBar
from tests.cli_run import run_reader
from tests.test_travel import fill, tiny_disk  # noqa: F401  (the fixture)
from tests.tui_pilot import running, until

SAID = "searching without the index: the disk is full, so it could not be updated; slower"


def _full_disk_copy(synced_master: Path, disk: Path) -> Path:
    home = disk / "home"
    shutil.copytree(synced_master, home)
    fill(disk)
    return home


def test_reader_list_search_says_once_that_it_reads_every_article_on_a_full_disk(
    synced_master: Path,
    tiny_disk: Path,  # noqa: F811
) -> None:
    home = tiny_disk / "home"
    shutil.copytree(synced_master, home)
    room = run_reader(home, "list", "--search", "budget")
    assert room.returncode == 0 and room.stdout.strip(), room.stderr
    assert "without the index" not in room.stderr
    fill(tiny_disk)
    full = run_reader(home, "list", "--search", "budget")
    assert full.returncode == 0, full.stderr
    assert full.stdout == room.stdout  # every hit still found, by reading them all
    assert full.stderr.count(SAID) == 1, full.stderr
    assert f"reader: {SAID}\n" in full.stderr


def test_the_reader_s_F_says_it_in_the_status_line(
    synced_master: Path,
    tiny_disk: Path,  # noqa: F811
) -> None:
    home = _full_disk_copy(synced_master, tiny_disk)

    async def run() -> str:
        async with running(home, (200, 30), prefetch=False) as (app, pilot):
            await pilot.press("F", *"budget", "enter")
            bar = app.screen.query_one(StatusBar)
            await until(pilot, lambda: "headline" in bar.note, "the hits' note")
            return bar.note

    note = asyncio.run(run())
    assert "for “budget”; without the index: the disk is full, so it could not be updated" in (note)
