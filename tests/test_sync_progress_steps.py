"""`S`'s status line says its progress at each tenth of the articles, not at each article (acc42a
A16): it changed about twice a second for a whole sync, and a screen reader that speaks the
screen's changes (Orca, speakup) read each line over the headline the user was on. The list's
marks still show each article as it comes. Articles are let through one at a time."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.config import load_config
from tests.conftest import sync_into
from tests.test_library import ARTICLE, feed_xml
from tests.tui_pilot import running, until

ARTICLES = 20


@pytest.fixture
def gated() -> Iterator[tuple[HTTPServer, threading.Semaphore]]:
    """A feed of `ARTICLES` stories whose pages are answered one for each release of the
    semaphore."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    gate = threading.Semaphore(0)
    base = server.url_for("").rstrip("/")
    items = [(f"Harbour story {n}", f"/a{n}.html", f"g{n}") for n in range(ARTICLES)]
    server.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, items), content_type="application/rss+xml"
    )

    def page(request: Request) -> Response:
        gate.acquire(timeout=60)
        story = request.path.strip("/").removesuffix(".html")
        return Response(
            ARTICLE.replace("Tide tables revised", f"Story {story}"),
            200,
            {"Content-Type": "text/html"},
        )

    for n in range(ARTICLES):
        server.expect_request(f"/a{n}.html").respond_with_handler(page)
    yield server, gate
    gate.release(ARTICLES)
    server.clear()
    server.stop()


def test_the_sync_s_line_changes_at_each_tenth_of_the_articles(
    gated: tuple[HTTPServer, threading.Semaphore], data_dir: Path
) -> None:
    server, gate = gated
    sync_into(data_dir, [server.url_for("/feed.xml")], articles=False)
    # The pages held back wait for the test, not for a timeout (a loaded machine's steps).
    path = data_dir / "config.toml"
    path.write_text("[network]\nread_timeout = 300\ntotal_timeout = 300\nretries = 0\n")

    async def go() -> None:
        config = load_config(path)
        async with running(data_dir, (80, 24), prefetch=False, config=config) as (app, pilot):
            app.progress_every = 3600  # the line moves by the tenths alone here
            await pilot.press("S")
            seen = []
            for count in range(1, 6):
                gate.release()
                await until(
                    pilot,
                    lambda count=count: sum(h.cached for h in app.index.headlines) >= count,
                    f"article {count} marked in the list",
                )
                seen.append(app.status)
            # 0 (the articles' start) stands for 1; 2 and 4: a tenth each of 20; 3 and 5 leave
            # the line as it was (main: a line for each).
            said = [line.split(" · ")[0] for line in seen]
            expected = [f"Syncing: articles {n}/{ARTICLES}" for n in (0, 2, 2, 4, 4)]
            assert said == expected, seen
            gate.release(ARTICLES)
            await until(pilot, lambda: app.status.startswith("Synced"), "the sync's end")

    asyncio.run(go())
