"""`[system] workers`: how many worker processes parse feeds and read pages. On a machine of
120-150 MB the reader was killed for memory as a refresh started its two workers (~45 MB each)
beside it, and nothing let a user run fewer (acc45c C2). The setting read and refused as the
config's others are; a sync in the real reader under Pilot, from the demo site on 127.0.0.1,
starts as many workers as it says (seen from outside, in /proc)."""

from __future__ import annotations

import asyncio
import os
import time
from contextlib import closing
from pathlib import Path

import pytest

from reader.config import ConfigError, load_config
from reader.demo.server import DemoServer
from reader.library import Library
from reader.ui.app import ReaderApp
from tests.cli_run import started_reader
from tests.processes import alive, children, spawned_workers
from tests.tui_pilot import started, until


def _config(directory: Path, text: str) -> Path:
    path = directory / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("written", "workers"),
    [("", 0), ('workers = "auto"', 0), ("workers = 1", 1), ("workers = 3", 3)],
)
def test_the_setting_is_read(tmp_path: Path, written: str, workers: int) -> None:
    assert load_config(_config(tmp_path, f"[system]\n{written}\n")).workers == workers


def test_a_config_without_it_runs_as_many_as_before(tmp_path: Path) -> None:
    assert load_config(_config(tmp_path, '[ui]\ntheme = "light"\n')).workers == 0


@pytest.mark.parametrize("written", ["0", "-1", '"two"', "1.5", "true", "33", '""'])
def test_a_wrong_value_is_refused_in_one_line(tmp_path: Path, written: str) -> None:
    path = _config(tmp_path, f"[system]\nworkers = {written}\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    said = str(raised.value)
    assert "\n" not in said
    assert said.startswith(f'bad setting in {path}: system.workers must be "auto" or a whole')


def test_an_unknown_system_setting_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown setting system\.threads"):
        load_config(_config(tmp_path, "[system]\nthreads = 1\n"))


@pytest.mark.parametrize("count", [1, 2])
def test_a_sync_starts_as_many_workers_as_the_setting_says(
    tmp_path: Path, demo_server: DemoServer, count: int
) -> None:
    """Every demo feed and its articles synced with `S`: never more workers at once than
    set, and with 2 the sync's pages do keep two busy (so that 1 is the setting's doing)."""
    data = tmp_path / "data"
    with closing(Library(data)) as lib:
        for url in demo_server.feed_urls:
            lib.add_feed(url)
    config = load_config(_config(data, f"[feeds]\nfetch_ahead = 0\n[system]\nworkers = {count}\n"))
    seen: set[int] = set()
    most = 0

    async def run() -> str:
        nonlocal most
        app = ReaderApp(data, config=config, refresh_on_start=False)
        before = frozenset(children(os.getpid()))
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            await pilot.press("S")

            def ended() -> bool:
                nonlocal most
                now = spawned_workers(before)
                seen.update(now)
                most = max(most, len(now))
                return not app._busy

            await until(pilot, lambda: app._busy == "syncing", "the sync's start")
            await until(pilot, ended, "the sync's end", timeout=180)
            return str(app.status)

    status = asyncio.run(run())
    assert most == count, (seen, status)
    with closing(Library(data)) as lib:
        assert sum(lib.store.has_article(h.entry.link) for h in lib.headlines()) > 10


def _tree(pid: int) -> list[int]:
    found = []
    for kid in children(pid):
        found += [kid, *_tree(kid)]
    return found


def test_reader_sync_with_one_worker_spawns_it_and_starts_no_fork_server(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    """A fork server imports what the one worker would, and is held beside it (~45 MB): with
    one worker, `reader sync` spawns it alone."""
    data = tmp_path / "data"
    with closing(Library(data)) as lib:
        for url in demo_server.feed_urls:
            lib.add_feed(url)
    _config(data, "[system]\nworkers = 1\n")
    syncing = started_reader(data, "sync")
    servers: set[int] = set()
    most = 0
    while syncing.poll() is None:
        workers = set()
        for pid in _tree(syncing.pid):
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"forkserver" in command:
                servers.add(pid)
            elif b"spawn_main" in command and alive(pid):
                workers.add(pid)
        most = max(most, len(workers))
        time.sleep(0.05)
    _, said = syncing.communicate()
    assert syncing.returncode == 0, said
    assert (most, servers) == (1, set()), said
