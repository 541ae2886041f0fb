"""The TUI driven with Textual's Pilot against real parts: the demo news site, a store on disk,
a local server of our own for hostile feeds. Only `webbrowser.open` is replaced (to record it).

Each test is a plain function running its coroutine with `asyncio.run` (no pytest-asyncio).
"""

from __future__ import annotations

import asyncio
import gc
import html
import re
import threading
import webbrowser
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.demo.server import DemoServer, start_demo_server
from reader.library import Library
from reader.marks import OFFLINE_MARK
from reader.models import Article, Block, BlockKind, Entry, Feed, Inline
from reader.reports import FeedResult
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.browser import NO_BROWSER_HINT
from reader.ui.dialogs.help import HelpScreen
from reader.ui.headlines import HeadlineIndex
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article.article_body import ArticleBody
from reader.ui.widgets.main.feed_list import FeedList
from reader.ui.widgets.main.headline_table import HeadlineTable
from tests.no_network import subscribe_elsewhere
from tests.tui_pilot import (
    burst,
    first_article_row,
    keys_handled,
    notices,
    notices_raised,
    on_top,
    open_row,
    reading,
    running,
    screen_segments,
    screen_text,
    started,
    subscribe,
    table,
    until,
)

SIZE = (120, 40)


@pytest.fixture
def subscribed_dir(data_dir: Path, demo_server: DemoServer) -> Path:
    """Subscribed to every demo feed, nothing fetched yet."""
    lib = Library(data_dir)
    for url in demo_server.feed_urls:
        lib.add_feed(url)
    lib.close()
    return data_dir


# -- reading -----------------------------------------------------------------------------------
def test_keys_typed_after_q_start_nothing_and_leave_no_warning(subscribed_dir: Path) -> None:
    """Typing ahead past `q` ("q s S"): the keys after it reach the app as it closes; the jobs
    they ask for must not start, or be left to print "coroutine … was never awaited" on the
    terminal after the reader has gone (seen in tmux)."""
    import inspect

    async def run() -> None:
        app = ReaderApp(subscribed_dir, refresh_on_start=False)
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            app.exit()
            job = app._sync()
            app.action_sync()  # what "S" does
            app._run(job, "sync", exclusive=True)
            assert inspect.getcoroutinestate(job) == inspect.CORO_CLOSED
            assert not [w for w in app.workers if w.group == "sync"]

    asyncio.run(run())


def test_a_job_cancelled_before_it_began_leaves_no_warning(subscribed_dir: Path) -> None:
    """A refresh ending as its first feed came in cancelled the list's filling before its
    worker ran: its coroutine, never begun, printed "coroutine 'ReaderAppFill._fill' was
    never awaited" at the app's end (a CI's warning)."""
    import gc
    import inspect
    import warnings

    async def run() -> None:
        app = ReaderApp(subscribed_dir, refresh_on_start=False)
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            job = app._fill(object())
            app._run(job, "fill")
            app.workers.cancel_group(app, "fill")  # before the worker's first step
            await pilot.pause()
            with warnings.catch_warnings(record=True) as said:
                warnings.simplefilter("always")
                gc.collect()
            assert not [w for w in said if "never awaited" in str(w.message)]
            assert inspect.getcoroutinestate(job) == inspect.CORO_CLOSED

    asyncio.run(run())


def test_read_the_demo_news(subscribed_dir: Path) -> None:
    async def run() -> None:
        app = ReaderApp(subscribed_dir)
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            # (The status line moves on quickly once prefetching ends; the feeds keep the record.)
            await until(pilot, lambda: len(table(app).rows) >= 20, "the first refresh")
            await until(pilot, lambda: all(f.last_success for f in app.index.feeds), "3 feeds")
            assert not any(f.last_error for f in app.index.feeds)
            rows = table(app).rows
            assert len(rows) >= 20
            text = screen_text(app)
            for source in ("The Harbour Gazette", "Northwind Tech Review", "Вечерний Вестник"):
                assert source in text
            assert "All feeds" in text

            # Enter opens an article: its text is shown, the page's boilerplate is not.
            position = first_article_row(app)
            entry = rows[position].entry
            screen = await open_row(pilot, position)
            body = screen.query_one(ArticleBody)
            assert entry.title in body.text
            assert len(body.text.split()) > 80
            assert "cookie" not in body.text.lower()
            assert "Fetching" not in body.text
            assert app.index.get(entry.id).read  # opening marks it read

            # n / p walk the list the article was opened from.
            following = screen.headlines[position + 1].entry
            # Each key handled before its effect is looked for: a key held by the reader (an
            # article still being drawn) left `screen.loaded` true of the one before it.
            await pilot.press("n")
            await keys_handled(pilot)
            await until(pilot, lambda: screen.loaded, "the next article")
            assert screen.headline.entry.id == following.id
            assert following.title in body.text
            await pilot.press("p")
            await keys_handled(pilot)
            await until(pilot, lambda: screen.loaded, "the previous article")
            assert screen.headline.entry.id == entry.id
            assert entry.title in body.text

            # m toggles read in the reading view; the main list follows.
            await pilot.press("m")
            await keys_handled(pilot)
            assert not app.index.get(entry.id).read
            await pilot.press("m")
            await keys_handled(pilot)
            assert app.index.get(entry.id).read

            # Esc goes back with the cursor on the article read last.
            await pilot.press("escape")
            await keys_handled(pilot)
            assert isinstance(app.screen, MainScreen)
            assert table(app).current.entry.id == entry.id
            await pilot.press("m")
            await keys_handled(pilot)
            assert not table(app).current.read
            assert not app.index.get(entry.id).read

            # ? shows every key.
            await pilot.press("question_mark")
            await keys_handled(pilot)
            assert isinstance(app.screen, HelpScreen)
            help_text = screen_text(app)
            # It scrolls with the vim-like keys, as everything else does.
            panel = app.screen.query_one("#help-panel")
            assert panel.max_scroll_y > 0
            while panel.scroll_y < panel.max_scroll_y:  # every key, a page at a time
                await pilot.press("space")
                await keys_handled(pilot)
                help_text += screen_text(app)
            await pilot.press("g", "G")
            await keys_handled(pilot)
            assert panel.scroll_y == panel.max_scroll_y
            for words in (
                "next / previous article",
                "next / previous unread",
                "sync: refresh",
                "available offline",
                "Tab",
                "find articles by their text or byline",
            ):
                assert words in help_text
            await pilot.press("g", "j", "j")
            await keys_handled(pilot)
            assert panel.scroll_y == 2
            await pilot.press("k")
            await keys_handled(pilot)
            assert panel.scroll_y == 1
            # What it lists under "Everywhere" works from it too. (After the start's own
            # refresh, which `r` would only be told is running; and its result is watched for as
            # it comes, as a prefetch's arrival may put the idle counts over its line at once.)
            await until(pilot, lambda: not app._busy, "the start's refresh to end")
            refreshed: list[str] = []
            summary = app._refresh_summary

            def summed(results: list[FeedResult]) -> str:
                refreshed.append(summary(results))
                return refreshed[-1]

            app._refresh_summary = summed  # type: ignore[method-assign]
            await pilot.press("r")
            await until(pilot, lambda: bool(refreshed), "r's refresh")
            assert refreshed[0].startswith("Refreshed ")
            assert isinstance(app.screen, HelpScreen)
            await until(pilot, lambda: not app._busy, "the refresh to end")
            await pilot.press("escape")
            await keys_handled(pilot)
            assert isinstance(app.screen, MainScreen)

            # Selecting a feed shows only its headlines; Tab moves between the panes.
            await pilot.press("tab")
            await keys_handled(pilot)
            assert isinstance(app.focused, FeedList)
            await pilot.press("j", "j")  # past "Saved"
            await keys_handled(pilot)
            only = {h.entry.feed_url for h in table(app).rows}
            assert len(only) == 1
            await pilot.press("q")
        assert app.library is None  # closed on exit

    asyncio.run(run())


def test_click_feed_and_headline(synced_dir: Path) -> None:
    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            # The feed list: "All feeds" on line 1, "Saved" on line 2, the first feed on line 3
            # (inside the border).
            await pilot.click(FeedList, offset=(5, 3))
            await pilot.pause()
            urls = {h.entry.feed_url for h in table(app).rows}
            assert urls == {app.index.feeds[0].url}
            await pilot.click(HeadlineTable, offset=(40, 2))
            await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "a click to open")

    asyncio.run(run())


def test_the_headlines_page_with_the_reading_view_s_keys(synced_dir: Path) -> None:
    """Space pages the headlines down as in the reading view; `b` (and Ctrl-F / Ctrl-B) must
    page them too, or space is a one-way trip."""

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(100, 16)) as pilot:
            await started(pilot)
            headlines = table(app)
            await pilot.press("space")
            page = headlines.cursor
            assert 0 < page < len(headlines.rows) - 1
            await pilot.press("b")
            assert headlines.cursor == 0
            await pilot.press("ctrl+f")
            assert headlines.cursor == page
            await pilot.press("ctrl+b")
            assert headlines.cursor == 0

    asyncio.run(run())


def test_keys_typed_while_the_headlines_load_act_on_them(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`j j Enter` typed as the reader starts, before its headlines are read from the store,
    opens the third headline: the keys were lost ("Loading headlines…" had no rows to move
    on), and the user was left on the first."""
    loaded = threading.Event()
    load = HeadlineIndex.first  # the start's read (the newest first)

    def held(library: Library, count: int, unread_only: bool, *order: str) -> HeadlineIndex:
        loaded.wait(10)  # until the keys are in
        return load(library, count, unread_only, *order)

    monkeypatch.setattr(HeadlineIndex, "first", held)

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "j", "enter")
            assert not table(app).rows
            loaded.set()
            await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "the reading view")
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            assert screen.position == 2
            assert (
                screen.headline.entry.id
                == app.main_screen.query_one(HeadlineTable).rows[2].entry.id
            )

    asyncio.run(run())


def test_a_notice_said_again_replaces_the_one_shown(synced_dir: Path) -> None:
    """`n` held down at the last article says "That was the last article" once, not once a
    key: twenty copies stacked up the screen over the text for five seconds."""

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        # The notices shown are counted: their own 5 s ran out before a loaded machine's look.
        app.NOTIFICATION_TIMEOUT = 3600
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await started(pilot)
            await open_row(pilot, len(table(app).rows) - 1)
            burst(app, "n" * 20)
            await until(pilot, lambda: bool(notices(app)), "the notice")
            await pilot.pause()
            await pilot.pause()
            assert notices(app) == ["That was the last article of the list."]
            await pilot.press("p")  # another notice, or none, still shows beside it
            await pilot.press("m")
            await until(pilot, lambda: len(notices(app)) == 2, "the second notice")

    asyncio.run(run())


# -- offline -----------------------------------------------------------------------------------
def test_offline_cached_opens_uncached_says_so(data_dir: Path, browser: list[str]) -> None:
    server = start_demo_server()
    try:
        cached = subscribe(data_dir, server.feed_urls, fetch_articles=1)[0]
        subscribe_elsewhere(data_dir)  # on another host: not one site down
    finally:
        server.stop()  # from here on the sites are gone: the network is "down"

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await started(pilot)
            rows = table(app).rows
            position = next(i for i, h in enumerate(rows) if h.entry.id == cached.id)
            assert rows[position].cached
            assert sum(h.cached for h in rows) == 1

            screen = await open_row(pilot, position)
            assert cached.title in screen.query_one(ArticleBody).text
            await pilot.press("o")  # the original opens in the browser, and we are told
            assert browser == [cached.link]
            await until(
                pilot, lambda: "Opened in your browser" in screen_text(app), "the notification"
            )
            await pilot.press("escape")

            # An article never synced shows what its feed carried, saying why; it stays unread,
            # to be read once the network is back.
            uncached = next(
                i for i, h in enumerate(rows) if not h.cached and not h.entry.link.endswith(".pdf")
            )
            entry = rows[uncached].entry
            screen = await open_row(pilot, uncached)
            body = screen.query_one(ArticleBody)
            assert "Traceback" not in body.text
            note = next(line for line in body.text.splitlines() if "the feed carried" in line)
            assert note.startswith("Cannot connect") and "Press o for the original" in note
            # The feed's text as words (a plain-text summary is kept as HTML paragraphs).
            summary = html.unescape(re.sub(r"<[^>]+>", " ", entry.summary)).split()
            assert " ".join(summary[:8]) in " ".join(body.text.split())
            assert not app.index.get(entry.id).read
            await pilot.press("escape")

            # Refreshing without a network fails quickly, and says so once: no feed is marked
            # failing for the network's absence.
            await pilot.press("r")
            await until(pilot, lambda: app.status.startswith("No connection"), "the refresh")
            assert app.status == (
                "No connection: nothing refreshed; the 1 cached article stays readable"
            )
            await pilot.pause()
            assert not any(f.last_error for f in app.index.feeds)
            assert "failing" not in app.summary()

    asyncio.run(run())


def test_an_article_pruned_by_another_process_loses_its_offline_mark(data_dir: Path) -> None:
    """`reader cache prune` in another terminal while the reader is open, offline: the row
    still says ↓ until opening it finds the article gone; from then on it doesn't."""
    server = start_demo_server()
    try:
        cached = subscribe(data_dir, server.feed_urls, fetch_articles=2)[0]
    finally:
        server.stop()  # offline from here on

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        # No look at the store by the clock: past its 5 s (a busy machine's open_row), it saw
        # the prune, and the other article's mark went too (0 cached, not the 1 asserted).
        app.outside_every = 3600.0
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            rows = table(app).rows
            position = next(i for i, h in enumerate(rows) if h.entry.id == cached.id)
            entry = rows[position].entry
            assert rows[position].cached and app.index.cached == 2
            other = Library(data_dir)  # the other process's prune
            try:
                other.prune(max_bytes=0)
            finally:
                other.close()
            await open_row(pilot, position)
            await pilot.press("escape")
            await pilot.pause()
            assert not app.index.get(entry.id).cached
            assert app.index.cached == 1  # what the reader still believes: the other isn't opened
            row = next(line for line in screen_text(app).splitlines() if entry.title[:30] in line)
            assert OFFLINE_MARK not in row

    asyncio.run(run())


def test_only_web_links_open_in_the_browser(synced_dir: Path, browser: list[str]) -> None:
    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await started(pilot)
            app.open_original("javascript:alert(1)")
            app.open_original("file:///etc/passwd")
            await until(pilot, lambda: "no web address" in screen_text(app), "the notification")
            assert browser == []

    asyncio.run(run())


def test_o_with_no_browser_says_how_to_name_one(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A terminal session with no browser (no display, none installed): `o` says so and how
    to get one, not only that it failed."""
    monkeypatch.setattr(webbrowser, "open", lambda url, *args, **kwargs: False)

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await started(pilot)
            link = table(app).current.entry.link
            raised = notices_raised(app)
            await pilot.press("o")  # the address read off the event loop, then the notice
            said = f"No browser could open {link}. {NO_BROWSER_HINT}"
            await until(pilot, lambda: raised[-1:] == [said], "the notice")
            assert "BROWSER environment variable" in NO_BROWSER_HINT

    asyncio.run(run())


# -- sync --------------------------------------------------------------------------------------
def test_sync_saves_everything_for_offline(data_dir: Path, demo_server: DemoServer) -> None:
    subscribe(data_dir, demo_server.feed_urls)

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        app.prefetch_limit = 0  # only the sync may fill the cache here
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            assert not any(h.cached for h in table(app).rows)
            assert OFFLINE_MARK not in screen_text(app)
            seen: list[str] = []
            thresholds = gc.get_threshold()
            during: list[int] = []

            def status_shown(status: str) -> None:
                seen.append(status)
                if status.startswith("Syncing: ") and " articles " in status:
                    during.append(gc.get_threshold()[2])

            app.watch(app, "status", status_shown)
            await pilot.press("S")
            await until(pilot, lambda: app.status.startswith("Synced"), "the sync")
            await pilot.pause()
            # No automatic full garbage collection (a stall of tens of ms) while it ran; the
            # thresholds are back once it is done.
            assert during and all(gen2 > 1000 for gen2 in during)
            assert gc.get_threshold() == thresholds
            # Articles are fetched while feeds are still coming in: both counts are shown.
            assert any(s.startswith("Syncing: ") and " articles " in s for s in seen)
            # Then what its end waits for, the search index taking in what it cached.
            indexing = [s for s in seen if s.startswith("Indexing ")]
            assert indexing and indexing[0].endswith(" new articles for search…")
            # The demo's PDF is named in the summary, not counted as a failure.
            assert "· 1 link is not an article page" in app.status
            assert "failed" not in app.status
            articles = [h for h in table(app).rows if not h.entry.link.endswith(".pdf")]
            assert articles and all(h.cached for h in articles)
            assert screen_text(app).count(OFFLINE_MARK) >= len(articles)

    asyncio.run(run())


# -- safety ------------------------------------------------------------------------------------
HOSTILE_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Evil [bold]Feed[/] \x1b]0;pwned\x07News</title><link>{base}/</link>
<item><title>[bold]x[/] and [@click=app.quit]click me[/]</title><link>{base}/a</link>
<guid>a</guid><pubDate>Tue, 12 Mar 2024 09:30:00 GMT</pubDate><author>m@x (Mallory [red]M[/])</author></item>
<item><title>\x1b]0;pwned\x07Title with \x1b[31mred\x1b[0m</title><link>{base}/b</link>
<guid>b</guid><pubDate>Mon, 11 Mar 2024 09:30:00 GMT</pubDate></item>
</channel></rss>"""

HOSTILE_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>[bold]x[/]</title></head>
<body><article><h1>[bold]x[/] and [@click=app.quit]click me[/]</h1>
<p>First paragraph with [link=https://evil.example]a fake link[/link] and [@click=app.quit]quit[/] in it,
long enough to count as the article body for the extractor, which wants some real prose here.</p>
<p>Second paragraph carrying an escape &#27;]0;pwned&#7; sequence and more words so that it reads
like an article: the reader must show all of this literally and never act on any of it.</p>
<p>Third paragraph, just more text so that the extraction keeps this as the main content of the page
and does not fall back to the summary from the feed.</p>
</article></body></html>"""


def test_markup_and_escapes_from_a_feed_show_literally(
    data_dir: Path, httpserver: HTTPServer
) -> None:
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed.xml").respond_with_data(
        HOSTILE_FEED.format(base=base).encode(), content_type="application/rss+xml"
    )
    for path in ("/a", "/b"):
        httpserver.expect_request(path).respond_with_data(
            HOSTILE_PAGE, content_type="text/html; charset=utf-8"
        )
    lib = Library(data_dir)
    lib.add_feed(f"{base}/feed.xml")
    lib.close()

    async def run() -> None:
        app = ReaderApp(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            await until(pilot, lambda: len(table(app).rows) == 2, "the refreshed headlines")
            await pilot.pause()
            text = screen_text(app)
            assert "[bold]x[/] and [@click=app.quit]click me[/]" in text
            assert "Evil [bold]Feed[/] News" in text  # feed list and the table's title
            assert "Title with red" in text
            raw = screen_segments(app)
            assert "\x1b" not in raw and "\x07" not in raw and "pwned" not in raw

            # Clicking the hostile headline opens it (and does not quit the app).
            row = next(i for i, h in enumerate(table(app).rows) if h.entry.link.endswith("/a"))
            await pilot.click(HeadlineTable, offset=(60, 1 + row))
            await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "the reading view")
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            await until(pilot, lambda: screen.loaded, "the article")
            await pilot.pause()
            text = screen_text(app)
            assert "[@click=app.quit]click me[/]" in text
            assert "[link=https://evil.example]a fake link[/link]" in text
            raw = screen_segments(app)
            # The page's &#27; and &#7; are dropped when it is decoded (no parser tree may hold
            # them), so what is left of that sequence is inert text.
            assert "\x1b" not in raw and "\x07" not in raw
            assert app.is_running

    asyncio.run(run())


def test_hostile_text_already_in_the_store_is_cleaned(data_dir: Path) -> None:
    """Even text that reached the store unfiltered is cleaned by the UI before display."""
    url = "http://127.0.0.1:9/feed.xml"  # port 9: nothing listens, nothing is fetched
    title = "\x1b]0;pwned\x07[b]Bold?[/b] \x1b[31mred\x1b[0m \x1b]8;;http://evil\x07link\x1b]8;;\x07 \x9b2J"
    store = Store(data_dir)
    store.add_feed(url)
    store.put_feed(Feed(url, title="Feed \x1b]0;pwned\x07[i]title[/i]", last_error="boom \x1b[2J"))
    entry = Entry(
        "e1",
        url,
        title,
        "http://127.0.0.1:9/a",
        datetime(2024, 3, 12, tzinfo=UTC),
        feed_title="Feed \x07[i]",
    )
    store.merge_entries(url, [entry])
    blocks = (
        Block(BlockKind.PARAGRAPH, (Inline("Body \x1b[2J[red]text[/red]\x1b]52;c;aGk=\x07"),)),
    )
    store.put_article(entry.link, Article(entry.link, title=title, blocks=blocks))
    store.close()

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            assert "[b]Bold?[/b] red link" in screen_text(app)
            assert "[i]title[/i]" in screen_text(app)
            assert not any(c in screen_segments(app) for c in "\x1b\x07\x9b")
            screen = await open_row(pilot, 0)
            await pilot.pause()
            assert "Body [red]text[/red]" in screen_text(app)
            assert not any(c in screen_segments(app) for c in "\x1b\x07\x9b")
            assert "pwned" not in screen_segments(app)
            assert screen.is_attached

    asyncio.run(run())


# -- speed -------------------------------------------------------------------------------------
def test_ten_thousand_headlines_and_a_long_article_work(data_dir: Path) -> None:
    """The big cases behave; how fast they are is measured by benchmarks/tui_headlines.py and
    tui_reading.py, never asserted here (a shared machine's timings are noise)."""
    url = "http://127.0.0.1:9/big.xml"
    start = datetime(2024, 3, 12, 12, tzinfo=UTC)
    entries = [
        Entry(
            f"{i:012x}",
            url,
            f"Headline number {i}",
            f"http://127.0.0.1:9/{i}",
            start - timedelta(minutes=i),
            feed_title="Big",
        )
        for i in range(10_000)
    ]
    words = "The council met late into the night to argue over the harbour budget and its ferries."
    long_article = Article(
        entries[0].link,
        title="A very long read",
        blocks=tuple(Block(BlockKind.PARAGRAPH, (Inline(f"{words} " * 6),)) for _ in range(110)),
    )
    assert long_article.word_count > 10_000
    store = Store(data_dir)
    store.add_feed(url)
    store.put_feed(Feed(url, title="Big"))
    import reader.store.feeds

    limit, reader.store.feeds.MAX_ENTRIES_PER_FEED = reader.store.feeds.MAX_ENTRIES_PER_FEED, 20_000
    try:
        store.merge_entries(url, entries)
    finally:
        reader.store.feeds.MAX_ENTRIES_PER_FEED = limit
    store.put_article(entries[0].link, long_article)
    store.close()

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            assert len(table(app).rows) == 10_000
            await pilot.press("G")
            assert table(app).cursor == 9_999
            assert "Headline number 9999" in screen_text(app)
            await pilot.press("g", "j", "j")
            assert table(app).cursor == 2

            screen = await open_row(pilot, 0)
            body = screen.query_one(ArticleBody)
            body.show_article(entries[0], long_article)
            await until(pilot, lambda: "A very long read" in screen_text(app), "the long read")
            # A long text is laid out in slices: `G` goes to its end once they are all in.
            await until(pilot, lambda: not body.laying_out, "the text laid out")
            await pilot.press("G")
            await until(pilot, lambda: body.scroll_y > 500, "its end")

    asyncio.run(run())


def test_headline_rows_drawn_directly_match_rich_text(synced_dir: Path) -> None:
    """Rows are drawn as segments without `rich.text.Text` (a page of new rows in one frame):
    the same cells and styles as the `Text` path, whatever the width, the script or the flags."""
    from dataclasses import replace

    from reader.reports import Headline

    titles = [
        "Short",
        "",
        "A long headline " * 12,
        "漢字のとても長い見出しが端で切れるかどうか" * 3,
        "Ширина колонки и кириллица в заголовке новости, которая длиннее строки",
        "wide at the edge: " + "界" * 60,
    ]

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            widget = table(app)
            base = widget.rich_style
            entry = widget.rows[0].entry
            compared = 0
            for number, title in enumerate(titles):
                feed_title = "新聞 · A feed whose title is long" if number % 2 else entry.feed_title
                headline = Headline(
                    replace(entry, title=title, feed_title=feed_title),
                    read=number % 2 == 0,
                    cached=number % 3 == 0,
                    saved=number % 4 == 0,
                )
                for width in (38, 39, 40, 41, 47, 60, 80, 81, 118, 200):
                    for cursor in (False, True):
                        fast = widget._render_row(headline, width, cursor, base)
                        reference = widget._render_row_text(headline, width, cursor, base)
                        assert fast.cell_length == width
                        assert list(fast) == list(reference), (title, width, cursor)
                        compared += 1
            assert compared == len(titles) * 10 * 2

    asyncio.run(run())


def test_s_saves_for_good_and_says_why_not_offline(data_dir: Path) -> None:
    server = start_demo_server()
    try:
        cached = subscribe(data_dir, server.feed_urls, fetch_articles=1)[0]
    finally:
        server.stop()  # offline: a save that needs a download fails, in one line

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await started(pilot)
            rows = table(app).rows
            position = next(i for i, h in enumerate(rows) if h.entry.id == cached.id)
            table(app).cursor = position
            await pilot.press("s")
            await until(pilot, lambda: app.lib.is_saved(cached), "the save")
            await until(pilot, lambda: table(app).rows[position].saved, "the ★ marker")
            assert "★" in screen_text(app)
            await pilot.press("s")
            await until(pilot, lambda: not app.lib.is_saved(cached), "the unsave")

            # Offline, one not cached is saved all the same, for the next sync to fetch
            # (it was refused, "Not saved: …": acc31c W8).
            uncached = next(i for i, h in enumerate(rows) if not h.cached and h.entry.link)
            table(app).cursor = uncached
            await pilot.press("s")
            await until(pilot, lambda: "Saved, not fetched yet" in screen_text(app), "its line")
            assert app.lib.is_saved(rows[uncached].entry) and app.is_running

    asyncio.run(run())


def test_headline_index_keeps_its_counts_with_every_edit(synced_dir: Path) -> None:
    """The status line's and titles' counts are kept by the index (not recounted per key):
    after any edits they equal a recount."""
    from collections import Counter

    from reader.library import Library
    from reader.ui.headlines import HeadlineIndex

    lib = Library(synced_dir)
    try:
        index = HeadlineIndex.load(lib)
    finally:
        lib.close()
    ids = [h.entry.id for h in index.headlines]
    for entry_id in ids[:5]:
        index.set_read(entry_id, True)
    index.set_read(ids[0], False)
    index.set_read(ids[1], True)  # twice: counted once
    uncached = [h.entry.id for h in index.headlines if not h.cached]
    for entry_id in uncached[:2]:
        index.set_cached(entry_id)
    assert index.unread_in(None) == sum(not h.read for h in index.headlines)
    assert index.cached == sum(h.cached for h in index.headlines)
    recount = Counter(h.entry.feed_url for h in index.headlines if not h.read)
    assert index.unread_counts() == recount
    feed = index.headlines[0].entry.feed_url
    assert index.unread_in(feed) == recount[feed] and index.unread_in(None) == recount.total()


def test_the_help_panel_pages_with_the_keys_it_lists(synced_dir: Path) -> None:
    """The help lists Space / b, Ctrl-F / Ctrl-B and Ctrl-D / Ctrl-U, and is a few pages long on a
    small terminal, but only j / k and g / G moved it: the others did nothing."""

    async def run() -> None:
        async with running(synced_dir, (80, 24)) as (app, pilot):
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            panel = app.screen.query_one("#help-panel")
            page = panel.scrollable_content_region.height
            assert panel.max_scroll_y > 2 * page
            for key, y in [
                ("space", page),
                ("ctrl+f", 2 * page),
                ("b", page),
                ("ctrl+b", 0),
                ("ctrl+d", page // 2),
                ("ctrl+u", 0),
                ("j", 1),
                ("G", panel.max_scroll_y),
                ("k", panel.max_scroll_y - 1),
                ("home", 0),
            ]:
                await pilot.press(key)
                await pilot.pause()
                assert panel.scroll_y == y, key

    asyncio.run(run())


def test_a_burst_of_keys_scrolls_the_help_by_each_of_them(synced_dir: Path) -> None:
    """Ten `j` arriving at once (a paste, a held key over SSH) moved the help one line: each
    scroll asked where the panel was before the last one had moved it."""

    async def run() -> None:
        async with running(synced_dir, (80, 24)) as (app, pilot):
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            panel = app.screen.query_one("#help-panel")
            assert panel.max_scroll_y > 12
            burst(app, "jjjjjjjjjj")
            await until(pilot, lambda: panel.scroll_y >= 10, "ten lines down")
            await pilot.pause()
            assert panel.scroll_y == 10

    asyncio.run(run())


def test_the_help_lists_home_end_in_an_article_and_the_quit_key(synced_dir: Path) -> None:
    """Home / End work in an article but the help listed only g / G there; Ctrl-Q, which
    quits from anywhere (Textual's Ctrl-C says to press it), was nowhere in it."""
    from reader.ui.dialogs.help import KEYS

    sections = dict(KEYS)
    assert any("Home / End" in key for key, _ in sections["Reading"])
    assert any(key.startswith("Ctrl-Q") for key, _ in sections["Everywhere"])

    async def run() -> None:
        async with reading(synced_dir, "Silt Ledger") as (app, pilot, body):
            # A long text is laid out in slices: End goes to its end once they are all in.
            await until(pilot, lambda: not body.laying_out, "the text laid out")
            await pilot.press("end")
            await until(pilot, lambda: body.scroll_y == body.max_scroll_y > 0, "the end")
            await pilot.press("home")
            await until(pilot, lambda: body.scroll_y == 0, "the top")
            await pilot.press("question_mark")
            await on_top(pilot, HelpScreen, "the help")
            # Drawn a refresh after it is on top: later than a pause on a busy machine.
            await until(pilot, lambda: "Ctrl-Q" in screen_text(app), "the help drawn")
            for _ in range(8):  # its Reading section a page or two below Everywhere's keys
                if "g / G, Home / End" in screen_text(app):
                    break
                await pilot.press("space")
                await pilot.pause()
            assert "g / G, Home / End" in screen_text(app)
            await pilot.press("ctrl+q")
            await until(pilot, lambda: not app.is_running, "the reader to quit")

    asyncio.run(run())
