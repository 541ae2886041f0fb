"""A benchmark's child processes: the checkouts it compares, and one child run read back.

A benchmark that compares checkouts (this one, and a worktree of main named by `--against`) runs
each in a fresh Python of its own, so neither's imports, caches or garbage reach the other's
figures; the child prints what it measured as JSON on its last line. The arguments such a
benchmark takes (`comparison_parser`, `compared`) and the reader a child drives under Pilot
(`quiet_reader`) are set up here once for all of them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "Measured",
    "checkouts",
    "child_json",
    "compared",
    "comparison_parser",
    "descendants",
    "measured",
    "print_walls",
    "quiet_reader",
    "taking_turns",
    "walls_by_turns",
]

THIS_CHECKOUT = Path(__file__).resolve().parent.parent


def checkouts(against: Path | None) -> dict[str, Path]:
    """The checkouts measured by name: "this" one, and "against" when one is named."""
    return {"this": THIS_CHECKOUT} | ({"against": against.resolve()} if against else {})


def child_json(
    *args: object, env: dict[str, str] | None = None, timeout: float | None = None
) -> Any:
    """Run this Python with `args` (a script and its child's arguments, or `-c` and code) and
    return the JSON value of the last line it printed: what came before is the child's to say
    (a library's warning, a progress line) and is not read. A child that fails raises, with
    the end of what it said on stderr (its traceback)."""
    done = subprocess.run(
        [sys.executable, *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"child {args[:3]} exited {done.returncode}:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


@dataclass(frozen=True)
class Measured:
    """A child process run to its end (`measured`): its exit status, its peak RSS
    (`ru_maxrss`), CPU (user + sys) and wall time, and the lines it wrote."""

    status: int
    peak_mb: float
    cpu: float
    wall: float
    said: list[str]

    def figures(self) -> str:
        return f"peak {self.peak_mb:6.0f} MB  cpu {self.cpu:6.1f} s  wall {self.wall:6.1f} s"


def measured(
    command: list[str],
    env: dict[str, str],
    cwd: Path | None = None,
    said_on: Literal["stdout", "stderr"] = "stderr",
) -> Measured:
    """Run `command` and measure it (`Measured`), reading what it writes on `said_on` (the
    other stream is dropped)."""
    start = time.perf_counter()
    piped = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, said_on: subprocess.PIPE}
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, **piped)
    stream = process.stdout if said_on == "stdout" else process.stderr
    assert stream is not None
    said = stream.read().decode().strip().splitlines()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return Measured(status, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, wall, said)


def print_walls(
    walls: dict[str, list[float]], what: str, notes: dict[str, str] | None = None
) -> None:
    """Each checkout's wall times (seconds, by name as `checkouts` names them): "this  `what`:
    median … ms (min …, max …)" and its `notes`, then this / against when both ran."""
    for name, times in walls.items():
        median = statistics.median(times)
        print(
            f"{name:8} {what}: median {median * 1000:.0f} ms"
            f" (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
            + (notes or {}).get(name, "")
        )
    if walls.get("this") and walls.get("against"):
        ratio = statistics.median(walls["this"]) / statistics.median(walls["against"])
        print(f"this / against: {ratio:.2f}×")


def walls_by_turns(
    script: str,
    roots: dict[str, Path],
    runs: int,
    turn: Callable[[str, Path], list[object]],
    what: str,
    note: Callable[[dict[str, list[Any]]], str],
) -> None:
    """Run `script`'s child for each checkout of `roots` in turn, `runs` times, with the
    arguments `turn(name, root)` makes ready (a fresh copy of the data, say); each child prints
    a JSON object of lists, its wall times as "walls". Print the walls (`print_walls`), each
    checkout's with its `note` of all its lists, the children's one after another."""
    got: dict[str, dict[str, list[Any]]] = {name: {} for name in roots}
    for _ in range(runs):
        for name, root in roots.items():
            for key, values in child_json(script, *turn(name, root)).items():
                got[name].setdefault(key, []).extend(values)
    notes = {name: note(lists) for name, lists in got.items()}
    print_walls({name: lists["walls"] for name, lists in got.items()}, what, notes)


def scaled_runs(
    script: str, against: Path | None, sizes: tuple[int, ...]
) -> dict[str, dict[int, Any]]:
    """`script`'s child run at each size of `sizes` in this checkout and (`against`) the
    other, taking turns: what each printed last (`child_json`), by checkout and size."""
    roots = checkouts(against)
    took: dict[str, dict[int, Any]] = {name: {} for name in roots}
    for size in sizes:
        for name, root in roots.items():
            took[name][size] = child_json(script, "--child", root, size)
    return took


def comparison_parser(doc: str, data_dir: str = "") -> argparse.ArgumentParser:
    """The arguments of a benchmark that measures this checkout beside another (`--against`),
    each in a child of its own (`--child`, hidden): described by the first paragraph of its
    `doc`; with `data_dir`, its `--data-dir` first, which `compared` requires (`data_dir` says
    what it must be: "a copy of a big cache"). The script adds its own options after these."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    if data_dir:
        parser.add_argument("--data-dir", type=Path, help=f"{data_dir} (required)")
    parser.add_argument("--against", type=Path, help="another checkout (a worktree of main)")
    parser.set_defaults(required_data_dir=data_dir)
    return parser


def compared(
    parser: argparse.ArgumentParser,
    child: Callable[..., object],
    options: Callable[[argparse.Namespace], tuple[object, ...]] = lambda args: (),
    child_types: tuple[Callable[[str], object], ...] = (Path, Path),
    load: bool = True,
) -> argparse.Namespace | None:
    """The benchmark's arguments, parsed by `parser` (`comparison_parser`), for its parent to
    go on with: the load average said first (not with `load` False), a missing `--data-dir`
    refused. In a child (`--child` and one value each of `child_types`: the checkout, its data
    directory…) `child` is run instead with those values and the script's `options` of the
    arguments, and None is returned: the script ends there."""
    parser.add_argument("--child", nargs=len(child_types), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(
            *(kind(value) for kind, value in zip(child_types, args.child, strict=True)),
            *options(args),
        )
        return None
    if args.required_data_dir and args.data_dir is None:
        parser.error(f"--data-dir is required: {args.required_data_dir}")
    if load:
        from farm import load_average

        print(f"load average {load_average()}")
    return args


@asynccontextmanager
async def quiet_reader(
    data: Path, size: tuple[int, int] = (120, 40)
) -> AsyncIterator[tuple[Any, Any]]:
    """The real `ReaderApp` on `data` under `App.run_test()` at `size`, as a child measures
    it: no refresh on start, no fetching ahead; (the app, its Pilot). The reader imported is
    the child's checkout's, first on `sys.path`."""
    from reader.ui.app import ReaderApp

    app = ReaderApp(data, refresh_on_start=False)
    app.prefetch_limit = 0
    async with app.run_test(size=size) as pilot:
        yield app, pilot


def taking_turns(
    script: str, against: Path | None, runs: int, child_args: list[object], what: str, digits: int
) -> None:
    """Run `script`'s child (`--child ROOT *child_args`, printing a JSON object of ms by step)
    for each checkout in turn, `runs` times (the machine's load falls on both alike); print
    each checkout's medians by step ("  this  s 0.018 ms, E 0.013 ms (`what`)", `digits`
    after the point) and the ratios against / this."""
    roots = checkouts(against)
    times: dict[str, dict[str, list[float]]] = {name: {} for name in roots}
    for _ in range(runs):
        for name, root in roots.items():
            got = child_json(script, "--child", root, *child_args)
            for key, took in got.items():
                times[name].setdefault(key, []).append(took)
    for name in roots:
        said = ", ".join(
            f"{k} {statistics.median(v):.{digits}f} ms" for k, v in times[name].items()
        )
        print(f"  {name:8} {said} ({what})")
    if "against" in roots:
        ratios = ", ".join(
            f"{k} ×{statistics.median(times['against'][k]) / statistics.median(v):.2f}"
            for k, v in times["this"].items()
        )
        print(f"  against / this: {ratios}")


def index_comparison(
    script: str, doc: str, child: Callable[[Path, int], None], what: str, digits: int = 3
) -> int:
    """The `main` of a script timing the reader's index in memory (`--headlines` of them,
    `--runs` turns): its `child` run in this checkout and `--against`'s by turns
    (`taking_turns`), the load average after."""
    from farm import load_average

    parser = comparison_parser(doc)
    parser.add_argument("--headlines", type=int, default=43_000)
    parser.add_argument("--runs", type=int, default=5)
    args = compared(parser, child, child_types=(Path, int))
    if args is None:
        return 0
    taking_turns(script, args.against, args.runs, [args.headlines], what, digits)
    print(f"load average {load_average()}")
    return 0


def index_in_memory(
    root: Path,
    count: int,
    read: Callable[[int], bool] = lambda n: False,
    saved: Callable[[int], bool] = lambda n: False,
) -> Any:
    """A `HeadlineIndex` of the checkout at `root` (put first on `sys.path`), no store behind
    it: `count` headlines of 60 feeds, a minute apart, the nth `read` and `saved` as told."""
    sys.path.insert(0, str(root))
    from datetime import UTC, datetime, timedelta

    from reader.models import Entry, Feed
    from reader.reports import Headline
    from reader.ui.headlines import HeadlineIndex

    feeds = [Feed(f"http://127.0.0.1:9/{n}.xml", title=f"Feed {n}") for n in range(60)]
    now = datetime(2026, 12, 1, tzinfo=UTC)
    rows = []
    for n in range(count):
        feed, link = feeds[n % 60], f"http://127.0.0.1:9/{n}.html"
        entry = Entry(f"e{n}", feed.url, f"t{n}", link, now - timedelta(minutes=n))
        rows.append(Headline(entry, read(n), True, saved=saved(n), key=link))
    return HeadlineIndex(feeds, rows)


def descendants(pid: int) -> list[int]:
    """Every process `pid` started and those they started, from /proc (Linux); a thread or a
    process that ended while it was read has none."""
    found: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            kids = [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
        for kid in kids:
            found += [kid, *descendants(kid)]
    return found
