"""A passage chosen by keyboard (`v`, `)`) on an article with footnoted sentences and sections:
a note's mark after a full stop ends the sentence, and `)` stops before a section's heading,
which is no sentence of what was said."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.models import Article, Block, BlockKind, Inline
from tests.tui_pilot import reading

FIRST = (
    "The harbour has three tide gauges, and none of them had reported a reading since 2019.¹ "
    "What brought them back was a volunteer, a borrowed laptop and forty lines of code. "
    "The code now runs on a board the size of a bus ticket.[2]"
)
AFTER = "Each gauge is read every ten minutes, and the readings go to the harbour's website."


def gauges() -> Article:
    return Article(
        "https://quay.example/gauges.html",
        title="How the gauges came back",
        site_name="Quay Courier",
        blocks=(
            Block(BlockKind.PARAGRAPH, (Inline(FIRST),)),
            Block(BlockKind.HEADING, (Inline("The readings"),), level=2),
            Block(BlockKind.PARAGRAPH, (Inline(AFTER),)),
        ),
    )


def test_v_after_a_footnoted_sentence_and_parenthesis_stopping_at_a_heading(
    synced_dir: Path,
) -> None:
    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30)) as (app, pilot, body):
            body.show_article(app.screen.headline.entry, gauges())
            await pilot.pause()
            await pilot.press("slash", *"borrowed laptop", "enter", "v")
            await pilot.pause()
            assert body.selected_text == (
                "What brought them back was a volunteer, a borrowed laptop and forty lines of code."
            )
            assert body.passage_sentences == 1
            await pilot.press("right_parenthesis")
            assert body.selected_text.endswith("the size of a bus ticket.[2]")
            assert body.passage_sentences == 2
            await pilot.press("right_parenthesis")  # the heading: no further
            await pilot.pause()
            assert body.passage_sentences == 2
            assert "The readings" not in body.selected_text

    asyncio.run(run())
