"""The search index narrows a decimal figure and a word that may be a name without its
apostrophe to the articles that may hold them (acc50d D2, D4): "4.2" was looked up by "4" and
"2", too short, and every article was read; "dont" by "ont" alone (its "d'ont" spelling's
common part), which 9,500 of 15,000 held. Each lookup still finds every article the search's
rule finds (checked against real SQLite FTS5 over the indexed form); real stores in tmp dirs."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.full_text import _Folded
from reader.indexed_search import holds_nothing
from reader.keys import article_key, entry_id
from reader.library import Library
from reader.models import Article, Block, BlockKind, Entry, Feed, Inline
from reader.search_index import INDEX_FILE, SearchIndex, _lookup, indexed_form
from reader.search_query import Query

_FEED = "http://127.0.0.1:9/feed.xml"
_BASE = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
_TEXTS = [
    "The fee rose to £4.2bn over 14 years, 2 of them late.",
    "Its draught is 14.2 m, 4.25 m at low water, 2 4 in the old tables.",
    "Pi is 3.14, they say; we don't front the month's bills.",
    "Maeve O'Brien and D’Ontario wrote from the front.",
    "A month of 4 ships, 2 cranes and 31 berths; no point in it.",
]


def _library(data: Path) -> Library:
    lib = Library(data, workers="thread")
    lib.add_feed(_FEED)
    lib.store.put_feed(Feed(_FEED, title="Harbour Ledger", last_success=_BASE))
    entries = []
    for n, text in enumerate(_TEXTS):
        link = f"http://127.0.0.1:9/story-{n}.html"
        entries.append(
            Entry(
                id=entry_id(_FEED, link),
                feed_url=_FEED,
                title=f"Story {n}",
                link=link,
                published=_BASE - timedelta(hours=n),
                feed_title="Harbour Ledger",
            )
        )
        blocks = (Block(BlockKind.PARAGRAPH, (Inline(text),)),)
        lib.store.put_article(link, Article(url=link, title=f"Story {n}", blocks=blocks))
    lib.store.merge_entries(_FEED, entries)
    return lib


def _keys(*numbers: int) -> set[str]:
    return {article_key(f"http://127.0.0.1:9/story-{n}.html") for n in numbers}


def test_a_decimal_figure_and_an_apostrophe_left_out_are_narrowed(tmp_path: Path) -> None:
    lib = _library(tmp_path / "data")
    index = SearchIndex(tmp_path / "data" / INDEX_FILE)
    try:
        index.catch_up(lib.store.article_times(), lib.store.indexed_text)
        assert index.candidates("4.2") == _keys(0, 1)  # "£4.2bn", "4.25" (its whole word: no)
        assert index.candidates("14.2") == _keys(1)
        assert index.candidates("3.14") == _keys(2)
        assert index.candidates("31.4") == set()
        # "dont" may be "dont" or a name's "D'ont…": looked up by either's pieces, so not in
        # "A month of 4 ships" (its "ont" alone), which it was by "ont".
        assert index.candidates("dont") == _keys(2, 3)  # "don't … front", "D’Ontario"
        assert index.candidates("dontario") == _keys(3)
        assert index.candidates("obrien") == _keys(3)
        for typed in ("dmonth", "ofront", "31.4", "9.99"):  # "month", "front" are held
            assert holds_nothing(lib.store, Query(typed)), typed
        for typed in ("4.2", "3.14", "dontario", "obrien maeve"):
            assert not holds_nothing(lib.store, Query(typed)), typed
    finally:
        index.close()
        lib.close()


_ALPHABET = st.sampled_from(list("0123456789٢٫٬.,.,'’ dDoOnNtTbr-xX\u200b"))


@settings(max_examples=500, deadline=None)
@given(text=st.text(_ALPHABET, max_size=40), word=st.text(_ALPHABET, min_size=1, max_size=9))
def test_every_text_the_rule_finds_a_word_in_is_named_by_its_lookup(text: str, word: str) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram', detail=none)")
    db.execute("INSERT INTO t (x) VALUES (?)", (indexed_form(text),))
    body = _Folded(text)
    for found in Query(word).words:
        match = _lookup(found.typed)
        if match is not None and body.search(found) is not None:
            named = db.execute("SELECT 1 FROM t WHERE t MATCH ?", (match,)).fetchone()
            assert named is not None, (found.typed, text, indexed_form(text), match)
    db.close()
