"""Damaged records that took more than they had to (acc31a F14, F15): an article's, though its
kept page still read, and a feed's read marks, every one of them with no copy aside. The real
store on a temp dir synced from the demo site, its records damaged in place as a torn write or
a bad sector leaves them; the reader run as a process (its warnings on stderr)."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
from pathlib import Path
from typing import Any

from test_data_dir_trust import reader

from reader.store import Store


def listed(home: Path, *args: str) -> list[dict]:
    result = reader(home, "list", "--json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_an_article_whose_record_is_damaged_is_extracted_again_from_its_kept_page(
    synced_dir: Path,
) -> None:
    item = listed(synced_dir)[0]
    before = reader(synced_dir, "show", item["id"], "--offline")
    assert before.returncode == 0, before.stderr
    with sqlite3.connect(synced_dir / "articles" / "cache.db") as con:
        ((key,),) = con.execute(
            "SELECT key FROM Cache WHERE key LIKE 'article:%' AND key LIKE ?",
            (f"%{item['link'].split('://', 1)[1]}",),
        ).fetchall()
        con.execute("UPDATE Cache SET value = X'00112233445566' WHERE key = ?", (key,))
    shown = reader(synced_dir, "show", item["id"], "--offline")
    assert shown.returncode == 0, shown.stderr
    assert shown.stderr.startswith(f"dropping damaged cache record {key}")
    assert "not available offline" not in shown.stderr + shown.stdout
    assert shown.stdout == before.stdout
    assert reader(synced_dir, "show", item["id"], "--offline").stderr == ""  # cached again


def test_a_torn_read_marks_record_keeps_its_whole_ids_and_a_copy_aside(synced_dir: Path) -> None:
    feed = listed(synced_dir)[0]["feed"]
    assert reader(synced_dir, "mark-read", "--feed", feed).returncode == 0
    ids = {i["id"] for i in listed(synced_dir) if i["feed"] == feed}
    key = f"read:{feed}"
    with sqlite3.connect(synced_dir / "state" / "cache.db") as con:
        ((text,),) = con.execute("SELECT value FROM Cache WHERE key = ?", (key,)).fetchall()
        torn = text[: len(text) * 2 // 3]
        con.execute("UPDATE Cache SET value = ? WHERE key = ?", (torn, key))
    shown = reader(synced_dir, "list", "--json", "--unread")
    assert shown.returncode == 0, shown.stderr
    unread = {i["id"] for i in json.loads(shown.stdout) if i["feed"] == feed}
    assert unread < ids and len(unread) <= len(ids) // 3 + 1  # the whole ids before the tear read
    (copy,) = synced_dir.glob("read:*.damaged-*")
    assert copy.read_text(encoding="utf-8") == torn
    assert f"; a copy is in {copy}\n" in shown.stderr


def _save_links(home: str, count: int) -> None:
    """`count` links saved one at a time, as an import saves them."""
    store = Store(Path(home))
    for n in range(count):
        store.set_saved(f"http://127.0.0.1:9/story-{n}.html", True, title=f"Story {n} " + "x" * 80)


def _read_saved(home: str, writing: Any, damaged: Any) -> None:
    """Saved read again and again while the links are saved, as an open reader lists them."""
    store = Store(Path(home))
    while writing.is_set():
        store.saved()
    damaged.value = len(store.problems)


def test_a_list_rewritten_in_one_process_is_never_taken_for_damaged_in_another(
    tmp_path: Path,
) -> None:
    """Past ~32 KB a record is kept in a file of its own, a new one at each write; a read in
    another process that found the row but not its file (deleted as the write ended, before
    its transaction committed) took the record for damaged and dropped it: an import of 300
    links kept 27 saved (acc32a A14)."""
    home = tmp_path / "home"
    Store(home).close()
    context = multiprocessing.get_context("spawn")
    writing, damaged = context.Event(), context.Value("i", -1)
    writing.set()
    reading = context.Process(target=_read_saved, args=(str(home), writing, damaged))
    reading.start()
    try:
        _save_links(str(home), 400)
    finally:
        writing.clear()
        reading.join(60)
    assert damaged.value == 0
    assert len(Store(home).saved()) == 400
