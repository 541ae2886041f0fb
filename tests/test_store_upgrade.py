"""A library an earlier version wrote, its headline lists holding long summaries whole (data
format 5), upgraded by the first command or reader start after the upgrade (`cut_summaries`):
a few seconds on a year's library, said once in one line (stderr, the reader's status line),
and safe to stop: a command killed (-9) or interrupted (Ctrl-C) inside a feed's rewrite loses
nothing, and the next run goes on. Real parts: the store on a temp dir, the CLI through its
entry point (as a process where it is killed), the reader driven by Pilot."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from reader.library.reader_state import summaries_line
from reader.models import Entry
from reader.store import Store
from reader.store.format_upgrade import upgrade_said
from tests.cli_run import run_reader
from tests.test_long_summaries import WHOLE, as_written_before
from tests.tui_pilot import running, until

FEEDS = [f"https://notes{n}.example/feed.xml" for n in range(5)]


def _items(url: str) -> list[Entry]:
    host = url.split("/")[2]
    return [
        Entry(f"{host}-{n}", url, f"Note {n}", f"https://{host}/{n}", summary=f"{host} {n} {WHOLE}")
        for n in range(4)
    ]


def old_library(data_dir: Path) -> dict[str, Any]:
    """`data_dir` as an earlier version left it: FEEDS subscribed, each list's records holding
    their long summaries whole, one headline of each read; what it holds, to compare."""
    store = Store(data_dir)
    try:
        for url in FEEDS:
            store.add_feed(url)
            items = _items(url)
            store.merge_entries(url, items)
            store.set_read(items[1], True)
            as_written_before(store, url, items)
        return _held(store)
    finally:
        store.close()


def _held(store: Store) -> dict[str, Any]:
    """What a library holds that an upgrade must keep: each feed's headlines in order with
    their summaries read whole, and its read marks."""
    return {
        url: (
            [(e.id, e.title, store.feed_summary(e)) for e in store.entries(url)],
            store.read_ids(url),
        )
        for url in FEEDS
    }


def _lists_cut(data_dir: Path) -> list[bool]:
    """Which feeds' lists were written again (their records holding a summary's start)."""
    store = Store(data_dir, upgrade=False)  # looked at, not upgraded
    try:
        return [len(store._state.get(f"entries:{url}")) < 4 * len(WHOLE) for url in FEEDS]
    finally:
        store.close()


def _check_kept(data_dir: Path, before: dict[str, Any]) -> None:
    store = Store(data_dir)
    try:
        assert _held(store) == before
        assert not store.summaries_to_cut()
    finally:
        store.close()


def _upgrading(data_dir: Path) -> None:
    """The library upgraded by a command that writes (a feed tagged), which says so alone: the
    lists are rewritten by the next opening (the first write comes after the store opened)."""
    done = run_reader(data_dir, "tag", FEEDS[0], "notes")
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"reader: {upgrade_said(data_dir, 5)}\n"


def test_a_command_says_once_that_it_rewrites_the_lists(data_dir: Path) -> None:
    before = old_library(data_dir)
    # A command that only reads reads it as it is (acc38b K1): an older reader still opens it.
    read = run_reader(data_dir, "list", "--json")
    assert (read.returncode, read.stderr) == (0, "")
    assert len(json.loads(read.stdout)) == 4 * len(FEEDS)
    assert _lists_cut(data_dir) == [False] * len(FEEDS)
    _upgrading(data_dir)
    first = run_reader(data_dir, "list", "--json")
    assert first.returncode == 0, first.stderr
    assert first.stderr == f"reader: {summaries_line(len(FEEDS))}\n"
    assert _lists_cut(data_dir) == [True] * len(FEEDS)
    again = run_reader(data_dir, "list", "--json")
    assert again.returncode == 0 and again.stderr == ""  # once: nothing left to say
    _check_kept(data_dir, before)


# The command run as a user runs it, its third list's rewrite held open (inside its
# transaction, the list written but not committed) until the test stops it.
_HELD_IN_THE_THIRD = """
import sys, time
from reader.store import Store
from reader.cli import main

merge = Store.merge_entries
calls = 0


def held(self, url, fresh, *args, **kwargs):
    global calls
    calls += 1
    if calls != 3:
        return merge(self, url, fresh, *args, **kwargs)
    with self._state.transact():
        merge(self, url, fresh, *args, **kwargs)
        print("inside", file=sys.stderr, flush=True)
        time.sleep(600)


Store.merge_entries = held
sys.exit(main(["list", "--json"]))
"""


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT])
def test_a_command_stopped_inside_the_rewrite_loses_nothing_and_the_next_goes_on(
    data_dir: Path, stop: signal.Signals
) -> None:
    before = old_library(data_dir)
    _upgrading(data_dir)
    env = {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    command = subprocess.Popen(
        [sys.executable, "-c", _HELD_IN_THE_THIRD],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert command.stderr is not None
        said = command.stderr.readline()
        assert said == f"reader: {summaries_line(len(FEEDS))}\n"
        assert command.stderr.readline() == "inside\n"
        command.send_signal(stop)
        rest = command.stderr.read()
        status = command.wait(timeout=60)
    finally:
        if command.poll() is None:
            command.kill()
            command.wait()
    if stop == signal.SIGINT:
        assert (status, rest) == (130, "reader: interrupted\n")
    else:
        assert status == -signal.SIGKILL
    # Two lists written, the third as it was: its rewrite undone with its transaction.
    assert _lists_cut(data_dir) == [True, True, False, False, False]
    store = Store(data_dir)
    try:
        assert store.summaries_to_cut()
    finally:
        store.close()
    after = run_reader(data_dir, "list", "--json")
    assert after.returncode == 0, after.stderr
    assert after.stderr == f"reader: {summaries_line(3)}\n"  # goes on from the third
    assert _lists_cut(data_dir) == [True] * len(FEEDS)
    _check_kept(data_dir, before)


def test_the_reader_says_the_rewrite_in_its_status_line_while_it_runs(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = old_library(data_dir)
    go_on = threading.Event()
    merge = Store.merge_entries

    def waiting(self: Store, *args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is not threading.main_thread():
            go_on.wait(60)  # the rewrite's thread, held while the line is looked at
        return merge(self, *args, **kwargs)

    monkeypatch.setattr(Store, "merge_entries", waiting)
    line = summaries_line(len(FEEDS))
    said = line[:1].upper() + line[1:]

    async def run() -> None:
        async with running(data_dir, (100, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: app.status == said, "the rewrite said")
            assert len(app.index.headlines) == 4 * len(FEEDS)  # the list shown meanwhile
            go_on.set()
            await until(pilot, lambda: not app.lib.store.summaries_to_cut(), "rewritten")
            await until(pilot, lambda: app.status != said, "the line taken back")
            assert "unread of 20" in app.status  # the counts back

    try:
        asyncio.run(run())
    finally:
        go_on.set()
    _check_kept(data_dir, before)


def test_a_value_replaced_inside_a_transaction_undone_still_reads(data_dir: Path) -> None:
    """A write replacing a value kept in a file of its own (a feed's list past 32 KB), inside
    a transaction then undone (Ctrl-C, an error; a kill -9 is undone the same): diskcache
    removed the old file as the write ended, and the row the undo brought back named it."""
    store = Store(data_dir)
    try:
        cache = store._state
        cache.set("entries:https://a.example/feed", "old " * 20_000)
        with pytest.raises(KeyboardInterrupt), cache.transact():
            cache.set("entries:https://a.example/feed", "new " * 20_000)
            cache.set("summary:x", "written after it, in the same transaction")
            raise KeyboardInterrupt
        assert cache.get("entries:https://a.example/feed") == "old " * 20_000
        with cache.transact():  # committed: the old file goes, once
            cache.set("entries:https://a.example/feed", "new " * 20_000)
        assert len(list((data_dir / "state").glob("*/*/*.val"))) == 2  # the undone one's too
    finally:
        store.close()
