"""An address typed or pasted to add a feed is read as a browser's bar reads it (acc44a A2, A5):
`example.com` taken as https://… and said so; a slip one fix away (`htps://`, `http//`, quotes
pasted with it, a word after it) answered with the fix; an inner space refused, not fetched as
%20; the reader's `a` dialog keeps the line after a refusal; an address starting a status line
is never capitalised ("Http://…")."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual.widgets import Input, Static

from reader.typed_address import typed_address
from reader.ui.dialogs.feed_input import FeedInputScreen
from reader.ui.screens.main import MainScreen
from tests.cli_run import run_reader
from tests.test_feed_editing import _serve_feed, reader_feeds, type_in
from tests.tui_pilot import on_top, running, until


@pytest.mark.parametrize(
    ("typed", "taken"),
    [
        ("example.com", "https://example.com"),
        ("example.com/news", "https://example.com/news"),
        ("www.theguardian.com/uk", "https://www.theguardian.com/uk"),
        ("  news.example.org  ", "https://news.example.org"),
        ("127.0.0.1:18101", "http://127.0.0.1:18101"),
        ("news.example.onion", "http://news.example.onion"),
        ("news.example.onion/feed.xml", "http://news.example.onion/feed.xml"),
    ],
)
def test_an_address_without_its_scheme_is_taken_as_a_browser_takes_it(
    typed: str, taken: str
) -> None:
    read = typed_address(typed)
    assert (read.url, read.note.partition(" (")[0], read.refusal) == (
        taken,
        f"taken as {taken}",
        "",
    )


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("htps://news.example.org/feed", "https://news.example.org/feed"),
        ("http//news.example.org/feed", "http://news.example.org/feed"),
        ("http:/news.example.org/feed", "http://news.example.org/feed"),
        ("hhttps://news.example.org/", "https://news.example.org/"),
        ('"http://news.example.org/feed"', "http://news.example.org/feed"),
        ("“https://news.example.org/feed”", "https://news.example.org/feed"),
        ("<https://news.example.org/feed>", "https://news.example.org/feed"),
        ("https://news.example.org/feed news", "https://news.example.org/feed"),
    ],
)
def test_a_slip_one_fix_away_is_answered_with_the_fix(typed: str, meant: str) -> None:
    read = typed_address(typed)
    assert read.url == ""
    assert read.refusal.endswith(f"did you mean {meant}?"), read.refusal


@pytest.mark.parametrize(
    "typed", ["https://news.example.org/my news/today", "story.html", "harbour gazette"]
)
def test_what_no_fix_makes_an_address_is_refused_without_a_guess(typed: str) -> None:
    read = typed_address(typed)
    assert read.url == "" and read.refusal and "did you mean" not in read.refusal
    assert "http(s) URL" not in read.refusal  # jargon to one pasting from a browser


def test_reader_add_takes_a_bare_address_and_answers_slips_with_the_fix(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    home = tmp_path / "home"
    feed = _serve_feed(httpserver, "/town.xml", "Town Crier", ["Market square reopens"])
    bare = feed.removeprefix("http://")
    added = run_reader(home, "add", bare)
    assert added.returncode == 0, added.stderr
    assert f"taken as {feed}" in added.stderr
    assert "Town Crier" in added.stdout
    for typed, meant in (
        (f'"{feed}"', feed),
        (feed.replace("http://", "htps://"), feed.replace("http://", "https://")),
        (feed.replace("http://", "http//"), feed),
        (f"{feed} news", feed),
    ):
        refused = run_reader(home, "add", typed)
        assert refused.returncode == 2, refused.stderr
        assert refused.stderr.strip().endswith(f"did you mean {meant}?"), refused.stderr
    # Nothing of the slips was fetched: "/town.xml%20news" never asked for.
    assert [request.path for request in (r for r, _ in httpserver.log)] == ["/town.xml"]


def refusal_in(screen: FeedInputScreen) -> str:
    said = screen.query_one("#feed-input-refusal", Static)
    return str(said.render()) if said.display else ""


def test_the_add_dialog_keeps_a_refused_line_to_mend_and_says_the_fix(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    feed = _serve_feed(httpserver, "/town.xml", "Town Crier", ["Market square reopens"])
    other = _serve_feed(httpserver, "/quay.xml", "Quay Weekly", ["New pontoon for the quay"])
    httpserver.expect_request("/gone.xml").respond_with_data("Not here", status=404)
    missing = httpserver.url_for("/gone.xml")

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            # A word caught after the address: refused, said with the fix, the line kept.
            await pilot.press("a")
            dialog = await on_top(pilot, FeedInputScreen, "the line")
            await type_in(pilot, f"{feed} news")
            await pilot.press("enter")
            await until(pilot, lambda: bool(refusal_in(dialog)), "the refusal said")
            assert app.screen is dialog
            assert refusal_in(dialog) == f"An address has no spaces: did you mean {feed}?"
            line = dialog.query_one(Input)
            assert line.value == f"{feed} news"
            # Mended in five keys, not typed again.
            await pilot.press("end", *["backspace"] * 5, "enter")
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "the dialog closed")
            await until(
                pilot, lambda: "Town Crier" in app.status, "subscribed", detail=lambda: app.status
            )
            # Without its scheme: taken as http:// (a local address), and said so.
            await pilot.press("a")
            await on_top(pilot, FeedInputScreen, "the line")
            await type_in(pilot, other.removeprefix("http://"))
            await pilot.press("enter")
            await until(
                pilot, lambda: "Quay Weekly" in app.status, "subscribed", detail=lambda: app.status
            )
            assert app.status.startswith(f"Taken as {other}; ")
            # An answer starting with the address keeps it as typed: not "Http://…".
            await pilot.press("a")
            await on_top(pilot, FeedInputScreen, "the line")
            await type_in(pilot, missing)
            await pilot.press("enter")
            await until(
                pilot, lambda: "not subscribed" in app.status, "refused", detail=lambda: app.status
            )
            assert app.status.startswith(f"{missing} answered")

    asyncio.run(run())
    assert {feed["url"] for feed in reader_feeds(data_dir)} == {
        httpserver.url_for("/town.xml"),
        httpserver.url_for("/quay.xml"),
    }
    assert all("%20" not in request.path for request, _ in httpserver.log)
