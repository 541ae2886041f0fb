"""A library closed while its workers' pool is being made (a sync ending as a retry's thread
starts the workers): the pool made after the close outlived the library, its fork server and
workers started after the closing process had unlinked their semaphores, and a "SemLock"
traceback ended a sync's stderr now and then (flaky42; the fresh-clone CI of 4ce6f2eb, in
test_cli's test_sync_names_failures_and_exits_1). The pool is stopped as it is made."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Executor

import pytest

from reader import cpu_workers
from reader.cpu_workers import CpuWorkers


def test_a_pool_whose_making_a_close_overtook_is_stopped_never_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workers = CpuWorkers("process")
    made: list[Executor] = []
    real = cpu_workers.process_pool

    def closed_meanwhile(*args: object, **kwargs: object) -> tuple[Executor, object]:
        pool, board = real(*args, **kwargs)  # type: ignore[arg-type]
        made.append(pool)
        workers.close()  # the library closes as the pool comes
        return pool, board

    monkeypatch.setattr(cpu_workers, "process_pool", closed_meanwhile)
    before = set(multiprocessing.active_children())
    workers.start()
    assert made and workers.pool is None
    with pytest.raises(RuntimeError):  # shut: it takes no work
        made[0].submit(print)
    assert set(multiprocessing.active_children()) <= before
