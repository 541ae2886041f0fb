"""A feed item whose whole text is in the feed (RSS `content:encoded`, Atom `content`: a
newsletter's), longer than what its page gives (a page for subscribers, one scripts build), is
read offline whole: not marked "½ only in part", nor listed by `reader list --not-offline`; its
note says the feed's text is the whole, not "a paywall". A summary standing in stays ½ (acc42c
C5). Real parts: the feed and pages served on 127.0.0.1, the store on disk, the TUI under Pilot.
"""

from __future__ import annotations

import asyncio
import html
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from tests.conftest import sync_into
from tests.served_feed import serve_site

LETTER = "The tide tables leave out"
WHOLE = "".join(
    f"<p>{LETTER} the silt, paragraph {n}: the harbour board's survey, the dredging contract's "
    "cost and what the fishermen who work the channel every morning have seen change.</p>"
    for n in range(8)
)
TEASER = "Sixth forms face a funding squeeze, heads warn"
SHELL = (
    "<!doctype html><html><head><title>{title}</title></head><body><div id='app'>"
    "<p>Subscribe to keep reading.</p></div><script>window.__STATE__={{}}</script></body></html>"
)


def feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Tideline</title><link>{base}/</link>
<item><title>What the tide tables leave out</title><link>{base}/p/tides</link><guid>t1</guid>
<description>A newsletter on the harbour's silt.</description>
<content:encoded>{html.escape(WHOLE)}</content:encoded></item>
<item><title>{TEASER}</title><link>{base}/p/sixth</link><guid>t2</guid>
<description>Heads of the town's two sixth forms say the funding formula leaves them short of
three teachers each next year, and that courses will close.</description></item>
</channel></rss>"""


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    pages = {
        "/p/tides": SHELL.format(title="What the tide tables leave out"),
        "/p/sixth": SHELL.format(title=TEASER),
    }
    serve_site(own_server, feed, pages)
    return own_server


def test_a_whole_text_from_the_feed_is_not_only_in_part(
    site: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def reader(*args: str) -> tuple[int, str]:
        status = main(["--data-dir", str(data_dir), *args])
        return status, capsys.readouterr().out

    reader("add", site.url_for("/feed.xml"))
    assert reader("sync")[0] == 0
    listed = {item["title"]: item for item in json.loads(reader("list", "--json")[1])}
    letter, teaser = listed["What the tide tables leave out"], listed[TEASER]
    assert letter["cached"] and not letter["partial"]
    assert teaser["cached"] and teaser["partial"]  # a summary in its place: ½ still
    _, not_offline = reader("list", "--not-offline", "--ids")
    assert not_offline.split() == [teaser["id"]]
    _, shown = reader("show", letter["id"], "--offline")
    assert "paragraph 7" in shown


def test_the_reading_view_says_the_feeds_text_is_the_whole(
    site: HTTPServer, data_dir: Path
) -> None:
    from tests.tui_pilot import open_row, running, screen_text, table

    sync_into(data_dir, [site.url_for("/feed.xml")])

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            rows = table(app).rows
            row = next(i for i, h in enumerate(rows) if h.entry.title.startswith("What the"))
            line = next(t for t in screen_text(app).splitlines() if "What the tide" in t)
            assert "½" not in line
            await open_row(pilot, row)
            shown = " ".join(screen_text(app).split())
            assert "the whole text as the feed carried it" in shown
            assert "a paywall" not in shown

    asyncio.run(run())
