"""A page declaring no author (no JSON-LD, no meta) is cited by the byline it shows: Hindustan
Times' `<div class="storyBy">By <a href="/author/…">Name</a>, New Delhi</div>`, the writer
linked to their page and the city after a comma. Real parts: the page through the real
extractor.
"""

from __future__ import annotations

from reader.extract import extract_article

PARAGRAPHS = [
    "Pune's civic body on Wednesday began fitting air purifiers at its twelve busiest bus stops.",
    "The units will run from 6am to 11pm and report their readings to a public dashboard.",
    "Officials said a second batch would follow in March if the first showed results.",
    "Commuters at Swargate said the smell of diesel near the stand had eased within hours.",
]


def _page(byline: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Purifiers go up at Pune bus stops | City News - Daily Chronicle</title>"
        '<meta property="og:title" content="Purifiers go up at Pune bus stops">'
        '<meta property="og:site_name" content="Daily Chronicle"></head><body>'
        '<div class="mainContainer"><div class="fullStory">'
        '<h1 class="hdg1">Purifiers go up at Pune bus stops</h1>'
        f'<div class="actionDiv flexElm topTime">{byline}<div class="dateTime">Updated on Dec 03,'
        " 2026 09:05 AM IST</div></div>"
        f'<div class="storyDetails"><div class="detail">{body}</div></div></div></div>'
        "</body></html>"
    )


URL = "https://www.chronicle.example/cities/pune-news/purifiers-bus-stops-1017.html"


def test_the_story_by_line_names_its_writer() -> None:
    """Was `author` "" (a class "storyBy" named no byline)."""
    byline = (
        '<div class="storyBy">By <a href="/author/meera-kulkarni-101">Meera Kulkarni</a>, Pune'
        "</div>"
    )
    assert extract_article(_page(byline), URL).author == "Meera Kulkarni"


def test_the_writer_linked_to_their_page_is_the_author_not_the_city_after_it() -> None:
    """A place of two words after the comma is no second writer: was "Meera Kulkarni, New
    Delhi" once the byline was found."""
    byline = (
        '<div class="storyBy">By <a href="/author/meera-kulkarni-101">Meera Kulkarni</a>,'
        " New Delhi</div>"
    )
    assert extract_article(_page(byline), URL).author == "Meera Kulkarni"


def test_two_writers_linked_to_their_pages_are_both_cited() -> None:
    byline = (
        '<div class="storyBy">By <a href="/author/meera-kulkarni-101">Meera Kulkarni</a> and '
        '<a href="/author/arjun-rao-77">Arjun Rao</a>, New Delhi</div>'
    )
    assert extract_article(_page(byline), URL).author == "Meera Kulkarni, Arjun Rao"


def test_a_standby_box_is_no_byline() -> None:
    """ "by" ending another word names no byline ("standby", "nearby")."""
    byline = '<div class="standby">By the river, New Delhi</div>'
    assert extract_article(_page(byline), URL).author == ""
