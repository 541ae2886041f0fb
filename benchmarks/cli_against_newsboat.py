"""The fixed cost of each CLI command, this checkout beside another and beside newsboat.

    uv run python benchmarks/cli_against_newsboat.py [--before DIR] [--runs 5] [--feeds 25]
                                                     [--items 40] [--latency 0.02] [--hosts 4]

A loopback farm (benchmarks/farm.py) serves `--feeds` RSS feeds; a data directory of one feed and
one of all of them are synced once, untimed (headlines only), for each checkout. Then, in rounds
(each command of each checkout, then newsboat's, one after the other, so all see the same load):
`reader --version`, `reader feeds`, `reader list | head -20`, and `reader sync -q --no-articles`
of one feed and of every feed, with nothing new (the farm answers 304 to the ETag), against
newsboat's `-x reload` of the same feeds (and `-x print-unread` beside `list`) when `newsboat` is
on the PATH. `--before DIR` is another checkout's root (a worktree of main, say): both run as
`PYTHONPATH=ROOT python -m reader`, with the bytecode cache allowed (this machine sets
PYTHONDONTWRITEBYTECODE=1; a user's installed copy has its .pyc files: `farm.child_env`).
The table gives medians of wall and CPU (user + sys, children included) and the after/before
ratio of each. Nothing is asserted: this prints numbers, and the load.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script

from farm import Farm, checkout_reader, child_env, load_average, median, run_measured, warm_up

HERE = Path(__file__).resolve().parent.parent


def _reader(root: Path, data: Path) -> list[str]:
    """The reader of the checkout at `root` on the data directory `data` (`checkout_reader`)."""
    return [*checkout_reader(root), "--data-dir", str(data)]


def _prepare(root: Path, data: Path, urls: list[str]) -> None:
    """Subscribe `data` to `urls` and sync it once (untimed) with the checkout at `root`."""
    urls_file = data.parent / f"{data.name}.urls"
    urls_file.write_text("\n".join(urls) + "\n", encoding="utf-8")
    for argv in (["import", str(urls_file)], ["sync", "-q", "--no-articles"]):
        done = run_measured([*_reader(root, data), *argv], env=child_env(), sample=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed: {done.stderr[-2000:]}")


def _newsboat(tmp: Path, name: str, urls: list[str]) -> list[str]:
    """newsboat on its own urls file and cache, reloaded once (untimed) so its cache is full."""
    folder = tmp / f"newsboat-{name}"
    folder.mkdir()
    (folder / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
    cmd = [
        "newsboat",
        "-u",
        str(folder / "urls"),
        "-c",
        str(folder / "cache.db"),
        "-C",
        "/dev/null",
    ]
    run_measured([*cmd, "-x", "reload"], sample=False)
    return cmd


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, help="another checkout's root, to compare")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--feeds", type=int, default=25)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.02)
    parser.add_argument("--hosts", type=int, default=4, help="loopback addresses 127.0.0.1…N")
    args = parser.parse_args(argv)

    warm_up()
    checkouts = [("after", HERE)]
    if args.before:
        checkouts.insert(0, ("before", args.before.resolve()))
    rows: list[tuple[str, str, list[str]]] = []  # (case, who, command)
    with (
        tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp_name,
        Farm(feeds=args.feeds, items=args.items, latency=args.latency, hosts=args.hosts) as farm,
    ):
        tmp = Path(tmp_name)
        one, every = farm.feed_urls[:1], farm.feed_urls
        for who, root in checkouts:
            d1, dn = tmp / f"{who}-1", tmp / f"{who}-n"
            _prepare(root, d1, one)
            _prepare(root, dn, every)
            rows += [
                ("--version", who, [*_reader(root, d1), "--version"]),
                ("feeds", who, [*_reader(root, dn), "feeds"]),
                (
                    "list, piped to head -20",
                    who,
                    ["sh", "-c", " ".join([*_reader(root, dn), "list"]) + " | head -20"],
                ),
                ("sync, 1 feed", who, [*_reader(root, d1), "sync", "-q", "--no-articles"]),
                (
                    f"sync, {len(every)} feeds",
                    who,
                    [*_reader(root, dn), "sync", "-q", "--no-articles"],
                ),
            ]
        if shutil.which("newsboat"):
            nb1, nbn = _newsboat(tmp, "1", one), _newsboat(tmp, "n", every)
            rows += [
                (
                    "list, piped to head -20",
                    "newsboat",
                    ["sh", "-c", " ".join([*nbn, "-x", "print-unread"]) + " | head -20"],
                ),
                ("sync, 1 feed", "newsboat", [*nb1, "-x", "reload"]),
                (f"sync, {len(every)} feeds", "newsboat", [*nbn, "-x", "reload"]),
            ]
        env = child_env()
        for _case, _who, cmd in rows:  # one untimed round: .pyc files and disk caches warm
            run_measured(cmd, env=env, sample=False)
        walls: dict[tuple[str, str], list[float]] = {}
        cpus: dict[tuple[str, str], list[float]] = {}
        load = [load_average()]
        for _ in range(args.runs):
            for case, who, cmd in rows:
                done = run_measured(cmd, env=env, sample=False)
                if done.returncode not in (0, 1) and who != "newsboat":
                    raise RuntimeError(f"{case} ({who}) failed: {done.stderr[-2000:]}")
                walls.setdefault((case, who), []).append(done.wall)
                cpus.setdefault((case, who), []).append(done.cpu)
        load.append(load_average())

    print(
        f"CLI start-up: medians of {args.runs} rounds, interleaved; {args.feeds} feeds × "
        f"{args.items} items, latency {args.latency:g} s; load average {' → '.join(load)}"
    )
    print()
    print(
        "| command | before wall / CPU s | after wall / CPU s | after/before wall, CPU | newsboat wall / CPU s |"
    )
    print("|---|---:|---:|---:|---:|")
    cases = list(dict.fromkeys(case for case, _, _ in rows))

    def cell(case: str, who: str) -> str:
        if (case, who) not in walls:
            return "—"
        return f"{median(walls[case, who]):.3f} / {median(cpus[case, who]):.3f}"

    for case in cases:
        ratio = "—"
        if (case, "before") in walls:
            w = median(walls[case, "after"]) / median(walls[case, "before"])
            c = median(cpus[case, "after"]) / max(median(cpus[case, "before"]), 1e-9)
            ratio = f"{w:.2f}×, {c:.2f}×"
        print(
            f"| {case} | {cell(case, 'before')} | {cell(case, 'after')} | {ratio} | {cell(case, 'newsboat')} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
