"""A page that stamps its text with the time it was generated ("Page generated at 08:15:54",
acc47b F6): fetched again, it is no new copy for that, so the copy where a real correction was
first seen is not dropped to make room for copies of the clock; a time the story gives, changed,
still is one. And `reader show --refresh` says a copy dropped, as the sync does.

A news page on 127.0.0.1 whose stamp is made at each request (in UTC, or in a zone 5 h 30 ahead),
the real store in tmp_path, the CLI as a user runs it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.page_clock import only_clock_changed
from tests.story_site import StorySite, ran, serving

PATH = "/wire/stories/tide.html"


class Site(StorySite):
    """One story page, its last paragraph the time it is generated (`zone` hours ahead of UTC)."""

    figure = "£4.6m"
    result = "2:01:39"
    zone = 0.0

    @property  # read by each request: the page made anew
    def body(self) -> str:  # type: ignore[override]
        now = datetime.now(UTC) + timedelta(hours=self.zone)
        return (
            "<!DOCTYPE html><html><head><title>Tide barrier repairs | Coast Wire</title></head>"
            "<body><article><h1>Tide barrier repairs</h1>"
            f"<p>The harbour board will spend {self.figure} on the tide barrier, its chair told "
            "the board's meeting on Thursday, after the winter storms damaged two gates.</p>"
            "<p>The work is due to start in March and to last until the end of the summer, "
            f"when the barrier's trial closing is timed, last run in {self.result}.</p>"
            f"<p>Page generated at {now:%H:%M:%S}</p></article></body></html>"
        )

    def feed(self) -> str:
        raise NotImplementedError


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(Site) as server:
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


def test_what_reads_as_the_page_s_clock() -> None:
    at = datetime(2026, 12, 7, 8, 15, 59, tzinfo=UTC)
    assert only_clock_changed("Generated at 08:15:54.", "Generated at 08:15:59.", at)
    assert only_clock_changed("Generated at 13:45:50.", "Generated at 13:45:57.", at)  # +5:30
    assert not only_clock_changed("Generated at 08:15:54.", "Generated at 08:19:59.", at)
    assert not only_clock_changed("Ran 2:01:39.", "Ran 2:01:09.", at)
    assert not only_clock_changed("At 08:15:54, £3m.", "At 08:15:59, £4m.", at)
    assert not only_clock_changed("At 08:15:54.", "At 08:15:54.", at)
    assert not only_clock_changed("At 08:15:54.", "At 08:15:59.", None)
    # Looked for where the copies part, past the text they share (`_differing`).
    long = " ".join(f"word{n}" for n in range(5000))
    assert only_clock_changed(f"{long} At 08:15:54.", f"{long} At 08:15:59.", at)
    assert only_clock_changed(f"At 8:15:54 {long}", f"At 8:15:59 {long}", at)
    assert not only_clock_changed(f"x {long} At 08:15:54.", f"y {long} At 08:15:59.", at)
    assert not only_clock_changed(f"{long}1 08:15:54", f"{long}2 08:15:59", at)
