"""Regenerate `screenshots/*.svg`: the reader on the bundled demo site, as a user sees it.

    uv run python scripts/screenshots.py [OUTPUT_DIR]

Starts its own demo server (a slow one, so a sync can be caught half-way), subscribes a throwaway
data directory to its feeds and drives the app headlessly with Textual's Pilot.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from reader.demo.server import DEMO_PORT, start_demo_server
from reader.library import Library
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article.article_body import ArticleBody
from reader.ui.widgets.main.headline_table import HeadlineTable

SIZE = (120, 36)
ROOT = Path(__file__).resolve().parent.parent


async def until(pilot: Pilot[object], condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        await pilot.pause(0.05)


async def subscribe(data_dir: Path, feed_urls: list[str]) -> None:
    """Subscribe and fetch headlines only: the articles are left for the sync to fetch."""
    async with Library(data_dir) as lib:
        for url in feed_urls:
            lib.add_feed(url)
        await lib.refresh()


async def capture(data_dir: Path, out: Path) -> list[Path]:
    app = ReaderApp(data_dir, refresh_on_start=False)
    app.prefetch_limit = 0  # the sync screenshot should show the sync filling the cache
    saved: list[Path] = []

    def shot(name: str) -> None:
        saved.append(Path(app.save_screenshot(f"{name}.svg", str(out))))

    async with app.run_test(size=SIZE) as pilot:
        await app.ready.wait()
        await pilot.pause()

        # A sync half-way: some articles already marked "available offline".
        await pilot.press("S")
        await until(pilot, lambda: syncing(app) and sum(h.cached for h in app.index.headlines) >= 8)
        await pilot.pause(0.1)
        shot("sync-in-progress")
        await until(pilot, lambda: app.status.startswith("Synced"))

        # The headline list after reading a couple of articles.
        table = app.screen.query_one(HeadlineTable)
        for position in (2, 4):
            table.cursor = position
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, ArticleScreen) and app.screen.loaded)
            await pilot.press("escape")
        await pilot.press("j", "j")
        await pilot.pause()
        shot("headlines")

        # An article with a quote and a list in the reading view.
        crane = [i for i, h in enumerate(table.rows) if "crane" in h.entry.title.lower()]
        table.cursor = crane[0] if crane else 0
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ArticleScreen) and app.screen.loaded)
        await pilot.pause()
        shot("article")

        # A data table in the reading view: the council's vote, columns aligned.
        await pilot.press("escape")
        budget = [i for i, h in enumerate(table.rows) if "budget after" in h.entry.title]
        table.cursor = budget[0]
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ArticleScreen) and app.screen.loaded)
        body = app.screen.query_one(ArticleBody)
        above = next(i for i, line in enumerate(body.lines) if line.startswith("Group "))
        body.scroll_to(y=max(0, above - 8), animate=False, immediate=True)
        await pilot.pause()
        shot("article-table")

        # A passage chosen by keyboard to quote: the sentence found, and the next one.
        await pilot.press("slash", *"walkout", "enter", "v", "right_parenthesis")
        await pilot.pause()
        shot("article-passage")
        await pilot.press("escape", "escape", "escape", "question_mark")
        await pilot.pause()
        shot("help")
    return saved


def syncing(app: ReaderApp) -> bool:
    return app.status.startswith("Syncing: articles ")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    # The port `reader demo` uses, so the addresses shown are the ones a reader's demo shows and
    # a second run changes nothing (a free port only when 8650 is taken).
    server = start_demo_server(port=DEMO_PORT, latency=1.0, fall_back=True)
    try:
        with tempfile.TemporaryDirectory(prefix="reader-shots-") as tmp:
            data_dir = Path(tmp) / "data"
            asyncio.run(subscribe(data_dir, server.feed_urls))
            saved = asyncio.run(capture(data_dir, out))
    finally:
        server.stop()
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":  # the Library's worker processes re-import this module
    sys.exit(main())
