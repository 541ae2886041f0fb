"""The feed's text standing in for a page that answered with a cookie-consent wall says so: in the
reading view's note and in `reader show`'s citation, not "a paywall, or a page built by scripts"
(acc42c C6): one click in a browser gets past a consent wall, where "a paywall" tells the reader
not to bother. Real parts: the feed and the wall served on 127.0.0.1, the store on disk, the TUI
under Pilot.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.codec import article_from_dict, article_to_dict
from reader.library import Library
from reader.models import CONSENT_WALL
from tests.conftest import sync_into
from tests.test_consent_wall import WALL, rss

TITLE = "Dredging of the harbour channel to resume"


@pytest.fixture
def walled(httpserver: HTTPServer) -> str:
    """A feed whose stories' pages all answer the consent wall; the feed's address."""
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(base), content_type="application/rss+xml"
    )
    for n in (1, 2):
        httpserver.expect_request(f"/story/{n}").respond_with_data(
            WALL, content_type="text/html; charset=utf-8"
        )
    return httpserver.url_for("/feed.xml")


def test_the_feeds_text_in_a_walls_place_keeps_the_reason(
    walled: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = walled.replace("/feed.xml", "/story/1")

    async def run() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(walled)
            await lib.sync()
            cached = lib.cached_article(story)
            assert cached is not None and cached.partial
            assert cached.stood_in_for == CONSENT_WALL
            # Kept in its record; one from before it gives no reason.
            assert article_from_dict(article_to_dict(cached)).stood_in_for == CONSENT_WALL
            record = article_to_dict(cached)
            del record["stood_in_for"]
            assert article_from_dict(record).stood_in_for == ""

    asyncio.run(run())
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "list", "--json"]) == 0
    (item,) = [i for i in json.loads(capsys.readouterr().out) if i["title"] == TITLE]
    assert main(["--data-dir", str(data_dir), "show", item["id"], "--offline"]) == 0
    shown = capsys.readouterr().out
    assert "the site answered with a cookie-consent page" in shown
    assert "silted" in shown


def test_the_reading_view_says_a_consent_wall_not_a_paywall(walled: str, data_dir: Path) -> None:
    from tests.tui_pilot import open_row, running, screen_text, table

    sync_into(data_dir, [walled])

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            row = next(i for i, h in enumerate(table(app).rows) if h.entry.title == TITLE)
            await open_row(pilot, row)
            shown = " ".join(screen_text(app).split())
            assert "cookie-consent page" in shown and "a paywall" not in shown
            assert "silted" in shown

    asyncio.run(run())


def test_a_story_sent_on_to_a_consent_wall_is_cited_by_its_own_address(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A story that redirects to the wall ("/consent?return=…", as Yahoo's and AOL's do): the
    feed's text stands in, cited, opened and copied by the story's address, never the wall's,
    which a reporter pasted into a draft with `y` (acc44a A16)."""
    from urllib.parse import quote

    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(base), content_type="application/rss+xml"
    )
    for n in (1, 2):
        story = f"{base}/story/{n}"
        httpserver.expect_request(f"/story/{n}").respond_with_data(
            "", status=302, headers={"Location": f"/consent?return={quote(story, safe='')}"}
        )
    httpserver.expect_request("/consent").respond_with_data(
        WALL, content_type="text/html; charset=utf-8"
    )
    sync_into(data_dir, [httpserver.url_for("/feed.xml")])
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "list", "--json"]) == 0
    (item,) = [i for i in json.loads(capsys.readouterr().out) if i["title"] == TITLE]
    home = ["--data-dir", str(data_dir)]
    assert main([*home, "show", item["id"], "--offline"]) == 0
    shown = capsys.readouterr().out
    assert "the site answered with a cookie-consent page" in shown and "silted" in shown
    assert f"URL: {base}/story/1\n" in shown and "consent?" not in shown
    assert main([*home, "show", item["id"], "--offline", "--format", "citation"]) == 0
    assert "consent?" not in capsys.readouterr().out
    assert main([*home, "show", item["id"], "--offline", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cited_url"] == f"{base}/story/1" and "consent" not in data["url"]
