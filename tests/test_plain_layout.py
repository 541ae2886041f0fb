"""`[ui] plain`: the screen drawn for a screen reader or a braille display, which read it a line
at a time and said every glyph ("vertical line", "black circle"): no frames, scroll bars nor
rules, letters for the marks, headings and quotations marked as Markdown marks them (acc42a A8)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Static

from reader.cli import main
from reader.config import load_config
from reader.library import Library
from reader.marks import NOTE_MARK, OFFLINE_MARK, SEARCH_MARK, UNREAD_MARK
from reader.ui.dialogs.help import HelpScreen, KeysList
from reader.ui.screens.article import ArticleScreen
from tests.tui_pilot import on_top, open_titled, running, screen_text, status, table, until

FRAMES = set("╭╮╰╯│─┌┐└┘▌▐▁▂▃▄▅▆▇█⏎")
"""Glyphs of frames, rules, scroll bars and the key bar's Enter: none in the plain layout."""


def _config(data_dir: Path, plain: bool):  # type: ignore[no-untyped-def]
    return replace(load_config(data_dir / "config.toml"), plain=plain)


@pytest.mark.parametrize("plain", [False, True])
def test_the_headlines_have_no_frames_and_letters_for_marks(synced_dir: Path, plain: bool) -> None:
    async def run() -> None:
        config = _config(synced_dir, plain)
        async with running(synced_dir, (100, 24), config=config) as (app, pilot):
            text = screen_text(app)
            unread = next(h for h in table(app).rows if not h.read and h.cached)
            row = next(line for line in text.splitlines() if unread.entry.title[:20] in line)
            if not plain:  # the frames and glyphs the plain layout leaves out are there
                assert FRAMES & set(text)
                assert f"{UNREAD_MARK} {OFFLINE_MARK}" in row
                return
            assert not FRAMES & set(text), sorted(FRAMES & set(text))
            assert UNREAD_MARK not in text and OFFLINE_MARK not in text
            assert " N d " in row  # unread, available offline: `reader list`'s N, newsboat's
            assert "Enter Open" in text  # the key bar's Enter, not "⏎"
            assert "Feeds" in text.splitlines()[0]  # the panes' titles stay, as text

            await pilot.press("question_mark")
            await on_top(pilot, HelpScreen, "the help")
            assert not FRAMES & set(screen_text(app))
            assert "Up/Down Scroll" in screen_text(app)  # the key bar's arrows in words
            keys = app.screen.query_one("#help-keys", Static).content
            assert isinstance(keys, KeysList)
            markers = dict(dict(keys.keys)["Markers"])
            assert markers["N"] == "unread" and markers["d"].startswith("available offline")
            assert not {UNREAD_MARK, OFFLINE_MARK} & set(markers)

    asyncio.run(run())


def test_an_article_marks_headings_and_quotes_and_stacks_its_tables(synced_dir: Path) -> None:
    async def run() -> None:
        config = _config(synced_dir, True)
        async with running(synced_dir, (100, 30), config=config) as (app, pilot):
            body = await open_titled(pilot, "£412m budget")
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            await until(pilot, lambda: screen.loaded, "the article")
            body._finish_layout()
            lines = [line.strip() for line in body.lines]
            assert "## What the budget contains" in lines
            quote = next(line for line in lines if "Tonight the chamber listened" in line)
            assert quote.startswith("> Tonight")
            # The vote's table as records a heading a value, not rows of figures between bars.
            assert "Group: Green" in lines and "Seats: 14" in lines
            assert not any(FRAMES & set(line) for line in lines), [
                line for line in lines if FRAMES & set(line)
            ]
            assert not FRAMES & set(screen_text(app))
            await pilot.press("tab")  # a link chosen: its address beside the app's status
            await until(pilot, lambda: "http" in status(app), "the link's address")
            assert ";  " in status(app) and "│" not in status(app)

    asyncio.run(run())


@pytest.mark.parametrize("plain", [False, True])
def test_a_search_feed_and_a_note_are_named_in_words(synced_dir: Path, plain: bool) -> None:
    """A screen reader said "telephone recorder" for a search feed's ⌕ and "lower right
    pencil" for a note's ✎: in the plain layout they are "Search:" and "Note:"."""
    assert main(["--data-dir", str(synced_dir), "search-feed", "add", "Votes", "budget"]) == 0
    lib = Library(synced_dir)
    try:
        entry = next(h.entry for h in lib.headlines() if "£412m budget" in h.entry.title)
        article = lib.cached_article(entry)
        assert article is not None
        lib.note_article(entry, article, "Ask the Greens for the vote list")
    finally:
        lib.close()

    async def run() -> None:
        config = _config(synced_dir, plain)
        async with running(synced_dir, (100, 30), config=config) as (app, pilot):
            feeds = screen_text(app)
            named = "Search: Votes" if plain else f"{SEARCH_MARK} Votes"
            await until(
                pilot, lambda: named in screen_text(app), named, detail=lambda: screen_text(app)
            )
            assert (SEARCH_MARK in screen_text(app)) is not plain, feeds
            await pilot.press("question_mark")
            await on_top(pilot, HelpScreen, "the help")
            keys = app.screen.query_one("#help-keys", Static).content
            assert isinstance(keys, KeysList)
            (keep,) = [  # the lists' +, not an article's (its site's feed)
                what
                for section, rows in keys.keys
                if section != "Reading"
                for key, what in rows
                if key == "+"
            ]
            assert ('a "Search: …" row' in keep) is plain
            assert (SEARCH_MARK in keep) is not plain
            await pilot.press("escape")
            await open_titled(pilot, "£412m budget")
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            note = "Note: Ask the Greens" if plain else f"{NOTE_MARK} Ask the Greens"
            await until(
                pilot, lambda: note in screen_text(app), note, detail=lambda: screen_text(app)
            )
            assert (NOTE_MARK in screen_text(app)) is not plain

    asyncio.run(run())


def test_plain_must_be_true_or_false(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[ui]\nplain = 1\n")
    with pytest.raises(ValueError, match=r"ui\.plain must be true or false"):
        load_config(path)
