"""A feed subscribed with a name and password (`https://me:s3cret@host/feed.xml`) leaves them
out of the search index's file, which is no subscription and is not kept private as one (acc50a
A2: its headlines' lists were named by the address whole); an index written so before is
cleaned when next caught up with the store (a search's, a sync's). Real stores in tmp dirs,
real SQLite FTS5."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader import search_headlines
from reader.indexed_search import holds_nothing
from reader.keys import entry_id
from reader.library import Library
from reader.models import Entry
from reader.search_index import INDEX_FILE, SearchIndex, _indexed_forms, _transaction
from reader.search_query import Query
from reader.urls import password_apart

_WITH = "http://me:s3cret@127.0.0.1:9/feed.xml"
_AGAIN = "http://you:hunter2@127.0.0.1:9/feed.xml"  # the feed again, another account's
_PLAIN = "http://127.0.0.1:9/other.xml"
_WORDS = {_WITH: "Saltmarsh hearing", _AGAIN: "Gantry crane", _PLAIN: "Dredging contract"}
# Each as subscribed: its password in the feed's record alone (`Store.add_feed`).
_KEPT = {password_apart(feed)[0]: feed for feed in _WORDS}


def _library(data: Path) -> Library:
    lib = Library(data, workers="thread")
    for n, (feed, title) in enumerate(_WORDS.items()):
        lib.add_feed(feed)
        kept = password_apart(feed)[0]
        link = f"http://127.0.0.1:9/story-{n}.html"
        entry = Entry(entry_id(feed, link), kept, title, link, datetime(2026, 12, 7, tzinfo=UTC))
        lib.store.merge_entries(kept, [entry])
    return lib


def _index_bytes(data: Path) -> bytes:
    """The index's files as they lie on the disk: the database, its log and the log's index."""
    return b"".join(p.read_bytes() for p in data.glob(f"{INDEX_FILE}*"))


def _found_each(lib: Library) -> None:
    for title in _WORDS.values():
        assert not holds_nothing(lib.store, Query(title.split()[0].lower())), title


def test_the_index_holds_no_feeds_password_and_tells_its_lists_apart(tmp_path: Path) -> None:
    data = tmp_path / "data"
    lib = _library(data)
    try:
        _found_each(lib)
        assert holds_nothing(lib.store, Query("nothingzz"))
        held = _index_bytes(data)
        assert not any(word in held for word in (b"s3cret", b"hunter2", b"//me", b"//you"))
        # Told apart though alike without their credentials: one gone, the other's words stay.
        lib.remove_feed(_WITH)
        assert holds_nothing(lib.store, Query("saltmarsh"))
        assert not holds_nothing(lib.store, Query("gantry"))
    finally:
        lib.close()


def test_an_index_that_named_a_list_with_its_password_is_cleaned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    lib = _library(data)
    try:
        # The index as a reader before this one wrote it: each list under its address whole,
        # as that reader subscribed it.
        SearchIndex(data / INDEX_FILE).close()  # its tables
        with monkeypatch.context() as before:
            before.setattr(
                search_headlines, "indexed_names", lambda names: {_KEPT.get(n, n): n for n in names}
            )
            db = sqlite3.connect(data / INDEX_FILE, isolation_level=None)
            lists, words = lib.store.headline_lists(), lib.store.headline_words
            search_headlines.catch_up(db, lists, words, _indexed_forms, _transaction)
            db.close()
        assert b"s3cret" in _index_bytes(data)
        assert holds_nothing(lib.store, Query("nothingzz"))  # a search's first look
        assert b"s3cret" not in _index_bytes(data) and b"hunter2" not in _index_bytes(data)
        _found_each(lib)
    finally:
        lib.close()
