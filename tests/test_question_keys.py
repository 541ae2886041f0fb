"""A y/n question says what answers it when another key comes, and the keys typed ahead behind
it answer nothing and never reach the list (acc44a A4): `a` and an address typed over the
question vanished unseen, the `n` of a word closed it, and the rest ran as the list's keys.
Enter takes the question's default, where it has one."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.widgets import Static

from reader.ui.dialogs.confirm import ConfirmScreen
from reader.ui.dialogs.feed_input import FeedInputScreen
from reader.ui.screens.main import MainScreen
from tests.test_feed_editing import _serve_feed, shown_urls, type_in
from tests.test_nothing_answered_add import closed_port
from tests.tui_pilot import burst, keys_handled, on_top, running, subscribe, until


def keys_said(screen: ConfirmScreen) -> str:
    said = screen.query_one("#confirm-keys", Static)
    return str(said.render()) if said.display else ""


def test_keys_typed_over_a_question_answer_nothing_and_reach_no_list(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    town = _serve_feed(httpserver, "/town.xml", "Town Crier", ["Market square reopens"])
    gazette = _serve_feed(httpserver, "/gazette.xml", "The Harbour Gazette", ["Dues rise"])
    subscribe(data_dir, [town, gazette])

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("tab", "j", "j", "j")
            await until(pilot, lambda: screen.feed_url == gazette, "the Gazette shown")
            await pilot.press("D")
            question = await on_top(pilot, ConfirmScreen, "the question")
            # Enter: no default here (a removal), so no answer, said.
            await pilot.press("enter")
            await until(pilot, lambda: bool(keys_said(question)), "the keys said")
            assert keys_said(question) == "y or n (Esc: no)"
            # The next add's address typed ahead, "n" and "s" in it: no answer, no list key.
            burst(app, "a http://news.example/s")
            await until(pilot, lambda: question.typed_over, "typed over")
            await keys_handled(pilot)
            assert app.screen is question
            assert keys_said(question) == (
                "Keys typed here are no answer: Enter, then y or n (Esc: no)"
            )
            await pilot.press("enter")  # ends them
            assert not question.typed_over and keys_said(question) == "y or n (Esc: no)"
            await pilot.press("x")
            assert keys_said(question).startswith("Keys typed here are no answer")
            await pilot.press("y")  # typed ahead still: no answer
            await keys_handled(pilot)
            assert app.screen is question and shown_urls(app) == [town, gazette]
            await pilot.press("enter", "n")
            await until(pilot, lambda: app.screen is screen, "answered")
            await pilot.pause()
            assert shown_urls(app) == [town, gazette]
            assert app.index.saved == 0  # "s" saved nothing

    asyncio.run(run())


def test_enter_takes_a_questions_default(data_dir: Path) -> None:
    nobody = f"http://127.0.0.1:{closed_port()}/feed.xml"

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            await pilot.press("a")
            await on_top(pilot, FeedInputScreen, "the line")
            await type_in(pilot, nobody)
            await pilot.press("enter")
            question = await on_top(pilot, ConfirmScreen, "the question")
            assert question.default is False
            await pilot.press("z")
            await until(pilot, lambda: bool(keys_said(question)), "the keys said")
            assert keys_said(question).endswith("y or n (Esc: no; Enter: no)")
            await pilot.press("enter")  # ends the keys typed over it: no answer yet
            await pilot.pause()
            assert app.screen is question
            await pilot.press("enter")  # the default: no
            await until(pilot, lambda: isinstance(app.screen, MainScreen), "answered")
            assert shown_urls(app) == []

    asyncio.run(run())
