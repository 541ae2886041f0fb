"""vim's count before a key (acc29a K13): `5j` moves five rows in the headlines and the feed
list and scrolls five lines in an article, `10G` goes to the tenth row or line, `3J` three
feeds on, `2n` to the second match on; the count shows at the status line's end while it is
typed, Esc drops it, a key that takes none acts once; digits in a search line are its query.
A burst (`5j` pasted, bunched over ssh) counts as typed. Driven with Pilot on the synced demo
data."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article.article_body import ArticleBody
from reader.ui.widgets.main.feed_list import FeedList
from tests.tui_pilot import burst, open_row, running, screen_text, table, until


def _status_line(text: str) -> str:
    return text.splitlines()[-2]


def test_a_count_moves_so_many_headlines(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            assert len(table(app).rows) > 12
            await pilot.press("5", "j")
            await pilot.pause()
            assert table(app).cursor == 5
            await pilot.press("3", "k")
            await pilot.pause()
            assert table(app).cursor == 2
            await pilot.press("1", "0", "G")
            await pilot.pause()
            assert table(app).cursor == 9
            await pilot.press("2", "g")
            await pilot.pause()
            assert table(app).cursor == 1
            await pilot.press("j")  # the count went with its key
            await pilot.pause()
            assert table(app).cursor == 2
            await pilot.press("4", "g", "g")  # vim's `4gg`: the fourth, not the top
            await pilot.pause()
            assert table(app).cursor == 3
            await pilot.press("g")  # a `g` of its own
            await pilot.pause()
            assert table(app).cursor == 0

    asyncio.run(run())


def test_a_count_typed_in_one_burst_counts(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            burst(app, "5j2jk")
            await until(pilot, lambda: table(app).cursor == 6, "five, two, then one back")
            await pilot.pause(0.2)
            assert table(app).cursor == 6

    asyncio.run(run())


def test_the_count_shows_while_typed_and_esc_drops_it(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            await pilot.press("1", "2")
            await pilot.pause()
            assert _status_line(screen_text(app)).rstrip().endswith(" 12")
            assert "no such key" not in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
            assert not _status_line(screen_text(app)).rstrip().endswith("12")
            await pilot.press("j")
            await pilot.pause()
            assert table(app).cursor == 1  # Esc dropped it

    asyncio.run(run())


def test_a_key_that_takes_no_count_acts_once(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            before = [h.read for h in table(app).rows[:3]]
            await pilot.press("3", "m")
            await pilot.pause()
            rows = table(app).rows
            assert [h.read for h in rows[:3]] == [not before[0], *before[1:3]]
            assert table(app).cursor == 0
            await pilot.press("j")
            await pilot.pause()
            assert table(app).cursor == 1
            assert app.count_typed == ""

    asyncio.run(run())


def test_a_count_moves_so_many_feeds(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            feeds = app.main_screen.query_one(FeedList)
            urls = list(feeds.feeds)
            assert len(urls) >= 3
            await pilot.press("2", "J")
            await pilot.pause()
            assert app.main_screen.feed_url == urls[1]
            await pilot.press("tab", "g", "3", "j")
            await pilot.pause()
            assert feeds.highlighted == 3
            await pilot.press("g")
            await pilot.pause()
            assert feeds.highlighted == 0  # "All feeds"

    asyncio.run(run())


def test_a_count_in_the_feed_list_counts_feeds(synced_dir: Path) -> None:
    """`2G` is the second feed, as the headlines' is their second headline: "All feeds",
    "Saved" and the tag rows above the feeds are not counted (`2G` went to "Saved", and with
    two tags `5G` to the third feed). `gg` is still the top; past the last feed, the last."""
    from reader.library import Library

    lib = Library(synced_dir)
    urls = [feed.url for feed in lib.feeds()]
    lib.tag_feed(urls[0], ["news"])
    lib.tag_feed(urls[1], ["local"])
    lib.close()

    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            feeds = app.main_screen.query_one(FeedList)
            order = list(feeds.feeds)
            await pilot.press("tab")
            for keys, feed in ((("2", "G"), 1), (("1", "g", "g"), 0), (("3", "g"), 2)):
                await pilot.press(*keys)
                await pilot.pause()
                assert feeds.selected_url == order[feed], keys
            await pilot.press("9", "9", "G")
            await pilot.pause()
            assert feeds.selected_url == order[-1]
            await pilot.press("g", "g")
            await pilot.pause()
            assert feeds.highlighted == 0

    asyncio.run(run())


def test_a_count_goes_to_the_nth_match(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            rows = table(app).rows
            word = "the"
            hits = [i for i, h in enumerate(rows) if word in h.entry.title.lower()]
            assert len(hits) >= 4, hits
            await pilot.press("slash", *word, "enter")
            await until(pilot, lambda: app.main_screen.headline_query == word, "the search")
            assert table(app).cursor == hits[0]
            await pilot.press("2", "n")
            await pilot.pause()
            assert table(app).cursor == hits[2]

    asyncio.run(run())


def test_digits_in_the_search_line_are_its_query(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            burst(app, "/20")
            await until(pilot, lambda: app.main_screen.searching, "the search line")
            line = app.main_screen.query_one("#search-input")
            await until(pilot, lambda: line.value == "20", "the query")
            assert app.count_typed == ""

    asyncio.run(run())


def test_a_count_scrolls_an_article_so_many_lines(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (80, 24), prefetch=False) as (app, pilot):
            rows = table(app).rows
            longest = max(range(len(rows)), key=lambda i: len(rows[i].entry.title))
            screen = await open_row(pilot, longest)
            body = screen.query_one(ArticleBody)
            await until(pilot, lambda: body.max_scroll_y > 20, "a long article")
            burst(app, "5j")
            await until(pilot, lambda: round(body.scroll_y) == 5, "five lines")
            await pilot.press("1", "2", "G")
            await pilot.pause()
            assert round(body.scroll_y) == 11
            assert isinstance(app.screen, ArticleScreen)

    asyncio.run(run())


def test_a_count_counts_for_the_keys_set_and_a_digit_set_is_its_actions(
    synced_dir: Path,
) -> None:
    """`[keys]`: `down = "e"` moves five with `5e`; `toggle_read = "3"` marks, no count."""
    from reader.config import Config
    from reader.ui.app import ReaderApp
    from tests.tui_pilot import started

    async def run() -> None:
        keys = {"down": ("e",), "toggle_read": ("3",)}
        config = Config(synced_dir / "config.toml", keys=keys)
        app = ReaderApp(synced_dir, refresh_on_start=False, config=config)
        app.prefetch_limit = 0
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            await pilot.press("5", "e")
            await pilot.pause()
            assert table(app).cursor == 5
            read = table(app).rows[5].read
            await pilot.press("3", "e")
            await pilot.pause()
            assert table(app).rows[5].read != read
            assert table(app).cursor == 6

    asyncio.run(run())
