"""Keys typed while the reader starts act once its headlines are on screen, as vim and less keep
type-ahead: `j j j Enter` typed as `reader` is launched opens the fourth headline.

The whole path is run in a real pseudo-terminal (the keys typed while it is still in line mode,
where Enter comes as a line feed); the app's part through Pilot."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from reader.library import Library
from reader.ui.app import ReaderApp
from reader.ui.headlines import HeadlineIndex
from reader.ui.screens.article import ArticleScreen
from reader.ui.type_ahead import keys_of
from reader.ui.widgets.main.headline_table import HeadlineTable
from tests.pty_reader import reader_in_pty
from tests.tui_pilot import started, until


def test_what_is_typed_in_line_mode_is_read_as_the_keys_meant() -> None:
    assert [k.key for k in keys_of("jjj\n")] == ["j", "j", "j", "enter"]
    assert [k.key for k in keys_of("\x1b[B\x1bOA?/ \t")] == [
        "down",
        "up",
        "question_mark",
        "slash",
        "space",
        "tab",
    ]
    # F5's sequence is no key of the reader's: left out whole, its "1" and "~" are no commands.
    assert [k.key for k in keys_of("\x1b[15~q")] == ["q"]
    assert [k.key for k in keys_of("\x1b")] == ["escape"]


def _fourth_headline(data: Path) -> str:
    lib = Library(data, workers="thread")
    try:
        return HeadlineIndex.load(lib).view(None)[3].entry.id
    finally:
        lib.close()


def test_keys_typed_before_the_app_started_open_the_headline(synced_dir: Path) -> None:
    fourth = _fourth_headline(synced_dir)

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.type_ahead(keys_of("jjj\n"))
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "the article")
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            assert screen.headline.entry.id == fourth

    asyncio.run(run())


def test_keys_typed_ahead_act_one_after_another(synced_dir: Path) -> None:
    """Tab, G, Enter: to the feed list, its last feed, and back to that feed's headlines; each
    key goes where the one before it has moved the focus (not all three to the headlines,
    which opened the last headline)."""

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.type_ahead(keys_of("\tG\n"))
        async with app.run_test(size=(120, 30)) as pilot:
            await started(pilot)
            last_feed = app.index.feeds[-1].url
            await until(pilot, lambda: app.main_screen.feed_url == last_feed, "the last feed")
            await until(pilot, lambda: isinstance(app.focused, HeadlineTable), "the headlines")
            await pilot.pause(0.3)
            assert app.screen is app.main_screen  # no article opened

    asyncio.run(run())


def _read_ids(data: Path) -> set[str]:
    lib = Library(data, workers="thread")
    try:
        return {h.entry.id for h in lib.headlines() if h.read}
    finally:
        lib.close()


def test_keys_typed_as_reader_is_launched_in_a_terminal(synced_dir: Path) -> None:
    fourth = _fourth_headline(synced_dir)
    before = _read_ids(synced_dir)
    assert fourth not in before
    with reader_in_pty(synced_dir) as reader:
        reader.type(b"jjj\r")  # typed at once, as Python starts: the terminal in line mode
        deadline = time.monotonic() + 60
        # The article it opens is marked read (by the app, in the store).
        while fourth not in _read_ids(synced_dir):
            assert reader.process.poll() is None, reader.screen()[-2000:]
            assert time.monotonic() < deadline, "the fourth headline was not opened"
            time.sleep(0.5)
        reader.type(b"\x11")  # Ctrl-Q
        assert reader.process.wait(timeout=30) == 0
    assert _read_ids(synced_dir) == before | {fourth}  # that one, and no other


def test_q_typed_before_the_app_started_quits_before_the_headlines_are_read(
    synced_dir: Path,
) -> None:
    """`q` typed as the reader was launched quit only once the first headlines had been read
    and drawn (keys typed ahead act on the list): it quits at once."""

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.type_ahead(keys_of("qj"))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app._quitting and not app.index.headlines

    asyncio.run(run())


def test_a_paste_held_as_typed_ahead_keeps_its_first_keys_and_says_the_rest_dropped(
    synced_dir: Path,
) -> None:
    """150 KB pasted as the reader started: each key held copied every one before it, memory
    grew 7 MB a second and the screen stayed blank for minutes (acc43c C8). The first 512
    keys are held, the rest dropped and said so once; those held act as typed ahead does."""
    from tests.tui_pilot import notices_raised

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            raised = notices_raised(app)
            table = app.main_screen.query_one(HeadlineTable)
            app._holding_keys = True  # as while the reader starts: every key held
            await pilot.press(*["j"] * 700, "k")
            assert len(app._typed_ahead) == 512
            dropped = [n for n in raised if "keys came before the reader could act" in n]
            assert dropped == [
                "More than 512 keys came before the reader could act on them (a paste?):"
                " those after them were dropped"
            ]
            app._hand_on_typed_ahead()
            last = min(512, len(table.rows) - 1)
            await until(pilot, lambda: table.cursor == last, "the held keys acted")
            assert not app._typed_ahead

    asyncio.run(run())
