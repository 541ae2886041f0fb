"""A sync against a host that stalls every page half-way (hotel Wi-Fi), with the give-up after
timeouts in a row (`retries.gives_up`) and without it, side by side in one run; with `--feeds N`,
a refresh of N feeds on a host stalling every feed beside 2 on a live one instead.

    uv run python benchmarks/stalling_host.py [--stories 40] [--read-timeout 0.5] [--per-host 4]
    uv run python benchmarks/stalling_host.py --feeds 20

The host (tests/failing_site.py, on 127.0.0.1, in this process: it only waits) answers its feed,
then every article page with its headers and half its body, and nothing more. Each sync starts
from a fresh data directory. "without" sets `retries.GIVE_UP_ROUNDS` past any count: every
article waits for its own timeout, as before the give-up (a traveller's 160 articles held a sync
8 minutes at the default 10 s read timeout). Prints each sync's wall time, the pages asked and
the articles failed, and the ratio of the walls. For a refresh, "without" leaves the stalling
host's feeds to come asked, as before the refresh gave a host up (`StalledHosts.timed_out` made
to do nothing), its tries still cut as `gives_up` cuts them. Nothing is asserted: this prints
numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader import retries
from reader.config import FetchLimits
from reader.library import Library
from reader.library.stalled_hosts import StalledHosts
from tests.failing_site import FailingSite


def one_sync(stories: int, limits: FetchLimits) -> tuple[float, int, int]:
    """A sync of a fresh data directory against a stalling host: its wall time, the pages the
    host was asked for and the articles that failed."""
    site = FailingSite(stories=stories, mode="stall")
    try:
        with tempfile.TemporaryDirectory() as data:

            async def go() -> int:
                lib = Library(Path(data), limits=limits)
                try:
                    lib.store.add_feed(site.base + "/feed.xml")
                    return len((await lib.sync()).article_failures)
                finally:
                    await lib.aclose()

            began = time.perf_counter()
            failed = asyncio.run(go())
            return time.perf_counter() - began, site.pages_asked, failed
    finally:
        site.close()


def one_refresh(feeds: int, limits: FetchLimits) -> tuple[float, int, int]:
    """A refresh of `feeds` feeds on a host stalling every answer and 2 on a live one, from a
    fresh data directory: its wall time, the stalling feeds asked and the feeds read."""
    stalling, live = FailingSite(stories=2, mode="stall all"), FailingSite(stories=2)
    try:
        with tempfile.TemporaryDirectory() as data:

            async def go() -> int:
                async with Library(Path(data), limits=limits) as lib:
                    for n in range(feeds):
                        lib.store.add_feed(f"{stalling.base}/feed{n}.xml")
                    for n in range(2):
                        lib.store.add_feed(f"{live.base}/feed{n}.xml")
                    return sum(r.error is None for r in await lib.refresh())

            began = time.perf_counter()
            read = asyncio.run(go())
            return time.perf_counter() - began, len(set(stalling.feeds_asked)), read
    finally:
        stalling.close()
        live.close()


def refreshes(feeds: int, limits: FetchLimits) -> None:
    walls = {}
    timed_out = StalledHosts.timed_out
    for name in ("with the give-up", "without"):
        if name == "without":
            StalledHosts.timed_out = lambda self, link: None  # type: ignore[method-assign]
        wall, asked, read = one_refresh(feeds, limits)
        walls[name] = wall
        print(f"{name:>17}: {wall:6.2f} s, {asked} of {feeds} stalling feeds asked, {read} read")
    StalledHosts.timed_out = timed_out  # type: ignore[method-assign]
    ratio = walls["without"] / walls["with the give-up"]
    print(f"{feeds} feeds stalling and 2 live, per_host {limits.per_host}:")
    print(f"without / with the give-up: {ratio:.1f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=40)
    parser.add_argument("--read-timeout", type=float, default=0.5)
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--feeds", type=int, default=0, help="a refresh of this many feeds")
    args = parser.parse_args()
    limits = FetchLimits(
        connect_timeout=2.0,
        read_timeout=args.read_timeout,
        total_timeout=args.read_timeout * 10,
        per_host=args.per_host,
    )
    if args.feeds:
        refreshes(args.feeds, limits)
        return
    rounds = retries.GIVE_UP_ROUNDS
    walls = {}
    for name, give_up in (("with the give-up", rounds), ("without", 10**9)):
        retries.GIVE_UP_ROUNDS = give_up
        wall, asked, failed = one_sync(args.stories, limits)
        walls[name] = wall
        print(f"{name:>17}: {wall:6.2f} s, {asked} pages asked, {failed} articles failed")
    retries.GIVE_UP_ROUNDS = rounds
    ratio = walls["without"] / walls["with the give-up"]
    print(f"{args.stories} stories, read timeout {args.read_timeout} s, per_host {args.per_host}:")
    print(f"without / with the give-up: {ratio:.1f}×")


if __name__ == "__main__":
    main()
