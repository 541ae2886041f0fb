"""Times written while the machine's clock was wrong (a laptop whose clock reset, a VM resumed
from a snapshot) are bounded by what the data says once it is right: a story found gone "a year
from now" is asked again, not left for a year."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from served_feed import serve_stories, story_page
from story_site import StorySite, _Handler, serving
from test_cli import reader
from werkzeug import Response

from reader.dates import retrieved_as_believed, served_time
from reader.keys import article_key
from reader.library import Library

STORIES = [("Harbour wall finished", 9), ("Ferry timetable changes", 8)]
YEAR = 365 * 86400.0
DAY = timedelta(days=1)


def test_a_story_found_gone_under_a_clock_a_year_ahead_is_asked_again(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc29b T14: found 404 with the clock a year ahead, it was not asked again for a year."""
    httpserver.expect_request("/story-8.html").respond_with_data("", status=404)
    home = tmp_path / "home"
    assert reader(home, "add", serve_stories(httpserver, "Harbour", STORIES)).returncode == 0
    assert "taken down" in reader(home, "sync").stderr
    gone = httpserver.url_for("/story-8.html")
    lib = Library(home)
    try:
        (key,) = lib.store.gone()
        assert key == article_key(gone)
        # As a sync under a clock a year ahead wrote it (`Store.mark_gone`).
        lib.store._articles.set(f"gone:{key}", (time.time() + YEAR, 404))
    finally:
        lib.close()
    httpserver.clear_log()
    reader(home, "sync")
    assert [r.path for r, _ in httpserver.log].count("/story-8.html") == 1


def test_articles_cached_under_a_clock_40_days_behind_are_not_pruned_as_old(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc29b T10: a sync with the clock 40 days behind, before the stories it cached were
    published; with the clock right, `prune --older-than` took them for 40 days unread and
    evicted every one, and their citations said "Retrieved" before the story existed."""
    home = tmp_path / "home"
    assert reader(home, "add", serve_stories(httpserver, "Harbour", STORIES)).returncode == 0
    assert reader(home, "sync").returncode == 0
    lib = Library(home)
    try:
        (headline, _) = lib.headlines()
        published = headline.entry.published
        assert published is not None
        behind = published - timedelta(days=40)
        for h in lib.headlines():
            # As a sync under that clock cached it: its record's retrieval time, and the
            # store's own write times (diskcache's, the clock's as the rows were written).
            article = lib.store.article(h.entry.link)
            assert article is not None
            lib.store.put_article(h.entry.link, replace(article, fetched_at=behind))
            key = article_key(h.entry.link)
            lib.store._articles._sql(
                "UPDATE Cache SET store_time = ? WHERE key IN (?, ?)",
                (behind.timestamp(), f"article:{key}", f"raw:{key}"),
            )
    finally:
        lib.close()
    # Older than the wrong clock's retrieval, newer than the stories themselves.
    days = (datetime.now(UTC) - published).days + 10
    pruned = reader(home, "cache", "prune", "--older-than", f"{days}d", "--dry-run")
    assert pruned.returncode == 0
    assert "would evict 0 articles" in pruned.stdout, pruned.stdout
    shown = reader(home, "show", "--offline", headline.entry.id)
    assert f"Retrieved: {published.isoformat(timespec='seconds')}" in shown.stdout, shown.stdout


def test_a_retrieval_time_is_mended_only_where_the_clock_must_have_been_wrong() -> None:
    now = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)
    published = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    year = timedelta(days=365)
    assert retrieved_as_believed(now + year, published, now) == now  # the clock was ahead
    assert retrieved_as_believed(now - 40 * DAY, published, now) == published  # behind
    hour_before = published - timedelta(hours=1)  # a zone's mistake, not the clock's
    assert retrieved_as_believed(hour_before, published, now) == hour_before
    # A page dated ahead of now proves nothing of the clock that retrieved it.
    assert retrieved_as_believed(now - 40 * DAY, now + year, now) == now - 40 * DAY
    # The server's answer, kept where the clock was behind it (`served_time`), is the moment.
    reset = datetime(2000, 1, 1, tzinfo=UTC)
    answered = now - DAY
    assert served_time("Fri, 04 Dec 2026 08:00:00 GMT", reset) == answered
    assert retrieved_as_believed(reset, None, now, answered) == answered
    assert retrieved_as_believed(reset, published, now, answered) == answered
    assert served_time("Fri, 04 Dec 2026 08:00:00 GMT", now - 2 * DAY) is None  # agreeing
    assert served_time("Sat, 01 Jan 2000 00:00:00 GMT", now) is None  # a server behind
    # A clock a day fast (acc43c C5): the server's time, as it answered, is the moment.
    fast = now + DAY
    assert served_time("Sat, 05 Dec 2026 08:00:00 GMT", fast) == now
    assert retrieved_as_believed(fast, published, fast + DAY, now) == now
    assert retrieved_as_believed(fast, published, now, now) == now
    # Half an hour apart is a server's clock, not this one; three hours behind with the Age a
    # cache kept the copy, the answer's own time agrees.
    assert served_time("Sat, 05 Dec 2026 07:30:00 GMT", now) is None
    assert served_time("Sat, 05 Dec 2026 05:00:00 GMT", now, "10800") is None
    assert served_time("Sat, 05 Dec 2026 05:00:00 GMT", now, "x") == now - timedelta(hours=3)
    assert served_time("not a date", now) is None


def test_a_sync_under_a_clock_reset_to_2000_leaves_no_date_of_the_clocks_for_the_page(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc31a F7: a sync with the clock reset to 2000-01-01 (a dead RTC battery) left its
    articles listed "(the page: 2000-01-01)" for good, `reextract` too, and their "Retrieved"
    made up from the story's date with no word of it. Now no date of the clock's is given for
    the page's, and the copy's retrieval time says it was mended."""
    home = tmp_path / "home"
    assert reader(home, "add", serve_stories(httpserver, "Harbour", STORIES)).returncode == 0
    assert reader(home, "sync").returncode == 0
    reset = datetime(2000, 1, 1, tzinfo=UTC)
    lib = Library(home)
    try:
        headline = lib.headlines()[0]
        published = headline.entry.published
        assert published is not None
        for h in lib.headlines():
            # As a sync under that clock cached it (its kept page as it came).
            article = lib.store.article(h.entry.link)
            assert article is not None
            lib.store.put_article(h.entry.link, replace(article, fetched_at=reset))
    finally:
        lib.close()
    for step in ("as cached", "re-extracted"):
        listing = reader(home, "list")
        assert listing.returncode == 0 and "the page: 2000" not in listing.stdout, (step, listing)
        shown = reader(home, "show", "--offline", headline.entry.id)
        assert f"Retrieved: {published.isoformat(timespec='seconds')}" in shown.stdout, shown
        assert (
            "Note: the computer's clock was wrong when this copy was retrieved (it said"
            " 2000-01-01): the time given is the story's own, the earliest it can have been"
        ) in shown.stdout, (step, shown.stdout)
        assert reader(home, "reextract", "--all").returncode == 0


def _one_story(server: HTTPServer, path: str, page: str, dated: str = "") -> str:
    """Serve a feed at /feed.xml of one item, its page `page` at `path`, `dated` its date's
    element ("" for none); the server's address."""
    base = server.url_for("").rstrip("/")
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>'
        f"<item><title>Harbour wall finished</title><link>{base}{path}</link>{dated}</item>"
        "</channel></rss>"
    )
    server.expect_request("/feed.xml").respond_with_data(feed, content_type="application/rss+xml")
    server.expect_request(path).respond_with_data(page, content_type="text/html")
    return base


def _story_home(tmp_path: Path, server: HTTPServer) -> Path:
    """A library subscribed to `_one_story`'s feed (undated), for a sync under a wrong clock."""
    if shutil.which("faketime") is None:
        pytest.skip("faketime (libfaketime) sets a process's clock")
    base = _one_story(server, "/story.html", story_page("Harbour wall finished"))
    home = tmp_path / "home"
    assert reader(home, "add", f"{base}/feed.xml").returncode == 0
    return home


def _under_clock(home: Path, clock: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    """`reader ARGS` on `home` as a process under faketime's `clock` (a time, or -f and an
    offset): a real wrong clock, the server on the right one."""
    return subprocess.run(
        ["faketime", *clock, sys.executable, "-m", "reader", *args],
        env={**os.environ, "READER_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_undated_story_retrieved_under_a_clock_reset_to_2000_is_cited_as_its_server_answered(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """ro32's leftover of acc31a F7: with no date of the story's to mend it by, a sync under a
    clock reset to 2000 left "Retrieved: 2000-01-01…" in its citation, without a word. The
    site's server said when it answered (its Date header): that time is given, and said to be
    the server's. The sync runs under a real wrong clock (faketime), the server on the right one."""
    home = _story_home(tmp_path, httpserver)
    before = datetime.now(UTC).replace(microsecond=0)
    synced = _under_clock(home, ["2000-01-01 00:00:00"], "sync")
    assert synced.returncode == 0, synced.stderr
    # Not taken for 26 years old by a prune either (acc29b T10's, for a story with no date).
    pruned = reader(home, "cache", "prune", "--older-than", "30d", "--dry-run")
    assert pruned.returncode == 0 and "would evict 0 articles" in pruned.stdout, pruned.stdout
    (item,) = json.loads(reader(home, "list", "--json").stdout)
    shown = reader(home, "show", "--offline", item["id"])
    assert shown.returncode == 0, shown.stderr
    (line,) = [x for x in shown.stdout.splitlines() if x.startswith("Retrieved: ")]
    assert before <= datetime.fromisoformat(line.removeprefix("Retrieved: ")) <= datetime.now(UTC)
    assert (
        "Note: the computer's clock was wrong when this copy was retrieved (it said"
        " 2000-01-01): the time given is the site's, as its server answered"
    ) in shown.stdout, shown.stdout


def test_a_page_dated_after_its_retrieval_is_not_cited_by_that_date(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc34b D3: a page declaring 2031 (its server's Date agreeing with the clock) was cited
    "Published: 2031-01-01" over "Retrieved: 2026-12-05", and once 2031 came its retrieval was
    moved to that date, blamed on the computer's clock. The page's date is left out: the
    feed's is cited, said to be the feed's; the same once extracted again from the kept page."""
    dated = '<meta property="article:published_time" content="2031-01-01T00:00:00Z"></head>'
    page = story_page("Harbour wall finished").replace("</head>", dated, 1)
    base = _one_story(
        httpserver, "/future.html", page, "<pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate>"
    )
    home = tmp_path / "home"
    assert reader(home, "add", f"{base}/feed.xml").returncode == 0
    assert reader(home, "sync").returncode == 0
    for step in ("as cached", "re-extracted"):
        shown = reader(home, "show", "--offline", f"{base}/future.html", "--format", "citation")
        assert shown.returncode == 0, shown.stderr
        assert "2031" not in shown.stdout, (step, shown.stdout)
        assert "Published: 2026-11-24T09:00:00+00:00 (per the feed)" in shown.stdout, shown.stdout
        assert reader(home, "reextract", "--all").returncode == 0


def test_a_sync_under_a_clock_a_day_fast_is_cited_as_its_server_answered_for_good(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc43c C5: a sync under a clock a day fast (set right by NTP after) kept its articles'
    retrieval a day late; "this moment" and a note until that day came, then "Accessed" a day
    after the page was fetched, without a word. The server said when it answered (its Date
    header): that is the time given, said to be the server's, whenever the citation is made.
    The sync runs under a real wrong clock (faketime), the server on the right one."""
    home = _story_home(tmp_path, httpserver)
    before = datetime.now(UTC).replace(microsecond=0)
    synced = _under_clock(home, ["-f", "+1d"], "sync")
    assert synced.returncode == 0, synced.stderr
    (item,) = json.loads(reader(home, "list", "--json").stdout)
    fast_day = (before + DAY).date()
    for clock in ("+0", "+2d"):  # before the day the clock said, and after it
        shown = _under_clock(home, ["-f", clock], "show", "--offline", item["id"])
        assert shown.returncode == 0, shown.stderr
        (line,) = [x for x in shown.stdout.splitlines() if x.startswith("Retrieved: ")]
        at = datetime.fromisoformat(line.removeprefix("Retrieved: "))
        assert before <= at <= datetime.now(UTC), (clock, line)
        assert (
            f"Note: the computer's clock was wrong when this copy was retrieved (it said"
            f" {fast_day}): the time given is the site's, as its server answered"
        ) in shown.stdout, (clock, shown.stdout)


# The time the clock feed's stories are dated from: two days before it and an hour before it.
NOW = datetime.now(UTC).replace(microsecond=0)


def _clock_feed(server: HTTPServer, stories: int, served_date: str = "") -> str:
    """Serve at /clock.xml a feed of `stories` items, the first dated two days before `NOW`,
    the second an hour before, answering with `served_date` for its Date header when given;
    its address."""
    dated = [NOW - 2 * DAY, NOW - timedelta(hours=1)][:stories]
    items = "".join(
        f"<item><title>Story {n}</title><link>{server.url_for(f'/s{n}.html')}</link>"
        f"<guid>s{n}</guid><pubDate>{format_datetime(at, usegmt=True)}</pubDate></item>"
        for n, at in enumerate(dated, 1)
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Clock</title>{items}</channel></rss>'
    headers = {"Date": served_date} if served_date else {}
    server.clear()
    server.expect_request("/clock.xml").respond_with_response(
        Response(feed, content_type="application/rss+xml", headers=headers)
    )
    return server.url_for("/clock.xml")


def _clock_listing(home: Path) -> dict[str, tuple[str, str | None]]:
    listed = json.loads(reader(home, "list", "--json").stdout)
    return {row["title"]: (row["published"], row.get("claimed")) for row in listed}


def _clock_home(tmp_path: Path, server: HTTPServer) -> tuple[Path, dict[str, str]]:
    if shutil.which("faketime") is None:
        pytest.skip("faketime (libfaketime) sets a process's clock")
    home = tmp_path / "home"
    assert reader(home, "add", _clock_feed(server, 1)).returncode == 0
    _clock_feed(server, 2)
    dates = {
        "Story 1": (NOW - 2 * DAY).isoformat(),
        "Story 2": (NOW - timedelta(hours=1)).isoformat(),
    }
    return home, dates


def test_a_sync_under_a_clock_set_in_the_past_dates_no_headline_by_it(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc46a A1: one sync under a clock set 300 days back re-dated a changed feed's every
    headline, one listed days before and the new one, to the wrong clock's day, said "the feed
    dates it …, over an hour after it was first read", and kept them so for good. Its server's
    Date says the clock was wrong, as it does for `Retrieved:`: they keep their feed's dates.
    The sync runs under a real wrong clock (faketime), the server on the right one."""
    home, dates = _clock_home(tmp_path, httpserver)
    synced = _under_clock(home, ["-f", "-300d"], "sync", "--no-articles")
    assert synced.returncode == 0, synced.stderr
    assert _clock_listing(home) == {title: (at, None) for title, at in dates.items()}
    shown = reader(
        home, "show", "--offline", "--format", "citation", httpserver.url_for("/s1.html")
    )
    assert "first read" not in shown.stdout + shown.stderr


class _ClockSite(StorySite):
    """The clock feed's stories (`_clock_feed`'s), the second only once `both`, its server's
    Date `served_date` when set (as wrong as the computer's clock), else its own clock's."""

    both = False
    served_date = ""

    def feed(self) -> str:
        dated = [NOW - 2 * DAY, NOW - timedelta(hours=1)][: 2 if self.both else 1]
        items = "".join(
            self.item(f"Story {n}", f"/s{n}.html", format_datetime(at, usegmt=True), f"s{n}")
            for n, at in enumerate(dated, 1)
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Clock</title>{items}</channel></rss>'


class _ClockHandler(_Handler):
    server: _ClockSite

    def date_time_string(self, timestamp: float | None = None) -> str:
        return self.server.served_date or super().date_time_string(timestamp)


def test_headlines_a_wrong_clock_dated_are_dated_by_their_feed_once_it_is_right(
    tmp_path: Path,
) -> None:
    """acc46a A1: a sync with the right clock again did not undo it. Here the server's clock is
    as wrong as the computer's (its Date agreeing), so nothing told that sync: a headline first
    read before it, its date not ahead of that first reading, is dated by its feed still (its
    record, as that sync wrote it, is read so), then and after a sync with the clock right."""
    if shutil.which("faketime") is None:
        pytest.skip("faketime (libfaketime) sets a process's clock")
    home = tmp_path / "home"
    with serving(_ClockSite, _ClockHandler) as site:
        assert reader(home, "add", site.url("/feed.xml")).returncode == 0
        site.both = True
        site.served_date = format_datetime(datetime.now(UTC) - 300 * DAY, usegmt=True)
        synced = _under_clock(home, ["-f", "-300d"], "sync", "--no-articles")
        assert synced.returncode == 0, synced.stderr
        first_read = (NOW - 2 * DAY).isoformat(), None
        assert _clock_listing(home)["Story 1"] == first_read
        site.served_date = ""
        assert reader(home, "sync", "--no-articles").returncode == 0
    assert _clock_listing(home)["Story 1"] == first_read
