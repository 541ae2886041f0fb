"""The lead's search for the body's first paragraph on the page (`lead._starting_with`): each
box's text is read only as far as the paragraph's opening words need, and must say what
reading the whole text would. The story's key points in its header are read before the body."""

from __future__ import annotations

import random

import lxml.html
import pytest

from reader.extract import extract_article, to_text
from reader.extract.lead import _norm, _opens_with, _starting_with, _under_the_headline
from reader.models import BlockKind
from tests.test_paywall import STORY as PAYWALL_STORY

# Pieces of a page's text: words, whitespace of every kind, and letters whose case folding is
# longer than they are ("ß" is "ss", the ligature "ﬁ" is "fi").
PIECES = ["Harbour", "STRAẞE", "ﬁsh", "board", " ", "\n  ", "\t", "\xa0", "", "İ", ",", "quay"]


def random_box(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randint(0, 4)):
        roll = rng.random()
        if roll < 0.5 or depth > 3:
            parts.append("".join(rng.choice(PIECES) for _ in range(rng.randint(0, 5))))
        elif roll < 0.6:
            parts.append(f"<!-- {rng.choice(PIECES)} -->")
        else:
            tag = rng.choice(["div", "p", "span", "b"])
            parts.append(f"<{tag}>{random_box(rng, depth + 1)}</{tag}>")
    return "".join(parts)


def test_a_box_read_as_far_as_needed_says_what_its_whole_text_says() -> None:
    rng = random.Random(3)
    for _ in range(600):
        root = lxml.html.fragment_fromstring(random_box(rng), create_parent="div")
        for el in root.iter("div", "p", "span", "b"):
            whole = _norm(el.text_content())
            starts = [whole[:n] for n in range(len(whole) + 2)] + [whole[:5] + "x", "board"]
            for start in starts:
                assert _opens_with(el, start) == whole.startswith(start), (
                    lxml.html.tostring(el),
                    start,
                )


def test_the_outermost_box_opening_with_the_paragraph_is_found() -> None:
    """The wrappers round the whole page open with its header, not with the paragraph: the
    first box opening with it is the body's (a standfirst before it is the header's)."""
    page = lxml.html.document_fromstring(
        "<html><body><div id='page'><div class='header'><h1>Dredging put off</h1>"
        "<p class='dek'>Munitions found in the silt.</p></div>"
        "<div class='main'><div class='body'><p>The harbour board has put off its vote on "
        "dredging the inner basin until the spring.</p><p>Board members were told…</p>"
        "</div></div></div></body></html>"
    )
    found = _starting_with(page, _norm("The harbour board has put off its vote")[:60])
    assert found is not None and found.get("class") == "main"


# Bloomberg's header: the headline and the story's key points in its lead box, the byline,
# then the body, which readability takes alone.
POINTS = ["Spot berths at the north quay booked until March", "Two outer berths may go to crabbers"]
# The paywall tests' story, its first three paragraphs.
BODY = PAYWALL_STORY[:3]


def points_page(header_list: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Dredging vote put off</title></head><body><nav><a href="/">Home</a></nav><main><article>
<div class="lede-text-v2"><h1 class="headline">Dredging vote put off</h1>{header_list}</div>
<div class="byline"><a rel="author" href="/authors/ines">Ines Marlow</a></div>
<div class="body-content">{body}</div></article></main></body></html>"""


@pytest.mark.parametrize(
    "header_list",
    [
        '<ul class="abstract-v2">' + "".join(f"<li>{p}</li>" for p in POINTS) + "</ul>",
        '<ul class="list">' + "".join(f"<li>{p}</li>" for p in POINTS) + "</ul>",
        '<ul class="c-key-points">' + "".join(f"<li>{p}</li>" for p in POINTS) + "</ul>",
    ],
    ids=["bloomberg-abstract", "in-the-lead-box", "key-points"],
)
def test_the_key_points_in_the_header_come_before_the_body(header_list: str) -> None:
    """Bloomberg's two summary bullets under the headline were dropped: readability took the
    body alone, and the lead is looked for as a paragraph."""
    article = extract_article(points_page(header_list), "https://quay.example/a.html")
    items = [b for b in article.blocks if b.kind == BlockKind.LIST_ITEM]
    assert [b.text for b in items] == POINTS
    first = next(i for i, b in enumerate(article.blocks) if b.text == BODY[0])
    assert article.blocks.index(items[-1]) < first
    assert all(p in to_text(article) for p in BODY)


def test_a_header_list_of_links_or_labels_is_no_key_points() -> None:
    topics = "".join(
        f'<li><a href="/t/{t}">{t} and more news</a></li>' for t in ("Port", "Ferries")
    )
    labels = "<li>Port</li><li>Ferries</li>"
    for header_list in (f'<ul class="summary">{topics}</ul>', f'<ul class="summary">{labels}</ul>'):
        article = extract_article(points_page(header_list), "https://quay.example/a.html")
        assert not any(b.kind == BlockKind.LIST_ITEM for b in article.blocks)


def _line_under_headline(box: str, line: str) -> bool:
    page = lxml.html.document_fromstring(
        f"<html><body><article><{box}><h1>Harbour to close</h1>{line}</{box}>"
        "<div class='body'><p>The harbour will close on Monday for a month of repairs.</p>"
        "</div></article></body></html>"
    )
    body = page.find(".//div[@class='body']/p")
    return _under_the_headline(page.find(".//h1").getnext(), body)


def test_a_paragraph_under_the_headline_is_a_subtitle_only_in_the_articles_header() -> None:
    line = "<p>The repairs will cost £2 million and take a month.</p>"
    assert _line_under_headline("header", line)
    # BuzzFeed's <hgroup><h1>…<p class="description">: a blurb, unless its name says more.
    assert not _line_under_headline("hgroup", line)
    assert not _line_under_headline("div", line)
    # A subheading under the headline is its subtitle in any box of its own.
    assert _line_under_headline("div", "<h2>The repairs will cost £2 million</h2>")
