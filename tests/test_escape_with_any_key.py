"""Esc and the key typed right after it, arriving together (tmux's escape-time, one ssh packet,
or within the Esc's own wait), are Esc, then the key, whatever the key: Textual's parser read
Esc with a digit as a macOS Option character ("\\x1b3" "£"), and Esc with `/`, `?`, Space,
Enter, `[`, `#`… as the key alone, the Esc lost. A vim user's `Esc 3j` said "£: no such key
here" in the article Esc should have left; `Esc /` opened the article's search, not the
headlines' (acc52c C1). The raw bytes here go through the reader's own parser, as the
terminal's do."""

from __future__ import annotations

import asyncio
import string
import time
from pathlib import Path

from textual import constants, events

from reader.ui.app import ReaderApp
from reader.ui.key_names import typed_key
from reader.ui.paste_parser import PasteParser
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.cell_input import CellInput
from tests.tui_pilot import first_article_row, on_top, open_row, running, table, until

_WAIT = constants.ESCAPE_DELAY + 0.05


def _parsed(data: str) -> list[events.Key]:
    """`data` read in one read, the Esc's wait let pass (the parser ticks), as the terminal's
    input is read."""
    parser = PasteParser()
    parsed = list(parser.feed(data))
    time.sleep(_WAIT)
    parsed += parser.tick()
    assert all(isinstance(event, events.Key) for event in parsed)
    return parsed  # type: ignore[return-value]


def _typed(app: ReaderApp, data: str) -> None:
    assert app._driver is not None
    for event in _parsed(data):
        event.set_sender(app)
        app._driver.send_message(event)


def test_esc_and_any_typed_key_are_read_as_alt_and_that_key() -> None:
    typed = string.digits + string.punctuation + string.ascii_letters + " \r\t"
    for character in typed:
        keys = [(key.key, key.character) for key in _parsed("\x1b" + character)]
        assert keys == [(f"alt+{typed_key(character)}", character)], repr(character)
    assert [key.key for key in _parsed("\x1b3")] == ["alt+3"]  # not "£"
    assert [key.key for key in _parsed("\x1b/")] == ["alt+slash"]  # not "slash"


def test_keys_of_their_own_after_esc_are_read_as_textual_reads_them() -> None:
    for data, key in (
        ("\x1b[A", "up"),
        ("\x1bOP", "f1"),
        ("\x1b\x7f", "ctrl+w"),  # Esc Backspace: a word deleted, as readline's
        ("\x1b", "escape"),
    ):
        assert [event.key for event in _parsed(data)] == [key], repr(data)
    assert [event.key for event in _parsed("\x1b\x1bj")] == ["escape", "alt+j"]


def test_esc_and_a_digit_in_an_article_go_back_and_count(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            row = first_article_row(app)
            await open_row(pilot, row)
            _typed(app, "\x1b3")
            _typed(app, "j")
            await until(pilot, lambda: app.screen is app.main_screen, "back in the headlines")
            await until(pilot, lambda: table(app).cursor == row + 3, "three rows down")

    asyncio.run(run())


def test_esc_and_slash_in_an_article_open_the_headlines_search(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            article = await open_row(pilot, first_article_row(app))
            _typed(app, "\x1b/")
            main = await on_top(pilot, MainScreen, "back in the headlines")
            await until(pilot, lambda: main.searching, "the headlines' search line")
            assert not article.searching

    asyncio.run(run())


def test_esc_and_enter_in_an_empty_search_line_open_the_headline(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            table(app).cursor = first_article_row(app)
            await pilot.press("slash")
            main = app.screen
            assert isinstance(main, MainScreen) and main.searching
            _typed(app, "\x1b\r")
            await on_top(pilot, ArticleScreen, "the headline opened")
            assert not main.searching

    asyncio.run(run())


def test_esc_b_and_esc_f_in_a_search_line_move_a_word_as_before(synced_dir: Path) -> None:
    """Readline's Alt-b and Alt-f (iTerm's Option-Left and Option-Right): the words of the
    line typed, which Textual's Ctrl-Left and Ctrl-Right gave, not Esc."""

    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            await pilot.press("slash", *"city council")
            main = app.screen
            assert isinstance(main, MainScreen)
            line = main.query_one("#search-input", CellInput)
            _typed(app, "\x1bb")
            await until(pilot, lambda: line.cursor_position == len("city "), "a word back")
            _typed(app, "\x1bf")
            await until(pilot, lambda: line.cursor_position == len("city council"), "on")
            assert main.searching and line.value == "city council"

    asyncio.run(run())
