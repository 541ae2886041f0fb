"""The copies' cap drops a copy that differs from the one before it by noise alone (its quotes
curled, a hyphen set as a dash) before the first copy of a correction (acc47b F6's remaining
part): the copy where a corrected figure was first seen went to make room for them, and with it
the time the correction was first seen.

A news page on 127.0.0.1 whose figure and typography the test changes between fetches, the real
store in tmp_path, the CLI as a user runs it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.copy_noise import noise_apart
from tests.story_site import StorySite, ran, site_fixture
from tests.test_page_clock import refreshed
from tests.test_retractions import retrieved

PATH = "/wire/stories/barrier.html"


class Site(StorySite):
    """One story page: its figure, quotes and dash what the test changes."""

    figure = "£4.6m"
    quotes = ('"', '"')
    dash = "-"

    @property  # read by each request
    def body(self) -> str:  # type: ignore[override]
        opening, closing = self.quotes
        return (
            "<!DOCTYPE html><html><head><title>Tide barrier repairs | Coast Wire</title></head>"
            "<body><article><h1>Tide barrier repairs</h1>"
            f"<p>The harbour board will spend {self.figure} on the tide barrier, its chair told "
            "the board's meeting on Thursday, after the winter storms damaged two gates.</p>"
            f"<p>{opening}The barrier held, but only just{closing}, she said {self.dash} and the "
            "work is due to start in March and to last until the end of the summer.</p>"
            "</article></body></html>"
        )

    def feed(self) -> str:
        raise NotImplementedError


site = site_fixture(Site, "site")


def test_a_copy_differing_by_typography_goes_before_the_first_copy_of_a_correction(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.url(PATH)
    ran(capsys, data_dir, "show", url)
    site.figure = "£5.1m"  # the correction: copy 2
    refreshed(capsys, data_dir, url)
    corrected_at = retrieved(ran(capsys, data_dir, "show", url, "--offline")[0])
    site.quotes = ("\u201c", "\u201d")  # copy 3: its quotes curled
    assert "kept as copy 2" in refreshed(capsys, data_dir, url)
    site.dash = "\u2013"  # copy 4: a hyphen set as a dash
    assert "kept as copy 3" in refreshed(capsys, data_dir, url)
    site.figure = "£5.2m"  # copy 5, one past the cap
    said = refreshed(capsys, data_dir, url)
    (dropped,) = [line for line in said.splitlines() if "copy dropped: " in line]
    assert "copy 4 of 5, retrieved " in dropped
    assert "it differed from copy 3 only in its typography or the page's clock" in dropped
    # The copy where £5.1m was first seen is kept, retrieved when it was.
    second = ran(capsys, data_dir, "show", url, "--version", "2")[0]
    assert "£5.1m" in second and retrieved(second) == corrected_at
    assert "[-£5.1m-]{+£5.2m+}" in ran(capsys, data_dir, "diff", url)[0]


def test_what_is_noise_between_two_copies() -> None:
    at = (datetime(2026, 12, 7, 8, 15, 59, tzinfo=UTC),)
    before = (datetime(2026, 12, 7, 8, 15, 54, tzinfo=UTC),)
    for old, new in [
        ('He said "no" - twice...', "He said \u201cno\u201d \u2013 twice\u2026"),
        ("Bundes\u200bregierung  said", "Bundesregierung said"),
        ("Zoe\u0308 said", "Zo\u00eb said"),  # composed or not
        ("Generated at 08:15:54.", "Generated at 08:15:59."),
    ]:
        assert noise_apart(old, new, at, before)
    for old, new in [
        ("It cost £3.2m.", "It cost £3.8m."),
        ("The US said", "The us said"),
        ("Zoe said", "Zoë said"),
        ("An area of 10 m²", "An area of 10 m2"),
        ("The same.", "The same."),
        ("Called at 07:45:10.", "Called at 08:15:59."),  # a time corrected to the fetch's
    ]:
        assert not noise_apart(old, new, at, before)
