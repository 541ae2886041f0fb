"""A worker process ended under its work (killed, the system short of memory, the reader
quitting) fails only that work: the article is not marked failed (it says nothing of the page),
and the pages after it get new workers. Before, the broken pool failed every page after it
"with an error the reader did not foresee (BrokenProcessPool…)" and kept that as the article's
failure (acc26a H10). Real worker processes, a page on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.library import Library
from tests.test_library import ARTICLE


def test_workers_killed_between_pages_fail_no_page_and_new_workers_read_the_next(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """Killed with no page in their hands: the page given to their broken pool is read by new
    workers, not failed (before sec31, it failed "with BrokenProcessPool"; a page a worker is
    ended under fails alone: test_worker_hang.py)."""
    for path in ("/first.html", "/second.html"):
        httpserver.expect_request(path).respond_with_data(ARTICLE, content_type="text/html")
    first, second = httpserver.url_for("/first.html"), httpserver.url_for("/second.html")

    async def run() -> list[str]:
        async with Library(tmp_path / "home", workers="process") as lib:
            lib.start_workers()
            pool = lib._pool
            await asyncio.sleep(0.5)
            for process in list(pool._processes.values()):  # type: ignore[union-attr]
                os.kill(process.pid, signal.SIGKILL)
            deadline = time.monotonic() + 30
            while not pool._broken and time.monotonic() < deadline:  # type: ignore[union-attr]
                await asyncio.sleep(0.05)
            read = [await lib.article(first), await lib.article(second)]
            assert lib._pool is not pool
            assert lib.store.last_failure(first) is None
            return [article.title for article in read]

    titles = asyncio.run(run())
    assert len(titles) == 2 and all(titles)


def test_workers_given_no_page_end_at_once_with_the_library(tmp_path: Path) -> None:
    """A reader quit having read only what was cached waited, out of sight, for its workers to
    finish importing the parsers they were never given a page for (up to two seconds and ~0.8 s
    of CPU): now they are ended at once. A worker given a page keeps its moment to finish it
    (test_travel.py's worker stuck on a page)."""
    # A thread running: the workers are spawned, as the reader's are (see `start_workers`).
    threading.Thread(target=time.sleep, args=(1,), daemon=True).start()
    lib = Library(tmp_path / "home", workers="process")
    lib.start_workers()
    workers = list(lib._pool._processes.values())  # type: ignore[union-attr]
    lib.close()
    assert workers and [w.exitcode for w in workers] == [-signal.SIGTERM] * len(workers)
