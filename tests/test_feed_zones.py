"""A feed's RFC 822 date in a zone feedparser doesn't know is read in the zone it names, not
as UTC (acc46a A2): "JST", "CET", "UTC+9", "NPT", an "AM" before the offset; "IST" by the
feed's language or address, and a name no table holds leaves the time without its zone. A
date written as Unix time is that moment, not the year 1765 (A7). Real parts: the feed served
on 127.0.0.1, `reader add` and `reader list --json` on a data directory of the test's."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.test_calendar_dates import _feed, _listed

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
