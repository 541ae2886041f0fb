"""`[ui] feed_order`, newsboat's feed-sort-order: the feed list as subscribed, by name (case
and accents aside), or the feed with the newest story first, a refresh moving a feed up; `J`
follows the order shown. Real feeds on 127.0.0.1, the real store, the reader driven by Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from tui_pilot import started, subscribe, until

from reader.cli import main
from reader.config import Config, load_config
from reader.feed_order import ordered_feeds
from reader.models import Feed
from reader.ui.app import ReaderApp
from reader.ui.widgets.main.feed_list import FeedList

# Three papers, subscribed in this order, each with its newest story's hour of 24 November.
PAPERS = [
    ("zephyr.xml", "Zephyr Post", 9),
    ("eider.xml", "Éider Weekly", 14),
    ("ant.xml", "ant times", 11),
]


def serve(server: HTTPServer, path: str, channel: str, hours: list[int]) -> str:
    base = server.url_for("").rstrip("/")
    items = "".join(
        f"<item><title>{channel}: story at {hour}</title><link>{base}/{path}/{hour}.html</link>"
        f"<pubDate>Tue, 24 Nov 2026 {hour:02d}:00:00 GMT</pubDate></item>"
        for hour in hours
    )
    server.expect_request(f"/{path}").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{channel}</title>{items}'
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    return server.url_for(f"/{path}")


def configured(data_dir: Path, order: str) -> Config:
    data_dir.joinpath("config.toml").write_text(f'[ui]\nfeed_order = "{order}"\n')
    return load_config(data_dir / "config.toml")


def feed_names(app: ReaderApp) -> list[str]:
    return app.screen.query_one(FeedList).names[2:]  # after "All feeds" and "Saved"


def shown_feed_names(data_dir: Path, config: Config) -> list[str]:
    """The feed list's rows (tags', then feeds') as the reader started with `config` shows them."""

    async def run() -> list[str]:
        app = ReaderApp(data_dir, refresh_on_start=False, config=config)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            return feed_names(app)

    return asyncio.run(run())


@pytest.mark.parametrize(
    ("order", "names"),
    [
        ("subscribed", ["Zephyr Post", "Éider Weekly", "ant times"]),
        ("title", ["ant times", "Éider Weekly", "Zephyr Post"]),
        ("newest", ["Éider Weekly", "ant times", "Zephyr Post"]),
    ],
)
def test_the_feed_list_and_j_follow_the_order(
    httpserver: HTTPServer, data_dir: Path, order: str, names: list[str]
) -> None:
    subscribe(data_dir, [serve(httpserver, p, c, [h - 2, h]) for p, c, h in PAPERS])
    config = configured(data_dir, order)

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False, config=config)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            assert feed_names(app) == names
            shown = []
            for _ in names:
                await pilot.press("J")
                await pilot.pause()
                shown.append(app.main_screen.feed_url)
            titles = {f.url: f.display_title for f in app.index.feeds}
            assert [titles[url] for url in shown] == names

    asyncio.run(run())


def test_newest_moves_a_feed_up_as_a_refresh_brings_its_story(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    urls = [serve(httpserver, p, c, [h]) for p, c, h in PAPERS]
    subscribe(data_dir, urls)
    config = configured(data_dir, "newest")
    httpserver.clear()
    serve(httpserver, "zephyr.xml", "Zephyr Post", [9, 20])  # a story newer than any
    for path, channel, hour in PAPERS[1:]:
        serve(httpserver, path, channel, [hour])

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False, config=config)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            assert feed_names(app) == ["Éider Weekly", "ant times", "Zephyr Post"]
            await pilot.press("r")
            await until(pilot, lambda: feed_names(app)[0] == "Zephyr Post", "Zephyr first")
            assert feed_names(app) == ["Zephyr Post", "Éider Weekly", "ant times"]

    asyncio.run(run())


def test_a_bad_order_is_one_line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    data_dir.joinpath("config.toml").write_text('[ui]\nfeed_order = "unread"\n')
    assert main(["--data-dir", str(data_dir), "feeds"]) == 78
    said = capsys.readouterr().err.strip().splitlines()
    assert said[-1].endswith(
        "ui.feed_order must be one of 'subscribed', 'title', 'newest', not 'unread'"
    )


def test_by_title_folds_case_accents_and_spaces() -> None:
    feeds = [
        Feed(url=f"http://127.0.0.1:9/{n}", title=t)
        for n, t in enumerate(["b", "Ä  c", "a b", "Á"])
    ]
    assert [f.title for f in ordered_feeds(feeds, "title")] == ["Á", "a b", "Ä  c", "b"]
