"""The reading view's header: the address it shows is the one `y` cites (where the feed's
redirecting or shortened link led), and a low terminal's one-line byline cuts the source with
"…" before it gives up the authors."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Response

from reader.ui.widgets.article.article_body import ArticleBody
from tests.served_feed import serve_one_item
from tests.tui_pilot import reading, subscribe, subscribe_to_page

STORY = """
<p>The swing bridge over the inner harbour opened to traffic again on Monday morning, six weeks
after a lorry struck its control cabin and left the span stuck half open over the channel.</p>
<p>Engineers replaced the cabin's wiring and tested the span forty times over the weekend, the
harbour board said, and the bridge will now open for boats on the hour from seven until nine.</p>
<p>Traders on the quay said the closure had cost them a third of their usual custom, and asked
the council to waive a month of their rent in the new year.</p>
"""


def page(title: str, head: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title>{head}</head><body><article><h1>{title}</h1>{STORY}"
        "</article></body></html>"
    )


def header_lines(body: ArticleBody) -> list[str]:
    rule = next(i for i, line in enumerate(body.lines) if line.strip().startswith("────"))
    return [line.strip() for line in body.lines[:rule]]


def test_the_header_shows_the_address_the_redirect_led_to(data_dir: Path) -> None:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        final = server.url_for("/moved/bridge.html")
        server.expect_request("/r/bridge").respond_with_response(
            Response(status=301, headers={"Location": final})
        )
        title = "Swing bridge reopens after six weeks"
        server.expect_request("/moved/bridge.html").respond_with_data(
            page(title), content_type="text/html; charset=utf-8"
        )
        feed = serve_one_item(server, "Quay Courier", title, server.url_for("/r/bridge"))
        subscribe(data_dir, [feed], 1)
    finally:
        server.stop()

    async def run() -> None:
        async with reading(data_dir, "Swing bridge", (100, 30)) as (app, _pilot, body):
            assert app.screen.headline.entry.link.endswith("/r/bridge")
            head = header_lines(body)
            assert final in head, head
            assert not any("/r/bridge" in line for line in head)

    asyncio.run(run())


def test_a_low_terminal_cuts_the_source_before_it_drops_the_authors(data_dir: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Tide gauges report again",
        "datePublished": "2026-11-30T14:20:00+00:00",
        "author": [
            {"@type": "Person", "name": "Priya Raman"},
            {"@type": "Person", "name": "Dov Ashkenazi"},
        ],
    }
    head = (
        '<meta property="og:site_name" content="Harbour Technology Quarterly">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    )
    subscribe_to_page(
        data_dir,
        page("Tide gauges report again", head),
        "Harbour Technology Quarterly",
        "Tide gauges report again",
    )

    async def run() -> None:
        async with reading(data_dir, "Tide gauges", (50, 15)) as (_app, _pilot, body):
            byline = header_lines(body)[-1]
            assert "Priya Raman, Dov Ashkenazi" in byline and "2026-11-30" in byline, byline
            assert "Harbour Technology Quarterly" not in byline  # too long beside them
            assert byline.startswith("Har") and "…" in byline, byline
            assert len(byline) <= 48

    asyncio.run(run())
