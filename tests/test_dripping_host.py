"""A host whose article pages come on without end, just over the rate given more time (acc50a
A1's leftover: 40 such articles held a sync 6 minutes, the host given up only after three
rounds of its connections timed out, 2 minutes each): given up once one round of them dripped
so in a row, the rest of its articles left for the next sync, said so in the sync's summary. A
slow host whose pages come whole is read whole (`tests.dripping_site`, in the test's loop)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.config import FetchLimits
from reader.library import Library
from reader.reports import SyncReport
from tests.dripping_site import dripping_site

LIMITS = FetchLimits(total_timeout=1.0, longest_answer=3.0, read_timeout=5.0, retries=0, per_host=2)
ARTICLES = 12


@pytest.mark.parametrize("forever", [True, False], ids=["dripping", "slow"])
def test_a_host_dripping_one_round_is_given_up_for_the_sync(tmp_path: Path, forever: bool) -> None:
    asked: list[str] = []

    async def go() -> tuple[int, SyncReport]:
        server = await dripping_site(ARTICLES, forever, asked)
        port = server.sockets[0].getsockname()[1]
        async with server, Library(tmp_path / "data", limits=LIMITS) as lib:
            lib.store.add_feed(f"http://127.0.0.1:{port}/feed.xml")
            return port, await lib.sync()

    port, report = asyncio.run(go())
    told, _ = report.told_failures()
    lines = [outage.line() for outage in told]
    if not forever:  # slow, each page whole: every one read, no host given up
        assert sorted(asked) == sorted(f"/p{n}.html" for n in range(ARTICLES))
        assert not report.given_up and not lines
        return
    # One round (per_host = 2) dripped, and maybe a page asked as the second came in: not the
    # 6 three rounds of timeouts asked before the host was given up.
    assert len(asked) <= LIMITS.per_host + 1, asked
    assert lines == [
        f"127.0.0.1:{port} sent answers without end (2 in a row still coming at [network]"
        f" longest_answer): {ARTICLES} articles left for the next sync"
    ], lines
