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
from tests.served_feed import own_http_server, serve_one_item, story_page


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


def test_the_feeds_the_sync_waited_for_refreshed_are_not_asked_again(tmp_path: Path) -> None:
    """The sync waited for refreshed the feed (its headlines only, as `--no-articles`): the one
    behind it asks no feed again, and caches the article that sync left."""
    home = tmp_path / "home"
    with own_http_server() as server:
        feed = serve_one_item(server, "Harbour Ledger", "Levy vote delayed", server.url_for("/a"))
        server.expect_request("/a").respond_with_data(
            story_page("Levy vote"), content_type="text/html"
        )
        sync_into(home, [feed], articles=False)
        held = SyncLock(home)
        assert held.take()
        sync = started_reader(home, "sync")
        try:
            assert sync.stderr is not None
            assert "is running: waiting for it" in sync.stderr.readline()
            sync_into(home, [], articles=False)  # the sync it waits for: the feed asked
            held.release()
            assert sync.wait(timeout=120) == 0
            said = sync.stderr.read()
        finally:
            held.release()
            if sync.poll() is None:
                sync.kill()
                sync.wait()
        asked = [request.path for request, _ in server.log]
    assert asked.count("/feed.xml") == 2, asked  # subscribed, then the sync waited for
    assert asked.count("/a") == 1, asked
    assert said.startswith("reader: 1 feed refreshed by that sync meanwhile, not asked again\n")
    assert "1 article cached for offline" in said, said
