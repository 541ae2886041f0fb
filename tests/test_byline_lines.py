"""Bylines a page writes as plain lines of its text, with no class or "By" to find them by: the
writer's name and job under the headline ("Jane Smith, Political Editor"), and a wire story's
closing credit ("Reporting by …; Editing by …"), which names its reporters, not its editors."""

from __future__ import annotations

import pytest

from reader.extract import extract_article, to_text
from reader.models import Article
from tests.test_title_site_name import STORY

URL = "https://www.courier.example/news/bus-routes"


def story(top: str = "", end: str = "", head: str = "") -> Article:
    html = (
        f"<!DOCTYPE html><html lang='en'><head><title>Bus routes to be cut</title>{head}</head>"
        f"<body><article><h1>Bus routes to be cut</h1>{top}{STORY}{end}</article></body></html>"
    )
    return extract_article(html, URL)


@pytest.mark.parametrize(
    "line",
    [
        "Jane Smith, Political Editor",
        "Jane Smith, Senior Transport Correspondent",
        # The place filed from after the job: the job was kept as a second writer.
        "Jane Smith, Correspondent, London",
    ],
)
def test_a_name_and_job_under_the_headline_is_the_byline(line: str) -> None:
    article = story(f"<p>{line}</p>")
    assert article.author == "Jane Smith"
    assert line not in to_text(article, header=False)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Staff Reporter", "Staff Reporter"),
        ("By Our Special Correspondent", "Our Special Correspondent"),
    ],
)
def test_a_by_line_naming_the_newsroom_by_a_job_is_its_byline(line: str, author: str) -> None:
    # Cited as written, as README says a newsroom's name is; the line leaves the text.
    article = story(f"<p>{line}</p>")
    assert article.author == author
    assert line not in to_text(article, header=False)


def test_a_job_alone_without_by_names_nobody() -> None:
    article = story("<p>Senior Reporter</p>")
    assert article.author == ""


def test_a_name_and_job_line_repeating_the_declared_author_is_left_out() -> None:
    article = story(
        "<p>Jane Smith, Political Editor</p>", head='<meta name="author" content="Jane Smith">'
    )
    assert article.author == "Jane Smith"
    assert "Political Editor" not in to_text(article, header=False)


@pytest.mark.parametrize(
    "line",
    [
        # A place and its country, a sentence: no name and job.
        "London, United Kingdom",
        "Anna Berg, the committee's chair, said the vote was close",
    ],
)
def test_other_lines_under_the_headline_are_no_byline(line: str) -> None:
    article = story(f"<p>{line}</p>")
    assert article.author == ""
    assert line in to_text(article, header=False)


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        (
            "Reporting by Jane Smith; Additional reporting by Tom Okafor; Editing by Mark Heinrich",
            "Jane Smith",
        ),
        ("Reporting by Jane Smith in London and Tom Berg in Brussels", "Jane Smith, Tom Berg"),
        ("(Writing by Ana Ruiz; Editing by Mark Heinrich)", "Ana Ruiz"),
    ],
)
def test_a_wire_story_s_closing_credit_names_its_reporters(credit: str, authors: str) -> None:
    article = story(end=f"<p>{credit}</p>")
    assert article.author == authors
    # The credit is the story's own last line, and names the editors the citation leaves out.
    assert credit in to_text(article, header=False)


@pytest.mark.parametrize(
    ("signature", "authors"),
    [
        # VnExpress's: two writers joined by a dash, bold and set right.
        (
            '<p class="Normal" style="text-align:right;"><strong>Phạm Linh - Đắc Thành</strong>'
            "</p>",
            "Phạm Linh, Đắc Thành",
        ),
        ('<p style="text-align:right"><b>Nguyễn Thị Hoa</b></p>', "Nguyễn Thị Hoa"),
    ],
)
def test_a_story_signed_in_its_last_paragraph_names_its_writers(
    signature: str, authors: str
) -> None:
    article = story(end=signature)
    assert article.author == authors
    # Kept, as the closing credit line is: the story's own last line as printed.
    assert to_text(article, header=False).rstrip().endswith(authors.split(", ")[-1])


@pytest.mark.parametrize(
    "end",
    [
        # A bold closing line that names no one, or a one-word label.
        "<p><strong>Services resume on Monday - check the timetable</strong></p>",
        "<p><strong>Update</strong></p>",
        # Names in bold ending a story but not set apart as a signature: a closing label.
        "<p><strong>Jane Smith - Tom Berg</strong></p>",
        '<p style="text-align:right"><strong>General Information</strong> about the route</p>',
        # A name in a sentence's bold is no signature.
        "<p>The route was saved by <strong>Jane Smith</strong>, a councillor.</p>",
        # Only editors: nobody to cite as the writer.
        "<p>Editing by Mark Heinrich</p>",
        # A sentence that speaks of reporting is no credit line.
        "<p>Reporting by the local paper prompted the review, the council said.</p>",
    ],
)
def test_a_closing_line_that_credits_no_reporter_names_no_author(end: str) -> None:
    assert story(end=end).author == ""


def test_a_byline_wins_over_the_closing_credit() -> None:
    article = story(
        '<p class="byline">By Priya Shah</p>',
        "<p>Additional reporting by Tom Okafor; Editing by Mark Heinrich</p>",
    )
    assert article.author == "Priya Shah"


def test_a_contributors_line_in_a_short_author_box_stays_as_the_story_s_credit() -> None:
    # NBC's shape, its bios short: the box is named a byline and is under a line long, so it
    # went whole, "Omar Reyes and Ana Silva contributed." with it.
    box = (
        '<div class="expanded-byline-contributors">'
        '<div class="expanded-byline"><span class="byline-name">Jane Smith</span>'
        '<p class="byline-bio">Jane Smith covers transport.</p></div>'
        '<div class="expanded-contributors">Omar Reyes and Ana Silva contributed.</div></div>'
    )
    text = to_text(story(end=box), header=False)
    assert text.rstrip().endswith("Omar Reyes and Ana Silva contributed.")
    assert "covers transport" not in text  # the bio is the site's, as before


@pytest.mark.parametrize(
    "line",
    ["Jo Park contributed reporting.", "Tom Berg contributed to this report."],
)
def test_a_contributors_line_in_a_byline_box_of_its_own_stays(line: str) -> None:
    text = to_text(story(end=f'<p class="byline-credit">{line}</p>'), header=False)
    assert text.rstrip().endswith(line)


def test_a_byline_box_that_credits_no_one_still_goes() -> None:
    text = to_text(story(end='<p class="byline">By Jane Smith, who contributed</p>'), header=False)
    assert "By Jane Smith" not in text
