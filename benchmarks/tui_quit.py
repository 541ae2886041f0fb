"""TUI quit: `q` pressed → the screen given back, and → the process gone, in a real terminal.

    uv run python benchmarks/tui_quit.py [--runs 5] [--feeds 3] [--items 40] [--before DIR]
                                         [--settle 4] [--first G]

Each run starts a program on a new pseudo-terminal, waits for its first screen and `--settle`
seconds more (the reader's worker processes started, its refresh on opening over), types `q`
(`--first`'s keys `_FIRST_WAIT` s before it: `--settle 0 --first G` quits behind a key that
waits for every headline while the start reads them), and reads what it writes from then on:

- **screen left**: until the sequence leaving the alternate screen (`ESC [ ? 1049 l`) comes:
  the terminal shows the shell's lines again, the reader gone from sight;
- **ended**: until the process has exited (the shell's prompt comes then).

- **floor**: a minimal Textual app, one Label, quit by `q`: what Textual alone costs;
- **reader**: `reader --data-dir D` on `--feeds` × `--items` cached headlines (links to a
  closed port on 127.0.0.1: offline), quit from its headlines;
- **demo** (`--demo`): `reader demo` on a throwaway directory, quit `--settle` seconds after its
  first screen: its refresh and its fetch ahead of the articles under way, the workers busy.

`--settle 2 --demo` quits while the worker processes are busy (importing the parsers on a busy
machine, extracting the demo's pages): the process used to wait for their work, up to 2 s,
before `workers.stop_pool` ended them at once (a write to the store under way finished first).

`--held --first S` quits during a sync on a data directory another program holds (its state store
held by an open write, tests/test_busy_store.py's `held`, for each run of the reader): the
sync's first write waits on the holder as `q` comes. A write begun so kept SQLite's 30 s wait
(held here for `_HELD_AT_MOST`), where the rest of quitting waits 5 s in all (`QUIT_WAIT`).

`--before DIR` runs another checkout of the reader too (its root: `git archive main reader |
tar -x -C DIR`), beside this one, alternately: a change's before and after in one run. Nothing
is asserted: this prints medians, and each one's ratio to the floor's.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import select
import signal
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py, tui_headlines.py beside this
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout
sys.path.insert(2, str(Path(__file__).resolve().parent.parent / "tests"))  # test_busy_store

from farm import child_env, load_average, median, warm_up
from test_busy_store import held
from tui_headlines import build_data_dir
from tui_startup import _ESCAPES, in_pty

_TIMEOUT = 60.0
_HELD_AT_MOST = 40.0
"""Seconds the holder of `--held` holds the store at most: then it lets go by itself."""
_FIRST_WAIT = 0.2
"""Seconds between `--first`'s keys and the `q` timed."""
LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"

_FLOOR_APP = """
from textual.app import App
from textual.widgets import Label

class Floor(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Label("Floor: the first screen")

Floor().run()
"""


def time_to_quit(
    command: list[str], marker: str, settle: float, env: dict[str, str], first: bytes = b""
) -> tuple[float, float]:
    """Seconds from `q` typed to the alternate screen left, and to the process ended."""
    proc, master = in_pty(command, (120, 40), env)
    seen = b""
    try:
        start = time.monotonic()
        while marker.encode() not in _ESCAPES.sub(b"", seen[-65536:]):
            if time.monotonic() - start > _TIMEOUT:
                raise TimeoutError(f"{marker!r} not shown: {seen[-2000:]!r}")
            seen += _read(master, 1.0)
        until = time.monotonic() + settle
        while time.monotonic() < until:  # its output read meanwhile: a full terminal stalls it
            _read(master, until - time.monotonic())
        if first:
            os.write(master, first)
            until = time.monotonic() + _FIRST_WAIT
            while time.monotonic() < until:
                _read(master, until - time.monotonic())
        seen = b""
        typed = time.perf_counter()
        os.write(master, b"q")
        left = ended = 0.0
        while not ended:
            if time.perf_counter() - typed > _TIMEOUT:
                raise TimeoutError(f"not ended: {seen[-2000:]!r}")
            chunk = _read(master, 0.02)
            seen += chunk
            if not left and LEAVE_ALTERNATE_SCREEN in seen:
                left = time.perf_counter() - typed
            if proc.poll() is not None:
                ended = time.perf_counter() - typed
        return left or ended, ended
    finally:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        os.close(master)


def _read(master: int, wait: float) -> bytes:
    if not select.select([master], [], [], max(wait, 0.0))[0]:
        return b""
    try:
        return os.read(master, 65536)
    except OSError:  # the program ended: its terminal is gone
        return b""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--feeds", type=int, default=3)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--settle", type=float, default=4.0)
    parser.add_argument("--before", type=Path, help="another checkout's root, to compare")
    parser.add_argument("--first", default="", help="keys typed just before `q` (`G`)")
    parser.add_argument(
        "--demo", action="store_true", help="also `reader demo`, quit while it fetches ahead"
    )
    parser.add_argument(
        "--held", action="store_true", help="the data directory held by another program"
    )
    args = parser.parse_args(argv)
    warm_up()
    env = child_env(TERM="xterm-256color", COLORTERM="truecolor")
    here = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory(prefix="reader-tui-quit-") as tmp:
        root = Path(tmp)
        floor_script = root / "floor.py"
        floor_script.write_text(_FLOOR_APP)
        filled = root / "filled"
        headlines, _, _ = build_data_dir(filled, args.feeds, args.items)
        readers = {"reader": here}
        if args.before:
            readers = {"before": args.before.resolve(), "after": here}
        targets = {"floor (one Label)": ([sys.executable, str(floor_script)], "Floor: the first")}
        for name, checkout in readers.items():
            command = ["env", f"PYTHONPATH={checkout}", sys.executable, "-m", "reader"]
            targets[f"{name}, {headlines} headlines"] = (
                [*command, "--data-dir", str(filled)],
                "Story 0 of feed 0",
            )
            if args.demo:  # a fresh directory each run: its refresh and fetch ahead under way
                targets[f"{name}, demo"] = ([*command, "demo"], "unread of")
        for command, marker in targets.values():  # untimed: .pyc files, the disk cache warm
            time_to_quit(command, marker, 0.5, env)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in targets}
        loads = [load_average()]
        for _ in range(args.runs):
            for name, (command, marker) in targets.items():
                first = b"" if name.startswith("floor") else args.first.encode()
                with ExitStack() as holding:
                    if args.held and not name.startswith("floor"):
                        holding.enter_context(held(filled / "state", at_most=_HELD_AT_MOST))
                    times[name].append(time_to_quit(command, marker, args.settle, env, first))
            loads.append(load_average())

    held_note = ", the data directory held by another program" if args.held else ""
    print(
        f"TUI quit, `q` typed → {args.runs} runs each, alternating{held_note};"
        f" load {', '.join(loads)}"
    )
    print("seconds from `q` to the alternate screen left, and to the process ended (medians)")
    floors = [median([run[k] for run in times["floor (one Label)"]]) for k in range(2)]
    print(f"{'':<24}{'screen left':>14}{'× floor':>9}{'ended':>10}{'× floor':>9}{'max':>8}")
    for name, runs in times.items():
        cells = ""
        for k in range(2):
            value = median([run[k] for run in runs])
            cells += f"{value:>13.3f}s{value / floors[k]:>9.1f}"
        print(f"{name:<24}{cells}{max(run[1] for run in runs):>7.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
