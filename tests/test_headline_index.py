"""The headline index a refresh fills in feed by feed (`HeadlineIndex.with_feeds`): the same
list, counts and links as one read whole, and a flag the user set while the store was being
read not undone by what was read."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from reader.models import Entry, Feed
from reader.reports import Headline, newest_first
from reader.ui.headlines import HeadlineIndex

NOON = datetime(2026, 11, 24, 12, tzinfo=UTC)
FEEDS = [Feed(f"https://{name}.example/feed.xml", title=name.title()) for name in ("quay", "cliff")]


def _headlines(feed: Feed, count: int, offset: int, *, cached: bool = False) -> list[Headline]:
    """`count` headlines of `feed`, an hour apart, the newest `offset` minutes before noon."""
    host = feed.url.split("/")[2]
    return [
        Headline(
            Entry(
                id=f"{host}-{n}",
                feed_url=feed.url,
                title=f"Story {n} from {host}",
                link=f"https://{host}/2026/story-{n}.html",
                published=NOON - timedelta(minutes=offset + 60 * n),
            ),
            read=n % 3 == 0,
            cached=cached and n % 2 == 0,
            saved=n == 1,
        )
        for n in range(count)
    ]


def _same(filled: HeadlineIndex, whole: HeadlineIndex) -> None:
    assert [h.entry.id for h in filled.headlines] == [h.entry.id for h in whole.headlines]
    assert filled.unread_counts() == whole.unread_counts()
    assert (filled.cached, filled.saved) == (whole.cached, whole.saved)
    for feed in FEEDS:
        assert filled.unread_in(feed.url) == whole.unread_in(feed.url)
        assert filled.view(feed.url) == whole.view(feed.url)
        assert filled.count_in(feed.url) == whole.count_in(feed.url)
        assert filled.unread_view(feed.url) == whole.unread_view(feed.url)
    assert filled.unread_view(None) == whole.unread_view(None)
    for headline in whole.headlines:
        assert filled.get(headline.entry.id) == headline
        assert filled.by_link(headline.entry.link) == whole.by_link(headline.entry.link)


def test_feeds_filled_in_one_by_one_make_the_index_read_whole() -> None:
    quay, cliff = FEEDS
    first, second = _headlines(quay, 7, 0), _headlines(cliff, 5, 30, cached=True)
    index = HeadlineIndex(FEEDS).with_feeds(FEEDS, {quay.url}, first, 0)
    assert [h.entry.id for h in index.view(None)] == [h.entry.id for h in first]
    index = index.with_feeds(FEEDS, {cliff.url}, second, 0)
    _same(index, HeadlineIndex(FEEDS, sorted(first + second, key=newest_first)))
    # A feed in again with a new story (and one gone past its limit): replaced, not added to.
    again = _headlines(cliff, 6, -30, cached=True)[:5]
    index = index.with_feeds(FEEDS, {cliff.url}, again, 0)
    _same(index, HeadlineIndex(FEEDS, sorted(first + again, key=newest_first)))


def test_a_flag_set_while_the_store_was_read_is_kept() -> None:
    quay, cliff = FEEDS
    index = HeadlineIndex(FEEDS, _headlines(quay, 4, 0) + _headlines(cliff, 4, 30))
    since = index.edits
    index.set_read("cliff.example-1", True)  # `m` while the refresh read the feed
    read_before = _headlines(cliff, 4, 30)  # what the store said, before the `m`
    retitled = [replace(h, entry=replace(h.entry, title=h.entry.title + "!")) for h in read_before]
    filled = index.with_feeds(FEEDS, {cliff.url}, retitled, since)
    kept = filled.get("cliff.example-1")
    assert kept is not None and kept.read  # the user's flag…
    assert kept.entry.title == "Story 1 from cliff.example!"  # …on the entry as read now
    assert filled.unread_in(cliff.url) == 1  # of 4: 0 and 3 were read, and now 1
    # Read after the `m` (the edit is not newer than the read): what the store says stands.
    stood = index.with_feeds(FEEDS, {cliff.url}, read_before, index.edits).get("cliff.example-1")
    assert stood is not None and not stood.read


def test_a_list_unread_only_keeps_the_rows_read_where_they_stood() -> None:
    """`unread_view`: the unread headlines, and those of `keep` (read since the list was shown)
    in their places among them, newest first, of every feed or one."""
    quay, cliff = FEEDS
    every = sorted(_headlines(quay, 9, 0) + _headlines(cliff, 8, 30), key=newest_first)
    index = HeadlineIndex(FEEDS, every)
    unread = [h for h in every if not h.read]
    assert index.unread_view(None) == unread and index.count_in(None) == len(every)
    read = [h.entry.id for h in every if h.read]
    keep = {read[0], read[3], read[-1], "gone-meanwhile"}
    assert index.unread_view(None, keep) == [h for h in every if not h.read or h.entry.id in keep]
    assert index.unread_view(quay.url, keep) == [
        h for h in every if h.entry.feed_url == quay.url and (not h.read or h.entry.id in keep)
    ]
    assert index.count_in(quay.url) == 9 and index.count_in(cliff.url) == 8


def test_articles_several_feeds_list_filled_in_feed_by_feed_are_one_row() -> None:
    """Feeds sharing stories (one link), filled in one by one, again and again with stories
    come and gone, dated apart and alike, one of no feed among them: "All feeds" lists each
    story once and counts it once, under its newest row's feed, and each row's other feeds
    and article are the index read whole's, after each feed (a story a refresh brought to a
    second feed was listed twice till the next reload)."""
    rng = random.Random(40)
    feeds = [Feed(f"https://{name}.example/feed.xml") for name in ("quay", "cliff", "wire")]
    unlisted = [
        Headline(Entry("saved-1", "", "Kept", "https://news.example/s-3.html", NOON), True, True)
    ]

    def rows_of(feed: Feed) -> list[Headline]:
        host = feed.url.split("/")[2]
        stories = rng.sample(range(12), rng.randint(0, 8))
        return sorted(
            (
                Headline(
                    Entry(
                        id=f"{host}-{n}-{rng.randint(0, 1)}",  # now and then listed anew
                        feed_url=feed.url,
                        title=f"Story {n}",
                        link=f"https://news.example/s-{n}.html",
                        published=NOON - timedelta(hours=n, minutes=rng.choice((0, 0, 5))),
                    ),
                    read=rng.random() < 0.3,
                    cached=False,
                )
                for n in stories
            ),
            key=newest_first,
        )

    listed = {feed.url: rows_of(feed) for feed in feeds}
    every = sorted((h for rows in listed.values() for h in rows), key=newest_first)
    index = HeadlineIndex(feeds, every, unlisted)
    for turn in range(40):
        feed = rng.choice(feeds)
        listed[feed.url] = rows_of(feed)
        index = index.with_feeds(feeds, {feed.url}, listed[feed.url], 0)
        every = [h for f in feeds for h in listed[f.url]]
        assert sorted(h.entry.id for h in index.headlines) == sorted(h.entry.id for h in every)
        # Read whole in the order filled (two feeds' stories of one time: the one in first).
        every = list(index.headlines)
        whole = HeadlineIndex(feeds, every, unlisted)
        assert [h.entry.id for h in index.view(None)] == [h.entry.id for h in whole.view(None)], (
            turn
        )
        assert index.unread_in(None) == whole.unread_in(None), turn
        assert index.count_in(None) == whole.count_in(None), turn
        for headline in (*every, *unlisted):
            entry_id = headline.entry.id
            assert index.also_in(entry_id) == whole.also_in(entry_id), turn
            assert index.same_article(entry_id) == whole.same_article(entry_id), turn
            assert index.by_link(headline.entry.link) == whole.by_link(headline.entry.link)
