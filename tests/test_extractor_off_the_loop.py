"""The extractor (lxml, readability: hundreds of milliseconds to import) is never imported on
the event loop the reader draws from: not to show the feed's text of an article that can't be
had, nor to read on an article that gave little from its AMP version. Each runs in a Python
of its own, which watches where `reader.extract` is imported (as
tests/test_reextract_on_opening.py does for an article extracted again)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.library import Library
from tests.import_watch import WATCH_EXTRACTOR_IMPORT
from tests.test_amp import PARAGRAPHS, amp_page, feed, shell

_WATCH = WATCH_EXTRACTOR_IMPORT

_FEED_TEXT = """
from reader.ui.app import ReaderApp
from tests.tui_pilot import open_titled, screen_text, until


async def run(directory, title, text):
    app = ReaderApp(directory, refresh_on_start=False)
    app.prefetch_limit = 0
    async with app.run_test(size=(120, 30)) as pilot:
        await open_titled(pilot, title)
        await until(pilot, lambda: text in screen_text(app), "the feed's text")


asyncio.run(run(Path(sys.argv[1]), *sys.argv[2:]))
"""

_READ_ON = """
from reader.library import Library


async def run(directory, link, text):
    async with Library(directory, workers="thread") as lib:
        await lib.sync()
        article = lib.cached_article(link)
        assert article is not None and any(text in b.text for b in article.blocks), "not read on"


asyncio.run(run(Path(sys.argv[1]), *sys.argv[2:]))
"""


def _imported_in(script: str, *argv: str) -> str:
    """Where (which threads) `script` run after the watch imported the extractor."""
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run(
        [sys.executable, "-c", _WATCH + script + _SAID, *argv],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=180,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    where = run.stdout.strip().splitlines()[-1]
    assert where.startswith("imported in:"), where
    return where


_SAID = """
print("imported in:", ",".join(imported) or "no thread of this process")
"""

STORY = "Pilots strike over night rosters"
FEED_SAYS = "The harbour pilots walked out at dawn over the new night rosters."


def test_the_feeds_text_of_an_article_that_cant_be_had_is_made_off_the_event_loop(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>'
        f"<item><title>{STORY}</title><link>http://127.0.0.1:9/pilots.html</link>"
        f"<guid>p1</guid><description>{FEED_SAYS}</description></item></channel></rss>",
        content_type="application/rss+xml",
    )

    async def headlines_only() -> None:
        async with Library(data_dir, workers="thread") as lib:
            lib.add_feed(httpserver.url_for("/feed.xml"))
            await lib.sync(articles=False)

    asyncio.run(headlines_only())
    where = _imported_in(_FEED_TEXT, str(data_dir), STORY, "harbour pilots walked out")
    assert "MainThread" not in where, where


def test_an_article_read_on_from_its_amp_version_loads_the_extractor_off_the_event_loop(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    busy = [True]

    def amp(_request: Request) -> Response:
        if busy[0]:
            return Response("busy", status=503)
        return Response(amp_page(), content_type="text/html; charset=utf-8")

    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed(base), content_type="application/rss+xml"
    )
    httpserver.expect_request("/news/ferry/").respond_with_data(shell(), content_type="text/html")
    httpserver.expect_request("/amp/ferry/").respond_with_handler(amp)
    link = httpserver.url_for("/news/ferry/")

    async def first_sync() -> None:
        async with Library(data_dir, workers="thread") as lib:
            lib.add_feed(httpserver.url_for("/feed.xml"))
            await lib.sync()
            cached = lib.cached_article(link)
            assert cached is not None and "its AMP version did not come" in cached.incomplete

    asyncio.run(first_sync())
    busy[0] = False
    where = _imported_in(_READ_ON, str(data_dir), link, PARAGRAPHS[-1][:40])
    assert "MainThread" not in where, where
