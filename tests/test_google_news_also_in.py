"""A Google News item and the outlet's own item of one story (web43's leftover): once the
Google News link, fetched, ends at the outlet's story (its redirect), the two rows say each
is "also in" the other's feed, in `reader list` and in the reader's "All feeds". Real parts:
the aggregator's feed, its redirecting link and the outlet's feed and story served on
127.0.0.1, the real CLI and the reader under Pilot."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from tests.served_feed import story_page
from tests.tui_pilot import running, screen_text, table, until

HEADLINE = "Harbour board delays dredging contract"
STORY = "/harbour/2026/12/dredging-contract.html"


def _rss(title: str, items: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title>{items}</channel></rss>"
    )


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    """Google News's feed (/gnews/rss) naming the story by a link of its own, which sends on
    to the story; the outlet's feed (/harbour.xml) naming it at its own address."""
    base = own_server.url_for("").rstrip("/")
    google = (
        f"<item><title>{HEADLINE} - The Harbour Post</title>"
        f"<link>{base}/rss/articles/CBMi1?oc=5</link><guid isPermaLink='false'>CBMi1</guid>"
        "<pubDate>Sat, 05 Dec 2026 09:05:00 GMT</pubDate>"
        f"<source url='{base}/harbour/'>The Harbour Post</source></item>"
        "<item><title>Ferry timetable cut - Island Times</title>"
        f"<link>{base}/rss/articles/CBMi2?oc=5</link><guid isPermaLink='false'>CBMi2</guid>"
        "<pubDate>Sat, 05 Dec 2026 08:00:00 GMT</pubDate></item>"
    )
    own = (
        f"<item><title>{HEADLINE}</title><link>{base}{STORY}</link><guid>{STORY}</guid>"
        "<pubDate>Sat, 05 Dec 2026 09:00:00 GMT</pubDate></item>"
    )
    rss = "application/rss+xml"
    own_server.expect_request("/gnews/rss").respond_with_data(
        _rss('"harbour" - Google News', google), content_type=rss
    )
    own_server.expect_request("/harbour.xml").respond_with_data(
        _rss("The Harbour Post", own), content_type=rss
    )
    own_server.expect_request("/rss/articles/CBMi1").respond_with_data(
        "", status=302, headers={"Location": f"{base}{STORY}"}
    )
    own_server.expect_request("/rss/articles/CBMi2").respond_with_data(
        story_page("Ferry timetable cut"), content_type="text/html"
    )
    own_server.expect_request(STORY).respond_with_data(
        story_page(HEADLINE), content_type="text/html"
    )
    return own_server


def _reader(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["--data-dir", str(data_dir), *args]) == 0
    return capsys.readouterr().out


def test_the_google_news_item_and_the_outlets_are_also_in_each_other(
    site: HTTPServer, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    google, outlet = site.url_for("/gnews/rss"), site.url_for("/harbour.xml")
    _reader(data_dir, capsys, "add", google)
    _reader(data_dir, capsys, "add", outlet)
    _reader(data_dir, capsys, "sync")
    rows = json.loads(_reader(data_dir, capsys, "list", "--json"))
    also = {(row["feed"], row["title"]): row["also_in"] for row in rows}
    assert also == {
        (google, HEADLINE): [outlet],
        (outlet, HEADLINE): [google],
        (google, "Ferry timetable cut - Island Times"): [],  # no <source>: not cut
    }
    listed = _reader(data_dir, capsys, "list")
    assert "(also in The Harbour Post)" in listed
    assert '(also in "harbour" - Google News)' in listed

    async def run() -> None:
        async with running(data_dir, (170, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: len(table(app).rows) == 3, "every headline")
            shown = screen_text(app)
            assert f"{HEADLINE} (also in The Harbour Post)" in shown, shown
            assert f'{HEADLINE} (also in "harbour" - Google News)' in shown, shown

    asyncio.run(run())
