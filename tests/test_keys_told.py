"""Where the keys are told (acc52c C6): the help says they can be changed (`[keys]`), and the
man page lists them, as a newsboat or mutt user looks for `bind-key` there; in the link list
`?` shows the help and a key that does nothing there says so, as in the lists (both were
silent). The key bar of `F`'s hits says what `q` does there (C4)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.ui.dialogs.help import HelpScreen
from reader.ui.dialogs.links import LinksScreen
from reader.ui.screens.main import MainScreen
from reader.ui.screens.main_full_text import SEARCH_VIEW
from reader.ui.widgets.key_bar import KeyBar
from tests.tui_pilot import notices_raised, on_top, reading, running, screen_text, until

ROOT = Path(__file__).resolve().parent.parent


def test_the_help_says_the_keys_can_be_changed(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            await pilot.press("question_mark")
            await on_top(pilot, HelpScreen, "the help")
            await pilot.pause()
            text = screen_text(app)
            assert "[keys]" in text and "Keys of your" in text
            assert "Ctrl-L" in text

    asyncio.run(run())


def test_the_man_page_lists_the_keys_and_how_to_change_them() -> None:
    page = (ROOT / "man/reader.1").read_text(encoding="utf-8")
    keys = page.split(".SH KEYS\n", 1)[1].split("\n.SH ", 1)[0]
    for row in (".SS Everywhere", ".SS Headlines", ".SS Reading", "\\fBCtrl\\-L\\fR"):
        assert row in keys, row
    assert "[keys]" in keys and "Keys of your own" in keys


def test_in_the_link_list_question_mark_shows_the_help_and_x_is_said(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, "budget", (120, 40)) as (app, pilot, _body):
            said = notices_raised(app)
            await pilot.press("L")
            links = await on_top(pilot, LinksScreen, "the link list")
            await pilot.press("question_mark")
            await on_top(pilot, HelpScreen, "the help over the link list")
            await pilot.press("escape")
            await on_top(pilot, LinksScreen, "the link list again")
            assert app.screen is links
            await pilot.press("x")
            await pilot.pause()
            assert "x: no such key here — ? lists the keys" in said
            assert app.screen is links

    asyncio.run(run())


def test_the_key_bar_of_F_s_hits_says_q_goes_back(synced_dir: Path) -> None:
    """In `F`'s hits `q` goes back to the list searched, but the key bar said "q Feeds"."""

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            bar = screen.query_one(KeyBar)

            def q_says() -> list[str]:
                return [
                    str(key.render()).split(maxsplit=1)[-1].strip()
                    for key in bar.query(".-key-quit, .-key-back-to-feeds")
                    if key.display and not key.disabled
                ]

            await pilot.press("J")  # a feed's headlines: q, the feed list
            await until(pilot, lambda: q_says() == ["Feeds"], "q Feeds")
            searched = screen.feed_url
            await pilot.press("F", *"council", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")
            await until(pilot, lambda: q_says() == ["Back"], "q Back")
            await pilot.press("q")
            await until(pilot, lambda: screen.feed_url == searched, "the list searched again")
            await until(pilot, lambda: q_says() == ["Feeds"], "q Feeds again")

    asyncio.run(run())
