"""An endless-scroll page carrying the next story: the page's article is the story holding the
headline it declares, never the next one's body under its citation, nor both run together.

Pages in the shape Hindustan Times and "infinite next post" themes serve: this story's headline,
byline, figure, body, tags and newsletter box, then a "Next Story" label and the next story
whole. Real parts: the pages through the real extractor.
"""

from __future__ import annotations

import lxml.html
import pytest

from reader.extract import extract_article, to_text
from reader.extract.next_story import without_next_stories

URL = "https://daily.example/cities/harbour-bridge-closes-for-repairs-1017.html"
TITLE = "Harbour bridge closes for six weeks of repairs"

OWN = [
    "The harbour bridge closed to all traffic on Wednesday morning for six weeks of repairs to "
    "its expansion joints, the city's public works department said.",
    "Buses will run over the inland bridge instead, adding about a quarter of an hour to the "
    "trip between the old town and the station, officials said.",
    "Cyclists and people on foot may still cross on the north walkway, which was rebuilt last "
    "year and is not part of the work.",
    '"The joints have moved more than we expected after the summer heat," the chief engineer '
    "told reporters at the bridge.",
]
NEXT = [
    "The ferry company added two sailings each morning from Thursday to carry commuters while "
    "the harbour bridge is shut, cutting the wait at the old town pier to under ten minutes, its "
    "operations manager said.",
    "The extra boats leave the old town pier at seven and at half past eight, and tickets bought "
    "for the bridge bus, the tram or the night service are valid on them, the company said.",
    '"This is the busiest month of the year for us. The two boats were laid up for the winter '
    'and will go back in March," the operations manager, Ana Ruiz, told reporters.',
    "Residents of the island, who had asked for more sailings for years, said they would ask the "
    "company to keep the new boats after the repairs end, at least on weekdays.",
]


def _story(
    headline: str, author: str, body: list[str], dek: str, extra: str = "", after: str = ""
) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (
        f'<div class="fullStory"><h1 class="hdg1">{headline}</h1>'
        f'<h2 class="sortDec">{dek}</h2>'
        f'<div class="actionDiv"><div class="storyBy">By <a href="/author/{author.lower()}">'
        f"{author}</a>, Harbourtown</div>"
        '<div class="dateTime">Updated on Dec 03, 2026 11:32 AM IST</div></div>'
        '<figure><img src="https://daily.example/img/pic.jpg" alt="The bridge">'
        "<figcaption>The bridge on Wednesday. (Daily Photo)</figcaption></figure>"
        '<div class="storyDetails"><div class="detail">'
        f"{paragraphs}{extra}"
        '<div class="storyAd"><div class="adHeight250">Advertisement</div></div>'
        "</div></div>"
        '<div class="storyTopics"><span>Bridge</span><span>Traffic</span></div>'
        f"{after}</div>"
    )


# The page's own story carries more than the next one (a reading link, a list, a newsletter
# box): readability scored the next story's plainer body higher.
OWN_EXTRAS = (
    '<p><strong>Also Read: </strong><a href="https://daily.example/cities/joints-1016.html">'
    "Why bridges need expansion joints</a></p>"
    "<p>Closed during the work:</p>"
    "<ul><li>both car lanes;</li><li>the south walkway;</li><li>the bus stop at the pier.</li></ul>"
)
NEWSLETTER = (
    '<div class="newsletterWidget"><h3>Get Latest Updates on City News</h3>'
    '<p>Subscribe to our newsletter</p><form><input type="email"><button>Subscribe</button>'
    "</form></div>"
)


def _own_story() -> str:
    return _story(
        TITLE,
        "Rhea Kapoor",
        OWN,
        "Buses take the inland bridge; the walkway stays open",
        OWN_EXTRAS,
        NEWSLETTER,
    )


def _next_story() -> str:
    return _story(
        "Ferries add morning sailings while the bridge is shut",
        "Tomas Berg",
        NEXT,
        "Two more boats from the old town pier",
    )


def _page(body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{TITLE} | City News - Daily</title>"
        f'<meta property="og:title" content="{TITLE}">'
        f'<link rel="canonical" href="{URL}">'
        '<script type="application/ld+json">{"@context":"http://schema.org",'
        f'"@type":"NewsArticle","headline":"{TITLE}",'
        '"author":{"@type":"Person","name":"Rhea Kapoor"}}</script>'
        f'</head><body><main class="mainContainer">{body}'
        '<div class="rightSide"><h2>Trending</h2></div></main></body></html>'
    )


LABEL = '<div class="nextStoryLabel">Next Story</div>'
SHAPES = {
    "two articles, a label between": (
        f'<article class="story">{_own_story()}</article>{LABEL}'
        f'<article class="story next">{_next_story()}</article>'
    ),
    "two articles, no label": (
        f'<article class="story">{_own_story()}</article>'
        f'<article class="story next">{_next_story()}</article>'
    ),
    "the next story first": (
        f'<article class="story next">{_next_story()}</article>'
        f'<article class="story">{_own_story()}</article>'
    ),
    "two boxes in a row, no article": f"{_own_story()}{LABEL}{_next_story()}",
}


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_the_article_is_the_story_holding_the_pages_headline(shape: str) -> None:
    article = extract_article(_page(shape), URL)
    text = to_text(article, header=False)
    for paragraph in OWN:
        assert paragraph in text
    for paragraph in NEXT:
        assert paragraph not in text
    assert "Next Story" not in text
    assert "Ferries add morning sailings" not in text
    assert "Tomas Berg" not in text
    assert article.author == "Rhea Kapoor"


def test_a_second_headline_inside_the_story_is_kept() -> None:
    """A site setting a section's heading as an `<h1>` within its story: one story still."""
    body = (
        f'<article class="story"><h1>{TITLE}</h1><p class="byline">By Rhea Kapoor</p>'
        + "".join(f"<p>{p}</p>" for p in OWN[:2])
        + "<h1>What changes for drivers</h1><p>By car, the inland bridge is the way.</p>"
        + "".join(f"<p>{p}</p>" for p in OWN[2:])
        + "</article>"
    )
    text = to_text(extract_article(_page(body), URL), header=False)
    for paragraph in OWN:
        assert paragraph in text
    assert "What changes for drivers" in text


def test_a_headline_over_a_body_of_its_own_box_is_kept() -> None:
    """The page's headline in a header box, the body in the box after it, opened by a
    heading set as an `<h1>`: the body is the story's, not another story."""
    body = (
        f'<header class="article-header"><h1>{TITLE}</h1>'
        '<p class="byline">By Rhea Kapoor</p></header>'
        '<div class="article-body"><h1>Six weeks without the bridge</h1>'
        '<p class="byline">By Rhea Kapoor</p>' + "".join(f"<p>{p}</p>" for p in OWN) + "</div>"
    )
    text = to_text(extract_article(_page(body), URL), header=False)
    for paragraph in OWN:
        assert paragraph in text


def test_a_box_of_prose_with_its_own_headline_but_no_byline_or_label_is_kept() -> None:
    """After the story, a box under an `<h1>` of its own with neither a byline nor a "Next
    Story" label before it: not taken for another story."""
    body = (
        f'<article class="story">{_own_story()}</article>'
        '<section class="explainer"><h1>How the joints work</h1>'
        + "".join(f"<p>{p}</p>" for p in NEXT)
        + "</section>"
    )
    doc = lxml.html.fromstring(_page(body))
    without_next_stories(doc, (TITLE,), URL)
    assert doc.find(".//section") is not None


def _h2_story(byline: str = "", dateline: str = "") -> str:
    """The next story as a page of endless scroll may add it with no label and no `<article>`:
    its headline an `<h2>`, then its byline and date line, then its body."""
    return (
        '<div class="storyBox"><h2 class="storyHeadline">Ferries add morning sailings while the '
        f"bridge is shut</h2>{byline}{dateline}" + "".join(f"<p>{p}</p>" for p in NEXT) + "</div>"
    )


NEXT_BYLINE = (
    '<div class="storyBy">By <a href="/author/tomas-berg">Tomas Berg</a>, Harbourtown</div>'
)
NEXT_DATELINE = '<div class="dateTime">Updated on Dec 03, 2026 10:05 AM IST</div>'
H2_SHAPES = {
    "boxes in a row": f"{_own_story()}{_h2_story(NEXT_BYLINE, NEXT_DATELINE)}",
    "boxes in a wrapper": (
        f'<div class="stories">{_own_story()}{_h2_story(NEXT_BYLINE, NEXT_DATELINE)}</div>'
    ),
    "byline and date on one line": (
        f"{_own_story()}"
        + _h2_story('<p class="meta">By Tomas Berg | December 3, 2026, 10:05 AM</p>')
    ),
    "a <time> and a plain 'By' line": (
        f"{_own_story()}" + _h2_story("<p>By Tomas Berg</p>", "<time>December 3, 2026</time>")
    ),
}


@pytest.mark.parametrize("shape", H2_SHAPES.values(), ids=H2_SHAPES.keys())
def test_a_next_story_under_an_h2_signed_and_dated_is_left_out(shape: str) -> None:
    """Before, both stories ran together under this one's citation."""
    article = extract_article(_page(shape), URL)
    text = to_text(article, header=False)
    for paragraph in OWN:
        assert paragraph in text
    for paragraph in NEXT:
        assert paragraph not in text
    assert "Ferries add morning sailings" not in text
    assert "Tomas Berg" not in text
    assert article.author == "Rhea Kapoor"


H2_KEPT = {
    # A box after the story under an <h2> with a body but only a byline, or only a date: a
    # column's or a timeline's, not shown to be a story of the stream.
    "signed, not dated": f"{_own_story()}{_h2_story(NEXT_BYLINE)}",
    "dated, not signed": f"{_own_story()}{_h2_story('', NEXT_DATELINE)}",
}


@pytest.mark.parametrize("shape", H2_KEPT.values(), ids=H2_KEPT.keys())
def test_an_h2_box_neither_signed_nor_dated_is_not_taken_for_a_story(shape: str) -> None:
    doc = lxml.html.fromstring(_page(shape))
    without_next_stories(doc, (TITLE,), URL)
    assert doc.find(".//div[@class='storyBox']") is not None


def _sections(tag: str, signature: str, dateline: str = "<p>December 1, 2026</p>") -> str:
    """The story in a box of `tag`: its headline and first paragraphs, then a section under an
    `<h2>` opening with `signature` and a date (a timeline's entry, a quoted letter's
    signature), then the rest."""
    return (
        f'<{tag} class="story"><div class="intro"><h1>{TITLE}</h1>'
        '<p class="byline">By Rhea Kapoor</p>'
        + "".join(f"<p>{p}</p>" for p in OWN[:2])
        + f'</div><div class="section"><h2>What the engineers found</h2>{signature}{dateline}'
        + "".join(f"<p>{p}</p>" for p in OWN[2:])
        + f"</div></{tag}>"
    )


def _live_entries() -> str:
    """The story's updates after its first paragraphs, each under an `<h2>`, signed and
    dated, in no `<article>`."""
    entries = "".join(
        f'<div class="update"><h2>Update {n}: the bridge</h2><p class="author">By Rhea Kapoor'
        f"</p><p>December {n}, 2026, 10:05 AM</p><p>{p}</p></div>"
        for n, p in enumerate(OWN[2:], start=1)
    )
    return (
        f'<div class="story"><div class="intro"><h1>{TITLE}</h1>'
        + "".join(f"<p>{p}</p>" for p in OWN[:2])
        + f'</div><div class="updates">{entries}</div></div>'
    )


SECTIONS_KEPT = {
    # Inside the story's <article>: its sections, whoever signs one.
    "a signed section in the article": _sections("article", "<p>By Rhea Kapoor</p>"),
    # A "By" line naming no one.
    "'By the north pier'": _sections("div", "<p>By the north pier</p>"),
    # Entries each signed and dated: a live blog's, not one story.
    "updates each signed and dated": _live_entries(),
}


@pytest.mark.parametrize("body", SECTIONS_KEPT.values(), ids=SECTIONS_KEPT.keys())
def test_a_storys_own_h2_sections_stay_whole(body: str) -> None:
    text = to_text(extract_article(_page(body), URL), header=False)
    for paragraph in OWN:
        assert paragraph in text


def test_a_body_opened_by_an_h2_standfirst_byline_and_date_is_the_storys() -> None:
    """The headline alone in a header box, the body's box opening with the standfirst as an
    `<h2>`, the byline and the date: that body is the story's own."""
    body = (
        f'<header class="article-header"><h1>{TITLE}</h1></header>'
        '<div class="article-body"><h2>Buses take the inland bridge</h2>'
        f"{NEXT_BYLINE.replace('Tomas Berg', 'Rhea Kapoor')}{NEXT_DATELINE}"
        + "".join(f"<p>{p}</p>" for p in OWN)
        + "</div>"
    )
    text = to_text(extract_article(_page(body), URL), header=False)
    for paragraph in OWN:
        assert paragraph in text
