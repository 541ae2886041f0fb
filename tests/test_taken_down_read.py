"""An item whose page answers 404 or 410 is read once opened (acc41a A12): the feed's text shown
in its place is all there is, as newsboat has it, and a feed of such items never counted down.
One whose site is down (503) stays unread, to be read once it is back. Driven with Pilot; the
feed and its pages served on 127.0.0.1."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.ui.app import ReaderApp
from reader.ui.widgets.article.article_body import ArticleBody
from tests.tui_pilot import (
    keys_handled,
    notices_raised,
    open_row,
    running,
    subscribe,
    table,
    until,
)

_ITEMS = {"gone-404": 404, "gone-410": 410, "down-503": 503}


def _feed(server: HTTPServer) -> str:
    items = "".join(
        f"<item><title>{name}</title><link>{server.url_for(f'/{name}.html')}</link>"
        f"<guid>{name}</guid><description>The text the feed carried for {name}.</description>"
        f"<pubDate>Fri, 04 Dec 2026 1{n}:00:00 GMT</pubDate></item>"
        for n, name in enumerate(_ITEMS)
    )
    rss = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Gone</title>{items}</channel></rss>'
    server.expect_request("/feed.xml").respond_with_data(rss, content_type="application/rss+xml")
    for name, status in _ITEMS.items():
        server.expect_request(f"/{name}.html").respond_with_data("no", status=status)
    return server.url_for("/feed.xml")


def test_a_page_taken_down_is_read_once_opened_a_site_down_is_not(
    data_dir: Path, httpserver: HTTPServer
) -> None:
    subscribe(data_dir, [_feed(httpserver)])

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            assert isinstance(app, ReaderApp)
            rows = table(app).rows
            assert {h.entry.title for h in rows} == set(_ITEMS) and not any(h.read for h in rows)
            for position, headline in enumerate(rows):
                name = headline.entry.title
                screen = await open_row(pilot, position)
                body = screen.query_one(ArticleBody)
                said = f"The text the feed carried for {name}."
                await until(pilot, lambda s=said, b=body: s in " ".join(b.text.split()), name)
                await pilot.press("q")
                await keys_handled(pilot)
            read = {h.entry.title: h.read for h in table(app).rows}
            assert read == {"gone-404": True, "gone-410": True, "down-503": False}

    asyncio.run(run())


def test_s_saves_a_headline_whose_page_is_taken_down_as_tagging_it_does(
    data_dir: Path, httpserver: HTTPServer
) -> None:
    """acc41a A7: `s` on an item whose page answers 404 said "Not saved", where `#` saved it
    (its headline and the feed's text kept, a sync asking for the page again)."""
    subscribe(data_dir, [_feed(httpserver)])

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            rows = table(app).rows
            for name in ("gone-404", "gone-410"):
                position = next(i for i, h in enumerate(rows) if h.entry.title == name)
                table(app).cursor = position
                raised = notices_raised(app)
                await pilot.press("s")
                await until(pilot, lambda n=name: app.index.get(_id(app, n)).saved, name)
                assert any(said.startswith("Saved, its page gone (") for said in raised)
            while app._unkept or app._writing is not None:
                await asyncio.sleep(0.05)
            for name in ("gone-404", "gone-410"):
                entry = app.index.get(_id(app, name)).entry  # type: ignore[union-attr]
                assert app.lib.is_saved(entry)

    asyncio.run(run())


def _id(app: ReaderApp, title: str) -> str:
    return next(h.entry.id for h in app.index.headlines if h.entry.title == title)
