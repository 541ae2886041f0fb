"""A headline whose link goes through a click tracker carrying the story whole in its query
(Google Alerts' "google.com/url?url=…", a newsletter's "click?u=…"): its page is asked at the
publisher's (`urls.page_asked`), and so is it opened, copied and cited while it is not cached
(`urls.page_opened`: `o` handed the browser the tracker's address, which counted the click),
and the sync's slots, waits and give-ups are the publisher's host's, not the tracker's (a 429
from the publisher was waited for as the tracker's, which had none). Real servers on 127.0.0.1:
the publisher, the tracker (asked by nothing) and a host that never answers; the reader driven
with Pilot, `reader sync` run as a process."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from pytest_httpserver import HTTPServer

from tests.cli_run import run_reader
from tests.served_feed import own_http_server, serve_one_item
from tests.test_article_links import copies
from tests.tui_pilot import open_titled, running, table, until

TITLE = "Harbour board doubles the dredging contract"


def through_tracker(tracker: HTTPServer, story: str) -> str:
    """`story` as a newsletter links it: through `tracker`, which redirects to it."""
    return tracker.url_for("/click") + "?u=" + quote(story, safe="") + "&mc_cid=abc3"


@pytest.fixture
def tracker() -> Iterator[HTTPServer]:
    """A click tracker that redirects to the story: asked by nothing, its log says."""
    with own_http_server() as server:
        yield server


def test_o_and_c_on_a_headline_not_cached_give_the_page_past_its_tracker(
    data_dir: Path, own_server: HTTPServer, tracker: HTTPServer, browser: list[str]
) -> None:
    """The story answers 404 (not cached): the list's `o`, the reading view's `o`, `c` and
    `y` give the publisher's address, clean, as its page is asked; the old code's `o`
    opened the tracker's link, `c` copied it."""
    story = own_server.url_for("/story.html")
    own_server.expect_request("/story.html").respond_with_data("gone", status=404)
    click = through_tracker(tracker, f"{story}?utm_source=rss&id=7")
    subscribe_feed = serve_one_item(
        own_server, "Coastal Courier", TITLE, click.replace("&", "&amp;")
    )
    assert run_reader(data_dir, "add", subscribe_feed).returncode == 0

    async def run() -> None:
        async with running(data_dir, (100, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: bool(table(app).rows), "the headlines")
            await pilot.press("o")
            await until(pilot, lambda: bool(browser), "the browser handed an address")
            await open_titled(pilot, "dredging")
            copied = copies(app)
            await pilot.press("o", "c", "y")
            await until(pilot, lambda: len(browser) == 2 and len(copied) == 2, "o, c and y")
            assert copied[0] == f"{story}?id=7"
            assert f"{story}?id=7" in copied[1] and "/click" not in copied[1]

    asyncio.run(run())
    assert browser == [f"{story}?id=7", f"{story}?id=7"]
    assert tracker.log == []
