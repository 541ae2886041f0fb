"""MLA 9's works-cited entry (`[citation] style = "mla"`, `--style mla`, `y`), checked against
the MLA Handbook's own examples: names inverted for the first author only, "and" before a
second, "et al." after the first of three or more; the title in quotation marks in title case,
the container in italics (in Markdown), the date as day, abbreviated month and year, the URL
without its scheme; an undated page "Accessed …" at the end (acc35b F9)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from reader.citation import copied_citation
from reader.citation_mla import mla, mla_date
from reader.models import Article
from tests.test_citation_styles import RETRIEVED, story

HOLLMICHEL = "https://somanybooksblog.com/2013/04/25/the-reading-brain-differences-between-digital-and-print/"


def test_the_handbook_s_web_page_example() -> None:
    """The MLA Handbook's example of a blog post (8th ed.; the form unchanged in the 9th)."""
    article = Article(
        HOLLMICHEL,
        title="The Reading Brain: Differences between Digital and Print",
        author="Stefanie Hollmichel",
        published=datetime(2013, 4, 25, 10, 0, tzinfo=UTC),
        site_name="So Many Books, So Little Time",
        language="en",
        fetched_at=RETRIEVED,
    )
    assert mla(article) == (
        'Hollmichel, Stefanie. "The Reading Brain: Differences between Digital and Print." So'
        " Many Books, So Little Time, 25 Apr. 2013, somanybooksblog.com/2013/04/25/"
        "the-reading-brain-differences-between-digital-and-print/."
    )
    assert " *So Many Books, So Little Time*, 25 Apr. 2013, " in mla(article, markdown=True)


def test_a_magazine_s_web_page_as_mla_guides_give_it() -> None:
    """The example of an abbreviated month in MLA guides (QuillBot's "MLA month abbreviations"):
    the "www." kept, the scheme gone; "a" lower case inside the title, "SNL" as written."""
    article = Article(
        "https://www.architecturaldigest.com/gallery/heidi-gardner-inside-the-snl-stars-midcentury-disco-fantasy",
        title="Inside SNL Star Heidi Gardner’s Midcentury Home, A Disco Fantasy Come True",
        author="Mel Studach",
        published=datetime(2024, 10, 29, 10, 0, tzinfo=UTC),
        site_name="Architectural Digest",
        language="en-US",
        fetched_at=RETRIEVED,
    )
    assert mla(article) == (
        'Studach, Mel. "Inside SNL Star Heidi Gardner’s Midcentury Home, a Disco Fantasy Come'
        ' True." Architectural Digest, 29 Oct. 2024, www.architecturaldigest.com/gallery/'
        "heidi-gardner-inside-the-snl-stars-midcentury-disco-fantasy."
    )


def test_two_authors_and_three() -> None:
    """MLA 9, 5.6–5.7: "Dorris, Michael, and Louise Erdrich."; "Burdick, Anne, et al."."""
    two = story(author="Michael Dorris, Louise Erdrich")
    assert mla(two).startswith('Dorris, Michael, and Louise Erdrich. "Harbour Contract Costs')
    three = story(author="Anne Burdick, Johanna Drucker, Peter Lunenfeld")
    assert mla(three).startswith('Burdick, Anne, et al. "Harbour Contract Costs Twice')


def test_the_tester_s_article() -> None:
    assert mla(story()) == (
        'Holt, Maren. "Harbour Contract Costs Twice What Council Was Told." Harbour Ledger,'
        " 20 Nov. 2026, ledger.example/2026/11/20/harbour-contract-costs."
    )


@pytest.mark.parametrize(
    ("day", "said"),
    [
        (date(2026, 5, 3), "3 May 2026"),
        (date(2026, 6, 30), "30 June 2026"),
        (date(2026, 7, 1), "1 July 2026"),
        (date(2026, 9, 12), "12 Sept. 2026"),
        (date(2026, 12, 4), "4 Dec. 2026"),
    ],
)
def test_months_as_mla_abbreviates_them(day: date, said: str) -> None:
    assert mla_date(day) == said


def test_an_undated_page_ends_with_the_day_accessed_and_no_writer_puts_the_title_first() -> None:
    letter = story(author="", published=None, title="Letter: the harbour deal needs daylight?")
    assert mla(letter) == (
        '"Letter: The Harbour Deal Needs Daylight?" Harbour Ledger,'
        " ledger.example/2026/11/20/harbour-contract-costs. Accessed 4 Dec. 2026."
    )


def test_y_copies_the_mla_line() -> None:
    assert copied_citation(story(), "mla").startswith('Holt, Maren. "Harbour Contract Costs')
