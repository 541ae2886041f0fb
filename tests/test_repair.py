"""`reader repair`: a cache file damaged inside (a bad sector: its header sound) stopped every
command, and the only advice was to move the whole file aside, every subscription, mark and
article with it (acc31a F4, F5). Now the line names the file and `reader repair` copies out
every record that still reads, the damaged file kept beside it. The real store on a temp dir
synced from the demo site, damaged as a disk damages it: a page overwritten."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from test_cli import reader

from reader.search_index import INDEX_FILE
from reader.store import Store

PAGE = 4096
HOLDS = {"state": "subscriptions, headlines and read marks", "articles": "the cached articles"}


def damage_a_page(home: Path, folder: str, scratch: Path) -> Path:
    """`home` with one page of `folder`'s cache file overwritten, the first (after the header's)
    whose damage stops `reader list`: a copy of `home` under `scratch`."""
    pages = (home / folder / "cache.db").stat().st_size // PAGE
    for page in range(1, pages):
        copy = scratch / f"{folder}-{page}"
        shutil.copytree(home, copy)
        with (copy / folder / "cache.db").open("r+b") as file:
            file.seek(page * PAGE)
            file.write(b"\xa5" * PAGE)
        if reader(copy, "list").returncode == 1:
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
    stopped = reader(home, "list")
    assert stopped.stderr == (
        f"reader: the cache file {db} ({HOLDS[folder]}) is damaged (database disk image is"
        " malformed): `reader repair` copies out every record that still reads, the damaged file"
        " kept beside it (nothing was deleted)\n"
    )

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
