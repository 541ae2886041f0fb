"""The terminal cursor follows what is selected, for a screen reader (Orca, speakup, BRLTTY),
which reads "the line the cursor is on" after each key (acc42a A1): the start of the selected
row in the headlines, the feed list and the link list, the top line of the view in an article
and the help. It stayed on the top-left corner, the frame's title, whatever was selected."""

from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input

from reader.ui.dialogs.help import HelpScreen
from reader.ui.dialogs.links import LinkList, LinksScreen
from reader.ui.widgets.main.feed_list import FeedList
from tests.pty_reader import reader_in_pty
from tests.tui_pilot import (
    keys_handled,
    on_top,
    open_titled,
    running,
    screen_text,
    table,
    until,
)


def cursor_line(app: App[object]) -> str:
    """The line of the screen the terminal cursor is on, from the cursor's column on."""
    x, y = app.cursor_position
    return screen_text(app).splitlines()[y][x:]


@pytest.mark.parametrize("size", [(40, 15), (100, 30)])
def test_the_cursor_is_on_the_selected_headline(synced_dir: Path, size: tuple[int, int]) -> None:
    async def run() -> None:
        async with running(synced_dir, size, prefetch=False) as (app, pilot):
            headlines = table(app)
            await pilot.press("j", "j")
            await keys_handled(pilot)
            assert headlines.cursor == 2
            title = headlines.rows[2].entry.title
            # The start of the row: its first cell, the margin before its marks.
            assert app.cursor_position.x == headlines.scrollable_content_region.x
            assert title[:8] in cursor_line(app), (cursor_line(app), title)
            for _ in range(headlines.scrollable_content_region.height + 2):
                await pilot.press("down")  # past the bottom of the view: the list scrolls
            await keys_handled(pilot)
            title = headlines.rows[headlines.cursor].entry.title
            assert headlines.scroll_y > 0
            assert title[:8] in cursor_line(app), (cursor_line(app), title)

    asyncio.run(run())


def test_the_cursor_is_on_the_selected_feed(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            await pilot.press("tab")
            feeds = app.screen.query_one(FeedList)
            await until(pilot, lambda: app.focused is feeds, "the feed list")
            await pilot.press("j", "j")
            await keys_handled(pilot)
            assert feeds.highlighted is not None
            name = feeds.names[feeds.highlighted]
            assert app.cursor_position.x == feeds.scrollable_content_region.x
            assert name in cursor_line(app), (cursor_line(app), name)

    asyncio.run(run())


def test_the_cursor_is_on_the_article_s_top_line_and_the_selected_link(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30)) as (app, pilot):
            body = await open_titled(pilot, "£412m budget")
            await pilot.press("space")
            await keys_handled(pilot)
            region = body.scrollable_content_region
            assert app.cursor_position == (region.x, region.y)
            top = body.lines[round(body.scroll_y)].strip()
            assert top and top in cursor_line(app).strip(), (cursor_line(app), top)
            await pilot.press("tab", "tab")  # the second link: the cursor on its line
            await keys_handled(pilot)
            assert body.selected_link == 2
            first, _last = body._links.span_lines(1)  # the link's lines in the text
            assert app.cursor_position == (region.x, region.y + first - round(body.scroll_y))
            assert body.lines[first].strip() in cursor_line(app)
            await pilot.press("escape")
            await keys_handled(pilot)
            await pilot.press("L")
            links = (await on_top(pilot, LinksScreen, "the link list")).query_one(LinkList)
            await pilot.press("j")
            await keys_handled(pilot)
            assert links.highlighted == 1
            assert cursor_line(app).lstrip().startswith("2."), cursor_line(app)
            await pilot.press("escape", "question_mark")
            help_screen = await on_top(pilot, HelpScreen, "the help")
            await keys_handled(pilot)
            panel = help_screen.query_one("#help-panel")
            assert app.cursor_position == panel.scrollable_content_region.offset
            assert isinstance(app.screen.focused, type(panel))

    asyncio.run(run())


def test_the_cursor_goes_to_the_line_of_the_search_match_n_went_to(synced_dir: Path) -> None:
    """`n` in an article: the cursor on the match's line, not the view's top line, and there
    too after a link was selected before it; Tab after it takes it to the link."""

    async def run() -> None:
        async with running(synced_dir, (60, 15)) as (app, pilot):
            body = await open_titled(pilot, "£412m budget")
            await pilot.press("tab")  # a link selected first: `n` after it is what counts
            await pilot.press("slash", *"the", "enter")
            await until(pilot, lambda: body.query == "the", "the query's matches")
            assert body.match_count > 3
            region = body.scrollable_content_region
            lines = []
            for _ in range(3):
                await pilot.press("n")
                await keys_handled(pilot)
                current = body.current_match
                assert current is not None
                first, _last = body._matches.span_lines(current - 1)  # type: ignore[union-attr]
                line = first - round(body.scroll_y)
                lines.append(line)
                assert 0 <= line < region.height
                assert app.cursor_position == (region.x, region.y + line)
                assert body.lines[first].strip() in cursor_line(app)
            assert any(lines)  # one off the top line at least: a test that tells
            await pilot.press("tab")
            await keys_handled(pilot)
            link = body.selected_link
            assert link is not None
            first, _last = body._links.span_lines(link - 1)
            assert app.cursor_position == (region.x, region.y + first - round(body.scroll_y))

    asyncio.run(run())


def test_a_text_box_still_places_the_cursor_itself(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            await pilot.press("slash", "f", "l")
            await keys_handled(pilot)
            box = app.focused
            assert isinstance(box, Input)
            assert app.cursor_position == box.cursor_screen_offset
            await pilot.press("escape")
            await keys_handled(pilot)
            headlines = table(app)
            assert app.cursor_position.y == headlines.scrollable_content_region.y

    asyncio.run(run())


_CURSOR_MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")


def test_a_real_terminal_is_told_where_the_selected_headline_is(synced_dir: Path) -> None:
    """The bytes a terminal gets: after each frame, the cursor moved to the selected row (two
    rows lower after `j j`), not left at the top-left corner (row 1, column 1)."""

    def last_move(screen: bytes) -> tuple[int, int]:
        moves = _CURSOR_MOVE.findall(screen)
        assert moves, screen[-400:]
        row, column = moves[-1]
        return int(row), int(column)

    def settled(reader_shown: list[bytes], seconds: float = 0.6) -> bytes:
        """What was written, once nothing more has come for `seconds`."""
        count = -1
        while count != len(reader_shown):
            count = len(reader_shown)
            time.sleep(seconds)
        return b"".join(reader_shown)

    with reader_in_pty(synced_dir, rows=24, columns=80) as reader:
        deadline = time.monotonic() + 40
        while b"unread" not in reader.screen() and time.monotonic() < deadline:
            time.sleep(0.1)
        first = last_move(settled(reader.shown))
        reader.type(b"jj")
        deadline = time.monotonic() + 40
        while last_move(settled(reader.shown)) == first and time.monotonic() < deadline:
            time.sleep(0.1)
        row, column = last_move(reader.screen())
        assert (row, column) == (first[0] + 2, first[1])
        assert first != (1, 1)
