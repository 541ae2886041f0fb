"""`F`'s search line on a phone's narrow terminal: the query typed is shown in full after
"Find in articles: ", its hint ("Enter searches every cached article") giving way to it, cut
with "…" (at 45 columns the hint hid the query, at 80 no space followed the colon, acc40c R1)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.ui.screens.main import MainScreen
from tests.tui_pilot import keys_handled, running, screen_text, until


def bottom(app: object) -> str:
    return screen_text(app).splitlines()[-1]  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [(45, 15), (60, 20), (80, 24)])
def test_the_query_typed_after_F_shows_whole_before_its_hint(
    synced_dir: Path, size: tuple[int, int]
) -> None:
    async def run() -> None:
        async with running(synced_dir, size, prefetch=False) as (app, pilot):
            await pilot.press("F", *"council", "space", *"budget")
            await keys_handled(pilot)
            await until(
                pilot,
                lambda: "Find in articles: council budget" in bottom(app),
                f"the query typed shown at {size[0]} columns",
            )
            line = bottom(app)
            # The hint keeps what the query leaves of the line, cut short where it must.
            assert "Enter searches" in line or "Ente" in line, line
            if size[0] < 60:
                assert "…" in line, line

    asyncio.run(run())


def test_a_feeds_name_in_the_prompt_leaves_the_query_room(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (45, 15), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            feed = app.index.feeds[0]
            screen.show_feed(feed.url)
            await pilot.pause()
            await pilot.press("F", *"harbour")
            await keys_handled(pilot)
            await until(pilot, lambda: ": harbour" in bottom(app), "the query after the name")
            assert bottom(app).lstrip().startswith("Find in "), bottom(app)

    asyncio.run(run())


@pytest.mark.parametrize("size", [(40, 15), (50, 15)])
def test_a_hits_line_shows_the_word_found_at_any_width(
    synced_dir: Path, size: tuple[int, int]
) -> None:
    """acc42a A13: under 60 columns each hit's line was cut before the word searched for
    ("…waited for months for an answ…"), the one thing a reader with a huge font reads it for."""

    async def run() -> None:
        async with running(synced_dir, size, prefetch=False) as (app, pilot):
            await pilot.press("F", *"ferries", "enter")
            await keys_handled(pilot)

            def lines() -> list[str]:
                # A hit's line, under its row: its snippet, cut at the start ("…").
                return [
                    line
                    for line in screen_text(app).splitlines()
                    if line.strip("│ ").startswith("…") and "ferries" not in line.lower()
                ]

            await until(
                pilot,
                lambda: any(
                    line.strip("│ ").startswith("…") for line in screen_text(app).splitlines()
                ),
                "the hits' lines",
            )
            await until(pilot, lambda: not lines(), "every line showing its match")

    asyncio.run(run())


def test_a_hit_line_whose_letters_lower_longer_is_cut_to_its_match() -> None:
    """Capitals that lower to two characters each ("İ"): a line of Turkish place names before
    the word found put the place found in the lowered line past the match, and the line was
    cut after it ("…vote came late"), the match gone."""
    from reader.ui.hit_lines import to_its_match

    line = "İSTİKLAL, İZMİR, İNEBOLU, İĞDIR, İSKENDERUN, İZMİT, İSPİR, DİYARBAKIR, "
    line += "SİİRT, SİNOP, RİZE: the harbour vote came late"
    cut = to_its_match(line, "harbour", 30, "…")
    assert cut.startswith("…")
    assert "harbour vote" in cut
    assert cut.index("harbour") <= 30
