"""`models.made` builds the entries and headlines of every list without their `__init__`: the
ones it makes are the dataclasses' own, every field set (a field added to `Entry` or `Headline`
and not to its maker would be missing here, not in a list's row)."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime

from reader.codec import entry_from_dict, entry_to_dict
from reader.library.headline_marks import HeadlineMarks
from reader.models import Entry
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
    assert made == Headline(entry, read=True, cached=True, saved=True, key=key)
    assert set(vars(made)) == {f.name for f in fields(Headline)}
