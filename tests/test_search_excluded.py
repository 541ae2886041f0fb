"""A word left out (`-word`, `NOT word`) through the index: a headline whose title or feed's
byline holds it is dropped unread (`full_text._rows_that_may`); what is found is still what a
scan finds (test_search_index's queries). Real stores in tmp dirs, real SQLite FTS5."""

from __future__ import annotations

from pathlib import Path

from reader.full_text import Query, search
from reader.reports import Headline
from reader.search_index import INDEX_FILE, SearchIndex
from tests.test_search_index import _archive


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
