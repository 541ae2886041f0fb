"""A page that stamps its text with the time it was generated ("Page generated at 08:15:54",
acc47b F6): fetched again, it is no new copy for that, so the copy where a real correction was
first seen is not dropped to make room for copies of the clock; a time the story gives, changed,
still is one. And `reader show --refresh` says a copy dropped, as the sync does.

A news page on 127.0.0.1 whose stamp is made at each request (in UTC, or in a zone 5 h 30 ahead),
the real store in tmp_path, the CLI as a user runs it."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.page_clock import made_by_cache, only_clock_changed
from tests.story_site import StorySite, _Handler, ran, serving

PATH = "/wire/stories/tide.html"


class Site(StorySite):
    """One story page, its last paragraph the time it is generated (`zone` hours ahead of UTC)."""

    figure = "£4.6m"
    result = "2:01:39"
    zone = 0.0
    stamp = "Page generated at {now:%H:%M:%S}"
    """How the page stamps itself, `now` the time it was made (`lag` minutes before it is sent)."""
    lag = 0
    """Minutes a cache on the way has kept the page: its stamp that much older."""
    cache = "age"
    """How the cache says it kept the page (`_Cached`)."""

    @property  # read by each request: the page made anew
    def body(self) -> str:  # type: ignore[override]
        now = datetime.now(UTC) + timedelta(hours=self.zone, minutes=-self.lag)
        return (
            "<!DOCTYPE html><html><head><title>Tide barrier repairs | Coast Wire</title></head>"
            "<body><article><h1>Tide barrier repairs</h1>"
            f"<p>The harbour board will spend {self.figure} on the tide barrier, its chair told "
            "the board's meeting on Thursday, after the winter storms damaged two gates.</p>"
            "<p>The work is due to start in March and to last until the end of the summer, "
            f"when the barrier's trial closing is timed, last run in {self.result}.</p>"
            f"<p>{self.stamp.format(now=now, ago=2 + self.lag // 3)}</p></article></body></html>"
        )

    def feed(self) -> str:
        raise NotImplementedError


class _Cached(_Handler):
    """The site's answers through a cache that kept each page `lag` minutes: it says so in an
    Age header (`Site.cache` "age"), or by the server's Date it kept ("date")."""

    server: Site

    def end_headers(self) -> None:
        if self.server.lag and self.server.cache == "age":
            self.send_header("Age", str(self.server.lag * 60))
        super().end_headers()

    def date_time_string(self, timestamp: float | None = None) -> str:
        if self.server.cache == "date":
            timestamp = time.time() - self.server.lag * 60
        return super().date_time_string(timestamp)


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(Site, _Cached) as server:
        yield server


def refreshed(capsys: pytest.CaptureFixture[str], data_dir: Path, url: str) -> str:
    """`reader show URL --refresh` a second after the last fetch: what it said on stderr."""
    time.sleep(1.1)  # a retrieval time of its own, to the second
    return ran(capsys, data_dir, "show", url, "--refresh")[1]


@pytest.mark.parametrize("zone", [0.0, 5.5])
def test_a_page_s_generation_time_alone_makes_no_copy(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str], zone: float
) -> None:
    site.zone = zone
    url = site.url(PATH)
    ran(capsys, data_dir, "show", url)
    site.figure = "£5.1m"  # the correction
    assert "kept as copy 1" in refreshed(capsys, data_dir, url)
    corrected = ran(capsys, data_dir, "show", url, "--offline")[0]
    first_seen = next(x for x in corrected.splitlines() if x.startswith("Retrieved: "))
    for _ in range(4):
        said = refreshed(capsys, data_dir, url)
        assert "unchanged since" in said and "kept as copy" not in said
        assert "copy dropped" not in said
    shown = ran(capsys, data_dir, "show", url, "--offline")[0]
    # The copy where £5.1m was first seen is the latest still, retrieved when it was.
    assert first_seen in shown and "£5.1m" in shown
    assert "£4.6m" in ran(capsys, data_dir, "show", url, "--version", "1")[0]
    printed = ran(capsys, data_dir, "diff", url)[0]
    assert "[-£4.6m-]{+£5.1m+}" in printed


def test_a_time_the_story_gives_changed_is_a_copy(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.url(PATH)
    ran(capsys, data_dir, "show", url)
    site.result = "2:01:09"
    assert "kept as copy 1" in refreshed(capsys, data_dir, url)
    assert "[-2:01:39-]{+2:01:09+}" in ran(capsys, data_dir, "diff", url)[0]


def test_a_refresh_says_the_copy_it_dropped_as_the_sync_does(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Copies past the cap: the sync says "copy dropped: …", `reader show --refresh` said
    nothing of it."""
    url = site.url(PATH)
    ran(capsys, data_dir, "show", url)
    said = []
    for figure in ("£5.1m", "£5.2m", "£5.3m", "£5.4m"):
        site.figure = figure
        said.append(refreshed(capsys, data_dir, url))
    assert not [s for s in said[:3] if "copy dropped" in s]
    dropped = [line for line in said[3].splitlines() if "copy dropped: " in line]
    assert len(dropped) == 1 and "copy 2 of 5, retrieved " in dropped[0]
    assert "only 3 earlier copies are kept of an article not saved" in dropped[0]


@pytest.mark.parametrize(
    ("stamp", "cache"),
    [
        ("Page generated at {now:%H:%M:%S}", "age"),
        ("Page generated at {now:%H:%M:%S}", "date"),
        ("Page generated at {now:%H:%M}", "age"),  # to the minute
        ("Page generated at {now:%I:%M %p} GMT", "date"),  # a 12-hour clock
        ("Page generated {ago} minutes ago", "age"),  # a time ago: the page's clock going on
        ("Traffic desk, {now:%H:%M}: the council said so.", "age"),  # a colon after (D9)
    ],
)
def test_a_stamp_to_the_minute_ago_or_kept_by_a_cache_alone_makes_no_copy(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str], stamp: str, cache: str
) -> None:
    """A page stamped to the minute, with a time ago, or served by a CDN that kept it a few
    minutes (older than the copy kept, or newer): each fetch made a copy; a real edit beside
    the stamp still does."""
    site.stamp, site.cache = stamp, cache
    url = site.url(PATH)
    ran(capsys, data_dir, "show", url)
    for lag in (3, 7, 2):  # minutes the cache kept the page each time it was asked
        site.lag = lag
        said = refreshed(capsys, data_dir, url)
        assert "unchanged since" in said and "kept as copy" not in said, (lag, said)
    site.lag, site.figure = 5, "£5.1m"
    assert "kept as copy 1" in refreshed(capsys, data_dir, url)
    assert "[-£4.6m-]{+£5.1m+}" in ran(capsys, data_dir, "diff", url)[0]


def test_what_reads_as_the_page_s_clock() -> None:
    at = (datetime(2026, 12, 7, 8, 15, 59, tzinfo=UTC),)
    before = (at[0] - timedelta(seconds=5),)

    def clock(old: str, new: str) -> bool:
        return only_clock_changed(old, new, at, before)

    assert clock("Generated at 08:15:54.", "Generated at 08:15:59.")
    assert clock("Generated at 13:45:54.", "Generated at 13:45:57.")  # +5:30
    assert not clock("Generated at 08:15:54.", "Generated at 08:19:59.")
    assert not clock("Ran 2:01:39.", "Ran 2:01:09.")
    assert not clock("At 08:15:54, £3m.", "At 08:15:59, £4m.")
    assert not clock("At 08:15:54.", "At 08:15:54.")
    assert not only_clock_changed("At 08:15:54.", "At 08:15:59.", (), before)
    assert not only_clock_changed("At 08:15:54.", "At 08:15:59.", at, ())
    # Looked for where the copies part, past the text they share (`_differing`).
    long = " ".join(f"word{n}" for n in range(5000))
    assert clock(f"{long} At 08:15:54.", f"{long} At 08:15:59.")
    assert clock(f"At 8:15:54 {long}", f"At 8:15:59 {long}")
    assert not clock(f"x {long} At 08:15:54.", f"y {long} At 08:15:59.")
    assert not clock(f"{long}1 08:15:54", f"{long}2 08:15:59")


def test_a_time_corrected_to_the_fetch_s_is_no_clock() -> None:
    """acc48d D1: the old stamp was never read against its own copy's time, so a time the
    story gives corrected to the minute of the fetch (in any half-hour zone) was taken for the
    clock, and the copy's words overwritten."""
    at = (datetime(2026, 12, 7, 12, 35, 18, tzinfo=UTC),)
    before = (datetime(2026, 12, 7, 12, 34, 7, tzinfo=UTC),)
    assert not only_clock_changed(
        "Called at 19:45 on Sunday.", "Called at 20:05 on Sunday.", at, before
    )
    assert not only_clock_changed("Called at 19:45.", "Called at 12:35.", at, before)
    assert not only_clock_changed("At 07:14:09.", "At 12:35:18.", at, before)
    # Kept by a cache (made at 12:30:07): its stamp read as of then, the copy's as of its own.
    kept = (at[0], *made_by_cache("", "311", at[0]))
    assert only_clock_changed("Updated 12:34.", "Updated 12:30.", kept, before)
    assert not only_clock_changed("Updated 19:45.", "Updated 12:30.", kept, before)
    assert only_clock_changed("Updated 12:30.", "Updated 12:35.", at, (before[0], *kept[1:]))


def test_what_reads_as_the_page_s_clock_to_the_minute_through_a_cache_or_ago() -> None:
    now = datetime(2026, 12, 7, 10, 42, 30, tzinfo=UTC)
    at, before = (now,), (now - timedelta(minutes=9),)
    # To the minute, at each retrieval, in any zone.
    assert only_clock_changed("Updated 10:33.", "Updated 10:42.", at, before)
    assert only_clock_changed("Updated 16:03.", "Updated 16:12.", at, before)  # +5:30
    assert only_clock_changed("Updated 10:33 a.m.", "Updated 10:42 a.m.", at, before)
    assert not only_clock_changed("Kick-off 10:33.", "Kick-off 10:39.", at, before)
    assert not only_clock_changed("Met at 10:33.", "Met at 10:42:30.", at, before)
    # Made when a cache on the way says: its Age, or the Date it kept.
    made = (now, *made_by_cache("", "300", now))
    assert only_clock_changed("Updated 10:33.", "Updated 10:37.", made, before)
    assert only_clock_changed("At 10:33:28.", "At 10:37:31.", made, before)  # older
    kept = (now, *made_by_cache("Mon, 07 Dec 2026 10:35:02 GMT", "", now))
    assert only_clock_changed("At 10:33:28.", "At 10:35:02.", kept, before)
    assert not only_clock_changed("Updated 10:33.", "Updated 10:36.", at, before)  # no cache
    assert not only_clock_changed("Updated 10:33.", "Updated 10:35.", made, before)
    assert not only_clock_changed("Updated 10:33, £3m.", "Updated 10:37, £4m.", made, before)
    assert made_by_cache("Mon, 07 Dec 2026 10:42:28 GMT", "0", now) == ()  # the clock's own
    # A time ago grows with the time between the retrievals, to its unit.
    assert only_clock_changed("Updated 3 minutes ago", "Updated 12 minutes ago", at, before)
    assert only_clock_changed("Posted an hour ago.", "Posted 2 hours ago.", at, before)
    assert only_clock_changed("Updated just now", "Updated 9 mins ago", at, before)
    assert not only_clock_changed("Updated 3 minutes ago", "Updated 3 hours ago", at, before)
    assert not only_clock_changed("Updated 3 minutes ago", "Updated 9 minutes ago", at, ())
    assert not only_clock_changed("3 minutes ago, £3m", "9 minutes ago, £4m", at, before)
    assert not only_clock_changed("Updated 10:33", "Updated 9 minutes ago", at, before)
    # Made by a cache 5 minutes before: 4 minutes more, not 9.
    assert only_clock_changed("Updated 3 minutes ago", "Updated 7 minutes ago", made, before)


def test_a_time_ago_that_shrinks_or_lags_is_no_clock() -> None:
    """acc48d D9: a time ago that shrank was read as the clock (an upper bound only), against
    the README ("grown by no more than"): it must grow by the time between the fetches."""
    now = datetime(2026, 12, 7, 10, 42, 30, tzinfo=UTC)
    at, before = (now,), (now - timedelta(minutes=9),)
    assert not only_clock_changed(
        "Updated 12 minutes ago. X", "Updated 2 minutes ago. X", at, before
    )
    assert not only_clock_changed("Updated 3 minutes ago", "Updated 1 minute ago", at, before)
    assert not only_clock_changed("Updated 3 minutes ago", "Updated 4 minutes ago", at, before)
    assert not only_clock_changed("Posted 5 hours ago.", "Posted 2 hours ago.", at, before)


def test_extraction_again_keeps_when_the_copy_was_last_checked(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc48d: a new extractor reading the kept pages again (`reader reextract`) dropped the
    copy's `checked_at`: "Checked: …, unchanged" gone from its header and its JSON."""
    url = site.url(PATH)
    ran(capsys, data_dir, "show", url)
    assert "unchanged since" in refreshed(capsys, data_dir, url)
    before = json.loads(ran(capsys, data_dir, "show", url, "--offline", "--format", "json")[0])
    assert before["checked_at"] is not None
    ran(capsys, data_dir, "reextract", "--all")
    after = json.loads(ran(capsys, data_dir, "show", url, "--offline", "--format", "json")[0])
    assert after["checked_at"] == before["checked_at"]
    assert after["fetched_at"] == before["fetched_at"]
    assert "\nChecked: " in ran(capsys, data_dir, "show", url, "--offline")[0]


def test_a_stamp_with_a_colon_after_it_is_read() -> None:
    """acc48d D9: "Updated 12:31: the council said …" was no stamp at all (a colon after a time
    was read as a part of a longer one), so each minute's fetch made a copy. A colon with a
    figure next still is a part of one, and the stamps still are read in both copies."""
    now = datetime(2026, 12, 7, 12, 40, 30, tzinfo=UTC)
    at, before = (now,), (now - timedelta(minutes=9),)
    assert only_clock_changed(
        "Updated 12:31: the council said", "Updated 12:40: the council said", at, before
    )
    assert only_clock_changed("Desk, 12:31:25: X.", "Desk, 12:40:30: X.", at, before)
    assert only_clock_changed("Updated 12:31:", "Updated 12:40:", at, before)
    assert not only_clock_changed("Called at 19:45: X.", "Called at 20:10: X.", at, before)
    assert not only_clock_changed("Split 1:12:31:07.", "Split 1:12:40:07.", at, before)
    assert not only_clock_changed("Lap 12:31:5.", "Lap 12:40:5.", at, before)


def test_a_time_the_story_gives_corrected_to_the_fetch_s_minute_is_a_copy(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc48d D1: "called at 19:45", corrected to the minute the page is fetched again at, was
    read as the page's clock: "unchanged", the copy's words overwritten, 19:45 lost."""
    called = f"{datetime.now(UTC) + timedelta(minutes=15):%H:%M}"  # no clock of any fetch here
    site.stamp = f"Firefighters were called at {called} on Sunday."
    url = site.url(PATH)
    ran(capsys, data_dir, "show", url)
    site.stamp = "Firefighters were called at {now:%H:%M} on Sunday."  # the fetch's minute
    said = refreshed(capsys, data_dir, url)
    assert "kept as copy 1" in said and "unchanged" not in said
    assert f"called at {called}" in ran(capsys, data_dir, "show", url, "--version", "1")[0]
    assert f"[-{called}-]" in ran(capsys, data_dir, "diff", url)[0]


def test_a_page_s_clock_dates_no_update(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc48d D4: "Last updated 12:21", the page's clock, fetched again and unchanged but for
    it, was cited as the copy's "Updated", after its "Retrieved"."""
    site.stamp = (
        'Published <time datetime="{now:%Y-%m-%d}T00:00:00+00:00">at 00:00</time>. Last updated'
        ' <time datetime="{now:%Y-%m-%dT%H:%M:%S}+00:00">{now:%H:%M:%S}</time>'
    )
    url = site.url(PATH)
    first = json.loads(ran(capsys, data_dir, "show", url, "--format", "json")[0])
    assert first["updated"] is not None and first["updated"] <= first["fetched_at"]
    said = refreshed(capsys, data_dir, url)
    assert "unchanged since" in said and "kept as copy" not in said
    shown = json.loads(ran(capsys, data_dir, "show", url, "--offline", "--format", "json")[0])
    assert shown["fetched_at"] == first["fetched_at"] and shown["checked_at"]
    assert shown["updated"] == first["updated"]
    header = ran(capsys, data_dir, "show", url, "--offline")[0]
    assert f"Updated: {first['updated']}" in header or "Updated:" not in header


def test_a_copy_s_text_is_the_page_of_its_retrieval_after_a_check_and_extraction_again(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc49c C9: after `reader reextract`, a copy "Retrieved" at one time gave the page's
    stamp of a later check that found it unchanged: the text and its Retrieved line
    disagreed."""
    site.stamp = "Updated {now:%H:%M:%S}: the board said the gates would hold"
    url = site.url(PATH)
    first = ran(capsys, data_dir, "show", url)[0]
    stamp = next(line for line in first.splitlines() if line.startswith("Updated "))
    assert "unchanged since" in refreshed(capsys, data_dir, url)
    for command in ((), ("reextract", "--all")):
        if command:
            ran(capsys, data_dir, *command)
        shown = ran(capsys, data_dir, "show", url, "--offline")[0]
        assert stamp in shown.splitlines(), command
