"""One catch-up of the search index at a time in a process (`SearchIndex.catch_up`): a search
started while another's indexing runs (the reader's `F` typed again) waits for it, told how far
it is, instead of reading and indexing every article a second time. Real stores, real SQLite
FTS5, real threads."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import pytest

from reader import search_index
from reader.search_index import INDEX_FILE, SearchIndex
from tests.test_search_index import _archive


def test_a_catch_up_started_during_anothers_waits_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_index, "_BATCH", 5)
    lib, _ = _archive(tmp_path / "data", 40, listed=40)
    path = tmp_path / "data" / INDEX_FILE
    try:
        stored = lib.store.article_times()
        reads: Counter[str] = Counter()
        first = threading.current_thread()
        second_going = threading.Event()
        second_told: list[tuple[int, int]] = []
        indexed: list[int] = []

        def text_of(key: str) -> str | None:
            reads[key] += 1
            if threading.current_thread() is not first:
                second_going.set()
            return lib.store.indexed_text(key)

        def second_told_of(done: int, total: int) -> None:
            second_told.append((done, total))
            second_going.set()  # it waits, told how far the first is

        def second_search() -> None:
            index = SearchIndex(path)
            try:
                indexed.append(index.catch_up(stored, text_of, second_told_of))
            finally:
                index.close()

        second = threading.Thread(target=second_search)

        def first_told_of(done: int, total: int) -> None:
            if done == 5 and not second.is_alive():  # the first batch in: `F` again
                second.start()
                # Until the second reads an article (as it did) or hears of the first.
                assert second_going.wait(30)

        index = SearchIndex(path)
        try:
            indexed.append(index.catch_up(stored, text_of, first_told_of))
        finally:
            index.close()
        second.join(60)
        # Every article read and indexed once, by the first; the second found none left.
        assert reads == Counter(dict.fromkeys(stored, 1))
        assert indexed == [40, 0]
        # The second was told how far the first had gone, then of the rest.
        assert second_told[0] == (5, 40) and second_told[-1] == (40, 40)
        index = SearchIndex(path)
        try:
            assert index.behind(stored) == ([], [])
        finally:
            index.close()
    finally:
        lib.close()
