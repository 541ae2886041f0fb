"""What a sync reads before it refreshes the feeds (`sync_start`): every headline as it was, but
those whose article it will neither fetch nor fetch again without their texts (summary, author,
feed title), which it never reads: a year's 51,550 were held through every sync, nothing
changed or not."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.library import Library


def test_a_sync_starts_with_the_texts_of_only_the_articles_it_may_fetch(
    synced_dir: Path,
) -> None:
    lib = Library(synced_dir)
    try:
        whole = {h.entry.id: h for h in lib.headlines()}
        gone = next(h for h in whole.values() if h.cached and h.entry.summary)
        assert lib.store.forget_article(gone.entry.link)  # fetched by the next sync
        start = lib._sync_start()
    finally:
        lib.close()
    assert [h.entry.id for h in start.headlines] == list(whole)  # in the same order
    lean = [h for h in start.headlines if h.key in start.skipped]
    assert len(lean) > 10
    for h in lean:
        was = whole[h.entry.id].entry
        assert h.entry == replace(was, summary="", author="", feed_title="")
        assert replace(h, entry=was) == whole[h.entry.id]  # marked as a list marks it
    assert any(whole[h.entry.id].entry.summary for h in lean)
    (fetched,) = [h for h in start.headlines if h.entry.id == gone.entry.id]
    assert fetched.key not in start.skipped and fetched.entry == gone.entry
