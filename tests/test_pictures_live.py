"""The reading view marks an article's pictures "✓ kept" as they are kept, while it is open: they
come after its text (of the article opened, or a sync's), and the marks showed only at its
next opening. The reader's place in the text, the link selected and the search stay as they
were.

Served by a real server on 127.0.0.1 that holds one picture until the test lets it go; the
reader driven by Textual's Pilot, waiting for states, never for a pause."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.marks import KEPT_PICTURE
from tests.picture_bytes import jpeg, png
from tests.served_feed import serve_one_item
from tests.test_kept_pictures import BIG, SVG, TITLE, page
from tests.tui_pilot import keys_handled, open_titled, running, status, subscribe, until

CRANES = "Idle cranes at Eastquay by the empty berths of the north pier, at dusk"
"""The crane's picture's words: its line at 90 columns (a text column of 80) fits, and with
"✓ kept" after it takes one line more, above the reader's place in the text."""


def serve_story(server: HTTPServer, data_dir: Path) -> tuple[threading.Event, threading.Event]:
    """The story of `tests.test_kept_pictures` (its crane's picture's words `CRANES`), its
    headline listed in `data_dir`, its article not fetched. The crane's picture is held until
    the second event is set; the first is set once it is asked for."""
    asked, answer = threading.Event(), threading.Event()

    def crane(_request: Request) -> Response:
        asked.set()
        answer.wait(120)
        return Response(jpeg(), content_type="image/jpeg")

    base = server.url_for("").rstrip("/")
    link = f"{base}/story.html"
    feed = serve_one_item(server, "Port News", TITLE, link)
    html = page(base).replace('alt="Idle cranes at Eastquay"', f'alt="{CRANES}"')
    server.expect_request("/story.html").respond_with_data(html, content_type="text/html")
    server.expect_request("/lead.png").respond_with_data(png(), content_type="image/png")
    server.expect_request("/crane.jpg").respond_with_handler(crane)
    server.expect_request("/map.svg").respond_with_data(SVG, content_type="image/png")
    server.expect_request("/chart.png").respond_with_data(png(), content_type="image/png")
    server.expect_request("/aerial.png").respond_with_data(BIG, content_type="image/png")
    subscribe(data_dir, [feed])
    return asked, answer


def test_the_open_articles_pictures_are_marked_kept_as_they_come(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    base = threaded_server.url_for("").rstrip("/")
    asked, answer = serve_story(threaded_server, data_dir)

    async def run() -> None:
        async with running(data_dir, (90, 24)) as (app, pilot):
            try:
                body = await open_titled(pilot, "Cranes")  # its text fetched now
                await until(pilot, asked.is_set, "its pictures' download under way")
                assert KEPT_PICTURE not in body.text
                # Past the crane's picture, its line above the view.
                await pilot.press(*"j" * 14, "/", *"spokesperson", "enter")
                await keys_handled(pilot)
                await pilot.press("tab")  # the first link from the top of the view
                await keys_handled(pilot)
                top, selected = body.top_line, body.link_address
                words_at_top = body.lines[top]
                crane = next(n for n, line in enumerate(body.lines) if CRANES in line)
                assert crane < top and selected == f"{base}/map.svg" and body.match_count == 1
                said = status(app)
            finally:
                answer.set()
            await until(
                pilot, lambda: KEPT_PICTURE in body.text, "the pictures marked kept as they came"
            )
            kept = [line for line in body.text.splitlines() if KEPT_PICTURE in line]
            assert kept == [
                f"Image: {CRANES} {KEPT_PICTURE}",
                f"Image: Chart of tonnage {KEPT_PICTURE}",
                f"Image {KEPT_PICTURE}",  # the port from the air, its alt its caption's words
            ]
            assert body.article is not None and f"{base}/crane.jpg" in body.article.kept_pictures
            # Where the reader was: the same words at the top (a line further down: the
            # crane's took one more), the same link and search.
            assert body.lines[crane + 1].strip() == KEPT_PICTURE
            assert (body.top_line, body.lines[body.top_line]) == (top + 1, words_at_top)
            assert body.link_address == selected and body.match_count == 1
            assert said.startswith("Link 2 of 4: ")  # how far in (its ruler) moves on
            assert status(app).startswith(said.split("  ")[0])

    asyncio.run(run())


def test_an_article_the_readers_sync_cached_is_marked_as_its_pictures_come(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    """`S`, then the first article synced read while its pictures still come (behind every
    article's text): the sync's download marks them as it keeps them."""
    asked, answer = serve_story(threaded_server, data_dir)

    async def run() -> None:
        async with running(data_dir, (90, 24), prefetch=False) as (_app, pilot):
            try:
                await pilot.press("S")
                await until(pilot, asked.is_set, "the sync's download of its pictures")
                body = await open_titled(pilot, "Cranes")  # cached by the sync
                assert body.article is not None and not body.article.kept_pictures
                assert KEPT_PICTURE not in body.text
            finally:
                answer.set()
            await until(
                pilot, lambda: KEPT_PICTURE in body.text, "the pictures marked kept as they came"
            )
            assert body.text.count(KEPT_PICTURE) == 3

    asyncio.run(run())
