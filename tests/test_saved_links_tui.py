"""Saved links in the reader: `a` with a short link (a redirect to the story) saves the story it
leads to and opens it (saved as the story's address since acc31c W4, the link given no longer
names it); `R` on a saved article missing a page reads on (acc31c W14). Real pages on
127.0.0.1, a real store, the reader driven by Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.ui.headlines import SAVED_VIEW
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article.article_body import ArticleBody
from tests.test_feed_editing import _serve_feed, offered
from tests.test_next_page import PARAGRAPHS
from tests.test_saved_links import STORY, _review, cli
from tests.tui_pilot import notices_raised, on_top, running, subscribe, table, until


def test_a_short_link_saved_with_a_opens_the_story_it_leads_to(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    town = _serve_feed(httpserver, "/town.xml", "Town Crier", ["Market square reopens"])
    httpserver.expect_request("/s/k3bX9").respond_with_data(
        "", status=301, headers={"Location": "/2026/storm.html?utm_source=share"}
    )
    httpserver.expect_request("/2026/storm.html").respond_with_data(
        STORY, content_type="text/html; charset=utf-8"
    )
    subscribe(data, [town])

    async def run() -> None:
        async with running(data, (120, 30), prefetch=False, notifications=True) as (app, pilot):
            await offered(pilot, httpserver.url_for("/s/k3bX9"))
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("y")
            body = (await on_top(pilot, ArticleScreen, "the article")).query_one(ArticleBody)
            await until(pilot, lambda: "breakwater had held" in body.text, "its text")
            said = "Saved for good (in Saved): Harbour storm"
            await until(pilot, lambda: any(said in n for n in raised), "the saving said")
            saved = app.index.view(SAVED_VIEW)
            assert [h.entry.link for h in saved] == [httpserver.url_for("/2026/storm.html")]

    asyncio.run(run())


def test_r_on_a_saved_article_missing_a_page_reads_on(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    link = _review(httpserver, third_page=False)
    assert cli(capsys, data, "save", link)[0] == 0
    _review(httpserver, third_page=True)

    async def run() -> None:
        async with running(data, (120, 40), prefetch=False, notifications=True) as (app, pilot):
            app.main_screen.show_feed(SAVED_VIEW)
            await pilot.pause()
            await pilot.press("enter")
            body = (await on_top(pilot, ArticleScreen, "the article")).query_one(ArticleBody)
            await until(pilot, lambda: PARAGRAPHS[1][0][:40] in body.text, "its first page")
            assert PARAGRAPHS[3][0][:40] not in body.text
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("R")
            await until(pilot, lambda: PARAGRAPHS[3][0][:40] in body.text, "its last page")
            whole = "the article is whole now"
            await until(pilot, lambda: any(whole in n for n in raised), "the article whole said")

    asyncio.run(run())


def test_s_on_a_headline_whose_site_is_down_saves_it_for_the_next_sync(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`s` offline, or with the site down, said "Not saved" and kept nothing (acc31c W8)."""
    data = tmp_path / "data"
    town = _serve_feed(httpserver, "/town.xml", "Town Crier", ["Market square reopens"])
    subscribe(data, [town])
    httpserver.clear_all_handlers()
    httpserver.expect_request("/town.xml").respond_with_data("down", status=503)
    httpserver.expect_request("/town-0.html").respond_with_data("down", status=503)

    async def run() -> None:
        async with running(data, (120, 30), prefetch=False, notifications=True) as (app, pilot):
            await until(pilot, lambda: bool(table(app).rows), "the headline")
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("s")
            await until(pilot, lambda: table(app).rows[0].saved, "the saved mark")
            # Said once the fetch has failed, in a worker: after the mark, shown at once.
            said = "Saved, not fetched yet (HTTP 503"
            await until(pilot, lambda: any(n.startswith(said) for n in raised[-1:]), "said")
            # The mark shows at once; the save is written in a thread of its own (loop33).
            entry = table(app).rows[0].entry
            await until(pilot, lambda: app.lib.is_saved(entry), "the save written")

    asyncio.run(run())
