"""`reader repair` on cache files whose pages mix two copies of the database: another
machine's write-ahead log replayed over this one's, the file replaced by a file sync while a
reader wrote to it (acc42b B1, B11). The same record is read twice there, and the repair
failed whole ("UNIQUE constraint failed: Cache.rowid") after its dry run promised "none
lost". The real store synced from the demo site, its pages copied over one another as the
sync tool leaves them."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from cli_run import _in_a_process
from test_cli import reader
from test_repair import PAGE, damage_a_page

from reader.errors import StoreError
from reader.library import Library
from reader.store import Store
from reader.ui.app_headlines import ARTICLES_DAMAGED
from tests.tui_pilot import running, table, until

COLUMNS = (
    "key, raw, store_time, expire_time, access_time, access_count, tag, size, mode, filename, value"
)


def leaves(db: Path) -> list[int]:
    """The page numbers of `db`'s Cache table leaves, in the table's order."""
    with sqlite3.connect(db) as con:
        found = con.execute(
            "SELECT pageno FROM dbstat WHERE name = 'Cache' AND pagetype = 'leaf' ORDER BY path"
        ).fetchall()
    con.close()
    return [page for (page,) in found]


def store_times(db: Path) -> dict[str, float]:
    with sqlite3.connect(db) as con:
        found = dict(con.execute("SELECT key, store_time FROM Cache").fetchall())
    con.close()
    return found


def page_of(db: Path, page: int) -> bytes:
    with db.open("rb") as file:
        file.seek((page - 1) * PAGE)
        return file.read(PAGE)


def put_page(db: Path, page: int, content: bytes) -> None:
    with db.open("r+b") as file:
        file.seek((page - 1) * PAGE)
        file.write(content)


def mixed(home: Path, scratch: Path) -> tuple[Path, dict[str, float]]:
    """`home`'s article cache with one leaf page replaced by the other machine's copy of the
    leaf before it, stored a little later (its records read twice, the page's own lost), as a
    replayed foreign log leaves it; and the store times of every record before."""
    db = home / "articles" / "cache.db"
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = store_times(db)
    other = scratch / "other.db"
    shutil.copy(db, other)
    with sqlite3.connect(other) as con:
        # Same sizes, so the same pages: the other machine stored each record again later.
        con.execute("UPDATE Cache SET store_time = store_time + 1000.5")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    pages = leaves(db)
    assert len(pages) >= 3 and leaves(other) == pages
    put_page(db, pages[2], page_of(other, pages[1]))
    return db, before


def numbers(line: str) -> tuple[int, int, int]:
    """Records copied out, lost, and read twice, as a repair's line says them."""
    copied, total, lost = re.search(
        r": (\d+) of (\d+) records (?:would be copied out|copied out into a sound file), (\d+)"
        r" could not be read",
        line,
    ).groups()
    assert int(copied) + int(lost) == int(total)
    twice = re.search(r"; (\d+) records? read twice \(", line)
    return int(copied), int(lost), int(twice.group(1)) if twice else 0


def test_a_file_mixing_two_copies_is_mended_keeping_the_newer_copy_of_each_record(
    synced_dir: Path, tmp_path: Path
) -> None:
    db, before = mixed(synced_dir, tmp_path)
    dry = reader(synced_dir, "repair", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    dry_line = next(x for x in dry.stdout.splitlines() if x.startswith(f"{db} "))

    done = reader(synced_dir, "repair")
    assert done.returncode == 0, done.stderr  # was 1: "UNIQUE constraint failed: Cache.rowid"
    line = next(x for x in done.stdout.splitlines() if x.startswith(f"{db} "))
    copied, lost, twice = numbers(line)
    assert numbers(dry_line) == (copied, lost, twice)  # the dry run says what the run does
    assert "the older would be set aside" in dry_line and "the older set aside" in line
    # The leaf copied over was lost, counted; every other record copied out once.
    assert lost > 0 and copied + lost == len(before)
    after = store_times(db)
    assert len(after) == copied
    newer = {key for key, stored in after.items() if stored != before[key]}
    assert len(newer) == twice > 0  # of each record read twice, the copy stored last
    assert all(after[key] == before[key] + 1000.5 for key in newer)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    con.close()
    assert reader(synced_dir, "list", "--ids").returncode == 0


@pytest.mark.parametrize("folder", ["state", "articles"])
def test_repair_of_a_library_with_an_empty_cache_file_says_lists_line_not_a_traceback(
    synced_dir: Path, folder: str
) -> None:
    # A file sync's placeholder, a copy cut short (acc42b B5): "no such table: Cache".
    db = synced_dir / folder / "cache.db"
    for log in db.parent.glob("cache.db-*"):
        log.unlink()
    db.write_bytes(b"")
    listed = reader(synced_dir, "list")
    assert listed.returncode == 1 and "is empty, 0 bytes" in listed.stderr
    for args in (("repair", "--dry-run"), ("repair",)):
        done = reader(synced_dir, *args)
        assert (done.returncode, done.stderr, done.stdout) == (1, listed.stderr, "")
    assert db.stat().st_size == 0


def test_with_the_article_cache_damaged_list_and_the_reader_show_every_headline(
    synced_dir: Path, tmp_path: Path
) -> None:
    # The file replaced by a file sync during a sync (acc42b B11): the headlines and marks are
    # in state/, sound; `list` stopped and the reader's screen stayed on "Loading headlines…".
    before = reader(synced_dir, "list", "--ids").stdout.split()
    home = damage_a_page(synced_dir, "articles", tmp_path)
    db = home / "articles" / "cache.db"
    damaged = db.read_bytes()
    listed = _in_a_process(home, ("list", "--ids"), None)  # its stderr as a user sees it
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split() == before
    assert listed.stderr.count("\n") == 1 and f"the cache file {db} (the cached articles)" in (
        listed.stderr
    )
    assert "`reader repair` copies out every record that still reads" in listed.stderr
    offline = reader(home, "list", "--not-offline", "--ids").stdout.split()
    assert offline == before  # none offline, as when the file is moved aside

    async def run() -> None:
        async with running(home, (100, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: len(table(app).rows) == len(before), "the headlines")
            await until(pilot, lambda: ARTICLES_DAMAGED in app.status, "the damage said")

    asyncio.run(run())
    assert db.read_bytes() == damaged  # nothing written over it


def test_leaves_under_a_zeroed_interior_page_are_copied_out(synced_dir: Path) -> None:
    # A bad block over the table's interior pages (acc42b B12): the sound leaves below them
    # were reached by no walk nor lookup, 65 % of the records lost for 1 % of the pages.
    db = synced_dir / "articles" / "cache.db"
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = con.execute(f"SELECT {COLUMNS} FROM Cache").fetchall()
        interior = [
            page
            for (page,) in con.execute(
                "SELECT pageno FROM dbstat WHERE name = 'Cache' AND pagetype = 'internal'"
            )
        ]
    con.close()
    assert interior and len(leaves(db)) > 1
    for page in interior:
        put_page(db, page, bytes(PAGE))
    done = reader(synced_dir, "repair")
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith(f"{db} "))
    assert f": {len(before)} of {len(before)} records copied out into a sound file, none lost" in (
        line
    )
    with sqlite3.connect(db) as con:
        after = con.execute(f"SELECT {COLUMNS} FROM Cache").fetchall()
        assert con.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    con.close()
    assert sorted(after, key=repr) == sorted(before, key=repr)  # every value as it was


def test_a_thread_reading_the_damaged_article_cache_as_another_sets_it_aside_is_answered(
    synced_dir: Path, tmp_path: Path
) -> None:
    # Two of the reader's threads on a damaged article cache: the one whose read of the damaged
    # file fails after the other has set it aside was told the library is damaged (a
    # StoreError), not answered from the stand-in as the other was.
    db = synced_dir / "articles" / "cache.db"
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    for leaf in leaves(db):  # its records' pages, none read to open it
        put_page(db, leaf, b"\xa5" * PAGE)
    store = Store(synced_dir)
    try:
        assert not store.articles_damaged  # met at the first read of the file, not its opening
        damaged = store._articles
        set_aside = threading.Event()
        reading = threading.Event()

        def wait_for_the_other(statement: str) -> None:
            # Its read of the damaged file begun, it runs once the other thread set it aside.
            if "FROM Cache" in statement and not set_aside.is_set():
                reading.set()
                set_aside.wait()

        answered: list[object] = []

        def second_thread() -> None:
            damaged._con.set_trace_callback(wait_for_the_other)
            try:
                answered.append(store.page_dates())
            except StoreError as error:
                answered.append(error)

        second = threading.Thread(target=second_thread)
        second.start()
        assert reading.wait(60)
        dates = store.page_dates()  # this thread meets the damage: the file set aside
        assert store.articles_damaged and dates == {}
        set_aside.set()
        second.join(60)
        assert answered == [{}]  # from the stand-in, as the first thread was
    finally:
        store.close()


def logged_pages(log: Path) -> set[int]:
    """The page numbers of every frame of the write-ahead log `log`."""
    data = log.read_bytes()
    frame = 24 + PAGE
    return {int.from_bytes(data[at : at + 4], "big") for at in range(32, len(data), frame)}


def test_records_only_in_a_copied_write_ahead_log_are_copied_out_as_it_has_them(
    synced_dir: Path, tmp_path: Path
) -> None:
    """A copy taken with a live `-wal` (a backup, a file sync, the reader killed), its table's
    interior pages damaged: the leaves were read from the file alone, not its log, and
    `reader repair` gave back each record as it was before the log's changes: the headlines
    marked unread since the last checkpoint were read again."""
    db = synced_dir / "state" / "cache.db"
    lib = Library(synced_dir)
    try:
        feed = lib.headlines()[0].entry.feed_url
        for headline in lib.headlines():
            if headline.entry.feed_url == feed:
                lib.mark_read(headline.entry)
    finally:
        lib.close()
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        interior = {
            page
            for (page,) in con.execute(
                "SELECT pageno FROM dbstat WHERE name = 'Cache' AND pagetype = 'internal'"
            )
        }
    con.close()
    assert interior
    lib = Library(synced_dir)
    try:  # marked unread again, then the copy taken with the reader open
        for headline in [h for h in lib.headlines() if h.entry.feed_url == feed][:3]:
            lib.mark_read(headline.entry, False)
        copy = tmp_path / "copy"
        shutil.copytree(synced_dir, copy, ignore=shutil.ignore_patterns("*-shm"))
    finally:
        lib.close()
    unread = [i["id"] for i in json.loads(reader(synced_dir, "list", "--json", "--unread").stdout)]
    logged = logged_pages(copy / "state" / "cache.db-wal")
    assert logged and not interior & logged  # the interior pages as the file has them
    for page in interior:
        put_page(copy / "state" / "cache.db", page, bytes(PAGE))
    done = reader(copy, "repair")
    assert done.returncode == 0, done.stderr
    listed = json.loads(reader(copy, "list", "--json", "--unread").stdout)
    assert [i["id"] for i in listed] == unread and len(unread) >= 3
