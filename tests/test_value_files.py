"""A record too big for its row (over diskcache's 32 KB: a feed's headlines past ~150 items, a
long article) is kept in a file of its own (`state/xx/yy/….val`). One missing (a lost write, a
backup that skipped it, fsck) read as no record at all: the feed's headlines vanished without a
word, and `reader repair` called the store sound; one cut short was dropped whole (acc31a F16).
The real store on a temp dir, its files lost as a disk loses them; the reader run as a process
(its warnings on stderr as a user sees them, not taken by pytest's logging)."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import string
import time
from pathlib import Path

import pytest
from hostile_site import rss
from pytest_httpserver import HTTPServer
from served_feed import serve_stories
from test_data_dir_trust import reader

from reader.store import Store

ITEMS = 300


def entries_file(home: Path) -> tuple[str, Path]:
    """The key of the feed's headlines and the file they are kept in."""
    with sqlite3.connect(home / "state" / "cache.db") as con:
        rows = con.execute(
            "SELECT key, filename FROM Cache WHERE key LIKE 'entries:%' AND filename IS NOT NULL"
        ).fetchall()
    assert len(rows) == 1, rows
    key, name = rows[0]
    return key, home / "state" / name


@pytest.fixture
def big_feed(httpserver: HTTPServer, data_dir: Path) -> Path:
    """`data_dir` subscribed to a feed of ITEMS headlines (no article fetched)."""
    items = [
        (f"Story number {n} of the long feed", f"http://127.0.0.1:9/{n}.html") for n in range(ITEMS)
    ]
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss("Long Feed", items), content_type="application/rss+xml"
    )
    added = reader(data_dir, "add", httpserver.url_for("/feed.xml"))
    assert added.returncode == 0, added.stderr
    assert len(reader(data_dir, "list", "--ids").stdout.split()) == ITEMS
    return data_dir


def test_a_missing_value_file_is_said_and_its_record_kept(big_feed: Path) -> None:
    """Said, not read as no record at all; kept for its file to arrive (a file sync's, acc42b
    B7: tests/test_half_synced_library.py), which `reader repair` drops."""
    _, file = entries_file(big_feed)
    file.unlink()
    listed = reader(big_feed, "list", "--ids")
    assert listed.returncode == 0 and listed.stdout.split() == []
    assert listed.stderr == (
        f"1 feed's headline list is not here yet: {big_feed / 'state'} names files that are"
        " missing (a copy or a file sync not finished?); read as empty, nothing dropped: they"
        " are back when the files arrive\n"
    )
    assert reader(big_feed, "list", "--ids").stderr == listed.stderr  # kept: said each time


def test_a_list_cut_short_keeps_its_whole_items(big_feed: Path) -> None:
    key, file = entries_file(big_feed)
    ids = reader(big_feed, "list", "--ids").stdout.split()
    with file.open("r+b") as kept:
        kept.truncate(file.stat().st_size // 2)
    listed = reader(big_feed, "list", "--ids")
    assert listed.returncode == 0, listed.stderr
    kept_ids = listed.stdout.split()
    assert ITEMS // 3 < len(kept_ids) < ITEMS // 2 + 1
    assert set(kept_ids) < set(ids)
    assert listed.stderr.startswith(f"dropping damaged cache record {key} (cut short: the ")
    assert reader(big_feed, "list", "--ids").stdout.split() == kept_ids  # kept, said once


@pytest.mark.parametrize("damage", ["missing", "cut short", "outside the cache's folder"])
def test_repair_finds_a_missing_or_short_value_file(
    big_feed: Path, damage: str, tmp_path: Path
) -> None:
    """A record naming a file outside its cache's folder (an absolute path: a planted row, a
    copy's) was "cut short", someone's file measured against the record's size, or "sound"
    had the sizes matched: every reading drops it unread. Said as it is, the record dropped,
    that file left as it is."""
    key, file = entries_file(big_feed)
    outside = tmp_path / "someones-thesis.odt"
    if damage == "missing":
        file.unlink()
    elif damage == "cut short":
        with file.open("r+b") as kept:
            kept.truncate(100)
    else:
        outside.write_bytes(file.read_bytes())  # the same size as the record says, even
        with sqlite3.connect(big_feed / "state" / "cache.db") as con:
            con.execute("UPDATE Cache SET filename = ? WHERE key = ?", (str(outside), key))
        con.close()
    db = big_feed / "state" / "cache.db"
    dry = reader(big_feed, "repair", "--dry-run")
    which = (
        f"{db} (subscriptions, headlines and read marks): the file of 1 record is {damage} ({key})"
    )
    assert f"{which}: it would be dropped\n" in dry.stdout
    done = reader(big_feed, "repair")
    assert done.returncode == 0, done.stderr
    left = "; the file outside left as it is" if outside.exists() else ""
    assert f"{which}: dropped (nothing of it whole{left})\n" in done.stdout
    if outside.exists():
        assert outside.read_bytes() == file.read_bytes()
    again = reader(big_feed, "repair")
    assert f"{db} (subscriptions, headlines and read marks): sound\n" in again.stdout
    # Nothing of the record said again: its list gone, the one feed lists nothing, said so.
    assert reader(big_feed, "list", "--ids").stderr == "reader: no headline to list\n"


def test_an_article_whose_file_is_missing_is_not_cached_and_the_next_sync_fetches_it(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """acc31a F17: listed ↓ and counted cached, "not in the cache" when opened, and passed
    over by every sync. The sync drops its row, said, and fetches it again."""
    rng = random.Random(7)
    words = " ".join("".join(rng.choices(string.ascii_lowercase, k=7)) for _ in range(12_000))
    feed = serve_stories(
        httpserver, "Long Reads", [("Short one", 9), ("Long one", 10)], more={10: f"<p>{words}</p>"}
    )
    assert reader(data_dir, "add", feed).returncode == 0
    synced = reader(data_dir, "sync")
    assert synced.returncode == 0, synced.stderr
    with sqlite3.connect(data_dir / "articles" / "cache.db") as con:
        ((name,),) = con.execute(
            "SELECT filename FROM Cache WHERE key LIKE 'article:%' AND filename IS NOT NULL"
        ).fetchall()
    (data_dir / "articles" / name).unlink()
    again = reader(data_dir, "sync")
    assert again.returncode == 0, again.stderr
    assert "dropping damaged cache record article:" in again.stderr
    assert "1 article cached for offline" in again.stdout + again.stderr
    cached = {
        i["title"]: i["cached"] for i in json.loads(reader(data_dir, "list", "--json").stdout)
    }
    assert cached == {"Short one": True, "Long one": True}


def test_repair_deletes_the_files_no_record_names(big_feed: Path) -> None:
    """A full disk's cut-short writes left 0-byte value files that no row named, for good."""
    _, file = entries_file(big_feed)
    orphan = file.parent.parent / "ab" / f"{'c' * 28}.val"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"")
    fresh = file.parent.parent / "ab" / f"{'d' * 28}.val"
    fresh.write_bytes(b"a value's file, its row about to be written")
    hour_ago = time.time() - 3700
    os.utime(orphan, (hour_ago, hour_ago))
    said = f"{big_feed / 'state'}: 1 file no record names (0 B, left by writes cut short)"
    assert f"{said} would be deleted\n" in reader(big_feed, "repair", "--dry-run").stdout
    assert orphan.exists()
    assert f"{said} deleted\n" in reader(big_feed, "repair").stdout
    assert not orphan.exists() and fresh.exists() and file.exists()
    assert len(reader(big_feed, "list", "--ids").stdout.split()) == ITEMS


def test_repair_keeps_the_whole_entries_of_a_saved_list_cut_short(data_dir: Path) -> None:
    """The Saved list is a map, not a list: repair kept none of it, saying "the whole items of a
    list kept", where 124 of 300 entries read whole (acc32a A18)."""
    store = Store(data_dir)
    try:
        for n in range(ITEMS):
            store.set_saved(f"http://127.0.0.1:9/old-{n}.html", True, title=f"Big {n}")
    finally:
        store.close()
    with sqlite3.connect(data_dir / "state" / "cache.db") as con:
        ((name,),) = con.execute("SELECT filename FROM Cache WHERE key = 'saved'").fetchall()
    con.close()
    file = data_dir / "state" / name
    with file.open("r+b") as kept:
        kept.truncate(file.stat().st_size * 2 // 5)
    done = reader(data_dir, "repair")
    assert done.returncode == 0, done.stderr
    listed = reader(data_dir, "list", "--saved").stdout.splitlines()
    assert ITEMS // 3 < len(listed) < ITEMS // 2
    assert f": dropped ({len(listed)} whole items of saved kept)\n" in done.stdout
    assert "a copy is in " in done.stderr


def test_repair_leaves_the_files_no_record_names_in_a_synced_directory(big_feed: Path) -> None:
    """acc42b B8: in a folder a file-sync tool keeps, a file no record names may be another
    machine's whose record is on the way, its time the one the tool copied: repair deleted
    them, and the tool then deleted them on the other machine too."""
    _, file = entries_file(big_feed)
    arrived = file.parent.parent / "ab" / f"{'e' * 28}.val"
    arrived.parent.mkdir(parents=True)
    arrived.write_bytes(b"the desktop's headline list, its record not here yet")
    hour_ago = time.time() - 7200
    os.utime(arrived, (hour_ago, hour_ago))
    (big_feed / ".stfolder").mkdir()
    done = reader(big_feed, "repair")
    assert done.returncode == 0, done.stderr
    assert (
        f"{big_feed / 'state'}: 1 file no record names (52 B) left as it is: the directory is"
        " synced by Syncthing" in done.stdout
    )
    assert arrived.exists() and file.exists()
