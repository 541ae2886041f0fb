"""A feed refreshed is not a feed synced (acc45 A6): its headlines came, not its articles. The
selected feed's line under its headlines and `reader feeds` say "refreshed", and how many of its
articles are readable offline ("1 of 2 offline"; "1/2 offline" on a narrow screen). Real
servers on 127.0.0.1, the TUI driven by Pilot."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.config import load_config
from reader.library import Library
from reader.marks import TO_FETCH_MARK, as_letter
from reader.ui.app import ReaderApp
from reader.ui.widgets.main.feed_list import FeedList
from tests.test_feed_editing import ITEM, RSS, _serve_feed
from tests.tui_pilot import running, screen_text, subscribe, table, until


def _feeds(data_dir: Path, capsys: pytest.CaptureFixture[str], *more: str) -> str:
    assert main(["--data-dir", str(data_dir), "feeds", *more]) == 0
    return capsys.readouterr().out


def test_reader_feeds_says_refreshed_and_how_many_articles_are_offline(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = _serve_feed(
        httpserver, "/gazette.xml", "The Harbour Gazette", ["Harbour dues rise", "Ferry late"]
    )
    assert main(["--data-dir", str(data_dir), "add", feed]) == 0
    capsys.readouterr()
    said = _feeds(data_dir, capsys)
    lines = said.splitlines()
    assert lines[2].startswith("    headlines refreshed ") and lines[2].endswith(" UTC")
    assert lines[3] == "    0 of 2 articles offline"
    assert "synced" not in said
    assert json.loads(_feeds(data_dir, capsys, "--json"))[0]["offline"] == 0
    assert main(["--data-dir", str(data_dir), "sync"]) == 0
    capsys.readouterr()
    assert _feeds(data_dir, capsys).splitlines()[3] == "    2 of 2 articles offline"
    assert json.loads(_feeds(data_dir, capsys, "--json"))[0]["offline"] == 2


@pytest.mark.parametrize(
    ("size", "said"), [((120, 30), "1 of 2 offline"), ((50, 30), "1/2 offline")]
)
def test_the_selected_feeds_line_says_refreshed_and_its_offline_count(
    size: tuple[int, int], said: str, httpserver: HTTPServer, data_dir: Path
) -> None:
    feed = _serve_feed(
        httpserver, "/gazette.xml", "The Harbour Gazette", ["Harbour dues rise", "Ferry late"]
    )
    subscribe(data_dir, [feed], fetch_articles=1)

    async def run() -> None:
        async with running(data_dir, size, prefetch=False) as (app, pilot):
            app.main_screen.show_feed(feed)
            await until(pilot, lambda: said in screen_text(app), "the offline count")
            text = screen_text(app)
            assert f"{said} · refreshed " in text
            assert "synced" not in text
            assert table(app).rows  # its headlines listed

    asyncio.run(run())


def _mark_before(app: ReaderApp, title: str) -> str:
    """The feed list's mark on the row of the feed `title` ("" for none)."""
    pane = app.main_screen.query_one(FeedList).region
    rows = [line[pane.x : pane.right] for line in screen_text(app).splitlines()]
    row = next(row for row in rows if title in row)
    return row.partition(title)[0].strip(" │┃|")[-1:]


@pytest.mark.parametrize("plain", [False, True])
def test_the_feed_list_marks_the_feeds_with_articles_not_offline_till_a_sync_caches_them(
    plain: bool, httpserver: HTTPServer, data_dir: Path
) -> None:
    """Before a flight, which of 40 feeds to sync, at a glance: a mark on the rows of the feeds
    with articles not available offline (a letter in the plain layout, which a screen reader
    says), none on a feed all of whose articles are; the sync caching them takes it off."""
    gazette = _serve_feed(
        httpserver, "/gazette.xml", "The Harbour Gazette", ["Harbour dues rise", "Ferry late"]
    )
    blog = _serve_feed(httpserver, "/blog.xml", "Quay Blog", ["Lifeboat crew called out"])
    subscribe(data_dir, [gazette, blog])

    async def cache_the_blog() -> None:
        async with Library(data_dir) as lib:
            for headline in lib.headlines():
                if headline.entry.feed_url == blog:
                    await lib.article(headline.entry)

    asyncio.run(cache_the_blog())
    config = replace(load_config(data_dir / "config.toml"), plain=plain)
    mark = as_letter(TO_FETCH_MARK) if plain else TO_FETCH_MARK

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False, config=config) as (app, pilot):
            await until(pilot, lambda: "Quay Blog" in screen_text(app), "the feeds")
            assert _mark_before(app, "The Harbour Gazette") == mark
            assert _mark_before(app, "Quay Blog") == ""
            await pilot.press("S")
            await until(pilot, lambda: app.status.startswith("Synced"), "the sync")
            await pilot.pause()
            assert _mark_before(app, "The Harbour Gazette") == ""

    asyncio.run(run())


def test_the_status_line_counts_an_article_two_feeds_list_once_offline(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """acc51a A12: a paper's top stories and a section list the same articles. "All feeds"
    lists each once and the unread count counts it once, but the count offline counted each
    feed's row: "14 unread of 15 · 20 available offline"."""
    shared = ["Harbour dues rise", "Ferry late", "Pier closed"]
    top = _serve_feed(httpserver, "/top.xml", "Top stories", shared)
    links = "".join(
        ITEM.format(title=title, link=httpserver.url_for(f"/top-{n}.html"))
        for n, title in enumerate(shared)
    )
    httpserver.expect_request("/local.xml").respond_with_data(
        RSS.format(title="Local", site=httpserver.url_for("/"), items=links),
        content_type="application/rss+xml",
    )
    subscribe(data_dir, [top, httpserver.url_for("/local.xml")], fetch_articles=6)

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            said = "3 unread of 3 · 3 available offline"
            await until(pilot, lambda: said in screen_text(app), "the counts, each article once")

    asyncio.run(run())
