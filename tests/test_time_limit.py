"""A page that holds a worker past its time limit (`time_limit.within_time`) is stopped there:
not cached, its failure said in one line and kept, the other pages read, and the next sync
leaves it for a day. Before, a hostile page (a pattern that backtracks for hours) held its
worker until the reader quit, and a `reader sync` under cron for ever (acc29c's note).

Real worker processes and pages on 127.0.0.1. The slow page is a real one, not a sleep: a
story of ~5 MB, which takes a worker some seconds to read, under the limit lowered to 1 s of
CPU with the setting `[network] extract_seconds`."""

from __future__ import annotations

import asyncio
import time
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.config import FetchLimits
from reader.extract import extract_file
from reader.library import Library
from reader.models import ErrorKind, FetchError
from tests.cli_run import run_reader
from tests.served_feed import serve_stories, story_page

LIMITS = FetchLimits(extract_seconds=1.0)
HUGE = 8000  # times a story's paragraphs: ~5 MB, ~3 s of a worker's CPU
TOO_SLOW = "took longer than 1 s to extract: not kept"


def _config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text("[network]\nextract_seconds = 1\n")
    return path


def test_a_page_past_the_time_limit_fails_alone_and_the_next_sync_leaves_it(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    # The others queue behind it: those not started when its workers are given up are read by
    # the new ones.
    others = [(f"Budget vote {hour}", hour) for hour in range(10, 16)]
    feed = serve_stories(httpserver, "Gazette", [("Harbour plan", 9), *others], longer={9: HUGE})
    huge, small = httpserver.url_for("/story-9.html"), httpserver.url_for("/story-10.html")

    async def run() -> None:
        async with Library(tmp_path / "home", limits=LIMITS, workers="process") as lib:
            lib.add_feed(feed)
            lib.start_workers()
            pool = lib._pool
            workers = list(pool._processes.values())  # type: ignore[union-attr]
            first = await lib.sync()
            # The worker stopped mid-page is ended and replaced (its pool with it): the pages
            # after it get new workers.
            assert lib._pool is not pool
            assert await asyncio.to_thread(_ended, workers, 60)
            ((entry, error),) = first.article_failures
            assert entry.link == huge
            assert (error.kind, error.message) == (ErrorKind.TOO_SLOW, TOO_SLOW)
            assert first.articles_fetched == len(others) and lib.store.has_article(small)
            assert not lib.store.has_article(huge)
            assert lib.store.last_failure(huge) == TOO_SLOW  # said offline, as other failures
            again = await lib.sync()
            assert not again.article_failures and not lib.store.has_article(huge)
            assert again.feeds[0].error is None  # its feed read by the new workers
            assert huge not in {e.link for e in await asyncio.to_thread(_prefetchable, lib)}

    asyncio.run(run())
    asked = [request.path for request, _ in httpserver.log]
    assert asked.count("/story-9.html") == 1  # the second sync left it


def _ended(processes: list[BaseProcess], seconds: float) -> bool:
    """Whether every one of `processes` ended within `seconds`: seen by its sentinel (closed as
    it ends), not by `join` and `is_alive`: the pool's own manager thread reaps its workers
    too, and of two threads waiting for the same child the one that lost the race is told it
    has no such child, which `is_alive` took for a child still running (ci of 879514e)."""
    deadline = time.monotonic() + seconds
    left = [process.sentinel for process in processes]
    while left and (remaining := deadline - time.monotonic()) > 0:
        ready = wait(left, remaining)
        left = [sentinel for sentinel in left if sentinel not in ready]
    return not left


def _prefetchable(lib: Library) -> list:
    """The uncached entries the reader's fetch ahead would still ask for."""
    left = lib.left_lately()
    from reader.keys import article_key

    return [
        h.entry for h in lib.headlines() if not h.cached and article_key(h.entry.link) not in left
    ]


def test_extract_of_a_page_past_the_time_limit_says_so_in_one_line(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    page.write_text(story_page("Harbour plan", HUGE))
    config = _config(tmp_path)
    result = run_reader(
        tmp_path / "home", "--config", str(config), "extract", str(page), "--url", "http://a.test/x"
    )
    assert result.returncode != 0
    assert result.stderr == f"reader: {TOO_SLOW}\n"
    assert not result.stdout
    small = tmp_path / "small.html"
    small.write_text(story_page("Budget vote"))
    fine = run_reader(tmp_path / "home", "--config", str(config), "extract", str(small))
    assert fine.returncode == 0 and "Budget vote" in fine.stdout


def test_show_and_save_of_a_page_past_the_time_limit_say_so_in_one_line(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """One-off commands do their other CPU work in threads, where no time limit holds: their
    page was read for as long as it took (a hostile one held the command for hours). Now it
    is read by a worker process, under the limit, and said too slow as a sync says it."""
    serve_stories(httpserver, "Gazette", [("Harbour plan", 9)], longer={9: HUGE})
    huge = httpserver.url_for("/story-9.html")
    home, config = tmp_path / "home", str(_config(tmp_path))
    for command in ("show", "save"):
        result = run_reader(home, "--config", config, command, huge)
        assert result.returncode != 0, command
        assert result.stderr == f"reader: {TOO_SLOW}\n", command
        assert not result.stdout, command
    assert run_reader(home, "show", huge, "--offline").returncode != 0  # nothing kept


def test_reextract_of_a_page_past_the_time_limit_keeps_the_article(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    feed = serve_stories(httpserver, "Gazette", [("Harbour plan", 9)], longer={9: HUGE})
    home = tmp_path / "home"
    assert run_reader(home, "add", feed).returncode == 0
    assert run_reader(home, "sync").returncode == 0  # the default limit: it is cached
    huge = httpserver.url_for("/story-9.html")
    config = _config(tmp_path)
    result = run_reader(home, "--config", str(config), "reextract", huge)
    assert result.returncode != 0
    assert f"reader: not re-extracted: {huge}: {TOO_SLOW}\n" in result.stderr
    shown = run_reader(home, "show", huge, "--offline")
    assert shown.returncode == 0 and "Harbour plan" in shown.stdout


def test_work_not_started_when_the_workers_are_replaced_is_done_by_the_new_ones(
    tmp_path: Path,
) -> None:
    """Two pages past the limit take the workers; what queued behind them and had not started
    when their pool was given up is read by the new workers, none of it failed."""
    huge = story_page("Harbour plan", HUGE).encode()
    small = story_page("Budget vote").encode()

    async def run() -> list[str]:
        async with Library(tmp_path / "home", limits=LIMITS, workers="process") as lib:
            lib.start_workers()
            pages = [huge, huge, *[small] * 14]
            done = await asyncio.gather(
                *(lib._cpu_within_time(extract_file, page, "http://a.test/x") for page in pages),
                return_exceptions=True,
            )
            return [d.message if isinstance(d, FetchError) else d.title for d in done]

    said = asyncio.run(run())
    assert said == [TOO_SLOW, TOO_SLOW, *["Budget vote"] * 14]


def test_reader_sync_names_the_page_past_the_limit_in_one_line_and_ends_cleanly(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """The CLI's sync: one line for the page, the others cached, and the workers given up for
    it ended with the command (their shutdown, cut short by the interpreter's exit, printed a
    traceback after the last line, one run in a few)."""
    feed = serve_stories(
        httpserver, "Gazette", [("Harbour plan", 9), ("Budget vote", 10)], longer={9: HUGE}
    )
    home = tmp_path / "home"
    assert run_reader(home, "add", feed).returncode == 0
    synced = run_reader(home, "--config", str(_config(tmp_path)), "sync")
    huge = httpserver.url_for("/story-9.html")
    assert synced.returncode == 1
    assert f"reader: article failed: Harbour plan <{huge}>: {TOO_SLOW}\n" in synced.stderr
    assert "1 article cached for offline" in synced.stderr
    assert "Traceback" not in synced.stderr and "Exception" not in synced.stderr


def test_the_reader_says_why_a_page_past_the_limit_is_not_shown_and_reads_the_next(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """Opened in the reader (its workers are processes): the reason in one line, and the next
    article opens as ever."""
    from reader.config import Config
    from reader.ui.app import ReaderApp
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.widgets.article.article_body import ArticleBody
    from tests.tui_pilot import subscribe

    feed = serve_stories(
        httpserver, "Gazette", [("Harbour plan", 10), ("Budget vote", 9)], longer={10: HUGE}
    )
    home = tmp_path / "home"
    subscribe(home, [feed])

    async def opened(app: ReaderApp, pilot: object) -> list[str]:
        await pilot.press("enter")  # type: ignore[attr-defined]
        while not isinstance(app.screen, ArticleScreen) or not app.screen.loaded:
            await pilot.pause(0.05)  # type: ignore[attr-defined]
        text = app.screen.query_one(ArticleBody).text
        return [line for line in text.splitlines() if line.strip()]

    async def run() -> None:
        app = ReaderApp(
            home, refresh_on_start=False, config=Config(home / "none.toml", limits=LIMITS)
        )
        async with app.run_test(size=(100, 30)) as pilot:
            await app.ready.wait()
            await pilot.pause()
            lines = await opened(app, pilot)
            assert any(
                line.startswith("Took longer than 1 s to extract: not kept") for line in lines
            )
            await pilot.press("escape", "j")
            lines = await opened(app, pilot)
            assert any("Budget vote" in line for line in lines)
            assert not any("Took longer" in line for line in lines)

    asyncio.run(run())
