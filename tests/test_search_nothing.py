"""A word nothing holds, told by the search index alone (`indexed_search.holds_nothing`): never
said of a word a search finds (in an article, a headline's title or byline, an uncached one's
feed text, a saved link's title), and kept true as the
feeds' lists change. Real stores in tmp dirs, real SQLite FTS5; `reader list` run in a child
process for what it imports."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader import full_text
from reader.indexed_search import holds_nothing
from reader.keys import entry_id
from reader.library import Library
from reader.library.text_search import search_cached
from reader.models import Article, Block, BlockKind, Entry, Feed, Inline
from reader.search_index import INDEX_FILE
from reader.search_query import Query, _Word

_BASE = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
_FEED = "http://127.0.0.1:9/feed.xml"
_OTHER = "http://127.0.0.1:9/other.xml"


def _link(n: int) -> str:
    return f"http://127.0.0.1:9/2026/11/story-{n}.html"


def _entry(feed: str, n: int, title: str, **fields: str) -> Entry:
    return Entry(
        id=entry_id(feed, _link(n)),
        feed_url=feed,
        title=title,
        link=_link(n),
        published=_BASE - timedelta(hours=n),
        feed_title="Harbour Ledger",
        **fields,  # type: ignore[arg-type]
    )


def _article(n: int, title: str, text: str, author: str = "") -> Article:
    blocks = (Block(BlockKind.PARAGRAPH, (Inline(text),)),)
    return Article(url=_link(n), title=title, blocks=blocks, site_name="Ledger", author=author)


def _library(data: Path) -> Library:
    """A feed of five: three cached (one bylined on its page), one with its feed text alone
    (a podcast's, a PDF's), one bylined by the feed; a cached article no feed lists; a link
    saved, not cached, under the title its import gave it; a second feed."""
    lib = Library(data, workers="thread")
    lib.add_feed(_FEED)
    lib.store.put_feed(Feed(_FEED, title="Harbour Ledger", last_success=_BASE))
    entries = [
        _entry(_FEED, 0, "Dredging contract signed"),
        _entry(_FEED, 1, "Ferry timetable"),
        _entry(_FEED, 2, "Quay repairs", author="Jonas Fernbrake"),
        _entry(_FEED, 3, "Episode 12", summary="<p>The <b>saltmarsh</b> hearing, recorded</p>"),
        _entry(_FEED, 4, "Council minutes"),
    ]
    lib.store.merge_entries(_FEED, entries)
    lib.store.put_article(_link(0), _article(0, "Dredging contract", "The annex penalty clause."))
    lib.store.put_article(_link(1), _article(1, "Ferry", "Winter crossings.", "Maren Quillholt"))
    lib.store.put_article(_link(4), _article(4, "Council", "The ledger audit."))
    lib.store.put_article(_link(9), _article(9, "Kelp", "A kelp farm."))  # no feed lists it
    lib.store.set_saved(_link(8), True, title="Zanthoxylum imports")  # not cached
    lib.add_feed(_OTHER)
    lib.store.merge_entries(_OTHER, [_entry(_OTHER, 20, "Tender bond crane")])
    return lib


def _found(lib: Library, query: Query) -> list[str]:
    """What a search of every headline (the Saved list's too) and cached article finds."""
    every = lib.headlines() + lib.headlines(saved_only=True)
    return [hit.headline.entry.link for hit in search_cached(lib, every, query).hits]


_ANYWHERE = {
    "penalty": "an article's text",
    "dredging": "a title and a text",
    "timetable": "a headline's title alone",
    "fernbrake": "the feed's byline",
    "quillholt": "the page's byline",
    "saltmarsh": "an uncached headline's feed text",
    "zanthoxylum": "a saved link's title, not cached",
    "crane": "the second feed's title",
    "kelp": "an article no feed lists",
    "zanthoxylum OR nothingzz": "either of two",
    "ferry -nothingzz": "one word, none of another",
}


def test_a_word_found_anywhere_is_never_said_to_be_held_by_nothing(tmp_path: Path) -> None:
    lib = _library(tmp_path / "data")
    try:
        for typed, where in _ANYWHERE.items():
            query = Query(typed)
            assert _found(lib, query), (typed, where)
            assert not holds_nothing(lib.store, query), (typed, where)
        for typed in ("nothingzz", "ferry nothingzz", "nothingzz OR zzgone", "EU nothingzz"):
            query = Query(typed)
            assert holds_nothing(lib.store, query), typed
            assert not _found(lib, query), typed
        # A word of Latin letters too short for its trigrams is looked up whole (acc50d D4);
        # one of other letters tells nothing; a tag alone is no word.
        assert holds_nothing(lib.store, Query("EU")) and not _found(lib, Query("EU"))
        for typed in ("ÉU", "tag:strikes", "nothingzz OR ÉU"):
            assert not holds_nothing(lib.store, Query(typed)), typed
    finally:
        lib.close()


def test_a_short_word_whose_trigrams_other_words_hold_is_held_by_nothing(tmp_path: Path) -> None:
    """`dont` was looked up by its trigrams "don" and "ont", which an article holding "don't"
    and "front" holds: 229 of them read to find nothing (acc50d D4). Looked up whole, it is held
    by nothing; what holds its words as written is found as ever."""
    lib = _library(tmp_path / "data")
    try:
        lib.store.put_article(_link(5), _article(5, "Front", "Don't go to the front, O’Brien."))
        # A headline's title too, not cached: its words are indexed whole as well.
        lib.store.merge_entries(_OTHER, [_entry(_OTHER, 21, "Don't lose the frontage, D’Arcy")])
        for typed in ("dont", "dont OR hont", "EU dont", "darcy dont", "dont*"):
            query = Query(typed)
            assert not _found(lib, query), typed
            assert holds_nothing(lib.store, query), typed
        for typed in ("front", "obrien", "o'brien", "go"):
            query = Query(typed)
            assert _found(lib, query) == [_link(5)], typed
            assert not holds_nothing(lib.store, query), typed
        for typed in ("frontage", "darcy", "d'arcy"):
            query = Query(typed)
            assert _found(lib, query) == [_link(21)], typed
            assert not holds_nothing(lib.store, query), typed
        for typed in ("don't", "don*", "fron*"):
            assert len(_found(lib, Query(typed))) == 2, typed
    finally:
        lib.close()


def test_the_headlines_are_followed_as_the_feeds_change(tmp_path: Path) -> None:
    """A feed's item told anew (its title changed), a new item, a feed removed, a link
    unsaved: the index's headlines follow each, by the time its list was written."""
    lib = _library(tmp_path / "data")
    try:
        assert holds_nothing(lib.store, Query("shipyard"))
        assert holds_nothing(lib.store, Query("gantry"))
        renamed = _entry(_FEED, 1, "Ferry timetable: shipyard strike")
        lib.store.merge_entries(_FEED, [renamed, _entry(_FEED, 5, "Gantry crane")])
        assert not holds_nothing(lib.store, Query("shipyard"))
        assert not holds_nothing(lib.store, Query("gantry"))
        lib.store.merge_entries(_FEED, [replace(renamed, title="Ferry timetable")])
        assert holds_nothing(lib.store, Query("shipyard"))
        lib.remove_feed(_OTHER)
        assert holds_nothing(lib.store, Query("tender"))
        lib.store.set_saved(_link(8), False)
        assert holds_nothing(lib.store, Query("zanthoxylum"))
    finally:
        lib.close()


def test_headlines_changed_are_indexed_again_alone(tmp_path: Path) -> None:
    """A sync's new item costs its own row, not the feed's whole list again."""
    import sqlite3

    lib = _library(tmp_path / "data")
    try:
        holds_nothing(lib.store, Query("nothingzz"))
        index = sqlite3.connect(tmp_path / "data" / INDEX_FILE)
        before = dict(index.execute("SELECT entry, id FROM head_docs").fetchall())
        lib.store.merge_entries(_FEED, [_entry(_FEED, 5, "Gantry crane")])
        holds_nothing(lib.store, Query("nothingzz"))
        after = dict(index.execute("SELECT entry, id FROM head_docs").fetchall())
        index.close()
        new = entry_id(_FEED, _link(5))
        assert set(after) == {*before, new}
        assert {entry: after[entry] for entry in before} == before
    finally:
        lib.close()


def test_a_read_only_directory_tells_nothing(tmp_path: Path) -> None:
    lib = _library(tmp_path / "data")
    lib.close()
    (tmp_path / "data" / INDEX_FILE).unlink(missing_ok=True)
    lib = Library(tmp_path / "data", workers="thread")
    try:
        lib.store.read_only = "a test's"
        assert not holds_nothing(lib.store, Query("nothingzz"))
        assert not (tmp_path / "data" / INDEX_FILE).exists()
    finally:
        lib.close()


_IMPORTED = """
import contextlib, io, sys
from reader.cli import main
err = io.StringIO()
with contextlib.redirect_stderr(err):
    status = main(["--data-dir", sys.argv[1], "list", "--search", sys.argv[2]])
print(status, err.getvalue().strip())
print(sorted(m for m in ("reader.library", "httpx", "asyncio") if m in sys.modules))
"""


def _listed(data: Path, word: str) -> list[str]:
    """`reader list --search WORD` run in a child: what it printed, its status and its error
    line, and which of the library, httpx and asyncio it imported."""
    return subprocess.run(
        [sys.executable, "-c", _IMPORTED, str(data), word],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()


def test_list_search_of_a_word_nothing_holds_is_told_without_the_library(tmp_path: Path) -> None:
    """`reader list --search WORD` nothing holds says so without reading a headline, or
    importing the library, the network's client or asyncio (a fifth of a second of its start)."""
    _library(tmp_path / "data").close()
    said = _listed(tmp_path / "data", "nothingzz")
    assert said == ["0 reader: no headline or cached article holds “nothingzz”", "[]"]
    found = _listed(tmp_path / "data", "saltmarsh")
    # Found by the uncached episode's feed text, through the library.
    assert "Harbour Ledger: Episode 12" in found[0]
    assert found[-2].strip() == "0" and "reader.library" in found[-1]


def test_a_search_of_a_word_nothing_holds_looks_in_no_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader's `F` too: no title of the list is looked in (a year's 51,550: ~0.5 s)."""
    lib = _library(tmp_path / "data")
    try:
        walked: list[int] = []
        titles_holding = full_text.titles_holding

        def counted(titles: list[str], word: _Word) -> set[int]:
            walked.append(len(titles))
            return titles_holding(titles, word)

        monkeypatch.setattr(full_text, "titles_holding", counted)
        assert search_cached(lib, lib.headlines(), Query("nothingzz")).hits == []
        assert walked == []
        found = search_cached(lib, lib.headlines(), Query("timetable"))
        assert [hit.headline.entry.link for hit in found.hits] == [_link(1)]
        assert walked == [6]
    finally:
        lib.close()


def test_the_first_indexing_of_the_headlines_is_said_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A year's 51,000 headlines take seconds to index the first time (13 s on a loaded
    machine): said, not silent; then never again."""
    from reader import search_headlines
    from reader.cli import main

    monkeypatch.setattr(search_headlines, "TOLD_FROM", 2)
    _library(tmp_path / "data").close()
    args = ["--data-dir", str(tmp_path / "data"), "list", "--search", "nothingzz"]
    assert main(args) == 0
    assert capsys.readouterr().err.splitlines() == [
        "reader: indexing every feed's headlines for search (once)…",
        "reader: no headline or cached article holds “nothingzz”",
    ]
    assert main(args) == 0
    assert capsys.readouterr().err.splitlines() == [
        "reader: no headline or cached article holds “nothingzz”"
    ]


def test_an_index_up_to_date_is_told_so_without_reading_every_articles_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new process (`reader list --search`) reads the articles' signature and the index's
    note of it, not every article's key and time and every row's (a year's: ~0.1 s); an
    article cached since, by another program, is caught up with all the same."""
    from reader.store import Store

    data = tmp_path / "data"
    lib = _library(data)
    assert holds_nothing(lib.store, Query("nothingzz"))
    lib.close()
    store = Store(data)
    try:
        with monkeypatch.context() as patched:
            patched.setattr(store, "article_times", lambda: pytest.fail("every time read"))
            assert holds_nothing(store, Query("nothingzz"))
            assert holds_nothing(store, Query("shipwright"))
        other = Library(data, workers="thread")
        other.store.put_article(_link(2), _article(2, "Quay", "A shipwright's yard."))
        other.close()
        assert not holds_nothing(store, Query("shipwright"))
    finally:
        store.close()
