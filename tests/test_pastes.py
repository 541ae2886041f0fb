"""A paste in lines into a search line (`F`, `/`) keeps them all, joined by spaces, as a note's
line does: the words after the first line were dropped, unsaid (acc45b B5). A paste on the lists
(bracketed: the terminal says it is one) was ignored: an address opens "Add a feed" with it in
the line, anything else says where addresses go (acc45b B6)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import events
from textual.widgets import Input

from reader.ui.dialogs.feed_input import FeedInputScreen
from tests.tui_pilot import keys_handled, notices_raised, on_top, reading, running, until

TITLE = "£412m budget"


def test_a_search_pasted_in_lines_keeps_every_line(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30)) as (app, pilot):
            await pilot.press("F")
            await pilot.pause()
            app.post_message(events.Paste("Ayalon\nhighway\r\n"))  # as tmux's paste-buffer -p
            await pilot.pause()
            assert app.screen.query_one(Input).value == "Ayalon highway"
        async with reading(synced_dir, TITLE) as (app, pilot, _body):
            await pilot.press("slash")
            await pilot.pause()
            app.post_message(events.Paste("  council\n\n budget  "))
            await pilot.pause()
            assert app.screen.query_one(Input).value == "council budget"

    asyncio.run(run())


def test_an_address_pasted_on_the_lists_opens_add_a_feed_with_it(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30)) as (app, pilot):
            app.post_message(events.Paste("http://127.0.0.1:9/feed5.xml\n"))
            dialog = await on_top(pilot, FeedInputScreen, "the Add a feed line")
            assert dialog.query_one(Input).value == "http://127.0.0.1:9/feed5.xml"
            await pilot.press("escape")
            await keys_handled(pilot)
            await pilot.press("tab")  # the feed list: a site's name, as a browser's bar takes it
            await keys_handled(pilot)
            app.post_message(events.Paste("example.org"))
            dialog = await on_top(pilot, FeedInputScreen, "the Add a feed line")
            assert dialog.query_one(Input).value == "example.org"

    asyncio.run(run())


def test_anything_else_pasted_on_the_lists_says_where_addresses_go(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30)) as (app, pilot):
            said = notices_raised(app)
            for pasted in ("Ayalon highway", "http://a.example/1\nhttp://b.example/2", "x"):
                app.post_message(events.Paste(pasted))
                await until(pilot, lambda: len(said) == 1, "said")
                assert not isinstance(app.screen, FeedInputScreen)
                assert "press a and paste its address" in said.pop()

    asyncio.run(run())
