"""A section front (a paper's "Opinion" page: teasers to other stories) is said to be one and
shown as its list of linked teasers, in `reader extract`/`show` (text, Markdown, JSON), the
record the store keeps and the reading view; an article with a box of related stories stays an
article. Real parts: pages served on 127.0.0.1, fetched, extracted and cached, read with Pilot."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from reader.codec import article_from_dict, article_to_dict
from reader.extract import extract_article, to_markdown, to_text
from reader.models import BlockKind
from tests.tui_pilot import reading, screen_text, subscribe_to_page

DATA = Path(__file__).parent / "data"
BASE = "https://news.example.com/2024/"


def _front(case: str):
    return extract_article((DATA / f"{case}.html").read_bytes(), BASE + f"{case}.html")


def _teaser(n: int, section: str) -> str:
    return f"""<li><article><figure><a href="/es/2022/01/2{n}/{section}/story-{n}.html">
    <img src="/img/{n}.jpg" alt=""></a><figcaption>Credit Photo Desk</figcaption></figure>
    <h2><a href="/es/2022/01/2{n}/{section}/story-{n}.html">Story number {n} of the {section}
    section</a></h2><p>A summary of story {n} in one plain sentence of its own.</p>
    <p>By Ana Ruiz</p></article></li>"""


# The shape of a paper's front abroad: each section headed by a link to its own page.
LINKED_SECTIONS = f"""<html lang="es"><head><title>Portada</title></head><body><main>
<section><header><h2><a href="/es/section/opinion">Opinión ›</a></h2></header>
<ol>{"".join(_teaser(n, "opinion") for n in range(3))}</ol></section>
<section><header><h2><a href="/es/spotlight/salud">Salud ›</a></h2></header>
<ol>{"".join(_teaser(n, "salud") for n in range(3, 6))}</ol></section>
</main></body></html>"""


def test_a_front_is_said_and_each_teaser_is_a_linked_item() -> None:
    article = _front("section-front")
    assert article.section_front and article.stories == 6
    assert not article.in_part and not article.incomplete
    items = [b for b in article.blocks if b.kind == BlockKind.LIST_ITEM]
    assert len(items) == 6
    kicker, headline = items[0].inlines[:2]
    assert kicker.text == "Harbour Life: " and not kicker.strong
    assert headline.strong
    assert headline.href == "https://news.example.com/2024/05/ferry-timetable.html"
    assert items[0].text == (
        "Harbour Life: The winter ferry timetable ends early this year — Extra crossings start "
        "in April after the operator hired two more crews for the island routes. By Jo Park"
    )
    markdown = to_markdown(article)
    assert "A section front: 6 stories, each linked  \n" in markdown
    # Plain text keeps no link: a teaser gives its story's address there.
    text = to_text(article)
    assert "A section front: 6 stories, each linked\n" in text
    assert (
        "• Harbour Life: The winter ferry timetable ends early this year "
        "<https://news.example.com/2024/05/ferry-timetable.html> — Extra crossings" in text
    )


def test_a_kicker_set_as_a_label_not_a_heading_is_kept_before_its_headline() -> None:
    # `<span class="kicker">`, `<p class="eyebrow">` alone in a box, `<div class="overline">`:
    # the cleanup drops them with the bylines, the teaser keeps them.
    article = _front("section-front-label-kickers")
    assert article.section_front
    items = [b.text for b in article.blocks if b.kind == BlockKind.LIST_ITEM]
    assert items[0].startswith("Guest essay: Why the tide clocks")
    assert items[1].startswith("Letters: Readers on the winter ferry")
    assert items[2].startswith("The swing bridge")  # none set over it
    assert items[3].startswith("Analysis: The savings gap")


def _dated_cards(head: str = "") -> str:
    cards = "".join(
        f"""<article class="card"><h2><a href="/news/story-{n}.html">Story number {n}: the
        council votes on the harbour plan</a></h2><time datetime="2026-12-0{n % 4 + 1}">Dec
        {n % 4 + 1}</time></article>"""
        for n in range(8)
    )
    return (
        f"<html><head><title>Harbour Post</title>{head}</head>"
        f"<body><main>{cards}</main></body></html>"
    )


def test_a_fronts_teasers_times_are_their_stories_not_the_fronts() -> None:
    article = extract_article(_dated_cards(), "https://news.example.com/home.html")
    assert article.section_front
    assert article.published is None and article.updated is None
    assert "Published" not in to_text(article)
    # A date the page declares of itself is the front's.
    declared = '<meta property="article:published_time" content="2026-11-30T06:00:00Z">'
    article = extract_article(_dated_cards(declared), "https://news.example.com/home.html")
    assert article.section_front
    assert article.published is not None and article.published.isoformat().startswith("2026-11-30")


def test_an_article_with_a_box_of_related_stories_is_no_front() -> None:
    # Three short paragraphs, then six teaser cards inside the story's own body.
    article = _front("article-with-related-box")
    assert not article.section_front and article.stories == 0
    assert article.author == "Maya Lund"
    text = to_text(article)
    assert "section front" not in text
    assert text.rstrip().endswith("who has sat on the board since 2019.")


def test_a_section_headed_by_a_link_to_its_page_is_a_heading_not_a_story() -> None:
    article = extract_article(LINKED_SECTIONS, "https://news.example.com/es/")
    assert article.section_front and article.stories == 6
    headings = [b for b in article.blocks if b.kind == BlockKind.HEADING]
    assert [h.text for h in headings] == ["Opinión ›", "Salud ›"]
    assert headings[0].inlines[0].href == "https://news.example.com/es/section/opinion"
    assert "Credit" not in to_text(article)


def test_the_record_and_the_json_say_a_front() -> None:
    front, story = _front("section-front"), _front("article-with-related-box")
    assert article_from_dict(article_to_dict(front)).section_front
    assert "section_front" not in article_to_dict(story)  # as records before it read
    assert not article_from_dict(article_to_dict(story)).section_front
    from reader.codec import article_to_json

    assert article_to_json(front)["section_front"] is True
    assert article_to_json(story)["section_front"] is False


def test_reader_extract_json_says_a_front(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    page = str(DATA / "section-front.html")
    assert main(["extract", page, "--url", BASE + "front.html", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["section_front"] is True and data["partial"] is False


def test_the_reading_view_and_reader_show_say_a_front_above_its_teasers(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (DATA / "section-front.html").read_text(encoding="utf-8")
    subscribe_to_page(data_dir, page, "Coast Gazette", "Latest from the coast", "/latest/")

    async def run() -> str:
        async with reading(data_dir, "Latest", (100, 40)) as (app, _pilot, _body):
            return screen_text(app)

    screen = asyncio.run(run())
    assert "A section front: 6 stories, each linked." in screen
    assert "Harbour Life: The winter ferry timetable ends early this year" in screen
    assert screen.index("A section front") < screen.index("Highlights")
    # The copy cached, as `reader show` gives it offline.
    from reader.cli import main

    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "list", "--ids"]) == 0
    entry = capsys.readouterr().out.split()[0]
    assert main(["--data-dir", str(data_dir), "show", entry, "--offline"]) == 0
    shown = capsys.readouterr().out
    assert "A section front: 6 stories, each linked\n" in shown
    # Each teaser's story numbered as every link is, its address in the list after the text.
    teaser = "• Harbour Life: The winter ferry timetable ends early this year[1] — Extra"
    assert teaser in shown and "\nLinks:\n1. http://" in shown
