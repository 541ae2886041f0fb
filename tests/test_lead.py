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


# A standfirst named as the Hindustan Times ("sortDec", its short description), the Indian
# Express ("synopsis") or the Süddeutsche (`data-manual="teaserText"`) names it, in the
# header above the byline, the photo and the body.
DEK = "Divers found two more shells in the silt; the board wants a survey first"


@pytest.mark.parametrize(
    "header",
    [
        f'<div class="story"><h1>Dredging vote put off</h1><h2 class="sortDec">{DEK}</h2>',
        f'<div class="story"><h1>Dredging vote put off</h1><h2 class="synopsis">{DEK}</h2>',
        '<div class="story"><header><h2><span data-manual="title">Dredging vote put off</span>'
        f'</h2><p class="css-1485smx" data-manual="teaserText">{DEK}</p></header>',
    ],
    ids=["short-description", "synopsis", "teaser-text"],
)
def test_a_standfirst_named_a_short_description_or_teaser_text_is_kept(header: str) -> None:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Dredging vote put off</title></head><body><main>{header}
<div class="byline">By <a href="/authors/ines">Ines Marlow</a></div>
<figure><img src="/silt.jpg" alt="The inner basin"><figcaption>The inner basin at low water on
Tuesday.</figcaption></figure><div class="story-body">{body}</div></div></main></body></html>"""
    article = extract_article(page, "https://quay.example/a.html")
    texts = [b.text for b in article.blocks]
    assert DEK in texts
    assert texts.index(DEK) < texts.index(BODY[0])


def key_points_page(box: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Dredging vote put off</title></head><body><main><article>
<div data-component="Heading"><h1>Dredging vote put off</h1></div>
<div data-component="Byline"><span>By <a href="/authors/ines">Ines Marlow</a></span></div>
{box}<div id="body" data-component="ArticleBody">{body}</div></article></main></body></html>"""


def test_key_points_named_by_a_test_hook_come_before_the_body() -> None:
    """The SCMP's summary bullets are named only by `data-qa` ("ContentSubHeadline-SubHeadline")."""
    bullets = "".join(f"<li>{p}</li>" for p in POINTS)
    header = f'<ul data-qa="ContentSubHeadline-SubHeadline">{bullets}</ul>'
    article = extract_article(key_points_page(header), "https://quay.example/a.html")
    items = [b.text for b in article.blocks if b.kind == BlockKind.LIST_ITEM]
    assert items == POINTS


# ABC News's key points: a box of paragraphs under their own labels, between the byline and the
# body, named only by `data-component` and the section's `aria-label`.
KEY_POINTS_BOX = (
    '<div data-component="KeyPoints"><section aria-label="Key points"><h2>In short:</h2>'
    f"<p>{POINTS[0]}.</p><p>{POINTS[1]}.</p><h2>What's next?</h2>"
    "<p>The board will vote again on January 15.</p></section></div>"
)


def test_a_box_of_key_points_under_labels_comes_before_the_body_its_labels_bold() -> None:
    article = extract_article(key_points_page(KEY_POINTS_BOX), "https://quay.example/a.html")
    blocks = list(article.blocks)
    texts = [b.text for b in blocks]
    wanted = ["In short:", f"{POINTS[0]}.", f"{POINTS[1]}.", "What's next?"]
    wanted.append("The board will vote again on January 15.")
    start = texts.index("In short:")
    assert texts[start : start + 5] == wanted
    assert start + 5 == texts.index(BODY[0])
    # The labels are bold lines, not headings the body would fall under.
    labels = [blocks[start], blocks[start + 3]]
    assert all(b.kind == BlockKind.PARAGRAPH and b.inlines[0].strong for b in labels)


def test_a_box_named_key_points_holding_links_is_not_taken() -> None:
    links = (
        '<section aria-label="Key points"><p><a href="/a">Ferry timetable changes from next '
        'week</a></p><p><a href="/b">Harbour master retires after thirty years</a></p></section>'
    )
    article = extract_article(key_points_page(links), "https://quay.example/a.html")
    assert "Ferry timetable" not in to_text(article)
    assert to_text(article).count(BODY[0]) == 1


WIRE_STORY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Lakeport council votes to buy back the marina | AP News</title></head><body>
<main><div class="Page-content">
<div class="Page-lead"><h1 class="Page-headline">Lakeport council votes to buy back the
marina</h1></div>
<div class="Page-byline"><span class="Page-authors">By NORA VELD</span></div>
<div class="RichTextStoryBody RichTextBody">
<p>LAKEPORT, Mich. (AP) — The Lakeport city council voted 5-2 on Tuesday to buy back the
municipal marina it sold to a private operator in 2011, ending a decade of disputes over slip
fees.</p>
<p>The purchase, at $4.1 million, will be paid from a harbor bond the voters approved in May.
The operator said it would not contest the sale.</p>
<p>Boat owners packed the meeting. Several said fees had tripled since the sale while the docks
were left to rot.</p>
</div></div></main></body></html>"""


def test_a_headline_in_a_box_named_lead_is_not_the_stories_first_paragraph() -> None:
    """AP's `div.Page-lead > h1`: the headline's box named "lead" was taken for the standfirst,
    and the body opened by repeating the headline under the citation."""
    article = extract_article(WIRE_STORY, "https://apnews.com/article/lakeport-marina-0a1b2c")
    paragraphs = [b.text for b in article.blocks if b.kind == BlockKind.PARAGRAPH]
    assert paragraphs[0].startswith("LAKEPORT, Mich. (AP)")
    assert not any(p.startswith("Lakeport council votes") for p in paragraphs)
