"""The worker process that reads pages apart (a library whose other work is done in threads:
`reader sync`, the TUI) is started off the event loop. Its pool's first `submit` forks it from
a server still importing the extractor, and held the loop meanwhile: 5-6 s at load 20, the
requests under way timing out as if the reader had been paused (a dead page then asked a
fourth time: test_unanswered's test_the_next_sync_asks_a_dead_host_once, flaky45)."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ProcessPoolExecutor

import pytest

from reader.cpu_workers import CpuWorkers


def test_the_page_worker_is_forked_off_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    forked_in: list[int] = []  # the thread each worker was forked from
    real = ProcessPoolExecutor._spawn_process  # private, there since Python 3.9

    def spawn(pool: ProcessPoolExecutor) -> None:
        forked_in.append(threading.get_ident())
        real(pool)  # type: ignore[attr-defined]

    monkeypatch.setattr(ProcessPoolExecutor, "_spawn_process", spawn)

    async def read_two() -> tuple[int, list[int]]:
        workers = CpuWorkers("thread")
        assert workers.pages_apart
        try:
            # Two at once: one worker forked for both, its pool made once.
            lengths = await asyncio.gather(
                workers.run(len, "a page", within=30.0), workers.run(len, "another", within=30.0)
            )
            return threading.get_ident(), lengths
        finally:
            workers.close()

    loop_thread, lengths = asyncio.run(read_two())
    assert lengths == [6, 7]
    assert len(forked_in) == 1, forked_in
    assert loop_thread not in forked_in
