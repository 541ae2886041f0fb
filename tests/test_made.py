"""`models.made` builds the entries and headlines of every list without their `__init__`: the
ones it makes are the dataclasses' own, every field set (a field added to `Entry` or `Headline`
and not to its maker would be missing here, not in a list's row)."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime

from reader.codec import entry_from_dict, entry_to_dict
from reader.library.headline_marks import HeadlineMarks
from reader.models import Entry, made
from reader.reports import Headline


def _entry(**changes: object) -> Entry:
    values = {
        "id": "ct-2207",
        "feed_url": "https://coastal.example/feed.xml",
        "title": "Harbour dredging to start in spring",
        "link": "https://coastal.example/news/dredging.html",
        "published": datetime(2026, 11, 30, 7, 45, tzinfo=UTC),
        "updated": None,
        "author": "M. Tregarthen",
        "summary": "The port authority confirmed the contract on Friday.",
        "feed_title": "The Coastal Times",
    }
    return Entry(**{**values, **changes})  # type: ignore[arg-type]


def test_an_entry_decoded_is_the_one_encoded_every_field_set() -> None:
    for entry in (_entry(), _entry(published=None, updated=datetime(2026, 12, 1, tzinfo=UTC))):
        decoded = entry_from_dict(entry_to_dict(entry))
        assert decoded == entry
        assert set(vars(decoded)) == {f.name for f in fields(Entry)}
        assert hash(decoded) == hash(entry)


def test_an_entry_missing_its_dates_and_texts_decodes_with_the_defaults() -> None:
    decoded = entry_from_dict({"id": "ct-1", "feed_url": "https://coastal.example/feed.xml"})
    assert decoded == Entry("ct-1", "https://coastal.example/feed.xml", "", "")


def test_a_headline_marked_is_the_one_its_init_makes() -> None:
    entry = _entry()
    key = "coastal.example/news/dredging.html"
    marks = HeadlineMarks({key: {"at": 1.0}}, {key}, set(), set(), set())
    made = marks.headline(entry, key, read=True)
    assert made == Headline(entry, read=True, cached=True, saved=True, key=key, saved_at=1.0)
    assert set(vars(made)) == {f.name for f in fields(Headline)}


def test_entries_made_share_their_class_s_keys_not_a_table_each() -> None:
    # A year's 51,500 entries and as many headlines are made at every start: a dict of its own
    # for each (what `__dict__.update` makes) held ~530 bytes an entry, the keys shared ~250.
    import tracemalloc

    values = [
        {f.name: getattr(_entry(id=f"ct-{n}"), f.name) for f in fields(Entry)} for n in range(2000)
    ]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        entries = [made(Entry, v) for v in values]
        per_entry = (tracemalloc.get_traced_memory()[0] - before) / len(entries)
    finally:
        tracemalloc.stop()
    assert per_entry < 400
    assert entries[7] == _entry(id="ct-7")


def test_a_feed_s_entries_decoded_share_its_strings_and_keys_are_their_links() -> None:
    # Decoded from JSON, each record's feed address, feed title and author were strings of
    # their own, each article key a copy of its link: one string each now.
    import json

    from reader.keys import ARTICLE_KEY_VERSION
    from reader.store.feeds import keyed

    link = "https://coastal.example/news/dredging-{}.html"
    kept = [
        {
            **entry_to_dict(_entry(id=f"ct-{n}", link=link.format(n))),
            "updated": entry_to_dict(_entry())["published"],
            "article_key": link.format(n),
            "key_version": ARTICLE_KEY_VERSION,
        }
        for n in range(3)
    ]
    records = json.loads(json.dumps(kept))
    (a, key_a), (b, _) = keyed(records[0]), keyed(records[1])
    assert a.feed_url is b.feed_url and a.feed_title is b.feed_title and a.author is b.author
    assert a.updated is a.published
    assert key_a is a.link
