"""A sync against a host that stalls every page half-way (hotel Wi-Fi), with the give-up after
timeouts in a row (`retries.gives_up`) and without it, side by side in one run; with `--feeds N`,
a refresh of N feeds on a host stalling every feed beside 2 on a live one instead.

    uv run python benchmarks/stalling_host.py [--stories 40] [--read-timeout 0.5] [--per-host 4]
    uv run python benchmarks/stalling_host.py --feeds 20
    uv run python benchmarks/stalling_host.py --against ../main [--paged] [--runs 3]

`--against DIR` syncs in this checkout and in another (a worktree of main), each in a Python of
its own, taking turns `--runs` times: their median walls side by side, the pages asked, the
articles failed or cached in part, and whether the host was given up. `--paged` stalls each
story's second page alone (its first comes whole), as a hotel link stalling now and then does:
no give-up there, each stalled page's tries are what the sync's end waits for.

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
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

# A child (`--child ROOT …`) imports the reader of the checkout it measures.
sys.path.insert(
    0,
    sys.argv[sys.argv.index("--child") + 1]
    if "--child" in sys.argv
    else str(Path(__file__).resolve().parent.parent),
)

from reader import retries
from reader.config import FetchLimits
from reader.library import Library
from reader.library.stalled_hosts import StalledHosts
from tests.failing_site import FailingSite


def one_sync(
    stories: int, limits: FetchLimits, paged: bool = False
) -> tuple[float, int, int, int, bool]:
    """A sync of a fresh data directory against a stalling host (with `paged`, stalling each
    story's second page alone): its wall time, the pages the host was asked for, the articles
    that failed and those cached in part, and whether the host was given up."""
    site = FailingSite(stories=stories, mode="stall", paged=paged)
    try:
        with tempfile.TemporaryDirectory() as data:

            async def go() -> tuple[int, int, bool]:
                lib = Library(Path(data), limits=limits)
                try:
                    lib.store.add_feed(site.base + "/feed.xml")
                    report = await lib.sync()
                    failed, in_part = len(report.article_failures), len(report.incomplete)
                    return failed, in_part, bool(report.given_up)
                finally:
                    await lib.aclose()

            began = time.perf_counter()
            failed, in_part, given_up = asyncio.run(go())
            return time.perf_counter() - began, site.pages_asked, failed, in_part, given_up
    finally:
        site.close()


def against(other: Path, args: argparse.Namespace) -> None:
    """This checkout's syncs and `other`'s, taking turns (`--runs`), side by side."""
    from children import checkouts, child_json
    from farm import load_average

    print(f"load average {load_average()}")
    walls: dict[str, list[float]] = {}
    said: dict[str, list[object]] = {}
    child = [args.stories, args.read_timeout, args.per_host, int(args.paged)]
    for _ in range(args.runs):
        for name, root in checkouts(other).items():
            wall, *rest = child_json(__file__, "--child", root, *child)
            walls.setdefault(name, []).append(wall)
            said[name] = rest
    what = "every second page stalling" if args.paged else "every page stalling"
    print(
        f"{args.stories} stories, {what}, read timeout {args.read_timeout} s, per_host "
        f"{args.per_host}, {args.runs} runs each:"
    )
    for name, times in walls.items():
        asked, failed, in_part, given_up = said[name]
        print(
            f"{name:>8}: median {statistics.median(times):6.2f} s (min {min(times):.2f}, max "
            f"{max(times):.2f}), last run: {asked} pages asked, {failed} articles failed, "
            f"{in_part} in part, host given up: {'yes' if given_up else 'no'}"
        )
    ratio = statistics.median(walls["against"]) / statistics.median(walls["this"])
    print(f"against / this: {ratio:.2f}×")


def child(stories: int, read_timeout: float, per_host: int, paged: int) -> None:
    """One sync in this process (the checkout `ROOT`'s reader), printed as JSON."""
    wall, *rest = one_sync(stories, _limits(read_timeout, per_host), bool(paged))
    print(json.dumps([wall, *rest]))


def _limits(read_timeout: float, per_host: int) -> FetchLimits:
    return FetchLimits(
        connect_timeout=2.0,
        read_timeout=read_timeout,
        total_timeout=read_timeout * 10,
        per_host=per_host,
    )


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
    parser.add_argument("--against", type=Path, help="another checkout (a worktree of main)")
    parser.add_argument("--paged", action="store_true", help="stall second pages alone")
    parser.add_argument("--runs", type=int, default=3, help="with --against: syncs each")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _, stories, read_timeout, per_host, paged = args.child
        child(int(stories), float(read_timeout), int(per_host), int(paged))
        return
    if args.against:
        against(args.against, args)
        return
    limits = _limits(args.read_timeout, args.per_host)
    if args.feeds:
        refreshes(args.feeds, limits)
        return
    rounds = retries.GIVE_UP_ROUNDS
    walls = {}
    for name, give_up in (("with the give-up", rounds), ("without", 10**9)):
        retries.GIVE_UP_ROUNDS = give_up
        wall, asked, failed, _, _ = one_sync(args.stories, limits)
        walls[name] = wall
        print(f"{name:>17}: {wall:6.2f} s, {asked} pages asked, {failed} articles failed")
    retries.GIVE_UP_ROUNDS = rounds
    ratio = walls["without"] / walls["with the give-up"]
    print(f"{args.stories} stories, read timeout {args.read_timeout} s, per_host {args.per_host}:")
    print(f"without / with the give-up: {ratio:.1f}×")


if __name__ == "__main__":
    main()
