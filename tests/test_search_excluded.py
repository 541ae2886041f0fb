"""A word left out (`-word`, `NOT word`) through the index: a headline whose title holds it
is dropped unread (`full_text._rows_that_may`), and it is looked for only in the
texts the index names for it; what is found is still what a scan finds (test_search_index's
queries). Real stores in tmp dirs, real SQLite FTS5."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader import full_text
from reader.fold import fold
from reader.full_text import Query, search
from reader.library.text_search import search_cached
from reader.reports import Headline
from reader.search_index import INDEX_FILE, SearchIndex
from reader.search_query import _Word
from tests.test_search_index import _archive, _article


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
        # The feed's byline of a quarter: read, the page's byline being the one looked in
        # where it gives one (acc40a M2: a council's PDF, its feed naming a reporter).
        assert reads("dredging -berg") == every
        assert reads("dredging -holt") == every  # only a read page tells its byline
        index.close()
    finally:
        lib.close()


def test_a_word_left_out_is_looked_for_only_in_the_texts_the_index_names_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`harbour -sofia` looked for "sofia" through the whole text of every harbour story that
    doesn't hold it (a third of the search's time in a year's cache): the index tells which
    can't hold it, and those are not looked in for it. An article cached again during the
    search (a sync's) is looked in whole: the index told of its earlier text."""
    lib, entries = _archive(tmp_path / "data", 30, listed=30)
    try:
        headlines = lib.headlines()
        looked_in: list[str] = []
        search_in = full_text._Folded.search

        def counted(folded: full_text._Folded, word: _Word) -> re.Match[str] | None:
            if word.typed == "lodz":
                looked_in.append(folded.given)
            return search_in(folded, word)

        monkeypatch.setattr(full_text._Folded, "search", counted)
        query = Query("dredging -lodz")
        found = search_cached(lib, headlines, query, unlisted=False)
        # Łódź is in the text of two stories in three (`_archive`): the third are the hits.
        assert [h.headline.entry.link for h in found.hits] == [
            entries[n].link for n in range(30) if n % 3 == 1
        ]
        texts = [text for text in looked_in if "Paragraph two" in text]
        # Never one that lacks it (as written, or as the index keeps the text: "Lodz").
        assert texts and all("Lodz" in fold(text) for text in texts)
        # A hit's article cached again mid-search, Łódź in it now: no hit.
        changed = entries[4].link  # n % 3 == 1
        again = [False]

        def meanwhile() -> bool:
            if not again[0]:
                again[0] = True
                lib.store.put_article(changed, _article(changed, entries[4].title, 3))
            return False

        found = search_cached(lib, headlines, query, unlisted=False, stopped=meanwhile)
        links = [h.headline.entry.link for h in found.hits]
        assert changed not in links
        assert links == [entries[n].link for n in range(30) if n % 3 == 1 and n != 4]
    finally:
        lib.close()
