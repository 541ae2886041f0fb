"""A data directory is data, not code (acc29c S4): a data directory synced between machines,
copied or unpacked from an archive holds rows the reader never wrote. A diskcache row in its
pickle mode ran the pickle when read (`reader show`, and any command through the
subscriptions); a row in a file mode naming a file outside the cache read it and deleted it with
the row; a `sync.lock` link had its target truncated; one damaged subscriptions record lost
every subscription with no copy kept. Each hostile row or file is planted in a real data
directory (the demo site's, synced) and the real command run in a process of its own."""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import diskcache
import pytest

from reader.keys import article_key
from reader.store import Store
from reader.store.data_disk import DataDisk, RefusedRecord
from reader.sync_lock import ReaderLock, SyncLock
from tests.cli_run import sync_waits_for


def reader(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "READER_CONFIG": os.devnull},  # no settings
        timeout=300,
    )


class _Opens:
    """Unpickled, calls `open(path, "w")`: a harmless stand-in for any call a pickle makes."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (str(self.path), "w"))


def plant(db: Path, key: str, mode: int, filename: str | None, value: Any) -> None:
    """Set the row of `key` as a hand (or another program) could: diskcache's columns."""
    with sqlite3.connect(db) as con:
        changed = con.execute(
            "UPDATE Cache SET mode = ?, filename = ?, value = ? WHERE key = ?",
            (mode, filename, value, key),
        ).rowcount
    con.close()
    assert changed == 1


def row(db: Path, key: str) -> tuple[Any, ...] | None:
    with sqlite3.connect(db) as con:
        found = con.execute("SELECT mode, filename, value FROM Cache WHERE key = ?", (key,))
        got = found.fetchone()
    con.close()
    return got


def first_url(db: Path, prefix: str) -> str:
    with sqlite3.connect(db) as con:
        (key,) = con.execute(
            "SELECT key FROM Cache WHERE key > ? ORDER BY key LIMIT 1", (prefix,)
        ).fetchone()
    con.close()
    assert key.startswith(prefix)
    return key[len(prefix) :]


def kept_aside(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("subscriptions.damaged-*"))


def test_an_articles_pickle_is_not_run_and_the_record_dropped(
    synced_dir: Path, tmp_path: Path
) -> None:
    db = synced_dir / "articles" / "cache.db"
    url = first_url(db, "article:")
    ran = tmp_path / "ran"
    plant(db, f"article:{url}", 4, None, pickle.dumps(_Opens(ran)))
    shown = reader(synced_dir, "show", url, "--offline")
    assert not ran.exists()
    assert (
        f"dropping damaged cache record article:{url} (a pickle that is not plain data)"
        in shown.stderr
    )
    # Made again from its kept page (acc31a F14), as data this time.
    assert shown.returncode == 0 and "not available offline" not in shown.stderr
    assert (row(db, f"article:{url}") or (4,))[0] != 4


def test_a_subscriptions_pickle_is_not_run_and_a_copy_is_kept(
    synced_dir: Path, tmp_path: Path
) -> None:
    ran = tmp_path / "ran"
    pickled = pickle.dumps(_Opens(ran))
    plant(synced_dir / "state" / "cache.db", "subscriptions", 4, None, pickled)
    listed = reader(synced_dir, "feeds")
    assert not ran.exists()
    (copy,) = kept_aside(synced_dir)
    assert copy.read_bytes() == pickled
    assert listed.stderr == (
        "dropping damaged cache record subscriptions (a pickle that is not plain data; 3 feeds"
        f" brought back from their own records); a copy is in {copy}\n"
    )
    assert len(json.loads(reader(synced_dir, "feeds", "--json").stdout)) == 3  # acc50b B12


def test_a_damaged_subscriptions_record_is_kept_aside_for_the_user_to_recover(
    synced_dir: Path,
) -> None:
    db = synced_dir / "state" / "cache.db"
    (mode, _, text) = row(db, "subscriptions") or ()
    assert mode == 1 and text.startswith('["http')
    damaged = text[: len(text) // 2]
    plant(db, "subscriptions", 1, None, damaged)
    listed = reader(synced_dir, "feeds")
    (copy,) = kept_aside(synced_dir)
    assert copy.read_text(encoding="utf-8") == damaged
    assert listed.stderr == (
        "dropping damaged cache record subscriptions (cut short: the 1 whole item before the"
        f" cut kept; 2 feeds brought back from their own records); a copy is in {copy}\n"
    )
    # The next damaged one finds the first copy there and keeps its own beside it.
    with diskcache.Cache(str(synced_dir / "state")) as state:
        state.set("subscriptions", "[")
    reader(synced_dir, "feeds")
    assert len(kept_aside(synced_dir)) == 2


@pytest.mark.parametrize("how", ["absolute", "relative"])
def test_a_row_naming_a_file_outside_the_cache_neither_reads_nor_deletes_it(
    synced_dir: Path, tmp_path: Path, how: str
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    db = synced_dir / "articles" / "cache.db"
    url = first_url(db, "raw:")
    name = str(victim) if how == "absolute" else "../../victim.txt"
    assert (synced_dir / "articles" / name).resolve() == victim
    plant(db, f"raw:{url}", 2, name, None)
    done = reader(synced_dir, "reextract", "--all")
    assert victim.read_text(encoding="utf-8") == "precious"
    assert (
        f"dropping damaged cache record raw:{url} (a file outside the cache's directory)"
        in done.stderr
    )
    assert row(db, f"raw:{url}") is None  # the row went, the file it named stayed


@pytest.mark.parametrize("how", ["symlink", "hard link"])
def test_a_sync_lock_planted_as_a_link_is_not_written_through(
    synced_dir: Path, tmp_path: Path, how: str
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    lock = synced_dir / "sync.lock"
    lock.unlink(missing_ok=True)
    (os.symlink if how == "symlink" else os.link)(victim, lock)
    synced = reader(synced_dir, "sync", "--no-articles")
    assert synced.returncode == 0, synced.stderr
    assert victim.read_text(encoding="utf-8") == "precious"


def _plant(name: Path, how: str, victim: Path) -> None:
    name.unlink(missing_ok=True)
    if how == "symlink":
        os.symlink(victim, name)
    elif how == "hard link":
        os.link(victim, name)
    elif how == "pipe":
        os.mkfifo(name)
    else:
        name.mkdir()


@pytest.mark.parametrize("how", ["symlink", "hard link", "pipe", "directory"])
def test_a_sync_lock_planted_as_a_link_still_keeps_syncs_apart(
    synced_dir: Path, tmp_path: Path, how: str
) -> None:
    """acc41b B6: a link under the lock's name had no lock taken at all, and two syncs ran side
    by side with no word. The stray entry goes (never what it leads to) and the lock holds."""
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    _plant(synced_dir / "sync.lock", how, victim)
    held = SyncLock(synced_dir)
    assert held.take()
    sync_waits_for(synced_dir, held)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert os.stat(victim).st_nlink == 1  # a second name planted is the one unlinked
    assert (synced_dir / "sync.lock").is_file() and not (synced_dir / "sync.lock").is_symlink()


@pytest.mark.parametrize("how", ["symlink", "hard link"])
def test_reader_and_in_use_locks_planted_as_links_still_hold(
    synced_dir: Path, tmp_path: Path, how: str
) -> None:
    """acc41b B6: two readers opened on one directory, and `reader repair` ran beside an open
    reader, when links stood under `reader.lock` and `in-use.lock`."""
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    for name in ("reader.lock", "in-use.lock"):
        _plant(synced_dir / name, how, victim)
    first = ReaderLock(synced_dir)
    assert first.take()
    try:
        assert not ReaderLock(synced_dir).take()  # a second reader is turned away
    finally:
        first.release()
    store = Store(synced_dir)  # a reader command holding the directory open
    try:
        repaired = reader(synced_dir, "repair")
    finally:
        store.close()
    assert "is open in a reader (or another reader command)" in repaired.stderr
    assert repaired.returncode != 0
    assert victim.read_text(encoding="utf-8") == "precious"


def test_a_gone_mark_is_kept_as_text_and_an_older_readers_tuple_still_reads(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    url, old_url = "https://news.example/story", "https://news.example/older"
    store = Store(data_dir)
    try:
        store.mark_gone(url, 410)
    finally:
        store.close()
    mode, _, value = row(data_dir / "articles" / "cache.db", f"gone:{article_key(url)}") or ()
    assert mode == 1 and isinstance(value, str)  # in the row, not a pickle
    at = time.time()
    with diskcache.Cache(str(data_dir / "articles")) as older:  # as a reader before 29 kept it
        older.set(f"gone:{article_key(old_url)}", (at, 404))
    store = Store(data_dir)
    try:
        assert store.gone_at(url)[1] == 410  # type: ignore[index]
        assert store.gone_at(old_url) == (at, 404)
        assert not store.problems
    finally:
        store.close()


def test_a_pickled_key_is_not_run(tmp_path: Path) -> None:
    ran = tmp_path / "ran"
    disk = DataDisk(str(tmp_path))
    with pytest.raises(RefusedRecord):
        disk.get(pickle.dumps(_Opens(ran)), False)
    assert not ran.exists()
    assert disk.get(pickle.dumps(("plain", 1)), False) == ("plain", 1)


def test_a_file_name_through_a_link_out_of_the_cache_is_refused(tmp_path: Path) -> None:
    cache, outside = tmp_path / "articles", tmp_path / "outside"
    (outside / "cd").mkdir(parents=True)
    cache.mkdir()
    (cache / "ab").symlink_to(outside)
    name = "ab/cd/" + "0" * 28 + ".val"
    (outside / "cd" / ("0" * 28 + ".val")).write_bytes(b"precious")
    disk = DataDisk(str(cache))
    assert not disk.holds(name)
    with pytest.raises(RefusedRecord):
        disk.fetch(2, name, None, False)
    disk.remove(name)
    assert (cache / name).read_bytes() == b"precious"


def test_a_damaged_saved_list_is_kept_aside_too(synced_dir: Path) -> None:
    damaged = '{"https://news.example/story": {"url": "https://news.exa'
    with diskcache.Cache(str(synced_dir / "state")) as state:
        state.set("saved", damaged)
    listed = reader(synced_dir, "list")
    (copy,) = synced_dir.glob("saved.damaged-*")
    assert copy.read_text(encoding="utf-8") == damaged
    assert f"dropping damaged cache record saved; a copy is in {copy}\n" in listed.stderr


def test_a_damaged_feed_record_is_kept_aside_with_the_users_name_and_tags(
    synced_dir: Path,
) -> None:
    """A feed's record holds the user's own (its name, its tags): dropped damaged, it went with
    no copy (sec29's leftover), as the subscriptions did. The copy is named for the record with
    its address's "/" written "_": in the data directory, never in a folder the address names."""
    db = synced_dir / "state" / "cache.db"
    url = first_url(db, "feed:")
    (mode, _, text) = row(db, f"feed:{url}") or ()
    assert mode == 1 and text.startswith("{")
    damaged = text[: len(text) // 2]
    plant(db, f"feed:{url}", 1, None, damaged)
    listed = reader(synced_dir, "feeds")
    (copy,) = synced_dir.glob("feed:*.damaged-*")
    assert copy.parent == synced_dir and "/" not in copy.name[len("feed:") :]
    assert copy.read_text(encoding="utf-8") == damaged
    assert f"dropping damaged cache record feed:{url}; a copy is in {copy}\n" in listed.stderr
    # Decoded but not a feed's record: kept as well.
    with diskcache.Cache(str(synced_dir / "state")) as state:
        state.set(f"feed:{url}", '{"title": "no address"}')
    reader(synced_dir, "feeds")
    assert len(list(synced_dir.glob("feed:*.damaged-*"))) == 2
