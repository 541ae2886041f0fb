"""Where the keys are told (acc52c C6): the help says they can be changed (`[keys]`), and the
man page lists them, as a newsboat or mutt user looks for `bind-key` there; in the link list
`?` shows the help and a key that does nothing there says so, as in the lists (both were
silent)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.ui.dialogs.help import HelpScreen
from reader.ui.dialogs.links import LinksScreen
from tests.tui_pilot import notices_raised, on_top, reading, running, screen_text

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
