"""A second `reader sync` waits for the one running at most `--wait` (acc46c F2): unbounded, a
sync stuck (stopped with Ctrl-Z, a suspended terminal) held every later cron run waiting,
silently under `-q`, one more process each period; and each of them, once it ended, asked every
feed again. A real `reader sync` process beside the sync lock held here as another sync holds
it, on a copy of the synced demo library (its site on 127.0.0.1)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from reader.sync_lock import SyncLock
from tests.cli_run import run_reader, started_reader
from tests.conftest import sync_into


def _held_since(data_dir: Path, minutes: int) -> SyncLock:
    """The library's sync lock taken here, as a sync that started `minutes` ago holds it."""
    held = SyncLock(data_dir)
    assert held.take()
    then = time.time() - minutes * 60
    os.utime(held.path, (then, then))
    return held


def test_a_sync_past_its_wait_exits_75_saying_so_even_quiet(synced_dir: Path) -> None:
    held = _held_since(synced_dir, 12)
    try:
        done = run_reader(synced_dir, "sync", "-q", "--no-articles", "--wait", "1")
    finally:
        held.release()
    assert (done.returncode, done.stdout) == (75, "")
    assert done.stderr == (
        f"reader: another sync (pid {os.getpid()}) has run for 12 min (waited for 1 s): not"
        " waiting longer; try again later\n"
    )


def test_a_sync_told_not_to_wait_gives_up_at_once(synced_dir: Path) -> None:
    held = _held_since(synced_dir, 12)
    try:
        done = run_reader(synced_dir, "sync", "-q", "--wait", "0")
    finally:
        held.release()
    assert done.returncode == 75
    assert done.stderr == (
        f"reader: another sync (pid {os.getpid()}) has run for 12 min: not waiting; try again"
        " later\n"
    )


def test_a_wait_given_no_time_is_bad_usage(synced_dir: Path) -> None:
    done = run_reader(synced_dir, "sync", "--wait", "soon")
    assert done.returncode == 2
    assert "--wait: not a time to wait: 'soon' (90 seconds, 10min, 2h)" in done.stderr


def test_the_feeds_the_sync_waited_for_refreshed_are_not_asked_again(synced_dir: Path) -> None:
    held = SyncLock(synced_dir)
    assert held.take()
    sync = started_reader(synced_dir, "sync", "--no-articles")
    try:
        assert sync.stderr is not None
        assert sync.stderr.readline() == (
            f"reader: another sync (pid {os.getpid()}) is running: waiting for it (10 min at"
            " most: --wait)\n"
        )
        sync_into(synced_dir, [], articles=False)  # the sync it waits for, every feed asked
        held.release()
        assert sync.wait(timeout=120) == 0
        said = sync.stderr.read()
    finally:
        held.release()
        if sync.poll() is None:
            sync.kill()
            sync.wait()
    assert "feeds refreshed by that sync meanwhile, not asked again\n" in said, said
    assert "synced 0 of 0 feeds (0 new headlines)" in said, said
