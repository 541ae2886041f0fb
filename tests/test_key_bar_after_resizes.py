"""The key bar after the terminal went very narrow and wide again: the keys it left out at 10
columns come back at 150. They stayed out, at any width, until another screen opened: the
article's bar read "L Link list  y Cite  m Read/unread  s Save  ? Help", its first five keys
gone, and the headlines' behind it lost theirs the same way (acc51c C3)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.ui.screens.article import ArticleScreen
from tests.tui_pilot import first_article_row, on_top, running, screen_text, table, until


def _key_bar(app: object) -> str:
    return screen_text(app).splitlines()[-1].strip()  # type: ignore[arg-type]


def test_the_keys_left_out_at_10_columns_come_back_at_150(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (150, 50), prefetch=False) as (app, pilot):
            headlines = _key_bar(app)
            table(app).cursor = first_article_row(app)
            await pilot.press("enter")
            await on_top(pilot, ArticleScreen, "the article")
            await until(pilot, lambda: "esc Back" in _key_bar(app), "the article's keys")
            article = _key_bar(app)
            for narrow in ((10, 3), (20, 5), (40, 10)):
                await pilot.resize_terminal(*narrow)
                await pilot.pause(0.3)
                await pilot.resize_terminal(150, 50)
                await pilot.pause(0.3)
                assert _key_bar(app) == article, narrow
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is app.main_screen, "the headlines")
            await pilot.pause(0.3)
            assert _key_bar(app) == headlines

    asyncio.run(run())
