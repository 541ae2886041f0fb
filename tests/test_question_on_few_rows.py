"""`D`'s question on a small terminal: its every word on screen at 30x8 (its end ran below the
screen, the list showing beside the box), and at 20x5 its start on the rows above the key bar
(acc51c C6), the rest scrolled to (tui52)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.containers import VerticalScroll

from reader.ui.dialogs.confirm import ConfirmScreen
from reader.ui.dialogs.feed_input import FeedInputScreen
from reader.ui.screens.main_feeds import removal_question
from tests.tui_pilot import on_top, running, screen_text, until


def test_the_removal_question_is_whole_at_30x8_and_starts_on_screen_at_20x5(
    synced_dir: Path,
) -> None:
    question = removal_question("Remove “Valley Times”?", 100, 0)

    async def run() -> None:
        async with running(synced_dir, (30, 8), prefetch=False) as (app, pilot):
            app.push_screen(ConfirmScreen(question))
            asked = await on_top(pilot, ConfirmScreen, "the question")
            await pilot.pause(0.3)
            assert question in " ".join(screen_text(app).split())
            await pilot.resize_terminal(20, 5)
            await pilot.pause(0.3)
            panel = asked.query_one("#confirm-scroll", VerticalScroll)
            assert panel.region.y >= 0 and panel.region.bottom <= 4  # above the key bar
            assert screen_text(app).split()[:2] == ["Remove", "“Valley"]

    asyncio.run(run())


def test_the_removal_question_scrolls_to_its_end_at_20x5(synced_dir: Path) -> None:
    """At 20x5 the question's rows hold its start alone: `j` and Space scroll it, each word
    shown in turn, down to its "(y / n)"; `y` answers as ever. Its words ran below the key bar,
    out of reach (tui52 1)."""
    question = removal_question("Remove “Valley Times”?", 100, 0) + " (y / n)"

    async def run() -> None:
        async with running(synced_dir, (20, 5), prefetch=False) as (app, pilot):
            answers: list[bool | None] = []
            app.push_screen(ConfirmScreen(question), answers.append)
            await on_top(pilot, ConfirmScreen, "the question")
            await pilot.pause(0.3)
            seen = [" ".join(screen_text(app).splitlines()[:4])]
            for key in ("j", "space", "space", "space", "down", "space"):
                await pilot.press(key)
                await pilot.pause(0.1)
                seen.append(" ".join(screen_text(app).splitlines()[:4]))
            words = set(" ".join(seen).split())
            assert set(question.split()) <= words, set(question.split()) - words
            assert "(y" in seen[-1] and "n)" in seen[-1], seen[-1]
            await pilot.press("k", "pageup")
            assert screen_text(app).split()[:2] == ["Remove", "“Valley"]
            await pilot.press("y")
            await until(pilot, lambda: answers == [True], "the answer")

    asyncio.run(run())


def test_the_line_of_a_is_on_screen_at_20x5(synced_dir: Path) -> None:
    """`a` at 20x5: the line typed in is on a row above the key bar, what is typed shown; the
    question's start is `up` away. The question and the hint took the rows, the line out of
    sight below them (tui52 1)."""

    async def run() -> None:
        async with running(synced_dir, (20, 5), prefetch=False) as (app, pilot):
            await pilot.press("a")
            asked = await on_top(pilot, FeedInputScreen, "the question")
            await pilot.pause(0.3)
            line = asked.query_one("#feed-input")
            assert line.region.y >= 0 and line.region.bottom <= 4, line.region
            await pilot.press(*"xyz")
            await until(pilot, lambda: "xyz" in screen_text(app), "what is typed")
            await pilot.press("up", "up", "up", "up", "up", "up")
            await until(pilot, lambda: "Add a feed" in screen_text(app), "the question's start")

    asyncio.run(run())
