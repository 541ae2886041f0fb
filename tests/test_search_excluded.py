"""A word left out (`-word`, `NOT word`) through the index: a headline whose title or feed's
byline holds it is dropped unread (`full_text._rows_that_may`), and the search finds exactly
what a scan of every article finds. Real stores in tmp dirs, real SQLite FTS5."""

from __future__ import annotations

from pathlib import Path

from reader.full_text import Query, search
from reader.reports import Headline
from reader.search_index import INDEX_FILE, SearchIndex
from tests.test_search_index import _archive

_QUERIES = (
    "dredging -quay",  # every title holds it
    "dredging -berg",  # the feed's byline of a quarter
    "dredging -holt",  # the page's byline: read to be told
    "dredging -ferry",  # the text's
    'dredging -"week at the quay"',
    "dredging NOT story",
    "quay -dredging",
    "dredging OR ferry -berg -holt",
    "dredging -EU",
)


def test_a_word_left_out_finds_what_the_scan_finds(tmp_path: Path) -> None:
    lib, _ = _archive(tmp_path / "data", 40, listed=40)
    try:
        headlines = lib.headlines()
        index = SearchIndex(tmp_path / "data" / INDEX_FILE)
        index.catch_up(lib.store.article_times(), lib.store.indexed_text)
        for typed in _QUERIES:
            query = Query(typed)
            candidates = [index.candidates(word.typed) for word in query.words]
            scanned = search(headlines, query, lambda h: lib.searched(h.entry))
            found = search(headlines, query, lambda h: lib.searched(h.entry), candidates=candidates)
            assert [(h.headline.entry.id, h.snippet) for h in found] == [
                (h.headline.entry.id, h.snippet) for h in scanned
            ], typed
        index.close()
    finally:
        lib.close()


def test_a_headline_whose_title_holds_a_word_left_out_is_not_read(tmp_path: Path) -> None:
    lib, _ = _archive(tmp_path / "data", 40, listed=40)
    try:
        headlines = lib.headlines()
        index = SearchIndex(tmp_path / "data" / INDEX_FILE)
        index.catch_up(lib.store.article_times(), lib.store.indexed_text)
        read: list[str] = []

        def text(h: Headline) -> tuple[str, str, object] | None:
            read.append(h.entry.link)
            return lib.searched(h.entry)

        def reads(typed: str) -> int:
            query = Query(typed)
            read.clear()
            search(
                headlines,
                query,
                text,
                candidates=[index.candidates(word.typed) for word in query.words],
            )
            return len(read)

        every = reads("dredging")
        assert every == 40  # every text holds it
        assert reads("dredging -quay") == 0  # in every title
        assert reads("dredging -berg") == 30  # the feed's byline of a quarter
        assert reads("dredging -holt") == every  # only a read page tells its byline
        index.close()
    finally:
        lib.close()
