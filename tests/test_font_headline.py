"""A page of the table-layout era sets its headline in `<font size=4><b>` and its byline in
`<i>` under it, with no `h1` and a `<title>` that is the site's alone: the headline is the
title, the byline gives the author and the date, and neither is left as the text's first
lines."""

from __future__ import annotations

from datetime import date

import pytest

from reader.extract import extract_article, to_text
from reader.models import Article

URL = "https://www.dale-advertiser.example/news/mill.html"
TEXT = (
    "The owners of the Riverside mill said on Tuesday that the site would close in June, "
    "blaming rising energy costs and falling orders from the car industry.<br><br>"
    "About three hundred people work at the mill, most of them on the night shift, and the "
    "union said it would ask the owners to look again at selling the site as a going "
    "concern.<br><br>"
    "The town council said it would hold a meeting for the workers next week.<br><br>"
)


def old_page(top: str, title: str = "Dale Advertiser", h1: str = "") -> Article:
    html = (
        f"<html><head><title>{title}</title></head><body>{h1}"
        '<table width="760"><tr><td class="nav"><a href="/">Home</a><br><a href="/news">News'
        f'</a></td><td><font face="Verdana" size="2">{top}{TEXT}</font></td></tr></table>'
        "</body></html>"
    )
    return extract_article(html, URL)


@pytest.mark.parametrize(
    "headline",
    [
        "<font size=4><b>Mill to close with loss of 300 jobs</b></font>",
        "<b><font size=+1>Mill to close with loss of 300 jobs</font></b>",
        "<b>Mill to close with loss of 300 jobs</b>",
    ],
)
def test_a_bold_headline_and_its_by_line_are_the_title_author_and_date(headline: str) -> None:
    article = old_page(f"{headline}<br><i>By Tom Okafor, 5 March 2024</i><br><br>")
    assert article.title == "Mill to close with loss of 300 jobs"
    assert article.author == "Tom Okafor"
    assert article.published is not None and article.published.date() == date(2024, 3, 5)
    text = to_text(article, header=False)
    assert "Mill to close" not in text and "Tom Okafor" not in text
    assert text.startswith("The owners of the Riverside mill")


@pytest.mark.parametrize(
    ("top", "h1"),
    [
        # No "By" line under it: a bold line alone is a section's name as often.
        ("<b><font size=4>Village Notes: Thornby</font></b><br><br>", ""),
        # A byline naming nobody ("our correspondent") tells nothing.
        (
            "<b><font size=4>Village Notes: Thornby</font></b><br>"
            "<i>by our Thornby correspondent</i><br><br>",
            "",
        ),
        # The page has its headline in an h1: the bold line is the story's own.
        (
            "<b>Mill to close with loss of jobs</b><br><i>By Tom Okafor</i><br><br>",
            "<h1>Mill to close with loss of 300 jobs</h1>",
        ),
    ],
)
def test_other_bold_lines_are_left_as_they_were(top: str, h1: str) -> None:
    article = old_page(top, h1=h1)
    bold = top.split("<br>")[0]
    words = bold.replace("<b>", "").replace("</b>", "").replace("<font size=4>", "")
    words = words.replace("</font>", "")
    assert words in to_text(article, header=False)


def _menu_page(top: str, end: str = "") -> Article:
    """The layout of a small paper's site: a left column of menu links set one per line."""
    html = (
        "<html><head><title>Dale Advertiser - Mill to close with loss of 300 jobs</title></head>"
        '<body><table width="760"><tr><td width="150" valign="top"><font face="Arial" size="2">'
        '<a href="/">Home</a><br><a href="/news.htm">News</a><br><a href="/sport.htm">Sport'
        '</a><br><a href="/letters.htm">Letters</a><br><a href="/contact.htm">Contact us</a>'
        f'</font></td><td valign="top">{top}<font face="Georgia" size="3">{TEXT}{end}</font>'
        "</td></tr></table></body></html>"
    )
    return extract_article(html, URL)


def test_a_bold_headline_over_a_date_line_gives_the_title_and_the_date() -> None:
    article = _menu_page(
        '<font size="5"><b>Mill to close with loss of 300 jobs</b></font><br>'
        '<font size="1">Friday, 27 November 2026</font><br><br>'
    )
    assert article.title == "Mill to close with loss of 300 jobs"
    assert article.published is not None and article.published.date() == date(2026, 11, 27)
    text = to_text(article, header=False)
    assert "Mill to close" not in text and "27 November" not in text
    assert text.startswith("The owners of the Riverside mill")


def test_a_left_column_of_menu_links_is_no_part_of_the_story() -> None:
    text = to_text(_menu_page(""), header=False)
    assert text.startswith("The owners of the Riverside mill")
    assert "Contact us" not in text and "Letters" not in text


def test_a_report_by_line_at_the_stories_end_names_its_author() -> None:
    article = _menu_page("", end="<i>Report by Mary Care</i>")
    assert article.author == "Mary Care"


def _three_columns(right: str) -> Article:
    """The same layout with a right-hand column beside the story (acc39a L8)."""
    html = (
        "<html><head><title>Dale Advertiser - Mill to close with loss of 300 jobs</title></head>"
        '<body><table width="760"><tr><td width="150" valign="top">'
        '<a href="/">Home</a><br><a href="/news.htm">News</a><br><a href="/sport.htm">Sport'
        '</a><br><a href="/letters.htm">Letters</a></td>'
        f'<td valign="top"><font face="Georgia" size="3">{TEXT}</font></td>'
        f'<td width="160" valign="top">{right}</td></tr></table></body></html>'
    )
    return extract_article(html, URL)


@pytest.mark.parametrize(
    "right",
    [
        '<b>Latest</b><br><a href="/1">Darts league results</a><br>'
        '<a href="/2">Church fete raises £900 for the new roof</a>',
        '<a href="/1">Darts league results</a><br><a href="/2">Church fete raises £900</a>',
    ],
)
def test_a_right_column_of_other_headlines_is_no_part_of_the_story(right: str) -> None:
    text = to_text(_three_columns(right), header=False)
    assert text.startswith("The owners of the Riverside mill")
    assert "Darts" not in text and "Church fete" not in text and "Latest" not in text


def test_a_column_with_words_of_its_own_beside_the_story_is_kept() -> None:
    right = "<b>Editor's note</b><br>The mill's owners did not answer our calls this week."
    assert "did not answer our calls" in to_text(_three_columns(right), header=False)
