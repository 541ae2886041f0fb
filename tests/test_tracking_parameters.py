"""The tracking parameters a feed's link carries ("?utm_source=rss&mc_cid=…") go to no site: the
page is asked for without them (cached under the feed's link as ever), and a link in the text
("?utm_source=article&fbclid=…") opens and is exported without them, as `o` and citations already
left them out (acc48a A5). One list, `urls.without_tracking`'s. Real parts: the page and its
feed served on 127.0.0.1, the CLI as a subprocess, the reading view driven with Pilot."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import webbrowser
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.served_feed import serve_one_item
from tests.tui_pilot import reading, subscribe, until

TITLE = "Harbour board doubles the dredging contract"
TRACKED = "utm_source=rss&utm_medium=feed&mc_cid=abc3&mc_eid=READER-7"
IN_TEXT = "id=7&utm_source=article&utm_medium=inline&fbclid=IwAR0xyz&gclid=G-1"


def page(background: str) -> str:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>
<p>The harbour board doubled the dredging contract last spring without a vote of its
members, papers obtained by the Courier show, and the <a href="{background}">background</a>
to the first contract is told elsewhere.</p>
<p>Nobody mentioned a second phase at the meeting, councillors who were there said, and the
minutes record none; the board said the extension was routine and had been reported.</p>
<p>Its annual accounts, published in the autumn, list the extension on their last page, under
a heading that names neither the contractor nor the sum it was paid.</p>
</article></body></html>"""


@pytest.fixture
def site(data_dir: Path) -> Iterator[HTTPServer]:
    """The story, linked by the feed with tracking parameters, its article fetched and cached
    (a `Library` download, as a sync's): the server, its log kept."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    background = server.url_for("/background.html") + "?" + IN_TEXT
    server.expect_request("/story.html").respond_with_data(
        page(background.replace("&", "&amp;")), content_type="text/html; charset=utf-8"
    )
    link = (server.url_for("/story.html") + "?" + TRACKED).replace("&", "&amp;")
    subscribe(data_dir, [serve_one_item(server, "Coastal Courier", TITLE, link)], 1)
    yield server
    server.stop()


def test_a_page_is_asked_for_without_the_feeds_tracking_parameters(
    data_dir: Path, site: HTTPServer
) -> None:
    (asked,) = [request for request, _ in site.log if request.path == "/story.html"]
    assert asked.query_string == b""
    env = {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    link = site.url_for("/story.html") + "?" + TRACKED
    shown = subprocess.run(
        [sys.executable, "-m", "reader", "show", "--offline", "--format", "markdown", link],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert shown.returncode == 0, shown.stderr  # cached under the feed's link
    assert "Nobody mentioned a second phase" in shown.stdout
    # A link in the text, exported: its own parameter kept, the trackers' not.
    background = site.url_for("/background.html")
    assert f"({background}?id=7)" in shown.stdout or f"(<{background}?id=7>)" in shown.stdout
    for tracker in ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid"):
        assert tracker not in shown.stdout, tracker


def test_a_link_in_the_text_opens_without_its_tracking_parameters(
    data_dir: Path, site: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    # The desktop's browser is the boundary: what it was handed is recorded.
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    background = site.url_for("/background.html") + "?id=7"

    async def run() -> None:
        async with reading(data_dir, "dredging", (100, 40)) as (_app, pilot, _body):
            await pilot.press("tab", "enter")  # the link "background", followed
            await until(pilot, lambda: bool(opened), "the browser handed the link")
            assert opened == [background]
            await pilot.press("L", "1", "enter")  # the link list's first, the same link
            await until(pilot, lambda: len(opened) == 2, "the browser handed it again")
            assert opened[1] == background

    asyncio.run(run())
