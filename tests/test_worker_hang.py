"""A worker that never comes back to Python from a C library's loop takes no time limit's
signal (`time_limit.within_time`): the system ends it past the limit (RLIMIT_CPU), which breaks
its pool. Its page alone is lost, said too slow in the one line; the work the break failed
with it (the other workers' pages, those queued) goes to the new pool. Before, every page in
flight failed with it ("BrokenProcessPool"), to be read only by the next sync.

No page is known to hang lxml, so the workers are given, through the same door a page read
takes (`_cpu_within_time`), a loop of Python's own that runs in C and never looks at signals:
`sum` over a range of 10**15 numbers (hours of CPU), stopped only by the system, as an lxml
loop would be. Nothing in the reader knows of it. Real worker processes, real pages."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.config import FetchLimits
from reader.extract import extract_file
from reader.library import Library
from reader.models import FetchError
from tests.processes import left_running, printed_pids
from tests.served_feed import story_page

LIMITS = FetchLimits(extract_seconds=1.0)
TOO_SLOW = "took longer than 1 s to extract: not kept"
ENDLESS = range(10**15)  # summed in C: no signal is taken until it ends


def _said(done: list[object]) -> list[str]:
    return [
        d.message
        if isinstance(d, FetchError)
        else getattr(d, "title", None) or f"{type(d).__name__}: {d}"
        for d in done
    ]


def test_a_worker_ended_in_a_c_loop_loses_its_page_alone(tmp_path: Path) -> None:
    """Every worker hangs, so the pages wait behind them, in the pool when it breaks."""
    small = story_page("Budget vote").encode()

    async def run() -> list[str]:
        async with Library(tmp_path / "home", limits=LIMITS, workers="process") as lib:
            lib.start_workers()
            assert lib._pool is not None
            workers = lib._pool._max_workers  # type: ignore[attr-defined]
            hangs = [lib._cpu_within_time(sum, ENDLESS) for _ in range(workers)]
            pages = [lib._cpu_within_time(extract_file, small, "http://a.test/x")] * 6
            return _said(await asyncio.gather(*hangs, *pages, return_exceptions=True))

    said = asyncio.run(run())
    workers = len(said) - 6
    assert said == [TOO_SLOW] * workers + ["Budget vote"] * 6


def test_a_one_off_command_reads_its_page_under_the_time_limit(tmp_path: Path) -> None:
    """A library doing its other CPU work in threads (`reader show`, `save`, `add`) reads pages
    in a worker process all the same: a thread can't be stopped, and a hostile page held the
    command for as long as it took. Both ways: a page past the limit in Python (a real one:
    a story of ~5 MB, some seconds of CPU), and a loop in C."""
    huge = story_page("Harbour plan", 8000).encode()
    small = story_page("Budget vote").encode()

    async def run() -> list[str]:
        async with Library(tmp_path / "home", limits=LIMITS, workers="thread") as lib:
            pages = [huge, small]
            read = [lib._cpu_within_time(extract_file, page, "http://a.test/x") for page in pages]
            done = await asyncio.gather(*read, return_exceptions=True)
            hang = lib._cpu_within_time(sum, ENDLESS)
            after = lib._cpu_within_time(extract_file, small, "http://a.test/x")
            return _said([*done, *await asyncio.gather(hang, after, return_exceptions=True)])

    assert asyncio.run(run()) == [TOO_SLOW, "Budget vote", TOO_SLOW, "Budget vote"]


def test_page_workers_of_a_fork_server_end_with_a_library_killed(tmp_path: Path) -> None:
    """A page worker forked from the fork server (a library with threads running, its other
    work in threads: a test's, a command's second page pool) is the server's child, and holds
    the server's life line: watching the server, it and the server kept each other up for good
    once the library's process was killed with -9."""
    script = tmp_path / "killed.py"
    script.write_text(
        "import asyncio, os, signal, threading, time\n"
        "from multiprocessing import forkserver\n"
        "from pathlib import Path\n"
        "from reader.library import Library\n"
        "if __name__ == '__main__':\n"
        "    threading.Thread(target=time.sleep, args=(60,), daemon=True).start()  # the server\n"
        f"    lib = Library(Path({str(tmp_path / 'home')!r}), workers='thread')\n"
        "    async def main():\n"
        "        asyncio.ensure_future(lib._cpu_within_time(time.sleep, 600))\n"
        "        while lib.cpu.page_pool is None or not lib.cpu.page_pool._processes:\n"
        "            await asyncio.sleep(0.05)\n"
        "        pids = [*lib.cpu.page_pool._processes, forkserver._forkserver._forkserver_pid]\n"
        "        print(' '.join(str(pid) for pid in pids), flush=True)\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    asyncio.run(main())\n"
    )
    pids = printed_pids(script)
    assert len(pids) == 2
    assert not left_running(pids, 15), "a page worker or its fork server left running"
