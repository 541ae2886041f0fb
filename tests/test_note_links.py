"""Links within an article: a note's number ("[1]" to "#cite_note-1", "¹" to "#fn1", a lettered
"[a]") leads to the note in the reading view, marked, and Esc comes back to the number, as a
browser's Back does.

The extractor keeps, on each note's block, the id the article's links name (`Block.anchors`):
never shown, nor written into `reader extract`'s Markdown or text; the store keeps them beside
the blocks, where a reader from before them doesn't look. Pages served on 127.0.0.1, read by the
real extractor and the reader driven with Pilot.
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from reader.codec import _block_to_list, article_from_dict, article_to_dict, article_to_json
from reader.extract import extract_article, extract_file
from reader.models import Article, BlockKind
from reader.render import to_markdown, to_text
from reader.ui.app import ReaderApp
from reader.ui.dialogs.links import LinksScreen
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.article_state import FOLLOWED
from reader.ui.widgets.article.body_links import NOTE_COMPONENT
from tests.tui_pilot import (
    marked,
    notices_raised,
    on_top,
    reading,
    resize,
    screen_text,
    status,
    subscribe_to_page,
    until,
)


def filler(numbers: range) -> str:
    """Paragraphs enough to put the notes below the first screen."""
    return "".join(
        f"<p>Paragraph {n} of the harbour's history: the quay was rebuilt, the fleet grew and"
        " shrank, and the pilchards came and went with the seasons, as the parish records tell"
        " in their plain hand year after year.</p>"
        for n in numbers
    )


FILLER = filler(range(1, 9))
WIKI = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Polventon Harbour - Wikipedia</title></head><body>
<div id="mw-navigation"><a href="/wiki/Main_Page">Main page</a></div>
<main id="content"><h1 id="firstHeading">Polventon Harbour</h1>
<div id="mw-content-text" class="mw-parser-output">
<p><b>Polventon Harbour</b> is a drying harbour on the south coast of Cornwall, built in 1811
for the fishing fleet.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup>
Its outer wall was lengthened after the storm of 1866.<sup id="cite_ref-a" class="reference"><a
href="#cite_note-a">[a]</a></sup></p>
{FILLER}
<h2><span class="mw-headline" id="Notes">Notes</span></h2>
<div class="reflist"><ol class="references" style="list-style-type: lower-alpha">
<li id="cite_note-a"><span class="mw-cite-backlink"><b><a href="#cite_ref-a">^</a></b></span>
<span class="reference-text">The storm wall is older than the harbour board's minutes say:
a stone dated 1867 was found in it in 1990.</span></li></ol></div>
<h2><span class="mw-headline" id="References">References</span></h2>
<div class="reflist"><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span>
<span class="reference-text">Penhale, R. (1984). <i>Small harbours of the south coast</i>.
Penzance: Quay Books. p. 61.</span></li></ol></div>
</div></main></body></html>"""
SCIENCE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Salt marsh accretion under rising tides | Coastal Letters</title></head><body>
<article><h1>Salt marsh accretion under rising tides</h1>
<section><h2>Introduction</h2>
<p>Marshes keep pace with the sea when sediment settles faster than the water rises<sup><a
href="#fn1" id="r1">1</a></sup>, and most of it settles at the highest tides.</p>
</section>
<section><h2>Methods</h2>{filler(range(1, 5))}</section>
<section><h2>Results</h2>{filler(range(5, 9))}</section>
<section class="footnotes"><h2>Notes</h2><ol>
<li id="fn1">Measured with marker horizons laid in 2019 and cored in 2025. <a
href="#r1">↩</a></li></ol></section>
</article></body></html>"""

CASES = {
    "wikipedia-number": (WIKI, "cite_note-1", "Penhale, R. (1984)."),
    "wikipedia-letter": (WIKI, "cite_note-a", "The storm wall is older"),
    "journal-superscript": (SCIENCE, "fn1", "Measured with marker horizons"),
}


def selects(app: ReaderApp, fragment: str) -> bool:
    """The status line shows the selected link to `fragment` (the feed's state beside it)."""
    return re.search(rf"^Link \d+ of \d+.*#{re.escape(fragment)}(\s|$)", status(app)) is not None


def serve(data_dir: Path, page: str) -> str:
    """Subscribe `data_dir` to a feed of `page`, its article fetched and cached; its title."""
    subscribe_to_page(data_dir, page, "Harbour Notes", "The story")
    return "The story"


@pytest.mark.parametrize("case", CASES)
def test_enter_on_a_note_s_number_goes_to_the_note_and_esc_comes_back(
    data_dir: Path, case: str
) -> None:
    """Tab to the number and Enter said "That link is to this very article." and stayed put.
    Now the view goes to the note, drawn marked, the status line and the key bar say Esc goes
    back; Esc comes back to the number, selected as it was; then Esc drops it and goes back."""
    page, fragment, note = CASES[case]
    title = serve(data_dir, page)

    async def run() -> None:
        async with reading(data_dir, title, (80, 24)) as (app, pilot, body):
            screen = app.screen
            assert note not in screen_text(app)  # the notes are far below
            for _ in range(body.link_count):
                await pilot.press("tab")
                if selects(app, fragment):
                    break
            assert selects(app, fragment)
            assert "(Enter goes to it in this article)" in status(app)
            top, link = body.top_line, body.selected_link
            await pilot.press("enter")
            # The key bar is drawn again at a refresh after the key: later on a busy machine.
            await until(
                pilot, lambda: "Back to link" in screen_text(app).splitlines()[-1], "the key bar"
            )
            assert app.screen is screen
            shown = " ".join(screen_text(app).split())
            assert note in shown
            assert note in " ".join(" ".join(marked(app, NOTE_COMPONENT)).split())
            assert status(app).startswith(FOLLOWED)
            assert body.selected_link is None

            await pilot.press("escape")
            await pilot.pause()
            assert (body.top_line, body.selected_link) == (top, link)
            assert selects(app, fragment)
            assert marked(app, NOTE_COMPONENT) == []
            await pilot.press("escape")  # the link dropped
            assert app.screen is screen and body.selected_link is None
            await pilot.press("escape")  # back to the headlines
            await until(pilot, lambda: not isinstance(app.screen, ArticleScreen), "the list")

    asyncio.run(run())


def test_after_a_resize_esc_still_comes_back_to_the_note_s_number(data_dir: Path) -> None:
    """The place to come back to is a place in the text, not a line: the lines are wrapped
    again for another width between the jump and Esc."""
    title = serve(data_dir, SCIENCE)

    async def run() -> None:
        async with reading(data_dir, title, (100, 30)) as (app, pilot, _body):
            await pilot.press("tab")
            assert selects(app, "fn1")
            await pilot.press("enter")
            await resize(pilot, 60, 20)
            assert "Measured with marker horizons" in " ".join(screen_text(app).split())
            await pilot.press("escape")
            await pilot.pause()
            assert selects(app, "fn1")
            assert "Marshes keep pace" in screen_text(app)  # the number's line, in view

    asyncio.run(run())


def test_a_note_s_number_chosen_in_the_link_list_goes_to_the_note(data_dir: Path) -> None:
    """`L`, Enter on the number: the list closes on the note, as Enter in the text goes (it
    said "That link is to this very article." over the list); Esc comes back."""
    title = serve(data_dir, WIKI)

    async def run() -> None:
        async with reading(data_dir, title, (80, 24), notifications=True) as (app, pilot, body):
            screen, top = app.screen, body.top_line
            await pilot.press("L")
            await on_top(pilot, LinksScreen, "the link list")
            raised = notices_raised(app)  # a toast gone by the look at load would say nothing
            await pilot.press("enter")  # the first link: "[1]"
            await until(pilot, lambda: app.screen is screen, "the list closed")
            await until(
                pilot,
                lambda: (
                    "Penhale, R. (1984)." in " ".join(" ".join(marked(app, NOTE_COMPONENT)).split())
                ),
                "the note marked",
            )
            assert "That link is to this very article." not in raised, raised
            await pilot.press("escape")
            await pilot.pause()
            assert body.top_line == top and app.screen is screen

    asyncio.run(run())


def test_the_notes_ids_are_kept_on_their_blocks_and_written_nowhere_else() -> None:
    """The ids the links name are on the notes' blocks (the back link's "#cite_ref-1", left
    out of the text, names none); the Markdown and text are as they were, the notes plain
    list items."""
    article = extract_file(WIKI.encode(), "https://en.wikipedia.org/wiki/Polventon_Harbour")
    anchored = {anchor: b for b in article.blocks for anchor in b.anchors}
    assert set(anchored) == {"cite_note-1", "cite_note-a"}
    assert anchored["cite_note-1"].kind == BlockKind.LIST_ITEM
    assert anchored["cite_note-1"].text.startswith("Penhale, R. (1984).")
    assert anchored["cite_note-a"].text.startswith("The storm wall is older")
    bare = replace(article, blocks=tuple(replace(b, anchors=()) for b in article.blocks))
    assert to_markdown(article) == to_markdown(bare)
    assert to_text(article) == to_text(bare)
    assert "1. Penhale, R. (1984). *Small harbours of the south coast*." in to_markdown(article)
    science = extract_file(SCIENCE.encode(), "https://letters.example/marsh")
    assert [b.anchors for b in science.blocks if b.anchors] == [("fn1",)]


def test_the_store_keeps_anchors_where_an_older_reader_does_not_look() -> None:
    """Kept beside the blocks under "anchors": a block's own record is as before (a reader
    from before anchors decodes it), a record without them decodes, and `--format json`
    prints no such key."""
    article = extract_file(WIKI.encode(), "https://en.wikipedia.org/wiki/Polventon_Harbour")
    record = json.loads(json.dumps(article_to_dict(article)))
    again = article_from_dict(record)
    assert again.blocks == article.blocks
    note = next(b for b in article.blocks if b.anchors)
    assert _block_to_list(note) == _block_to_list(replace(note, anchors=()))
    del record["anchors"]
    assert all(not b.anchors for b in article_from_dict(record).blocks)
    assert "anchors" not in article_to_json(article)
    assert "anchors" not in article_to_dict(Article("https://x.example/", title="No notes"))


# pandoc's page: the body one section, its notes a section beside it.
PANDOC_NOTES = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Why harbour tides lag the moon</title></head><body>
<header id="title-block-header"><h1 class="title">Why harbour tides lag the moon</h1><p class="author">Mary Care</p><p class="date">2026-11-30</p></header>
<main><section id="the-lag" class="level2"><h2>The lag</h2><p>High water at the quay comes about three hours after the moon crosses the meridian, a delay every fisherman here knows.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> The delay is not the same every day, and it changes with the season.</p>
<p>The reason is the shape of the bay: the tide has to travel around the headland before it reaches the harbour mouth, and shallow water slows it down further.<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a></p>
<p>Old almanacs printed the lag for each port as its "establishment", and the figure for our harbour has barely changed in two centuries of records.</p>
</section><section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr /><ol>
<li id="fn1"><p>Measured from the harbour master's log for 2025, averaged over the year.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2"><p>See the Admiralty survey of 1889, sheet 14, for the soundings of the bay.<a href="#fnref2" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol></section></main>
</body></html>
"""


def test_the_notes_a_body_of_one_section_cites_beside_it_are_kept() -> None:
    """The notes' box beside the body's one section lost readability-lxml's sibling test (each
    note under its 80 characters): the numbers linked to notes that were nowhere."""
    article = extract_article(PANDOC_NOTES, "https://blog.example/tides.html")
    text = to_text(article, header=False)
    assert "Measured from the harbour master's log for 2025" in text
    assert "Admiralty survey of 1889" in text
    assert text.index("two centuries of records") < text.index("Admiralty survey")
    # A "Top" link back to the header is no note: the header is not gathered with it.
    topped = PANDOC_NOTES.replace(
        "two centuries of records.</p>", 'two centuries of records. <a href="#top">Top</a></p>'
    ).replace('<header id="title-block-header">', '<header id="top"><p>Harbour Notes blog</p>')
    assert "Harbour Notes blog" not in to_text(
        extract_article(topped, "https://blog.example/tides.html"), header=False
    )


def test_a_short_reference_whose_id_says_footnote_is_kept() -> None:
    """MediaWiki's short references ("King 2003, p. 41.") have ids like
    "cite_note-FOOTNOTEKing200341-23", in which readability's pattern for page furniture reads
    "foot": each was removed before scoring, the list came out without them and a reader
    following "[2]" found no note."""
    short = (
        '<li id="cite_note-FOOTNOTEPenhale198461-2"><span class="mw-cite-backlink"><b><a '
        'href="#cite_ref-FOOTNOTEPenhale198461_2-0">^</a></b></span> <span '
        'class="reference-text"><a href="#CITEREFPenhale1984">Penhale 1984</a>, p.&#160;61.'
        "</span></li>"
    )
    page = WIKI.replace(
        'for the fishing fleet.<sup id="cite_ref-1"',
        'for the fishing fleet.<sup><a href="#cite_note-FOOTNOTEPenhale198461-2">[2]</a></sup>'
        '<sup id="cite_ref-1"',
    ).replace(
        "Penzance: Quay Books. p. 61.</span></li>", "Penzance: Quay Books.</span></li>" + short
    )
    article = extract_file(page.encode(), "https://en.wikipedia.org/wiki/Polventon_Harbour")
    anchored = {anchor: b for b in article.blocks for anchor in b.anchors}
    assert anchored["cite_note-FOOTNOTEPenhale198461-2"].text.strip() == "Penhale 1984, p.\xa061."
