"""The texts the index keeps, read 200 to a query once a search says which it will ask for
(`KeptBodies.expect`): each the same as read alone, in any order asked, twice, or unexpected.
A real store and index in a tmp dir."""

from __future__ import annotations

from pathlib import Path

from reader.library.text_search import index_cached
from reader.search_bodies import KeptBodies
from reader.search_index import index_path
from tests.test_search_index import _archive


def test_texts_read_in_batches_are_those_read_one_by_one(tmp_path: Path) -> None:
    lib, _ = _archive(tmp_path / "data", 450, listed=450)
    try:
        index_cached(lib.store)
        stored = lib.store.article_times()
        keys = sorted(stored)
        alone = KeptBodies(index_path(lib.store.root), stored)
        batched = KeptBodies(index_path(lib.store.root), stored)
        try:
            expected = [alone(key) for key in keys]
            assert all(kept is not None for kept in expected)
            batched.expect([*keys[:300], "no-such-key", *keys[300:]])
            # In order, past a batch's end, a key skipped and asked later, one asked twice.
            asked = [*keys[:250], *keys[251:], keys[250], keys[10]]
            got = {key: batched(key) for key in asked}
            assert [got[key] for key in keys] == expected
            assert batched("no-such-key") is None
        finally:
            alone.close()
            batched.close()
    finally:
        lib.close()
