"""A page that names the article's own paragraphs as furniture keeps them.

Some templates give every paragraph of a story a class that reads as page furniture
("<p class="ad-text">", "sidebar-text", "comment-text": the slot its script fills between
them, a style sheet's name). One by one each paragraph is a short box so named; together they
are the article, and a class word must never take the article away. Furniture of its own
name beside such a story, readers' comments under a short story and sponsored offers beside
a brief still go.
"""

from __future__ import annotations

import pytest

from reader.extract import extract_article, to_markdown, to_text

URL = "https://news.example.com/2026/12/channel-dredged.html"
STORY = (
    "The harbour board voted on Tuesday to dredge the eastern channel before the spring "
    "tides, ending a dispute that had kept the larger ferries at anchor since October.",
    "Dredging will start in the second week of February and take about a month, the board's "
    "engineer said, with the work done at night so the fishing fleet can still land its catch.",
    "He declined to comment.",
    "Skippers had warned that the silted channel left less than a metre of water under their "
    "keels at low tide, and two boats ran aground there in November.",
    "The council will meet the cost of the work from its reserves and recover it from "
    "mooring fees over the next five years.",
)
# Class words the cleanup passes (ours and readability's) read as furniture, as the acceptance
# pages named every paragraph of a story.
FURNITURE_CLASSES = (
    "ad-text",
    "author-text",
    "comment-text",
    "cookie-text",
    "footer-text",
    "modal-body",
    "newsletter-text",
    "popup-content",
    "promo-text",
    "related-text",
    "share-text",
    "sidebar-text",
    "social-text",
    "sponsored",
)


def _paragraphs(cls: str) -> str:
    return "".join(f'<p class="{cls}">{text}</p>' for text in STORY)


def _page(body: str) -> bytes:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Channel to be dredged | Kestrel Bay Echo</title></head><body>"
        '<header class="site-header"><a href="/">Kestrel Bay Echo</a>'
        '<nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>'
        f"{body}"
        '<footer class="site-footer"><p>© 2026 Kestrel Bay Echo</p></footer></body></html>'
    ).encode()


def _text(page: bytes) -> str:
    return " ".join(to_text(extract_article(page, URL)).split())


def _in_order(text: str, parts: tuple[str, ...]) -> bool:
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
    return True


@pytest.mark.parametrize("cls", FURNITURE_CLASSES)
def test_every_paragraph_named_as_furniture_is_still_the_article(cls: str) -> None:
    page = _page(
        f'<article><h1>Channel to be dredged</h1><div class="story-body">{_paragraphs(cls)}'
        "</div></article>"
    )
    text = _text(page)
    # Every paragraph, the short line between them too, in the page's order.
    assert _in_order(text, STORY)
    assert "Sport" not in text


@pytest.mark.parametrize("cls", ["ad-text", "sidebar-text", "comment-text", "author-text"])
def test_so_named_paragraphs_under_a_headline_with_no_article_element(cls: str) -> None:
    page = _page(f'<div class="page"><h1>Channel to be dredged</h1>{_paragraphs(cls)}</div>')
    markdown = to_markdown(extract_article(page, URL), header=False)
    assert _in_order(markdown, STORY)


def test_furniture_of_another_name_beside_such_a_story_still_goes() -> None:
    notice = (
        "We use cookies to understand how you use our site and to show you offers from our "
        "partners. By continuing to browse you agree to our use of cookies."
    )
    offers = "".join(
        f'<p class="promo-text">Offer {i}: stay at the Dunmore cottages this winter, book a '
        "week by the sea and save a fifth on any stay of three nights or more.</p>"
        for i in range(2)
    )
    page = _page(
        f'<div class="cookie-notice"><p>{notice}</p></div>'
        f"<article><h1>Channel to be dredged</h1>{_paragraphs('ad-text')}{offers}</article>"
    )
    text = _text(page)
    assert _in_order(text, STORY)
    assert "We use cookies" not in text
    assert "Dunmore cottages" not in text


def test_readers_comments_under_a_story_of_short_paragraphs_still_go() -> None:
    comments = "".join(
        f'<li class="comment"><span class="user">reader{i}</span><p>Comment {i}: this is the '
        "third time this year they have closed that channel, and every time the ferry waits "
        "an hour longer, which nobody at the board seems to care about.</p></li>"
        for i in range(6)
    )
    page = _page(
        '<div class="story"><h1>Channel to be dredged</h1>'
        "<p>The eastern channel will be dredged from February.</p>"
        "<p>Ferries will use the western approach meanwhile.</p>"
        "<p>The board apologised for the delays.</p></div>"
        f'<ol class="commentlist">{comments}</ol>'
    )
    text = _text(page)
    assert "The board apologised for the delays." in text
    assert "Comment" not in text
    assert "reader1" not in text


def test_so_named_paragraphs_are_read_with_unnamed_text_outside_the_story() -> None:
    # readability-lxml removes "comment" and "sidebar" parts by name too, before it scores the
    # page: the story went, and the prose outside it was read in its place.
    about = "".join(
        f"<p>The Kestrel Bay Echo has served the bay's villages since 1887 (part {i}), "
        "printed each Thursday and read online by fishermen, ferry crews and visitors.</p>"
        for i in range(3)
    )
    page = _page(
        f"<article><h1>Channel to be dredged</h1>{_paragraphs('sidebar-text')}</article>"
        f'<div class="about-us">{about}</div>'
    )
    assert _in_order(_text(page), STORY)


@pytest.mark.parametrize("byline", ["", '<p class="author-text">By Maren Holt</p>'])
def test_a_story_named_as_its_author_s_box_names_no_author_of_its_words(byline: str) -> None:
    # Cut at its first digit, the first paragraph's "Pier 7 reopened…" was cited "Author: Pier".
    story = (
        "Pier 7 reopened on Monday after a month of repairs, the harbour board said, and the "
        "ferries will use it again from the spring timetable.",
        *STORY,
    )
    paragraphs = "".join(f'<p class="author-text">{text}</p>' for text in story)
    page = _page(f"<article><h1>Channel to be dredged</h1>{byline}{paragraphs}</article>")
    article = extract_article(page, URL)
    assert article.author == ("Maren Holt" if byline else "")
    assert _in_order(_text(page), story)
