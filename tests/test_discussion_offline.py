"""Enter on an article's "Discussion:" line while nothing answers says what happens: the thread is
handed to the browser, and the reader has no copy of it (a sync caches the story, not its
thread), not "Opened in your browser" as if there were something to read (acc49b B2). Real
parts: an aggregator's feed and its story served on 127.0.0.1, then stopped; the reader driven
by Pilot, only `webbrowser.open` replaced (the `browser` fixture)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.ui.app_articles import UNKEPT_DISCUSSION
from tests.tui_pilot import notices_raised, open_titled, running, status, until

TITLE = "Why our builds got three times faster"
STORY = (
    "<p>We moved the build cache next to the runners and stopped compiling the same crates twice"
    " for every target, which took most of the waiting out of every change we pushed.</p>"
)


def quayside(base: str) -> str:
    """Hacker News's RSS shape: the story's address the link, the thread `<comments>`."""
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quayside News</title>'
        f"<link>{base}/</link><item><title>{TITLE}</title><link>{base}/builds.html</link>"
        f"<comments>{base}/item?id=101</comments><pubDate>Thu, 03 Dec 2026 08:00:00 +0000"
        f'</pubDate><description><![CDATA[<a href="{base}/item?id=101">Comments</a>]]>'
        "</description></item></channel></rss>"
    )


def test_enter_on_the_discussion_line_offline_says_the_reader_has_no_copy(
    data_dir: Path, browser: list[str]
) -> None:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        base = server.url_for("").rstrip("/")
        server.expect_request("/rss").respond_with_data(
            quayside(base), content_type="application/rss+xml"
        )
        page = f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        server.expect_request("/builds.html").respond_with_data(
            page + STORY * 4 + "</article></body></html>", content_type="text/html"
        )
        main(["--data-dir", str(data_dir), "add", f"{base}/rss"])
        main(["--data-dir", str(data_dir), "sync"])
    finally:
        server.clear()
        server.stop()  # from here on nothing answers
    thread = f"{base}/item?id=101"

    async def run() -> None:
        async with running(data_dir, (120, 40), notifications=True) as (app, pilot):
            # The reader learns that nothing answers as it does everywhere: a refresh's line.
            await pilot.press("r")
            await until(pilot, lambda: "nothing refreshed" in status(app), "the refresh")
            body = await open_titled(pilot, TITLE)
            raised = notices_raised(app)
            await pilot.press("tab")
            assert status(app).startswith(f"Link 1 of 1: {thread}")
            await pilot.press("enter")
            await until(pilot, lambda: bool(raised), "the notice")
            assert browser == [thread]  # handed over all the same
            assert raised == [f"{UNKEPT_DISCUSSION}: {thread}"]
            assert "Opened in your browser" not in raised[0]
            assert body.selected_link == 1

    asyncio.run(run())
