"""The first screen does not wait for every headline: the start reads the newest of "All feeds"
(`Library.first_headlines`, each feed's list decoded only as far as they need), draws them, and
reads the rest after, in a thread; they join the list with the cursor and the view where the
user has them, the feed list's counts and the status line's coming with them. Meanwhile j/k,
Enter and `m` act on the rows shown; a key that needs every headline (`G`, `/`, `A`…) says it
waits, and acts once they are in, the keys after it behind it."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

import reader.ui.app as app_module
from reader.keys import entry_id
from reader.library import Library
from reader.models import Article, Block, BlockKind, Entry, Feed, Inline
from reader.reports import Headline, newest_first
from reader.store import Store
from reader.ui.app import WAITING_FOR_THE_REST, ReaderApp
from reader.ui.app_headlines import READING_THE_REST
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.main_unread import COUNTING, FEEDS
from reader.ui.widgets.article.search_bar import SearchBar
from reader.ui.widgets.main.feed_list import FeedList
from tests.test_streamed_list import library_dir  # noqa: F401 — a fixture
from tests.tui_pilot import WAIT, burst, keys_handled, notices_raised, status, table, until

FEEDS_N, ITEMS = 4, 30
_BASE = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
_HOST = "http://127.0.0.1:9"  # the discard port: nothing answers, nothing is fetched


def _library(data_dir: Path) -> None:
    """FEEDS_N feeds of ITEMS headlines each, their dates interleaved (a tie between two feeds
    among them), every seventh read, every fifth cached."""
    lib = Library(data_dir, workers="thread")
    try:
        for f in range(FEEDS_N):
            url = f"{_HOST}/feed-{f}/rss.xml"
            lib.add_feed(url)
            lib.store.put_feed(Feed(url, title=f"Feed {f}", last_success=_BASE))
            entries = []
            for i in range(ITEMS):
                link = f"{_HOST}/feed-{f}/story-{i}.html"
                minutes = i * FEEDS_N + (f if i != 3 else 0)  # item 3 of every feed: a tie
                entries.append(
                    Entry(
                        id=entry_id(url, link),
                        feed_url=url,
                        title=f"Story {i} of feed {f}",
                        link=link,
                        published=_BASE - timedelta(minutes=minutes),
                        feed_title=f"Feed {f}",
                    )
                )
            lib.store.merge_entries(url, entries)
            for i, entry in enumerate(entries):
                if (i + f) % 7 == 2:
                    lib.store.set_read(entry, True)
                if (i + f) % 5 == 1:
                    body = (Block(BlockKind.PARAGRAPH, (Inline("The council met."),)),)
                    lib.store.put_article(entry.link, Article(entry.link, entry.title, blocks=body))
    finally:
        lib.close()


def _ids(headlines: list[Headline]) -> list[str]:
    return [h.entry.id for h in headlines]


@pytest.fixture
def generated_dir(tmp_path: Path) -> Path:
    _library(tmp_path)
    return tmp_path


@pytest.mark.parametrize("unread_only", [False, True])
def test_the_first_headlines_are_the_lists_first(generated_dir: Path, unread_only: bool) -> None:
    lib = Library(generated_dir, workers="thread")
    try:
        whole = lib.headlines(unread_only=unread_only)
        for count in (1, 4, 5, 37, len(whole) - 1):
            first, unlisted = lib.first_headlines(count, unread_only)
            assert _ids(first) == _ids(whole[:count])
            assert unlisted is None  # there are more
        first, unlisted = lib.first_headlines(len(whole) + 10, unread_only)
        assert _ids(first) == _ids(whole)
        # Every headline made: the saved articles no feed lists come with them (none here),
        # unless read ones were left out (a list shown unread only is read whole after).
        assert (unlisted is None) == unread_only
    finally:
        lib.close()


def test_an_undated_headline_its_page_dates_is_first_where_the_whole_list_has_it(
    library_dir: Path,  # noqa: F811 — the fixture imported above
) -> None:
    """A feed that leaves items undated has them listed by their cached pages' dates, anywhere
    in the list (the newest here): its records are not in the list's order, and it is read
    whole for the first headlines, which are the list's first all the same."""
    lib = Library(library_dir, workers="thread")
    try:
        for unread_only in (False, True):
            whole = lib.headlines(unread_only=unread_only)
            assert whole[0].entry.title == "Survey of the lane due next month"  # page-dated
            for count in range(1, len(whole) + 1):
                assert _ids(lib.first_headlines(count, unread_only)[0]) == _ids(whole[:count])
    finally:
        lib.close()


def test_a_feed_kept_out_of_order_or_damaged_gives_a_list_in_order(generated_dir: Path) -> None:
    """One feed's records in reverse (some other reader's writing), another's damaged after its
    fifth: the first headlines are still in the list's order, and say there are more (read
    whole, the list puts the one and drops the other as it always has)."""
    store = Store(generated_dir)
    try:
        urls = store.feed_urls()
        records = json.loads(store._state.get(f"entries:{urls[0]}"))
        store._save(store._state, f"entries:{urls[0]}", records[::-1])
        text = store._state.get(f"entries:{urls[1]}")
        cut = [m.start() for m in re.finditer(r',\{"id"', text)][4]
        store._state.set(f"entries:{urls[1]}", text[:cut] + ",{broken")
    finally:
        store.close()
    lib = Library(generated_dir, workers="thread")
    try:
        first, unlisted = lib.first_headlines(10_000)
        places = [newest_first(h) for h in first]
        assert places == sorted(places) and unlisted is None
        assert len({h.entry.feed_url for h in first}) == FEEDS_N
    finally:
        lib.close()


class _Gated(ReaderApp):
    """The reader, its rest of the headlines read once the test lets it (`rest_may_come`)."""

    CSS_PATH = str(Path(app_module.__file__).with_name(ReaderApp.CSS_PATH))  # not beside this file

    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir, refresh_on_start=False)
        self.rest_may_come = asyncio.Event()
        self.first_rows = 40

    async def load_rest(self) -> None:
        await self.rest_may_come.wait()
        await super().load_rest()


def _every_headline(directory: Path) -> list[Headline]:
    """The headlines of `directory`'s list, every one, in its order."""
    lib = Library(directory, workers="thread")
    try:
        return lib.headlines()
    finally:
        lib.close()


async def _first_shown(pilot: Pilot[object]) -> _Gated:
    app = pilot.app
    assert isinstance(app, _Gated)
    await until(pilot, lambda: bool(table(app).rows), "the first headlines")
    await pilot.pause()
    return app


def test_the_newest_show_first_and_the_rest_joins_them_where_the_user_is(
    generated_dir: Path,
) -> None:
    whole = _every_headline(generated_dir)

    async def run() -> None:
        app = _Gated(generated_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await _first_shown(pilot)
            rows = table(app)
            assert _ids(rows.rows) == _ids(whole[:40])  # the newest 40, in the list's order
            assert not app.index.whole and not app.ready.is_set()
            assert status(app) == READING_THE_REST
            assert app.main_screen.query_one(FeedList).border_title == COUNTING
            assert "reading the rest" in str(rows.border_title)
            # Keys act on the rows shown meanwhile: down past a screenful, `m` on one.
            for _ in range(30):
                await pilot.press("j")
            await pilot.press("m")
            await pilot.pause()
            marked = rows.rows[30]
            assert marked.entry.id == whole[30].entry.id and marked.read != whole[30].read
            top = rows.scroll_y
            assert top > 0

            app.rest_may_come.set()
            await asyncio.wait_for(app.ready.wait(), WAIT)
            await pilot.pause()
            assert app.index.whole
            assert _ids(rows.rows) == _ids(whole)
            assert rows.cursor == 30 and rows.scroll_y == top  # nothing moved under the user
            assert rows.rows[30].read == marked.read  # the mark made meanwhile kept
            read_now = {h.entry.id: h.read for h in whole} | {marked.entry.id: marked.read}
            unread = sum(not r for r in read_now.values())
            assert status(app).startswith(f"{unread} unread of {len(whole)}")
            feeds = app.main_screen.query_one(FeedList)
            assert feeds.border_title == FEEDS
            counts = {url: n for url, _title, n, *_marks in feeds._shown[1]}
            expected: dict[str, int] = {}
            for h in whole:
                if not read_now[h.entry.id]:
                    expected[h.entry.feed_url] = expected.get(h.entry.feed_url, 0) + 1
            assert counts == expected

    asyncio.run(run())


def test_a_key_needing_every_headline_waits_for_them_and_enter_does_not(
    generated_dir: Path,
) -> None:
    whole = _every_headline(generated_dir)

    async def run() -> None:
        app = _Gated(generated_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await _first_shown(pilot)
            rows = table(app)
            # Enter on a headline shown opens it now.
            await pilot.press("j", "enter")
            await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "the article")
            shown = app.screen
            assert shown.headlines[shown.position].entry.id == whole[1].entry.id
            await pilot.press("q")
            await until(pilot, lambda: app.screen is app.main_screen, "the headlines")
            # G needs the oldest: it says it waits, and the k after it waits behind it.
            raised = notices_raised(app)  # its 3 s can run out before a loaded machine's look
            await pilot.press("G", "k")
            await pilot.pause()
            assert WAITING_FOR_THE_REST in raised
            assert rows.cursor == 1
            app.rest_may_come.set()
            await asyncio.wait_for(app.ready.wait(), WAIT)
            await until(pilot, lambda: rows.cursor == len(whole) - 2, "G, then k")
            assert rows.current is not None and rows.current.entry.id == whole[-2].entry.id

    asyncio.run(run())


def test_a_key_typed_in_one_burst_after_one_waiting_for_every_headline_waits_behind_it(
    generated_dir: Path,
) -> None:
    """`G k` in one burst (a paste, a fast typist over ssh) as the rest is read: the `k` went
    up the list first, handed to it behind `G` before `G` had said it waits (moving keys
    need not wait for the keys before them), and `G` then went to the oldest, not the one
    above it. `G` waits for every headline, and `k` waits for it."""
    whole = _every_headline(generated_dir)

    async def run() -> None:
        app = _Gated(generated_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await _first_shown(pilot)
            rows = table(app)
            raised = notices_raised(app)
            await pilot.press("j", "j")
            await until(pilot, lambda: rows.cursor == 2, "j j")
            burst(app, "Gk")
            await until(pilot, lambda: WAITING_FOR_THE_REST in raised, "G waiting")
            app.rest_may_come.set()
            await asyncio.wait_for(app.ready.wait(), WAIT)
            await keys_handled(pilot)
            assert rows.cursor == len(whole) - 2  # G, then k

    asyncio.run(run())


def test_q_after_a_key_waiting_for_every_headline_quits_at_once(generated_dir: Path) -> None:
    """`G q`: the `q` waited behind `G` until every headline was read (a second on a big
    library) before it quit. It quits as it comes now; after `/` it is still a letter of the
    query, typed once the rest is in."""

    async def run() -> None:
        app = _Gated(generated_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await _first_shown(pilot)
            await pilot.press("slash", "q")
            await pilot.pause()
            assert not app._quitting  # the query's letter, waiting behind `/`
            app.rest_may_come.set()
            await asyncio.wait_for(app.ready.wait(), WAIT)
            await until(pilot, lambda: app.main_screen.searching, "the search line")
            await pilot.pause()
            assert app.main_screen.query_one(SearchBar).input.value == "q"
        app = _Gated(generated_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await _first_shown(pilot)
            await pilot.press("G", "q")
            await pilot.pause()
            assert app._quitting and not app.index.whole  # the rest still held back

    asyncio.run(run())


class _GatedStart(_Gated):
    """The reader, its newest headlines read too once the test lets them (`first_may_come`)."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir)
        self.first_may_come = asyncio.Event()

    async def load_first(self) -> None:
        await self.first_may_come.wait()
        await super().load_first()


def test_q_typed_before_the_first_headlines_show_quits_at_once(generated_dir: Path) -> None:
    """Keys typed as the reader starts are held until the list is on screen, to act on it:
    `q` among them waited for the start's work before the reader quit."""

    async def run() -> None:
        app = _GatedStart(generated_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("q")
            await pilot.pause()
            assert app._quitting and not table(app).rows

    asyncio.run(run())


def test_a_reader_left_unread_only_opens_on_the_newest_unread_then_every_one(
    generated_dir: Path,
) -> None:
    lib = Library(generated_dir, workers="thread")
    lib.keep_unread_only(True, False)  # left so (`L`), the config as it was
    unread = lib.headlines(unread_only=True)
    lib.close()

    async def run() -> None:
        app = _Gated(generated_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await _first_shown(pilot)
            rows = table(app)
            assert _ids(rows.rows) == _ids(unread[:40])
            app.rest_may_come.set()
            await asyncio.wait_for(app.ready.wait(), WAIT)
            await pilot.pause()
            assert _ids(rows.rows) == _ids(unread)
            assert f"unread only · {len(unread)} of {FEEDS_N * ITEMS}" in str(rows.border_title)

    asyncio.run(run())


class _FetchingAhead(ReaderApp):
    """The reader, noting whether its network client was made when the fetch ahead began."""

    CSS_PATH = _Gated.CSS_PATH
    client_ready: bool | None = None

    async def _prefetch(self, entries: list[Entry]) -> None:
        await self.shown.wait()
        if self.client_ready is None:
            self.client_ready = self.lib._fetcher is not None
        await super()._prefetch(entries)


def test_the_fetch_ahead_waits_for_the_network_stack_the_start_sets_up(
    generated_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fetch ahead began as the list had shown and the keys rested, while the start was
    importing the network stack in a thread: its first download waited for that import on the
    event loop (the import's lock), then imported the rest and made the client there, about
    a second of keys, `q` among them, unanswered on a busy machine. It begins once they are,
    the client made in the start's thread (its TLS context ~0.4 s under load)."""
    import threading

    from reader.fetch import Fetcher

    made_in: list[str] = []
    make = Fetcher.__init__

    def recorded(fetcher: Fetcher, *args: object, **kwargs: object) -> None:
        made_in.append(threading.current_thread().name)
        make(fetcher, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Fetcher, "__init__", recorded)

    async def run() -> None:
        app = _FetchingAhead(generated_dir, refresh_on_start=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await asyncio.wait_for(app.shown.wait(), WAIT)
            await until(pilot, lambda: app.client_ready is not None, "the fetch ahead")
            assert app.client_ready
            assert len(made_in) == 1 and made_in[0] != threading.main_thread().name

    asyncio.run(run())


def test_F_takes_its_query_as_typed_while_the_rest_is_read_and_searches_once_it_is_in(
    generated_dir: Path,
) -> None:
    """`F` and its words typed as the start reads the rest of a big library (acc37a H4: 17
    letters showed 0.7 s late, `F` waiting for every headline before its line opened): the
    line opens and takes them at once; its Enter waits for the rest, saying so, and the
    search then has every headline to search."""
    from reader.full_text import Query, search
    from reader.ui.screens.main_full_text import SEARCH_VIEW

    lib = Library(generated_dir, workers="thread")
    try:
        hits = search(lib.headlines(), Query('"feed 2"'), lambda h: lib.searched(h.entry))
    finally:
        lib.close()
    assert len(hits) == ITEMS

    async def run() -> None:
        app = _Gated(generated_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await _first_shown(pilot)
            main = app.main_screen
            bar = main.query_one(SearchBar)
            burst(app, 'F"feed 2"')
            await until(pilot, lambda: bar.input.value == '"feed 2"', "the query, typed")
            assert not app.index.whole  # the rest still to come
            burst(app, "\r")
            await until(pilot, lambda: "once the rest of the headlines" in status(app), "waits")
            assert main.feed_url != SEARCH_VIEW
            app.rest_may_come.set()
            await until(pilot, lambda: main.feed_url == SEARCH_VIEW, "the hits")
            await until(pilot, lambda: len(main.text_hits) == ITEMS, "every hit")
            assert main.text_query == '"feed 2"'
        # In one burst with its Enter, as a paste brings them: the letters, handed on together
        # into the line, all come before the Enter.
        app = _Gated(generated_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await _first_shown(pilot)
            main = app.main_screen
            burst(app, 'F"feed 2"\r')
            await until(pilot, lambda: "once the rest of the headlines" in status(app), "waits")
            app.rest_may_come.set()
            await until(pilot, lambda: len(main.text_hits) == ITEMS, "every hit")
            assert main.text_query == '"feed 2"'
            assert [h.headline.entry.id for h in main.text_hits] == [
                h.headline.entry.id for h in hits
            ]

    asyncio.run(run())
