"""Keys typed in the same burst as a box's answer (a paste, a macro, tmux's `send-keys Enter j
j`) act where the answer led, as they do typed a second later (acc41a A9): after `a` and the
address of a feed subscribed already, `j j` moves on from that feed, shown; after `D y` from
the feed shown next; after a new feed's address from the feed added; after a rename from where
the new name put the feed; after `F`'s Enter in its hits. Each burst is queued whole before its first key is handled (`tests.tui_pilot.burst`);
driven with Pilot on a library the size of the tester's (40 feeds, 3,600 headlines: reading
them again after an answer takes a while) and on feeds served on 127.0.0.1."""

from __future__ import annotations

import asyncio
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.config import load_config
from reader.keys import entry_id
from reader.library import Library
from reader.models import Entry, Feed
from reader.ui import answer_work
from reader.ui.app import ReaderApp
from reader.ui.screens.main import MainScreen
from reader.ui.screens.main_full_text import SEARCH_VIEW
from reader.ui.widgets.main.feed_list import FeedList
from tests.served_feed import serve_one_item
from tests.tui_pilot import burst, keys_handled, running, table, until

FEEDS, ITEMS = 40, 90
_BASE = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
_HOST = "http://127.0.0.1:9"  # the discard port: nothing answers, nothing is fetched


@pytest.fixture(scope="module")
def big_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """FEEDS feeds of ITEMS unread headlines each, "Feed 00 Post" to "Feed 39 …", as subscribed.
    Read-only: copied for each test (`big_dir`)."""
    directory = tmp_path_factory.mktemp("keys-after-an-answer")
    lib = Library(directory, workers="thread")
    try:
        for f in range(FEEDS):
            url = f"{_HOST}/feed{f:02}.xml"
            title = f"Feed {f:02} Post"
            lib.add_feed(url)
            lib.store.put_feed(Feed(url, title=title, last_success=_BASE))
            entries = [
                Entry(
                    id=entry_id(url, link := f"{_HOST}/feed{f:02}/story-{i}.html"),
                    feed_url=url,
                    title=f"The harbour story {i} of feed {f:02}",
                    link=link,
                    published=_BASE - timedelta(minutes=i * FEEDS + f),
                    feed_title=title,
                )
                for i in range(ITEMS)
            ]
            lib.store.merge_entries(url, entries)
    finally:
        lib.close()
    return directory


@pytest.fixture
def big_dir(big_master: Path, tmp_path: Path) -> Path:
    target = tmp_path / "big"
    shutil.copytree(big_master, target)
    return target


def _feeds(app: ReaderApp) -> FeedList:
    return app.main_screen.query_one(FeedList)


async def _in_feed_list(pilot: object, app: ReaderApp) -> list[str]:
    """The feed list focused, on "All feeds": the feeds' addresses, in its order."""
    burst(app, "\t")
    await keys_handled(pilot)  # type: ignore[arg-type]
    assert app.focused is _feeds(app) and _feeds(app).selected_url is None
    return [url for url in _feeds(app).feeds]


def test_keys_after_adding_a_feed_subscribed_already_move_on_from_it(big_dir: Path) -> None:
    async def run() -> None:
        async with running(big_dir, (120, 30), prefetch=False) as (app, pilot):
            urls = await _in_feed_list(pilot, app)
            assert len(urls) == FEEDS
            burst(app, f"a{urls[5]}\rjj")
            await until(pilot, lambda: "Already subscribed" in app.status, "the answer")
            await keys_handled(pilot)
            assert app.status == f"Already subscribed: {urls[5]}"
            # From the feed shown, two on: its headlines shown, as `j` in the list shows them.
            assert _feeds(app).selected_url == urls[7]
            assert app.main_screen.feed_url == urls[7]

    asyncio.run(run())


def test_keys_after_adding_a_new_feed_move_on_from_it(
    big_dir: Path, httpserver: HTTPServer
) -> None:
    new = serve_one_item(
        httpserver, "Quay Weekly", "New pontoon for the quay", httpserver.url_for("/quay.html")
    )

    async def run() -> None:
        async with running(big_dir, (120, 30), prefetch=False) as (app, pilot):
            urls = await _in_feed_list(pilot, app)
            burst(app, f"a{new}\rk")
            await until(pilot, lambda: app.status.startswith("Subscribed"), "the answer")
            await keys_handled(pilot)
            assert app.status == "Subscribed: Quay Weekly (1 headline)"
            # Added last, shown; `k` one up from it, not from "All feeds".
            assert list(_feeds(app).feeds) == [*urls, new]
            assert _feeds(app).selected_url == urls[-1]

    asyncio.run(run())


def test_keys_after_removing_a_feed_move_on_from_the_next(big_dir: Path) -> None:
    async def run() -> None:
        async with running(big_dir, (120, 30), prefetch=False) as (app, pilot):
            urls = await _in_feed_list(pilot, app)
            burst(app, "3J")  # the third feed
            await keys_handled(pilot)
            assert app.main_screen.feed_url == urls[2]
            burst(app, "Dyjj")
            await until(pilot, lambda: app.status.startswith("Unsubscribed"), "the answer")
            await keys_handled(pilot)
            # The next feed shown in its place, then `j j` on from it.
            assert list(_feeds(app).feeds) == urls[:2] + urls[3:]
            assert _feeds(app).selected_url == urls[5]

    asyncio.run(run())


def test_keys_after_renaming_a_feed_move_on_from_where_its_name_put_it(big_dir: Path) -> None:
    (big_dir / "config.toml").write_text('[ui]\nfeed_order = "title"\n')
    config = load_config(big_dir / "config.toml")

    async def run() -> None:
        async with running(big_dir, (120, 30), prefetch=False, config=config) as (app, pilot):
            urls = await _in_feed_list(pilot, app)
            burst(app, "6J")  # "Feed 05 Post"
            await keys_handled(pilot)
            assert app.main_screen.feed_url == urls[5]
            burst(app, "R\x15Aardvark Gazette\rj")
            await until(pilot, lambda: app.status.startswith("Renamed"), "the answer")
            await keys_handled(pilot)
            assert app.status == "Renamed: Feed 05 Post → Aardvark Gazette"
            # First by its new name; `j` on from there, not from where it was.
            assert list(_feeds(app).feeds)[:2] == [urls[5], urls[0]]
            assert _feeds(app).selected_url == urls[0]

    asyncio.run(run())


def test_keys_after_a_text_search_move_in_its_hits(big_dir: Path) -> None:
    async def run() -> None:
        async with running(big_dir, (120, 30), prefetch=False) as (app, pilot):
            burst(app, "Fharbour\rjj")
            screen = app.main_screen
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the hits")
            await keys_handled(pilot)
            await until(pilot, lambda: not screen.hits_coming, "every hit")
            assert len(table(app).rows) > 2
            assert table(app).cursor == 2  # the hits' third, not the list searched's

    asyncio.run(run())


def test_keys_after_an_answer_whose_work_hangs_act_after_a_while(
    big_dir: Path, silent_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site that never answers: the keys typed after its address wait for the add as long
    as keys wait for an answer, then act where they are; the add still under way holds no
    key after them."""
    monkeypatch.setattr(answer_work, "AT_MOST", 3.0)  # the test's time, not 15 s of it

    async def run() -> None:
        async with running(big_dir, (120, 30), prefetch=False) as (app, pilot):
            await _in_feed_list(pilot, app)
            burst(app, f"a{silent_server}/feed.xml\rjj")
            await until(pilot, lambda: _feeds(app).highlighted == 2, "the keys acted")
            assert app.status.startswith("Adding")  # its answer still to come
            assert isinstance(app.screen, MainScreen) and not app.answers.under_way
            burst(app, "k")
            await keys_handled(pilot)
            assert _feeds(app).highlighted == 1

    asyncio.run(run())
