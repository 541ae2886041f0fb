"""The searched text the index keeps of each article (`search_bodies`): a hit past those given
their line is confirmed by it, its record unread (acc37a H4: reading 30,000 records was half
of `F court judge`), and the hits are those the records give. Real stores in tmp dirs, real
SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.fold import as_folded, composed, fold, kept_folded
from reader.full_text import Query, search
from reader.library.text_search import index_cached, search_cached
from reader.search_index import INDEX_FILE, SCHEMA
from reader.store import Store
from tests.test_search_index import _QUERIES, _TRICKY, _archive, _article

_ALPHABET = st.sampled_from(list(_TRICKY + " \n.,-'\"xyz"))


@settings(max_examples=800, deadline=None)
@given(text=st.text(_ALPHABET, max_size=40))
def test_the_kept_form_folds_as_the_text_is_folded_for_any_query_without_an_accent(
    text: str,
) -> None:
    whole = composed(text)
    plain = text if whole is None else whole[0]
    for accents in (True, "umlauts"):
        assert as_folded(kept_folded(text), accents) == fold(plain, accents)


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys whose records a search reads, from now on."""
    read: list[str] = []
    searched_by_key = Store.searched_by_key

    def counted(store: Store, key: str) -> object:
        read.append(key)
        return searched_by_key(store, key)

    monkeypatch.setattr(Store, "searched_by_key", counted)
    return read


def test_hits_past_those_given_their_line_are_found_without_reading_a_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib, _ = _archive(tmp_path / "data", 60, listed=60)
    try:
        index_cached(lib.store)
        headlines = lib.headlines()
        read = _reads(monkeypatch)
        found = search_cached(lib, headlines, Query("quay item"), details=5)
        assert len(found.hits) == 60
        assert [hit.pending for hit in found.hits] == [False] * 5 + [True] * 55
        # The five shown read theirs (their snippets quote the text as written); no other.
        assert sorted(read) == sorted(hit.headline.key for hit in found.hits[:5])
        read.clear()
        # Nor is one that holds no word of it.
        assert search_cached(lib, headlines, Query("dredging"), details=0).hits
        assert read == []
        # The text kept has no accents: "Zürich" typed is looked for in the records.
        found = search_cached(lib, headlines, Query("Zürich"), details=0)
        assert found.hits and len(read) >= len(found.hits)
    finally:
        lib.close()


@pytest.mark.parametrize("details", [0, 3])
def test_the_hits_confirmed_by_the_kept_text_are_those_the_records_give(
    tmp_path: Path, details: int
) -> None:
    """Every query of test_search_index's (accents, umlauts, phrases, words left out, a
    byline's, a Cyrillic name's), each hit's word too (where the reading view opens)."""
    lib, _ = _archive(tmp_path / "data", 40, listed=30)
    try:
        index_cached(lib.store)
        headlines = lib.headlines()
        for text in _QUERIES:
            query = Query(text)
            scanned = search(headlines, query, lambda h: lib.searched(h.entry), details=details)
            found = search_cached(lib, headlines, query, unlisted=False, details=details)
            assert [(h.headline.entry.id, h.word, h.line, h.pending) for h in found.hits] == [
                (h.headline.entry.id, h.word, h.line, h.pending) for h in scanned
            ], text
    finally:
        lib.close()


def test_an_article_cached_again_during_the_search_is_matched_as_cached_now(
    tmp_path: Path,
) -> None:
    """The kept texts are of the articles the index caught up with: one cached anew while
    the search goes on (a sync's) is read again, found or no longer found, in its place."""
    lib, entries = _archive(tmp_path / "data", 300, listed=300)
    try:
        index_cached(lib.store)
        headlines = lib.headlines()
        # Of every third story (`_article`: n % 3 == 1), whose words the index names for the
        # stories of n % 3 == 0 too (apart in their text).
        query = Query('"library item"')
        before = search_cached(lib, headlines, query, details=0)
        ids = [hit.headline.entry.id for hit in before.hits]
        gone, new = entries[250], entries[252]  # a hit, and one that may be
        assert gone.id in ids and new.id not in ids
        written = [False]

        def page(hits: object) -> None:  # after the first hundred headlines searched
            if not written[0]:
                written[0] = True
                lib.store.put_article(gone.link, _article(gone.link, gone.title, 0))
                lib.store.put_article(new.link, _article(new.link, new.title, 1))

        found = search_cached(lib, headlines, query, details=0, page=page)
        assert written[0]
        now = search_cached(lib, headlines, query, details=0)
        assert [hit.headline.entry.id for hit in found.hits] == [
            hit.headline.entry.id for hit in now.hits
        ]
        assert gone.id not in [h.headline.entry.id for h in found.hits]
        assert new.id in [h.headline.entry.id for h in found.hits]
    finally:
        lib.close()


def test_an_article_the_index_named_for_no_word_cached_again_with_them_is_found(
    tmp_path: Path,
) -> None:
    """An article whose text, as the index caught up with it, holds none of the words is
    passed over unread; cached anew with them while the search goes on (a sync's), it is a hit
    all the same, as the same search after finds it (search47: the articles searched again are
    all those cached since, not only those whose kept text was given)."""
    lib, entries = _archive(tmp_path / "data", 300, listed=300)
    try:
        index_cached(lib.store)
        headlines = lib.headlines()
        query = Query('"library item"')  # in the stories of n % 3 == 1 (`_article`)
        before = search_cached(lib, headlines, query, details=0)
        new = entries[251]  # n % 3 == 2: "library" in none of its text
        assert new.id not in [hit.headline.entry.id for hit in before.hits]
        written = [False]

        def page(hits: object) -> None:  # after the first hundred headlines searched
            if not written[0]:
                written[0] = True
                lib.store.put_article(new.link, _article(new.link, new.title, 1))

        found = search_cached(lib, headlines, query, details=0, page=page)
        assert written[0]
        now = search_cached(lib, headlines, query, details=0)
        assert new.id in [hit.headline.entry.id for hit in found.hits]
        assert [hit.headline.entry.id for hit in found.hits] == [
            hit.headline.entry.id for hit in now.hits
        ]
    finally:
        lib.close()


def test_an_article_cached_again_during_the_search_is_searched_again_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page's hits are checked with every hit before them: a hit of the first page whose
    article a sync cached again after it was read again at every page after."""
    lib, _ = _archive(tmp_path / "data", 310, listed=310)  # runs of 100, 200 and 10
    try:
        index_cached(lib.store)
        headlines = lib.headlines()
        query = Query('"library item"')
        first = search_cached(lib, headlines, query, details=0).hits[0].headline
        pages: list[int] = []
        read = _reads(monkeypatch)

        def page(hits: object) -> None:
            if not pages:  # the first page's hits checked: the sync caches it again
                entry = first.entry
                lib.store.put_article(entry.link, _article(entry.link, entry.title, 1))
            pages.append(1)

        found = search_cached(lib, headlines, query, details=0, page=page)
        assert len(pages) == 2  # then checked at the second page and at the end
        assert first.entry.id in [hit.headline.entry.id for hit in found.hits]
        assert read.count(first.key) == 1
    finally:
        lib.close()


def test_an_index_of_the_form_before_is_made_again_once_with_the_texts(tmp_path: Path) -> None:
    lib, _ = _archive(tmp_path / "data", 20, listed=20)
    try:
        index_cached(lib.store)
        path = tmp_path / "data" / INDEX_FILE
        with sqlite3.connect(path) as db:
            db.execute("DROP TABLE bodies")
            db.execute(f"PRAGMA user_version={SCHEMA - 1}")
        found = search_cached(lib, lib.headlines(), Query("quay"), details=0)
        assert len(found.hits) == 20
        with sqlite3.connect(path) as db:
            assert db.execute("SELECT count(*) FROM bodies").fetchone() == (20,)
            assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA,)
        assert index_cached(lib.store) == 0  # once
    finally:
        lib.close()
