"""What `)` takes whole when a passage is chosen by keyboard: a table with its caption, header and
rows; a block quotation with its "— Name"; a quotation running on over a paragraph break to
its closing mark. And where it stops (a section's heading, the article's end), the status line
says why rather than `)` doing nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.extract import extract_article
from reader.models import Article
from tests.tui_pilot import showing, status

TABLE = """<html lang="en"><head><title>Harbour contract</title></head><body><article>
<h1>Harbour contract</h1>
<p>The port paid its contractor far more than it said. Nobody on the council knew.</p>
<p>The council was told a different figure. It did nothing about it.</p>
<table><caption>Payments to the contractor</caption>
<thead><tr><th>Quarter</th><th>Paid</th><th>Tonnes removed</th></tr></thead>
<tbody><tr><td>Q1 2026</td><td>€2.2m</td><td>1,204</td></tr>
<tr><td>Q2 2026</td><td>€3.1m</td><td>980</td></tr>
<tr><td>Q3 2026</td><td>€1.4m</td><td>412</td></tr></tbody></table>
<p>Councillor Pieter van Dijk called the sums “indefensible” and asked for an audit.</p>
</article></body></html>"""

RUN_ON = """<html lang="en"><head><title>Crane operators speak out</title></head><body><article>
<h1>Crane operators speak out</h1>
<p>Crane operators at Quay 4 have broken their silence over the condition of the rails.</p>
<p>“We were told the rails were safe,” said Tom Hale, a crane operator for 22 years. “We were
told the audit was done.</p>
<p>“Nobody showed us the report. Nobody.”</p>
<p>The authority declined to comment.</p>
</article></body></html>"""

# The same in straight marks, which open and close alike, and a 12" (inches) before them.
RUN_ON_STRAIGHT = """<html lang="en"><head><title>Crane operators speak out</title></head><body><article>
<h1>Crane operators speak out</h1>
<p>Crane operators at Quay 4 have broken their silence over the 12" rails.</p>
<p>"We were told the rails were safe," said Tom Hale, a crane operator for 22 years. "We were
told the audit was done.</p>
<p>"Nobody showed us the report. Nobody."</p>
<p>The authority declined to comment.</p>
</article></body></html>"""

BLOCKQUOTE = """<html lang="en"><head><title>Quay 4 workers</title></head><body><article>
<h1>Quay 4 workers</h1>
<p>“We told them in June,” said one docker, who asked not to be named.</p>
<blockquote><p>Nobody wanted to hear it. They had a schedule.</p><cite>— a crane operator</cite>
</blockquote>
<p>A second worker said the rails had been “patched, not fixed”.</p>
</article></body></html>"""

SECTIONS = """<html lang="en"><head><title>Harbour plan</title></head><body><article>
<h1>Harbour plan</h1>
<p>The bakery on Quay Street will have to move if the plan goes ahead. Its owner, Sandra Pike,
said: “Nobody asked us. Not once.”</p>
<h2>What happens next</h2>
<p>The council votes on the plan in January.</p>
</article></body></html>"""


BUDGET = "£412m budget"
"""The synced article whose place the test's page is shown in."""


def page(html: str) -> Article:
    return extract_article(html, "http://127.0.0.1:8/story.html")


def test_a_table_is_one_step_with_its_caption_and_its_rule_is_no_sentence(
    synced_dir: Path,
) -> None:
    async def run() -> None:
        async with showing(synced_dir, BUDGET, page(TABLE), (80, 24)) as (app, pilot, body):
            await pilot.press("slash", *"different figure", "enter", "v")
            await pilot.pause()
            assert body.passage_sentences == 1
            await pilot.press("right_parenthesis")  # "It did nothing about it."
            await pilot.pause()
            assert body.passage_sentences == 2
            await pilot.press("right_parenthesis")
            await pilot.pause()
            quoted = body.selected_quotation
            # Caption, header and the three rows at once: never the caption or header alone.
            assert "*Payments to the contractor*" in quoted
            assert "> | Q3 2026 | €1.4m | 412 |" in quoted
            assert "indefensible" not in quoted
            # caption + header + 3 rows; the rule line under the header is no sentence, the bars
            # between cells no words
            assert body.passage_sentences == 2 + 5
            assert "─" not in body.selected_text
            assert "Passage of 7 sentences, 32 words" in status(app)
            await pilot.press("left_parenthesis")  # and left whole
            await pilot.pause()
            assert body.passage_sentences == 2
            assert "Payments" not in body.selected_quotation

    asyncio.run(run())


def test_a_quotation_running_on_over_a_paragraph_break_is_one_step(synced_dir: Path) -> None:
    async def run() -> None:
        async with showing(synced_dir, BUDGET, page(RUN_ON), (80, 24)) as (_, pilot, body):
            await pilot.press("slash", *"broken their silence", "enter", "v")
            await pilot.press("right_parenthesis")  # “We were told the rails were safe,” said…
            await pilot.pause()
            assert body.selected_text.endswith("a crane operator for 22 years.")
            await pilot.press("right_parenthesis")  # to its closing mark, a paragraph on
            await pilot.pause()
            assert body.selected_text.endswith("“Nobody showed us the report. Nobody.”")
            await pilot.press("right_parenthesis")
            await pilot.pause()
            assert body.selected_text.endswith("The authority declined to comment.")

    asyncio.run(run())


def test_a_quotation_in_straight_marks_running_on_is_one_step(synced_dir: Path) -> None:
    async def run() -> None:
        async with showing(synced_dir, BUDGET, page(RUN_ON_STRAIGHT), (80, 24)) as (_, pilot, body):
            await pilot.press("slash", *"broken their silence", "enter", "v")
            await pilot.press("right_parenthesis")  # "We were told the rails were safe," said…
            await pilot.pause()
            assert body.selected_text.endswith("a crane operator for 22 years.")
            await pilot.press("right_parenthesis")  # to its closing mark, a paragraph on
            await pilot.pause()
            assert body.selected_text.endswith('"Nobody showed us the report. Nobody."')
            await pilot.press("right_parenthesis")
            await pilot.pause()
            assert body.selected_text.endswith("The authority declined to comment.")

    asyncio.run(run())


def test_a_block_quotation_is_one_step_with_its_attribution(synced_dir: Path) -> None:
    async def run() -> None:
        async with showing(synced_dir, BUDGET, page(BLOCKQUOTE), (80, 24)) as (_, pilot, body):
            await pilot.press("slash", *"asked not", "enter", "v", "right_parenthesis")
            await pilot.pause()
            assert body.selected_quotation.endswith(
                "> > Nobody wanted to hear it. They had a schedule.  \n> > *— a crane operator*"
            )

    asyncio.run(run())


def test_the_status_says_why_a_passage_stops_at_a_heading(synced_dir: Path) -> None:
    async def run() -> None:
        async with showing(synced_dir, BUDGET, page(SECTIONS), (120, 30)) as (app, pilot, body):
            await pilot.press("slash", *"Its owner", "enter", "v", "right_parenthesis")
            await pilot.pause()
            assert (
                body.selected_text == "Its owner, Sandra Pike, said: “Nobody asked us. Not once.”"
            )
            assert "“What happens next” ends it" in status(app)
            await pilot.press("slash", *"votes on", "enter", "v", "right_parenthesis")
            await pilot.pause()
            assert "ends there" in status(app)

    asyncio.run(run())


FIGURE = """<html lang="en"><head><title>Salt marsh</title></head><body><article>
<h1>Salt marsh</h1>
<p>On the upper estuary the sea wall was breached on purpose. The fields flood with each tide.</p>
<figure><img src="/img/marsh-wide.jpg" alt="Creeks cut through new salt marsh at Tresillian">
<figcaption><span class="caption">Creeks have cut through the former fields in five
years.</span> <span class="credit">Photograph: Wenna Couch</span></figcaption></figure>
<p>Birds came first. Then the samphire.</p>
</article></body></html>"""


def test_a_passage_stops_at_a_picture_and_its_caption_and_says_why(synced_dir: Path) -> None:
    async def run() -> None:
        async with showing(synced_dir, BUDGET, page(FIGURE), (120, 30)) as (app, pilot, body):
            await pilot.press("slash", *"sea wall", "enter", "v", "right_parenthesis")
            await pilot.pause()
            assert body.passage_sentences == 2
            # Not the picture's line, nor its caption and credit: the desk's, not the writer's.
            await pilot.press("right_parenthesis", "right_parenthesis")
            await pilot.pause()
            assert body.passage_sentences == 2
            assert body.selected_text == (
                "On the upper estuary the sea wall was breached on purpose. "
                "The fields flood with each tide."
            )
            assert "a picture ends it" in status(app)
            # A caption quoted is one: it stops before the text below it.
            await pilot.press("escape", "slash", *"Creeks have", "enter", "v")
            await pilot.press("right_parenthesis", "right_parenthesis")
            await pilot.pause()
            assert "Birds" not in body.selected_text
            assert "the caption ends there" in status(app)
            # Below the figure, the text goes on as before.
            await pilot.press("escape", "slash", *"Birds came", "enter", "v", "right_parenthesis")
            await pilot.pause()
            assert body.selected_text == "Birds came first. Then the samphire."

    asyncio.run(run())


LEAD_PHOTO = """<html lang="en"><head><title>School strike</title></head><body><article>
<h1>School strike</h1>
<figure><img src="/img/school-strike.jpg" alt="">
<figcaption>Residents gather outside the school on Tuesday. Photo: Lantern staff</figcaption>
</figure>
<p>Teachers at three schools walked out on Tuesday. Classes were cancelled.</p>
<p>The union says more will follow.</p>
</article></body></html>"""


def test_v_at_the_top_starts_at_the_text_not_the_lead_photo_or_its_caption(
    synced_dir: Path,
) -> None:
    """A news page opens with its photo: `v` at the top selected its "Image" line as the
    passage, and `)` the caption, before the lede (acc33a A8)."""

    async def run() -> None:
        async with showing(synced_dir, BUDGET, page(LEAD_PHOTO), (120, 30)) as (_, pilot, body):
            await pilot.press("g", "v")
            await pilot.pause()
            assert body.selected_text == "Teachers at three schools walked out on Tuesday."
            await pilot.press("right_parenthesis")
            await pilot.pause()
            assert body.passage_sentences == 2
            assert body.selected_text.endswith("Classes were cancelled.")
            # The caption can still be chosen on purpose (a search, then `v`).
            await pilot.press("escape", "slash", *"Residents gather", "enter", "v")
            await pilot.pause()
            assert body.selected_text.startswith("Residents gather")

    asyncio.run(run())
