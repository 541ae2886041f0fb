"""Quitting ends the reader's process at once, whatever its worker processes and threads are
doing: work in their hands whose result nobody will read (a page being extracted, the parsers'
or the network stack's import at start) is not waited for, and a write to the store under way
is finished first. Before, `q`
waited up to 2 s for the work in hand, and the shell's prompt came that late. Real worker
processes and store; the reader driven with Pilot. `_STOP_GRACE` is made an hour: what was
waited for then would hold the test, not end it (a guard against a hang, no measure of time)."""

from __future__ import annotations

import asyncio
import signal
import threading
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

from reader import workers
from reader.library import Library
from reader.store import Store
from reader.ui.app import ReaderApp
from tests import quit_work
from tests.tui_pilot import WAIT, started, until


def test_q_ends_the_reader_without_waiting_for_a_worker_s_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "_STOP_GRACE", 3600.0)
    work = tmp_path / "work"
    work.mkdir()
    # The network stack's import, in a thread, under way as `q` comes: nobody needs it then.
    monkeypatch.setattr(ReaderApp, "_network_stack", lambda _app: quit_work.until_go(work))
    before = set(threading.enumerate())
    seen: dict[str, Any] = {}

    async def run() -> None:
        app = ReaderApp(tmp_path / "home", refresh_on_start=False)
        async with app.run_test() as pilot:
            await started(pilot)
            app.lib.start_workers()
            pool = app.lib._pool
            assert pool is not None
            pool.submit(quit_work.busy, str(work))
            await until(pilot, (work / "started").exists, "the work begun")
            seen["processes"] = list(pool._processes.values())  # type: ignore[attr-defined]
            await pilot.press("q")
        seen["library"] = app.library

    assert _quits(run, work), "quitting waited for work nobody will read"
    assert not (work / "done").exists()  # stopped where it was
    assert seen["processes"] and not any(p.is_alive() for p in seen["processes"])
    assert seen["library"] is None
    # Nothing of the reader's holds the process after it: no thread its exit would wait for.
    left = [t for t in threading.enumerate() if t not in before and not t.daemon]
    assert left == []


def _quits(run: Callable[[], Coroutine[Any, Any, None]], work: Path) -> bool:
    """`run` (a reader that quits while work is held) ended within the bound; the work let go
    after it either way (what a reader that waits for it needs to end at all). Its failure is
    raised here, not lost in its thread."""
    failed: list[BaseException] = []

    def in_thread() -> None:
        try:
            asyncio.run(run())
        except BaseException as error:
            failed.append(error)

    runner = threading.Thread(target=in_thread)
    runner.start()
    runner.join(3 * WAIT)
    ended = not runner.is_alive()
    (work / "go").touch()
    runner.join()
    if failed:
        raise failed[0]
    return ended


def _writing_worker(work: Path, home: Path) -> tuple[Library, Any]:
    """A library on `home` whose worker process has begun a write (`quit_work.writing`), held
    until `work`'s "go"; the library and its pool."""
    work.mkdir()
    lib = Library(home, workers="process")
    lib.start_workers()
    pool = lib._pool
    assert pool is not None
    pool.submit(quit_work.writing, str(work), str(home))
    deadline = time.monotonic() + WAIT
    while not (work / "started").exists():
        assert time.monotonic() < deadline, "the write never began"
        time.sleep(0.05)
    return lib, pool


def _term_pending(pid: int) -> bool:
    """SIGTERM sent to process `pid` and held back by it (Linux's /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("ShdPnd:"):
            return bool(int(line.split()[1], 16) & (1 << (signal.SIGTERM - 1)))
    raise AssertionError("no ShdPnd in /proc")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
def test_a_write_under_way_as_the_pool_stops_is_finished_then_the_worker_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "_STOP_GRACE", 3600.0)
    work, home = tmp_path / "work", tmp_path / "home"
    lib, pool = _writing_worker(work, home)
    deadline = time.monotonic() + WAIT
    pid = int((work / "started").read_text())
    (worker,) = [p for p in pool._processes.values() if p.pid == pid]  # type: ignore[attr-defined]
    closing = threading.Thread(target=lib.close)
    closing.start()
    try:
        while not _term_pending(pid):
            assert time.monotonic() < deadline + WAIT, "the worker was never told to stop"
            time.sleep(0.01)
        assert worker.is_alive() and closing.is_alive()  # the write holds its end back
    finally:
        (work / "go").touch()  # the write goes on (a close that waits for it ends then too)
    closing.join(3 * WAIT)
    assert not closing.is_alive()
    assert worker.exitcode == -signal.SIGTERM  # ended by the stop, once the write was done
    store = Store(home)
    try:
        kept = store.article(quit_work.KEPT)
        assert kept is not None and kept.title == "Kept"
    finally:
        store.close()


def test_q_ends_the_reader_while_its_headlines_are_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reload (after a refresh, a sync, a change made in another window) reads every
    headline in a thread: on a year's library seconds, which `q` waited out before the
    shell's prompt came back. It writes nothing that is not one transaction: not waited for."""
    from reader.ui.headlines import HeadlineIndex

    work = tmp_path / "work"
    work.mkdir()
    reads = HeadlineIndex.load
    held: dict[str, bool] = {}

    def slow_load(lib: Library, *order: str) -> HeadlineIndex:
        if held.get("hold"):
            (work / "started").touch()
            quit_work.until_go(work)
        return reads(lib, *order)

    monkeypatch.setattr(HeadlineIndex, "load", staticmethod(slow_load))
    before = set(threading.enumerate())

    async def run() -> None:
        app = ReaderApp(tmp_path / "home", refresh_on_start=False)
        async with app.run_test() as pilot:
            await started(pilot)
            held["hold"] = True
            app._run(app.reload(freeze=False), "reload")  # as a change made elsewhere reads it
            await until(pilot, (work / "started").exists, "the reload under way")
            await pilot.press("q")

    assert _quits(run, work), "quitting waited for the headlines' reading"
    left = [t for t in threading.enumerate() if t not in before and not t.daemon]
    assert left == []


def test_a_worker_s_write_still_waiting_when_the_quit_s_wait_is_over_is_not_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting on a held store: once its 5 s were over, a worker's write still waiting on the
    holder (a sync's page) got the pool's 2 s of grace after them, 7 s in all before the
    shell's prompt. It has begun nothing: the worker is ended then (here, a write held back
    for good: the grace an hour, the write told to go only after)."""
    monkeypatch.setattr(workers, "_STOP_GRACE", 3600.0)
    work, home = tmp_path / "work", tmp_path / "home"
    lib, _ = _writing_worker(work, home)
    lib.give_up_waiting(0)  # the quit's wait for the holder over
    closing = threading.Thread(target=lib.close)
    closing.start()
    closing.join(3 * WAIT)
    ended = not closing.is_alive()
    (work / "go").touch()  # a close that waits for the write ends then
    closing.join()
    assert ended, "closing waited for the worker's write"
    store = Store(home)
    try:
        assert store.article(quit_work.KEPT) is None  # ended before it wrote
    finally:
        store.close()
