"""TUI start-up: the command typed → its first screen in a real terminal, against the floor.

    uv run python benchmarks/tui_startup.py [--runs 5] [--feeds 3] [--items 40] [--tags 0]
        [--cached-every 20] [--size 120x40] [--before DIR] [--data-dir DIR --marker TEXT]
        [--library FEEDS[:FOLDERS]] [--newsboat] [--imports]

Each run starts a program on a new pseudo-terminal (as a terminal window gives a user), reads
what it writes there as it comes, and stops at the frame that draws a marker's text:

- **import textual**: `python -c "import textual.app"` printing a line once done: what the
  interpreter and Textual's import alone cost on this machine now, the floor under any Textual
  app's first frame;
- **floor**: a minimal Textual app, one Label, its text the marker: Python, Textual and one
  frame;
- **empty**: `reader --data-dir EMPTY`, an empty data directory (no feeds), until the main
  screen's "No feeds yet" is painted;
- **demo-sized**: `reader --data-dir D` on `--feeds` × `--items` cached headlines (the demo's
  three feeds by default), until the first screen names a feed and shows the newest headline
  (the first feed's name in the feed list and the first headline's title both painted; a
  newsboat user times the first screen naming a feed). Its links point at a closed port on
  127.0.0.1 (offline): the refresh on start fails at once, after the first screen;
- **`--data-dir DIR`** (with `--marker`, a feed's name as the feed list shows it): a copy of a
  data directory of your own instead of the demo-sized one (an acceptance tester's 58 feeds,
  say); the refresh on start runs after the first screen, as it would.

`--cached-every N`: one headline in N of the demo-sized library has its article cached (20 by
default; 1: every one, as a sync leaves a library: acc48b B4's 40 feeds × 125 synced articles are
`--feeds 40 --items 125 --cached-every 1`).

`--imports` adds, for each reader, its Python importing what the screen's start imports before
its first frame (`reader.cli`, `reader.ui.app`) and no more, until it prints a line: the part of
its start that is imports, the rest its own work and Textual's to the first frame.

`--tags N` files the demo-sized library's feeds under N tags, feed after feed ("Topic 00",
"Topic 01"…), as newsboat's tags or an OPML file's folders file them: a row each in the feed
list, its count over its feeds (acc43a A13: 165 feeds under 12 tags, 3.5 s against newsboat's
0.4 s at load 17).

`--library FEEDS[:FOLDERS]` times instead an imported library never synced (no headline): an
OPML export of FEEDS feeds in FOLDERS folders (`big_library.py`: 9550:191 is acc43a A19's
2 MB Inoreader export, ~40 s to the first screen at load 16), imported by `reader import` of
this checkout, until its first screen names the first folder's tag (the first feed, with no
folders). Its addresses are at a closed port: the refresh on start fails at once, after it.

`--newsboat` adds newsboat (when it is on the PATH) on its own cache of the same size: the
farm's `--feeds` × `--items` served on 127.0.0.1 and reloaded once, untimed, until its feed
list names the first feed (`newsboat -u URLS -c CACHE -C /dev/null`, no reload on start); with
`--library`, on the same feeds (`big_library.py`'s urls file, the folders as tags; never
reloaded: its first screen lists them by address, as the reader's names them before a sync).

`--before DIR` adds the same two for another checkout of the reader (its root: `git archive main
reader | tar -x -C DIR`, say), run with `PYTHONPATH=DIR python -m reader`, this checkout's then run
the same way: a change's before and after, side by side, and a last table of each one's medians
after ÷ before.

All run alternately (import, floor, empty, demo-sized, import…) so a change of load hits them all; the
table gives each one's median and its ratio to the floor's, for the wall time and for the CPU
spent by then (on a shared machine the steadier of the two). Nothing is asserted: this prints
numbers.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py, tui_headlines.py beside this
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from big_library import feed_address, folder_name, write_library
from farm import (
    Farm,
    _cpu,
    _process_tree,
    child_env,
    load_average,
    median,
    reader_command,
    run_measured,
    warm_up,
)
from tui_headlines import build_data_dir
from tui_reading import parse_size

_TIMEOUT = 60.0
_ESCAPES = re.compile(
    rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][A-Za-z0-9]|.)"
)
"""The terminal's control sequences (CSI, OSC, charset, two-byte), taken out of what a program
writes, leaving its text."""

_FLOOR_APP = """
from textual.app import App
from textual.widgets import Label

class Floor(App):
    def compose(self):
        yield Label("Floor: the first screen")

Floor().run()
"""
_IMPORT_FLOOR = 'import textual.app; print("Floor: textual imported")'
_READER_IMPORTS = 'import reader.cli, reader.ui.app; print("Floor: reader imported")'


def _imports_alone(reader: list[str]) -> list[str]:
    """A reader's command (`... python -m reader`) made to import what its screen's start
    imports before the first frame, and print a line (`--imports`)."""
    return [*reader[: reader.index("-m")], "-c", _READER_IMPORTS]


def in_pty(
    command: list[str], size: tuple[int, int], env: dict[str, str]
) -> tuple[subprocess.Popen[bytes], int]:
    """`command` started in a new pseudo-terminal `size` (columns, rows) wide and high, in a
    session of its own: the process and the terminal's master side."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    proc = subprocess.Popen(
        command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
        cwd=tempfile.gettempdir(),  # `python -m reader` in a checkout would import that one
    )
    os.close(slave)
    return proc, master


def time_to_screen(
    command: list[str],
    marker: str | tuple[str, ...],
    size: tuple[int, int],
    env: dict[str, str],
    timeout: float = _TIMEOUT,
) -> tuple[float, float, float]:
    """Seconds from starting `command` on a new pseudo-terminal to `marker` in what it writes
    there (every one of them, given several), and the CPU seconds spent by then: by its
    process, and with its children (workers).

    The terminal's output is read as it comes (no polling), so the CPU is read within a
    scheduler's wake-up of the frame that drew the marker, before much else can run."""
    markers = [text.encode() for text in ((marker,) if isinstance(marker, str) else marker)]
    started = time.perf_counter()
    proc, master = in_pty(command, size, env)
    seen = b""
    try:
        while True:
            elapsed = time.perf_counter() - started
            if elapsed > timeout:
                raise TimeoutError(f"{marker!r} not shown after {timeout:.0f} s: {seen[-2000:]!r}")
            if not select.select([master], [], [], 1.0)[0]:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the program ended: its terminal is gone
                chunk = b""
            if not chunk:
                raise RuntimeError(f"{command} ended before {marker!r} was shown: {seen[-2000:]!r}")
            seen += chunk
            shown = _ESCAPES.sub(b"", seen[-65536:])
            if all(text in shown for text in markers):
                elapsed = time.perf_counter() - started
                return elapsed, _cpu(proc.pid), sum(_cpu(p) for p in _process_tree(proc.pid))
    finally:
        _end(proc, master)


def _end(proc: subprocess.Popen[bytes], master: int) -> None:
    """Stop the program as a closed terminal window would, reading what it writes meanwhile
    (a full terminal would keep it from ending)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGHUP)
    deadline = time.monotonic() + 20
    while proc.poll() is None and time.monotonic() < deadline:
        if select.select([master], [], [], 0.1)[0]:
            with contextlib.suppress(OSError):
                os.read(master, 65536)
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    os.close(master)


def _newsboat(root: Path, feeds: int, items: int) -> tuple[list[str], str]:
    """newsboat on a cache of `feeds` × `items` headlines (the farm's, reloaded once, the farm
    stopped after: newsboat reloads nothing on start), and what its first screen names."""
    folder = root / "newsboat"
    folder.mkdir()
    with Farm(feeds=feeds, items=items, latency=0.0, hosts=1) as farm:
        (folder / "urls").write_text("\n".join(farm.feed_urls) + "\n", encoding="utf-8")
        command = ["newsboat", "-u", str(folder / "urls"), "-c", str(folder / "cache.db")]
        command += ["-C", "/dev/null"]
        run_measured([*command, "-x", "reload"], sample=False)
        return command, farm._feed_title(0)


def _tagged(data_dir: Path, tags: int) -> None:
    """The library at `data_dir`'s feeds filed under `tags` tags, feed after feed."""
    from reader.library import Library

    lib = Library(data_dir, workers="thread")
    try:
        for n, feed in enumerate(lib.feeds()):
            lib.tag_feed(feed.url, [f"Topic {n % tags:02d}"])
    finally:
        lib.close()


def _imported(root: Path, data_dir: Path, shape: str) -> tuple[str, tuple[list[str], str]]:
    """A never-synced library at `data_dir` imported from an OPML export of `shape`
    ("FEEDS[:FOLDERS]", `big_library.py`), what its first screen names, and newsboat's command
    on the same feeds (its urls file) with what its first screen names."""
    feeds, _, folders = shape.partition(":")
    count, folder_count = int(feeds), int(folders or 0)
    opml = write_library(root / "library", count, folder_count)
    command = [*reader_command(), "--data-dir", str(data_dir), "import", str(opml)]
    imported = run_measured(command, env=child_env(READER_CONFIG=os.devnull), sample=False)
    if imported.returncode:
        raise RuntimeError(f"reader import failed: {imported.stderr}")
    shown = folder_name(0) if folder_count else "Big blog 00000"
    cache = root / "library" / "cache.db"
    newsboat = ["newsboat", "-u", str(root / "library" / "urls"), "-c", str(cache)]
    # The address as newsboat lists a feed it never fetched, past its row's number and counts.
    return shown, ([*newsboat, "-C", "/dev/null"], feed_address(0).rsplit("/", 1)[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--feeds", type=int, default=3)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--size", type=parse_size, default=(120, 40))
    parser.add_argument("--before", type=Path, help="another checkout's root, to compare")
    parser.add_argument("--data-dir", type=Path, help="a data directory of your own (copied)")
    parser.add_argument("--marker", help="with --data-dir: a feed's name, as its list shows it")
    parser.add_argument("--newsboat", action="store_true", help="newsboat beside, if installed")
    parser.add_argument("--tags", type=int, default=0, help="the feeds filed under this many")
    parser.add_argument(
        "--cached-every", type=int, default=20, help="one article in this many cached (1: all)"
    )
    parser.add_argument("--imports", action="store_true", help="each reader's imports alone too")
    parser.add_argument("--library", metavar="FEEDS[:FOLDERS]", help="an imported OPML export")
    parser.add_argument("--timeout", type=float, default=_TIMEOUT, help="seconds a screen may take")
    args = parser.parse_args(argv)
    if args.data_dir and not args.marker:
        parser.error("--data-dir needs --marker: what its first screen shows")
    newsboat: tuple[list[str], str] | None = None
    warm_up()
    env = child_env(TERM="xterm-256color", COLORTERM="truecolor")  # as a terminal gives
    with tempfile.TemporaryDirectory(prefix="reader-tui-startup-") as tmp:
        root = Path(tmp)
        floor_script = root / "floor.py"
        floor_script.write_text(_FLOOR_APP)
        empty, filled = root / "empty", root / "filled"
        empty.mkdir()
        if args.data_dir:
            shutil.copytree(args.data_dir, filled)
            shown: str | tuple[str, ...] = args.marker
            filled_name = args.data_dir.name
        elif args.library:
            shown, newsboat = _imported(root, filled, args.library)
            filled_name = f"library {args.library}"
        else:
            headlines, _, cached = build_data_dir(filled, args.feeds, args.items, args.cached_every)
            if args.tags:
                _tagged(filled, args.tags)
            shown = ("Feed 000", "Story 0 of feed 0")  # the first feed named, its newest story
            tagged = f" / {args.tags} tags" if args.tags else ""
            synced = ", all cached" if cached == headlines else ""
            filled_name = f"{headlines} headlines{tagged}{synced}"
        readers = {"reader": reader_command()}
        if args.before:
            here = Path(__file__).resolve().parent.parent
            readers = {
                "before": [
                    "env",
                    f"PYTHONPATH={args.before.resolve()}",
                    sys.executable,
                    "-m",
                    "reader",
                ],
                "after": ["env", f"PYTHONPATH={here}", sys.executable, "-m", "reader"],
            }
        floor = "floor (one Label)"
        targets: dict[str, tuple[list[str], str | tuple[str, ...]]] = {
            "import textual": ([sys.executable, "-c", _IMPORT_FLOOR], "Floor: textual imported"),
            floor: ([sys.executable, str(floor_script)], "Floor: the first screen"),
        }
        for name, reader in readers.items():
            if args.imports:
                targets[f"{name}, imports"] = (_imports_alone(reader), "Floor: reader imported")
            targets[f"{name}, empty"] = ([*reader, "--data-dir", str(empty)], "No feeds yet")
            targets[f"{name}, {filled_name}"] = ([*reader, "--data-dir", str(filled)], shown)
        if args.newsboat and shutil.which("newsboat") and newsboat is not None:
            targets[f"newsboat, {filled_name}"] = newsboat
        elif args.newsboat and shutil.which("newsboat"):
            targets[f"newsboat, {args.feeds * args.items} headlines"] = _newsboat(
                root, args.feeds, args.items
            )
        for command, marker in targets.values():  # untimed: .pyc files, the disk cache warm
            time_to_screen(command, marker, args.size, env, args.timeout)
        times: dict[str, list[tuple[float, float, float]]] = {name: [] for name in targets}
        loads = [load_average()]
        for _ in range(args.runs):
            for name, (command, marker) in targets.items():
                times[name].append(time_to_screen(command, marker, args.size, env, args.timeout))
            loads.append(load_average())

    print(
        f"TUI start-up to the first screen, {args.runs} runs each, alternating; "
        f"load {', '.join(loads)}"
    )
    print("wall: seconds until on screen; CPU: seconds of CPU spent by then, by the program's")
    print("own process and with its children (worker processes); × floor: median ÷ the floor's")
    print("(the one-Label app's); over floor: the wall and own CPU medians less the floor's,")
    print("what the program adds to Python, Textual and one frame")
    columns = ("wall", "own CPU", "with children")
    floors = [median([run[k] for run in times[floor]]) for k in range(3)]
    print(
        f"{'':<36}"
        + "".join(f"{c:>14} {'× floor':>8}" for c in columns)
        + f"{'over floor':>18}{'wall min-max':>14}"
    )
    for name, runs in times.items():
        cells = []
        medians = [median([run[k] for run in runs]) for k in range(3)]
        for k in range(3):
            cells.append(f"{medians[k]:>13.2f}s {medians[k] / floors[k]:>8.2f}")
        walls = [run[0] for run in runs]
        over = f"{medians[0] - floors[0]:+.2f}s {medians[1] - floors[1]:+.2f}s"
        print(f"{name:<36}" + "".join(cells) + f"{over:>18}{min(walls):>8.2f}-{max(walls):.2f}s")
    if args.before:
        _print_after_before(times)
    return 0


def _print_after_before(times: dict[str, list[tuple[float, float, float]]]) -> None:
    """Each "after" row's medians ÷ its "before" row's, of the same runs: a change's effect
    side by side, the load the same for both."""
    print()
    print(
        f"{'after ÷ before':<36}"
        + "".join(f"{c:>14}" for c in ("wall", "own CPU", "with children"))
    )
    for name, runs in times.items():
        if not name.startswith("after, "):
            continue
        before = times["before, " + name.removeprefix("after, ")]
        ratios = [
            median([run[k] for run in runs]) / median([run[k] for run in before]) for k in range(3)
        ]
        print(f"{name.removeprefix('after, '):<36}" + "".join(f"{r:>14.2f}" for r in ratios))


if __name__ == "__main__":
    sys.exit(main())
