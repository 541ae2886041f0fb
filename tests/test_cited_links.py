"""A link within the page (a note's "¹" to "#fn1") is written, in `reader show --format
markdown` and in a passage quoted with `y`, against the address the citation gives: the page's
canonical one, without the "?utm_source=rss" the feed's link carries (acc27a A2). Real parts:
the page and its feed served on 127.0.0.1, fetched, extracted and cached; the CLI run as a
subprocess, the reading view driven with Pilot."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import webbrowser
from dataclasses import replace
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.served_feed import serve_one_item
from tests.test_quoted_markdown import copied_by, copies
from tests.tui_pilot import reading, running, status, subscribe, table, until

TITLE = "Dredging contract doubled without a vote"
TRACKING = "?utm_source=rss&utm_medium=feed"
READER = (sys.executable, "-m", "reader")


def page(canonical: str) -> str:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Coastal Courier</title><link rel="canonical" href="{canonical}"></head>
<body><article><h1>{TITLE}</h1><p class="byline">By Maren Holt</p>
<p>The harbour board doubled the dredging contract last spring without a vote of its
members, papers obtained by the Courier show.<sup><a href="#fn1" id="r1">1</a></sup></p>
<p>Nobody mentioned a second phase at the meeting, councillors who were there said, and the
minutes record none.<sup><a href="#fn2" id="r2">2</a></sup></p>
<p>The board said the extension was routine and had been reported in its annual accounts,
which were published in the autumn.</p>
<section class="footnotes"><ol>
<li id="fn1">Invoices dated 3 April and 9 May, seen by the Courier. <a href="#r1">↩</a></li>
<li id="fn2">Minutes of the board's meeting of 12 March. <a href="#r2">↩</a></li>
</ol></section></article></body></html>"""


def cached(data_dir: Path) -> tuple[str, str]:
    """`data_dir` subscribed to a feed linking the story with tracking parameters, its article
    cached: its id and the page's canonical address."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    canonical = server.url_for("/2026/12/dredging-contract-doubled.html")
    server.expect_request("/2026/12/dredging-contract-doubled.html").respond_with_data(
        page(canonical), content_type="text/html; charset=utf-8"
    )
    link = (canonical + TRACKING).replace("&", "&amp;")
    try:
        (entry,) = subscribe(data_dir, [serve_one_item(server, "Coastal Courier", TITLE, link)], 1)
    finally:
        server.stop()
    return entry.id, canonical


def test_show_writes_a_note_s_link_against_the_cited_address(data_dir: Path) -> None:
    ident, canonical = cached(data_dir)
    env = {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    shown = subprocess.run(
        [sys.executable, "-m", "reader", "show", ident, "--format", "markdown", "--offline"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    ).stdout
    assert f"URL: <{canonical}>" in shown
    assert "utm_" not in shown
    assert f"({canonical}#fn1)" in shown or f"(<{canonical}#fn1>)" in shown
    assert f"{canonical}#fn2" in shown


def test_a_quoted_passage_links_its_note_at_the_cited_address(data_dir: Path) -> None:
    _, canonical = cached(data_dir)

    async def run() -> list[str]:
        async with reading(data_dir, "Dredging", (100, 40)) as (app, pilot, _body):
            app.config = replace(app.config, citation_copy="markdown")  # Markdown's quoting
            copied = copies(app)
            await copied_by(pilot, copied, "slash", *"Nobody mentioned", "enter", "v", "y")
            return copied

    (quoted,) = asyncio.run(run())
    quotation = quoted.split("\n\n")[0]
    assert quotation.startswith("> Nobody mentioned a second phase")
    assert f"{canonical}#fn2" in quotation
    assert "utm_" not in quoted


def test_show_in_markdown_sets_the_publication_in_italics(data_dir: Path) -> None:
    """acc27a A15: `reader show --format markdown --style chicago` heads the article with the
    line, its publication in italics; `--format text` keeps it plain."""
    ident, _ = cached(data_dir)
    env = {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}

    def show(fmt: str, style: str) -> str:
        return subprocess.run(
            [*READER, "show", ident, "--offline", "--format", fmt, "--style", style],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=True,
        ).stdout

    for style in ("chicago", "apa"):
        assert "*Coastal Courier*" in show("markdown", style).split("\n")[1]
        text = show("text", style)
        assert "Coastal Courier" in text and "*Coastal Courier*" not in text


def test_the_reading_view_hands_out_the_cited_address(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`o`, Tab's status line and the link list's `c` give the address the citation gives,
    without the feed's tracking parameters (acc30a J9)."""
    _, canonical = cached(data_dir)
    opened: list[str] = []
    # The desktop's browser is the boundary: what it was handed is recorded.
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)

    async def run() -> None:
        async with reading(data_dir, "Dredging", (100, 40)) as (app, pilot, _body):
            copied = copies(app)
            await pilot.press("o")
            await pilot.pause()
            assert opened == [canonical]
            await pilot.press("g", "tab")  # the first note's number
            await pilot.pause()
            assert status(app).startswith("Link 1 of ")
            assert f": {canonical}#fn1" in status(app) and "utm_" not in status(app)
            await pilot.press("L")
            await pilot.pause()
            await pilot.press("1", "c")
            await pilot.pause()
            assert copied == [f"{canonical}#fn1"]

    asyncio.run(run())


def test_o_in_the_headlines_opens_the_cited_address_as_the_reading_view_does(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list's `o` handed the browser the feed's link, "?utm_source=rss&utm_medium=feed"
    and all, where the reading view's `o` opens the cited address (acc30a J9)."""
    _, canonical = cached(data_dir)
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)

    async def run() -> None:
        async with running(data_dir, (100, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: bool(table(app).rows), "the headlines")
            await pilot.press("o")
            await until(pilot, lambda: bool(opened), "the browser handed an address")
            assert opened == [canonical]

    asyncio.run(run())
