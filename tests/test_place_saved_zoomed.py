"""The reading place saved while the view is big enough to show the whole article (a tmux
pane zoomed): the view is at its top then, though the reader never went there. Quitting, or
opening another article, saved the top, and the article opened at its title the next time;
the place saved is the one they had read to before the view grew (narrow46, after acc45b B2).
A reader who goes to the top themselves while it is big still leaves it at the top."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.ui.widgets.article.article_body import ArticleBody
from tests.tui_pilot import open_titled, reading, resize, running, until

TITLE = "junior rowing title"
SMALL = (60, 20)
WHOLE = (200, 80)
"""A size that shows all of the article: a zoomed pane's."""


async def _reopened(pilot: object) -> ArticleBody:
    body = await open_titled(pilot, TITLE)  # type: ignore[arg-type]
    await until(pilot, lambda: body.article is not None, "the article")  # type: ignore[arg-type]
    await pilot.pause()  # type: ignore[attr-defined]
    return body


@pytest.mark.parametrize("leave", ["Q", "n"], ids=["quit", "another-article"])
def test_leaving_while_zoomed_keeps_the_place_read(synced_dir: Path, leave: str) -> None:
    async def run() -> None:
        async with reading(synced_dir, TITLE, SMALL) as (_app, pilot, body):
            await pilot.press(*"j" * 20)
            await pilot.pause()
            left_at = body.lines[body.top_line]
            assert body.reading_place is not None, left_at
            await resize(pilot, *WHOLE)
            await pilot.pause()
            assert body.max_scroll_y == 0 and body.top_line == 0  # all of it in view
            await pilot.press(leave)
            if leave == "n":
                await until(pilot, lambda: TITLE not in body.text[:300], "the next article")
                await resize(pilot, *SMALL)
                await pilot.press("p")
                await until(pilot, lambda: TITLE in body.text[:300], "back to it")
                await pilot.pause()
                assert body.lines[body.top_line] == left_at
                return
        async with running(synced_dir, SMALL) as (_app, pilot):
            body = await _reopened(pilot)
            assert body.lines[body.top_line] == left_at

    asyncio.run(run())


def test_going_to_the_top_while_zoomed_leaves_it_at_the_top(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, TITLE, SMALL) as (_app, pilot, body):
            await pilot.press(*"j" * 20)
            await resize(pilot, *WHOLE)
            await pilot.press("g")
            await pilot.pause()
            await pilot.press("Q")
        async with running(synced_dir, SMALL) as (_app, pilot):
            body = await _reopened(pilot)
            assert body.top_line == 0

    asyncio.run(run())
