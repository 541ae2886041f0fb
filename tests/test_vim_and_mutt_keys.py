"""A vim or mutt user's habits (acc52c C3): Ctrl-E / Ctrl-Y scroll an article a line, as
vim's do (they did nothing, unsaid); Ctrl-G and Ctrl-C, mutt's abort, cancel a search line as
Esc does (Ctrl-G did nothing, Ctrl-C said "does not quit the reader" and left `/abc` open)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.config import Config
from reader.ui.keymap import KeyMap
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.main import MainScreen
from tests.tui_pilot import notices_raised, reading, running, until


def test_ctrl_e_and_ctrl_y_scroll_an_article_a_line(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, "Council approves", (100, 20)) as (app, pilot, body):
            top = body.scroll_y
            await pilot.press("ctrl+e", "ctrl+e")
            await until(pilot, lambda: body.scroll_y == top + 2, "two lines down")
            await pilot.press("ctrl+y")
            await until(pilot, lambda: body.scroll_y == top + 1, "a line up")
            assert isinstance(app.screen, ArticleScreen)

    asyncio.run(run())


def test_ctrl_g_and_ctrl_c_cancel_the_search_line_as_esc_does(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            said = notices_raised(app)
            screen = app.screen
            assert isinstance(screen, MainScreen)
            for key in ("ctrl+g", "ctrl+c"):
                await pilot.press("slash", *"zzq")
                assert screen.searching
                await pilot.press(key)
                await until(pilot, lambda: not screen.searching, f"{key}: the line closed")
            assert not [notice for notice in said if "does not quit" in notice]

    asyncio.run(run())


def test_ctrl_g_cancels_an_article_s_search_line(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, "Council approves", (100, 30)) as (app, pilot, body):
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            await pilot.press("slash", *"libraries")
            assert screen.searching and body.query == "libraries"
            await pilot.press("ctrl+g")
            await until(pilot, lambda: not screen.searching, "the line closed")
            assert body.query == ""

    asyncio.run(run())


def test_a_key_the_user_set_before_it_was_a_default_stays_theirs(synced_dir: Path) -> None:
    """Ctrl-E, Ctrl-Y and Ctrl-L became the reader's keys after users could have set them in
    `[keys]`: such a config is not refused as a clash, and the key does what the user set."""
    for action, key in (("half_page_down", "ctrl+e"), ("next_article", "ctrl+y")):
        assert KeyMap({action: (key,)}).keys

    async def run() -> None:
        config = Config(Path("c.toml"), keys={"search": ("ctrl+l",)})
        async with running(synced_dir, (120, 30), prefetch=False, config=config) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("ctrl+l")
            await until(pilot, lambda: screen.searching, "the search line, the user's Ctrl-L")

    asyncio.run(run())
