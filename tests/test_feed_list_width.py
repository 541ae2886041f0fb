"""The feed list's width follows the terminal's, and feeds of one publisher stay apart: from 80
to 119 columns it was 22 cells whatever the names, eleven feeds all reading "Harbour Time…"
(acc35a E5). Pilot on feeds served by pytest-httpserver, at every width from 80 to 200; the
headlines keep their date and source beside it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.app import App

from reader.ui.cell_width import fit_apart, terminal_cells
from reader.ui.widgets.main.feed_list import CEILING, FEWEST, FeedList
from reader.ui.widgets.main.headline_table import SOURCE_MIN_WIDTH, TITLE_MIN, columns_for
from tests.tui_pilot import resize, running, screen_text, subscribe, table, until

SECTIONS = ("Business", "Budget", "Climate", "Culture", "Tech", "Transport")
PUBLISHER = "Harbour Times — "


def _feeds(server: HTTPServer) -> list[str]:
    urls = []
    for n, section in enumerate(SECTIONS):
        item = (
            f"<item><title>{section} story</title><link>{server.url_for(f'/{n}.html')}</link>"
            f"<guid>{section}-1</guid><pubDate>Thu, 03 Dec 2026 0{n}:00:00 GMT</pubDate></item>"
        )
        server.expect_request(f"/{n}.xml").respond_with_data(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{PUBLISHER}{section}'
            f"</title>{item}</channel></rss>",
            content_type="application/rss+xml",
        )
        urls.append(server.url_for(f"/{n}.xml"))
    return urls


def test_feeds_of_one_publisher_read_apart_at_every_width(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    data = tmp_path / "data"
    subscribe(data, _feeds(httpserver))

    async def run() -> None:
        async with running(data, (80, 24), prefetch=False) as (app, pilot):
            for columns in range(80, 201, 10):
                await resize(pilot, columns, 24)
                feeds = app.screen.query_one(FeedList)
                width = feeds.outer_size.width
                assert FEWEST <= width <= CEILING
                lines = screen_text(app).splitlines()
                rows = [line[:width] for line in lines if "Harbou" in line[:width]]
                assert len(rows) == len(SECTIONS)
                names = [row[3 : width - 4].strip() for row in rows]
                assert len(set(names)) == len(SECTIONS), (columns, names)
                # In the order subscribed, each row says its section, or its start.
                for name, section in zip(names, SECTIONS, strict=True):
                    assert section[:3] in name, (columns, names)
                # The headlines keep their date and a source beside the list.
                shown = columns_for(table(app).scrollable_content_region.width)
                assert shown.time and shown.source >= SOURCE_MIN_WIDTH, columns
                assert table(app).scrollable_content_region.width - shown.prefix >= TITLE_MIN
            # Wide enough, every name whole, the list no wider than they need.
            assert all(f"{PUBLISHER}{section}" in screen_text(app) for section in SECTIONS)
            assert width < CEILING

    asyncio.run(run())


def _sources(app: App[object]) -> list[str] | None:
    """The source cells of the headlines' rows on screen, read where the table's columns put
    them; None until each row's title is where they say (the table laid out at its width)."""
    region = table(app).scrollable_content_region
    columns = columns_for(region.width)
    title_at = region.x + columns.prefix
    lines = screen_text(app).splitlines()[region.y : region.y + len(SECTIONS)]
    titles = tuple(f"{section} story" for section in SECTIONS)
    if len(lines) < len(SECTIONS) or not all(line[title_at:].startswith(titles) for line in lines):
        return None
    source_at = title_at - 2 - columns.source  # the source, then its gap, then the title
    return [line[source_at : source_at + columns.source].strip() for line in lines]


def test_all_feeds_sources_of_one_publisher_read_apart_at_every_width(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """ "All feeds" named six feeds of one publisher "Harbour T…" alike in its source column
    (acc36 S3): cut in the middle as the feed list cuts them, each row says its section."""
    data = tmp_path / "data"
    subscribe(data, _feeds(httpserver))

    async def run() -> None:
        async with running(data, (80, 24), prefetch=False) as (app, pilot):
            for columns in (80, 90, 100, 120, 150, 200):
                await pilot.resize_terminal(columns, 24)
                await until(pilot, lambda: _sources(app) is not None, f"the rows at {columns}")
                sources = _sources(app)
                assert sources is not None
                assert len(set(sources)) == len(SECTIONS), (columns, sources)
                # Newest first: the last subscribed's story is the newest.
                for source, section in zip(sources, reversed(SECTIONS), strict=True):
                    assert section[:3] in source, (columns, sources)

    asyncio.run(run())


def test_names_cut_alike_keep_what_tells_them_apart() -> None:
    names = [f"{PUBLISHER}{section}" for section in SECTIONS] + ["Coast Weather Desk"]
    fitted = fit_apart(names, 15)
    assert "Coast Weather Desk" not in fitted  # cut at the end as before: it differs
    assert fitted[f"{PUBLISHER}Business"] == "Harbo…Business"
    assert fitted[f"{PUBLISHER}Tech"] == "Harbo…Tech"
    assert len(set(fitted.values())) == len(SECTIONS)
    assert all(terminal_cells(shown) <= 15 for shown in fitted.values())
    # Wide letters are measured as the terminal draws them.
    wide = fit_apart(["港口日报 — 新闻频道", "港口日报 — 体育频道"], 10)
    assert all(terminal_cells(shown) <= 10 for shown in wide.values())
    assert len(set(wide.values())) == 2
