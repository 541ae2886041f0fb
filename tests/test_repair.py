"""`reader repair`: a cache file damaged inside (a bad sector: its header sound) stopped every
command, and the only advice was to move the whole file aside, every subscription, mark and
article with it (acc31a F4, F5). Now the line names the file and `reader repair` copies out
every record that still reads, the damaged file kept beside it. The real store on a temp dir
synced from the demo site, damaged as a disk damages it: a page overwritten."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_run import _in_a_process
from test_cli import reader

from reader.search_index import INDEX_FILE
from reader.store import Store
from reader.sync_lock import InUseLock

PAGE = 4096
HOLDS = {"state": "subscriptions, headlines and read marks", "articles": "the cached articles"}


def damage_a_page(home: Path, folder: str, scratch: Path) -> Path:
    """`home` with one page of `folder`'s cache file overwritten, the first (after the header's)
    whose damage `reader list` meets (and says): a copy of `home` under `scratch`."""
    pages = (home / folder / "cache.db").stat().st_size // PAGE
    for page in range(1, pages):
        copy = scratch / f"{folder}-{page}"
        shutil.copytree(home, copy)
        with (copy / folder / "cache.db").open("r+b") as file:
            file.seek(page * PAGE)
            file.write(b"\xa5" * PAGE)
        # In a process of its own: a damaged article cache is said in a warning, which
        # pytest would take from stderr.
        if "is damaged (" in _in_a_process(copy, ("list",), None).stderr:
            return copy
        shutil.rmtree(copy)
    raise AssertionError(f"no page of {folder}/cache.db whose damage stops `reader list`")


@pytest.mark.parametrize("folder", ["state", "articles"])
def test_a_damaged_page_is_named_and_repair_copies_out_what_reads(
    synced_dir: Path, tmp_path: Path, folder: str
) -> None:
    before = reader(synced_dir, "list", "--ids").stdout.split()
    home = damage_a_page(synced_dir, folder, tmp_path)
    db = home / folder / "cache.db"
    damaged = db.read_bytes()
    stopped = _in_a_process(home, ("list",), None)  # its stderr as a user sees it
    if folder == "state":
        assert stopped.stderr == (
            f"reader: the cache file {db} ({HOLDS[folder]}) is damaged (database disk image is"
            " malformed): `reader repair` copies out every record that still reads, the damaged"
            " file kept beside it (nothing was deleted)\n"
        )
    else:  # the headlines listed, from state/ (tests/test_repair_mixed.py)
        assert f"the cache file {db} (the cached articles) is damaged (" in stopped.stderr
        assert stopped.returncode == 0

    dry = reader(home, "repair", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert f"{db} ({HOLDS[folder]}) is damaged (" in dry.stdout
    assert dry.stdout.endswith("nothing was changed (--dry-run)\n")
    assert db.read_bytes() == damaged

    done = reader(home, "repair")
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith(f"{db} "))
    assert " copied out into a sound file, " in line
    aside = Path(line.rsplit("the damaged one kept as ", 1)[1])
    assert aside.parent == db.parent and aside.read_bytes() == damaged  # never deleted
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    # Every command reads again; what was on the damaged page alone is gone.
    listed = reader(home, "list", "--ids")
    assert listed.returncode == 0, listed.stderr
    assert set(listed.stdout.split()) <= set(before) and listed.stdout.split()
    assert reader(home, "cache").returncode == 0
    again = reader(home, "repair")
    assert f"{db} ({HOLDS[folder]}): sound" in again.stdout


def test_a_lost_list_of_subscriptions_is_made_again_from_the_feeds_records(
    synced_dir: Path,
) -> None:
    feeds = reader(synced_dir, "feeds").stdout
    store = Store(synced_dir)
    try:
        store._state.delete("subscriptions")  # as a damaged record is dropped, kept aside
    finally:
        store.close()
    assert reader(synced_dir, "feeds").stdout.startswith("no feeds yet")
    done = reader(synced_dir, "repair")
    assert done.returncode == 0, done.stderr
    assert (
        "the list of subscriptions was lost: made again from each feed's own record (3 feeds)"
        in done.stdout
    )
    assert reader(synced_dir, "feeds").stdout == feeds  # in their order


def test_a_damaged_search_index_is_deleted_and_made_again(synced_dir: Path) -> None:
    assert reader(synced_dir, "list", "--search", "harbour").returncode == 0
    index = synced_dir / INDEX_FILE
    data = bytearray(index.read_bytes())
    data[PAGE * 2 : PAGE * 3] = b"\xa5" * PAGE
    index.write_bytes(bytes(data))
    for log in ("-wal", "-shm"):
        Path(f"{index}{log}").unlink(missing_ok=True)
    done = reader(synced_dir, "repair")
    assert f"{index} (the search index) was damaged: deleted, made again" in done.stdout
    found = reader(synced_dir, "list", "--search", "harbour")
    assert found.returncode == 0 and found.stdout
    assert index.exists()


def damage_the_key_index(home: Path, folder: str) -> Path:
    """`home`'s `folder` cache file with the root page of its key index overwritten (its rows
    intact), as acc32b's mk.py damages it: the path of the file."""
    db = home / folder / "cache.db"
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ((page,),) = con.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'Cache_key_raw'"
        ).fetchall()
    con.close()
    with db.open("r+b") as file:
        file.seek((page - 1) * PAGE)
        file.write(b"\xff" * 16)
    return db


def test_a_damaged_index_page_is_one_line_naming_repair_not_a_traceback(
    synced_dir: Path,
) -> None:
    db = damage_the_key_index(synced_dir, "state")
    for command in (("list", "--saved"), ("feeds",), ("cache",)):
        stopped = reader(synced_dir, *command)
        assert stopped.returncode == 1, command
        assert stopped.stderr == (
            f"reader: the cache file {db} ({HOLDS['state']}) is damaged (database disk image is"
            " malformed): `reader repair` copies out every record that still reads, the damaged"
            " file kept beside it (nothing was deleted)\n"
        ), command
    done = reader(synced_dir, "repair")
    assert done.returncode == 0, done.stderr
    assert reader(synced_dir, "feeds").returncode == 0


def rows_moved_up(db: Path, by: int, keys: tuple[str, ...] = ()) -> int:
    """`db`'s rows numbered `by` higher (`keys`' alone, when given, put after every other), as
    eviction leaves a store: its oldest numbers gone, never used again; how many rows it holds."""
    with sqlite3.connect(db) as con:
        if keys:
            marks = ", ".join("?" * len(keys))
            con.execute(f"UPDATE Cache SET rowid = rowid + ? WHERE key IN ({marks})", (by, *keys))
        else:
            con.execute("UPDATE Cache SET rowid = rowid + ?", (by,))
    con.execute("VACUUM")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ((count,),) = con.execute("SELECT count(*) FROM Cache").fetchall()
    con.close()
    return count


def zero_the_last_leaf(db: Path, rows: int = 1) -> None:
    """The pages of `db`'s Cache table holding its highest `rows` rows (one at least) zeroed,
    as acc32a A11 did."""
    with sqlite3.connect(db) as con:
        leaves = con.execute(
            "SELECT pageno, ncell FROM dbstat WHERE name = 'Cache' AND pagetype = 'leaf'"
            " ORDER BY path DESC"
        ).fetchall()
    con.close()
    with db.open("r+b") as file:
        for page, cells in leaves:
            file.seek((page - 1) * PAGE)
            file.write(bytes(PAGE))
            rows -= cells
            if rows <= 0:
                break


def copied_and_lost(line: str) -> tuple[int, int]:
    copied, records = re.search(
        r": (\d+) of (\d+) records? copied out into a sound file", line
    ).groups()
    return int(copied), int(records) - int(copied)


def test_repair_past_evicted_rows_with_the_last_page_damaged_copies_out_what_reads(
    synced_dir: Path,
) -> None:
    db = synced_dir / "articles" / "cache.db"
    count = rows_moved_up(db, 6_000)
    zero_the_last_leaf(db)
    done = reader(synced_dir, "repair")
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith(f"{db} "))
    copied, lost = copied_and_lost(line)
    # Found from the table's readable pages, not by numbers counted up from 1: 0 of 0 before,
    # "none lost", and the empty file put in place.
    assert copied + lost == count and 0 < lost < count / 2
    assert "none lost" not in line and f"{lost} could not be read (lost: " in line
    assert "(what could not be read is there only)" in line
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM Cache").fetchall() == [(copied,)]
    con.close()
    assert reader(synced_dir, "list", "--ids").returncode == 0


def test_lost_subscriptions_and_saved_list_are_named_and_the_feeds_added_back(
    synced_dir: Path,
) -> None:
    ids = reader(synced_dir, "list", "--ids").stdout.split()
    assert reader(synced_dir, "save", ids[0]).returncode == 0
    feeds = reader(synced_dir, "feeds", "--json")
    urls = [feed["url"] for feed in json.loads(feeds.stdout)]
    db = synced_dir / "state" / "cache.db"
    count = rows_moved_up(db, 1_000_000, ("subscriptions", "saved", f"feed:{urls[0]}"))
    zero_the_last_leaf(db, 3)
    done = reader(synced_dir, "repair")
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith(f"{db} "))
    copied, lost = copied_and_lost(line)
    assert copied + lost == count and lost >= 3  # the records it held, not 5,000 numbers more
    assert "the Saved list (its articles stay cached, no longer saved)" in line
    assert "the list of subscriptions" in line and "1 feeds' own records" in line
    assert (
        f"made again from each feed's own record (3 feeds, of them from the damaged file's"
        f" index: {urls[0]})" in done.stdout
    )
    listed = json.loads(reader(synced_dir, "feeds", "--json").stdout)
    assert sorted(feed["url"] for feed in listed) == sorted(urls)


def test_a_row_numbered_2_to_the_62_is_copied_out_at_once(synced_dir: Path) -> None:
    db = synced_dir / "state" / "cache.db"
    with sqlite3.connect(db) as con:
        con.execute(
            "INSERT INTO Cache(rowid, key, raw, store_time, expire_time, access_time,"
            " access_count, tag, size, mode, filename, value)"
            " VALUES (?, 'far', 1, 0, NULL, 0, 0, NULL, 0, 1, NULL, 'x')",
            (2**62,),
        )
    con.close()
    damage_the_key_index(synced_dir, "state")
    # It tried every number up to the highest: 4.6 x 10^18 queries.
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(synced_dir), "repair"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "copied out into a sound file, none lost" in done.stdout
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT key FROM Cache WHERE rowid = ?", (2**62,)).fetchall() == [
            ("far",)
        ]
    con.close()


def test_repair_follows_no_link_out_of_the_data_directory(synced_dir: Path, tmp_path: Path) -> None:
    """A planted data directory (synced, restored, sent for help): a cache folder linked to
    another cache's had its files deleted as orphans, a `state.repairing` link had the mended
    file written (and another library's cache opened) where it led (acc32b B6)."""
    other = tmp_path / "other"
    orphan = other / "cd" / f"{'0' * 28}.val"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"another cache's value")
    os.utime(orphan, (time.time() - 7200,) * 2)
    (synced_dir / "state" / "ab").symlink_to(other)
    sound = reader(synced_dir, "repair")
    assert sound.returncode == 0, sound.stderr
    assert orphan.read_bytes() == b"another cache's value"
    assert "no record names" not in sound.stdout

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "cache.db").write_bytes(b"another library's")
    (synced_dir / "state.repairing").symlink_to(elsewhere)
    damage_the_key_index(synced_dir, "state")
    done = reader(synced_dir, "repair")
    assert done.returncode == 0, done.stderr
    assert [p.name for p in elsewhere.iterdir()] == ["cache.db"]
    assert (elsewhere / "cache.db").read_bytes() == b"another library's"
    assert not (synced_dir / "state.repairing").exists()
    assert reader(synced_dir, "feeds").returncode == 0


def test_repair_refuses_while_a_reader_has_the_directory_open(synced_dir: Path) -> None:
    """Run beside an open reader, repair set the damaged file aside while the reader kept its
    handle on it: every mark and place made after went into the copy (acc32a A21)."""
    home = synced_dir
    store = Store(home)  # as the reader holds it, open
    try:
        db = damage_the_key_index(home, "state")
        damaged = db.read_bytes()
        refused = reader(home, "repair")
    finally:
        store.close()
    assert refused.returncode == 75  # try again later (README, Exit status)
    assert refused.stderr == (
        f"reader: the data directory {home} is open in a reader (or another reader command):"
        " close it, then repair (nothing was changed)\n"
    )
    assert db.read_bytes() == damaged
    assert reader(home, "repair").returncode == 0


def test_the_store_is_not_opened_while_repair_mends_it(synced_dir: Path) -> None:
    mending = InUseLock(synced_dir)
    assert mending.take(alone=True)
    try:
        held = subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(synced_dir), "feeds"],
            capture_output=True,
            text=True,
        )
    finally:
        mending.release()
    assert held.returncode == 75  # try again later (README, Exit status)
    assert held.stderr == (
        f"reader: `reader repair` is mending the data directory {synced_dir}: try again once it"
        " has ended (nothing was changed)\n"
    )
    assert reader(synced_dir, "feeds").returncode == 0


def test_a_loss_no_index_can_count_is_said_unknown_never_none(synced_dir: Path) -> None:
    db = synced_dir / "articles" / "cache.db"
    with sqlite3.connect(db) as con:
        pages = dict(con.execute("SELECT name, rootpage FROM sqlite_master").fetchall())
    con.close()
    zero_the_last_leaf(db)
    with db.open("r+b") as file:
        for index in ("Cache_key_raw", "Cache_expire_time"):
            file.seek((pages[index] - 1) * PAGE)
            file.write(b"\xff" * 16)
    done = reader(synced_dir, "repair")
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith(f"{db} "))
    assert "copied out into a sound file, some could not be read (how many is unknown" in line
    assert "none lost" not in line and "(what could not be read is there only)" in line


def test_a_file_cut_short_is_mended_from_what_is_left_of_it(synced_dir: Path) -> None:
    """A copy half done (a file sync's, a backup's) ends before the pages its header counts:
    SQLite called it malformed before reading its first page, and repair said "move it aside",
    every subscription and mark gone though the file held them (acc42b B4)."""
    feeds = reader(synced_dir, "feeds").stdout
    db = synced_dir / "state" / "cache.db"
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    for sidecar in ("cache.db-wal", "cache.db-shm"):
        (synced_dir / "state" / sidecar).unlink(missing_ok=True)
    page = 4096
    pages = db.stat().st_size // page
    assert pages > 4
    os.truncate(db, (pages * 3 // 4) * page)
    assert "is damaged" in reader(synced_dir, "feeds").stderr
    done = reader(synced_dir, "repair")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "copied out into a sound file" in done.stdout

    def addresses(listing: str) -> list[str]:
        # A feed whose title was on a page lost is named by its address, counts after it.
        lines = (line.split() for line in listing.splitlines())
        return sorted({words[0] for words in lines if words and words[0].startswith("http")})

    # Every subscription back; the headlines on the pages lost come at the next sync.
    assert addresses(reader(synced_dir, "feeds").stdout) == addresses(feeds)
