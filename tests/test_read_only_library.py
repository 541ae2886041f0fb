"""A library on a read-only mount (a disc, a backup mounted read-only, a copy opened so): it
reads, says once that it is read-only, and refuses what it can't keep in one line. As root too,
which file modes don't stop: the real store on a small tmpfs remounted read-only."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

from test_data_dir_trust import reader as in_a_process
from test_shown_not_kept import read_only
from test_travel import tiny_disk  # noqa: F401  (a fixture)
from textual.pilot import Pilot
from textual.widgets import Static

from reader.models import Article, Block, BlockKind, Entry, Inline
from reader.store import Store
from reader.ui.dialogs.feed_input import FeedInputScreen
from tests.cli_run import run_reader
from tests.test_long_summaries import as_written_before
from tests.test_store_upgrade import FEEDS, _items
from tests.tui_pilot import running, until


def _library(home: Path, old: bool = False, cached: bool = False) -> None:
    """Two feeds' headlines (their links to a port where nothing answers), with `cached`
    their articles cached; with `old`, their lists as an earlier version wrote them
    (`test_store_upgrade`)."""
    store = Store(home)
    try:
        for url in FEEDS[:2]:
            store.add_feed(url)
            items = [
                Entry(e.id, e.feed_url, e.title, f"http://127.0.0.1:9/{e.id}", summary=e.summary)
                for e in _items(url)
            ]
            store.merge_entries(url, items)
            if old:
                as_written_before(store, url, items)
            text = "The harbour board met on Tuesday and agreed the new dues for the year."
            paragraph = Block(BlockKind.PARAGRAPH, (Inline(text),))
            for each in items if cached else ():
                store.put_article(each.link, Article(each.link, each.title, blocks=(paragraph,)))
    finally:
        store.close()


def test_repair_and_a_command_on_a_read_only_mount(tiny_disk: Path) -> None:  # noqa: F811
    """`reader repair` called both sound cache files damaged ("move it aside to start it
    afresh"): SQLite's read-only mode can't make its log's shared memory on a read-only disk.
    Now it checks them as they are on disk and says nothing can be mended there. A command on
    an earlier version's library there reads it as it is, its lists left to rewrite."""
    home = tiny_disk / "home"
    _library(home, old=True)
    with read_only(tiny_disk):
        listed = run_reader(home, "list", "--json")
        assert listed.returncode == 0 and listed.stderr == ""
        assert len(json.loads(listed.stdout)) == 8
        done = run_reader(home, "repair")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"{home / 'state' / 'cache.db'} (subscriptions, headlines and read marks): sound",
        f"{home / 'articles' / 'cache.db'} (the cached articles): sound",
        f"nothing was changed: the data directory {home} is read-only (a copy of it on a"
        " writable disk can be repaired)",
    ]
    store = Store(home)
    try:
        assert store.summaries_to_cut()  # left for a command that can write
    finally:
        store.close()


def test_the_reader_refuses_to_save_on_a_read_only_mount_in_one_line(
    tiny_disk: Path,  # noqa: F811
) -> None:
    """`s` fetched the article to keep nothing, then said "Saved for good", or, offline,
    "Saved, not fetched yet … the next sync fetches it", of what no sync could keep."""
    home = tiny_disk / "home"
    _library(home, cached=True)

    async def run() -> None:
        async with running(home, (100, 30), prefetch=False, notifications=True) as (app, pilot):
            notices = [n.message for n in app._notifications]
            assert [n for n in notices if "read-only" in n] == [
                f"the data directory {home} is read-only: what is cached reads, nothing new is"
                " kept (marks, places, articles)"
            ]
            refused = "No save: the data directory is read-only, so nothing new can be kept"
            await pilot.press("s")
            await until(pilot, lambda: app.status == refused, "the save refused")
            assert not app._under_way("save")
            assert not any("Saved" in n.message for n in app._notifications)
            assert not app.index.headlines[0].saved
            # `R` and `D` ask nothing they couldn't keep: refused before their question.
            main = app.screen
            for key, what in (("R", "rename"), ("D", "remove")):
                await pilot.press(key)
                said = f"No {what}: the data directory is read-only, so nothing new can be kept"
                await until(pilot, lambda said=said: app.status == said, f"{key} refused")
                assert app.screen is main, key
            # `a` and `#` ask, saying under the line that nothing is kept, and Enter refuses
            # what is typed (acc49a A10): `#` said "Tagged #x1 (saved for good …)" of a tag
            # nothing kept (acc47d D7).
            for key, what in (("a", "add"), ("number_sign", "tags")):
                await pilot.press(key)
                await until(pilot, lambda: isinstance(app.screen, FeedInputScreen), key)
                await refused_at_enter(pilot, what)
                await until(pilot, lambda: app.screen is main, f"{key} closed")
            # In the article, `a` kept a note in silence; `h` raised AttributeError and quit
            # (StoreError had no `.message`: acc47d D1).
            await pilot.press("enter")
            await until(pilot, lambda: app.screen is not main, "the article")
            await pilot.pause(0.5)
            await pilot.press("a")
            await until(pilot, lambda: isinstance(app.screen, FeedInputScreen), "the note")
            await refused_at_enter(pilot, "note")
            await pilot.press("v", "h")
            said = "No highlight: the data directory is read-only, so nothing new can be kept"
            await until(pilot, lambda: app.status == said, "h refused")
            assert app.is_running

    with read_only(tiny_disk):
        asyncio.run(run())


async def refused_at_enter(pilot: Pilot[object], what: str) -> None:
    """The question open: what Enter says under its line, then Esc."""
    dialog = pilot.app.screen
    assert isinstance(dialog, FeedInputScreen)
    await pilot.press("x", "enter")
    said = str(dialog.query_one("#feed-input-refusal", Static).render())
    assert said == (
        f"No {what}: the data directory is read-only, so nothing new can be kept: what is"
        " typed stays here to copy"
    )
    assert pilot.app.screen is dialog
    await pilot.press("escape")


def test_a_copy_whose_latest_changes_are_in_its_log_says_so(
    tiny_disk: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """A library copied while a reader had it open (its changes still in the write-ahead log)
    and its -shm files left out (as backup tools leave them out), on a read-only disk: SQLite
    can read the log only with one, so the caches were read as they are on disk, and the
    reader said "no feeds yet" of a library of two. Now it says why, in one line."""
    made = tmp_path / "made"
    home = tiny_disk / "home"
    store = Store(made)
    try:
        _library(made)  # a second store on it: the first keeps the log open, unmerged
        shutil.copytree(made, home)
    finally:
        store.close()
    assert (home / "state" / "cache.db-wal").stat().st_size > 0
    for shm in home.glob("*/cache.db-shm"):
        shm.unlink()
    with read_only(tiny_disk):
        shown = in_a_process(home, "feeds")  # its warning on stderr, not taken by pytest's logging
    assert shown.returncode == 0
    assert shown.stderr.splitlines() == [
        f"the data directory {home} is read-only: what is cached reads, nothing new is kept"
        " (marks, places, articles); its latest changes, in state/cache.db-wal, can't be read"
        " here (no -shm file beside it, none can be made): a copy of the directory on a"
        " writable disk reads them"
    ]
    copy = tmp_path / "copy"
    shutil.copytree(home, copy)
    assert FEEDS[1] in run_reader(copy, "feeds").stdout  # as the line says
