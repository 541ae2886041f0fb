"""`/` in the headline list finds headlines by their titles, as mutt and newsboat do: the letters
typed after it are the query's, never the list's commands (`s` unsave, `o` open in the browser,
`r` refresh, `m` mark read); Enter keeps the search for `n` / `N`, Esc clears it."""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from pathlib import Path

from reader.library import Library
from reader.ui.dialogs.feed_input import FeedInputScreen
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article.search_bar import SearchBar
from reader.ui.widgets.main.feed_list import FeedList
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


def test_titles_are_folded_once_and_matched_each_on_its_own() -> None:
    """The titles folded once for the list, not at each letter typed (38,000 took 0.4 s a
    letter, acc30b P3): each is found as the reading view's rule finds it in it alone, never
    by a match running from one title into the next."""
    from reader.fold import composed, fold, has_accent
    from reader.text_find import pattern, typed
    from reader.ui.widgets.main import headline_search
    from reader.ui.widgets.main.headline_search import matching_names

    titles = [
        "Harbour storm",
        "Surge at the quay",
        "Łódź: storm surge warning",
        "Storm-surge barrier",
        "Straße closed",
        "",
        "storm",
    ]
    for query in ("storm surge", "lodz", "strasse", "Storm", "storm", "surge", "x", "storm s"):
        found = pattern(query)
        assert found is not None
        accents = not has_accent(typed(query))
        alone = [
            n
            for n, title in enumerate(titles)
            if found.search(fold((composed(title) or (title,))[0], accents))
        ]
        assert matching_names(titles, query) == alone, query
    assert matching_names(titles, "storm surge") == [2, 3]
    # Folded once: the list's letters typed one after another reuse it.
    headline_search._folded.cache_clear()
    for typed_so_far in ("s", "st", "sto", "stor", "storm"):
        matching_names(titles, typed_so_far)
    assert headline_search._folded.cache_info().misses == 1


def test_slash_finds_a_headline_by_its_tags_as_its_row_shows_them(synced_dir: Path) -> None:
    """A row shows its article's tags after its title ("#strikes"): `/` finds them there, the
    one filed before the reader opened and one tagged with `#` since alike."""
    lib = Library(synced_dir, workers="thread")
    try:
        headlines = lib.headlines()
        first, second = headlines[3], headlines[7]
        lib.tag_article(first.entry, ["Strikes"])
    finally:
        lib.close()

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            rows = table(app)
            ids = [h.entry.id for h in rows.rows]
            await pilot.press("slash", *"#strike")
            await until(pilot, lambda: rows.cursor == ids.index(first.entry.id), "the tagged row")
            await pilot.press("enter")
            await until(pilot, lambda: "Headline 1 of 1 for “#strike”" in status(app), "1 of 1")
            await pilot.press("escape")
            rows.cursor = ids.index(second.entry.id)
            await pilot.press("#")
            await until(pilot, lambda: isinstance(app.screen, FeedInputScreen), "the question")
            await pilot.press(*"strikes", "enter")
            await until(pilot, lambda: rows.rows[rows.cursor].tags == ("strikes",), "tagged")
            rows.cursor = 0
            await pilot.press("slash", *"strikes", "enter")
            await until(pilot, lambda: "Headline 1 of 2 for “strikes”" in status(app), "both")
            assert rows.cursor == min(ids.index(first.entry.id), ids.index(second.entry.id))

    asyncio.run(run())


def test_the_search_line_opens_and_closes_without_restyling_the_list(synced_dir: Path) -> None:
    # A class of the screen's swapped the search line for the key bar: each change restyled
    # and drew again every widget of the screen (50–110 ms on a year's list, at `/`, `F`, and
    # at their Enter or Esc). The two bars alone change now, and the line still shows.
    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            restyled: list[object] = []
            apply = app.stylesheet.apply

            def recording(node: object, *args: object, **kwargs: object) -> None:
                restyled.append(node)
                apply(node, *args, **kwargs)  # type: ignore[arg-type]

            app.stylesheet.apply = recording  # type: ignore[method-assign]
            screen = app.screen
            feeds = screen.query_one(FeedList)  # not focused: nothing of it changes
            await pilot.press("slash")
            assert app.screen.query_one(SearchBar).display
            await pilot.press("escape")
            await pilot.press("F")
            assert app.screen.query_one(SearchBar).display
            await pilot.press("escape")
            assert not app.screen.query_one(SearchBar).display
            assert screen not in restyled and feeds not in restyled

    asyncio.run(run())
