"""`v` after a search whose match is in the article's header (its headline) chooses the first
match in the article's text, not the headline: a quote of the title was kept as the article's
words (acc45a A4). A search found only in the header says so and selects nothing.

The demo site synced into the real store, an article shown in its place, the reader under
Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.models import Article, Block, BlockKind, Inline
from tests.tui_pilot import showing, status

TITLE = "Mill Lane bridge: exhibition dates confirmed"
FIRST = (
    "The public exhibition of the Mill Lane footbridge design will run at the library from "
    "12 to 19 December."
)
SECOND = "Residents can leave comments on the design until the end of January."


def update() -> Article:
    return Article(
        "https://council.example/news/bridge-update.html",
        title=TITLE,
        site_name="Riverton Borough Council",
        author="Communications team",
        blocks=(
            Block(BlockKind.PARAGRAPH, (Inline(FIRST),)),
            Block(BlockKind.PARAGRAPH, (Inline(SECOND),)),
        ),
    )


def test_v_takes_the_first_match_in_the_text_not_the_headline(synced_dir: Path) -> None:
    async def run() -> None:
        async with showing(synced_dir, "£412m budget", update()) as (app, pilot, body):
            assert any(TITLE in line for line in body.lines[:3])  # the header shows it
            await pilot.press("slash", *"exhibition", "enter")
            await pilot.pause()
            assert body.match_count == 2 and body.current_match == 1  # the headline's first
            await pilot.press("v")
            await pilot.pause()
            assert body.selected_text == FIRST
            assert body.current_match == 2  # n goes on from the one quoted
            assert status(app).startswith("Passage of 1 sentence, ")

    asyncio.run(run())


def test_v_with_a_search_found_only_in_the_header_selects_nothing_and_says_so(
    synced_dir: Path,
) -> None:
    async def run() -> None:
        async with showing(synced_dir, "£412m budget", update()) as (app, pilot, body):
            await pilot.press("slash", *"confirmed", "enter")
            await pilot.pause()
            assert body.match_count == 1
            await pilot.press("v")
            await pilot.pause()
            assert body.passage_sentences == 0 and not body.selected_text
            assert "“confirmed” is found only in the header" in status(app)
            await pilot.press("h")  # nothing to keep as a highlight
            await pilot.pause()
            assert body.passage_sentences == 0

    asyncio.run(run())
