"""A reader run in this process closes what it opened by its end: the tests run hundreds in one
process (Pilot, tests/cli_run.py's commands), and each left the store's SQLite files open
(6-18 descriptors a run) past 1,024 by the suite's late tests ("filedescriptor out of range in
select()"). Counted, not timed: what is open after the run is what is open before it.
benchmarks/descriptors.py prints what each step leaves, by kind."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

from reader.demo.server import DemoServer
from reader.ui.app import ReaderApp
from reader.ui.screens.main import MainScreen
from reader.ui.screens.main_full_text import SEARCH_VIEW
from tests.cli_run import library_home, run_reader
from tests.conftest import sync_into
from tests.processes import open_descriptors
from tests.tui_pilot import first_article_row, on_top, open_row, started, until

CYCLES = 2


def _left(before: dict[int, str], after: dict[int, str]) -> list[str]:
    return sorted(target for fd, target in after.items() if before.get(fd) != target)


def _read_and_search(directory: Path) -> None:
    """The reader on `directory`: an article opened and closed, the articles searched, `q`."""

    async def run() -> None:
        app = ReaderApp(directory, refresh_on_start=False)
        app.prefetch_limit = 0
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            await open_row(pilot, first_article_row(app))
            await pilot.press("escape")
            screen = await on_top(pilot, MainScreen, "the headlines")
            await pilot.press("F", *"council", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")
            await pilot.press("q")  # the hits, then the reader
            await pilot.press("q")

    asyncio.run(run())


def test_readers_run_in_this_process_leave_no_descriptor_open(
    synced_master: Path, tmp_path: Path
) -> None:
    def copy(n: int) -> Path:
        return Path(shutil.copytree(synced_master, tmp_path / f"data{n}"))

    # What a process opens once, with its first reader (multiprocessing's resource tracker).
    _read_and_search(copy(0))
    before = open_descriptors()
    for n in range(1, CYCLES + 1):
        _read_and_search(copy(n))
    after = open_descriptors()
    assert not _left(before, after), f"left open by {CYCLES} readers: {_left(before, after)}"
    assert len(after) == len(before)


def test_commands_and_syncs_run_in_this_process_leave_no_descriptor_open(
    synced_master: Path, tmp_path: Path, demo_server: DemoServer
) -> None:
    """tests/cli_run.py's commands, and conftest's `sync_into` (a library's sync in threads)."""
    directory = Path(shutil.copytree(synced_master, tmp_path / "data"))
    first = json.loads(run_reader(directory, "list", "--json").stdout)[0]["id"]
    commands = [("list",), ("show", first), ("list", "--search", "council"), ("feeds",), ("cache",)]
    sync_into(library_home(tmp_path / "synced0"), demo_server.feed_urls[:1])
    before = open_descriptors()
    for n in range(1, CYCLES + 1):
        for args in commands:
            assert run_reader(directory, *args).returncode == 0, args
        fresh = library_home(tmp_path / f"synced{n}")
        assert run_reader(fresh, "add", demo_server.feed_urls[0]).returncode == 0
        sync_into(fresh, demo_server.feed_urls[1:2])
    after = open_descriptors()
    assert not _left(before, after), f"left open by the commands: {_left(before, after)}"
