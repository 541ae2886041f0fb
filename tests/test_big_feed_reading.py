"""A big feed's first reading does each item's work once (bigfeed41, acc40b P11: the first
`reader add` of a 5 MB feed of 3,000 items took 2-3 times newsboat's): an RSS item's one date
is read once, not as its published and again as its updated time, and feedparser's copies of
an element's parameters (title, summary) are made without `copy.deepcopy`'s generic walk. What
is read is what it was (`benchmarks/same_feed_items.py` compares every field of every item)."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta, timezone

import feedparser
import pytest

from reader import feeds
from reader.feeds import parse_feed

URL = "https://news.example/feed.xml"


def _rss(count: int) -> bytes:
    items = "".join(
        f"<item><title>Story {i}</title><link>https://news.example/{i}</link><guid>g{i}</guid>"
        f"<pubDate>Sat, 05 Dec 2026 10:{i % 60:02d}:00 +0100</pubDate>"
        f"<description>Words of story {i}.</description></item>"
        for i in range(count)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"<link>https://news.example/</link>{items}</channel></rss>"
    ).encode()


def _counted(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    """Calls of `owner.name` counted, the real one doing the work."""
    calls = [0]
    real = getattr(owner, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_an_rss_items_one_date_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counted(monkeypatch, feeds, "feed_time")
    parsed = parse_feed(_rss(50), URL)
    assert calls[0] == 50  # main read each twice: 100
    first = parsed.entries[0]
    moment = datetime(2026, 12, 5, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert first.published == first.updated == moment
    assert first.published.utcoffset() == timedelta(hours=1)  # the offset the feed wrote


def test_an_atom_entrys_two_dates_are_read_apart() -> None:
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
        b"<entry><id>e1</id><title>One</title><link href='https://news.example/1'/>"
        b"<published>2026-12-01T08:00:00Z</published><updated>2026-12-03T09:30:00Z</updated>"
        b"</entry><entry><id>e2</id><title>Two</title><link href='https://news.example/2'/>"
        b"<updated>2026-12-04T07:00:00Z</updated></entry></feed>"
    )
    one, two = parse_feed(atom, URL).entries
    assert one.published == datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    assert one.updated == datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
    # No published date: the updated one stands for it, as before.
    assert two.published == two.updated == datetime(2026, 12, 4, 7, 0, tzinfo=UTC)


def test_feedparsers_element_parameters_are_copied_without_deepcopy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _counted(monkeypatch, copy, "deepcopy")
    parsed = feedparser.parse(_rss(20), sanitize_html=False, resolve_relative_uris=False)
    assert calls[0] == 0  # main: one for each title and description, 41
    item = parsed.entries[0]
    # Each a dictionary of its own, of the class and contents deepcopy gave.
    assert type(item.title_detail) is feedparser.FeedParserDict
    assert item.title_detail is not item.summary_detail
    assert item.title_detail == {
        "type": "text/plain",
        "language": None,
        "base": "",
        "value": "Story 0",
    }
    assert item.summary_detail["value"] == "Words of story 0."
    item.title_detail["type"] = "changed"
    assert parsed.entries[1].title_detail["type"] == "text/plain"


def test_other_values_are_still_copied_deep() -> None:
    held = ["a list"]
    params = feedparser.FeedParserDict({"type": "text/html", "held": held})
    copied = feedparser.mixin.copy.deepcopy(params)
    assert copied == params and copied["held"] is not held
    marked = feedparser.FeedParserDict({"type": "text/html"})
    marked.note = "an attribute"
    assert feedparser.mixin.copy.deepcopy(marked).note == "an attribute"
