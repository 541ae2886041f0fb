"""Quitting the reader on a data directory another program holds (a backup or sync tool, a
stopped `reader`): `q` ends within its one wait in all (`quit_wait`), whatever was writing
when it came (a sync's write begun with SQLite's 30 s), the event loop never waiting on the
store, and what was not kept is said, counted as it is: the feeds of an `A` written before the
holder came are not among them, the reading places and notes of articles opened written in the
background are. The real store on a temp dir, held by a second real process
(test_busy_store's `held`); the reader driven with Pilot."""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import sync_into
from test_busy_store import held, short_wait, unread
from test_reading_view import _kept_place
from test_travel import tiny_disk

from reader.demo.server import DemoServer
from reader.library import Library
from reader.models import StoreError, Unwritable

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

__all__ = ["short_wait", "tiny_disk"]  # fixtures of other tests', used here by their names


@pytest.fixture
def sync_stopped_notes(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each note of a sync stopped written, whether on the main thread: the event loop's,
    the tests' `asyncio.run` being called there."""
    notes: list[bool] = []
    note = Library.note_sync_stopped

    def noted(lib: Library) -> None:
        notes.append(threading.current_thread() is threading.main_thread())
        note(lib)

    monkeypatch.setattr(Library, "note_sync_stopped", noted)
    return notes


def quitting_reader(home: Path) -> ReaderApp:
    """The reader on `home`, nothing fetched but what a key asks, quitting in 1 s in all."""
    from reader.ui.app import ReaderApp

    app = ReaderApp(home, refresh_on_start=False)
    app.prefetch_limit = 0
    app.quit_wait = 1
    return app


def test_a_write_waiting_already_when_the_reader_gives_up_ends_its_wait_then(
    synced_dir: Path,
) -> None:
    """A write begun before quitting (a sync's, in a thread of its own) kept the 30 s wait it
    began with: giving up waiting reached only the calls made after it."""
    lib = Library(synced_dir, workers="thread")
    refused: list[StoreError] = []
    entry = lib.headlines()[0].entry

    def write() -> None:
        try:
            lib.mark_read(entry, True)
        except StoreError as error:
            refused.append(error)

    try:
        with held(synced_dir / "state", at_most=20) as holder:
            writing = threading.Thread(target=write)
            writing.start()
            time.sleep(0.5)  # in SQLite's wait by now (the assertions don't depend on it)
            lib.give_up_waiting(0.5)
            writing.join()
            still_held = holder.poll() is None
        assert still_held, "the write waited for the holder to let go"
        assert [e.unwritable for e in refused] == [Unwritable.BUSY]
        assert str(refused[0]).endswith(" and did not let go in 0.5 s: try again")
        assert not lib.is_read(entry)
    finally:
        lib.close()


def test_q_during_a_sync_on_a_held_store_ends_within_the_quit_wait(
    synced_dir: Path, sync_stopped_notes: list[bool]
) -> None:
    """`q` during a sync whose write waited on the holder waited SQLite's 30 s for that write
    (the holder's 20 s here), and the note of the sync stopped was written on the event loop,
    which it held for the quit's wait. Now the reader ends within `quit_wait`, the holder
    still holding, and the note waits with the changes waiting, in a thread (here behind
    the list left on, refused: not tried)."""
    from tui_pilot import started, until

    seen: dict[str, Any] = {}

    async def run(holding: ExitStack) -> None:
        app = quitting_reader(synced_dir)
        async with app.run_test(size=(120, 30)) as pilot:
            await started(pilot)
            seen["holder"] = holding.enter_context(held(synced_dir / "state", at_most=20))
            await pilot.press("S")  # its first write waits on the holder
            await until(pilot, lambda: app._busy == "syncing", "the sync under way")
            await pilot.pause(0.3)
            await pilot.press("q")
        seen["app"] = app

    with ExitStack() as holding:  # held until the reader has ended
        asyncio.run(run(holding))  # the test's own thread is the main thread: the loop's
        ended_while_held = seen["holder"].poll() is None
    assert ended_while_held, "quitting waited for the sync's write"
    assert True not in sync_stopped_notes, (
        "the note of the sync stopped was written on the event loop"
    )
    assert seen["app"].unkept_at_exit == ""  # nothing of the user's was lost


def test_a_list_marked_read_partly_written_counts_only_the_feeds_not_written(
    synced_dir: Path, short_wait: None
) -> None:
    """`A` on "All feeds" writes a feed at a time: the holder coming after the first, the
    reader said every headline of the batch not kept, the first feed's written all the same."""
    from tui_pilot import started, until

    before = len(unread(synced_dir))
    came: list[bool] = []

    async def run(holding: ExitStack) -> str:
        app = quitting_reader(synced_dir)
        async with app.run_test(size=(120, 30)) as pilot:
            await started(pilot)
            store = app.lib.store
            write = store.set_read_many

            def then_held(*args: Any) -> None:
                write(*args)
                if not came:  # the first feed written: the holder comes
                    holding.enter_context(held(synced_dir / "state"))
                    came.append(True)

            store.set_read_many = then_held  # type: ignore[method-assign]
            await pilot.press("A", "y")  # "All feeds": asked first, as C
            await until(pilot, lambda: bool(came), "the first feed written")
            await pilot.press("q")
        return app.unkept_at_exit

    with ExitStack() as holding:  # held until the reader has ended
        said = asyncio.run(run(holding))
    left = len(unread(synced_dir))
    assert 0 < left < before  # the first feed's written, the others' not
    assert said.startswith(f"{left} read marks not kept: the data directory {synced_dir} is busy")


def test_places_and_notes_of_articles_opened_refused_on_a_held_store_are_said_at_quit(
    synced_dir: Path,
) -> None:
    """An article opened and left while the user's state (where its read mark, its note of
    being opened and its place are kept) is held: its note and its place were given up after
    a couple of seconds without a word, the place shown in this session only, lost as the
    reader quit (exit status 0)."""
    from tui_pilot import open_titled, started, until

    from reader.ui.screens.main import MainScreen

    async def run(holding: ExitStack) -> str:
        app = quitting_reader(synced_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            holding.enter_context(held(synced_dir / "state"))
            body = await open_titled(pilot, "Silt Ledger")
            await pilot.press(*["right_square_bracket"] * 3, "j", "escape")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the list")
            assert body.reading_place is not None
            await until(pilot, lambda: not app.lib._notes, "both refused")
            await pilot.press("q")
        return app.unkept_at_exit

    with ExitStack() as holding:  # held until the reader has ended
        said = asyncio.run(run(holding))
    # Its note of being opened goes with its read mark now, in one write (acc48b B3).
    assert said == (
        "1 read mark and 1 reading place not kept: the data"
        f" directory {synced_dir} is busy: another program holds it (another reader command, a backup or"
        " sync tool) and did not let go in 1 s: try again"
    )
    assert _kept_place(synced_dir, "Silt Ledger") is None


def test_a_place_refused_on_a_held_store_is_kept_as_the_reader_quits_once_free(
    synced_dir: Path,
) -> None:
    """Refused while the holder held, then the holder gone: the place was shown for the rest
    of the session, and lost as the reader quit. Now it is tried again once the store is free
    (the next look for changes made outside), or as the reader quits."""
    from tui_pilot import reading, until

    from reader.ui.screens.main import MainScreen

    async def run() -> str:
        async with reading(synced_dir, "Silt Ledger") as (app, pilot, _body):
            await pilot.press(*["right_square_bracket"] * 3, "j")
            with held(synced_dir / "state"):
                await pilot.press("escape")
                await until(pilot, lambda: isinstance(app.screen, MainScreen), "the list")
                await until(pilot, lambda: not app.lib._notes, "the place refused")
                assert app.lib._places_pending  # shown this session, not in the store
            await pilot.press("q")
        return app.unkept_at_exit

    assert asyncio.run(run()) == ""
    assert _kept_place(synced_dir, "Silt Ledger") is not None


def test_the_note_of_a_sync_stopped_by_q_is_written_off_the_event_loop(
    tmp_path: Path, sync_stopped_notes: list[bool]
) -> None:
    from tui_pilot import started, subscribe, until

    from reader.demo.server import DemoServer

    home = tmp_path / "home"
    server = DemoServer(latency=0.3).start()  # the sync still under way as `q` comes
    try:
        subscribe(home, server.feed_urls)

        async def run() -> None:
            app = quitting_reader(home)
            async with app.run_test(size=(120, 30)) as pilot:
                await started(pilot)
                await pilot.press("S")
                await until(pilot, lambda: app._busy == "syncing", "the sync under way")
                await pilot.press("q")

        asyncio.run(run())  # the test's own thread is the main thread: the loop's
    finally:
        server.stop()
    assert sync_stopped_notes == [False]
    lib = Library(home, workers="thread")
    try:
        assert lib.sync_stopped()
    finally:
        lib.close()


def test_places_refused_by_a_read_only_data_directory_are_not_said_again_at_quit(
    tiny_disk: Path,
    tmp_path: Path,
    demo_server: DemoServer,
) -> None:
    """A read-only directory is said as the reader opens ("nothing new is kept (marks, places,
    articles)"): the places and notes refused by it are not counted again as the reader quits."""
    from test_shown_not_kept import read_only
    from tui_pilot import open_row, started, until

    from reader.ui.screens.main import MainScreen

    made = tmp_path / "made"
    sync_into(made, demo_server.feed_urls[:1])
    home = tiny_disk / "home"
    shutil.copytree(made, home)

    async def run() -> tuple[str, bool]:
        app = quitting_reader(home)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            assert app.lib.read_only
            await open_row(pilot, 0)
            await pilot.press(*["right_square_bracket"] * 3, "j", "escape")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the list")
            await until(pilot, lambda: not app.lib._notes, "the place refused")
            refused = bool(app.lib._places_pending)  # shown this session: the store can't keep it
            await pilot.press("q")
        return app.unkept_at_exit, refused

    with read_only(tiny_disk):
        said, refused = asyncio.run(run())
    # The read mark of the article opened, a change the user made, is said (as it was).
    assert refused and said.startswith("1 read mark not kept: the data directory ")
