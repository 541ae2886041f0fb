"""Esc and a key arriving together while a search line is open (over ssh, or joined by tmux's
escape-time), which Textual reads as one Alt+key: the key went into the query and the line
stayed open (acc26's terminal purist). They are the two keys, as outside a search line: Esc
ends the line as Esc alone does there, then the key acts on the list or the article.

The headlines' `/` over a real pseudo-terminal, the bytes "\\x1bj" in one write; the `F` line
and the article's `/` with Pilot, as Textual names the pair ("alt+j")."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from reader.library import Library
from reader.ui.headlines import HeadlineIndex
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.main import MainScreen
from reader.ui.screens.main_full_text import SEARCH_VIEW
from reader.ui.widgets.article.search_bar import SearchBar
from tests.pty_reader import reader_in_pty
from tests.tui_pilot import reading, running, table, until


def _read_ids(data: Path) -> set[str]:
    lib = Library(data, workers="thread")
    try:
        return {h.entry.id for h in lib.headlines() if h.read}
    finally:
        lib.close()


def _ids(data: Path) -> list[str]:
    lib = Library(data, workers="thread")
    try:
        return [h.entry.id for h in HeadlineIndex.load(lib).view(None)]
    finally:
        lib.close()


def _until(condition: object, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def test_esc_and_j_in_one_write_end_the_headline_search_then_move(synced_dir: Path) -> None:
    """`/Crane` finds the sixth headline; Esc j, written at once, goes back to the first (Esc
    in the line) and down to the second (j), which Enter opens: it is marked read. Before,
    the query became "Cranej", found nothing, and Enter kept that search, opening nothing."""
    second = _ids(synced_dir)[1]
    before = _read_ids(synced_dir)
    assert second not in before
    with reader_in_pty(synced_dir) as reader:
        _until(lambda: b"available offline" in reader.screen(), "the headlines on screen")
        reader.type(b"/Crane")
        _until(lambda: b"Headline 1 of 1" in reader.screen(), "the search finding Crane")
        reader.type(b"\x1bj")  # one write: the terminal gives them to the reader as one read
        reader.type(b"\r")
        _until(lambda: second in _read_ids(synced_dir), "the second headline opened")
        reader.type(b"\x11")  # Ctrl-Q
        assert reader.process.wait(timeout=30) == 0
    assert _read_ids(synced_dir) == before | {second}


def test_esc_and_a_key_together_end_the_F_line_then_act_on_the_list(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("F", *"budget")
            assert screen.searching
            await pilot.press("alt+j")
            await pilot.pause()
            assert not screen.searching
            assert screen.query_one(SearchBar).input.value == "budget"  # no j in it
            assert screen.feed_url != SEARCH_VIEW  # Esc: nothing searched
            assert table(app).cursor == 1
            await pilot.press("F", *"budget", "alt+shift+g")  # Esc G: to the last headline
            await pilot.pause()
            assert not screen.searching
            assert table(app).cursor == len(table(app).rows) - 1

    asyncio.run(run())


def test_esc_and_a_key_together_end_the_article_s_search_then_scroll(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, "Council approves", (100, 30)) as (app, pilot, body):
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            top = body.scroll_y
            await pilot.press("slash", *"libraries")
            assert screen.searching and body.query == "libraries"
            await pilot.press("alt+j")
            await until(pilot, lambda: not screen.searching, "the search line closed")
            await pilot.pause()
            assert body.query == ""  # dropped, as Esc drops it
            assert body.scroll_y == top + 1  # and j scrolled a line

    asyncio.run(run())


def test_esc_and_a_key_together_close_the_add_dialog_then_act_on_the_list(
    synced_dir: Path,
) -> None:
    """In `a`'s line (and `R`'s, the same dialog) the j went into the address typed, the
    dialog left open (keys27's note): Esc's now, no feed added, then j's on the list."""
    from reader.ui.dialogs.feed_input import FeedInputScreen

    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            feeds = len(app.index.feeds)
            await pilot.press("a", *"http://x")
            assert isinstance(app.screen, FeedInputScreen)
            await pilot.press("alt+j")
            await until(pilot, lambda: not isinstance(app.screen, FeedInputScreen), "closed")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
            assert table(app).cursor == 1
            assert len(app.index.feeds) == feeds
            await pilot.press("a", *"http://y", "alt+k")  # Esc k: closed, then up
            await until(pilot, lambda: not isinstance(app.screen, FeedInputScreen), "closed")
            await pilot.pause()
            assert table(app).cursor == 0

    asyncio.run(run())


def test_esc_and_a_key_together_in_the_feed_list_move_it(synced_dir: Path) -> None:
    """The key after an Esc went on from the screen, and Textual stopped it there (it stops a
    message at its sender): no binding below the screen took it (tester K7)."""
    from reader.ui.widgets.main.feed_list import FeedList

    async def run() -> None:
        async with running(synced_dir, (80, 24), prefetch=False) as (app, pilot):
            await pilot.press("h")
            feeds = app.screen.query_one(FeedList)
            await until(pilot, lambda: app.focused is feeds, "the feed list")
            assert feeds.highlighted == 0
            await pilot.press("alt+j")
            await until(pilot, lambda: feeds.highlighted == 1, "Esc, then j")

    asyncio.run(run())


def test_esc_and_a_key_together_after_a_kept_search_clear_it_then_act(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("slash", *"the", "enter")
            await until(pilot, lambda: not screen.searching, "the search kept")
            assert screen.headline_query == "the"
            cursor = table(app).cursor
            await pilot.press("alt+j")
            await until(pilot, lambda: table(app).cursor == cursor + 1, "Esc, then j")
            assert screen.headline_query == ""

    asyncio.run(run())


def test_esc_and_a_key_together_after_an_articles_kept_search_scroll(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, "Council approves", (100, 30)) as (app, pilot, body):
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            await pilot.press("slash", *"libraries", "enter")
            await until(pilot, lambda: not screen.searching and body.query == "libraries", "kept")
            top = body.scroll_y
            await pilot.press("alt+j")
            await until(pilot, lambda: body.query == "", "Esc")
            await until(pilot, lambda: body.scroll_y == top + 1, "then j")

    asyncio.run(run())


def test_the_key_after_an_esc_acts_before_the_keys_typed_after_it(synced_dir: Path) -> None:
    """`Esc k` read as Alt+k, then `G`, in one burst: Esc, `k`, then `G` (the last feed); the
    `k` taken anew went behind the `G` (one before the last)."""
    from textual import events

    from reader.ui.widgets.main.feed_list import FeedList

    async def run() -> None:
        async with running(synced_dir, (80, 24), prefetch=False) as (app, pilot):
            await pilot.press("h")
            feeds = app.screen.query_one(FeedList)
            await until(pilot, lambda: app.focused is feeds, "the feed list")
            last = feeds.option_count - 1
            assert app._driver is not None
            for key, character in (("alt+k", None), ("G", "G")):
                event = events.Key(key, character)
                event.set_sender(app)
                app._driver.send_message(event)
            await until(pilot, lambda: (feeds.highlighted or 0) >= last - 1, "the keys")
            await until(pilot, lambda: not app._typed_ahead, "every key handed on")
            await pilot.pause(0.2)
            assert feeds.highlighted == last

    asyncio.run(run())


def test_esc_and_a_key_together_close_the_help_and_the_link_list_then_scroll(
    synced_dir: Path,
) -> None:
    """In the help (`?`) and the link list (`L`) over an article, `Esc j` left the panel open
    and the j did nothing (acc34a C4): Esc's now, the panel closed, then j's on the article."""
    from reader.ui.dialogs.help import HelpScreen
    from reader.ui.dialogs.links import LinksScreen

    async def run() -> None:
        async with reading(synced_dir, "Council approves", (100, 30)) as (app, pilot, body):
            top = body.scroll_y
            for key, panel in (("question_mark", HelpScreen), ("L", LinksScreen)):
                await pilot.press(key)
                await until(pilot, lambda panel=panel: isinstance(app.screen, panel), key)
                before = body.scroll_y
                await pilot.press("alt+j")
                await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "closed")
                await until(pilot, lambda b=before: body.scroll_y == b + 1, "j scrolled")
            assert body.scroll_y == top + 2

    asyncio.run(run())
