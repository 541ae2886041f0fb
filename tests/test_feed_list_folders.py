"""The feed list grouped by the folders an OPML file filed the feeds in: a folder's row (its
name, its unread count) above its feeds, a folder in a folder one step in, a feed in two folders
under each, a feed in no folder where it stands; `z` folds one, kept for the next start; the
moves (j / k, `10G`, `J`, `]`) go as before (acc49d D2: 29 nested folders came out as 29 tag
rows in one flat list above 595 feeds). Real parts: the demo's synced library, its feeds filed
as `reader import` files an OPML file's, the reader driven by Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from rich.console import Console
from rich.text import Text
from textual.pilot import Pilot

from reader.library import Library
from reader.marks import FOLDER_CLOSED_MARK, FOLDER_OPEN_MARK
from reader.models import Feed
from reader.ui.app import ReaderApp
from reader.ui.cell_width import NamesApart
from reader.ui.dialogs.help import KEYS, lettered
from reader.ui.display import plain
from reader.ui.headlines import folder_view
from reader.ui.widgets.main.feed_list import FeedList
from reader.ui.widgets.main.feed_rows import FeedRow, FeedTitle
from tests.tui_pilot import keys_handled, resize, running, screen_text, table, until


def _file(directory: Path, placed: dict[int, list[tuple[str, ...]]]) -> list[Feed]:
    """File the demo's feeds (by position) in folders, as an OPML file's import does (each
    folder of the way a tag too); the feeds."""

    async def run() -> list[Feed]:
        async with Library(directory) as lib:
            feeds = lib.feeds()
            wanted = []
            for n, paths in placed.items():
                tags = tuple(name for path in paths for name in path)
                wanted.append((feeds[n].url, "", "", tags, tuple(paths)))
            lib.add_feeds(wanted)
            return feeds

    return asyncio.run(run())


TREE = {0: [("News", "Local")], 1: [("News",), ("Tech",)]}
"""The first feed in News › Local, the second in News and in Tech, the third in none."""


async def _grouped(app: ReaderApp, pilot: Pilot[object]) -> FeedList:
    """The feed list, once its folders' rows are drawn."""
    feed_list = app.main_screen.query_one(FeedList)
    await until(pilot, lambda: "News" in feed_list.names, "the folders' rows")
    return feed_list


def test_feeds_are_grouped_under_their_folders(synced_dir: Path) -> None:
    feeds = _file(synced_dir, TREE)
    first, second, third = (feed.display_title for feed in feeds)

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            feed_list = await _grouped(app, pilot)
            names = feed_list.names
            assert names == [
                "All feeds",
                "Saved",
                "News",
                "Local",
                first,
                second,
                "Tech",
                second,  # in two folders: under each
                third,  # in none: where it stands
            ]
            text = screen_text(app)
            assert "#News" not in text and "#Tech" not in text  # a folder's row, not a tag's too
            assert "▾ News" in text
            lines = text.splitlines()
            local = next(line for line in lines if "Local" in line)
            assert "▾   Local" in local  # a step in
            assert any(f"    {first}" in line for line in lines)  # two steps in
            # Its count is its view's: the headlines of every feed in it.
            index = app.index
            news = index.unread_in(folder_view(("News",)))
            assert news == index.unread_in(feeds[0].url) + index.unread_in(feeds[1].url)
            assert news and str(news) in next(line for line in lines if "▾ News" in line)
            # Selecting it shows its feeds' headlines together.
            await pilot.press("h", "g", "j", "j")
            await until(
                pilot, lambda: app.main_screen.feed_url == folder_view(("News",)), "News shown"
            )
            shown = {row.entry.feed_url for row in table(app).rows}
            assert shown == {feeds[0].url, feeds[1].url}

    asyncio.run(run())


def test_z_folds_a_folder_kept_for_the_next_start(synced_dir: Path) -> None:
    feeds = _file(synced_dir, TREE)
    first, second, third = (feed.display_title for feed in feeds)

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            feed_list = await _grouped(app, pilot)
            await pilot.press("h", "g", "j", "j", "j", "z")  # on Local
            await until(pilot, lambda: first not in feed_list.names, "Local folded")
            local_folded = ["All feeds", "Saved", "News", "Local", second, "Tech", second, third]
            assert feed_list.names == local_folded
            assert "▸   Local" in screen_text(app)
            await pilot.press("j", "z")  # on a feed in News: News folds, the cursor on its row
            await until(pilot, lambda: "Local" not in feed_list.names, "News folded")
            assert feed_list.names == ["All feeds", "Saved", "News", "Tech", second, third]
            await until(
                pilot, lambda: app.main_screen.feed_url == folder_view(("News",)), "its view"
            )

        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            feed_list = await _grouped(app, pilot)
            assert feed_list.names == ["All feeds", "Saved", "News", "Tech", second, third]
            assert "▸ News" in screen_text(app)
            # `J` to the first feed, in a folder folded: its folders open, the cursor on it.
            await pilot.press("J")
            await until(pilot, lambda: app.main_screen.feed_url == feeds[0].url, "the first feed")
            await until(pilot, lambda: first in feed_list.names, "its folders unfolded")
            assert feed_list.selected_url == feeds[0].url
            await pilot.press("h", "z")  # Local folded, the cursor on its row
            await until(pilot, lambda: first not in feed_list.names, "Local folded")
            await pilot.press("k", "z")  # News folded
            await until(pilot, lambda: "Local" not in feed_list.names, "News folded")
            # `t` to the folder after News: Local, a folder in News, unfolded to show its row.
            await pilot.press("t")
            await until(
                pilot, lambda: app.main_screen.feed_url == folder_view(("News", "Local")), "Local"
            )
            await until(pilot, lambda: "Local" in feed_list.names, "News unfolded")
            assert (
                feed_list.selected_url == folder_view(("News", "Local"))
                and first not in feed_list.names
            )
            await pilot.press("z")  # Local open again
            await until(pilot, lambda: first in feed_list.names, "Local open again")

        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            feed_list = app.main_screen.query_one(FeedList)
            await until(pilot, lambda: first in feed_list.names, "every folder open")

    asyncio.run(run())


def test_moves_count_the_feeds_among_the_folders(synced_dir: Path) -> None:
    feeds = _file(synced_dir, TREE)

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            screen = app.main_screen
            await _grouped(app, pilot)
            await pilot.press("h", "2", "G")  # the second feed, folder rows not counted
            await until(pilot, lambda: screen.feed_url == feeds[1].url, "the second feed")
            await pilot.press("4", "G")  # the fourth row of a feed: the one in no folder
            await until(pilot, lambda: screen.feed_url == feeds[2].url, "the third feed")
            await pilot.press("k")  # the second feed again, under Tech
            await until(pilot, lambda: screen.feed_url == feeds[1].url, "up a row")
            await pilot.press("k")
            await until(pilot, lambda: screen.feed_url == folder_view(("Tech",)), "Tech's row")
            await pilot.press("g")
            await until(pilot, lambda: screen.feed_url is None, "All feeds")
            await pilot.press("G")
            await until(pilot, lambda: screen.feed_url == feeds[2].url, "the last row")
            await pilot.press("K")  # the feed above it, as the list shows them
            await until(pilot, lambda: screen.feed_url == feeds[1].url, "the previous feed")

    asyncio.run(run())


def test_folders_at_every_width(synced_dir: Path) -> None:
    feeds = _file(synced_dir, TREE)

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            feed_list = await _grouped(app, pilot)
            await pilot.press("h")
            for width in (8, 12, 20, 40, 59, 60, 79, 80, 100, 120):
                await resize(pilot, width, 30)
                await keys_handled(pilot)
                lines = [line for line in screen_text(app).splitlines() if "│" in line]
                assert lines, width
                if width >= 20:  # the list shown alone or beside: the folders and their feeds
                    text = screen_text(app)
                    assert "▾ News" in text and "Local" in text, width
            await pilot.press("j", "j", "z")
            await until(pilot, lambda: feeds[0].display_title not in feed_list.names, "folded")

    asyncio.run(run())


def test_failing_feeds_in_a_folder_folded(synced_dir: Path, httpserver: HTTPServer) -> None:
    """`]` goes to a failing feed in a folder folded, which opens; its row keeps its `!`."""
    dead = httpserver.url_for("/dead.xml")
    httpserver.expect_request("/dead.xml").respond_with_data("", status=404)

    async def subscribe() -> None:
        async with Library(synced_dir) as lib:
            lib.add_feeds([(dead, "Dead desk", "", ("Archive desk",), (("Archive desk",),))])
            await lib.refresh()

    asyncio.run(subscribe())
    _file(synced_dir, TREE)

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            feed_list = await _grouped(app, pilot)
            assert "!   Dead desk" in screen_text(app)  # its mark, then set in a step
            folder = feed_list.names.index("Archive desk")
            await pilot.press("h")
            feed_list.highlighted = folder
            await pilot.press("z")
            await until(pilot, lambda: "Dead desk" not in feed_list.names, "folded")
            await pilot.press("l", "right_square_bracket")
            await until(pilot, lambda: app.main_screen.feed_url == dead, "the failing feed")
            await until(pilot, lambda: "Dead desk" in feed_list.names, "its folder open")
            assert "!   Dead desk" in screen_text(app)

    asyncio.run(run())


def test_the_help_names_z_and_the_folder_marks() -> None:
    """`?` lists `z` among the headlines' keys and the folder marks among the markers, "- / +"
    in the plain layout, as its rows show them."""
    sections = dict(KEYS)
    assert ("z", "feed list: fold / unfold the folder (on a feed: the one it is in)") in sections[
        "Headlines"
    ]
    marks = dict(sections["Markers"])
    assert marks[f"{FOLDER_OPEN_MARK} / {FOLDER_CLOSED_MARK}"].startswith("a folder")
    assert "- / +" in dict(dict(lettered(KEYS))["Markers"])


@pytest.mark.parametrize("width", [6, 8, 12, 22, 30])
def test_a_row_in_folders_is_set_in_and_keeps_room_for_its_name(width: int) -> None:
    console = Console(width=width, color_system=None, force_terminal=True)
    names = NamesApart()
    row = FeedRow(FeedTitle(plain("Harbour Gazette"), names), 12, Text(" "), depth=3)
    line = "".join(s.text for s in console.render_lines(row, pad=True)[0])
    flat = FeedRow(FeedTitle(plain("Harbour Gazette"), NamesApart()), 12, Text(" "))
    flat_line = "".join(s.text for s in console.render_lines(flat, pad=True)[0])
    assert len(line) == len(flat_line) == width
    room = width - 3 - 2  # past the mark, the blanks and the count
    indent = min(6, room // 2)
    assert line.startswith("  " + " " * indent) and line.rstrip().endswith("12")
    assert line[2 + indent] in "H…"  # the name (cut to "…" in one cell), whatever the width
