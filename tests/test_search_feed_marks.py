"""A search feed's hits marked read, and its unread ones counted the same everywhere: its row in
the reader, `reader feeds` and `reader list --feed NAME --unread`, cached articles no feed
lists any more (their feed removed) among them. Against the demo site synced into a real data
directory; the reader driven by Textual's Pilot, the commands through `reader`'s entry point."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.config import load_config
from reader.library import Library
from reader.store.shown_ids import UNLISTED
from reader.ui.app import ReaderApp
from reader.ui.headlines import search_feed_view
from reader.ui.screens.main import MainScreen
from tests.cli_run import run_reader
from tests.test_search_feeds import _row_count, found
from tests.tui_pilot import running, screen_text, status, table, until

NAME = "Storm"
STORMS = "storm -ferries"
"""Found in two feeds of the demo: one removed, the other's hit stays a headline."""
CONFIG = f"""
[feeds]
refresh_on_open = false

[[search]]
name = "{NAME}"
words = '{STORMS}'
"""


def _feedless(directory: Path) -> tuple[int, int]:
    """The feed of the first storm story removed: its cached articles are hits no feed lists.
    How many hits there are, and how many of them are of no feed."""
    hits = found(directory, STORMS)
    lib = Library(directory, workers="thread")
    try:
        assert lib.remove_feed(hits[0].headline.entry.feed_url)
    finally:
        lib.close()
    hits = found(directory, STORMS)
    loose = sum(h.headline.entry.feed_url == UNLISTED for h in hits)
    assert 0 < loose < len(hits), "some hits of the removed feed, some of another"
    return len(hits), loose


def _count(app: ReaderApp) -> str | None:
    """The count on the search feed's row (None: no row drawn yet)."""
    return _row_count(app, NAME) if f"⌕ {NAME}" in screen_text(app) else None


def _unread_said(directory: Path) -> tuple[str, list[str]]:
    """The search feed's line of `reader feeds`, and the ids `reader list --feed NAME
    --unread` lists."""
    feeds = run_reader(directory, "feeds").stdout.splitlines()
    line = next(line for line in feeds if line.startswith(f"⌕ {NAME}"))
    listed = run_reader(directory, "list", "--feed", NAME, "--unread", "--ids")
    return line, listed.stdout.split()


def test_feeds_and_list_unread_count_a_removed_feeds_hits_alike(synced_dir: Path) -> None:
    (synced_dir / "config.toml").write_text(CONFIG, encoding="utf-8")
    total, _loose = _feedless(synced_dir)
    line, unread = _unread_said(synced_dir)
    assert line == f"⌕ {NAME}  ({total} unread of {total})"
    assert len(unread) == total
    lib = Library(synced_dir, workers="thread")
    try:
        lib.mark_many_read(h.headline.entry for h in found(synced_dir, STORMS))
    finally:
        lib.close()
    assert _unread_said(synced_dir) == (f"⌕ {NAME}  (0 unread of {total})", [])
    # None unread is said so: the words are found, their articles read.
    listed = run_reader(synced_dir, "list", "--feed", NAME, "--unread")
    assert listed.returncode == 1
    assert listed.stderr.startswith("reader: no unread headline or cached article holds storm")


def test_A_on_a_search_feed_marks_every_hit_read_those_of_no_feed_too(synced_dir: Path) -> None:
    (synced_dir / "config.toml").write_text(CONFIG, encoding="utf-8")  # the commands' too
    total, loose = _feedless(synced_dir)

    async def run() -> None:
        config = load_config(synced_dir / "config.toml")
        async with running(synced_dir, (120, 30), prefetch=False, config=config) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await until(pilot, lambda: _count(app) == str(total), "its count")
            await pilot.press("tab", "g", "j", "j")  # All feeds, Saved, the search feed
            await until(pilot, lambda: screen.feed_url == search_feed_view(NAME), "its row")
            await until(pilot, lambda: len(table(app).rows) == total, "its hits")
            await pilot.press("A")  # on its row in the feed list, as on a feed's
            await until(pilot, lambda: _count(app) == "", "no unread hit")
            assert f"Marked {total} headlines of ⌕ {NAME} read" in status(app)
            assert all(h.read for h in table(app).rows)
            await until(pilot, lambda: not app._unkept, "the marks kept")
            # As the commands count them, while the reader is open.
            assert _unread_said(synced_dir) == (f"⌕ {NAME}  (0 unread of {total})", [])
            await pilot.press("U")
            await until(pilot, lambda: _count(app) == str(total), "unread again")
            await until(pilot, lambda: not app._unkept, "the marks kept")
            line, unread = _unread_said(synced_dir)
            assert (line, len(unread)) == (f"⌕ {NAME}  ({total} unread of {total})", total)
            # One of no feed, read with `m` in the hits: counted one fewer, here and there.
            await pilot.press("enter")  # to the hits
            table(app).cursor = next(
                i for i, h in enumerate(table(app).rows) if h.entry.feed_url == UNLISTED
            )
            await pilot.press("m")
            await until(pilot, lambda: _count(app) == str(total - 1), "one read")
            await until(pilot, lambda: not app._unkept, "the mark kept")
            line, unread = _unread_said(synced_dir)
            assert (line, len(unread)) == (f"⌕ {NAME}  ({total - 1} unread of {total})", total - 1)
        assert loose

    asyncio.run(run())
