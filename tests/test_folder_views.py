"""A folder's view is its own, not its name's tag's: the headlines of the feeds in it and in the
folders in it, its row's count theirs. Two folders of one name (Work/News and Home/News of an
OPML file) are two; a tag given by hand with a folder's name ("news") puts no feed in the
folder, and keeps a row of its own; the headlines' title names a folder by its path ("Work /
News"), not as a tag ("#News"). `/` in the feed list finds a feed in a folder folded, unfolding
it, as a file tree's search does. A list left on a folder before folders had views of their own
(kept as its tag's) opens on the folder (acc50c C6, folders50). Real parts: the demo's synced
library, its feeds filed as an OPML import files them, the reader driven by Pilot."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from reader.library import Library
from reader.ui.app import ReaderApp
from reader.ui.headlines import folder_view, tag_view
from reader.ui.widgets.main.feed_list import FeedList
from tests.test_feed_list_folders import TREE, _file, _grouped
from tests.tui_pilot import running, screen_text, status, table, until


async def _to_row(app: ReaderApp, pilot: object, position: int) -> None:
    """The feed list's cursor to its row at `position`, by `g` and `j`s."""
    feed_list = app.main_screen.query_one(FeedList)
    await pilot.press("h", "g", *["j"] * position)  # type: ignore[attr-defined]
    await until(pilot, lambda: feed_list.highlighted == position, f"row {position}")  # type: ignore[arg-type]


def _line_of(app: ReaderApp, name: str, nth: int = 0) -> str:
    """The screen's `nth` line holding a folder row named `name`."""
    lines = [line for line in screen_text(app).splitlines() if re.search(f"▾ +{name} ", line)]
    return lines[nth]


def test_a_tag_named_as_a_folder_puts_no_feed_in_it(synced_dir: Path) -> None:
    """`reader tag THIRD news` beside a folder News: News lists, counts and shows its own
    feeds alone; the tag has its row, "#News", with the third feed's headlines too."""
    feeds = _file(synced_dir, TREE)
    first, second, third = (feed.display_title for feed in feeds)

    async def tag() -> None:
        async with Library(synced_dir) as lib:
            lib.tag_feed(feeds[2].url, ["news"])

    asyncio.run(tag())

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            feed_list = await _grouped(app, pilot)
            names = feed_list.names
            assert names == [
                "All feeds",
                "Saved",
                "#News",  # a tag's row too: a feed in no folder News has it
                "News",
                "Local",
                first,
                second,
                "Tech",
                second,
                third,  # not under News
            ]
            index = app.index
            own = index.unread_in(feeds[0].url) + index.unread_in(feeds[1].url)
            assert own and index.unread_in(feeds[2].url)
            assert f" {own}" in _line_of(app, "News")  # its feeds' count, not the tag's
            await _to_row(app, pilot, names.index("News"))
            await until(pilot, lambda: bool(table(app).rows), "News's headlines")
            assert {row.entry.feed_url for row in table(app).rows} == {
                feeds[0].url,
                feeds[1].url,
            }
            assert f"News · {own} unread of " in screen_text(app)
            await _to_row(app, pilot, names.index("#News"))
            await until(
                pilot,
                lambda: feeds[2].url in {row.entry.feed_url for row in table(app).rows},
                "the tag's headlines, the third feed's among them",
            )

    asyncio.run(run())


def test_two_folders_of_one_name_are_two(synced_dir: Path) -> None:
    """Work/News and Home/News: each row shows and counts its own feed's headlines, its title
    its path."""
    feeds = _file(synced_dir, {0: [("Work", "News")], 1: [("Home", "News")]})
    first, second, third = (feed.display_title for feed in feeds)

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            feed_list = await _grouped(app, pilot)
            names = ["All feeds", "Saved", "Work", "News", first, "Home", "News", second, third]
            assert feed_list.names == names
            index = app.index
            for nth, (position, feed) in enumerate(((3, feeds[0]), (6, feeds[1]))):
                count = index.unread_in(feed.url)
                assert count and f" {count}" in _line_of(app, "News", nth)
                await _to_row(app, pilot, position)
                await until(
                    pilot,
                    lambda feed=feed: {r.entry.feed_url for r in table(app).rows} == {feed.url},
                    "its own feed's headlines alone",
                    detail=lambda: str({r.entry.feed_url for r in table(app).rows}),
                )
                path = "Work / News" if nth == 0 else "Home / News"
                text = screen_text(app)
                assert f"{path} · {count} unread of {count}" in text
                assert "#News" not in text

    asyncio.run(run())


def test_slash_finds_a_feed_in_a_folder_folded(synced_dir: Path) -> None:
    """News folded: `/` and a word of the first feed's name (in News › Local) finds it, its
    folders unfolded, its headlines shown; Enter keeps the search, `n` goes round."""
    feeds = _file(synced_dir, TREE)
    first = feeds[0].display_title
    others = " ".join(f.display_title for f in feeds[1:]).lower()
    word = next(w for w in first.split() if w.lower() not in others and len(w) > 2)

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            feed_list = await _grouped(app, pilot)
            await _to_row(app, pilot, 2)  # News
            await pilot.press("z")
            await until(pilot, lambda: first not in feed_list.names, "News folded")
            await pilot.press("slash", *word)
            await until(
                pilot,
                lambda: app.main_screen.feed_url == feeds[0].url,
                "the feed found in the folder folded",
                detail=lambda: status(app),
            )
            assert feed_list.selected_url == feeds[0].url
            assert feed_list.names[2:6] == ["News", "Local", first, feeds[1].display_title]
            await pilot.press("enter")
            await until(pilot, lambda: "Feed 1 of 1" in status(app), "the search kept")

    asyncio.run(run())


def test_a_folder_left_as_its_tag_opens_on_the_folder(synced_dir: Path) -> None:
    """A list left on a folder's row before folders had views of their own was kept as its
    tag's ("reader:tag:News"): the next start opens on the folder's row and view."""
    feeds = _file(synced_dir, TREE)

    async def leave() -> None:
        async with Library(synced_dir) as lib:
            lib.keep_left_list(tag_view("News"), None)

    asyncio.run(leave())

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            feed_list = await _grouped(app, pilot)
            news = folder_view(("News",))
            await until(pilot, lambda: app.main_screen.feed_url == news, "the folder's view")
            assert feed_list.selected_url == news
            await until(pilot, lambda: bool(table(app).rows), "its headlines")
            assert {row.entry.feed_url for row in table(app).rows} == {
                feeds[0].url,
                feeds[1].url,
            }

    asyncio.run(run())


def test_a_list_left_on_a_folder_in_a_folder_opens_there_again(synced_dir: Path) -> None:
    """Left on Home › News (its path kept in the list's name), the next start opens on that
    folder, not on Work › News nor on "All feeds"."""
    feeds = _file(synced_dir, {0: [("Work", "News")], 1: [("Home", "News")]})
    home = folder_view(("Home", "News"))

    async def run(first: bool) -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            await _grouped(app, pilot)
            if first:
                await _to_row(app, pilot, 6)
            await until(pilot, lambda: app.main_screen.feed_url == home, "Home › News")
            await until(
                pilot,
                lambda: {r.entry.feed_url for r in table(app).rows} == {feeds[1].url},
                "its feed's headlines",
            )
            if first:
                await pilot.press("ctrl+q")  # the list left kept as the reader quits
                await until(pilot, lambda: not app.is_running, "quit")

    asyncio.run(run(first=True))
    asyncio.run(run(first=False))


def test_each_folder_and_tag_row_counts_what_it_lists(synced_dir: Path) -> None:
    """Saved articles of the third feed (in no folder) filed under "news" and "misc": News's
    row counts its feeds' unread headlines, as it lists them; "#News" keeps a row of its own,
    counting and listing the article too. The tag's row had gone (its name a folder's), the
    article listed nowhere by its tag, the tag counting one more than the folder's row said."""
    feeds = _file(synced_dir, TREE)

    async def tag() -> None:
        async with Library(synced_dir) as lib:
            third = [e for e in lib.entries_by_key().values() if e.feed_url == feeds[2].url]
            lib.tag_article(third[0], ["news"])
            lib.tag_article(third[1], ["misc"])

    asyncio.run(tag())

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            feed_list = await _grouped(app, pilot)
            names = feed_list.names
            assert "#News" in names and "#misc" in names, names
            for name in ("#misc", "#News", "News", "Local", "Tech"):
                position = names.index(name)
                shown = re.search(r"(\d+)\s*│", screen_text(app).splitlines()[1 + position])
                assert shown is not None, name
                await _to_row(app, pilot, position)
                await until(
                    pilot,
                    lambda: (
                        feed_list.selected_url == app.main_screen.feed_url and bool(table(app).rows)
                    ),
                    f"{name}'s headlines",
                )
                listed = sum(not row.read for row in table(app).rows)
                assert int(shown[1]) == listed, (name, screen_text(app))
                third = any(row.entry.feed_url == feeds[2].url for row in table(app).rows)
                assert third == name.startswith("#"), name  # the articles tagged, by tag alone

    asyncio.run(run())
