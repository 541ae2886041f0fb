"""`/` in the headline list finds headlines by their titles, as mutt and newsboat do: the letters
typed after it are the query's, never the list's commands (`s` unsave, `o` open in the browser,
`r` refresh, `m` mark read); Enter keeps the search for `n` / `N`, Esc clears it."""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from pathlib import Path

from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article.search_bar import SearchBar
from tests.tui_pilot import burst, running, status, table, until

SIZE = (100, 30)


def command_letters_query(titles: list[str]) -> str:
    """A word of several titles that holds letters the list takes as commands."""
    words = Counter(
        w.casefold()
        for title in titles
        for w in set(re.findall(r"[A-Za-z]{4,}", title))
        if set(w.casefold()) & set("smo")
    )
    word, count = words.most_common(1)[0]
    assert count >= 2 and set(word) & set("smo")
    return word


def test_slash_finds_headlines_and_its_letters_run_no_command(
    synced_dir: Path, browser: list[str]
) -> None:
    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            headlines = table(app)
            titles = [h.entry.title for h in headlines.rows]
            query = command_letters_query(titles)
            rows = [i for i, t in enumerate(titles) if query in t.casefold()]
            before = [(h.read, h.saved) for h in headlines.rows]
            headlines.cursor = 0
            await pilot.press("slash", *query)
            await pilot.pause()
            assert screen.query_one(SearchBar).display
            assert headlines.cursor == rows[0]  # the first match, as the query is typed
            await pilot.press("enter")
            await pilot.pause()
            assert [(h.read, h.saved) for h in headlines.rows] == before
            assert browser == []
            assert f"Headline 1 of {len(rows)} for “{query}”" in status(app)
            await pilot.press("n")
            assert headlines.cursor == rows[1]
            assert f"Headline 2 of {len(rows)}" in status(app)
            await pilot.press("N", "N")
            assert headlines.cursor == rows[-1]  # round the top to the last match
            await pilot.press("escape")  # clears the search: n is no match key now
            await pilot.pause()
            assert screen.headline_query == "" and "Headline" not in status(app)
            assert [(h.read, h.saved) for h in headlines.rows] == before

            # Esc in the search line goes back to the row the cursor was on.
            headlines.cursor = 1
            await pilot.press("slash", *query, "escape")
            await pilot.pause()
            assert headlines.cursor == 1 and screen.headline_query == ""
            assert [(h.read, h.saved) for h in headlines.rows] == before and browser == []

    asyncio.run(run())


def test_a_query_no_headline_holds_says_so_and_the_cursor_stays(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            headlines = table(app)
            headlines.cursor = 2
            await pilot.press("slash", *"zqxjv", "enter")
            await pilot.pause()
            assert headlines.cursor == 2
            assert "No headline matches “zqxjv”" in status(app)

    asyncio.run(run())


def test_keys_in_the_burst_after_enter_are_the_lists_not_the_querys(synced_dir: Path) -> None:
    """`/word`, Enter and `n` in one burst (a paste, keys bunched over SSH): the search is
    "word" at its second match, not a search for "wordn"."""

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            headlines = table(app)
            titles = [h.entry.title for h in headlines.rows]
            query = command_letters_query(titles)
            rows = [i for i, t in enumerate(titles) if query in t.casefold()]
            headlines.cursor = 0
            burst(app, f"/{query}\rn")
            await until(pilot, lambda: headlines.cursor == rows[1], "n after Enter")
            assert screen.headline_query == query
            assert f"Headline 2 of {len(rows)}" in status(app)

    asyncio.run(run())
