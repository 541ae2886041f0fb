"""A page naming several feeds (a paper's sections) has several subscribed at once (acc45 A12):
in the TUI's list, space marks them and Enter adds those marked; on the command line, `reader
add --all PAGE` adds every one it names, comment feeds aside. Real servers on 127.0.0.1, the
TUI driven by Pilot."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.ui.dialogs.feed_choice import MARKED, FeedChoiceScreen
from reader.ui.widgets.vim_list import VimOptionList
from tests.test_feed_editing import _serve_feed, _serve_page, ask_choosing, shown_urls
from tests.tui_pilot import running, subscribe, until


def _three_papers(server: HTTPServer) -> tuple[str, list[str]]:
    feeds = [
        _serve_feed(server, "/gazette/feed.xml", "The Harbour Gazette", ["Harbour dues rise"]),
        _serve_feed(server, "/quay/rss.xml", "Quay Weekly", ["New pontoon for the quay"]),
        _serve_feed(server, "/arts/rss.xml", "Arts Desk", ["Choir sings in the fish market"]),
    ]
    page = _serve_page(
        server, "/papers/", "Three Papers", "/gazette/feed.xml", "/quay/rss.xml", "/arts/rss.xml"
    )
    return page, feeds


def test_space_marks_feeds_and_enter_adds_those_marked(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    town = _serve_feed(httpserver, "/town.xml", "Town Crier", ["Market square reopens"])
    page, (gazette, quay, arts) = _three_papers(httpserver)
    subscribe(data_dir, [town])

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            await ask_choosing(pilot, page)
            screen = app.screen
            assert isinstance(screen, FeedChoiceScreen)
            # Space marks the first and moves on; j past the second; space marks the third.
            await pilot.press("space", "j", "space")
            options = screen.query_one(VimOptionList)
            marks = [str(options.get_option_at_index(i).prompt)[:2] for i in range(3)]
            assert marks == [MARKED, "  ", MARKED]
            await pilot.press("enter")
            await until(pilot, lambda: arts in shown_urls(app), "the marked feeds added")
            await until(pilot, lambda: app.status.startswith("Subscribed to"), "its line")
            assert app.status == "Subscribed to 2 of 2 feeds"
            assert shown_urls(app) == [town, gazette, arts]
            assert quay not in shown_urls(app)

    asyncio.run(run())


def test_space_again_unmarks_and_enter_with_none_marked_adds_the_one_chosen(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    page, (_gazette, quay, _arts) = _three_papers(httpserver)

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            await ask_choosing(pilot, page)
            screen = app.screen
            assert isinstance(screen, FeedChoiceScreen)
            # Marked (the cursor on to the second), back up, unmarked (on to the second again).
            await pilot.press("space", "k", "space")
            assert screen.marked == set()
            await pilot.press("enter")
            await until(pilot, lambda: quay in shown_urls(app), "the feed chosen added")
            assert shown_urls(app) == [quay]

    asyncio.run(run())


def test_reader_add_all_subscribes_to_every_feed_a_page_names_comment_feeds_aside(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.no_handler_status_code = 404
    page, feeds = _three_papers(httpserver)
    code = main(["--data-dir", str(data_dir), "add", page])
    said = capsys.readouterr()
    assert code == 1
    assert "or every one with `reader add --all PAGE`" in said.err
    code = main(["--data-dir", str(data_dir), "add", "--all", page])
    said = capsys.readouterr()
    assert (code, said.err) == (0, "")
    assert said.out.splitlines() == [
        "that page names 3 feeds (comment feeds aside): adding each",
        "subscribed: The Harbour Gazette (1 headline)",
        "subscribed: Quay Weekly (1 headline)",
        "subscribed: Arts Desk (1 headline)",
    ]
    assert main(["--data-dir", str(data_dir), "feeds", "--json"]) == 0
    assert [f["url"] for f in json.loads(capsys.readouterr().out)] == feeds
    assert main(["--data-dir", str(data_dir), "add", "--all", "--title", "Mine", page]) == 2
    assert (
        capsys.readouterr().err == "reader: --title names one feed, --all adds several: not both\n"
    )
