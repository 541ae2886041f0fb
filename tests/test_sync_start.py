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
        # A list's headlines hold none of the summary of one cached (`Entry.summary_cut`):
        # the entries as kept have it whole.
        listed = {h.entry.id: h for h in lib.headlines()}
        whole = {e.id: e for url in lib.store.feed_urls() for e in lib.store.entries(url)}
        gone = next(h for h in listed.values() if h.cached and whole[h.entry.id].summary)
        assert lib.store.forget_article(gone.entry.link)  # fetched by the next sync
        start = lib._sync_start()
    finally:
        lib.close()
    assert [h.entry.id for h in start.headlines] == list(listed)  # in the same order
    lean = [h for h in start.headlines if h.key in start.skipped]
    assert len(lean) > 10
    for h in lean:
        was = whole[h.entry.id]
        assert h.entry == replace(was, summary="", author="", feed_title="")
        shown = listed[h.entry.id]
        assert replace(h, entry=shown.entry) == shown  # marked as a list marks it
    assert any(whole[h.entry.id].summary for h in lean)
    (fetched,) = [h for h in start.headlines if h.entry.id == gone.entry.id]
    assert fetched.key not in start.skipped and fetched.entry == whole[gone.entry.id]
    assert fetched.entry.summary == whole[gone.entry.id].summary != ""
