"""A resize through a size that shows the whole article keeps the reading place: a tmux pane
zoomed and unzoomed (160x19, 160x50, 160x19), or 60x20 to 250x70 and back, put the article at
its top, "0%", as the view was scrolled back to 0 while all of it fitted (acc45b B2)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.extract import extract_article
from reader.models import Article
from reader.ui.widgets.article.article_body import ArticleBody
from tests.tui_pilot import resize, showing

PAGE = (
    "<html lang='en'><head><title>Ferry timetable</title></head><body><article>"
    "<h1>Ferry timetable</h1>"
    + "".join(
        f"<p>Crossing number {n} leaves the north quay at dawn and reaches the island "
        f"harbour an hour later, weather allowing.</p>"
        for n in range(1, 13)
    )
    + "</article></body></html>"
)


def _article() -> Article:
    return extract_article(PAGE, "http://127.0.0.1:8/ferry.html")


def _at_top(body: ArticleBody) -> list[str]:
    """The view's first three lines: one may be a paragraph's blank or its end."""
    return body.lines[body.top_line : body.top_line + 3]


@pytest.mark.parametrize(
    ("small", "whole"),
    [((160, 19), (160, 50)), ((60, 20), (250, 70))],
    ids=["zoomed-pane", "wider-and-taller"],
)
def test_the_text_at_the_top_stays_through_a_size_that_shows_it_all(
    synced_dir: Path, small: tuple[int, int], whole: tuple[int, int]
) -> None:
    async def run() -> None:
        async with showing(synced_dir, "£412m budget", _article(), small) as (_app, pilot, body):
            await pilot.press(*"jjjjjjjjjjjj")
            await pilot.pause()
            top = _at_top(body)
            assert body.top_line > 0 and "Crossing number" in "".join(top), top
            await resize(pilot, *whole)
            await pilot.pause()
            assert body.max_scroll_y == 0  # all of it in view: the view is at its top
            await resize(pilot, *small)
            await pilot.pause()
            assert _at_top(body) == top, (body.top_line, _at_top(body))
            # Moved after, the place is where it moved to: a resize then keeps that one.
            await pilot.press("k")
            await pilot.pause()
            moved = _at_top(body)
            await resize(pilot, *whole)
            await resize(pilot, *small)
            await pilot.pause()
            assert _at_top(body) == moved

    asyncio.run(run())
