"""Keys typed in one burst behind a key that opens a screen or a line (a paste, a fast typist
over ssh, tmux joining keys) act there, in order, once it shows: what follows `a` is the
address typed into its line (tester K8), and keys typed as a cached article opens act on the
article, not on the list behind it (K11)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from textual.binding import Binding
from textual.screen import Screen

from reader.models import Article, Entry
from reader.ui.app import ReaderApp
from reader.ui.dialogs.feed_input import FeedInputScreen
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article.article_body import ArticleBody
from reader.ui.widgets.main.headline_table import HeadlineTable
from tests.tui_pilot import burst, first_article_row, on_top, started, table, until


def test_keys_after_a_go_into_the_address_line(synced_dir: Path) -> None:
    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot)
            cursor = table(app).cursor
            burst(app, "ahttp://x.test/jk/feed")
            await on_top(pilot, FeedInputScreen, "the line")
            line = app.screen.query_one("#feed-input")
            await until(pilot, lambda: line.value == "http://x.test/jk/feed", "the address")
            behind = app.main_screen.query_one(HeadlineTable)
            assert behind.cursor == cursor  # no `j`, `k` acted on the list behind

    asyncio.run(run())


def test_keys_typed_as_a_cached_article_opens_scroll_it(synced_dir: Path) -> None:
    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot)
            row = first_article_row(app)
            table(app).cursor = row
            await pilot.pause()
            burst(app, "\rjjj")
            screen = await on_top(pilot, ArticleScreen, "the article")
            body = screen.query_one(ArticleBody)
            await until(
                pilot,
                lambda: screen.loaded and round(body.scroll_y) == 3,
                "3 lines on",
                # Seen once in a full run under load, not since (30 runs alone): what to read.
                detail=lambda: (
                    f"loaded {screen.loaded}, drawn {screen._drawn}, scroll_y {body.scroll_y}"
                    f" of {body.max_scroll_y}, list cursor {app.main_screen.query_one(HeadlineTable).cursor} (was {row})"
                ),
            )
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is app.main_screen, "the list")
            assert table(app).cursor == row  # the `j`s were the article's, not the list's

    asyncio.run(run())


def test_keys_wait_for_a_cached_article_read_slowly(synced_dir: Path) -> None:
    """A cached article a busy machine takes seconds to read (a fresh-clone CI): the `j`s
    typed behind Enter wait for its text, longer than keys wait for any screen, and scroll
    it; Esc typed while one is read waits no longer than that, and goes back."""
    import reader.ui.app as app_module

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot)
            rows = [
                i
                for i, h in enumerate(table(app).rows)
                if h.cached and h.entry.link.endswith(".html")
            ]
            first, second = (table(app).rows[i].entry.id for i in rows[:2])
            # The disk's answers: late past the usual wait, then later than any wait.
            late = {first: app_module._HELD_AT_MOST + 1.5, second: 600.0}
            library = app.lib
            read = library.article

            async def read_slowly(entry: Entry, *args: object, **kwargs: object) -> Article:
                await asyncio.sleep(late.pop(entry.id, 0.0))
                return await read(entry, *args, **kwargs)

            library.article = read_slowly  # type: ignore[method-assign]
            table(app).cursor = rows[0]
            await pilot.pause()
            burst(app, "\rjjj")
            screen = await on_top(pilot, ArticleScreen, "the article")
            body = screen.query_one(ArticleBody)
            await until(pilot, lambda: screen.loaded and screen.takes_keys, "the text")
            await until(pilot, lambda: round(body.scroll_y) == 3, "3 lines on")
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is app.main_screen, "the list")
            assert table(app).cursor == rows[0]  # the `j`s were the article's

            table(app).cursor = rows[1]
            await pilot.pause()
            burst(app, "\r")
            screen = await on_top(pilot, ArticleScreen, "the next article")
            # Esc and `q` wait as keys wait for any screen; `j` for the text.
            assert screen.keys_wait_for("escape") == screen.keys_wait_for("q") == 0.0
            assert screen.keys_wait_for("j") > app_module._HELD_AT_MOST
            burst(app, "\x1b")
            await until(pilot, lambda: app.screen is app.main_screen, "back")
            assert not screen.loaded and not late  # back without its text

    asyncio.run(run())


def test_a_search_typed_as_a_cached_article_opens_is_the_articles(synced_dir: Path) -> None:
    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot)
            table(app).cursor = first_article_row(app)
            await pilot.pause()
            burst(app, "\r/the\r")
            body = (await on_top(pilot, ArticleScreen, "the article")).query_one(ArticleBody)
            await until(pilot, lambda: body.query == "the", "the article's search")
            assert app.main_screen.headline_query == ""

    asyncio.run(run())


class _NotReady(Screen[None]):
    """A screen that says it takes no keys yet (an article still being read), noting each `x`
    it is given in `pressed`."""

    BINDINGS = [Binding("x", "note", "Note")]

    def __init__(self, pressed: list[str]) -> None:
        super().__init__()
        self.pressed = pressed
        self.takes_keys = False

    def action_note(self) -> None:
        self.pressed.append("x")


def test_keys_held_for_a_screen_never_ready_act_after_a_while(synced_dir: Path) -> None:
    """A screen that never says it takes keys (an article whose reading hangs) gets them
    anyway after `_HELD_AT_MOST`: keys are never held for good."""
    pressed: list[str] = []

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot)
            await app.push_screen(_NotReady(pressed))
            burst(app, "xx")
            await until(pilot, lambda: pressed == ["x", "x"], "both keys, in the end")

    asyncio.run(run())


def test_keys_held_through_a_stall_of_the_machine_wait_for_their_screen(synced_dir: Path) -> None:
    """A busy machine runs the reader late, a second and more at a time (load 40): that is no
    wait of the reader's, and keys held for a screen not ready yet stay held through it, to
    act once it is. Counted by the clock, the stall let them go on at once, before the keys
    ahead of them had acted: `/libraries Enter n n` in one burst searched "librariesn"
    (test_find_in_article, 1 run in 4 at load 40)."""
    import reader.ui.app as app_module

    pressed: list[str] = []

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await started(pilot)
            screen = _NotReady(pressed)
            await app.push_screen(screen)
            burst(app, "x")
            await until(pilot, lambda: bool(app._typed_ahead), "the key held")
            time.sleep(app_module._HELD_AT_MOST + 0.5)  # nothing of the reader runs meanwhile
            await pilot.pause(0.2)  # the reader's looks at the key held, after the stall
            assert pressed == [] and app._typed_ahead
            screen.takes_keys = True
            await until(pilot, lambda: pressed == ["x"], "the key, once its screen takes it")

    asyncio.run(run())
