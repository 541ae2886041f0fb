"""`J` / `K` (next / previous feed) and `t` / `T` (next / previous tag) held down stop where the
keys stop (acc41a A2): the presses queued while a feed's headlines were being shown each showed
one in full, and 38 `J` held for 1.5 s ran on 3 s after the key was let go (newsboat: 0.01 s).
A run of them queued goes as one press with their number as its count, as `3J` goes: the feed
or tag it lands on shown once. Driven with Pilot on the synced demo data, the keys of a burst
all queued before the first is handled (`tests.tui_pilot.burst`)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.library import Library
from reader.ui.app import ReaderApp
from reader.ui.headlines import tag_view
from reader.ui.widgets.main.feed_list import FeedList
from tests.tui_pilot import burst, keys_handled, running, table


def _shows(app: ReaderApp) -> list[str]:
    """The lists the main screen shows from now on, in order (its own `show_feed` still runs)."""
    screen = app.main_screen
    shown: list[str] = []
    show = screen.show_feed

    def showing(feed_url: str) -> None:
        shown.append(feed_url)
        show(feed_url)

    screen.show_feed = showing  # type: ignore[method-assign]
    return shown


def test_a_burst_of_J_shows_only_the_feed_it_lands_on(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            urls = list(app.main_screen.query_one(FeedList).feeds)
            assert len(urls) >= 3
            shown = _shows(app)
            burst(app, "J" * 7)  # from "All feeds": the first feed, then six on, round the end
            await keys_handled(pilot)
            assert app.main_screen.feed_url == urls[6 % len(urls)]
            assert shown == [urls[6 % len(urls)]]
            assert table(app).rows  # its headlines drawn
            burst(app, "K" * 2)
            await keys_handled(pilot)
            assert shown[1:] == [urls[4 % len(urls)]]
            burst(app, "JJKJ")  # runs of one key each: J twice, K, J
            await keys_handled(pilot)
            assert shown[2:] == [urls[6 % len(urls)], urls[5 % len(urls)], urls[6 % len(urls)]]

    asyncio.run(run())


def test_a_burst_of_J_in_the_feed_list_and_after_a_count(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            urls = list(app.main_screen.query_one(FeedList).feeds)
            await pilot.press("tab")
            shown = _shows(app)
            burst(app, "JJJ")
            await keys_handled(pilot)
            assert shown == [urls[2 % len(urls)]]
            assert app.main_screen.query_one(FeedList).selected_url == urls[2 % len(urls)]
            burst(app, "2JJ")  # the count goes with its own J, the next J on its own
            await keys_handled(pilot)
            assert shown[1:] == [urls[4 % len(urls)], urls[5 % len(urls)]]

    asyncio.run(run())


def test_a_burst_of_t_shows_only_the_tag_it_lands_on(synced_dir: Path) -> None:
    lib = Library(synced_dir)
    urls = [feed.url for feed in lib.feeds()]
    for url, tag in zip(urls[:3], ("local", "news", "wires"), strict=True):
        lib.tag_feed(url, [tag])
    lib.close()

    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            shown = _shows(app)
            burst(app, "tttt")  # #local, #news, #wires, round to #local
            await keys_handled(pilot)
            assert shown == [tag_view("local")]
            burst(app, "TT")
            await keys_handled(pilot)
            assert shown[1:] == [tag_view("news")]

    asyncio.run(run())
