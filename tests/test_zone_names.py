"""The zones dates name by an abbreviation come from one table (`reader.zone_names`), which a
feed item's date and a page's date line both read. The feed side's own table (Europe's zones,
read in RFC 822 dates whose month is not in English) and the page side's own table (read in date
lines, and in English RFC 822 dates feedparser doesn't know) each held names the other lacked.
A Turkish feed's "JST" was read as UTC, and an English one's "WEST" lost its zone. Every name
either table held is read by both sides here. The feeds are served on 127.0.0.1 and read by
`reader add` and `reader list --json`, and the pages by the extractor."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.dates import stated_iso
from reader.extract.written_dates import parse_text_date
from tests.test_calendar_dates import _feed, _listed
from tests.test_dates_abroad import dates

# The union of the two tables as they were at 0e81a500 (feed_dates._ZONES,
# written_times._FIXED), with each zone's offset.
UNION = {
    "CET": "+01:00", "CEST": "+02:00", "MEZ": "+01:00", "MESZ": "+02:00", "WET": "+00:00",
    "WEST": "+01:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "TRT": "+03:00",
    "GMT": "+00:00", "UTC": "+00:00", "BST": "+01:00", "EST": "-05:00", "EDT": "-04:00",
    "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00",
    "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00", "AEDT": "+11:00", "AWST": "+08:00",
    "NZST": "+12:00", "NZDT": "+13:00", "МСК": "+03:00", "WIB": "+07:00", "WITA": "+08:00",
    "WIT": "+09:00", "HKT": "+08:00", "SGT": "+08:00", "PHT": "+08:00", "PKT": "+05:00",
    "NPT": "+05:45", "SAST": "+02:00",
}  # fmt: skip


def test_a_feed_reads_every_zone_in_english_and_in_another_language(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """In English, "Mon, 07 Dec 2026 01:00:00 WEST" had no zone. In Turkish, "Pzt, 07 Ara 2026
    01:00:00 JST" was read as 01:00 UTC."""
    written = {f"en {z}": f"Mon, 07 Dec 2026 01:00:00 {z}" for z in UNION}
    written |= {f"tr {z}": f"Pzt, 07 Ara 2026 01:00:00 {z}" for z in UNION}
    listed = _listed(tmp_path, httpserver, capsys, _feed("tr", written))
    expected = {
        f"{lang} {z}": f"2026-12-07T01:00:00{o}" for z, o in UNION.items() for lang in ("en", "tr")
    }
    assert listed == expected


@pytest.mark.parametrize("zone", UNION)
def test_a_page_reads_every_zone_in_its_date_line(zone: str) -> None:
    """A page's "7 December 2026, 01:00 TRT" had no zone."""
    assert dates(f"7 December 2026, 01:00 {zone}") == (f"2026-12-07T01:00:00{UNION[zone]}", None)


def test_a_zone_no_table_holds_is_no_zone_in_another_language_too(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """As in English, a name nobody knows leaves the time without a zone. UTC is not assumed."""
    listed = _listed(
        tmp_path, httpserver, capsys, _feed("tr", {"x": "Pzt, 07 Ara 2026 01:00:00 XYZ"})
    )
    assert listed == {"x": "2026-12-07T01:00:00"}


@pytest.mark.parametrize(
    "line", ["7 December 2026, 10:05 West Midlands", "7 December 2026, 10:05 wet"]
)
def test_a_name_that_is_a_word_too_is_a_zone_in_capitals_alone(line: str) -> None:
    moment = parse_text_date(line)
    assert moment is not None and stated_iso(moment) == "2026-12-07T10:05:00"
