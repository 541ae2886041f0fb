"""A sync stopped by a signal (SIGTERM, SIGHUP) wherever in the sync the signal lands: the
stop is the same quiet one, with no library's traceback printed under the summary."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Iterator

import anyio
import pytest

from reader.cli.stops import stop_on_terminate


@pytest.fixture
def stop_handlers() -> Iterator[list[int]]:
    """The sync's handlers, installed as `reader sync` installs them; the test process's own
    put back after."""
    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield stop_on_terminate()
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def test_a_sigterm_inside_a_library_task_group_stops_the_sync_without_a_traceback(
    stop_handlers: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    """httpx connects through anyio's task group; a SIGTERM that lands while one of its tasks
    runs used to raise the interrupt inside that task, and the group it came out in was printed
    as asyncio shut down (seen once in a CI run of a real sync's SIGTERM)."""
    reached: list[str] = []

    async def connecting() -> None:
        await anyio.sleep(0)
        signal.raise_signal(signal.SIGTERM)  # the handler runs here, inside this task's step
        reached.append("went on")  # the interrupt comes in the loop's turn, not here
        await anyio.sleep(30)

    async def download() -> None:
        async with anyio.create_task_group() as group:
            group.start_soon(connecting)
            await anyio.sleep(30)

    async def sync() -> None:
        task = asyncio.create_task(download())
        try:
            await asyncio.gather(task)
        finally:
            task.cancel()

    with caplog.at_level(logging.ERROR, logger="asyncio"), pytest.raises(KeyboardInterrupt):
        asyncio.run(sync())
    assert stop_handlers == [signal.SIGTERM]
    assert reached == ["went on"]
    assert not [r for r in caplog.records if r.name == "asyncio"], caplog.text


def test_a_sigterm_outside_the_loop_stops_at_once(stop_handlers: list[int]) -> None:
    """Waiting for another sync's lock, or printing the report, no loop runs: the interrupt is
    raised where the signal lands."""
    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGTERM)
    assert stop_handlers == [signal.SIGTERM]
