"""Descriptors and memory an in-process reader leaves behind: the TUI driven by Textual's Pilot
and the CLI's commands, run again and again in one process, as the tests run them.

    uv run python benchmarks/descriptors.py [--cycles 4] [--before DIR] [--show] [--thaw]

Each cycle, on a new data directory subscribed to the demo site (served on 127.0.0.1):

- **tui**: the reader opened with Pilot, `S` (a sync of every feed and article), an article
  opened, Esc, `F council Enter` (a search of the articles' text), then quit;
- **cli**: `reader add`, `list`, `show`, `list --search`, `feeds`, `cache`, `mark-read` and
  `export` called in this process (`reader.cli.main`, as tests/cli_run.py calls them), and a
  library's sync in threads (tests/conftest.py's `sync_into`).

After each step (no collection forced: what is left open is what a test process keeps), it
prints the process's open descriptors (/proc/self/fd), grouped by what they are (the SQLite files
by name, pipes, sockets, anonymous inodes), its resident memory (VmRSS) and the objects frozen
out of the collector's way (`gc.get_freeze_count`: the TUI freezes its long-lived objects,
`ui.collector`). A real reader runs one app per process; what a cycle leaves open here is what
the app or a command did not close at its end.

`--before DIR` runs another checkout of the reader too (its root: `git archive main reader |
tar -x -C DIR`), each in a process of its own with that checkout first on `PYTHONPATH` (the
drivers, tests/tui_pilot.py, from this one). `--show` prints each descriptor a step left.
`--thaw` gives what a step froze back to the collector after it (`gc.unfreeze`), as
tests/conftest.py does after each test: frozen, an in-process reader's objects outlive it.
Nothing is asserted (tests/test_descriptors.py asserts the count comes back).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import gc
import io
import json
import os
import subprocess
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout, suppress
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_ROOT = _HERE.parent


def kind(target: str) -> str:
    """What a descriptor is: a file by its name (a cache's `cache.db-wal`), else its kind."""
    if target.startswith("/"):
        name = Path(target.removesuffix(" (deleted)")).name
        return "shm" if name.startswith("pym-") else name
    return target.split(":")[0]


def rss_kb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


async def tui_cycle(directory: Path, feed_urls: list[str]) -> None:
    from reader.library import Library
    from reader.ui.app import ReaderApp
    from reader.ui.screens.main import MainScreen
    from reader.ui.screens.main_full_text import SEARCH_VIEW
    from tests.tui_pilot import first_article_row, on_top, open_row, started, table, until

    async with Library(directory) as lib:
        for url in feed_urls:
            lib.add_feed(url)
    app = ReaderApp(directory, refresh_on_start=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await started(pilot)
        await pilot.press("S")
        await until(pilot, lambda: app.status.startswith("Synced"), "the sync")
        articles = lambda: any(not h.entry.link.endswith(".pdf") for h in table(app).rows)  # noqa: E731
        await until(pilot, articles, "the synced headlines")
        await open_row(pilot, first_article_row(app))
        await pilot.press("escape")
        screen = await on_top(pilot, MainScreen, "the headlines")
        await pilot.press("F", *"council", "enter")
        await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")


def cli_cycle(directory: Path, feed_urls: list[str]) -> None:
    from reader.cli import main
    from reader.library import Library

    def reader(*args: str) -> str:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err), suppress(SystemExit):
            main(list(args))
        return out.getvalue()

    os.environ["READER_HOME"] = str(directory)
    reader("add", feed_urls[0])
    first = json.loads(reader("list", "--json"))[0]["id"]
    for args in (["show", first], ["list", "--search", "council"], ["feeds"], ["cache"]):
        reader(*args)
    reader("mark-read")
    reader("export")

    async def sync() -> None:
        async with Library(directory, workers="thread") as lib:
            for url in feed_urls[1:]:
                lib.add_feed(url)
            await lib.sync(articles=True)

    asyncio.run(sync())


def child(cycles: int, show: bool, thaw: bool) -> None:
    """Run the cycles in this process, a JSON line after each step."""
    # tests.tui_pilot from this checkout, after the one measured (PYTHONPATH, its `reader`) and
    # before the editable install's, whose tests/ would be found first.
    measured = os.environ.get("PYTHONPATH", "").split(os.pathsep)[0]
    sys.path.insert(sys.path.index(measured) + 1 if measured in sys.path else 1, str(_ROOT))
    os.environ["TZ"] = "UTC"
    from reader.demo.server import start_demo_server
    from reader.store import Store
    from tests.processes import open_descriptors

    server = start_demo_server()
    base = Path(tempfile.mkdtemp(prefix="descriptors-"))
    start = open_descriptors()
    print(json.dumps({"step": "start", "fds": len(start), "rss": rss_kb()}), flush=True)
    for cycle in range(cycles):
        for step in ("tui", "cli"):
            directory = base / f"{step}{cycle}"
            directory.mkdir()
            Store(directory).close()  # a library, as `reader add` starts one
            before = open_descriptors()
            if step == "tui":
                asyncio.run(tui_cycle(directory, server.feed_urls))
            else:
                cli_cycle(directory, server.feed_urls)
            if thaw:
                gc.unfreeze()
                if os.environ.get("COLLECT"):
                    gc.collect()
            after = open_descriptors()
            left = {fd: t for fd, t in after.items() if before.get(fd) != t}
            line = {
                "step": f"{step} {cycle + 1}",
                "fds": len(after),
                "left": dict(collections.Counter(kind(t) for t in left.values())),
                "rss": rss_kb(),
                "frozen": gc.get_freeze_count(),
            }
            if show:
                line["each"] = sorted(left.values())
            print(json.dumps(line), flush=True)
    server.stop()


def run_tree(tree: Path, cycles: int, flags: list[str]) -> list[dict[str, object]]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, __file__, "--child", "--cycles", str(cycles)]
    done = subprocess.run(
        [*command, *flags],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        sys.exit(f"{tree}: exited with {done.returncode}\n{done.stderr[-3000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=4)
    parser.add_argument("--before", type=Path, help="another checkout's root, run too")
    parser.add_argument("--show", action="store_true", help="each descriptor a step left")
    parser.add_argument("--thaw", action="store_true", help="unfreeze after each step")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.cycles, args.show, args.thaw)
        return
    sys.path.insert(0, str(_HERE))
    from farm import load_average

    trees = {"this": _ROOT, **({"before": args.before.resolve()} if args.before else {})}
    print(f"load {load_average()}")
    for name, tree in trees.items():
        print(f"\n{name} ({tree})")
        print(f"{'step':<8} {'fds':>5} {'RSS MB':>7} {'frozen':>8}  left open by the step")
        flags = [*(["--show"] if args.show else []), *(["--thaw"] if args.thaw else [])]
        for line in run_tree(tree, args.cycles, flags):
            left = ", ".join(f"{k} {n}" for k, n in sorted(line.get("left", {}).items()))  # type: ignore[attr-defined]
            frozen = line.get("frozen", "")
            print(
                f"{line['step']:<8} {line['fds']:>5} {line['rss'] / 1024:>7.1f} {frozen:>8}  {left}"
            )  # type: ignore[operator]
            for target in line.get("each", []):  # type: ignore[attr-defined]
                print(f"{'':<8} {target}")
    print(f"load {load_average()}")


if __name__ == "__main__":
    main()
