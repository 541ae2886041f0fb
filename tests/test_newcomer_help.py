"""What a newcomer looked for and did not find (acc45 A11, A14, A18), driven with Pilot against
feeds served on 127.0.0.1: F1 opens the help as `?` does; the help says atop its keys where the
markers' legend is, which stays its last section; the feed list's key bar shows `a` and `D`;
a search of one feed's list that finds nothing says that `F` in All feeds searches further."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.ui.dialogs.help import HelpScreen, keys_shown, markers_hint
from reader.ui.keymap import NO_KEYS, keymap_of
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.main.feed_list import FeedList
from reader.ui.widgets.status_bar import StatusBar
from tests.test_feed_editing import _serve_feed
from tests.tui_pilot import on_top, running, screen_text, subscribe, table, until


def _two_feeds(server: HTTPServer, data_dir: Path) -> tuple[str, str]:
    gazette = _serve_feed(server, "/gazette.xml", "The Harbour Gazette", ["Harbour dues rise"])
    quay = _serve_feed(server, "/quay.xml", "Quay Weekly", ["New pontoon for the quay"])
    subscribe(data_dir, [gazette, quay])
    return gazette, quay


def test_f1_opens_the_help_which_says_where_the_markers_are(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    _two_feeds(httpserver, data_dir)

    async def run() -> None:
        async with running(data_dir, (100, 30), prefetch=False) as (app, pilot):
            await pilot.press("f1")
            await on_top(pilot, HelpScreen, "the help")
            assert markers_hint(NO_KEYS) in screen_text(app)
            sections = [name for name, _rows in keys_shown(keymap_of(app))]
            assert sections[-1] == "Markers"
            await pilot.press("G")  # its end: the legend
            await until(pilot, lambda: "available offline" in screen_text(app), "the markers")
            await pilot.press("f1")  # closes it, as `?` does
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the help closed")

    asyncio.run(run())


def test_the_feed_lists_key_bar_shows_add_and_remove(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    _two_feeds(httpserver, data_dir)

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            bar = screen_text(app).splitlines()[-1]
            assert "Add feed" not in bar and "Remove" not in bar  # the headlines' keys
            await pilot.press("tab")
            await until(pilot, lambda: isinstance(app.focused, FeedList), "the feed list")
            await until(pilot, lambda: "Add feed" in screen_text(app).splitlines()[-1], "a")
            bar = screen_text(app).splitlines()[-1]
            assert " a " in f" {bar} " and "Remove" in bar and "Help" in bar

    asyncio.run(run())


def test_a_search_of_one_feed_finding_nothing_names_the_wider_search(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    gazette, _ = _two_feeds(httpserver, data_dir)

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            screen.show_feed(gazette)
            await until(pilot, lambda: screen.feed_url == gazette, "the feed's headlines")
            await pilot.press("slash", *"zqxv", "enter")
            await pilot.pause()
            note = screen.query_one(StatusBar).note
            assert note == (
                "No headline matches “zqxv” (Esc clears); F in All feeds searches every article"
            )
            await pilot.press("escape")
            await pilot.press("F", *"zqxv", "enter")
            await until(pilot, lambda: "zqxv" in str(table(app).empty_text), "the empty hits")
            assert str(table(app).empty_text).endswith(
                "Esc goes back; F in All feeds searches every article."
            )

    asyncio.run(run())
