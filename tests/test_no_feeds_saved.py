"""A library of saved articles and no feed (a read-it-later export imported): the empty list
says where the saved ones are, whole at 120 columns, and the status line's count of them
follows `s` (acc32a A16). Driven with Pilot on a real store."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.library import Library
from reader.ui.headlines import SAVED_VIEW
from tests.tui_pilot import running, screen_text, table, until


def _saved_links(data: Path, count: int) -> None:
    async def run() -> None:
        lib = Library(data)
        try:
            for n in range(count):
                url = f"http://127.0.0.1:9/later/{n}.html"
                lib.set_saved(url, True, title=f"Kept for later number {n}")
        finally:
            await lib.aclose()

    asyncio.run(run())


def test_the_empty_list_says_where_the_saved_articles_are_and_the_count_follows(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    _saved_links(data, 16)

    async def run() -> None:
        async with running(data, (120, 40), prefetch=False) as (app, pilot):
            await until(pilot, lambda: "No feeds yet" in screen_text(app), "the empty list")
            pane = [line for line in screen_text(app).splitlines()[:-2] if "No feeds" in line]
            assert "Your 16 saved articles are in Saved." in "\n".join(pane), pane
            assert "Your 16 saved articles are in Saved." in app.status
            app.main_screen.show_feed(SAVED_VIEW)
            await pilot.pause()
            first = table(app).rows[0]
            await pilot.press("s")
            await until(pilot, lambda: not app.lib.is_saved(first.entry), "unsaved")
            await until(pilot, lambda: "Your 15 saved articles" in app.status, "the count")

    asyncio.run(run())
