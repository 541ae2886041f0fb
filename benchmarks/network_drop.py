"""A `reader sync` across a network drop (or stall): this checkout's and another's (a worktree
of main), side by side in one run, taking turns.

    uv run python benchmarks/network_drop.py --against ../main [--runs 3] [--drop 10]
    uv run python benchmarks/network_drop.py --against ../main --hosts 5 --feeds 8 --stories 8
    uv run python benchmarks/network_drop.py --against ../main --stall --drop 20
    uv run python benchmarks/network_drop.py --against ../main --stall --drop -1 --wait 10

The sites (tests/dropping_network.py: `--hosts` ports of 127.0.0.1, each `--feeds` feeds of
`--stories` pages) run in this process; each checkout's `reader sync` runs in a child of its own
on a fresh data directory. After `--after` article pages every site stops (connections refused,
those under way cut; with `--stall`, connections still taken and nothing answered, as a captive
portal or Wi-Fi passing nothing does), and `--drop` seconds later they answer again on their
ports (`--drop -1`: never). When the sync ends with articles missing, it is run again once the
sites are back, as a traveller would have to: the time until every article is cached counts
both. Prints, per
checkout, the median of: the first sync's wall, the articles it cached, the articles its
summary left for the next sync and those it failed, the wall until every article was
cached (the second sync's end, if one was needed), and the seconds from the drop to the first
sync's end (`--wait`: the reader's `network_wait`). Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.dropping_network import DroppingNetwork  # noqa: E402


def one(checkout: Path, args: argparse.Namespace) -> tuple[float, int, int, int, float, float]:
    """A sync by `checkout` across a drop: its wall, the articles cached by it, those its
    summary left for the next sync and failed, the wall until every article was cached, and
    the seconds from the drop to the first sync's end."""
    net = DroppingNetwork(args.hosts, args.feeds, args.stories)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            # Run from the data's directory: `-m` puts the working directory first on the path,
            # and this checkout's would be imported in the other's place.
            env = {**os.environ, "PYTHONPATH": str(checkout)}
            config = Path(tmp) / "config.toml"
            config.write_text(
                "" if args.wait is None else f"[network]\nnetwork_wait = {args.wait:g}\n"
            )
            cmd = [
                sys.executable,
                "-m",
                "reader",
                "--data-dir",
                f"{tmp}/d",
                "--config",
                str(config),
            ]
            opml = Path(tmp) / "feeds.opml"
            outlines = "".join(f'<outline xmlUrl="{u}"/>' for u in net.feed_urls())
            opml.write_text(f"<opml><body>{outlines}</body></opml>")
            subprocess.run(
                [*cmd, "import", str(opml)], env=env, cwd=tmp, capture_output=True, check=True
            )
            net.drop_after(args.after, stall=args.stall)
            back_at: list[float] = []
            dropped_at: list[float] = []

            def restore() -> None:
                net.dropped.wait()
                dropped_at.append(time.perf_counter())
                if args.drop < 0:  # gone for good
                    return
                time.sleep(args.drop)
                net.back()
                back_at.append(time.perf_counter())

            threading.Thread(target=restore, daemon=True).start()
            began = time.perf_counter()
            said = subprocess.run(
                [*cmd, "sync"], env=env, cwd=tmp, capture_output=True, text=True
            ).stderr
            ended = time.perf_counter()
            wall = ended - began
            after_drop = ended - dropped_at[0] if dropped_at else 0.0
            summary = next((line for line in said.splitlines() if line.startswith("synced")), "")
            left = int(m.group(1)) if (m := re.search(r"(\d+) left for the next", summary)) else 0
            failed = int(m.group(1)) if (m := re.search(r"(\d+) failed", summary)) else 0
            # Cached by it: pages served before the drop, and after it to this sync (a stalled
            # site's backlog, answered once it is back, serves pages no one reads).
            cached = int(m.group(1)) if (m := re.search(r"(\d+) articles? cached", summary)) else 0
            whole = wall
            if cached < net.articles and args.drop >= 0:  # run again once the network is back
                while not back_at:
                    time.sleep(0.05)
                subprocess.run([*cmd, "sync"], env=env, cwd=tmp, capture_output=True, text=True)
                whole = time.perf_counter() - began
            return wall, cached, left, failed, whole, after_drop
    finally:
        net.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, required=True, help="another checkout")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hosts", type=int, default=5)
    parser.add_argument("--feeds", type=int, default=8, help="feeds a host")
    parser.add_argument("--stories", type=int, default=8, help="articles a feed")
    parser.add_argument("--after", type=int, default=100, help="pages served before the drop")
    parser.add_argument(
        "--drop", type=float, default=10.0, help="seconds the network is gone (-1: for good)"
    )
    parser.add_argument("--stall", action="store_true", help="the network stalls, not drops")
    parser.add_argument(
        "--wait", type=float, default=None, help="[network] network_wait (default: the reader's)"
    )
    args = parser.parse_args()
    trees = {"this": ROOT, "other": args.against.resolve()}
    results: dict[str, list[tuple[float, int, int, int, float, float]]] = {
        name: [] for name in trees
    }
    for _ in range(args.runs):
        for name, checkout in trees.items():
            results[name].append(one(checkout, args))
    total = args.hosts * args.feeds * args.stories
    print(
        f"{total} articles on {args.hosts} hosts, the network "
        f"{'stalled' if args.stall else 'gone'} for "
        f"{'good' if args.drop < 0 else f'{args.drop:g} s'} after "
        f"{args.after} pages; medians of {args.runs} run(s), load {os.getloadavg()[0]:.1f}"
        + (f"; network_wait {args.wait:g} s" if args.wait is not None else "")
    )
    print(
        f"{'tree':6} {'sync wall':>10} {'cached':>7} {'left':>5} {'failed':>7} {'all cached at':>14}"
        f" {'end after drop':>15}"
    )
    for name, runs in results.items():
        wall, cached, left, failed, whole, after_drop = (
            statistics.median(column) for column in zip(*runs, strict=True)
        )
        print(
            f"{name:6} {wall:9.1f}s {cached:7.0f} {left:5.0f} {failed:7.0f} {whole:13.1f}s"
            f" {after_drop:14.1f}s"
        )


if __name__ == "__main__":
    main()
