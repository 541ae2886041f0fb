"""A data directory another program holds (a backup or sync tool, a stopped `reader`, a long
transaction): `m` in the reader froze, then the reader crashed with diskcache's Timeout, the
mark lost; `reader mark-read` and `reader sync` printed a 33-line traceback (acc31a F19). Now
one line says the directory is busy, and the reader keeps the mark to write once it is free.
The real store on a temp dir, held by a second real process as SQLite holds it: a write
transaction left open."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from conftest import sync_into
from test_cli import reader

from reader.demo.server import DemoServer
from reader.library import Library
from reader.models import ErrorKind, FetchError, StoreError, Unwritable
from reader.reports import Headline
from reader.store import directory

_HOLD = """
import select, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE Cache SET access_count = access_count WHERE rowid = 1")
print("held", flush=True)
select.select([sys.stdin], [], [], float(sys.argv[2]))
con.execute("COMMIT")
"""


@contextmanager
def held(cache_folder: Path, at_most: float = 3600) -> Iterator[subprocess.Popen[str]]:
    """`cache_folder`'s cache held by another process's open write, until the block ends (or
    `at_most` seconds have passed: then the holder lets go by itself)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(cache_folder / "cache.db"), str(at_most)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    try:
        yield holder
    finally:
        holder.communicate("")


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite waits 1 s for the holder, not 30: the same path, sooner."""
    monkeypatch.setitem(directory.CACHE_SETTINGS, "timeout", 1)


def unread(home: Path) -> list[dict]:
    result = reader(home, "list", "--json", "--unread")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_mark_read_on_a_held_store_says_so_in_one_line(synced_dir: Path, short_wait: None) -> None:
    before = unread(synced_dir)
    with held(synced_dir / "state"):
        result = reader(synced_dir, "mark-read")
    assert result.returncode == 75  # EX_TEMPFAIL: try again
    assert result.stderr == (
        f"reader: the data directory {synced_dir} is busy: another program holds it (another"
        " reader command, a backup or sync tool) and did not let go in 1 s: try again\n"
    )
    assert unread(synced_dir) == before
    assert reader(synced_dir, "mark-read").returncode == 0
    assert unread(synced_dir) == []


def test_a_mark_made_while_the_store_is_held_is_kept_once_it_is_free(
    synced_dir: Path, short_wait: None
) -> None:
    from tui_pilot import notices, started, status, table, until

    from reader.ui.app import ReaderApp

    async def run() -> str:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.1
        app.NOTIFICATION_TIMEOUT = app.notice_seconds = 3600
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await started(pilot)
            row = table(app).rows[0]
            assert not row.read
            with held(synced_dir / "state"):
                await pilot.press("m")
                await pilot.pause()
                assert table(app).rows[0].read  # shown at once
                await until(
                    pilot,
                    lambda: any(
                        "is busy" in n and "kept once it is free" in n for n in notices(app)
                    ),
                    "the mark said not kept yet",
                )
            kept = "The data directory is free again: 1 mark kept"
            await until(pilot, lambda: status(app) == kept, "the mark kept")
            return row.entry.id

    marked = asyncio.run(run())
    assert marked not in {i["id"] for i in unread(synced_dir)}


def test_keys_answer_at_once_while_the_store_is_held_and_the_marks_are_kept_after(
    synced_dir: Path,
) -> None:
    """The first `m` on a held store waited on the event loop for SQLite's 30 s, keys and
    screen frozen; opening a cached article waited as long for its note of being read. Now
    both are written in a thread: the keys act while the holder still holds (it lets go by
    itself after a while, which the old code waited for), and the marks are kept, in order,
    once it lets go."""
    from tui_pilot import open_row, started, table, until

    from reader.ui.app import ReaderApp

    async def run() -> tuple[list[str], bool]:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        async with app.run_test(size=(120, 30)) as pilot:
            await started(pilot)
            rows = table(app).rows
            assert not rows[0].read and not rows[1].read and not rows[2].read
            with (
                held(synced_dir / "state", at_most=20) as state_holder,
                held(synced_dir / "articles", at_most=20) as articles_holder,
            ):
                await pilot.press("m", "j", "m", "m")  # read, read, unread again
                await open_row(pilot, 2)  # a cached article: its note waits in a thread
                await pilot.press("escape")
                answered = state_holder.poll() is None and articles_holder.poll() is None
                assert [r.read for r in table(app).rows[:3]] == [True, False, True]
            await until(pilot, lambda: not app._unkept, "the marks kept")
            return [r.entry.id for r in rows[:3]], answered

    (first, second, third), answered = asyncio.run(run())
    assert answered, "the keys waited for the holder to let go"
    still = {i["id"] for i in unread(synced_dir)}
    assert first not in still and second in still and third not in still


def test_saves_tags_and_the_view_answer_at_once_while_the_store_is_held_and_are_kept_after(
    synced_dir: Path,
) -> None:
    """`s`, `E`, `#`, `L` and `f` wrote on the event loop: on a held store the first of them
    froze keys and screen for SQLite's wait (here the holder's 20 s, then it lets go). Now
    they are shown at once and written in a thread, in the order made, with the marks: an
    article saved then unsaved ends unsaved, one unsaved then saved again keeps its tags."""
    from tui_pilot import started, table, until

    from reader.ui.app import ReaderApp

    async def run() -> tuple[list[str], bool]:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0

        def shown(entry_id: str) -> Headline:
            headline = app.index.get(entry_id)
            assert headline is not None
            return headline

        async with app.run_test(size=(120, 30)) as pilot:
            await started(pilot)
            ids = [r.entry.id for r in table(app).rows[:4]]
            assert not any(shown(i).saved for i in ids)
            with held(synced_dir / "state", at_most=20) as holder:
                await pilot.press("s", "m")  # saved (cached: no fetch), and read
                await until(pilot, lambda: shown(ids[0]).saved, "saved")
                await pilot.press("j", "E")  # archived
                await pilot.press("j", "#", *"later", "enter")  # tagged: saved
                await until(pilot, lambda: bool(shown(ids[2]).tags), "tagged")
                await pilot.press("s")  # unsaved, its tag with it
                await pilot.press("s")  # saved again as it was: tagged
                await pilot.press("j", "s", "s")  # saved and let go at once
                await until(pilot, lambda: not shown(ids[3]).saved, "unsaved")
                await pilot.press("L", "f")  # unread only, the feed list put away
                await pilot.pause()
                answered = holder.poll() is None
                assert [shown(i).saved for i in ids] == [True, True, True, False]
                assert shown(ids[1]).archived and shown(ids[2]).tags == ("later",)
            await until(pilot, lambda: not app._unkept, "the changes kept")
        return ids, answered

    ids, answered = asyncio.run(run())
    assert answered, "the keys waited for the holder to let go"
    lib = Library(synced_dir, workers="thread")
    try:
        entries = {h.entry.id: h.entry for h in lib.headlines()}
        first, archived, tagged, let_go = (entries[i] for i in ids)
        assert [lib.is_saved(e) for e in (first, archived, tagged, let_go)] == [
            True,
            True,
            True,
            False,
        ]
        assert lib.is_archived(archived) and not lib.is_archived(first)
        assert lib.tags_of(tagged) == ("later",)
        assert lib.is_read(first) and lib.is_read(archived)
        assert lib.unread_only(False) and lib.feeds_hidden()
    finally:
        lib.close()


def test_an_article_left_and_opened_again_at_once_opens_where_it_was_left(
    synced_dir: Path,
) -> None:
    """Esc writes the reading place in a thread; an Enter before that write was in (a store
    another program holds, or only a busy machine: CI's tui_reading benchmark timed out on
    it) opened the article at the store's older place, here its top. Now the place given is
    the one read until it is written, and it is written once the holder lets go."""
    from test_reading_view import _kept_place
    from tui_pilot import open_titled, reading, until

    from reader.ui.screens.main import MainScreen

    async def run() -> str:
        async with reading(synced_dir, "Silt Ledger") as (app, pilot, body):
            await pilot.press(*["right_square_bracket"] * 3, "j", "j")
            left_at = body.lines[body.top_line]
            with held(synced_dir / "articles", at_most=30) as holder:
                await pilot.press("escape")
                await until(pilot, lambda: isinstance(app.screen, MainScreen), "the list")
                body = await open_titled(pilot, "Silt Ledger")
                await until(pilot, lambda: body.article is not None, "the article")
                await pilot.pause()
                assert holder.poll() is None  # still held: the place wasn't in the store
                assert body.lines[body.top_line] == left_at
            await until(pilot, lambda: not app.lib._places_pending, "the place written")
            return left_at

    left_at = asyncio.run(run())
    assert left_at and "Silt Ledger" not in left_at
    assert _kept_place(synced_dir, "Silt Ledger") is not None


def test_a_mark_the_held_store_refused_is_kept_as_the_reader_quits(
    synced_dir: Path, short_wait: None
) -> None:
    """Refused once (the holder held past SQLite's wait), then the holder gone: quitting
    before the next try kept nothing of it (the marks waiting were dropped with the reader)."""
    from tui_pilot import notices, started, table, until

    from reader.ui.app import ReaderApp

    async def run() -> tuple[str, str]:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 3600  # no try but the one at the end
        app.NOTIFICATION_TIMEOUT = 3600
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await started(pilot)
            with held(synced_dir / "state"):
                await pilot.press("m")
                await until(pilot, lambda: any("is busy" in n for n in notices(app)), "refused")
            marked = table(app).rows[0].entry.id
            await pilot.press("q")
        return marked, getattr(app, "unkept_at_exit", "")

    marked, said = asyncio.run(run())
    assert marked not in {i["id"] for i in unread(synced_dir)}
    assert said == ""


def test_a_mark_the_store_still_refuses_as_the_reader_quits_is_said(
    synced_dir: Path, short_wait: None
) -> None:
    from tui_pilot import started, table

    from reader.ui.app import ReaderApp

    async def run() -> tuple[str, str]:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        with ExitStack() as holding:  # held until the reader has ended
            async with app.run_test(size=(120, 30)) as pilot:
                await started(pilot)
                marked = table(app).rows[0].entry.id
                holding.enter_context(held(synced_dir / "state"))
                await pilot.press("m", "q")
        return marked, app.unkept_at_exit

    marked, said = asyncio.run(run())
    assert said == (
        f"1 read mark not kept: the data directory {synced_dir} is busy: another program holds"
        " it (another reader command, a backup or sync tool) and did not let go in 1 s: try again"
    )
    assert marked in {i["id"] for i in unread(synced_dir)}


def test_a_save_the_store_still_refuses_as_the_reader_quits_is_said_with_the_marks(
    synced_dir: Path, short_wait: None
) -> None:
    """`s` on a held store said "Not done: …" in the status line and kept nothing; now it
    waits its turn with the marks, and one still refused at the end is said as they are."""
    from tui_pilot import started, table

    from reader.ui.app import ReaderApp

    async def run() -> tuple[str, str]:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        with ExitStack() as holding:  # held until the reader has ended
            async with app.run_test(size=(120, 30)) as pilot:
                await started(pilot)
                saved = table(app).rows[0].entry.id
                holding.enter_context(held(synced_dir / "state"))
                await pilot.press("s", "j", "m", "L", "q")
        return saved, app.unkept_at_exit

    saved, said = asyncio.run(run())
    assert said == (
        "1 change to Saved, 1 read mark, 1 view setting and 1 note of an article opened not"
        f" kept: the data directory {synced_dir} is busy: another program holds it (another reader command, a backup or"
        " sync tool) and did not let go in 1 s: try again"
    )
    assert saved not in {
        i["id"] for i in json.loads(reader(synced_dir, "list", "--saved", "--json").stdout)
    }


def test_an_article_fetched_while_the_store_is_held_says_the_store_is_busy(
    data_dir: Path, demo_server: DemoServer, short_wait: None
) -> None:
    """The page came; keeping it waited on the holder: "an error the reader did not foresee
    (Timeout)" blamed the page."""
    sync_into(data_dir, demo_server.feed_urls[:1], articles=False)

    async def run() -> FetchError:
        async with Library(data_dir, workers="thread") as lib:
            entry = lib.headlines()[0].entry
            with held(data_dir / "articles"), pytest.raises(FetchError) as failed:
                await lib.article(entry)
            return failed.value

    error = asyncio.run(run())
    assert error.kind == ErrorKind.STORAGE
    assert error.message.startswith(f"the data directory {data_dir} is busy: ")


def test_a_sync_on_a_held_store_stops_at_once_in_one_line(
    synced_dir: Path, short_wait: None
) -> None:
    """Each feed failed apart ("feed failed: …"), every one after its own wait."""

    async def run() -> StoreError:
        async with Library(synced_dir, workers="thread") as lib:
            with held(synced_dir / "state"), pytest.raises(StoreError) as stopped:
                await lib.sync()
            return stopped.value

    error = asyncio.run(run())
    assert error.unwritable == Unwritable.BUSY
    assert str(error).startswith(f"the data directory {synced_dir} is busy: ")


def test_a_write_given_a_bound_gives_up_within_it_and_writes_nothing(synced_dir: Path) -> None:
    """A write on a held store waited SQLite's 30 s whoever waited on it: the reader's `m`
    said nothing all that while (acc33b B6). Given a bound, it gives up then, in one line."""
    lib = Library(synced_dir, workers="thread")
    try:
        entry = lib.headlines()[0].entry
        with held(synced_dir / "state"), pytest.raises(StoreError) as refused:
            lib.write_waiting_at_most(0.5, lambda: lib.mark_read(entry, True))
        assert refused.value.unwritable == Unwritable.BUSY
        assert str(refused.value).endswith(" and did not let go in 0.5 s: try again")
        assert not lib.is_read(entry)
        lib.mark_read(entry, True)  # the store's own wait again once the bound is over
        assert lib.is_read(entry)
    finally:
        lib.close()


def test_once_the_reader_gives_up_waiting_no_write_waits_past_it(synced_dir: Path) -> None:
    """Quitting on a held store waited SQLite's 30 s for each write still to make, one after
    another (85 s in acc33b B6). From `give_up_waiting` on, every wait ends by its time."""
    lib = Library(synced_dir, workers="thread")
    try:
        entries = [h.entry for h in lib.headlines()[:2]]
        with held(synced_dir / "state"):
            lib.give_up_waiting(0.5)
            for entry in entries:  # the second has nothing left of the wait
                with pytest.raises(StoreError) as refused:
                    lib.mark_read(entry, True)
                assert str(refused.value).endswith(" and did not let go in 0.5 s: try again")
        assert not any(lib.is_read(e) for e in entries)
        lib.mark_read(entries[0], True)  # held no more: written at once
        assert lib.is_read(entries[0])
    finally:
        lib.close()


def test_a_mark_waiting_on_a_held_store_is_said_in_the_status_line(synced_dir: Path) -> None:
    """`m` on a store another program holds showed the mark done and said nothing while it
    waited SQLite's 30 s; `q` then lost it (acc33b B6). After a try of a couple of seconds
    the status line says the data directory is busy and what waits to be kept, until it is."""
    from tui_pilot import started, status, table, until

    from reader.ui.app import ReaderApp

    async def run() -> tuple[str, list[str], str]:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.1
        app.notice_seconds = 0.1
        async with app.run_test(size=(160, 30)) as pilot:
            await started(pilot)
            with held(synced_dir / "state"):
                await pilot.press("m")
                busy = "The data directory is busy (another program holds it): "
                await until(pilot, lambda: status(app).startswith(busy), "the busy store said")
                await pilot.press("j", "m")
                await until(pilot, lambda: "2 marks kept" in status(app), "the second mark")
                said = status(app)
            kept = "The data directory is free again: 2 marks kept"
            await until(pilot, lambda: status(app) == kept, "the marks kept")
            await until(pilot, lambda: "unread of" in status(app), "the counts back")
            return said, [r.entry.id for r in table(app).rows[:2]], status(app)

    said, marked, after = asyncio.run(run())
    assert said.startswith(
        "The data directory is busy (another program holds it): 2 marks kept to write once it"
        " is free · "
    )
    assert after == said.split(" · ", 1)[1]  # the counts alone again
    assert not set(marked) & {i["id"] for i in unread(synced_dir)}


def test_quitting_on_a_held_store_waits_once_in_all_and_says_so(synced_dir: Path) -> None:
    """`q` on a store another program holds waited SQLite's 30 s for each change still to
    write, one after another, the screen the shell's already and nothing said: 85 s before
    the prompt came back (acc33b B6). Now the changes get one wait in all (`quit_wait`), said
    on the terminal, and what is still not written is said after, as before."""
    from tui_pilot import started, table

    from reader.ui.app import ReaderApp
    from reader.ui.app_marks import WAITING_AT_QUIT

    async def run() -> tuple[list[str], str, list[str]]:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.quit_wait = 1
        with ExitStack() as holding:  # held until the reader has ended
            async with app.run_test(size=(120, 30)) as pilot:
                await started(pilot)
                marked = [r.entry.id for r in table(app).rows[:2]]
                holding.enter_context(held(synced_dir / "state"))
                await pilot.press("m", "j", "s", "q")
        return marked, app.unkept_at_exit, getattr(app, "said_on_terminal", [])

    marked, said, on_terminal = asyncio.run(run())
    assert on_terminal == [WAITING_AT_QUIT]
    assert said == (
        "1 read mark, 1 change to Saved and 1 note of an article opened not kept: the data"
        f" directory {synced_dir} is busy: another program holds it (another reader command, a backup or sync tool) and did not"
        " let go in 1 s: try again"
    )
    assert marked[0] in {i["id"] for i in unread(synced_dir)}
