"""A byline box's lines: a `<br>` or a block ends a line, and a box of one writer a line names
each writer (acc39a L1, L3). "By Maren Holt<br>Published: …" was cited "Maren HoltPublished",
and `<div class="authors"><p>Maren Holt, Political Editor</p><p>Jonas Berg, …</p></div>`
as Maren Holt alone. Real parts: the pages through the real extractor.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from reader.dates import date_only
from reader.extract import extract_article

PARAGRAPHS = "".join(
    "<p>The harbour board met on Thursday to discuss the dredging contract, which has doubled "
    "in cost since the spring, and councillors asked for every invoice to be published in full "
    f"before Christmas ({n}).</p>"
    for n in range(5)
)
URL = "https://courier.example/news/dredging-audit.html"


def story(top: str = "", head: str = "", end: str = "") -> str:
    """The Harbourton Courier's story page: `top` between its headline and its text (the
    byline), `head` in its `<head>`, `end` after its text."""
    return (
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Harbour board'
        f" orders dredging audit | The Harbourton Courier</title>{head}</head><body><article>"
        f"<h1>Harbour board orders dredging audit</h1>{top}{PARAGRAPHS}{end}</article>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    "byline",
    [
        '<p class="byline">By Maren Holt<br>Chief Reporter</p>',
        '<p class="byline">By Maren Holt<br>Published: 10 November 2026 09:00</p>',
        '<div class="byline"><span>By Maren Holt</span><br><span>Political Editor</span></div>',
        '<div class="author"><p>Maren Holt</p><p>Political Editor</p></div>',
        # The paper on the line after: no second writer.
        '<p class="byline">By Maren Holt<br>The Harbourton Courier</p>',
        '<p class="byline">Maren Holt<br>Harbourton Courier</p>',
    ],
    ids=["role", "published", "spans-role", "blocks-role", "paper", "paper-in-title"],
)
def test_a_line_after_the_writer_is_no_part_of_her_name(byline: str) -> None:
    article = extract_article(story(byline), URL)
    assert article.author == "Maren Holt"


def test_the_lines_after_a_br_date_the_story() -> None:
    byline = (
        '<p class="byline">By Maren Holt<br>Published: 10 November 2026 09:00'
        "<br>Updated: 11 November 2026 14:00</p>"
    )
    article = extract_article(story(byline), URL)
    assert article.author == "Maren Holt"
    assert article.published == datetime(2026, 11, 10, 9, 0, tzinfo=article.published.tzinfo)
    assert article.updated is not None
    assert (article.updated.date(), article.updated.hour) == (datetime(2026, 11, 11).date(), 14)


def test_an_updated_line_after_a_br_is_the_update() -> None:
    """Was no update at all: "Maren HoltUpdated", and the date unread."""
    article = extract_article(
        story('<p class="byline">By Maren Holt<br>Updated: 11 November 2026</p>'), URL
    )
    assert article.author == "Maren Holt"
    assert article.updated is not None and date_only(article.updated)
    assert article.updated.date().isoformat() == "2026-11-11"


@pytest.mark.parametrize(
    "byline",
    [
        '<div class="authors"><p>Maren Holt, Political Editor</p>'
        "<p>Jonas Berg, Local Government Correspondent</p></div>",
        '<div class="authors"><p>Maren Holt</p><p>Jonas Berg</p></div>',
        '<p class="byline">Maren Holt<br>Jonas Berg</p>',
        # WordPress's co-authors: a box each.
        '<div class="author"><a href="/author/maren-holt">Maren Holt</a></div>'
        '<div class="author"><a href="/author/jonas-berg">Jonas Berg</a></div>',
        '<div class="author-box"><a href="/author/maren-holt">Maren Holt</a>'
        '<span class="role">Political Editor</span></div><div class="author-box">'
        '<a href="/author/jonas-berg">Jonas Berg</a><span class="role">Reporter</span></div>',
        '<div class="byline"><span class="author">Maren Holt</span>'
        '<span class="author">Jonas Berg</span></div>',
    ],
    ids=["lines-roles", "lines-names", "br-names", "boxes", "boxes-roles", "marked-spans"],
)
def test_a_box_of_one_writer_a_line_names_each(byline: str) -> None:
    article = extract_article(story(byline), URL)
    assert article.author == "Maren Holt, Jonas Berg"


def test_a_writer_and_her_desk_on_two_lines_is_one_writer() -> None:
    """The BBC's "Author, Kate Morrow" over "BBC News, Cornwall": her desk, no co-writer."""
    byline = (
        '<div class="bbc-byline"><ul><li><span>Author,</span><span>Kate Morrow</span></li>'
        "<li><span>BBC News, Cornwall</span></li></ul></div>"
    )
    assert extract_article(story(byline), URL).author == "Kate Morrow"


def test_an_outlets_line_beside_a_marked_writer_is_no_second_writer() -> None:
    """MSN's partner box: the outlet's name on a line over the writer its markup names (the
    corpus's msn page was cited "Tech Insider, Alex Perry" by a first cut of the lines)."""
    byline = (
        '<div class="author-box"><div class="sourcename"><a href="https://techinsider.example">'
        'Tech Insider</a></div><div class="authorinfo"><span itemprop="author">'
        '<span itemprop="name">Alex Perry</span></span></div></div>'
    )
    assert extract_article(story(byline), URL).author == "Alex Perry"


def test_the_paper_marked_as_a_byline_beside_its_writer_is_no_writer() -> None:
    byline = (
        '<div class="byline"><span class="byline-item">Maren Holt</span>'
        '<span class="byline-item">Harbourton Courier</span></div>'
    )
    assert extract_article(story(byline), URL).author == "Maren Holt"
