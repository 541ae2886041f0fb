"""A huge article in the reading view: its first screen is shown at once, the rest laid out a
slice at a time with the keys answered between the slices (finding H9: a 120,000-word page froze
the view for 21 s, and 3–5 s at each `V`).

The slices are made tiny here (`body_layout.SLICE_SECONDS`, `SLICE_LINES`), so that an article
of a few hundred paragraphs takes many of them: the same code as for 120,000 words, quicker.
Pilot waits after each key for the app to be idle, the slices done: a key to be handled while
they go on is handed to the screen or the view by its action, before the first slice.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from reader.models import Article, Block, BlockKind, Inline
from reader.ui.messages import SearchEdited
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.article_search import SEARCH_WAITS, SEARCHED_IN_A_THREAD_FROM
from reader.ui.widgets.article import body_layout, find_in_article
from reader.ui.widgets.article.article_body import LAYING_OUT
from reader.ui.widgets.article.block_paragraphs import END_MARK
from reader.ui.widgets.article.body_layout import GOING_BACK
from reader.ui.widgets.article.find_in_article import LineMap, PiecedSpans
from reader.ui.widgets.article.reading_place import Place, line_of
from tests.tui_pilot import on_top, reading, running, screen_text, until


@pytest.fixture(autouse=True)
def tiny_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(body_layout, "SLICE_SECONDS", 0.0)
    monkeypatch.setattr(body_layout, "SLICE_LINES", 10)


def _huge_article(paragraphs: int = 400, name: str = "ledger") -> Article:
    """`paragraphs` paragraphs (~20,000 words) of a `name`, the last one saying it is."""
    body = [
        Block(
            BlockKind.PARAGRAPH,
            (Inline(f"Paragraph {n} of the {name}: " + "the ferry's accounts were read " * 6),),
        )
        for n in range(paragraphs)
    ]
    body[-1] = Block(BlockKind.PARAGRAPH, (Inline(f"The last word of the {name}."),))
    return Article(f"https://news.example/{name}.html", title=f"The {name}", blocks=tuple(body))


def test_a_huge_article_is_shown_and_answers_keys_before_the_rest_is_laid_out(
    synced_dir: Path,
) -> None:
    """The first screen is drawn with a few of the paragraphs built and wrapped; `j` and
    `space` move the view meanwhile without laying out the rest at once; `G` says it waits for
    the rest and then goes to the end, the end mark in view."""
    article = _huge_article()

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30), notifications=True) as (
            app,
            pilot,
            body,
        ):
            # Each move of the view, and whether the rest was laid out when it was made.
            moves: list[tuple[int, bool]] = []
            app.screen.watch(
                body, "scroll_y", lambda: moves.append((body.top_line, body._unfinished)), False
            )
            body.show_article(app.screen.headline.entry, article)
            assert body._unfinished
            assert len(body._paragraphs) < 60  # built as far as the first screens, not 400
            await pilot.press("j", "space")
            assert "Paragraph 0 of the ledger" in screen_text(app) or body.top_line > 5
            height = body.scrollable_content_region.height
            # `j` acted without laying out the rest first (the slices may be done by `space`).
            assert moves[0] == (1, True)
            assert body.top_line == 1 + height
            body.show_article(app.screen.headline.entry, article)  # from its start again
            body.action_scroll_end()  # `G`, before a slice (Pilot's keys wait for them all)
            assert body.laying_out and body.top_line == 0
            await until(pilot, lambda: LAYING_OUT in screen_text(app), "the notice")
            await until(pilot, lambda: not body._unfinished, "the rest laid out")
            await until(pilot, lambda: END_MARK in screen_text(app), "the end, after `G`")
            assert "The last word of the ledger." in screen_text(app)
            assert len(body.lines) == body.virtual_size.height - 1  # no reckoned height left

    asyncio.run(run())


def test_another_article_shown_during_the_slices_stops_them_and_is_laid_out_whole(
    synced_dir: Path,
) -> None:
    """`V` (or `n`) while a huge article is being laid out: its slices stop, the article
    shown instead is laid out to its end, as if it had been the first."""
    first, second = _huge_article(name="ledger"), _huge_article(300, name="logbook")

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30)) as (app, pilot, body):
            entry = app.screen.headline.entry
            body.show_article(entry, first)
            left = body._laid
            body.show_article(entry, second)
            stopped = len(left.lines)
            await until(pilot, lambda: not body._unfinished, "the second laid out")
            assert len(left.lines) == stopped  # not a slice more of the first
            assert "The last word of the logbook." in body.text
            assert "ledger" not in "\n".join(body.lines)
            await pilot.press("G")
            await until(pilot, lambda: END_MARK in screen_text(app), "the second's end")

    asyncio.run(run())


def test_a_resize_during_the_slices_keeps_the_place_and_lays_out_the_new_width(
    synced_dir: Path,
) -> None:
    """The terminal narrowed while the rest is laid out: the same paragraph stays at the top,
    and the whole is laid out again for the new width."""
    article = _huge_article()

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30)) as (app, pilot, body):
            body.show_article(app.screen.headline.entry, article)
            body.action_page_down()
            body.action_page_down()
            assert body._unfinished
            top = body._laid.lines[body.top_line].text.split()[:2]
            await pilot.resize_terminal(60, 30)
            await until(pilot, lambda: not body._unfinished, "laid out for 60 columns")
            assert body._width < 60
            assert body.lines[body.top_line].split()[:2] == top or top == []
            assert max(len(line.rstrip()) for line in body.lines) < 60

    asyncio.run(run())


def test_a_search_typed_while_the_rest_is_laid_out_says_so_and_runs_once_it_is(
    synced_dir: Path,
) -> None:
    """`/` and a query typed before a huge article is all laid out: not searched at once (that
    lays out the rest in one go, the view frozen), the query's line saying why; once the
    slices are done the query is searched, its match in its last paragraph in view."""
    article = _huge_article()

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30)) as (app, pilot, body):
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            body.show_article(screen.headline.entry, article)
            # `/` and "last" typed, handled before a slice (Pilot's keys wait for them all).
            screen.action_search()
            screen.on_search_edited(SearchEdited("last"))
            assert body.laying_out and not body.query
            count = screen.query_one("#search-count", Static)
            assert str(count.content) == SEARCH_WAITS
            await until(pilot, lambda: body.match_count == 1, "the query searched")
            assert body.query == "last"
            assert "The last word of the ledger." in screen_text(app)
            await pilot.press("enter", "escape")
            assert not body.query

    asyncio.run(run())


def test_the_next_heading_laid_out_already_is_gone_to_at_once_and_a_later_one_after(
    synced_dir: Path,
) -> None:
    """`]` while the rest is laid out: to the next heading when it is among the lines laid
    out so far, without waiting for the rest; past them, once the rest is in."""
    blocks = list(_huge_article().blocks)
    blocks[3] = Block(BlockKind.HEADING, (Inline("Near the start"),), level=2)
    blocks[-30] = Block(BlockKind.HEADING, (Inline("Near the end"),), level=2)
    article = Article("https://news.example/h.html", title="Headed", blocks=tuple(blocks))

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30)) as (app, pilot, body):
            body.show_article(app.screen.headline.entry, article)
            body.action_heading(1)
            assert body._unfinished  # not laid out whole for it
            assert body._laid.lines[body.top_line].text.strip() == "Near the start"
            body.action_heading(1)
            assert body._laid.lines[body.top_line].text.strip() == "Near the start"
            await until(pilot, lambda: not body._unfinished, "the rest laid out")
            await until(pilot, lambda: body.lines[body.top_line].strip() == "Near the end", "]")

    asyncio.run(run())


def test_an_F_hit_in_a_huge_article_is_found_once_the_rest_is_laid_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article opened from `F`'s hits, its words in its last paragraph: the match is found
    once the slices have laid the rest out, not by laying it all out at once as the article
    is shown (the view frozen for seconds at 120,000 words)."""
    from datetime import UTC, datetime

    from reader.keys import entry_id
    from reader.library import Library
    from reader.models import Entry, Feed
    from reader.ui.screens.main_full_text import SEARCH_VIEW
    from reader.ui.widgets.article.article_body import ArticleBody

    url = "http://127.0.0.1:9/feed.xml"
    article = _huge_article()
    lib = Library(tmp_path)
    lib.add_feed(url)
    lib.store.put_feed(Feed(url, title="Harbour Ledger"))
    published = datetime(2026, 11, 20, tzinfo=UTC)
    entry = Entry(entry_id(url, article.url), url, article.title, article.url, published=published)
    lib.store.merge_entries(url, [entry])
    lib.store.put_article(article.url, article)
    lib.close()
    at_once: list[bool] = []  # each whole layout asked for, and whether the rest was to come
    finish = ArticleBody._finish_layout

    def finish_recorded(body: ArticleBody) -> None:
        at_once.append(body.laying_out)
        finish(body)

    monkeypatch.setattr(ArticleBody, "_finish_layout", finish_recorded)
    waited: list[bool] = []
    when_laid_out = ArticleBody.when_laid_out

    def when_recorded(body: ArticleBody, action: object, notice: str = "") -> bool:
        waited.append(when_laid_out(body, action, notice))  # type: ignore[arg-type]
        return waited[-1]

    monkeypatch.setattr(ArticleBody, "when_laid_out", when_recorded)

    async def run() -> None:
        async with running(tmp_path, (100, 30), prefetch=False) as (app, pilot):
            await pilot.press("F", *"last", "space", *"word", "enter")
            screen = app.screen
            await until(pilot, lambda: getattr(screen, "feed_url", None) == SEARCH_VIEW, "hits")
            await pilot.press("enter")
            body = (await on_top(pilot, ArticleScreen, "the article")).query_one(ArticleBody)
            # The whole query, each word found as the hit was (words31, acc30a J30).
            await until(pilot, lambda: body.query == "last word", "the hit's match found")
            await pilot.pause()
            assert "The last word of the ledger." in screen_text(app)
            assert waited[:1] == [True]  # huge, with these slices: the match waited for them
            assert True not in at_once  # and the rest was never laid out in one go

    asyncio.run(run())


def test_a_place_far_down_is_gone_to_once_laid_out_the_start_shown_first(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reopened at a place 9,000 paragraphs down, a 700,000-word article laid out everything
    above it before showing anything ("Opening…" for 4 s of work, acc30b P1): its start is
    shown at once, and the place once the slices reach it; a reader who has moved meanwhile
    stays where they went."""
    monkeypatch.setattr(body_layout, "FAR_PARAGRAPHS", 500)  # 700 paragraphs stand for 9,000
    article = _huge_article(700)
    place = Place(650)

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30), notifications=True) as (
            app,
            pilot,
            body,
        ):
            entry = app.screen.headline.entry
            body.show_article(entry, article, place=place)
            assert body.laying_out and body.top_line == 0
            assert len(body._paragraphs) < 100  # built as far as the first screens
            await until(pilot, lambda: GOING_BACK in screen_text(app), "the notice")
            await until(pilot, lambda: not body._unfinished, "the rest laid out")
            await pilot.pause()
            there = line_of(place, body._laid.extents, body._laid_map)
            assert there and there > 2000 and body.top_line == there  # the header's paragraphs too
            # Moved before the slices reached it: left where the reader went.
            body.show_article(entry, article, place=place)
            body.action_page_down()
            await until(pilot, lambda: not body._unfinished, "laid out again")
            await pilot.pause()
            assert 0 < body.top_line < 100

    asyncio.run(run())


def test_a_query_in_a_huge_article_is_searched_off_the_event_loop(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each key of `/`'s query in a huge article is searched in a thread (a 5 MB article is
    700,000 words to fold and match: ~0.3 s a key on the event loop, the keys after it waiting,
    acc30b), and its matches shown once found."""
    article = _huge_article(1_200)  # ~290,000 characters
    threads: list[threading.Thread] = []
    real = find_in_article.find

    def recording(lines: LineMap, query: str, *args: Any) -> PiecedSpans | None:
        threads.append(threading.current_thread())
        return real(lines, query, *args)

    monkeypatch.setattr(find_in_article, "find", recording)

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30)) as (app, pilot, body):
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            body.show_article(screen.headline.entry, article)
            await until(pilot, lambda: not body.laying_out, "the article laid out")
            assert body.text_size >= SEARCHED_IN_A_THREAD_FROM
            await pilot.press("slash", *"last")
            await until(pilot, lambda: body.query == "last", "the query's matches")
            assert body.match_count == 1
            assert "The last word of the ledger." in screen_text(app)
            assert threads and threading.main_thread() not in threads

    asyncio.run(run())


def test_the_last_key_of_a_query_is_the_search_shown_in_a_huge_article(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys typed while the search of an earlier one runs: the last one's matches are shown,
    and the earlier search, ending after them, changes nothing."""
    article = _huge_article(1_200)
    first_key = threading.Event()
    real = find_in_article.find

    def slow_first(lines: LineMap, query: str, *args: Any) -> PiecedSpans | None:
        if query == "l":  # held until the whole query's matches are shown
            first_key.wait(timeout=30)
        return real(lines, query, *args)

    monkeypatch.setattr(find_in_article, "find", slow_first)

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30)) as (app, pilot, body):
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            body.show_article(screen.headline.entry, article)
            await until(pilot, lambda: not body.laying_out, "the article laid out")
            await pilot.press("slash", *"last")
            await until(pilot, lambda: body.query == "last", "the query's matches")
            assert body.match_count == 1
            first_key.set()
            await pilot.pause(0.3)
            assert body.query == "last" and body.match_count == 1
            await pilot.press("enter", "escape")
            assert not body.query

    asyncio.run(run())


def test_a_search_given_back_in_a_huge_article_is_searched_off_the_event_loop(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search Esc in the search line gives back, and the one `n` brings back after Esc
    cleared it, are searched in a thread as a query typed is: on the event loop, a 5 MB
    article's held every key and frame ~0.65 s."""
    article = _huge_article(1_200)
    threads: list[tuple[str, threading.Thread]] = []
    real = find_in_article.find

    def recording(lines: LineMap, query: str, *args: Any) -> PiecedSpans | None:
        threads.append((query, threading.current_thread()))
        return real(lines, query, *args)

    monkeypatch.setattr(find_in_article, "find", recording)

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30)) as (app, pilot, body):
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            body.show_article(screen.headline.entry, article)
            await until(pilot, lambda: not body.laying_out, "the article laid out")
            await pilot.press("slash", *"last", "enter")
            await until(pilot, lambda: body.query == "last", "the query's matches")
            threads.clear()
            await pilot.press("slash", *"xq", "escape")  # back to the search before
            await until(pilot, lambda: body.query == "last", "the search given back")
            assert body.match_count == 1
            assert ("last", threading.main_thread()) not in threads
            assert any(query == "last" for query, _thread in threads)
            await pilot.press("escape")  # cleared
            assert not body.query
            threads.clear()
            await pilot.press("n")  # brought back
            await until(pilot, lambda: body.query == "last", "the search brought back")
            assert threads and all(t is not threading.main_thread() for _q, t in threads)
            assert "The last word of the ledger." in screen_text(app)

    asyncio.run(run())


def test_an_F_hit_opening_a_huge_article_is_searched_off_the_event_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article opened from `F`'s hits is searched for the hit's words in a thread, where
    they are nearest found there too, as a query typed is."""
    from datetime import UTC, datetime

    from reader.keys import entry_id
    from reader.library import Library
    from reader.models import Entry, Feed
    from reader.ui.screens.main_full_text import SEARCH_VIEW
    from reader.ui.widgets.article.article_body import ArticleBody

    url = "http://127.0.0.1:9/feed.xml"
    article = _huge_article(1_200)
    lib = Library(tmp_path)
    lib.add_feed(url)
    lib.store.put_feed(Feed(url, title="Harbour Ledger"))
    published = datetime(2026, 11, 20, tzinfo=UTC)
    entry = Entry(entry_id(url, article.url), url, article.title, article.url, published=published)
    lib.store.merge_entries(url, [entry])
    lib.store.put_article(article.url, article)
    lib.close()
    threads: list[threading.Thread] = []
    real = find_in_article.find

    def recording(lines: LineMap, query: Any, *args: Any) -> PiecedSpans | None:
        threads.append(threading.current_thread())
        return real(lines, query, *args)

    monkeypatch.setattr(find_in_article, "find", recording)

    async def run() -> None:
        async with running(tmp_path, (100, 30), prefetch=False) as (app, pilot):
            await pilot.press("F", *"last", "space", *"word", "enter")
            screen = app.screen
            await until(pilot, lambda: getattr(screen, "feed_url", None) == SEARCH_VIEW, "hits")
            await pilot.press("enter")
            body = (await on_top(pilot, ArticleScreen, "the article")).query_one(ArticleBody)
            await until(pilot, lambda: body.query == "last word", "the hit's match found")
            await pilot.pause()
            assert body.text_size >= SEARCHED_IN_A_THREAD_FROM
            assert "The last word of the ledger." in screen_text(app)
            assert threads and threading.main_thread() not in threads

    asyncio.run(run())
