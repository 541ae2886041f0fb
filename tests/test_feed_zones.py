"""A feed's RFC 822 date in a zone feedparser doesn't know is read in the zone it names, not
as UTC (acc46a A2): "JST", "CET", "UTC+9", "NPT", an "AM" before the offset; "IST" by the
feed's language or address, and a name no table holds leaves the time without its zone. A
date written as Unix time is that moment, not the year 1765 (A7). A date alone stays that date
in every zone (A4), a time without its zone is cited without one (A3), and no date (a broken
one, one ahead of the first reading) is cited as none (A5). Real parts: the feed served
on 127.0.0.1, `reader add` and `reader list --json` on a data directory of the test's."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.test_calendar_dates import _feed, _listed, run

AT_ONE = "Mon, 07 Dec 2026 01:00:00 "


def test_named_zones_are_read_in_their_zone(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    zones = {
        "JST": "+09:00", "KST": "+09:00", "CET": "+01:00", "EET": "+02:00", "MSK": "+03:00",
        "HKT": "+08:00", "SGT": "+08:00", "AEDT": "+11:00", "NPT": "+05:45", "UTC+9": "+09:00",
        "GMT+9": "+09:00", "EST": "-05:00", "GMT": "+00:00", "+0545": "+05:45",
    }  # fmt: skip
    listed = _listed(tmp_path, httpserver, capsys, _feed("", {z: AT_ONE + z for z in zones}))
    assert listed == {z: f"2026-12-07T01:00:00{offset}" for z, offset in zones.items()}


def test_an_am_before_the_offset_keeps_the_offset(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = _feed("", {"a": "Mon, 7 Dec 2026 1:00:00 AM +0900", "p": "Sun, 6 Dec 2026 1:00 PM CET"})
    assert _listed(tmp_path, httpserver, capsys, feed) == {
        "a": "2026-12-07T01:00:00+09:00",
        "p": "2026-12-06T13:00:00+01:00",
    }


@pytest.mark.parametrize(
    ("language", "offset"), [("en-IN", "+05:30"), ("he", "+02:00"), ("en-IE", "+01:00")]
)
def test_ist_is_the_zone_of_the_feeds_language(
    tmp_path: Path,
    httpserver: HTTPServer,
    capsys: pytest.CaptureFixture[str],
    language: str,
    offset: str,
) -> None:
    listed = _listed(tmp_path, httpserver, capsys, _feed(language, {"i": AT_ONE + "IST"}))
    assert listed == {"i": f"2026-12-07T01:00:00{offset}"}


def test_a_unix_time_is_that_moment_not_a_year_of_the_1700s(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = _listed(tmp_path, httpserver, capsys, _feed("", {"u": "1765069200"}))
    assert listed == {"u": "2025-12-07T01:00:00+00:00"}


@contextmanager
def _zone(name: str) -> Iterator[None]:
    """The commands run in the time zone `name`, in this process as in a user's shell."""
    was = os.environ.get("TZ", "UTC")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        os.environ["TZ"] = was
        time.tzset()


@pytest.fixture
def in_new_york() -> Iterator[None]:
    """The commands run at New York's time, west of UTC, where midnight UTC is the day before."""
    with _zone("America/New_York"):
        yield


DAY_ALONE = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Metro</title>'
    "<item><title>Snow forecast</title><link>http://127.0.0.1:9/snow</link><guid>snow</guid>"
    "<pubDate>2026-12-05</pubDate></item></channel></rss>"
)
DAY_ALONE_JSON = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Metro",
        "items": [
            {"id": "snow", "url": "http://127.0.0.1:9/snow", "title": "Snow forecast",
             "date_published": "2026-12-05"}
        ],
    }
)  # fmt: skip


@pytest.mark.parametrize(("feed", "kind"), [(DAY_ALONE, "rss+xml"), (DAY_ALONE_JSON, "feed+json")])
def test_a_date_alone_is_that_day_in_every_zone(
    tmp_path: Path,
    httpserver: HTTPServer,
    capsys: pytest.CaptureFixture[str],
    in_new_york: None,
    feed: str,
    kind: str,
) -> None:
    """acc46a A4: a feed's "2026-12-05" became midnight UTC: listed "2026-12-04 19:00" in New
    York, left out by `--since 2026-12-05`, marked read by `mark-read --before 2026-12-05`."""
    httpserver.expect_request("/feed").respond_with_data(feed, content_type=f"application/{kind}")
    assert run(tmp_path, capsys, "add", httpserver.url_for("/feed"))[0] == 0
    status, out = run(tmp_path, capsys, "list")
    assert status == 0 and re.search(r"  2026-12-05 +N ", out) and "2026-12-04" not in out, out
    (row,) = json.loads(run(tmp_path, capsys, "list", "--json")[1])
    assert row["published"] == "2026-12-05"
    assert len(json.loads(run(tmp_path, capsys, "list", "--since", "2026-12-05", "--json")[1])) == 1
    assert json.loads(run(tmp_path, capsys, "list", "--before", "2026-12-05", "--json")[1]) == []
    assert run(tmp_path, capsys, "mark-read", "--before", "2026-12-05")[0] == 0
    assert not json.loads(run(tmp_path, capsys, "list", "--json")[1])[0]["read"]


RFC822_UNSTATED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Parish Notices</title>'
    "<item><title>Bell practice moved</title><link>http://127.0.0.1:9/bell</link><guid>bell</guid>"
    "<pubDate>Sat, 05 Dec 2026</pubDate></item>"
    "<item><title>Choir at nine</title><link>http://127.0.0.1:9/choir</link><guid>choir</guid>"
    "<pubDate>Sat, 05 Dec 2026 09:00:00</pubDate></item></channel></rss>"
)


def test_an_rfc822_date_with_no_time_or_no_zone_is_that_day_and_that_wall_clock_time(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc51a A6: a pubDate of a day alone, or of a time with no zone (RFC 822 requires one),
    was taken for UTC as feedparser takes it: in Los Angeles the day's notice was listed on the
    4th at 16:00 and the choir's 09:00 at 01:00, both left out of `--since 2026-12-05`. They
    are read as a `dc:date` is: that day in every zone, and that wall-clock time."""
    httpserver.expect_request("/feed").respond_with_data(
        RFC822_UNSTATED, content_type="application/rss+xml"
    )
    with _zone("America/Los_Angeles"):
        assert run(tmp_path, capsys, "add", httpserver.url_for("/feed"))[0] == 0
        status, out = run(tmp_path, capsys, "list")
        assert status == 0 and "2026-12-04" not in out, out
        assert re.search(r"  2026-12-05 +N +Parish Notices: Bell", out), out
        assert re.search(r"  2026-12-05 09:00 +N +Parish Notices: Choir", out), out
        rows = json.loads(run(tmp_path, capsys, "list", "--json")[1])
        assert {row["title"]: row["published"] for row in rows} == {
            "Bell practice moved": "2026-12-05",
            "Choir at nine": "2026-12-05T09:00:00",
        }
        day = ("--since", "2026-12-05", "--before", "2026-12-06", "--json")
        assert len(json.loads(run(tmp_path, capsys, "list", *day)[1])) == 2


ZONELESS = (
    '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
    "<title>Kyiv Wire</title><id>k</id><updated>2026-12-06T23:45:00Z</updated>"
    "<entry><title>Power grid</title><link href='{link}'/><id>grid</id>"
    "<published>2026-12-06T23:45:00</published></entry></feed>"
)
PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Power grid</title></head>'
    "<body><article><h1>Power grid repairs finished overnight</h1>"
    '<p>By Olena Koval · <time datetime="2026-12-06T23:45:00">6 December 2026, 23:45</time></p>'
    + "".join(
        f"<p>{text}</p>"
        for text in (
            "Engineers restored the last of the lines cut by the storm before dawn, the grid's "
            "operator said, and every district of the city had power again by six o'clock.",
            "The operator said the repairs had taken four crews working in shifts through the "
            "night, and thanked residents for keeping their use low during the evening peak.",
            "Schools that had closed on Friday will open as usual on Monday, the city council "
            "said, and the trams will run to their winter timetable from the morning.",
        )
    )
    + "</article></body></html>"
)


def _synced_grid(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str], page: str = PAGE
) -> str:
    """A library of the test's subscribed to `ZONELESS`, its one page (`page`) synced; the
    page's address."""
    link = httpserver.url_for("/grid.html")
    httpserver.expect_request("/feed.xml").respond_with_data(
        ZONELESS.format(link=link), content_type="application/atom+xml"
    )
    httpserver.expect_request("/grid.html").respond_with_data(page, content_type="text/html")
    assert run(tmp_path, capsys, "add", httpserver.url_for("/feed.xml"))[0] == 0
    assert run(tmp_path, capsys, "sync")[0] == 0
    return link


def test_a_time_the_page_and_its_feed_give_without_a_zone_is_cited_without_one(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc46a A3: the page's `<time datetime="2026-12-06T23:45:00">` took the +00:00 feedparser
    had made up for the feed's zoneless time, "the same time with its zone", and was cited
    "Published: 2026-12-06T23:45:00+00:00": a moment neither gave."""
    link = _synced_grid(tmp_path, httpserver, capsys)
    status, out = run(tmp_path, capsys, "show", link, "--offline", "--format", "json")
    assert status == 0
    shown = json.loads(out)
    assert shown["published"] == "2026-12-06T23:45:00", shown
    status, out = run(tmp_path, capsys, "show", link, "--offline", "--format", "citation")
    assert "Published: 2026-12-06T23:45:00\n" in out, out


ZONED_PAGE = PAGE.replace('datetime="2026-12-06T23:45:00"', 'datetime="2026-12-06T23:45:00+02:00"')


def test_a_zoneless_feed_time_is_listed_at_the_zone_its_page_gives(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str], in_new_york: None
) -> None:
    """acc46a A6: the feed's zoneless 23:45, the page's 23:45 at +02:00. `reader show` gave
    the page's moment and the list the feed's wall-clock time, 7 h apart in New York."""
    link = _synced_grid(tmp_path, httpserver, capsys, ZONED_PAGE)
    status, out = run(tmp_path, capsys, "show", link, "--offline", "--format", "json")
    assert status == 0 and json.loads(out)["published"] == "2026-12-06T23:45:00+02:00", out
    (row,) = json.loads(run(tmp_path, capsys, "list", "--json")[1])
    assert row["published"] == "2026-12-06T23:45:00+02:00", row
    status, out = run(tmp_path, capsys, "list")
    assert status == 0 and "2026-12-06 16:45" in out and "23:45" not in out, out


BROKEN = (
    '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
    "<title>Kyiv Wire</title><id>k</id><updated>2026-12-06T23:45:00Z</updated>"
    "<entry><title>Broken date</title><link href='{link}'/><id>broken</id>"
    "<published>2026-13-45T99:00:00+02:00</published></entry>"
    "<entry><title>Embargoed</title><link href='{link2}'/><id>embargo</id>"
    "<published>{ahead}</published></entry></feed>"
)
UNDATED_PAGE = PAGE.replace(
    '<p>By Olena Koval · <time datetime="2026-12-06T23:45:00">6 December 2026, 23:45</time></p>',
    "<p>By Olena Koval</p>",
)


def test_no_date_or_a_date_ahead_is_cited_as_none_not_as_the_first_reading(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc46a A5: a broken date ("2026-13-45T99:00:00+02:00", feedparser's 2027-01-01), and an
    embargo's date days ahead, were cited with the time the headline was first read, "(per the
    feed)": no feed gave that time. No date is no date: none cited, the JSON's null."""
    link, link2 = httpserver.url_for("/broken.html"), httpserver.url_for("/embargo.html")
    ahead = (datetime.now(UTC) + timedelta(days=3)).isoformat(timespec="seconds")
    httpserver.expect_request("/feed.xml").respond_with_data(
        BROKEN.format(link=link, link2=link2, ahead=ahead), content_type="application/atom+xml"
    )
    for path in ("/broken.html", "/embargo.html"):
        httpserver.expect_request(path).respond_with_data(UNDATED_PAGE, content_type="text/html")
    assert run(tmp_path, capsys, "add", httpserver.url_for("/feed.xml"))[0] == 0
    assert run(tmp_path, capsys, "sync")[0] == 0
    listed = {r["title"]: r for r in json.loads(run(tmp_path, capsys, "list", "--json")[1])}
    assert listed["Broken date"]["published"] is None, listed
    for url in (link, link2):
        status, out = run(tmp_path, capsys, "show", url, "--offline", "--format", "json")
        assert status == 0 and json.loads(out)["published"] is None, (url, out)
        status, out = run(tmp_path, capsys, "show", url, "--offline", "--format", "citation")
        assert "Published:" not in out and "(per the feed)" not in out, (url, out)


def test_feeds_and_cache_give_times_in_local_time_with_their_zone(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc46a A9: in Tokyo, `reader feeds` said "headlines refreshed 2026-12-07 05:06 UTC" and
    `reader cache` "oldest … UTC" while the list and the reader said 14:06: two clocks."""
    _synced_grid(tmp_path, httpserver, capsys)
    with _zone("Asia/Tokyo"):
        status, feeds = run(tmp_path, capsys, "feeds")
        cache_status, cache = run(tmp_path, capsys, "cache")
    assert status == 0 and cache_status == 0
    assert "headlines refreshed " in feeds and " JST" in feeds and "UTC" not in feeds, feeds
    assert " JST" in cache and "UTC" not in cache, cache


def test_a_time_the_clock_shows_twice_is_before_the_next_minute_of_either(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc46a A8: in Kyiv, an item at the second 03:30 of the night the clocks go back was
    listed "2026-10-25 03:30" but not `--before 2026-10-25T03:31`, the first 03:31 taken."""
    feed = _feed("", {"dst": "2026-10-25T03:30:00+02:00"}, atom=True)
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed, content_type="application/atom+xml"
    )
    assert run(tmp_path, capsys, "add", httpserver.url_for("/feed.xml"))[0] == 0
    with _zone("Europe/Kyiv"):
        assert "2026-10-25 03:30" in run(tmp_path, capsys, "list")[1]
        for bound in (["--before", "2026-10-25T03:31"], ["--since", "2026-10-25T03:30"]):
            listed = json.loads(run(tmp_path, capsys, "list", *bound, "--json")[1])
            assert [row["title"] for row in listed] == ["dst"], bound


def _pruned(tmp_path: Path, capsys: pytest.CaptureFixture[str], older_than: str) -> list[str]:
    """Every headline marked read, then `reader cache prune --headlines-older-than`: the titles
    left."""
    assert run(tmp_path, capsys, "mark-read", "--before", "2100-01-01")[0] == 0
    status, out = run(tmp_path, capsys, "cache", "prune", "--headlines-older-than", older_than)
    assert status == 0, out
    return [row["title"] for row in json.loads(run(tmp_path, capsys, "list", "--json")[1])]


def test_prune_takes_a_time_the_clock_shows_twice_as_list_before_does(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--before` took the later of Kyiv's two 03:31 (acc46a A8); `cache prune
    --headlines-older-than` took the earlier and kept the headline listed at the second 03:30."""
    feed = _feed("", {"dst": "2026-10-25T03:30:00+02:00"}, atom=True)
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed, content_type="application/atom+xml"
    )
    assert run(tmp_path, capsys, "add", httpserver.url_for("/feed.xml"))[0] == 0
    with _zone("Europe/Kyiv"):
        assert _pruned(tmp_path, capsys, "2026-10-25T03:31") == []


def test_prune_takes_a_date_alone_as_that_local_day_as_list_before_does(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str], in_new_york: None
) -> None:
    """A feed's "2026-12-05" is not `--before 2026-12-05` in New York (acc46a A4), but `cache
    prune --headlines-older-than 2026-12-05` dropped it: midnight UTC, the evening before."""
    httpserver.expect_request("/feed").respond_with_data(
        DAY_ALONE, content_type="application/rss+xml"
    )
    assert run(tmp_path, capsys, "add", httpserver.url_for("/feed"))[0] == 0
    assert _pruned(tmp_path, capsys, "2026-12-05") == ["Snow forecast"]
    assert _pruned(tmp_path, capsys, "2026-12-06") == []


def test_headlines_an_older_reader_kept_get_the_wall_clock_time_at_the_next_sync(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc51d D2: a headline an older reader (FEED_READING_VERSION 5) kept, its zone-less
    pubDate read as UTC and its page cached, stayed at 01:00 in Los Angeles after the sync
    that read it again: the list took the cached copy's date (the feed's old reading) for
    the page's zone. The copy is dated as the feed's item is read now."""
    from reader.store import Store

    page = "<html><head><title>Choir at nine</title></head><body><article><h1>Choir at nine</h1>"
    page += "<p>The choir meets at nine in the hall beside the church, as every week.</p>" * 6
    page += "</article></body></html>"
    httpserver.expect_request("/choir").respond_with_data(page, content_type="text/html")
    feed = RFC822_UNSTATED.replace("http://127.0.0.1:9/choir", httpserver.url_for("/choir"))
    served = feed.replace("09:00:00<", "09:00:00 GMT<")
    httpserver.expect_request("/feed").respond_with_data(served, content_type="application/rss+xml")
    with _zone("America/Los_Angeles"):
        assert run(tmp_path, capsys, "add", httpserver.url_for("/feed"))[0] == 0
        run(tmp_path, capsys, "sync")  # the choir's page cached
        store = Store(tmp_path)  # as an older reader left it: read with version 5
        try:
            url = httpserver.url_for("/feed")
            kept = store._load(store._state, f"feed:{url}")
            store._save(store._state, f"feed:{url}", {**kept, "read_with": 5})
        finally:
            store.close()
        assert re.search(
            r"  2026-12-05 01:00 +N↓ +Parish Notices: Choir", run(tmp_path, capsys, "list")[1]
        )
        httpserver.clear()
        httpserver.expect_request("/choir").respond_with_data(page, content_type="text/html")
        httpserver.expect_request("/feed").respond_with_data(
            feed, content_type="application/rss+xml"
        )
        run(tmp_path, capsys, "sync")  # the bell's link leads nowhere: the sync says so
        out = run(tmp_path, capsys, "list")[1]
        assert re.search(r"  2026-12-05 09:00 +N↓ +Parish Notices: Choir", out), out
