"""A sync over the cache's size limit with several feeds downloads what it keeps: each feed's
share of the room (its newest), then the newest stories of every feed, whichever feed answers
first. The downloads wait for every feed's headlines (one slow feed a few seconds at most), and
one under way that a later feed's newer stories outrank is stopped before its page comes.

Three papers served on 127.0.0.1, each a server of its own: two answer at once with older
stories, the third, slower, has the newest."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.config import Config
from reader.keys import article_key
from reader.library import Library, limit
from reader.library.gates import PriorityHold
from reader.library.limit import SyncRoom
from reader.models import Entry
from reader.reports import SyncReport
from reader.store.usage import CachedArticle
from reader.ui.app import ReaderApp
from tests.served_feed import serve_stories
from tests.tui_pilot import started, until

OLD = [("Ferry timetable changes", 1), ("Lighthouse keeper retires", 2), ("Fish market", 3)]
MIDDLE = [("Sea wall repairs", 4), ("Lifeboat crew honoured", 5), ("Harbour dues rise", 6)]
NEWEST = [("School sails out", 7), ("Customs house sold", 8), ("Regatta moved", 9)]
PATIENCE = 8.0  # seconds a held answer waits for the test at most (the read timeout is 10)


class Papers:
    """The three servers, and what the slow one's feed and the others' pages wait for."""

    def __init__(self) -> None:
        self.servers = {name: HTTPServer(host="127.0.0.1", port=0, threaded=True) for name in "OMN"}
        self.slow_feed = 0.0  # seconds the newest paper's feed takes
        self.feed_waits_for: set[str] = set()  # page paths asked for before that feed answers
        self.held: set[str] = set()  # page paths answered only once `let_go` is set
        self.let_go = threading.Event()
        self.asked: set[str] = set()
        self.feed_kept_waiting = False  # the slow feed answered without what it waited for
        self.answered: list[str] = []
        self._changed = threading.Condition()
        for server in self.servers.values():
            server.start()
        self.urls = [
            serve_stories(self.servers["O"], "The Old Gazette", OLD, wait_page=self._page("O")),
            serve_stories(self.servers["M"], "Midweek", MIDDLE, wait_page=self._page("M")),
            serve_stories(
                self.servers["N"], "The Newest", NEWEST, self._newest_feed, self._page("N")
            ),
        ]

    def _page(self, name: str) -> Callable[[str], None]:
        def wait(path: str) -> None:
            with self._changed:
                self.asked.add(name + path)
                self._changed.notify_all()
            if name + path in self.held:
                self.let_go.wait(PATIENCE)
            with self._changed:
                self.answered.append(name + path)

        return wait

    def _newest_feed(self) -> None:
        with self._changed:
            if not self._changed.wait_for(lambda: self.feed_waits_for <= self.asked, PATIENCE):
                self.feed_kept_waiting = True
        if self.slow_feed:
            threading.Event().wait(self.slow_feed)

    def pages_asked(self) -> Counter[str]:
        return Counter(
            name + request.path
            for name, server in self.servers.items()
            for request, _ in server.log
            if request.path.startswith("/story-")
        )

    def link(self, name: str, hour: int) -> str:
        return self.servers[name].url_for(f"/story-{hour}.html")

    def stop(self) -> None:
        self.let_go.set()
        for server in self.servers.values():
            server.clear_log()
            server.stop()


@pytest.fixture
def papers() -> Iterator[Papers]:
    served = Papers()
    yield served
    served.stop()


def room_for(papers: Papers, tmp_path: Path, newest: list[tuple[str, int]]) -> int:
    """Room for the stories `newest` (name, hour), and not a byte for one more: measured in a
    cache of every story, synced without a limit."""
    whole = tmp_path / "whole"
    asyncio.run(_sync(whole, 0, papers.urls))
    with closing(Library(whole)) as lib:
        sizes = {a.key: a.size for a in lib.store.cached_articles()}
    for server in papers.servers.values():
        server.clear_log()
    papers.asked.clear()
    papers.answered.clear()
    kept = sum(sizes[article_key(papers.link(name, hour))] for name, hour in newest)
    return kept + min(sizes.values()) // 2


async def _sync(directory: Path, max_bytes: int, feeds: list[str]) -> SyncReport:
    async with Library(directory, cache_max_bytes=max_bytes) as lib:
        for url in feeds:
            if url not in lib.store.feed_urls():
                lib.add_feed(url)
        return await lib.sync()


def cached(directory: Path, papers: Papers) -> set[str]:
    with closing(Library(directory)) as lib:
        return {
            name + f"/story-{hour}.html"
            for name, stories in (("O", OLD), ("M", MIDDLE), ("N", NEWEST))
            if name in papers.servers
            for _, hour in stories
            if lib.store.has_article(papers.link(name, hour))
        }


def test_the_newest_stories_of_a_slower_feed_are_waited_for_and_only_they_are_fetched(
    papers: Papers, tmp_path: Path
) -> None:
    # A share each (a story and a half): each paper's newest; what is left, the newest paper's
    # next. Its feed comes a second after the others': their stories were under way by then,
    # and evicted at the sync's end for the newer ones it brought.
    kept = {"N/story-8.html", "N/story-9.html", "M/story-6.html", "O/story-3.html"}
    max_bytes = room_for(papers, tmp_path, [("N", 8), ("N", 9), ("M", 6), ("O", 3)])
    papers.slow_feed = 1.0
    data = tmp_path / "data"
    report = asyncio.run(_sync(data, max_bytes, papers.urls))

    assert papers.pages_asked() == Counter(kept)  # each once, and no other
    assert cached(data, papers) == kept
    assert report.articles_fetched == 4 and report.left_out == 5
    assert report.article_failures == [] and report.pruned is None


def test_a_feed_slower_than_the_wait_holds_none_back_and_stops_what_it_outranks(
    papers: Papers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two shares of a story and three quarters: each paper's newest, and the newest paper's
    # next. The old paper's two older stories are asked for before the newest paper's feed
    # answers (they were not held back for it), and their pages would come only long after:
    # stopped for its newer stories, they are not waited for.
    max_bytes = room_for(papers, tmp_path, [("N", 8), ("N", 9), ("O", 3)])
    monkeypatch.setattr(limit, "HEADLINES_QUIET", 0.2)
    papers.feed_waits_for = {"O/story-1.html", "O/story-2.html"}
    papers.held = set(papers.feed_waits_for)
    papers.servers.pop("M").stop()  # two papers are enough here
    data = tmp_path / "data"
    report = asyncio.run(_sync(data, max_bytes, [papers.urls[0], papers.urls[2]]))
    answered_in_the_sync = set(papers.answered)

    newest = {"N/story-8.html", "N/story-9.html"}
    assert papers.asked == newest | {"O/story-1.html", "O/story-2.html", "O/story-3.html"}
    # The old paper's newest was fetched (the first, alone, to learn a page's size) and is
    # kept, its share; the two outranked while under way never came.
    assert answered_in_the_sync == newest | {"O/story-3.html"}
    assert cached(data, papers) == newest | {"O/story-3.html"}
    assert report.articles_fetched == 3 and report.article_failures == []
    assert report.left_out == 3


def test_with_room_for_every_story_the_downloads_wait_for_no_feed(
    papers: Papers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A limit the cache is far from: the downloads of the feeds in go at once, not held for
    a slow one (as long as `HEADLINES_QUIET` after the last in, 3 s)."""
    monkeypatch.setattr(limit, "HEADLINES_QUIET", 60.0)  # held, they would wait for it
    data = tmp_path / "data"
    max_bytes = 1 << 30
    asyncio.run(_sync(data, max_bytes, papers.urls[:1]))  # a page's size known
    # The newest paper's feed answers once the middle one's stories are asked for.
    papers.feed_waits_for = {f"M/story-{hour}.html" for _, hour in MIDDLE}
    report = asyncio.run(_sync(data, max_bytes, papers.urls))
    assert not papers.feed_kept_waiting
    assert len(cached(data, papers)) == 9 and report.articles_fetched == 6


def test_the_downloads_are_held_while_the_feeds_to_come_may_bring_more_than_fits() -> None:
    """Two feeds of five in, each with two stories to fetch: three more feeds like them would
    bring six more, which the room beside the cached article holds, or does not."""
    cached_one = [CachedArticle("https://example.org/a", 100, 0.0, 0.0, False)]

    def room(max_bytes: int) -> SyncRoom:
        listed = [
            (Entry(f"e{n}", "f", f"Story {n}", f"https://example.org/{n}"), False) for n in range(4)
        ]
        sync_room = SyncRoom(max_bytes, listed, cached_one, {})
        for n in range(4):
            sync_room.queued(f"https://example.org/{n}")
        return sync_room

    # 100 held, 4 queued and 6 to come at 100 each: 1,100 bytes.
    assert room(1_100).room_for_all(2, 3)
    assert not room(1_099).room_for_all(2, 3)
    assert not room(1 << 30).room_for_all(0, 5)  # no feed in: nothing to go by


def test_the_hold_lets_go_by_priority_those_started_just_before_it_is_released_too() -> None:
    async def scenario() -> list[int]:
        hold = PriorityHold(quiet=60.0)
        woken: list[int] = []

        async def download(priority: int) -> None:
            await hold.wait((priority,))
            woken.append(priority)

        tasks = [asyncio.create_task(download(p)) for p in (3, 1, 2)]
        await asyncio.sleep(0)  # held
        # The last feed's download, started as its headlines came, just before the release.
        tasks.append(asyncio.create_task(download(0)))
        hold.release()
        await asyncio.gather(*tasks)
        return woken

    assert asyncio.run(scenario()) == [0, 1, 2, 3]


_REGATTA = "".join(
    f"<p>{sentence}</p>"
    for sentence in (
        "The regatta committee moved this year's race to the second weekend of June, citing "
        "a clash with the lifeboat open day and a shortage of marshals for the outer mark.",
        "Boat owners from Porthaven, Eastquay and the river clubs will be told by letter; the "
        "entry fee stays at forty pounds, and late entries close a fortnight before the start.",
        "Last summer's event drew ninety-one dinghies and a dozen keelboats, the most since the "
        "harbour wall was rebuilt, and a record crowd on the slipway despite a cold northerly.",
        "Volunteers are wanted for the committee boat, the safety ribs and the prize-giving, "
        "which returns to the sailing club's veranda after two years in a marquee on the green.",
    )
)


def test_a_story_whose_guessed_size_does_not_fit_waits_for_the_pages_under_way(
    tmp_path: Path,
) -> None:
    # The newest story's page is half as long again as the others: fetched alone first (an
    # empty cache), its size is the guess of the next, which fits, and of the one after,
    # which does not beside it, guessed so; measured, it would have. Its text more words of
    # its own, not the same said again: the cache stores the text compressed.
    stories = [("Regatta moved", 9), ("Customs house sold", 8), ("School sails", 7), ("Fair", 6)]
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        feed = serve_stories(server, "The Gazette", stories, more={9: _REGATTA})
        whole = tmp_path / "whole"
        asyncio.run(_sync(whole, 0, [feed]))
        with closing(Library(whole)) as lib:
            size = {a.key: a.size for a in lib.store.cached_articles()}
        big, second, third = (
            size[article_key(server.url_for(f"/story-{h}.html"))] for h in (9, 8, 7)
        )
        max_bytes = big + second + third + min(size.values()) // 2
        # What the scene needs: the second fits at the guess, the third does not beside it,
        # and does once the second is measured.
        assert 2 * big <= max_bytes < 3 * big
        assert big + second + (big + second) // 2 <= max_bytes
        server.clear_log()

        data = tmp_path / "data"
        report = asyncio.run(_sync(data, max_bytes, [feed]))
        asked = Counter(r.path for r, _ in server.log if r.path.startswith("/story-"))
    finally:
        server.stop()
    kept = ["/story-9.html", "/story-8.html", "/story-7.html"]
    assert asked == Counter(kept)  # the fourth, which does not fit, never asked for
    with closing(Library(data)) as lib:
        assert [p for p in kept if lib.store.has_article(server.url_for(p))] == kept
    assert report.articles_fetched == 3 and report.left_out == 1


@pytest.mark.parametrize("face", ["reader sync", "the reader's S"])
def test_both_faces_wait_for_the_slower_feed_and_fetch_only_what_they_keep(
    papers: Papers, tmp_path: Path, face: str, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = {"N/story-8.html", "N/story-9.html", "M/story-6.html", "O/story-3.html"}
    max_bytes = room_for(papers, tmp_path, [("N", 8), ("N", 9), ("M", 6), ("O", 3)])
    papers.slow_feed = 1.0
    data = tmp_path / "data"
    with closing(Library(data)) as lib:
        for url in papers.urls:
            lib.add_feed(url)
    (data / "config.toml").write_text(f'[cache]\nmax_size = "{max_bytes}B"\n', encoding="utf-8")
    if face == "reader sync":
        assert main(["--data-dir", str(data), "sync"]) == 0
        said = capsys.readouterr().err
        assert "4 articles cached for offline, 0 already cached, 0 failed, 5 left out" in said
    else:

        async def press_sync() -> str:
            config = Config(data / "config.toml", cache_max_bytes=max_bytes)
            app = ReaderApp(data, config=config, refresh_on_start=False)
            app.prefetch_limit = 0  # the reader's own fetching ahead: not the sync's
            async with app.run_test(size=(100, 20)) as pilot:
                await started(pilot)
                await pilot.press("S")
                await until(pilot, lambda: "left out" in app.status, "the sync's end")
                return app.status

        assert "5 left out: the cache is full" in asyncio.run(press_sync())
    assert papers.pages_asked() == Counter(kept)
    assert cached(data, papers) == kept
