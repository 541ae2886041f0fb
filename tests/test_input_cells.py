"""The cursor of a one-line input (`a`, `R`, `F`, `#`; the reading view's `/`) stands after the
last letter typed as the terminal draws it, and the line takes its row's width on the screen:
Hindi's spacing vowel signs ("ि", "ा", "ो") take a cell each in xterm, VTE and tmux, none by
Rich's measure (acc38a J11). Real parts: a feed on 127.0.0.1, the reader driven by Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from test_feed_order import serve
from textual.widgets import Input
from tui_pilot import on_top, running, subscribe

from reader.cells import terminal_cells
from reader.ui.dialogs.feed_input import FeedInputScreen


def drawn(strip_text: str) -> int:
    """The cells a row's text takes on the screen: a blank the terminal steps back over none."""
    return terminal_cells(strip_text.replace(" \b", ""))


@pytest.mark.parametrize("typed", ["ज़िला अस्पतालों", "北陸新幹線", "القاهرة", "harbour"])
def test_the_cursor_stands_after_the_last_letter(
    httpserver: HTTPServer, data_dir: Path, typed: str
) -> None:
    subscribe(data_dir, [serve(httpserver, "a.xml", "Harbour Post", [9])])

    async def run() -> None:
        async with running(data_dir, (100, 30), prefetch=False) as (_app, pilot):
            await pilot.press("a")
            screen = await on_top(pilot, FeedInputScreen, "the question")
            line = screen.query_one(Input)
            line.insert_text_at_cursor(typed)
            await pilot.pause()
            x = line.cursor_screen_offset.x - line.content_region.x
            # Where the next letter goes on the screen: as for ASCII, Textual's offset at the
            # line's end is one past its cells.
            assert x == terminal_cells(typed) + 1
            strip = line.render_line(0)
            text = "".join(segment.text for segment in strip)
            assert drawn(text) == strip.cell_length  # no wider on the screen than its row

    asyncio.run(run())
